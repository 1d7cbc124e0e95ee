//! Writing the form back into a front matter the way a careful person
//! would: a key whose value did not change keeps its lines byte for byte,
//! comments and keys the form does not show stay where they are, a changed
//! key is rewritten in place, an emptied one is removed, and a new one goes
//! where `bangtin new` puts it (over its commented example when the file
//! came from `bangtin new`, else after the keys that precede it).

/// The keys of a front matter in the order `bangtin new` lays them out
/// (the form writes some; the others only place a new key).
pub const ORDER: &[&str] = &[
    "title",
    "date",
    "slug",
    "draft",
    "tags",
    "summary",
    "byline",
    "cluster",
    "cluster_year",
    "event",
    "units",
    "cover",
    "photos",
    "aliases",
    "source",
];

/// One key of the form: its text as it is in the file now (`None`: absent,
/// or written in a form we read as the same value) and as it should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyChange {
    pub key: &'static str,
    /// The lines to write (`key: value`, maybe more lines), or `None` to
    /// remove the key.
    pub wanted: Option<String>,
}

/// A run of lines of the front matter: one top-level key with its
/// continuation lines, or anything else (comments, blank lines).
struct Segment<'a> {
    key: Option<&'a str>,
    text: String,
}

/// Applies `changes` to the YAML between the `---` lines. Keys not named
/// in `changes` are left alone.
pub fn rewrite(yaml: &str, changes: &[KeyChange]) -> String {
    rewrite_in_order(yaml, changes, ORDER)
}

/// [`rewrite`] for a YAML file whose keys go in `order` (a data file's
/// layout in FORMAT.md): a new key is placed by that order.
pub fn rewrite_in_order(yaml: &str, changes: &[KeyChange], order: &[&str]) -> String {
    let mut segments = segments(yaml);
    for change in changes {
        apply(&mut segments, change, order);
    }
    segments.into_iter().map(|s| s.text).collect()
}

fn apply(segments: &mut Vec<Segment<'_>>, change: &KeyChange, order: &[&str]) {
    let at = segments.iter().position(|s| s.key == Some(change.key));
    match (at, &change.wanted) {
        (Some(i), Some(text)) => segments[i].text = with_newline(text),
        (Some(i), None) => {
            segments.remove(i);
        }
        (None, None) => {}
        (None, Some(text)) => {
            let text = with_newline(text);
            if let Some(i) = placeholder(segments, change.key) {
                // `# summary: …` from `bangtin new`: the example gives way to
                // the value, the explanation above it stays.
                segments[i] = Segment {
                    key: Some(change.key),
                    text,
                };
                return;
            }
            let i = insertion_point(segments, change.key, order);
            segments.insert(
                i,
                Segment {
                    key: Some(change.key),
                    text,
                },
            );
        }
    }
}

fn with_newline(text: &str) -> String {
    let mut t = text.trim_end_matches('\n').to_string();
    t.push('\n');
    t
}

/// The commented example of `key` that `bangtin new` writes (`# key:`, with
/// its `#   - …` lines for a list).
fn placeholder(segments: &[Segment<'_>], key: &str) -> Option<usize> {
    let prefix = format!("# {key}:");
    segments
        .iter()
        .position(|s| s.key.is_none() && s.text.starts_with(&prefix))
}

/// After the present key that comes closest before `key` in `order`;
/// else before the first that comes after it; else at the end.
fn insertion_point(segments: &[Segment<'_>], key: &str, order: &[&str]) -> usize {
    let rank = |k: &str| order.iter().position(|o| *o == k);
    let Some(mine) = rank(key) else {
        return segments.len();
    };
    let before = segments
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((s.key.and_then(rank)?, i)))
        .filter(|(r, _)| *r < mine)
        .max();
    if let Some((_, i)) = before {
        return i + 1;
    }
    segments
        .iter()
        .position(|s| s.key.and_then(rank).is_some_and(|r| r > mine))
        .unwrap_or(segments.len())
}

/// Cuts the YAML into segments. A top-level key starts at column 0
/// (`key:`); the lines after it that are indented or are block list items
/// (`- …`) belong to it. A comment line in a placeholder block (`#   - …`
/// after `# photos:`) stays with the line above.
fn segments(yaml: &str) -> Vec<Segment<'_>> {
    let mut out: Vec<Segment<'_>> = Vec::new();
    for line in yaml.split_inclusive('\n') {
        let continues =
            line.starts_with([' ', '\t']) || line.starts_with("- ") || line.trim_end() == "-";
        let commented_item = line.starts_with("#   ");
        match out.last_mut() {
            Some(last) if last.key.is_some() && continues => last.text.push_str(line),
            Some(last) if last.key.is_none() && commented_item => last.text.push_str(line),
            _ => out.push(Segment {
                key: top_level_key(line),
                text: line.to_string(),
            }),
        }
    }
    out
}

