//! The bad-input corpus (issue 21): every folder of `tests/bad-inputs/` is a
//! small site broken in one way. It is `_base/` (a valid site) with the
//! folder's files laid over it and the edits of its `expect` file applied;
//! `expect` says what bangtin must report. One test runs them all and lists
//! every case that fails, so a change that breaks several shows them together.
//!
//! `expect` has one `key: value` per line (`#` starts a comment):
//! - `severity: error` or `warning`; `message:` a fragment of the message;
//!   `file:` the site-relative file; `line:` (0 when the problem has no line,
//!   such as a link or a file too large); optionally `column:` and `errors:`
//!   (how many errors in all; default 1 for an error, 0 for a warning).
//! - Edits, applied in order: `replace:` a base file, then `from:` and `to:`
//!   (the first `from` becomes `to`); `remove:` a file or folder; `link: a -> b`
//!   makes a symbolic link `a` to `b` (site-relative, or `@outside/…` for a
//!   folder outside the site; the links are made at run time, git does not
//!   keep them), in place of what `a` was; `copy: a -> b` copies the file or
//!   folder `a` of the repository (`themes/default`) to `b` in the site;
//!   `fill: file size` pads a file with `x` to `size` bytes.
//!   Values take `\n`, `\t`, `\\` and `\u{…}` escapes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use bangtin::build::{self, BuildOptions};
use bangtin::diag::{Diagnostic, Severity};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-inputs");
const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// What one case expects, and how its site differs from `_base/`.
#[derive(Default)]
struct Expect {
    severity: Option<Severity>,
    message: String,
    file: String,
    line: usize,
    column: Option<usize>,
    errors: Option<usize>,
    edits: Vec<Edit>,
}

enum Edit {
    Replace {
        file: String,
        from: String,
        to: String,
    },
    Remove(String),
    Link(String, String),
    Copy(String, String),
    Fill(String, usize),
}

/// `\n`, `\t`, `\\` and `\u{…}` in a value.
fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                let code = u32::from_str_radix(&hex, 16).expect("a \\u{…} escape");
                out.push(char::from_u32(code).expect("a character"));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn parse_expect(text: &str) -> Result<Expect, String> {
    let mut e = Expect::default();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(": ")
            .or_else(|| line.strip_suffix(':').map(|k| (k, "")))
            .ok_or_else(|| format!("not `key: value`: {line:?}"))?;
        let value = unescape(value);
        let number = |v: &str| {
            v.parse::<usize>()
                .map_err(|_| format!("not a number: {v:?}"))
        };
        match key {
            "severity" => {
                e.severity = Some(match value.as_str() {
                    "error" => Severity::Error,
                    "warning" => Severity::Warning,
                    other => return Err(format!("unknown severity {other:?}")),
                });
            }
            "message" => e.message = value,
            "file" => e.file = value,
            "line" => e.line = number(&value)?,
            "column" => e.column = Some(number(&value)?),
            "errors" => e.errors = Some(number(&value)?),
            "replace" => e.edits.push(Edit::Replace {
                file: value,
                from: String::new(),
                to: String::new(),
            }),
            "from" | "to" => match e.edits.last_mut() {
                Some(Edit::Replace { from, to, .. }) => {
                    *(if key == "from" { from } else { to }) = value;
                }
                _ => return Err(format!("`{key}` without `replace`")),
            },
            "remove" => e.edits.push(Edit::Remove(value)),
            "link" => {
                let (a, b) = value.split_once(" -> ").ok_or("`link: a -> b`")?;
                e.edits.push(Edit::Link(a.into(), b.into()));
            }
            "copy" => {
                let (a, b) = value.split_once(" -> ").ok_or("`copy: a -> b`")?;
                e.edits.push(Edit::Copy(a.into(), b.into()));
            }
            "fill" => {
                let (f, n) = value.rsplit_once(' ').ok_or("`fill: file size`")?;
                e.edits.push(Edit::Fill(f.into(), number(n)?));
            }
            other => return Err(format!("unknown key {other:?}")),
        }
    }
    if e.severity.is_none() || e.message.is_empty() || e.file.is_empty() {
        return Err("`severity`, `message` and `file` are required".into());
    }
    Ok(e)
}

