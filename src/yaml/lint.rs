//! Mistakes YAML does not call errors, found in the text itself: a decimal
//! comma inside `{ … }` (two values for the parser), a `#` that turned the
//! rest of a title into a comment, Word's curly quotes kept as part of a
//! value, and a file with nothing in it.

use super::Source;
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

/// Word's opening quotes, which YAML keeps as characters of the value.
const CURLY_OPEN: &[char] = &['“', '‘', '„'];

/// Whether a YAML text holds nothing but blank lines and comments.
pub fn is_blank(yaml: &str) -> bool {
    yaml.lines().all(|l| {
        let l = l.trim_start_matches('\u{FEFF}').trim();
        l.is_empty() || l.starts_with('#')
    })
}

/// `{ I.1: 18,5, I.2: 9 }`: the first number with a decimal comma inside a
/// flow collection, where the comma separates entries.
pub fn decimal_comma_in_flow(yaml: &str, src: Source<'_>) -> Option<Diagnostic> {
    let mut depth = 0usize;
    for (i, line) in yaml.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut quote: Option<char> = None;
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            match (quote, c) {
                (Some(q), _) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if k == 0 || chars[k - 1].is_whitespace() => break,
                (None, '{' | '[') => depth += 1,
                (None, '}' | ']') => depth = depth.saturating_sub(1),
                (None, ':') if depth > 0 => {
                    if let Some((start, number)) = comma_number_after(&chars, k + 1) {
                        let line_no = i + 1 + src.line_offset;
                        return Some(
                            Diagnostic::error(t!(Msg::YamlDecimalCommaInFlow, value = number))
                                .in_file(src.file)
                                .at_in_line(line, line_no, start + 1)
                                .hint(t!(Msg::YamlDecimalCommaInFlowHint, value = number)),
                        );
                    }
                }
                _ => {}
            }
            k += 1;
        }
    }
    None
}

/// After `:` and spaces, a number written `18,5` and then the end of the
/// entry; its start (0-based character index) and its text.
fn comma_number_after(chars: &[char], from: usize) -> Option<(usize, String)> {
    let mut k = from;
    if chars.get(k) != Some(&' ') {
        return None;
    }
    while chars.get(k) == Some(&' ') {
        k += 1;
    }
    let start = k;
    if chars.get(k) == Some(&'-') {
        k += 1;
    }
    let digits = |k: &mut usize| {
        let s = *k;
        while chars.get(*k).is_some_and(char::is_ascii_digit) {
            *k += 1;
        }
        *k > s
    };
    if !digits(&mut k) || chars.get(k) != Some(&',') {
        return None;
    }
    k += 1;
    if !digits(&mut k) {
        return None;
    }
    let ends = chars
        .get(k)
        .is_none_or(|c| matches!(c, ',' | '}' | ']' | ' '));
    ends.then(|| (start, chars[start..k].iter().collect()))
}

/// Values YAML read, but not as the person meant: a text cut at `#`, a text
/// wrapped in Word's curly quotes. Each is a warning at the value.
pub fn lint_values(yaml: &str, src: Source<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Indentation of a `key: |` line whose block text follows.
    let mut block_indent: Option<usize> = None;
    for (i, line) in yaml.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        if let Some(b) = block_indent {
            if line.trim().is_empty() || indent > b {
                continue;
            }
            block_indent = None;
        }
        let line_no = i + 1 + src.line_offset;
        for (col, value) in values_of(line) {
            if value.starts_with(['|', '>']) {
                block_indent = Some(indent);
            } else if value.starts_with(CURLY_OPEN) {
                out.push(warning(
                    src,
                    (line, line_no, col),
                    Msg::YamlCurlyValue,
                    Msg::YamlCurlyValueHint,
                ));
            } else if let Some(cut) = cut_at_hash(value) {
                let d = Diagnostic::warning(t!(Msg::YamlHashCut, kept = value[..cut].trim()))
                    .in_file(src.file)
                    .at_in_line(line, line_no, col + value[..cut].chars().count())
                    .hint(t!(Msg::YamlHashCutHint));
                out.push(d);
            }
        }
    }
    out
}

/// A warning at `(line text, line number, column)`.
fn warning(src: Source<'_>, at: (&str, usize, usize), msg: Msg, hint: Msg) -> Diagnostic {
    let (text, line, col) = at;
    Diagnostic::warning(t!(msg))
        .in_file(src.file)
        .at_in_line(text, line, col)
        .hint(t!(hint))
}

