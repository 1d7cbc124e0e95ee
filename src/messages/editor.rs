//! The words of the local editor (`/_bangtin/` in `bangtin serve`):
//! Vietnamese first, English second. The editor page gets them all as JSON
//! (`EditorMsg::words`), keyed by the variant's name, so its script never
//! holds a sentence of its own.

use super::Lang;

catalogue! {
    EditorMsg;
    Title => "Soạn tin – bangtin", "Editor – bangtin";
    Articles => "Tin bài", "Articles";
    FieldTitle => "Tiêu đề", "Title";
    FieldDate => "Ngày đăng", "Date";
    FieldTags => "Chủ đề", "Tags";
    FieldSummary => "Tóm tắt", "Summary";
    FieldByline => "Người viết", "Byline";
    FieldCluster => "Cụm thi đua", "Cluster";
    FieldUnits => "Đơn vị", "Units";
    FieldDraft => "Bản nháp", "Draft";
    FieldBody => "Nội dung", "Text";
    Photos => "Ảnh", "Photos";
    Save => "Lưu", "Save";
    Publish => "Xuất bản", "Publish";
    // the list
    Pages => "Trang và lời giới thiệu trang chủ", "Pages and the home intro";
    Loading => "Đang tải…", "Loading…";
    LoadFailed => "Không tải được: {error}", "Cannot load: {error}";
    NetworkError => "Không kết nối được với bangtin serve; kiểm tra cửa sổ dòng lệnh còn chạy không.", "Cannot reach bangtin serve; check that it still runs in the terminal.";
    HttpError => "Lỗi {status}", "Error {status}";
    Search => "Tìm theo tiêu đề", "Search titles";
    FilterYear => "Năm", "Year";
    FilterState => "Trạng thái", "State";
    All => "Tất cả", "All";
    Drafts => "Bản nháp", "Drafts";
    Published => "Đã đăng", "Published";
    DocCount => "{count} tin bài", "{count} articles";
    NoDocs => "Không có tin bài nào khớp.", "No article matches.";
    NoTitle => "(chưa có tiêu đề)", "(no title)";
    HomeIntro => "Lời giới thiệu trang chủ", "Home intro";
    DraftBadge => "Nháp", "Draft";
    Broken => "Phần đầu không đọc được", "Front matter unreadable";
    NewDoc => "Viết mới", "Write something new";
    NewKind => "Loại", "Kind";
    NewArticle => "Tin bài", "Article";
    NewPage => "Trang", "Page";
    NewTitlePrompt => "Tiêu đề", "Title";
    TitleNeeded => "Cần có tiêu đề.", "A title is needed.";
    Create => "Tạo", "Create";
    Created => "Đã tạo “{title}”.", "Created “{title}”.";
    // the form
    BackToList => "Về danh sách", "Back to the list";
    KindArticle => "Tin bài", "Article";
    KindPage => "Trang", "Page";
    ViewSite => "Xem trên trang", "View on the site";
    Details => "Thông tin bài", "Details";
    DateNote => "giờ Việt Nam (+07:00)", "Vietnam time (+07:00)";
    TagsNote => "Gõ chủ đề rồi nhấn Enter; nhấn Backspace để chọn chủ đề cuối và bỏ nó.", "Type a tag and press Enter; Backspace selects the last tag to remove it.";
    TagRemove => "Bỏ chủ đề {tag}", "Remove the tag {tag}";
    TagAdded => "Đã thêm chủ đề {tag}.", "Added the tag {tag}.";
    TagRemoved => "Đã bỏ chủ đề {tag}.", "Removed the tag {tag}.";
    ClusterNone => "— Không chọn —", "— None —";
    ChoicesFailed => "Không tải được danh sách cụm và đơn vị: {error}", "Cannot load the clusters and units: {error}";
    UnitsNote => "Gõ để lọc danh sách, đánh dấu các đơn vị được nhắc tới.", "Type to filter the list; tick the units the article is about.";
    NoUnits => "Không có đơn vị nào cho ngày này.", "No unit for this date.";
    RawNote => "Phần đầu của tệp không đọc được thành biểu mẫu: sửa trực tiếp toàn văn dưới đây.", "The front matter cannot be read as a form: edit the whole text below.";
    FieldText => "Toàn văn", "Whole text";
    OtherDiagnostics => "Các lưu ý khác", "Other notes";
    BodyDiagnostics => "Chỗ cần xem lại trong nội dung", "Places to look at in the text";
    BodyNote => "Viết bằng Markdown; dán từ Word hoặc trang web sẽ được chuyển sẵn.", "Written in Markdown; text pasted from Word or a web page is converted.";
    Line => "Dòng {line}", "Line {line}";
    SevError => "Lỗi", "Error";
    SevWarning => "Cảnh báo", "Warning";
    SevNote => "Ghi chú", "Note";
    // the toolbar
    Toolbar => "Định dạng", "Formatting";
    ToolHeading => "Tiêu đề mục", "Heading";
    ToolBold => "Chữ đậm (Ctrl+B)", "Bold (Ctrl+B)";
    ToolItalic => "Chữ nghiêng (Ctrl+I)", "Italic (Ctrl+I)";
    ToolBullets => "Danh sách gạch đầu dòng", "Bulleted list";
    ToolNumbers => "Danh sách đánh số", "Numbered list";
    ToolLink => "Liên kết (Ctrl+K)", "Link (Ctrl+K)";
    ToolTable => "Bảng", "Table";
    ToolQuote => "Trích dẫn", "Quote";
    LinkText => "Chữ hiện ra", "Text shown";
    LinkAddress => "Địa chỉ", "Address";
    Insert => "Chèn", "Insert";
    TableColumn => "Cột {n}", "Column {n}";
    Pasted => "Đã dán và chuyển sang Markdown.", "Pasted and converted to Markdown.";
    PastedImage => "anh-dan-{n}", "pasted-{n}";
    // photos
    NoPhotos => "Chưa có ảnh.", "No photos yet.";
    PhotoCaption => "Chú thích", "Caption";
    PhotoAlt => "Mô tả cho người không xem được ảnh", "Description for those who cannot see it";
    PhotoCover => "Ảnh bìa", "Cover";
    MoveUp => "Lên", "Up";
    MoveDown => "Xuống", "Down";
    Remove => "Xóa", "Remove";
    PhotoRemoveConfirm => "Chuyển ảnh {file} vào thùng rác (.bangtin-trash)?", "Move {file} to the trash (.bangtin-trash)?";
    PhotoRemoved => "Đã chuyển ảnh {file} vào thùng rác.", "Moved {file} to the trash.";
    PhotoMoved => "Ảnh {file} ở vị trí {position} trên {count}.", "{file} is now {position} of {count}.";
    PhotoDrop => "Kéo thả ảnh vào đây, hoặc", "Drop photos here, or";
    PhotoPick => "Chọn ảnh…", "Choose photos…";
    PhotoUploading => "Đang tải lên {name}…", "Uploading {name}…";
    PhotoUploaded => "Đã tải lên {file}.", "Uploaded {file}.";
    PhotoUploadFailed => "Không tải lên được {name}: {error}", "Cannot upload {name}: {error}";
    // preview
    Preview => "Xem trước", "Preview";
    PreviewLoading => "Đang dựng bản xem trước…", "Rendering the preview…";
    PreviewUnavailable => "Chưa xem trước được ({error}).", "No preview yet ({error}).";
    PreviewFailed => "Văn bản chưa dựng được thành trang; xem các lỗi ở trên.", "The text does not build yet; see the errors above.";
    // saving
    Unsaved => "Có thay đổi chưa lưu", "Unsaved changes";
    LeaveWarning => "Có thay đổi chưa lưu. Vẫn rời trang?", "There are unsaved changes. Leave anyway?";
    Saving => "Đang lưu…", "Saving…";
    Saved => "Đã lưu.", "Saved.";
    SaveFailed => "Chưa lưu được: {error}", "Not saved: {error}";
    ConflictTitle => "Tệp đã được sửa ở nơi khác", "The file was changed elsewhere";
    ConflictIntro => "Trong lúc bạn soạn, tệp trên đĩa đã thay đổi. Hãy so sánh rồi chọn bản muốn giữ.", "While you were editing, the file on disk changed. Compare them and choose which to keep.";
    ConflictMine => "Bản của bạn", "Your version";
    ConflictDisk => "Bản trên đĩa", "The version on disk";
    KeepMine => "Giữ bản của tôi", "Keep mine";
    TakeDisk => "Lấy bản trên đĩa", "Take the disk's";
    TookDisk => "Đã mở lại bản trên đĩa.", "Reopened the version on disk.";
    Close => "Đóng", "Close";
    // the scores grid (scores.js)
    ScoresTitle => "Điểm thi đua", "Scores";
    ScoresBack => "Về danh sách cụm", "Back to the clusters";
    ScoresPick => "Chọn cụm và năm để nhập điểm", "Pick a cluster and year to enter scores";
    ScoresNone => "Chưa có cụm nào có biểu chấm điểm (scheme).", "No cluster-year has a scoring scheme yet.";
    ScoresNoFileYet => "chưa có tệp điểm, Lưu sẽ tạo", "no scores file yet, Save creates it";
    ScoresHelp => "Gõ điểm vào ô; phím mũi tên và Enter để di chuyển; dán được một vùng ô chép từ Excel. Bảng xếp hạng bên cạnh do bangtin tính từ điểm đang gõ, đúng như trang sẽ đăng.", "Type scores in the cells; arrows and Enter move; a block of cells copied from Excel can be pasted. The ranking beside is computed by bangtin from what is typed, exactly as the page will show it.";
    ScoresUnsaved => "Có thay đổi chưa lưu", "Unsaved changes";
    ScoresFileProblems => "Lỗi của tệp điểm", "Problems of the scores file";
    ScoresSheets => "Đợt và phiếu chấm", "Phases and sheets";
    ScoresEntry => "Nhập điểm", "Score entry";
    ScoresStatusTab => "Tình trạng đơn vị", "Unit status";
    ScoresCriterion => "Tiêu chí", "Criterion";
    ScoresLimit => "Tối đa", "Maximum";
    ScoresMax => "tối đa {max}", "at most {max}";
    ScoresTotal => "Tổng điểm", "Total";
    ScoresCellLabel => "Tiêu chí {criterion}, {unit}", "Criterion {criterion}, {unit}";
    ScoresCountLabel => "Số lần {item}, {unit}", "Times {item}, {unit}";
    ScoresCountWhole => "Số lần là số nguyên (0, 1, 2…).", "A count is a whole number (0, 1, 2…).";
    ScoresDisqualifierLabel => "{item}, {unit}", "{item}, {unit}";
    ScoresStatus => "Tình trạng", "Status";
    ScoresNote => "Ghi chú", "Note";
    ScoresStatusLabel => "Tình trạng của {unit}", "Status of {unit}";
    ScoresNoteLabel => "Ghi chú về {unit}", "Note on {unit}";
    ScoresStatusNone => "Bình thường", "Normal";
    ScoresRanked => "Xếp hạng", "Ranked";
    ScoresPartial => "Chưa đủ điểm", "Incomplete";
    ScoresWithdrawn => "Rút khỏi cụm", "Withdrawn";
    ScoresNotSubmitted => "Không nộp", "Not submitted";
    ScoresPasted => "Đã dán {count} ô.", "Pasted {count} cells.";
    ScoresRewritten => "Lưu lần này sẽ viết lại cả tệp điểm theo mẫu của bangtin: các dòng ghi chú (#) giữa các giá trị sẽ mất.", "This save rewrites the whole scores file in bangtin's layout: comment lines (#) between the values are lost.";
    ScoresIgnored => "Bảng xếp hạng chưa tính ô này.", "The ranking leaves this cell out.";
    ScoresRanking => "Xếp hạng", "Ranking";
    ScoresRankingYear => "Cả năm", "The year";
    ScoresRankingPhase => "{phase}", "{phase}";
    ScoresRankingNote => "tính từ điểm đang gõ, chưa lưu", "computed from what is typed, not saved";
    ScoresNoRanking => "Chưa xếp hạng được: sửa các lỗi của tệp ở trên.", "No ranking yet: fix the file's problems above.";
    ScoresRank => "Hạng", "Rank";
    ScoresClass => "Xếp loại", "Classification";
    ScoresConflict => "Giữ bản của tôi: ghi các ô bạn đã sửa lên bản trên đĩa. Lấy bản trên đĩa: bỏ các ô bạn đã sửa.", "Keep mine: write the cells you changed over the disk's version. Take the disk's: drop the cells you changed.";
    ExcelTemplate => "Tải mẫu Excel của đợt này", "Download this phase's Excel template";
    ExcelImport => "Nhập từ Excel", "Import from Excel";
    ExcelSaveFirst => "Có ô đang sửa chưa lưu. Hãy Lưu (hoặc tải lại trang để bỏ) trước khi nhập từ Excel, để không mất gì.", "Some cells have unsaved changes. Save them (or reload the page to drop them) before importing from Excel, so nothing is lost.";
    ExcelReading => "Đang đọc {name}…", "Reading {name}…";
    ExcelTitle => "Nhập từ Excel: {name}", "Import from Excel: {name}";
    ExcelSheets => "Đã đọc các trang tính: {sheets}", "Sheets read: {sheets}";
    ExcelNoChange => "Tệp này không làm thay đổi điểm nào; không có gì để lưu.", "This file changes no score; there is nothing to save.";
    ExcelNewFile => "Chưa có tệp điểm: Lưu sẽ tạo tệp mới.", "There is no scores file yet: Save makes it.";
    ExcelChanges => "{count} thay đổi sẽ được lưu", "{count} changes to save";
    ExcelWhat => "Mục", "Item";
    ExcelOld => "Trước", "Before";
    ExcelNew => "Sau", "After";
    ExcelApply => "Lưu {count} thay đổi", "Save {count} changes";
    ExcelApplied => "Đã nhập và lưu {count} thay đổi.", "Imported and saved {count} changes.";
    // units (clusters.js)
    UnitsTitle => "Đơn vị", "Units";
    UnitsFileProblems => "Lỗi của data/units.yaml", "Problems of data/units.yaml";
    UnitsSearch => "Tìm đơn vị (gõ có dấu hay không dấu đều được)", "Find a unit (with or without tone marks)";
    UnitsCount => "{count} đơn vị", "{count} units";
    UnitsNone => "Không có đơn vị nào khớp.", "No unit matches.";
    UnitsAdd => "Thêm đơn vị", "Add a unit";
    UnitsName => "Tên đầy đủ", "Full name";
    UnitsShort => "Tên ngắn (không bắt buộc)", "Short name (optional)";
    UnitsKind => "Loại đơn vị", "Kind";
    UnitsFrom => "Có từ ngày (không bắt buộc)", "Exists from (optional)";
    UnitsId => "Mã đơn vị (không bắt buộc)", "Unit id (optional)";
    UnitsIdNote => "Để trống thì bangtin đặt mã theo tên. Mã dùng trong tệp cụm và tệp điểm; không đổi và không dùng lại.", "Left empty, bangtin makes one from the name. The id is used in cluster and scores files; it never changes and is never reused.";
    UnitsAdded => "Đã thêm {name} (mã {id}).", "Added {name} (id {id}).";
    UnitsRename => "Đổi tên", "Rename";
    UnitsRenameTitle => "Đổi tên {name}", "Rename {name}";
    UnitsNewName => "Tên mới", "New name";
    UnitsNewFrom => "Dùng tên mới từ ngày", "The new name from";
    UnitsRenameNote => "Tên cũ vẫn được giữ, kết thúc vào ngày hôm trước; các năm trước vẫn hiện tên cũ.", "The old name is kept and ends the day before; earlier years still show it.";
    UnitsRenamed => "Đã đổi tên: {name}.", "Renamed: {name}.";
    UnitsMerge => "Sáp nhập", "Merge";
    UnitsMergeButton => "Sáp nhập {name} vào đơn vị khác", "Merge {name} into another unit";
    UnitsMergeTitle => "Ghi nhận {name} sáp nhập vào đơn vị khác", "Record that {name} merged into another unit";
    UnitsInto => "Sáp nhập vào", "Merged into";
    UnitsMergeDate => "Ngày sáp nhập", "Date of the merger";
    UnitsMergeNote => "Đơn vị hết hoạt động vào ngày hôm trước; kết quả các năm trước vẫn giữ tên của nó.", "The unit ends the day before; results of earlier years keep its name.";
    UnitsMerged => "Đã ghi nhận sáp nhập của {name}.", "Recorded the merger of {name}.";
    UnitsMergedInto => "Đã sáp nhập vào {unit} ngày {date}", "Merged into {unit} on {date}";
    UnitsNames => "Các tên theo thời gian", "Names over time";
    UnitsSince => "từ {from}", "from {from}";
    UnitsUntil => "đến {until}", "until {until}";
    KindAgency => "Cơ quan, đơn vị", "Agency";
    KindUnionBase => "Công đoàn cơ sở", "Grassroots union";
    KindUnionUpper => "Công đoàn cấp trên cơ sở", "Upper-level union";
    KindEnterprise => "Doanh nghiệp", "Enterprise";
    KindPlace => "Địa phương", "Locality";
    // cluster-years (clusters.js)
    ClustersTitle => "Cụm và thành viên", "Clusters and members";
    ClustersBack => "Về danh sách cụm", "Back to the clusters";
    ClustersNone => "Chưa có tệp cụm nào trong data/clusters/.", "There is no cluster file in data/clusters/ yet.";
    ClustersPick => "Chọn cụm và năm để sửa thành viên", "Pick a cluster and year to edit its members";
    ClustersYear => "Năm", "Year";
    ClustersMembersCount => "{count} thành viên", "{count} members";
    ClustersNewYear => "Năm mới cho một cụm", "A new year for a cluster";
    ClustersNewYearNote => "bangtin chép thành viên, vai trò và biểu chấm điểm của năm gần nhất, như lệnh bangtin new cluster-year; bạn sửa lại sau khi tạo.", "bangtin copies the members, roles and scheme of the latest year, as bangtin new cluster-year does; edit them once it is made.";
    ClustersCluster => "Cụm", "Cluster";
    ClustersLatest => "năm gần nhất {year}", "latest year {year}";
    ClustersStart => "Tạo năm mới", "Start the year";
    ClusterNotes => "bangtin đã giả định khi tạo năm mới", "What bangtin assumed for the new year";
    ClusterFileProblems => "Lỗi của tệp cụm", "Problems of the cluster file";
    ClusterMembers => "Thành viên", "Members";
    ClusterUnit => "Đơn vị", "Unit";
    ClusterRole => "Vai trò", "Role";
    ClusterFrom => "Vào cụm từ", "Joined on";
    ClusterUntil => "Rời cụm ngày", "Left on";
    ClusterLeftReason => "Lý do rời", "Why it left";
    ClusterActions => "Sắp xếp", "Order";
    ClusterCellLabel => "{what} – {unit}", "{what} – {unit}";
    ClusterNewMember => "thành viên mới {n}", "new member {n}";
    ClusterPickUnit => "— chọn đơn vị —", "— pick a unit —";
    ClusterUnitUnknown => "{id} (không có trong năm này)", "{id} (not a unit that year)";
    RoleMember => "Thành viên", "Member";
    RoleLeader => "Cụm trưởng", "Cluster leader";
    RoleDeputy => "Cụm phó", "Deputy leader";
    ClusterUp => "Đưa {unit} lên", "Move {unit} up";
    ClusterDown => "Đưa {unit} xuống", "Move {unit} down";
    ClusterMoved => "{unit} ở vị trí {n}.", "{unit} is now number {n}.";
    ClusterRemove => "Xóa {unit} khỏi danh sách", "Remove {unit} from the list";
    ClusterRemoved => "Đã bỏ {unit} khỏi danh sách (chưa lưu).", "Removed {unit} from the list (not saved).";
    ClusterAddMember => "Thêm thành viên", "Add a member";
    ClusterTargets => "Chỉ tiêu thi đua", "Targets";
    ClusterTargetLabel => "Chỉ tiêu {n}", "Target {n}";
    ClusterTargetRemove => "Xóa chỉ tiêu {n}", "Remove target {n}";
    ClusterAddTarget => "Thêm chỉ tiêu", "Add a target";
    ClusterDocuments => "Văn bản của cụm", "The cluster's documents";
    DocKind => "Loại", "Kind";
    DocTitle => "Tên văn bản", "Title";
    DocNumber => "Số, ký hiệu", "Number";
    DocDate => "Ngày ban hành", "Date";
    DocFile => "Tệp (trong static/)", "File (in static/)";
    DocOpen => "Mở tệp", "Open the file";
    DocCellLabel => "{what} – văn bản {n}", "{what} – document {n}";
    DocRemove => "Xóa văn bản {n}", "Remove document {n}";
    DocUpload => "Tải lên văn bản PDF", "Upload a PDF document";
    DocAdd => "Thêm văn bản không có tệp", "Add a document without a file";
    DocUploaded => "Đã tải lên {file}; điền số, ngày rồi Lưu.", "Uploaded {file}; fill in its number and date, then Save.";
    ClusterSigning => "Hội nghị ký kết giao ước", "The covenant signing";
    SigningDate => "Ngày ký kết", "Date";
    SigningHost => "Đơn vị đăng cai", "Host unit";
    SigningPlace => "Địa điểm", "Place";
    ClusterOtherFields => "Tên cụm, biểu chấm điểm, các đợt và năm sau sửa trực tiếp trong {path}, hội nghị tổng kết trong data/outcomes/; bangtin check cho biết chỗ sai.", "The cluster's name, scheme, phases and next year are edited in {path} itself, the review in data/outcomes/; bangtin check says what is wrong.";
    ClusterOpenScores => "Nhập điểm của cụm năm này", "Enter this year's scores";
    ClusterConflict => "Giữ bản của tôi: ghi danh sách thành viên và chỉ tiêu đang sửa lên bản trên đĩa. Lấy bản trên đĩa: bỏ các thay đổi của bạn.", "Keep mine: write the members and targets you edited over the disk's version. Take the disk's: drop your changes.";
    // publish
    Publishing => "Đang xuất bản…", "Publishing…";
    PublishResult => "Kết quả xuất bản", "Publish result";
    OpenPath => "Mở {path}", "Open {path}";
}