/// The key a line starts at column 0 (`key: …`), if it does.
pub fn top_level_key(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(':')?;
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    ok.then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(key: &'static str, text: &str) -> KeyChange {
        KeyChange {
            key,
            wanted: Some(text.to_string()),
        }
    }

    fn remove(key: &'static str) -> KeyChange {
        KeyChange { key, wanted: None }
    }

    #[test]
    fn untouched_keys_comments_and_unknown_keys_keep_their_bytes() {
        let yaml = "title: \"Cũ\"   # sửa sau\ndate: 2024-03-14\n# ghi chú của tôi\nevent: ky_ket\naliases:\n  - /cu\n";
        let out = rewrite(yaml, &[set("title", "title: \"Mới\"")]);
        assert_eq!(
            out,
            "title: \"Mới\"\ndate: 2024-03-14\n# ghi chú của tôi\nevent: ky_ket\naliases:\n  - /cu\n"
        );
    }

    #[test]
    fn a_block_list_is_replaced_whole_and_an_emptied_key_removed() {
        let yaml = "title: A\ntags:\n- một\n- hai\ndraft: true\nevent: so_ket\n";
        let out = rewrite(yaml, &[set("tags", "tags: [ba]"), remove("draft")]);
        assert_eq!(out, "title: A\ntags: [ba]\nevent: so_ket\n");
    }

    #[test]
    fn a_new_key_takes_the_place_of_its_commented_example() {
        let yaml = "title: A\ndate: 2025-01-02\n# Tóm tắt hiện trong danh sách tin:\n# summary: Chiều 14/3, …\n# Tác giả:\n# byline: \"Tin, ảnh: Họ và tên\"\n# photos:\n#   - { file: a.jpg }\n#   - { file: b.jpg }\n# aliases: [/cu]\n";
        let out = rewrite(
            yaml,
            &[
                set("summary", "summary: Ngắn gọn"),
                set("photos", "photos:\n  - { file: x.jpg, caption: X }"),
            ],
        );
        assert_eq!(
            out,
            "title: A\ndate: 2025-01-02\n# Tóm tắt hiện trong danh sách tin:\nsummary: Ngắn gọn\n# Tác giả:\n# byline: \"Tin, ảnh: Họ và tên\"\nphotos:\n  - { file: x.jpg, caption: X }\n# aliases: [/cu]\n"
        );
    }

    #[test]
    fn a_new_key_without_an_example_follows_the_keys_before_it() {
        let yaml = "title: A\ndate: 2025-01-02\nevent: ky_ket\nunits: [u1]\n";
        let out = rewrite(
            yaml,
            &[set("byline", "byline: \"B\""), set("draft", "draft: true")],
        );
        assert_eq!(
            out,
            "title: A\ndate: 2025-01-02\ndraft: true\nbyline: \"B\"\nevent: ky_ket\nunits: [u1]\n"
        );
        let empty = rewrite("", &[set("title", "title: T")]);
        assert_eq!(empty, "title: T\n");
    }
}
