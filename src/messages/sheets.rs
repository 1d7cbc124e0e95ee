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
}
