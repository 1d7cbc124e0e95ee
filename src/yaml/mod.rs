//! Reading YAML into typed values with located, translated errors.
//!
//! Every YAML file bangtin reads (site.yaml, front matter, data files) goes
//! through [`parse`]: strict booleans, duplicate keys rejected, and every
//! serde-saphyr error turned into a [`Diagnostic`] with file, line, column,
//! a Vietnamese message and a hint. Values that a later check may reject are
//! read as [`Spanned`] so that check can point at them too.

use std::path::Path;

use serde::de::DeserializeOwned;
pub use serde_saphyr::Spanned;

mod lint;
mod translate;

pub use lint::lint_values;

use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;
use translate::unknown_key_hint;

/// Where a YAML text sits inside the file it came from (front matter starts
/// below the opening `---`), so reported lines match what the user sees.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub file: &'a Path,
    /// The whole file, for quoting lines.
    pub full_text: &'a str,
    /// Lines of the file before the YAML text.
    pub line_offset: usize,
    /// Byte offset of the YAML text in `full_text`, so that a value's span
    /// finds its excerpt without reading the file up to it.
    pub yaml_start: usize,
}

impl<'a> Source<'a> {
    /// A YAML file read on its own.
    pub fn file(file: &'a Path, text: &'a str) -> Self {
        Source {
            file,
            full_text: text,
            line_offset: 0,
            yaml_start: 0,
        }
    }

    /// A diagnostic at the location of a spanned value.
    pub fn error_at<T: std::fmt::Debug>(&self, value: &Spanned<T>, message: String) -> Diagnostic {
        self.place(Diagnostic::error(message), value)
    }

    /// A warning at the location of a spanned value.
    pub fn warning_at<T: std::fmt::Debug>(
        &self,
        value: &Spanned<T>,
        message: String,
    ) -> Diagnostic {
        self.place(Diagnostic::warning(message), value)
    }

    /// `d` in this file at `value`: the excerpt is taken at the value's byte
    /// offset when the span has one that agrees with its column, so many
    /// diagnostics in one file cost no more than its length.
    fn place<T: std::fmt::Debug>(&self, d: Diagnostic, value: &Spanned<T>) -> Diagnostic {
        let (line, col) = self.position(value);
        let d = d.in_file(self.file);
        match self.byte_of(value, col) {
            Some(offset) => d.at_byte(self.full_text, line, col, offset),
            None => d.at(self.full_text, line, col),
        }
    }

    /// The byte offset of `value` in `full_text`, checked against `column`
    /// where the line start is near (a short read back from the offset).
    fn byte_of<T: std::fmt::Debug>(&self, value: &Spanned<T>, column: usize) -> Option<usize> {
        let offset = self.yaml_start + value.referenced.span().byte_offset()? as usize;
        let text = self.full_text;
        if offset > text.len() || !text.is_char_boundary(offset) {
            return None;
        }
        let near = offset.saturating_sub(256);
        let before = text.get(near..offset)?;
        match before.rfind('\n') {
            Some(i) => (before[i + 1..].chars().count() + 1 == column).then_some(offset),
            None if near == 0 => (before.chars().count() + 1 == column).then_some(offset),
            None => Some(offset),
        }
    }

    /// Line and column of a spanned value in the whole file.
    pub fn position<T: std::fmt::Debug>(&self, value: &Spanned<T>) -> (usize, usize) {
        let loc = value.referenced;
        (
            loc.line() as usize + self.line_offset,
            loc.column() as usize,
        )
    }
}

/// Parses `yaml` into `T`, or one located diagnostic explaining why not.
pub fn parse<T: DeserializeOwned>(yaml: &str, src: Source<'_>) -> Result<T, Box<Diagnostic>> {
    // With no line offset the YAML is a file of its own (front matter always
    // sits below its `---`, where an empty block is allowed): blank is empty.
    if lint::is_blank(yaml) && src.line_offset == 0 {
        return Err(Box::new(
            Diagnostic::error(t!(Msg::YamlEmptyFile))
                .in_file(src.file)
                .at(src.full_text, 1, 1)
                .hint(t!(Msg::YamlEmptyFileHint)),
        ));
    }
    // A decimal comma inside `{ … }` splits the number in two, and the file
    // may even parse; what follows from the pieces would only mislead.
    if let Some(d) = lint::decimal_comma_in_flow(yaml, src) {
        return Err(Box::new(d));
    }
    let options = serde_saphyr::options! {
        strict_booleans: true,
    };
    serde_saphyr::from_str_with_options::<T>(yaml, options).map_err(|e| {
        let (line, col) = e
            .location()
            .map_or((0, 0), |l| (l.line() as usize, l.column() as usize));
        let raw = e.without_snippet().to_string();
        let found = translate::Found {
            detail: translate::strip_location_suffix(&raw),
            yaml,
            line,
            column: col,
        };
        let (message, hint, line, col) = translate::translate(&found);
        let line = if line == 0 { 0 } else { line + src.line_offset };
        Box::new(
            Diagnostic::error(message)
                .in_file(src.file)
                .at(src.full_text, line, col)
                .hint(hint),
        )
    })
}

