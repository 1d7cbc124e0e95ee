//! Small checks shared by every data file: dates, integers, scheme numbers, ids
//! and references, each reported at the value's location.

use std::str::FromStr;

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::raw::S;
use crate::diag::{Diagnostic, closest};
use crate::messages::{Msg, integer};
use crate::t;
use crate::text::{DecimalError, DecimalSeparator, nfc, parse_decimal};
use crate::yaml::Source;

/// A data file read from disk.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// Site-relative, e.g. `data/clusters/2024/cdvc-cum-3.yaml`.
    pub path: String,
    pub text: String,
}

impl DataFile {
    pub fn source(&self) -> Source<'_> {
        Source::file(std::path::Path::new(&self.path), &self.text)
    }

    /// The file name without `.yaml`.
    pub fn stem(&self) -> &str {
        stem_of(&self.path)
    }

    /// The name of the folder holding the file (the year for per-year files).
    pub fn folder(&self) -> &str {
        folder_of(&self.path)
    }
}

/// The file name of a site-relative path without `.yaml`.
pub fn stem_of(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .unwrap_or(name)
}

/// The name of the folder holding a site-relative path.
pub fn folder_of(path: &str) -> &str {
    let mut parts = path.rsplit('/');
    parts.next();
    parts.next().unwrap_or("")
}

/// The largest size of a number in data, written in docs/format.md §10. Far above
/// any score, target, weight or count a cluster uses, and small enough that the
/// sums and products the engine makes of such numbers always fit in a `Decimal`
/// (a product of two is below 10^24, the limit is near 7.9 × 10^28).
pub const NUMBER_LIMIT: i64 = 1_000_000_000_000;

/// The longest id, in characters (docs/format.md §10): ids are typed, read
/// and shown in addresses; a longer one is a paste gone wrong.
pub const MAX_ID_CHARS: usize = 100;

