//! A cluster-year file as the editor's form holds it (issue 23): members,
//! targets, documents and the signing, read from the file's text, and each
//! key written again in the format's own layout (one flow mapping a line)
//! only when the form changed it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::front_edit::KeyChange;
use crate::cli::yaml_scalar;
use crate::yaml::Spanned;

/// One member as the form shows it.
#[derive(Deserialize, Serialize, Debug, Clone, PartialEq, Default)]
#[serde(default)]
pub struct MemberRow {
    pub unit: String,
    pub role: Option<String>,
    pub from: Option<String>,
    pub until: Option<String>,
    pub left_reason: Option<String>,
}

/// One entry of `documents:`; `file` is under `static/`.
#[derive(Deserialize, Serialize, Debug, Clone, PartialEq, Default)]
#[serde(default)]
pub struct DocumentRow {
    pub kind: Option<String>,
    pub title: String,
    pub number: Option<String>,
    pub date: Option<String>,
    pub file: Option<String>,
}

/// `signing:`, the meeting where the covenant was signed.
#[derive(Deserialize, Serialize, Debug, Clone, PartialEq, Default)]
#[serde(default)]
pub struct SigningRow {
    pub date: Option<String>,
    pub host: Option<String>,
    pub place: Option<String>,
}

/// The keys of the file the form edits.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form {
    pub members: Vec<MemberRow>,
    pub targets: Vec<String>,
    pub documents: Vec<DocumentRow>,
    pub signing: Option<SigningRow>,
}

/// Trimmed, and `None` when empty: how a value compares and is written.
fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(|v| crate::text::nfc(v.trim()))
        .filter(|v| !v.is_empty())
}

fn opt(s: &Option<Spanned<String>>) -> Option<String> {
    clean(&s.as_ref().map(|v| v.value.clone()))
}

impl MemberRow {
    fn cleaned(&self) -> MemberRow {
        MemberRow {
            unit: self.unit.trim().to_string(),
            role: clean(&self.role).filter(|r| r != "thanh_vien"),
            from: clean(&self.from),
            until: clean(&self.until),
            left_reason: clean(&self.left_reason),
        }
    }
}

impl DocumentRow {
    fn cleaned(&self) -> DocumentRow {
        DocumentRow {
            kind: clean(&self.kind),
            title: crate::text::nfc(self.title.trim()),
            number: clean(&self.number),
            date: clean(&self.date),
            file: clean(
                &self
                    .file
                    .as_ref()
                    .map(|f| f.trim_start_matches('/').to_string()),
            ),
        }
    }
}

impl SigningRow {
    /// `None` when nothing is filled in: the key is then removed.
    fn cleaned(&self) -> Option<SigningRow> {
        let s = SigningRow {
            date: clean(&self.date),
            host: clean(&self.host),
            place: clean(&self.place),
        };
        (s != SigningRow::default()).then_some(s)
    }
}

impl Form {
    /// The form's keys as the file's text has them; `None` when the text
    /// does not read as a cluster-year.
    pub fn read(path: &str, text: &str) -> Option<Form> {
        let src = crate::yaml::Source::file(std::path::Path::new(path), text);
        let raw: crate::data::raw::RawCluster = crate::yaml::parse(text, src).ok()?;
        let members = raw
            .members
            .iter()
            .map(|m| {
                MemberRow {
                    unit: m.unit.value.clone(),
                    role: opt(&m.role),
                    from: opt(&m.from),
                    until: opt(&m.until),
                    left_reason: opt(&m.left_reason),
                }
                .cleaned()
            })
            .collect();
        let documents = raw
            .documents
            .iter()
            .map(|d| {
                DocumentRow {
                    kind: opt(&d.kind),
                    title: d.title.value.clone(),
                    number: opt(&d.number),
                    date: opt(&d.date),
                    file: opt(&d.file),
                }
                .cleaned()
            })
            .collect();
        let signing = raw.signing.as_ref().and_then(|e| {
            SigningRow {
                date: Some(e.date.value.clone()),
                host: opt(&e.host),
                place: opt(&e.place),
            }
            .cleaned()
        });
        Some(Form {
            members,
            targets: raw.targets.iter().map(|t| t.value.clone()).collect(),
            documents,
            signing,
        })
    }

    /// This form with the keys a request gives (`members`, `targets`,
    /// `documents`, `signing`); a key left out keeps the file's. `None`
    /// when a given key is not of its shape.
    pub fn edited(&self, v: &Value) -> Option<Form> {
        fn take<T: serde::de::DeserializeOwned>(v: &Value, kept: T) -> Option<T> {
            match v {
                Value::Null => Some(kept),
                v => serde_json::from_value(v.clone()).ok(),
            }
        }
        let members: Vec<MemberRow> = take(&v["members"], self.members.clone())?;
        let documents: Vec<DocumentRow> = take(&v["documents"], self.documents.clone())?;
        let signing = match v.get("signing") {
            None => self.signing.clone(),
            Some(Value::Null) => None,
            Some(s) => serde_json::from_value::<SigningRow>(s.clone())
                .ok()?
                .cleaned(),
        };
        Some(Form {
            members: members.iter().map(MemberRow::cleaned).collect(),
            targets: take(&v["targets"], self.targets.clone())?,
            documents: documents.iter().map(DocumentRow::cleaned).collect(),
            signing,
        })
    }