/// Parses a mapping into `T` reporting every unknown top-level key, not only
/// the first. `T`'s top-level struct must accept unknown keys (no
/// `deny_unknown_fields`): the keys are listed from a permissive read first,
/// then `T` is read, so an unknown key does not hide the value errors of the
/// known ones. Returns `T` when it could be read, with every diagnostic.
pub fn parse_all_keys<T: DeserializeOwned>(
    yaml: &str,
    src: Source<'_>,
) -> (Option<T>, Vec<Diagnostic>) {
    let allowed = field_names::<T>();
    let keys = if yaml.trim().is_empty() || plain_keys_allowed(yaml, allowed) {
        Entries::default()
    } else {
        match parse::<Entries<serde::de::IgnoredAny>>(yaml, src) {
            Ok(k) => k,
            Err(d) => return (None, vec![*d]),
        }
    };
    let mut diags: Vec<Diagnostic> = keys
        .0
        .iter()
        .filter(|(k, _)| !allowed.contains(&k.value.as_str()))
        .map(|(k, _)| {
            src.error_at(k, t!(Msg::UnknownKey, key = k.value))
                .hint(unknown_key_hint(&k.value, allowed))
        })
        .collect();
    match parse::<T>(yaml, src) {
        Ok(v) => {
            diags.extend(lint_values(yaml, src));
            (Some(v), diags)
        }
        Err(d) => {
            diags.push(*d);
            (None, diags)
        }
    }
}

/// Whether `yaml` plainly is a mapping whose every top-level key is in
/// `allowed`, seen from its lines alone: the first line with content is a
/// `key:` at the line start (so the mapping is not indented and each of its
/// keys starts a line), and every line starting at column 0 is a comment, a
/// `- ` item of a key's list, or `key:` followed by a space or nothing, with
/// a known key. Anything else (quoted or flow keys, anchors, a glued
/// `key:value`, an unknown key) answers `false` and the keys are listed by
/// a real parse. Front matter is nearly always plain: this saves a parse.
fn plain_keys_allowed(yaml: &str, allowed: &[&str]) -> bool {
    let mut seen_key = false;
    for line in yaml.lines() {
        let first = line.chars().next();
        match first {
            None | Some('#') => continue,
            Some(' ' | '\t') if seen_key => continue,
            Some('-') if seen_key && (line == "-" || line.starts_with("- ")) => continue,
            _ => {}
        }
        let Some((key, rest)) = line.split_once(':') else {
            return false;
        };
        let simple = key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if key.is_empty() || !simple || !(rest.is_empty() || rest.starts_with(' ')) {
            return false;
        }
        if !allowed.contains(&key) {
            return false;
        }
        seen_key = true;
    }
    true
}

