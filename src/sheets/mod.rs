//! Spreadsheets: the results as `.xlsx` (`results.rs`, written with
//! rust_xlsxwriter), the scores template (`layout.rs` its shape,
//! `template.rs` the writer) and reading a filled one back (`read.rs` with
//! calamine for xlsx/ods and our own CSV reader, `settle.rs` exact values,
//! `import.rs` the checks and the merge, `doc.rs` the scores file kept as
//! written where it can be).

pub mod doc;
pub mod import;
pub mod layout;
pub mod read;
pub mod results;
pub mod settle;
pub mod template;

use std::collections::BTreeMap;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

/// The theme's words for the site's language (`themes/<name>/i18n/<lang>.yaml`).
#[derive(Debug, Clone, Default)]
pub struct Words(pub BTreeMap<String, String>);

impl Words {
    /// The word for `key`; the key itself when the theme lacks it, so a
    /// missing word shows instead of failing the build.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map_or(key, String::as_str)
    }
}

/// The fixed creation date of every workbook bangtin writes: identical input
/// gives identical bytes (the zip entries are dated 1980-01-01 by the library).
pub(crate) fn fixed_properties(title: &str) -> DocProperties {
    // 2000-01-01 is a valid date, so the constructor cannot fail; the
    // fallback is the library's own epoch value.
    let date = ExcelDateTime::from_ymd(2000, 1, 1).unwrap_or_default();
    DocProperties::new()
        .set_title(title)
        .set_author("bangtin")
        .set_creation_datetime(&date)
}

/// The bytes of `wb`.
pub(crate) fn bytes(wb: &mut Workbook) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    wb.set_zip_compression_level(1);
    wb.save_to_buffer()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// not starting or ending with `'`, unique in `taken`.
pub(crate) fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').trim().to_string();
    let base: String = if clean.is_empty() {
        "Sheet".into()
    } else {
        clean
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = 31 - suffix.chars().count();
        let name: String = base
            .chars()
            .take(room)
            .collect::<String>()
            .trim_end()
            .to_string()
            + &suffix;
        let key = crate::text::fold(&name);
        if !taken.iter().any(|t| crate::text::fold(t) == key) {
            taken.push(name.clone());
            return name;
        }
        n += 1;
    }
}

/// Text for an Excel page header or footer: `&` doubled (the length is
/// capped by `results::clip`).
pub(crate) fn header_text(s: &str) -> String {
    s.replace('&', "&&")
}

/// A column width in Excel's units (characters of the default font) that
/// fits the longest of `texts`, between `min` and `max`.
pub(crate) fn width_for<'a>(texts: impl Iterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let longest = texts
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0) as f64;
    (longest * 1.1 + 2.0).clamp(min, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("Cụm 3", &mut taken), "Cụm 3");
        assert_eq!(sheet_name("cụm 3", &mut taken), "cụm 3 (2)");
        let long = sheet_name("Cụm thi đua các Sở, ngành Khối Văn hóa: Xã hội", &mut taken);
        // Cut at 31 characters, then the space the cut left is dropped.
        assert_eq!(long, "Cụm thi đua các Sở, ngành Khối");
        let colon = sheet_name("Khối Văn hóa: Xã hội [2024]", &mut taken);
        assert_eq!(colon, "Khối Văn hóa- Xã hội -2024-");
        assert_eq!(sheet_name("'", &mut taken), "Sheet");
    }
}