/// Where a plain value's text was cut by a comment that looks like part of
/// it (`Cụm #3`: a `#` after a space and before a letter or digit).
fn cut_at_hash(value: &str) -> Option<usize> {
    if value.starts_with(['"', '\'', '[', '{', '&', '*', '!', '#']) {
        return None;
    }
    let bytes = value.as_bytes();
    (1..bytes.len()).find(|&k| {
        bytes[k] == b'#'
            && bytes[k - 1].is_ascii_whitespace()
            && value[k + 1..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace())
    })
}

/// The values of a line with their 1-based columns: `key: value` in block
/// style (after any `- `), and each `key: value` of a `{ … }` on the line.
fn values_of(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return out;
    }
    let mut rest = trimmed;
    while let Some(r) = rest.strip_prefix("- ") {
        rest = r.trim_start();
    }
    let offset = line.len() - rest.len();
    if let Some((key, _)) = rest.split_once(": ")
        && is_plain_key(key)
    {
        let value_at = offset + key.len() + 2;
        let value = line[value_at..].trim_start();
        let start = line.len() - line[value_at..].trim_start().len();
        if value.starts_with(['{', '[']) {
            out.extend(flow_values(line, start));
        } else if !value.is_empty() {
            out.push((line[..start].chars().count() + 1, value));
        }
    } else if rest.starts_with(['{', '[']) {
        out.extend(flow_values(line, offset));
    }
    out
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// The values of a one-line `{ a: x }` or `[x, y]` starting at byte
/// `start` that open with a curly quote (a `#` there breaks the brackets,
/// an error of its own).
fn flow_values(line: &str, start: usize) -> Vec<(usize, &str)> {
    let text = &line[start..];
    text.char_indices()
        .filter(|(_, c)| CURLY_OPEN.contains(c))
        .filter(|(i, _)| {
            let before = text[..*i].trim_end();
            before.ends_with([':', '[', ',', '{'])
        })
        .map(|(i, _)| {
            let value = &text[i..];
            let end = value.find([',', '}', ']']).unwrap_or(value.len());
            (line[..start + i].chars().count() + 1, &value[..end])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn src(text: &str) -> Source<'_> {
        Source::file(Path::new("a.yaml"), text)
    }

    #[test]
    fn a_decimal_comma_inside_braces_is_found_at_the_number() {
        let text = "self: { I.1: 18,5, I.2: 9 }\n";
        let d = decimal_comma_in_flow(text, src(text)).unwrap();
        assert_eq!((d.line, d.column), (1, 14));
        assert!(d.message.contains("18,5"), "{}", d.message);
        let text = "- { id: I, max: 10, step: 0,5 }\n";
        assert_eq!(decimal_comma_in_flow(text, src(text)).unwrap().column, 27);
        for fine in [
            "self: { I.1: \"18,5\", I.2: 9 }\n",
            "I.1: 18,5\n",
            "a: { x: 1, y: 2 }\n",
        ] {
            assert!(decimal_comma_in_flow(fine, src(fine)).is_none(), "{fine}");
        }
    }

    #[test]
    fn a_hash_that_cut_a_title_is_a_warning_at_the_hash() {
        let text = "title: Cụm #3 ký kết\nsummary: Sơ kết # ghi chú thật\n";
        let ds = lint_values(text, src(text));
        assert_eq!(ds.len(), 1, "{ds:?}");
        assert_eq!((ds[0].line, ds[0].column), (1, 12));
        assert!(ds[0].message.contains("`Cụm`"), "{}", ds[0].message);
    }

    #[test]
    fn curly_quotes_around_a_value_are_a_warning() {
        let text = "title: “Hội nghị”\nphotos:\n  - { file: a.jpg, caption: ‘Toàn cảnh’ }\n";
        let ds = lint_values(text, src(text));
        let at: Vec<(usize, usize)> = ds.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(1, 8), (3, 29)]);
    }

    #[test]
    fn block_text_and_quoted_values_are_left_alone() {
        let text = "title: \"Cụm #3\"\nnote: |\n  dòng #1\n  “trích”\nid: a\n";
        assert!(lint_values(text, src(text)).is_empty());
        assert!(is_blank("# chỉ ghi chú\n\n"));
        assert!(!is_blank("a: 1\n"));
    }
}
