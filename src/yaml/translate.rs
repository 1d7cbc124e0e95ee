//! serde's and serde-saphyr's English errors said in the catalogue's words,
//! with a hint that names the fix. The parser's own text never reaches a
//! person: a shape we do not recognise gets a general message, not English.

use crate::diag::closest;
use crate::messages::Msg;
use crate::t;

/// An error as the parser reported it, with the text it was reading.
pub struct Found<'a> {
    /// The parser's message without its " at line …" suffix.
    pub detail: &'a str,
    /// The YAML text (not the whole file for front matter).
    pub yaml: &'a str,
    /// 1-based line and column inside `yaml`; 0 when unknown.
    pub line: usize,
    pub column: usize,
}

impl Found<'_> {
    fn line_text(&self) -> &str {
        self.yaml
            .lines()
            .nth(self.line.saturating_sub(1))
            .unwrap_or("")
    }
}

/// Word's curly quotes, which YAML does not take as quotes.
const CURLY: &[char] = &['“', '”', '‘', '’'];

pub fn strip_location_suffix(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    }
}

/// The message, the hint and the line and column to point at.
pub fn translate(found: &Found<'_>) -> (String, String, usize, usize) {
    let line = found.line_text();
    let (l, col) = (found.line, found.column);
    if found.detail.contains("a tab") || found.detail.contains("tabs ") {
        // Point at the tab itself: the parser may notice it on the line
        // before, while reading the value the tab follows.
        let (tl, tc) = first_tab_from(found.yaml, l).unwrap_or((l, col));
        return (t!(Msg::YamlTab), t!(Msg::YamlTabHint), tl, tc);
    }
    if is_syntax(found.detail)
        && let Some((tl, tc)) = tab_in_indent_near(found.yaml, l)
    {
        // The parser may call a Tab before a key a shape error.
        return (t!(Msg::YamlTab), t!(Msg::YamlTabHint), tl, tc);
    }
    if line.contains(CURLY) && is_syntax(found.detail) {
        let at = line.chars().position(|c| CURLY.contains(&c));
        return (
            t!(Msg::YamlCurlyQuotes),
            t!(Msg::YamlCurlyQuotesHint),
            l,
            at.map_or(col, |i| i + 1),
        );
    }
    if is_syntax(found.detail)
        && let Some((nl, nc)) = colon_without_space(found)
    {
        return (
            t!(Msg::YamlNoSpaceAfterColon),
            t!(Msg::YamlNoSpaceAfterColonHint),
            nl,
            nc,
        );
    }
    if let Some((m, h)) = syntax(found) {
        return (m, h, l, col);
    }
    let (m, h) = value(found.detail);
    (m, h, l, col)
}

/// The first tab on line `from` (1-based) or a later one.
fn first_tab_from(yaml: &str, from: usize) -> Option<(usize, usize)> {
    yaml.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find_map(|(i, l)| l.chars().position(|c| c == '\t').map(|c| (i + 1, c + 1)))
}

/// A Tab among the spaces that start line `line` or the line before it.
fn tab_in_indent_near(yaml: &str, line: usize) -> Option<(usize, usize)> {
    let first = line.saturating_sub(1).max(1);
    yaml.lines()
        .enumerate()
        .skip(first - 1)
        .take(line + 1 - first)
        .find_map(|(i, l)| {
            let indent = l.len() - l.trim_start_matches([' ', '\t']).len();
            l[..indent].find('\t').map(|c| (i + 1, c + 1))
        })
}

fn is_syntax(detail: &str) -> bool {
    !(detail.starts_with("invalid ")
        || detail.starts_with("unknown ")
        || detail.starts_with("missing field")
        || detail.starts_with("duplicate"))
}

