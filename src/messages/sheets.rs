//! Spreadsheet messages: Vietnamese first, English second, `{name}`
//! placeholders, used through `t!` like [`super::Msg`].

use super::Lang;

catalogue! {
    SheetMsg;
    WorkbookFailed => "không tạo được bảng tính {file}: {detail}", "cannot make the workbook {file}: {detail}";
    WorkbookFailedHint => "đây là lỗi của bangtin, không phải của dữ liệu; hãy báo lại kèm thông báo này",
        "this is a fault in bangtin, not in the data; please report it with this message";

    // The scores template (`bangtin template scores`)
    SheetSelf => "Tự chấm", "Self-assessment";
    SheetAssessor => "Chấm – {name}", "Marks – {name}";
    SheetItems => "Thưởng, trừ, điểm liệt", "Bonus, penalties, disqualifiers";
    HeadingBonus => "Điểm thưởng (số lần)", "Bonus (occurrences)";
    HeadingPenalties => "Điểm trừ (số lần)", "Penalties (occurrences)";
    HeadingDisqualifiers => "Điểm liệt (1 = có)", "Disqualifiers (1 = applies)";
    TemplateTitle => "{sheet} – {cluster} năm {year}, {phase}", "{sheet} – {cluster}, {year}, {phase}";
    ColId => "Mã", "Id";
    ColTitle => "Nội dung", "Criterion";
    ColMax => "Tối đa", "Maximum";
    ColRule => "Cách chấm", "How to score";
    RowTotal => "Tổng điểm", "Total";
    RuleStep => "bước {step}", "step {step}";
    RuleFixed => "0 hoặc {max}", "0 or {max}";
    RuleProportional => "ghi tỷ lệ đạt được (ví dụ 0,82); chỉ tiêu {target}", "type the ratio reached (e.g. 0.82); target {target}";
    RuleAny => "từ 0 đến tối đa", "from 0 to the maximum";
    RuleCount => "{points} điểm mỗi lần", "{points} points each";
    RuleCountCapped => "{points} điểm mỗi lần, tối đa {cap}", "{points} points each, at most {cap}";
    RuleDisqualifier => "ghi 1 nếu có", "type 1 if it applies";
    ValidInputTitle => "Nhập điểm", "Enter the score";
    ValidErrorTitle => "Giá trị không hợp lệ", "Value not allowed";
    ValidScale => "Điểm từ 0 đến {max}, bước {step}.", "Points from 0 to {max}, in steps of {step}.";
    ValidFixed => "Chỉ ghi 0 hoặc {max}.", "Only 0 or {max}.";
    ValidProportional => "Tỷ lệ đạt được, không âm (ví dụ 0,82); chỉ tiêu {target}.", "The ratio reached, not negative (e.g. 0.82); target {target}.";
    ValidAny => "Điểm từ 0 đến {max}.", "Points from 0 to {max}.";
    ValidCount => "Số lần: số nguyên từ 0 trở lên.", "Occurrences: a whole number, 0 or more.";
    ValidDisqualifier => "Ghi 1 nếu có điểm liệt này, để trống nếu không.", "Type 1 if this disqualifier applies, leave empty if not.";
    TemplateDone => "Đã tạo {path}: {sheets} trang tính, {members} đơn vị, đợt {phase}. Gửi cho các đơn vị điền, rồi chạy bangtin import scores",
        "Created {path}: {sheets} sheets, {members} units, phase {phase}. Send it out to be filled in, then run bangtin import scores";
    TemplateExists => "{path} đã có; bangtin không ghi đè", "{path} already exists; bangtin will not overwrite it";
    TemplateExistsHint => "chọn tên khác bằng -o, hoặc tự xóa tệp cũ", "choose another name with -o, or delete the old file yourself";
    ImportBadYaml => "{target} có lỗi nên không đọc được điểm trong đó", "{target} has errors, so its scores cannot be read";
    ImportBadYamlHint => "chạy bangtin check, sửa tệp, rồi làm lại", "run bangtin check, fix the file, then try again";
    CliAboutTemplate => "Tạo bảng tính mẫu (xlsx) để các đơn vị điền điểm.", "Create a spreadsheet template (xlsx) for units to fill in their scores.";
    CliAboutTemplateScores => "Bảng tính chấm điểm của một Cụm trong một năm: mỗi người chấm một trang tính.",
        "The scoring workbook of a cluster-year: one sheet per assessor.";
    CliArgTemplateOut => "Tệp xlsx sẽ tạo (mặc định: diem-<mã Cụm>-<năm>-<đợt>.xlsx ở thư mục hiện tại).",
        "The xlsx file to create (default: diem-<cluster>-<year>-<phase>.xlsx in the current folder).";
    CliArgImportFile => "Bảng tính đã điền: .xlsx, .ods hoặc .csv (dấu , hoặc ;).", "The filled-in spreadsheet: .xlsx, .ods or .csv (, or ; separated).";
    CliArgImportWrite => "Ghi vào data/scores/<năm>/<mã Cụm>.yaml (không có thì chỉ cho xem thay đổi).",
        "Write data/scores/<year>/<cluster>.yaml (without it, only show the changes).";

    // Reading a filled template (`bangtin import scores`)
    ReadFailed => "không đọc được bảng tính: {detail}", "cannot read the spreadsheet: {detail}";
    ReadFailedHint => "mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx, .ods hoặc .csv (UTF-8)",
        "open it in Excel or LibreOffice and save it again as .xlsx, .ods or .csv (UTF-8)";
    CsvNotUtf8 => "tệp CSV không phải UTF-8", "the CSV file is not UTF-8";
    UnknownFileKind => "không đọc được tệp .{ext}: bangtin đọc .xlsx, .ods và .csv", "cannot read a .{ext} file: bangtin reads .xlsx, .ods and .csv";
    AtCell => "trang tính «{sheet}», ô {cell}: {message}", "sheet «{sheet}», cell {cell}: {message}";
    NotTemplate => "trang tính này không phải mẫu chấm điểm của bangtin (ô A2 không có dấu của mẫu)",
        "this sheet is not a bangtin scores template (cell A2 lacks the template's mark)";
    NotTemplateHint => "tạo mẫu bằng bangtin template scores, điền vào đó; đừng xóa hàng 2 (ẩn)",
        "make the template with bangtin template scores and fill that in; do not delete row 2 (hidden)";
    NoTemplateSheet => "bảng tính không có trang tính nào của mẫu chấm điểm bangtin", "the workbook has no sheet of a bangtin scores template";
    OtherPhase => "mẫu này dành cho {found}, không phải {wanted}", "this template is for {found}, not {wanted}";
    OtherPhaseHint => "kiểm tra --cluster, --year và --phase, hoặc tạo mẫu mới cho đợt này", "check --cluster, --year and --phase, or make a new template for this phase";
    UnknownSheet => "không biết trang tính của `{key}`", "unknown sheet key `{key}`";
    UnknownSheetHint => "các trang tính của mẫu: {keys}", "the template's sheets: {keys}";
    DidYouMean => "có phải ý bạn là `{suggestion}`?", "did you mean `{suggestion}`?";
    SheetTwice => "trang tính của `{key}` có hai lần (lần đầu: «{first}»)", "the sheet of `{key}` is there twice (first: «{first}»)";
    SheetTwiceHint => "giữ một trang tính cho mỗi người chấm; chép điểm về một chỗ rồi xóa bản kia", "keep one sheet per assessor; copy the scores into one and delete the other";
    SheetMissing => "thiếu trang tính «{name}» (`{key}`) của mẫu", "the template's sheet «{name}» (`{key}`) is missing";
    SheetMissingHint => "gửi lại cả bảng tính như mẫu đã tạo; để trống những ô chưa chấm", "send back the whole workbook as made; leave cells not scored empty";
    ColumnNoId => "cột có tên đơn vị nhưng không có mã ở hàng 2 (ẩn)", "a column has a unit name but no id in row 2 (hidden)";
    ColumnNotMember => "`{unit}` không phải thành viên của Cụm trong đợt này", "`{unit}` is not a member of the cluster in this phase";
    ColumnNotMemberHint => "xóa cột này, hoặc tạo mẫu mới sau khi sửa danh sách thành viên", "delete this column, or make a new template after fixing the member list";
    UnknownUnit => "không có đơn vị mã `{unit}`", "there is no unit with the id `{unit}`";
    MemberTwice => "`{unit}` có hai lần (lần đầu ở {first})", "`{unit}` is listed twice (first at {first})";
    MemberTwiceHint => "giữ một lần, chép điểm về một chỗ", "keep it once, with all the scores in one place";
    ColumnMoved => "tiêu đề cột là «{found}» nhưng mã ở hàng 2 là `{unit}` ({name}): cột đã bị chuyển hoặc sửa",
        "the column heading is «{found}» but the id in row 2 is `{unit}` ({name}): the column was moved or edited";
    ColumnMovedHint => "đừng chuyển, chèn hay xóa hàng và cột của mẫu; điền vào một mẫu mới nếu cần",
        "do not move, insert or delete the template's rows and columns; fill in a new template if needed";
    MemberMissing => "trang tính «{sheet}» thiếu cột của `{unit}` ({name})", "the sheet «{sheet}» has no column for `{unit}` ({name})";
    UnknownRow => "không có tiêu chí hay mục mã `{id}` trong biểu chấm điểm", "the scheme has no criterion or item `{id}`";
    UnknownRowHint => "đừng sửa cột Mã; các mã lấy từ biểu chấm điểm", "do not edit the Id column; the ids come from the scheme";
    RowTwice => "`{id}` có hai lần (lần đầu ở {first})", "`{id}` is there twice (first at {first})";
    RowMissing => "trang tính «{sheet}» thiếu hàng `{id}`", "the sheet «{sheet}» has no row `{id}`";
    NotNumber => "`{value}` không phải là số", "`{value}` is not a number";
    NotNumberHint => "ghi một số, ví dụ 19,5; để trống nếu chưa chấm", "type a number, e.g. 19.5; leave it empty if not scored";
    Negative => "`{value}` âm: điểm không nhỏ hơn 0", "`{value}` is negative: scores are at least 0";
    NegativeHint => "điểm trừ ghi ở trang tính Thưởng, trừ (số lần)", "penalties go on the bonus and penalties sheet (as occurrences)";
    AboveMax => "`{value}` lớn hơn điểm tối đa {max}", "`{value}` is above the maximum {max}";
    AboveMaxHint => "ghi từ 0 đến {max}", "type from 0 to {max}";
    OffStep => "`{value}` không theo bước {step}", "`{value}` is not a multiple of the step {step}";
    OffStepHint => "ghi bội số của {step}, ví dụ {below}", "type a multiple of {step}, e.g. {below}";
    NotFixed => "`{value}`: tiêu chí này chỉ nhận 0 hoặc {max}", "`{value}`: this criterion takes only 0 or {max}";
    NotFixedHint => "ghi 0 hoặc {max}", "type 0 or {max}";
    NotWhole => "`{value}` không phải số nguyên không âm", "`{value}` is not a whole number, 0 or more";
    NotWholeHint => "ghi số lần: 0, 1, 2, …", "type how many times: 0, 1, 2, …";
    NotFlag => "`{value}`: điểm liệt chỉ ghi 1 (có) hoặc 0 (không)", "`{value}`: a disqualifier takes 1 (applies) or 0 (does not)";
    NotFlagHint => "ghi 1 hoặc để trống", "type 1 or leave it empty";
    NoValue => "—", "—";
    RatioShown => "tỷ lệ {value}", "ratio {value}";
    ChangeUnit => "Đơn vị", "Unit";
    ChangeWhat => "Mục", "Item";
    ChangeOldNew => "Cũ → mới", "Old → new";
    ImportUnchanged => "{file}: không có gì thay đổi so với {target}; không ghi gì", "{file}: nothing differs from {target}; nothing written";
    ImportPreview => "{changes} thay đổi cho {target}. Chạy lại với --write để ghi", "{changes} changes to {target}. Run again with --write to write them";
    ImportWritten => "Đã ghi {changes} thay đổi vào {target}", "Wrote {changes} changes to {target}";
    ImportKeptLayout => "Giữ nguyên chú thích và thứ tự của tệp: chỉ các giá trị đổi được thay", "The file's comments and order are kept: only the changed values were replaced";
    ImportRewrote => "Tệp được viết lại (thêm đơn vị, tiêu chí, người chấm hoặc điểm thưởng/trừ): chú thích ở đầu tệp được giữ, chú thích giữa các điểm bị mất",
        "The file was written anew (a unit, criterion, assessor or bonus/penalty was added or changed): the comments at its top are kept, comments among the scores are lost";
    ImportNewFile => "Tạo tệp mới {target}", "Creating the new file {target}";
    ImportSheets => "Đã đọc {sheets}", "Read {sheets}";
    ImportCheckFailed => "Đã ghi {target}, nhưng kiểm tra trang còn lỗi (xem ở trên)", "Wrote {target}, but the site's check found errors (see above)";
    ImportChecked => "Kiểm tra xong: {target} đúng", "Checked: {target} is fine";
    CliAboutImport => "Nhập dữ liệu từ bảng tính.", "Import data from a spreadsheet.";
    CliAboutImportScores => "Đọc bảng tính chấm điểm đã điền vào data/scores/<năm>/<mã Cụm>.yaml; chỉ ghi khi có --write.",
        "Read a filled scoring workbook into data/scores/<year>/<cluster>.yaml; writes only with --write.";
}
