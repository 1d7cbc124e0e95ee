//! Line edits of `data/units.yaml` for the editor's units page: the file is
//! read as the format lays it out (FORMAT.md §4: a `units:` list of blocks
//! starting `- id:`, `names:` a list of entries), and a change inserts a few
//! lines or a few characters, so every other byte (comments, order, layout)
//! stays. A layout this cannot follow gives `None`: the page then asks her
//! to make the change in the file.

use std::ops::Range;

use jiff::civil::Date;

/// One unit's lines: from its `- ` line to its last line of YAML
/// (comments after it belong to the next unit), 0-based.
pub struct Block {
    pub id: String,
    pub lines: Range<usize>,
    /// The column of its `-`.
    dash: usize,
}

/// A unit to add.
pub struct NewUnit<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub full: &'a str,
    pub short: Option<&'a str>,
    pub from: Date,
}

/// A change of the registry.
pub enum Edit<'a> {
    Add(NewUnit<'a>),
    /// A new name from `from`; the current one ends the day before.
    Rename {
        id: &'a str,
        full: &'a str,
        short: Option<&'a str>,
        from: Date,
    },
    /// Merged into `into` on `on`; valid until the day before.
    Merge {
        id: &'a str,
        into: &'a str,
        on: Date,
    },
}

fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches(' ').len()
}

fn is_yaml(l: &str) -> bool {
    let t = l.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// A scalar as written, without comment or quotes.
fn scalar(v: &str) -> String {
    let v = v.split(" #").next().unwrap_or("").trim();
    v.trim_matches(|c| c == '"' || c == '\'').to_string()
}

/// The units of the file, in file order.
pub fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(start) = lines.iter().position(|l| l.starts_with("units:")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut dash: Option<usize> = None;
    let mut current: Option<(usize, String)> = None;
    let mut last = start;
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if !is_yaml(l) {
            continue;
        }
        let (ind, t) = (indent(l), l.trim_start());
        if ind == 0 {
            break;
        }
        if dash.is_none() && t.starts_with("- ") {
            dash = Some(ind);
        }
        let Some(d) = dash else { continue };
        if ind == d && t.starts_with("- ") {
            if let Some((s, id)) = current.take() {
                out.push(Block {
                    id,
                    lines: s..last + 1,
                    dash: d,
                });
            }
            let id = t[2..].trim_start().strip_prefix("id:").map(scalar);
            current = Some((i, id.unwrap_or_default()));
        } else if let Some((_, id)) = current.as_mut()
            && id.is_empty()
            && ind == d + 2
            && let Some(v) = t.strip_prefix("id:")
        {
            *id = scalar(v);
        }
        last = i;
    }
    if let (Some((s, id)), Some(d)) = (current, dash) {
        out.push(Block {
            id,
            lines: s..last + 1,
            dash: d,
        });
    }
    out
}