/// Parser wordings of a shape error (any one matches), in the order tried,
/// with the message and hint they get.
const SYNTAX: &[(&[&str], Msg, Msg)] = &[
    (
        &["unclosed quote", "found unexpected end of stream"],
        Msg::YamlUnclosedQuote,
        Msg::YamlUnclosedQuoteHint,
    ),
    (
        &["unclosed bracket", "did not find expected ',' or"],
        Msg::YamlUnclosedBracket,
        Msg::YamlUnclosedBracketHint,
    ),
    (
        &["unexpected end of input", "end of stream"],
        Msg::YamlEndsEarly,
        Msg::YamlEndsEarlyHint,
    ),
    (
        &["multiple documents", "more than one"],
        Msg::YamlManyDocuments,
        Msg::YamlManyDocumentsHint,
    ),
    (
        &["cannot start any token"],
        Msg::YamlBadStart,
        Msg::YamlBadStartHint,
    ),
];

/// Errors of the text's shape: colons, indentation, quotes, brackets.
fn syntax(found: &Found<'_>) -> Option<(String, String)> {
    let d = found.detail;
    let line = found.line_text();
    let (msg, hint) = if d.contains("mapping values are not allowed") {
        let before: String = line.chars().take(found.column.saturating_sub(1)).collect();
        if before.contains(": ") {
            (Msg::YamlColonInValue, Msg::YamlColonInValueHint)
        } else {
            (Msg::YamlIndent, Msg::YamlIndentHint)
        }
    } else if let Some((_, msg, hint)) = SYNTAX
        .iter()
        .find(|(needles, _, _)| needles.iter().any(|n| d.contains(n)))
    {
        (*msg, *hint)
    } else if is_syntax(d) && !d.starts_with("expected ") {
        (Msg::YamlSyntax, Msg::YamlSyntaxHint)
    } else {
        return None;
    };
    Some((t!(msg), t!(hint)))
}

/// `year:2024` or `- id:a` on this line or the one before: YAML read the
/// key and value as one word. Where the value should start.
fn colon_without_space(found: &Found<'_>) -> Option<(usize, usize)> {
    let lines: Vec<&str> = found.yaml.lines().collect();
    [found.line, found.line.saturating_sub(1)]
        .into_iter()
        .filter(|&n| n > 0)
        .find_map(|n| {
            let text = lines.get(n - 1)?;
            let body = text.trim_start().trim_start_matches("- ");
            let (key, value) = body.split_once(':')?;
            let plain_key = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
            let glued = value.chars().next().is_some_and(|c| !c.is_whitespace());
            (plain_key && glued && !value.starts_with("//")).then(|| {
                let indent = text.chars().count() - body.chars().count();
                (n, indent + key.chars().count() + 2)
            })
        })
}