fn copy_tree(from: &Path, to: &Path, skip: &str) {
    for entry in walk(from) {
        let rel = entry.strip_prefix(from).unwrap();
        if rel == Path::new(skip) {
            continue;
        }
        let dest = to.join(rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::copy(&entry, &dest).unwrap();
    }
}

/// Every file under `dir`, hidden ones included.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn apply(edit: &Edit, site: &Path, outside: &Path) -> Result<(), String> {
    match edit {
        Edit::Replace { file, from, to } => {
            let path = site.join(file);
            let text = fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
            if !text.contains(from.as_str()) {
                return Err(format!("{from:?} is not in {file}"));
            }
            fs::write(&path, text.replacen(from.as_str(), to, 1)).unwrap();
        }
        Edit::Remove(file) => {
            let path = site.join(file);
            if path.is_dir() {
                fs::remove_dir_all(path)
            } else {
                fs::remove_file(path)
            }
            .map_err(|e| format!("{file}: {e}"))?
        }
        Edit::Copy(from, to) => {
            let from_path = Path::new(REPO).join(from);
            if from_path.is_dir() {
                copy_tree(&from_path, &site.join(to), "");
            } else {
                let dest = site.join(to);
                fs::create_dir_all(dest.parent().unwrap()).unwrap();
                fs::copy(&from_path, dest).map_err(|e| format!("{from}: {e}"))?;
            }
        }
        Edit::Link(link, target) => {
            let target = match target.strip_prefix("@outside") {
                Some(rest) => outside.join(rest.trim_start_matches('/')),
                None => site.join(target),
            };
            let link = site.join(link);
            fs::create_dir_all(link.parent().unwrap()).unwrap();
            if link.is_dir() {
                fs::remove_dir_all(&link).unwrap();
            } else if link.exists() {
                fs::remove_file(&link).unwrap();
            }
            #[cfg(unix)]
            std::os::unix::fs::symlink(target, link).map_err(|e| e.to_string())?;
        }
        Edit::Fill(file, size) => {
            let path = site.join(file);
            let mut bytes = fs::read(&path).unwrap_or_default();
            bytes.resize((*size).max(bytes.len()), b'x');
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
    }
    Ok(())
}

/// A folder outside the site for `@outside/` links: a theme and a secret.
fn outside_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base = Path::new(REPO).join("themes/default");
    copy_tree(&base, &dir.path().join("theme"), "");
    fs::write(dir.path().join("secret.txt"), "BÍ MẬT\n").unwrap();
    fs::write(dir.path().join("secret.md"), "---\ntitle: Bí mật\n---\nx\n").unwrap();
    dir
}

/// Runs one case; `Err` says how it failed.
fn run_case(case: &Path) -> Result<(), String> {
    let text = fs::read_to_string(case.join("expect")).map_err(|e| format!("expect: {e}"))?;
    let expect = parse_expect(&text)?;
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&Path::new(CORPUS).join("_base"), &site, "");
    copy_tree(case, &site, "expect");
    let outside = outside_folder();
    for edit in &expect.edits {
        apply(edit, &site, outside.path())?;
    }
    let mut opts = BuildOptions::new(site.clone());
    opts.write = false;
    let diags: Vec<Diagnostic> = match build::run(&opts) {
        Ok(report) => report.warnings,
        Err(diags) => diags,
    };
    // Every diagnostic must render, whatever its input.
    let shown = common::render(&diags);
    check(&expect, &diags).map_err(|why| format!("{why}\n{shown}"))
}

fn check(expect: &Expect, diags: &[Diagnostic]) -> Result<(), String> {
    let severity = expect.severity.unwrap_or(Severity::Error);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let want_errors = expect
        .errors
        .unwrap_or(usize::from(severity == Severity::Error));
    if errors != want_errors {
        return Err(format!("{errors} errors, expected {want_errors}"));
    }
    let file_of = |d: &Diagnostic| {
        d.file
            .as_ref()
            .map(|f| f.display().to_string().replace('\\', "/"))
            .unwrap_or_default()
    };
    let found = diags.iter().find(|d| {
        d.severity == severity
            && d.message.contains(&expect.message)
            && file_of(d) == expect.file
            && d.line == expect.line
            && expect.column.is_none_or(|c| c == d.column)
    });
    match found {
        Some(_) => Ok(()),
        None => Err(format!(
            "no {severity:?} with {:?} at {}:{}{}",
            expect.message,
            expect.file,
            expect.line,
            expect.column.map(|c| format!(":{c}")).unwrap_or_default()
        )),
    }
}

#[test]
fn every_broken_site_gives_its_expected_diagnostic() {
    let mut cases: Vec<PathBuf> = fs::read_dir(CORPUS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.ends_with("_base"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let outcome = std::panic::catch_unwind(|| run_case(case))
            .unwrap_or_else(|_| Err("bangtin panicked".to_string()));
        if let Err(why) = outcome {
            failures.push(format!("--- {name}: {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_base_site_is_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&Path::new(CORPUS).join("_base"), &site, "");
    let mut opts = BuildOptions::new(site);
    opts.write = false;
    match build::run(&opts) {
        Ok(report) => assert!(
            report.warnings.is_empty(),
            "{}",
            common::render(&report.warnings)
        ),
        Err(ds) => panic!("{}", common::render(&ds)),
    }
}
