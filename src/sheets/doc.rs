//! A scores file (FORMAT.md §7) as `bangtin import scores` changes it: read
//! from its text with every value's place, changed value by value, and
//! written back either by replacing only the changed values in the text
//! (comments, order and layout kept) or, when a change adds a key or
//! touches a list, as a whole new text (comments between the values lost;
//! the import says so).

use std::ops::Range;
use std::path::Path;

use rust_decimal::Decimal;

use crate::data::raw::{RawCount, RawScore, RawScores, RawUnitScores};
use crate::text::{DecimalError, DecimalSeparator, parse_decimal};
use crate::yaml::{self, Spanned};

/// A typed value: the exact number, or the text as found when it is not one
/// (the import then counts it as changed; `bangtin check` reports it).
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Points(Decimal),
    /// The measured ratio of a `proportional` criterion.
    Actual(Decimal),
    Raw(String),
}

/// One sheet's scores, in file order: criterion → value.
pub type Scores = Vec<(String, Val)>;

/// One bonus or penalty entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub item: String,
    pub count: u32,
    pub evidence: Option<String>,
}

/// One unit's entry in a phase.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitDoc {
    pub status: Option<String>,
    pub note: Option<String>,
    pub self_scores: Option<Scores>,
    /// Assessor → scores, in file order.
    pub assessed: Vec<(String, Scores)>,
    pub bonus: Vec<Count>,
    pub penalties: Vec<Count>,
    pub disqualified: Vec<String>,
}

impl UnitDoc {
    /// The self-assessment sheet (`None`) or an assessor's, made when missing.
    pub fn sheet_mut(&mut self, assessor: Option<&str>) -> &mut Scores {
        let Some(who) = assessor else {
            return self.self_scores.get_or_insert_with(Vec::new);
        };
        let at = match self.assessed.iter().position(|(w, _)| w == who) {
            Some(i) => i,
            None => {
                self.assessed.push((who.to_string(), Vec::new()));
                self.assessed.len() - 1
            }
        };
        &mut self.assessed[at].1
    }
}

/// Where a value sits in the text: (phase, unit, sheet key, criterion).
pub type Place = (String, String, String, String);

/// A whole scores file.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The comment lines above the first key, kept when the text is rewritten.
    pub head: String,
    pub cluster: String,
    pub year: i16,
    pub comma: bool,
    /// Phase → unit → entry, in file order.
    pub phases: Vec<(String, Vec<(String, UnitDoc)>)>,
    /// The text it was read from, and where each value is in it.
    text: String,
    values: Vec<(Place, Range<usize>)>,
    /// Values written as nothing (`I.1:`): the byte after the key's colon.
    empty: Vec<(Place, usize)>,
}

fn range<T>(s: &Spanned<T>) -> Range<usize> {
    let span = s.referenced.span();
    let start = span.byte_offset().unwrap_or(span.offset()) as usize;
    let len = span.byte_len().unwrap_or(span.len()) as usize;
    start..start + len
}

impl Doc {
    /// A new file for a cluster-year.
    pub fn new(cluster: &str, year: i16) -> Doc {
        Doc {
            cluster: cluster.into(),
            year,
            comma: true,
            ..Doc::default()
        }
    }