/// Errors of a value: a wrong type, an unknown key or word, a missing key.
fn value(detail: &str) -> (String, String) {
    if let Some(rest) = detail.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = listed(expected);
        return (
            t!(Msg::UnknownKey, key = key),
            unknown_key_hint(key, &allowed),
        );
    }
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`');
        return (
            t!(Msg::MissingKey, key = key),
            t!(Msg::MissingKeyHint, key = key),
        );
    }
    if let Some(rest) = detail.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return (t!(Msg::DuplicateKey, key = key), t!(Msg::DuplicateKeyHint));
    }
    if let Some(translated) = shape(detail) {
        return translated;
    }
    if detail.starts_with("invalid boolean") {
        return (t!(Msg::ExpectedBoolean), t!(Msg::ExpectedBooleanHint));
    }
    if let Some(rest) = detail
        .strip_prefix("invalid type: ")
        .or_else(|| detail.strip_prefix("invalid value: "))
    {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return wrong_type(got, expected);
    }
    if detail.starts_with("invalid length") {
        return (t!(Msg::WrongLength), t!(Msg::InvalidValueHint));
    }
    (t!(Msg::InvalidValue), t!(Msg::InvalidValueHint))
}

/// The commonest value errors, by what was expected there: a list, a single
/// value, a group of keys, a whole number, one of a few words.
fn shape(detail: &str) -> Option<(String, String)> {
    let (msg, hint) = match detail {
        "expected sequence start" => (Msg::ExpectedList, Msg::ExpectedListHint),
        "expected string scalar" | "expected scalar" => {
            (Msg::ExpectedSingle, Msg::ExpectedSingleHint)
        }
        "expected mapping start" => (Msg::ExpectedMapping, Msg::ExpectedMappingHint),
        "invalid u8" | "invalid u16" | "invalid u32" | "invalid u64" | "invalid usize" => {
            (Msg::ExpectedCount, Msg::ExpectedNumberHint)
        }
        "invalid i8" | "invalid i16" | "invalid i32" | "invalid i64" => {
            (Msg::ExpectedWhole, Msg::ExpectedNumberHint)
        }
        _ => return unknown_choice(detail),
    };
    Some((t!(msg), t!(hint)))
}

/// "invalid type: unit value, expected a number" in the domain's words:
/// what is there (empty, text, a list…) and what belongs there.
fn wrong_type(got: &str, expected: &str) -> (String, String) {
    let got = if got.starts_with("unit") || got.starts_with("null") {
        Msg::KindEmpty
    } else if got.starts_with("string") || got.starts_with("char") {
        Msg::KindText
    } else if got.starts_with("integer") || got.starts_with("floating") {
        Msg::KindNumber
    } else if got.starts_with("boolean") {
        Msg::KindBoolean
    } else if got.starts_with("sequence") {
        Msg::KindList
    } else if got.starts_with("map") {
        Msg::KindGroup
    } else {
        Msg::KindOther
    };
    let (wanted, hint) = if expected.contains("number")
        || expected.contains("decimal")
        || expected.starts_with("i")
        || expected.starts_with("u")
        || expected.starts_with("f")
    {
        (Msg::KindNumber, Msg::WrongTypeNumberHint)
    } else if expected.contains("sequence") || expected.contains("list") {
        (Msg::KindList, Msg::ExpectedListHint)
    } else if expected.contains("map") || expected.contains("struct") {
        (Msg::KindGroup, Msg::ExpectedMappingHint)
    } else if expected.contains("bool") {
        (Msg::KindBoolean, Msg::ExpectedBooleanHint)
    } else if expected.contains("string") || expected.contains("char") {
        (Msg::KindText, Msg::WrongTypeTextHint)
    } else {
        return (t!(Msg::InvalidValue), t!(Msg::InvalidValueHint));
    };
    (
        t!(Msg::WrongType, wanted = t!(wanted), got = t!(got)),
        t!(hint),
    )
}

/// `unknown variant `x`, expected one of a, b` (or `expected a or b`).
fn unknown_choice(detail: &str) -> Option<(String, String)> {
    let rest = detail.strip_prefix("unknown variant `")?;
    let (value, expected) = rest.split_once('`')?;
    let choices = listed(expected);
    let hint = match closest(value, choices.iter().copied()) {
        Some(s) => t!(Msg::DidYouMean, suggestion = s),
        None => t!(Msg::ExpectedChoices, choices = choices.join(", ")),
    };
    Some((t!(Msg::UnknownChoice, value = value), hint))
}

/// The names after "expected one of" / "expected", without quotes.
fn listed(expected: &str) -> Vec<&str> {
    let list = expected
        .split_once("expected one of ")
        .or_else(|| expected.split_once("expected "))
        .map_or("", |(_, l)| l);
    list.split([',', ' '])
        .map(|c| c.trim_matches('`'))
        .filter(|c| !c.is_empty() && *c != "or")
        .collect()
}

/// "Did you mean" the closest allowed key, else the list of allowed keys.
pub fn unknown_key_hint(key: &str, allowed: &[&str]) -> String {
    match closest(key, allowed.iter().copied()) {
        Some(s) => t!(Msg::DidYouMean, suggestion = s),
        None => t!(Msg::ExpectedKeys, keys = allowed.join(", ")),
    }
}