/// Collects the problems of one data file.
pub struct Checker<'a> {
    pub src: Source<'a>,
    pub diags: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    pub fn new(file: &'a DataFile) -> Self {
        Checker {
            src: file.source(),
            diags: Vec::new(),
        }
    }

    pub fn error(&mut self, at: &S, message: String, hint: Option<String>) {
        let mut d = self.src.error_at(at, message);
        if let Some(h) = hint {
            d = d.hint(h);
        }
        self.diags.push(d);
    }

    pub fn warning(&mut self, at: &S, message: String, hint: Option<String>) {
        let mut d = self.src.warning_at(at, message);
        if let Some(h) = hint {
            d = d.hint(h);
        }
        self.diags.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }

    /// The `id` of a file named after it (`schemes/<id>.yaml`, `clusters/<year>/<id>.yaml`).
    pub fn id_matches_file(&mut self, id: &S, file: &DataFile) {
        if !self.id_short(id) {
            return;
        }
        if id.value != file.stem() {
            self.error(
                id,
                t!(Msg::IdFileMismatch, id = id.value, file = file.stem()),
                Some(t!(Msg::IdFileMismatchHint)),
            );
        }
    }

    /// A `YYYY-MM-DD` date.
    pub fn date(&mut self, v: &S) -> Option<Date> {
        match v.value.trim().parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                self.diags
                    .push(crate::content::front::date_error(&self.src, v, None));
                None
            }
        }
    }

    pub fn opt_date(&mut self, v: &Option<S>) -> Option<Date> {
        v.as_ref().and_then(|v| self.date(v))
    }

    /// A whole number (a year, a count, a quota).
    pub fn int<T: FromStr>(&mut self, v: &S) -> Option<T> {
        let text = v.value.trim();
        match text.parse::<T>() {
            Ok(n) => Some(n),
            Err(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
                self.error(
                    v,
                    t!(Msg::IntTooLarge, value = text),
                    Some(t!(Msg::NumberTooLargeHint)),
                );
                None
            }
            Err(_) => {
                self.error(
                    v,
                    t!(Msg::DataNotWholeNumber, value = v.value),
                    Some(t!(Msg::DataNotWholeNumberHint)),
                );
                None
            }
        }
    }

    /// A number in a scheme (`max: 30`, `step: 0.5`, `target: "0,85"`): either
    /// separator is accepted when it cannot be a thousands separator.
    pub fn number(&mut self, v: &S) -> Option<Decimal> {
        let text = v.value.trim();
        let first = parse_decimal(text, DecimalSeparator::Dot);
        let result = match first {
            Err(DecimalError::WrongSeparator) => parse_decimal(text, DecimalSeparator::Comma),
            Ok(_) if looks_grouped(text) => Err(DecimalError::Ambiguous),
            other => other,
        };
        match result {
            Ok(d) => self.bounded(v, d),
            Err(e) => {
                self.number_error(v, &e);
                None
            }
        }
    }

    /// `d`, read from `v`, if it is within ±[`NUMBER_LIMIT`]; else a located error.
    pub fn bounded(&mut self, v: &S, d: Decimal) -> Option<Decimal> {
        let limit = Decimal::from(NUMBER_LIMIT);
        if d.abs() <= limit {
            return Some(d);
        }
        self.error(
            v,
            t!(
                Msg::NumberTooLarge,
                value = v.value.trim(),
                limit = show(limit)
            ),
            Some(t!(Msg::NumberTooLargeHint)),
        );
        None
    }

    pub fn number_error(&mut self, v: &S, e: &DecimalError) {
        let (msg, hint) = match e {
            DecimalError::Ambiguous => (
                t!(Msg::NumberAmbiguous, value = v.value),
                t!(Msg::NumberAmbiguousHint),
            ),
            DecimalError::WrongSeparator => (
                t!(Msg::NumberWrongSeparator, value = v.value),
                t!(Msg::NumberWrongSeparatorHint),
            ),
            DecimalError::Empty | DecimalError::NotANumber => (
                t!(Msg::NumberInvalid, value = v.value),
                t!(Msg::NumberInvalidHint),
            ),
        };
        self.error(v, msg, Some(hint));
    }

    /// Whether an id is at most [`MAX_ID_CHARS`] long; else a located error.
    pub fn id_short(&mut self, v: &S) -> bool {
        let len = v.value.chars().count();
        if len <= MAX_ID_CHARS {
            return true;
        }
        self.error(
            v,
            t!(Msg::IdTooLong, len = integer(len), max = MAX_ID_CHARS),
            Some(t!(Msg::IdTooLongHint)),
        );
        false
    }

    /// An id as written: ASCII lowercase letters, digits and `-`, `.`, `_`.
    pub fn id(&mut self, v: &S) -> Option<String> {
        if !self.id_short(v) {
            return None;
        }
        let ok = !v.value.is_empty()
            && v.value.chars().all(|c| {
                c.is_ascii_lowercase()
                    || c.is_ascii_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '-' | '.' | '_')
            });
        if ok {
            Some(v.value.clone())
        } else {
            self.error(
                v,
                t!(Msg::DataIdInvalid, id = v.value),
                Some(t!(Msg::DataIdInvalidHint)),
            );
            None
        }
    }

    /// A reference to something with an id; an unknown id is an error with the closest known id as a hint.
    pub fn reference<'k>(
        &mut self,
        v: &S,
        what: Msg,
        known: impl IntoIterator<Item = &'k str> + Clone,
    ) -> Option<String> {
        let id = v.value.trim();
        if known.clone().into_iter().any(|k| k == id) {
            return Some(id.to_string());
        }
        let hint = match closest(id, known) {
            Some(s) => t!(Msg::DidYouMean, suggestion = s),
            None => t!(Msg::UnknownIdHint),
        };
        self.error(v, t!(Msg::UnknownId, what = t!(what), id = id), Some(hint));
        None
    }

    /// A reference into a file that may not have been readable: with `None`
    /// (that file has errors, reported there) the id is taken as written.
    pub fn reference_if_known(
        &mut self,
        v: &S,
        what: Msg,
        known: Option<&[&str]>,
    ) -> Option<String> {
        match known {
            Some(ids) => self.reference(v, what, ids.iter().copied()),
            None => Some(v.value.trim().to_string()),
        }
    }

    /// One of a fixed set of words (`role`, `kind`, `status`, …).
    pub fn choice<'k>(&mut self, v: &S, allowed: &'k [&'k str]) -> Option<&'k str> {
        let word = v.value.trim();
        if let Some(a) = allowed.iter().find(|a| **a == word) {
            return Some(a);
        }
        let hint = match closest(word, allowed.iter().copied()) {
            Some(s) => t!(Msg::DidYouMean, suggestion = s),
            None => t!(Msg::ExpectedKeys, keys = allowed.join(", ")),
        };
        self.error(v, t!(Msg::DataWordUnknown, value = word), Some(hint));
        None
    }
}

/// A `source: { url, title, as_of }` block.
pub fn source(
    c: &mut Checker<'_>,
    raw: &Option<super::raw::RawSource>,
) -> Option<super::model::SourceRef> {
    let raw = raw.as_ref()?;
    Some(super::model::SourceRef {
        url: opt_text(&raw.url),
        title: opt_text(&raw.title),
        as_of: c.opt_date(&raw.as_of),
    })
}

/// NFC text with outer spaces removed.
pub fn text(v: &S) -> String {
    nfc(v.value.trim())
}

pub fn opt_text(v: &Option<S>) -> Option<String> {
    v.as_ref().map(text).filter(|s| !s.is_empty())
}

/// `1.000`, `12.500`: digits grouped by three, which in a Vietnamese file may be a
/// thousands separator.
fn looks_grouped(text: &str) -> bool {
    let mut parts = text.split(['.', ',']);
    let head = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=3).contains(&head.len())
        && !head.starts_with('0')
        && head.chars().all(|c| c.is_ascii_digit())
        && rest
            .iter()
            .all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
}

/// The day after `d` (phases start the day after the previous one ends).
pub fn next_day(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}

/// A decimal as a person writes it in a message: "0,5", "100".
pub fn show(d: Decimal) -> String {
    crate::messages::number(d)
}