/// A value inside a flow mapping `{ … }`, quoted when YAML would misread it.
fn flow(v: &str) -> String {
    let risky = v.is_empty()
        || v != v.trim()
        || v.contains([
            ',', ':', '{', '}', '[', ']', '#', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`',
        ])
        || v.starts_with(['-', '?']);
    if risky {
        format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        v.to_string()
    }
}

fn name_entry(full: &str, short: Option<&str>, from: Date) -> String {
    match short {
        Some(s) => format!(
            "{{ full: {}, short: {}, from: {from} }}",
            flow(full),
            flow(s)
        ),
        None => format!("{{ full: {}, from: {from} }}", flow(full)),
    }
}

/// `, until: <date>` put before the closing `}` of a one-line flow mapping.
fn close_flow(line: &str, until: Date) -> Option<String> {
    let end = line.rfind('}')?;
    let head = line[..end].trim_end();
    Some(format!("{head}, until: {until} {}", &line[end..]))
}

fn day_before(d: Date) -> Date {
    d.yesterday().unwrap_or(d)
}

/// The text after `edit`, or `None` when the unit is missing or laid out
/// in a way these edits do not follow.
pub fn apply(text: &str, edit: &Edit<'_>) -> Option<String> {
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    let all = blocks(text);
    match edit {
        Edit::Add(u) => add(&mut lines, &all, u),
        Edit::Rename {
            id,
            full,
            short,
            from,
        } => {
            let b = all.iter().find(|b| b.id == *id)?;
            rename(&mut lines, b, &name_entry(full, *short, *from), *from)?;
        }
        Edit::Merge { id, into, on } => {
            let b = all.iter().find(|b| b.id == *id)?;
            merge(&mut lines, b, into, *on)?;
        }
    }
    Some(lines.join("\n"))
}

fn add(lines: &mut Vec<String>, all: &[Block], u: &NewUnit<'_>) {
    let dash = all.first().map_or(2, |b| b.dash);
    let (pad, key) = (" ".repeat(dash), " ".repeat(dash + 2));
    let block = [
        format!("{pad}- id: {}", u.id),
        format!("{key}kind: {}", u.kind),
        format!("{key}names:"),
        format!("{key}  - {}", name_entry(u.full, u.short, u.from)),
        format!("{key}valid: {{ from: {} }}", u.from),
    ];
    let at = match all.last() {
        Some(b) => b.lines.end,
        None => {
            // No `units:` list yet (an empty or new file): start one.
            let end = lines
                .iter()
                .rposition(|l| !l.trim().is_empty())
                .map_or(0, |i| i + 1);
            lines.insert(end, "units:".into());
            end + 1
        }
    };
    for (k, l) in block.into_iter().enumerate() {
        lines.insert(at + k, l);
    }
}

/// The lines under a key of the block (`names:`, `valid:`): the key's line
/// and the range of the more indented lines that follow it.
fn under(lines: &[String], b: &Block, key: &str) -> Option<(usize, Range<usize>)> {
    let col = b.dash + 2;
    let at = b.lines.clone().find(|&i| {
        let l = &lines[i];
        let t = l.trim_start();
        let first =
            i == b.lines.start && t.starts_with("- ") && t[2..].trim_start().starts_with(key);
        first || (indent(l) == col && t.starts_with(key))
    })?;
    let mut end = at + 1;
    for (i, l) in lines.iter().enumerate().take(b.lines.end).skip(at + 1) {
        if is_yaml(l) {
            if indent(l) <= col {
                break;
            }
            end = i + 1;
        }
    }
    Some((at, at + 1..end))
}

fn rename(lines: &mut Vec<String>, b: &Block, entry: &str, from: Date) -> Option<()> {
    let (_, items) = under(lines, b, "names:")?;
    let starts: Vec<usize> = items
        .clone()
        .filter(|&i| lines[i].trim_start().starts_with("- "))
        .collect();
    let &last = starts.last()?;
    let item_col = indent(&lines[last]);
    let item_end = (last + 1..items.end)
        .rfind(|&i| is_yaml(&lines[i]) && indent(&lines[i]) > item_col)
        .map_or(last + 1, |i| i + 1);
    let mut insert_at = item_end;
    let closed = lines[last..item_end].iter().any(|l| l.contains("until:"));
    if !closed {
        let until = day_before(from);
        if item_end == last + 1 && lines[last].trim_start().starts_with("- {") {
            lines[last] = close_flow(&lines[last], until)?;
        } else if item_end > last + 1 || !lines[last].contains('{') {
            let pad = " ".repeat(item_col + 2);
            lines.insert(item_end, format!("{pad}until: {until}"));
            insert_at += 1;
        } else {
            return None;
        }
    }
    lines.insert(insert_at, format!("{}- {entry}", " ".repeat(item_col)));
    Some(())
}

fn merge(lines: &mut Vec<String>, b: &Block, into: &str, on: Date) -> Option<()> {
    if under(lines, b, "merged_into:").is_some() {
        return None;
    }
    let key = " ".repeat(b.dash + 2);
    let until = day_before(on);
    let mut end = b.lines.end;
    match under(lines, b, "valid:") {
        Some((at, sub)) if sub.is_empty() => {
            let line = &lines[at];
            if !line.contains("until:") {
                lines[at] = close_flow(line, until)?;
            }
        }
        Some((_, sub)) => {
            if !lines[sub.clone()].iter().any(|l| l.contains("until:")) {
                lines.insert(sub.end, format!("{key}  until: {until}"));
                end += 1;
            }
        }
        None => {
            lines.insert(end, format!("{key}valid: {{ until: {until} }}"));
            end += 1;
        }
    }
    lines.insert(
        end,
        format!("{key}merged_into: {{ unit: {into}, date: {on} }}"),
    );
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# Sổ đơn vị\nunits:\n  # cấp trên\n  - id: tl-a\n    kind: agency\n    names:\n      - { full: Sở A, short: SA, from: 2000-01-01 }   # tên đầu\n    valid: { from: 2000-01-01 }\n  - kind: agency\n    id: tl-b\n    names:\n      - full: Sở B\n        from: 2001-01-01\n";

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn blocks_find_each_unit_with_its_lines_leading_comments_left_out() {
        let b = blocks(FILE);
        let got: Vec<(&str, Range<usize>)> =
            b.iter().map(|b| (b.id.as_str(), b.lines.clone())).collect();
        assert_eq!(got, [("tl-a", 3..8), ("tl-b", 8..13)]);
    }

    #[test]
    fn a_rename_closes_the_flow_name_the_day_before_and_adds_the_new_one() {
        let edit = Edit::Rename {
            id: "tl-a",
            full: "Sở A mới",
            short: None,
            from: day("2025-03-01"),
        };
        let out = apply(FILE, &edit).unwrap();
        assert_eq!(
            out,
            FILE.replace(
                "      - { full: Sở A, short: SA, from: 2000-01-01 }   # tên đầu\n",
                "      - { full: Sở A, short: SA, from: 2000-01-01, until: 2025-02-28 }   # tên đầu\n      - { full: Sở A mới, from: 2025-03-01 }\n"
            )
        );
    }

    #[test]
    fn a_rename_of_a_block_name_adds_until_under_it() {
        let edit = Edit::Rename {
            id: "tl-b",
            full: "Sở B: mới",
            short: Some("SB"),
            from: day("2024-01-01"),
        };
        let out = apply(FILE, &edit).unwrap();
        assert!(
            out.ends_with("      - full: Sở B\n        from: 2001-01-01\n        until: 2023-12-31\n      - { full: \"Sở B: mới\", short: SB, from: 2024-01-01 }\n"),
            "{out}"
        );
    }

    #[test]
    fn a_merge_ends_validity_and_names_the_successor() {
        let out = apply(
            FILE,
            &Edit::Merge {
                id: "tl-a",
                into: "tl-b",
                on: day("2025-03-01"),
            },
        )
        .unwrap();
        assert!(out.contains("    valid: { from: 2000-01-01, until: 2025-02-28 }\n    merged_into: { unit: tl-b, date: 2025-03-01 }\n  - kind: agency\n"), "{out}");
        let out = apply(
            FILE,
            &Edit::Merge {
                id: "tl-b",
                into: "tl-a",
                on: day("2025-03-01"),
            },
        )
        .unwrap();
        assert!(out.ends_with("        from: 2001-01-01\n    valid: { until: 2025-02-28 }\n    merged_into: { unit: tl-a, date: 2025-03-01 }\n"), "{out}");
        // Twice is refused.
        assert!(
            apply(
                &out,
                &Edit::Merge {
                    id: "tl-b",
                    into: "tl-a",
                    on: day("2025-03-01")
                }
            )
            .is_none()
        );
    }

    #[test]
    fn a_new_unit_goes_after_the_last_in_the_files_indentation() {
        let unit = NewUnit {
            id: "tl-c",
            kind: "union_base",
            full: "Công đoàn C",
            short: None,
            from: day("2025-01-01"),
        };
        let out = apply(FILE, &Edit::Add(unit)).unwrap();
        assert!(out.ends_with("        from: 2001-01-01\n  - id: tl-c\n    kind: union_base\n    names:\n      - { full: Công đoàn C, from: 2025-01-01 }\n    valid: { from: 2025-01-01 }\n"), "{out}");
        assert!(
            apply(
                FILE,
                &Edit::Rename {
                    id: "tl-x",
                    full: "X",
                    short: None,
                    from: day("2025-01-01")
                }
            )
            .is_none()
        );
    }
}
