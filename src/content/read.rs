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

/// The largest text file bangtin reads (Markdown, YAML, templates), in bytes:
/// 10 MB is hundreds of times a long article, and a larger file is a mistake
/// (a pasted export, a wrong file) that would only cost memory.
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// The bytes of a text file, refused when above [`MAX_TEXT_BYTES`]; never
/// reads more than one byte past the limit, whatever the file claims.
pub(crate) fn read_limited(rel: &str, disk: &Path) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read as _;
    let read_error =
        |e: std::io::Error| Diagnostic::error(t!(Msg::FileRead, detail = e)).in_file(rel);
    let file = std::fs::File::open(disk).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        let size = std::fs::metadata(disk).map_or(bytes.len() as u64, |m| m.len());
        return Err(Diagnostic::error(t!(
            Msg::FileTooLarge,
            size = megabytes(size),
            limit = megabytes(MAX_TEXT_BYTES)
        ))
        .in_file(rel)
        .hint(t!(Msg::FileTooLargeHint)));
    }
    Ok(bytes)
}

/// "10 MB", "52,4 MB": a size in megabytes with one decimal at most.
fn megabytes(bytes: u64) -> String {
    let mb = rust_decimal::Decimal::from(bytes) / rust_decimal::Decimal::from(1024 * 1024);
    format!("{} MB", crate::messages::number(mb.round_dp(1)))
}

/// Line ends made `\n`: `\r\n` (Windows) and a lone `\r` (old Mac
/// files, some exports), which YAML, Markdown and editors all count as a
/// line end; so every line number bangtin says is a line of the file as
/// its reader sees it, and the line can be quoted.
pub fn line_ends(s: String) -> String {
    if !s.contains('\r') {
        return s;
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Reads a text file the same way for every kind (front matter, Markdown,
/// data, `site.yaml`): at most [`MAX_TEXT_BYTES`], UTF-8, line ends made
/// `\n` ([`line_ends`]), NFC, and no text in a legacy Vietnamese encoding.
pub(crate) fn read_text(rel: &str, disk: &Path) -> Result<String, Diagnostic> {
    let bytes = read_limited(rel, disk)?;
    let text = match crate::text::utf8_string(bytes) {
        Ok(s) if s.contains('\r') => nfc_owned(line_ends(s)),
        Ok(s) => nfc_owned(s),
        Err(e) => {
            // Point at the first bad byte: its line and column in the valid prefix.
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let prefix = line_ends(String::from_utf8_lossy(valid).into_owned());
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let text = line_ends(String::from_utf8_lossy(e.as_bytes()).into_owned());
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
