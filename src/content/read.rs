//! Reading a text file the one way bangtin reads every text file.

use std::path::Path;

use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;
use crate::text::nfc_owned;

/// The legacy encoding text seems typed in, with where it starts.
fn legacy_in(text: &str) -> Option<(usize, usize, &'static str)> {
    crate::text::detect_legacy(text).map(|(enc, line, col)| {
        let name = match enc {
            crate::text::LegacyEncoding::Tcvn3 => "TCVN3 (ABC)",
            crate::text::LegacyEncoding::Vni => "VNI",
        };
        (line, col, name)
    })
}

/// Reads a text file the same way for every kind (front matter, Markdown,
/// data, `site.yaml`): UTF-8, line ends made `\n`, NFC, and no text in a
/// legacy Vietnamese encoding.
pub(crate) fn read_text(rel: &str, disk: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(disk)
        .map_err(|e| Diagnostic::error(t!(Msg::FileRead, detail = e)).in_file(rel))?;
    let text = match String::from_utf8(bytes) {
        Ok(s) if s.contains('\r') => nfc_owned(s.replace("\r\n", "\n")),
        Ok(s) => nfc_owned(s),
        Err(e) => {
            // Point at the first bad byte: its line and column in the valid prefix.
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let prefix = String::from_utf8_lossy(valid);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            return Err(Diagnostic::error(t!(Msg::NotUtf8))
                .in_file(rel)
                .at(&text, line, column)
                .hint(t!(Msg::NotUtf8Hint)));
        }
    };
    if let Some((line, col, encoding)) = legacy_in(&text) {
        return Err(
            Diagnostic::error(t!(Msg::LegacyEncoding, encoding = encoding))
                .in_file(rel)
                .at(&text, line, col)
                .hint(t!(Msg::LegacyEncodingHint, encoding = encoding)),
        );
    }
    Ok(text)
}