impl EditorMsg {
    /// Every word in `lang`, as a JSON object `{ "Save": "Lưu", … }`.
    pub fn words(lang: Lang) -> String {
        let map: serde_json::Map<String, serde_json::Value> = EditorMsg::ALL
            .iter()
            .map(|m| (format!("{m:?}"), m.template(lang).into()))
            .collect();
        serde_json::Value::Object(map).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words the editor's scripts ask for by name: `w('Name')`, and the
    /// values of their word maps (`var X_WORDS = { key: 'Name', … };`), whose
    /// names reach `w` through a variable.
    fn asked(script: &str) -> Vec<&str> {
        let called = script
            .split("w('")
            .skip(1)
            .filter_map(|rest| rest.split('\'').next());
        let mapped = script
            .lines()
            .filter(|line| line.contains("_WORDS = {"))
            .filter_map(|line| line.split_once('{')?.1.split_once('}'))
            .flat_map(|(pairs, _)| pairs.split(','))
            .filter_map(|pair| Some(pair.split_once(':')?.1.trim().trim_matches('\'')));
        called.chain(mapped).collect()
    }

    #[test]
    fn every_word_a_script_asks_for_is_in_the_catalogue_in_both_languages() {
        let scripts = [
            include_str!("../serve/editor/ui/editor.js"),
            include_str!("../serve/editor/ui/scores.js"),
            include_str!("../serve/editor/ui/clusters.js"),
            include_str!("../serve/editor/ui/excel.js"),
            include_str!("../serve/editor/ui/paste.js"),
        ];
        for lang in [Lang::Vi, Lang::En] {
            let words: serde_json::Value = serde_json::from_str(&EditorMsg::words(lang)).unwrap();
            let missing: Vec<&str> = scripts
                .iter()
                .flat_map(|s| asked(s))
                .filter(|name| words.get(*name).is_none())
                .collect();
            assert!(missing.is_empty(), "{lang:?}: no word for {missing:?}");
        }
    }

    #[test]
    fn the_scan_finds_the_names_a_script_uses() {
        assert_eq!(
            asked("a(w('Save')); w('Saved', { x: 1 })"),
            ["Save", "Saved"]
        );
        assert_eq!(
            asked("var ROW_WORDS = { ranked: 'Ranked', '': 'None' };\nw(ROW_WORDS[s])"),
            ["Ranked", "None"]
        );
    }
}