    /// Reads a scores file; `None` when it does not parse (the import then
    /// refuses to touch it and `bangtin check` says why).
    pub fn read(file: &Path, text: &str) -> Option<Doc> {
        let raw: RawScores = yaml::parse(text, yaml::Source::file(file, text)).ok()?;
        let comma = raw
            .decimal_separator
            .as_ref()
            .is_none_or(|s| s.value != ".");
        let head: String = text
            .lines()
            .take_while(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
            .map(|l| format!("{l}\n"))
            .collect();
        let mut doc = Doc {
            head,
            cluster: raw.cluster.value.trim().to_string(),
            year: raw.year.value.trim().parse().ok()?,
            comma,
            text: text.to_string(),
            ..Doc::default()
        };
        for (phase, units) in &raw.phases.0 {
            let mut list = Vec::new();
            for (unit, u) in &units.0 {
                let entry = doc.unit(&phase.value, &unit.value, u);
                list.push((unit.value.clone(), entry));
            }
            doc.phases.push((phase.value.clone(), list));
        }
        Some(doc)
    }

    fn unit(&mut self, phase: &str, unit: &str, u: &RawUnitScores) -> UnitDoc {
        let mut sheet = |key: &str, entries: &yaml::Entries<Spanned<RawScore>>| -> Scores {
            let mut out = Vec::new();
            for (crit, v) in &entries.0 {
                let place = (phase.into(), unit.into(), key.into(), crit.value.clone());
                let val = match &v.value {
                    RawScore::Empty => {
                        let after = range(crit).end;
                        if self.text[after..].starts_with(':') {
                            self.empty.push((place, after + 1));
                        }
                        continue;
                    }
                    RawScore::Actual(a) => {
                        self.values.push((place, range(a)));
                        Val::Actual(number(&a.value, self.comma).unwrap_or_default())
                    }
                    RawScore::Text(s) => {
                        self.values.push((place, range(v)));
                        number(s, self.comma).map_or_else(|| Val::Raw(s.clone()), Val::Points)
                    }
                    RawScore::Number => {
                        let r = range(v);
                        let typed = self.text.get(r.clone()).unwrap_or_default().to_string();
                        self.values.push((place, r));
                        number(&typed, self.comma).map_or(Val::Raw(typed), Val::Points)
                    }
                };
                out.push((crit.value.clone(), val));
            }
            out
        };
        let self_scores = u.self_sheet.as_ref().map(|s| sheet("self", &s.value));
        let assessed = u.assessed.as_ref().map_or_else(Vec::new, |a| {
            a.0.iter()
                .map(|(who, s)| (who.value.clone(), sheet(&who.value, s)))
                .collect()
        });
        let counts = |list: &[RawCount]| {
            list.iter()
                .map(|c| Count {
                    item: c.item.value.clone(),
                    count: c
                        .count
                        .as_ref()
                        .and_then(|n| n.value.trim().parse().ok())
                        .unwrap_or(1),
                    evidence: c.evidence.as_ref().map(|e| e.value.clone()),
                })
                .collect()
        };
        UnitDoc {
            status: u.status.as_ref().map(|s| s.value.clone()),
            note: u.note.as_ref().map(|s| s.value.clone()),
            self_scores,
            assessed,
            bonus: counts(&u.bonus),
            penalties: counts(&u.penalties),
            disqualified: u.disqualified.iter().map(|d| d.value.clone()).collect(),
        }
    }

    /// The entry of `unit` in `phase`, made (at the end) when missing.
    pub fn entry(&mut self, phase: &str, unit: &str) -> &mut UnitDoc {
        let p = match self.phases.iter().position(|(p, _)| p == phase) {
            Some(p) => p,
            None => {
                self.phases.push((phase.into(), Vec::new()));
                self.phases.len() - 1
            }
        };
        let units = &mut self.phases[p].1;
        let u = match units.iter().position(|(u, _)| u == unit) {
            Some(u) => u,
            None => {
                units.push((unit.into(), UnitDoc::default()));
                units.len() - 1
            }
        };
        &mut units[u].1
    }

    /// Every assessor the file names, in the order first seen.
    pub fn assessors(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, units) in &self.phases {
            for (_, u) in units {
                for (who, _) in &u.assessed {
                    if !out.contains(who) {
                        out.push(who.clone());
                    }
                }
            }
        }
        out
    }

