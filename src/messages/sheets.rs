//! Spreadsheet messages: Vietnamese first, English second, `{name}`
//! placeholders, used through `t!` like [`super::Msg`].

use super::Lang;

catalogue! {
    SheetMsg;
    WorkbookFailed => "không tạo được bảng tính {file}: {detail}", "cannot make the workbook {file}: {detail}";
    WorkbookFailedHint => "đây là lỗi của bangtin, không phải của dữ liệu; hãy báo lại kèm thông báo này",
        "this is a fault in bangtin, not in the data; please report it with this message";
}