    /// The key rewrites that turn the file's form (`self`) into `new`.
    pub fn changes(&self, new: &Form) -> Vec<KeyChange> {
        let mut out = Vec::new();
        if new.members != self.members {
            out.push(KeyChange {
                key: "members",
                wanted: Some(members_yaml(&new.members)),
            });
        }
        if new.targets != self.targets {
            out.push(KeyChange {
                key: "targets",
                wanted: targets_yaml(&new.targets),
            });
        }
        if new.documents != self.documents {
            out.push(KeyChange {
                key: "documents",
                wanted: documents_yaml(&new.documents),
            });
        }
        if new.signing != self.signing {
            out.push(KeyChange {
                key: "signing",
                wanted: new.signing.as_ref().map(signing_yaml),
            });
        }
        out
    }
}

/// `{ k: v, … }` of the values that are there, each plain when it reads
/// back as itself.
fn flow_map(parts: &[(&str, Option<&str>)]) -> String {
    let kept: Vec<String> = parts
        .iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}: {}", yaml_scalar(v))))
        .collect();
    format!("{{ {} }}", kept.join(", "))
}

/// `members:` as the format's examples write it, one flow mapping a line.
fn members_yaml(members: &[MemberRow]) -> String {
    let mut out = String::from("members:\n");
    for m in members {
        let mut parts = vec![format!("unit: {}", m.unit.trim())];
        let mut put = |k: &str, v: &Option<String>, quote: bool| {
            if let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                parts.push(match quote {
                    true => format!("{k}: {}", quoted(v)),
                    false => format!("{k}: {v}"),
                });
            }
        };
        put("role", &m.role.clone().filter(|r| r != "thanh_vien"), false);
        put("from", &m.from, false);
        put("until", &m.until, false);
        put("left_reason", &m.left_reason, true);
        out.push_str(&format!("  - {{ {} }}\n", parts.join(", ")));
    }
    out
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn targets_yaml(targets: &[String]) -> Option<String> {
    let kept: Vec<&str> = targets
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if kept.is_empty() {
        return None;
    }
    let mut out = String::from("targets:\n");
    for t in kept {
        out.push_str(&format!("  - {}\n", quoted(&crate::text::nfc(t))));
    }
    Some(out)
}

/// `documents:` one flow mapping a line, as FORMAT.md §5 writes them; no
/// key when there are none.
fn documents_yaml(documents: &[DocumentRow]) -> Option<String> {
    if documents.is_empty() {
        return None;
    }
    let mut out = String::from("documents:\n");
    for d in documents {
        let map = flow_map(&[
            ("kind", d.kind.as_deref()),
            ("title", Some(d.title.as_str())),
            ("number", d.number.as_deref()),
            ("date", d.date.as_deref()),
            ("file", d.file.as_deref()),
        ]);
        out.push_str(&format!("  - {map}\n"));
    }
    Some(out)
}

fn signing_yaml(s: &SigningRow) -> String {
    let map = flow_map(&[
        ("date", s.date.as_deref()),
        ("host", s.host.as_deref()),
        ("place", s.place.as_deref()),
    ]);
    format!("signing: {map}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "id: c\nyear: 2024\nname: C\norganiser: o\nmembers:\n  - { unit: a, role: cum_truong }\ndocuments:\n  - { kind: ke_hoach, title: Kế hoạch, number: 01/KH, date: 2024-03-14, file: docs/kh.pdf }\nsigning: { date: 2024-03-14, host: a }\n";

    #[test]
    fn a_form_read_from_a_file_and_sent_back_unchanged_changes_no_key() {
        let form = Form::read("data/clusters/2024/c.yaml", FILE).unwrap();
        assert_eq!(form.documents[0].number.as_deref(), Some("01/KH"));
        assert_eq!(form.signing.as_ref().unwrap().host.as_deref(), Some("a"));
        let sent = serde_json::json!({ "members": form.members, "documents": form.documents,
                                       "signing": form.signing, "targets": [] });
        let again = form.edited(&sent).unwrap();
        assert!(form.changes(&again).is_empty());
    }

    #[test]
    fn documents_and_signing_are_written_one_flow_line_each_and_removed_when_empty() {
        let form = Form::read("data/clusters/2024/c.yaml", FILE).unwrap();
        let new = form
            .edited(&serde_json::json!({
                "documents": [ { "kind": "bien_ban", "title": "Biên bản ký kết, năm 2024", "date": "2024-03-14",
                                 "file": "/docs/bien-ban.pdf", "number": " " } ],
                "signing": { "date": "", "host": "", "place": "" } }))
            .unwrap();
        let changes = form.changes(&new);
        assert_eq!(changes.len(), 2);
        assert_eq!(
            changes[0].wanted.as_deref(),
            Some(
                "documents:\n  - { kind: bien_ban, title: \"Biên bản ký kết, năm 2024\", date: 2024-03-14, file: docs/bien-ban.pdf }\n"
            )
        );
        assert_eq!(
            (changes[1].key, changes[1].wanted.as_deref()),
            ("signing", None)
        );
    }
}