    /// Sets one value as typed in a grid: empty removes it; a number is
    /// kept exact (`ratio`: the measured ratio of a `proportional`
    /// criterion), with a decimal comma or point whatever the file declares
    /// (it is written with the file's); anything else, `1.250` in a file of
    /// commas included, is kept as text, so that `bangtin check` judges it
    /// as it would in the file.
    pub fn set(&mut self, place: &Place, typed: &str, ratio: bool) {
        let (phase, unit, sheet, crit) = place;
        let typed = typed.trim();
        let exact = match parse_decimal(typed, separator(self.comma)) {
            Err(DecimalError::WrongSeparator) => parse_decimal(typed, separator(!self.comma)).ok(),
            other => other.ok(),
        };
        let val = match exact {
            Some(d) if ratio => Val::Actual(d),
            Some(d) => Val::Points(d),
            None => Val::Raw(typed.to_string()),
        };
        let scores = self
            .entry(phase, unit)
            .sheet_mut((sheet != "self").then_some(sheet.as_str()));
        let at = scores.iter().position(|(c, _)| c == crit);
        match (at, typed.is_empty()) {
            (Some(i), true) => {
                scores.remove(i);
            }
            (Some(i), false) => scores[i].1 = val,
            (None, true) => {}
            (None, false) => scores.push((crit.clone(), val)),
        }
    }

    /// The value whose text holds byte `at` of the text it was read from
    /// (its quotes included): where a check's diagnostic points.
    pub fn place_at(&self, at: usize) -> Option<&Place> {
        self.values
            .iter()
            .find(|(_, r)| quoted_range(&self.text, r.clone()).contains(&at))
            .map(|(p, _)| p)
    }

    /// The entry of `unit` in `phase`, if the file has one.
    pub fn get(&self, phase: &str, unit: &str) -> Option<&UnitDoc> {
        let (_, units) = self.phases.iter().find(|(p, _)| p == phase)?;
        units.iter().find(|(u, _)| u == unit).map(|(_, d)| d)
    }

    /// The new text after the changes made to `self` since [`Doc::read`]:
    /// `Ok` when only values changed in place (the old text with those
    /// values replaced), `Err` with a whole new text otherwise.
    pub fn write(&self, original: Option<&Doc>) -> Result<String, String> {
        let whole = self.render();
        let Some(old) = original.filter(|o| !o.text.is_empty()) else {
            return Err(whole);
        };
        self.edit_in_place(old).ok_or(whole)
    }

    fn edit_in_place(&self, old: &Doc) -> Option<String> {
        if self.phases.len() != old.phases.len() {
            return None;
        }
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        for ((phase, units), (old_phase, old_units)) in self.phases.iter().zip(&old.phases) {
            if phase != old_phase || units.len() != old_units.len() {
                return None;
            }
            for ((unit, u), (old_unit, o)) in units.iter().zip(old_units) {
                let same_lists = u.bonus == o.bonus
                    && u.penalties == o.penalties
                    && u.disqualified == o.disqualified
                    && u.status == o.status
                    && u.note == o.note;
                if unit != old_unit || !same_lists || u.assessed.len() != o.assessed.len() {
                    return None;
                }
                let mut sheets: Vec<(&str, Option<&Scores>, Option<&Scores>)> =
                    vec![("self", u.self_scores.as_ref(), o.self_scores.as_ref())];
                for ((who, s), (old_who, os)) in u.assessed.iter().zip(&o.assessed) {
                    if who != old_who {
                        return None;
                    }
                    sheets.push((who, Some(s), Some(os)));
                }
                for (key, new, was) in sheets {
                    let (new, was) = match (new, was) {
                        (None, None) => continue,
                        (Some(n), Some(w)) => (n, w),
                        _ => return None,
                    };
                    for (crit, v) in new {
                        let before = was.iter().find(|(c, _)| c == crit).map(|(_, v)| v);
                        if before == Some(v) {
                            continue;
                        }
                        let place = (phase.clone(), unit.clone(), key.to_string(), crit.clone());
                        let text = self.value_text(v);
                        if before.is_some() {
                            let r = old.values.iter().find(|(p, _)| *p == place)?.1.clone();
                            edits.push((quoted_range(&old.text, r), text));
                        } else {
                            let at = old.empty.iter().find(|(p, _)| *p == place)?.1;
                            edits.push((at..at, format!(" {text}")));
                        }
                    }
                    if was.iter().any(|(c, _)| !new.iter().any(|(n, _)| n == c)) {
                        return None;
                    }
                }
            }
        }
        edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        let mut text = old.text.clone();
        for (r, new) in edits {
            text.replace_range(r, &new);
        }
        // The edited text must read back as the changed document, or the
        // whole text is written instead.
        let back = Doc::read(Path::new("-"), &text)?;
        (back.phases == self.phases).then_some(text)
    }

