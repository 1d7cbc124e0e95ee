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