/// The field names of a struct `T` derives `Deserialize` for: serde passes
/// them to `deserialize_struct`, which this deserializer writes down.
fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{Error, Visitor, value};
    struct Names<'a>(&'a mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Names<'_> {
        type Error = value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, value::Error> {
            Err(value::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, value::Error> {
            *self.0 = fields;
            Err(value::Error::custom("fields read"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    // Always an error: `Names` stops as soon as it has the field names.
    let _ = T::deserialize(Names(&mut fields));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        #[serde(default)]
        draft: bool,
    }

    #[test]
    fn plain_front_matter_is_read_once_and_anything_unusual_gets_the_key_listing() {
        let allowed = &["title", "tags", "draft"];
        for yaml in [
            "title: A\ntags:\n- a\n- b\n",
            "# chú thích\ntitle: A\n\ntags: [a, b]\ndraft:\n",
            "title: |\n  dòng 1\n  dòng 2\n",
        ] {
            assert!(plain_keys_allowed(yaml, allowed), "{yaml}");
        }
        for yaml in [
            "title: A\nsummry: x\n",
            "  title: A\n  foo: b\n",
            "\"foo\": A\n",
            "title:A\n",
            "{title: A, foo: b}\n",
            "- title\n",
            "&x title: A\n",
            "title: A\nTitle: B\n",
        ] {
            assert!(!plain_keys_allowed(yaml, allowed), "{yaml}");
        }
        // The full listing still reports what the plain reading would miss.
        #[derive(Deserialize)]
        #[allow(dead_code)]
        struct Open {
            title: Option<String>,
        }
        let text = "  title: A\n  foo: b\n";
        let src = Source::file(Path::new("a.md"), text);
        let (v, diags) = parse_all_keys::<Open>(text, src);
        assert!(v.is_some());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message.contains("foo") && diags[0].line == 2);
    }

    fn err(yaml: &str, offset: usize) -> Diagnostic {
        let src = Source {
            file: Path::new("a.md"),
            full_text: yaml,
            line_offset: offset,
            yaml_start: 0,
        };
        *parse::<Sample>(yaml, src).unwrap_err()
    }

    #[test]
    fn unknown_key_suggests_the_closest_allowed_key() {
        let d = err("title: x\ntittle: y\n", 0);
        assert_eq!((d.line, d.column), (2, 1));
        assert!(d.message.contains("`tittle`"), "{}", d.message);
        assert!(d.hint.unwrap().contains("`title`"));
    }

    #[test]
    fn line_offset_moves_the_location_into_the_whole_file() {
        let d = err("title: x\ndraft: có\n", 1);
        assert_eq!(d.line, 3);
        assert_eq!(d.message, t!(Msg::ExpectedBoolean));
    }

    #[test]
    fn missing_and_duplicate_keys_are_named() {
        let d = err("draft: true\n", 0);
        assert!(d.message.contains("`title`"), "{}", d.message);
        let d = err("title: a\ntitle: b\n", 0);
        assert_eq!(d.line, 2);
        assert!(d.message.contains("`title`"), "{}", d.message);
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Open {
        title: Option<String>,
        draft: Option<bool>,
    }

    #[test]
    fn every_unknown_key_is_reported_with_the_value_errors_of_known_keys() {
        let yaml = "titel: x\ndraft: có\nsumary: y\n";
        let src = Source::file(Path::new("a.md"), yaml);
        let (value, ds) = parse_all_keys::<Open>(yaml, src);
        assert!(value.is_none());
        let found: Vec<(usize, bool)> = ds
            .iter()
            .map(|d| (d.line, d.message == t!(Msg::ExpectedBoolean)))
            .collect();
        assert_eq!(found, [(1, false), (3, false), (2, true)]);
        assert!(ds[0].hint.as_deref().unwrap().contains("`title`"));
        assert!(ds[1].message.contains("`sumary`"), "{}", ds[1].message);
    }

    #[test]
    fn empty_front_matter_has_no_unknown_keys_but_an_empty_file_is_an_error() {
        for yaml in ["", "# chỉ có ghi chú\n"] {
            let src = Source {
                file: Path::new("a.md"),
                full_text: yaml,
                line_offset: 1,
                yaml_start: 0,
            };
            let (value, ds) = parse_all_keys::<Open>(yaml, src);
            assert!(ds.is_empty(), "{ds:?}");
            assert!(value.is_some_and(|v| v.title.is_none()));
            let src = Source::file(Path::new("data/awards.yaml"), yaml);
            let (value, ds) = parse_all_keys::<Open>(yaml, src);
            assert!(value.is_none());
            assert_eq!(ds.len(), 1);
            assert_eq!(ds[0].message, t!(Msg::YamlEmptyFile));
            assert_eq!((ds[0].line, ds[0].column), (1, 1));
        }
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Kind {
        KyKet,
        TongKet,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Shapes {
        tags: Option<Vec<String>>,
        title: Option<String>,
        source: Option<std::collections::BTreeMap<String, String>>,
        views: Option<u64>,
        year: Option<i32>,
        kind: Option<Kind>,
    }

    fn shape_error(yaml: &str) -> Diagnostic {
        let src = Source::file(Path::new("a.md"), yaml);
        *parse::<Shapes>(yaml, src).unwrap_err()
    }

    #[test]
    fn common_value_shapes_are_said_in_the_catalogue_words() {
        let cases = [
            ("tags: x\n", Msg::ExpectedList, 7),
            ("title: [a]\n", Msg::ExpectedSingle, 8),
            ("title: {a: 1}\n", Msg::ExpectedSingle, 8),
            ("source: x\n", Msg::ExpectedMapping, 9),
            ("views: -3\n", Msg::ExpectedCount, 8),
            ("year: 2.5\n", Msg::ExpectedWhole, 7),
        ];
        for (yaml, msg, column) in cases {
            let d = shape_error(yaml);
            assert_eq!(d.message, t!(msg), "{yaml}");
            assert_eq!((d.line, d.column), (1, column), "{yaml}");
            assert!(!d.message.contains("expected"), "{}", d.message);
        }
        let d = shape_error("kind: tongket\n");
        assert_eq!(d.message, t!(Msg::UnknownChoice, value = "tongket"));
        assert!(d.hint.unwrap().contains("`tong_ket`"));
    }

    #[test]
    fn syntax_errors_keep_their_location() {
        let d = err("title: \"x\n", 0);
        assert_eq!(d.line, 1);
        assert!(d.hint.is_some());
    }
}

/// A mapping read in file order with located keys: scores are keyed by unit and
/// criterion ids, and a wrong id must be reported where it is written.
#[derive(Debug)]
pub struct Entries<V>(pub Vec<(Spanned<String>, V)>);

impl<V> Default for Entries<V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, V: serde::Deserialize<'de>> serde::Deserialize<'de> for Entries<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Entries<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Entries<V>, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<Spanned<String>, V>()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}