    /// A value as written in the file: whole numbers plain, others quoted
    /// with the file's separator, ratios as `{ actual: "0,82" }`.
    fn value_text(&self, v: &Val) -> String {
        let num = |d: &Decimal| {
            let d = d.normalize();
            if d.scale() == 0 {
                d.to_string()
            } else {
                let s = d.to_string();
                format!("\"{}\"", if self.comma { s.replace('.', ",") } else { s })
            }
        };
        match v {
            Val::Points(d) => num(d),
            Val::Actual(d) => format!("{{ actual: {} }}", num(d)),
            Val::Raw(s) => quote(s),
        }
    }

    /// The whole file as new text.
    pub fn render(&self) -> String {
        let mut y = self.head.clone();
        let sep = if self.comma { "," } else { "." };
        y.push_str(&format!(
            "cluster: {}\nyear: {}\ndecimal_separator: \"{sep}\"\nphases:\n",
            self.cluster, self.year
        ));
        for (phase, units) in &self.phases {
            y.push_str(&format!("  {phase}:\n"));
            for (unit, u) in units {
                y.push_str(&format!("    {unit}:\n"));
                if let Some(s) = &u.status {
                    y.push_str(&format!("      status: {}\n", quote(s)));
                }
                if let Some(s) = &u.note {
                    y.push_str(&format!("      note: {}\n", quote(s)));
                }
                if let Some(s) = &u.self_scores {
                    y.push_str(&format!("      self: {}\n", self.flow(s)));
                }
                if !u.assessed.is_empty() {
                    y.push_str("      assessed:\n");
                    for (who, s) in &u.assessed {
                        y.push_str(&format!("        {who}: {}\n", self.flow(s)));
                    }
                }
                for (key, list) in [("bonus", &u.bonus), ("penalties", &u.penalties)] {
                    if !list.is_empty() {
                        let items: Vec<String> = list.iter().map(count_text).collect();
                        y.push_str(&format!("      {key}: [{}]\n", items.join(", ")));
                    }
                }
                if !u.disqualified.is_empty() {
                    y.push_str(&format!(
                        "      disqualified: [{}]\n",
                        u.disqualified.join(", ")
                    ));
                }
            }
        }
        y
    }

    fn flow(&self, s: &Scores) -> String {
        let parts: Vec<String> = s
            .iter()
            .map(|(c, v)| format!("{c}: {}", self.value_text(v)))
            .collect();
        format!("{{ {} }}", parts.join(", "))
    }
}

fn count_text(c: &Count) -> String {
    let mut s = format!("{{ item: {}, count: {}", c.item, c.count);
    if let Some(e) = &c.evidence {
        s.push_str(&format!(", evidence: {}", quote(e)));
    }
    s.push_str(" }");
    s
}

/// A double-quoted YAML string.
fn quote(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

/// `r` widened to the quotes around it, when the span left them out.
fn quoted_range(text: &str, r: Range<usize>) -> Range<usize> {
    let b = text.as_bytes();
    let q = |i: usize| matches!(b.get(i), Some(b'"' | b'\''));
    if r.start > 0 && q(r.start - 1) && q(r.end) && !q(r.start) {
        r.start - 1..r.end + 1
    } else {
        r
    }
}

/// A typed number under the file's separator, exactly.
fn number(s: &str, comma: bool) -> Option<Decimal> {
    parse_decimal(s, separator(comma)).ok()
}

fn separator(comma: bool) -> DecimalSeparator {
    if comma {
        DecimalSeparator::Comma
    } else {
        DecimalSeparator::Dot
    }
}
