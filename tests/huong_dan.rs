//! Runs docs/huong-dan.md, the staff guide, from top to bottom as a reader
//! would, in a fresh temporary folder, with the real `bangtin` binary.
//!
//! Conventions of the guide (the info string of each fenced block):
//!
//! - ` ```sh ` or ` ```console `: commands, run line by line. `cd DIR` changes
//!   the current folder; `bangtin …` runs the binary (arguments split like a
//!   shell, double quotes group words) and must exit 0. A line starting with
//!   `#` is a comment, except `# (chép ảnh: a.jpg b.jpg vào DIR/)`, which
//!   copies those photos of the repository's `content/news/2024/ky-ket-cum-3/`
//!   into DIR (the reader copies her own photos there). Any other command word
//!   fails the test ("unknown command in guide").
//! - ` ```sh-skip `: commands that cannot run here; a line of a runnable block
//!   ending in `# (không chạy trong kiểm thử)` is skipped too. Only
//!   `cargo install`, `bangtin serve`, `rsync` and `scp` may be skipped.
//! - ` ```sh-loi `: `bangtin` commands that must exit 1 with exactly one
//!   `lỗi:` line; ` ```sh-canh-bao `: commands that must exit 0 with a
//!   warning. Either must be followed by a ` ```text ` block with exactly what
//!   bangtin prints on stderr (trailing spaces and blank lines aside), so the
//!   guide shows the real message; a `sh-loi` command must print exactly one
//!   `lỗi:` line. `HUONG_DAN_SHOW=1 cargo test --test huong_dan -- --nocapture`
//!   prints instead, between `<<<LINE` (the text block's line in the guide)
//!   and `>>>`, what each of these commands printed, to copy into the guide.
//! - Files: ` ```yaml tệp=PATH ` (any language word) writes the whole file PATH
//!   (relative to the current folder). An edit is ` ```yaml sửa-từ tệp=PATH `
//!   (the lines to find, exactly once; a line ending in `…` matches any line
//!   starting with the text before it) followed by ` ```yaml thành ` (the lines
//!   that replace them; empty to delete). A further ` ```yaml thành ` replaces
//!   the lines the previous `thành` wrote, so a mistake and its fix chain on.
//!   The prose just before a `tệp=` block must name the file (its last path
//!   part, e.g. `index.md`): the reader does not see the info string.
//!   `HUONG_DAN_SHOW=1 cargo test --test huong_dan` prints what each of these
//!   commands printed, to copy into the guide.
//! - Other blocks (` ```text `, ` ```yaml ` without attributes) are not run.
//!
//! Years: the guide is written for 2026 ("this year", the year `init` and
//! `new` use) and 2027 ("next year"). Before running, every `2026` in the
//! guide becomes the current year and every `2027` the next one, so the test
//! passes in any year. (Between 17:00 UTC on 31 December and midnight, `new`
//! dates an article in the next year at +07:00; the test may then fail.)

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Run, run_bin};
use unicode_normalization::UnicodeNormalization;

const GUIDE: &str = "docs/huong-dan.md";
const SKIPPABLE: [&str; 4] = ["cargo install", "bangtin serve", "rsync", "scp"];
const SKIP_MARK: &str = "# (không chạy trong kiểm thử)";
const PHOTO_MARK: &str = "# (chép ảnh:";

struct Block {
    /// 1-based line of the opening fence in the guide.
    line: usize,
    info: Vec<String>,
    body: Vec<String>,
    /// The prose between the previous block and this one.
    before: String,
}

impl Block {
    fn kind(&self) -> &str {
        self.info.first().map_or("", String::as_str)
    }
    fn has(&self, word: &str) -> bool {
        self.info.iter().skip(1).any(|w| w == word)
    }
    fn file(&self) -> Option<&str> {
        self.info.iter().find_map(|w| w.strip_prefix("tệp="))
    }
}

/// The fenced blocks of a Markdown text, in order (fences may be indented, as
/// inside a list item; that indentation is removed from the body).
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    let mut before = String::new();
    while let Some((i, l)) = lines.next() {
        let indent = l.len() - l.trim_start_matches(' ').len();
        let Some(info) = l.trim_start_matches(' ').strip_prefix("```") else {
            before.push_str(l);
            before.push('\n');
            continue;
        };
        let mut body = Vec::new();
        let mut closed = false;
        for (_, b) in lines.by_ref() {
            if b.trim() == "```" {
                closed = true;
                break;
            }
            let strip = b.len() - b.trim_start_matches(' ').len();
            body.push(b[strip.min(indent)..].to_string());
        }
        assert!(closed, "{GUIDE}:{}: unclosed code block", i + 1);
        out.push(Block {
            line: i + 1,
            info: info.split_whitespace().map(str::to_string).collect(),
            body,
            before: std::mem::take(&mut before),
        });
    }
    out
}

/// Shell-style words: spaces separate, double quotes group.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut quoted, mut any) = (false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    assert!(!quoted, "unbalanced double quote in `{line}`");
    if any {
        out.push(cur);
    }
    out
}

fn years(text: &str) -> String {
    let y = jiff::Zoned::now().year();
    text.replace("2027", "\u{0}NEXT\u{0}")
        .replace("2026", &y.to_string())
        .replace("\u{0}NEXT\u{0}", &(y + 1).to_string())
}

fn bangtin(args: &[String], dir: &Path) -> Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_bin(
        env!("CARGO_BIN_EXE_bangtin"),
        &args,
        dir,
        &[("BANGTIN_LANG", "vi")],
    )
}

/// Where the next `thành` block writes: the file, the index of the first line
/// it replaces, and the lines that must be there.
struct Edit {
    path: PathBuf,
    at: usize,
    lines: Vec<String>,
}

struct Reader {
    cwd: PathBuf,
    edit: Option<Edit>,
    skipped: Vec<String>,
}

fn read_lines(path: &Path, at: usize) -> Vec<String> {
    let text = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{GUIDE}:{at}: cannot read {}: {e}", path.display()));
    text.lines().map(str::to_string).collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    let mut text = lines.join("\n");
    text.push('\n');
    fs::write(path, text).unwrap();
}

/// Lines without trailing spaces, without trailing empty lines.
fn trimmed<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut v: Vec<&str> = lines.map(str::trim_end).collect();
    while v.last() == Some(&"") {
        v.pop();
    }
    v
}

fn line_matches(pattern: &str, line: &str) -> bool {
    match pattern.strip_suffix('…') {
        Some(prefix) => line.starts_with(prefix),
        None => line == pattern,
    }
}

impl Reader {
    fn is_skippable(&mut self, line: &str, at: usize) -> bool {
        let cmd = line.trim_end_matches(SKIP_MARK).trim();
        assert!(
            SKIPPABLE.iter().any(|k| cmd.starts_with(k)),
            "{GUIDE}:{at}: `{cmd}` is marked as not run, but only {SKIPPABLE:?} may be skipped"
        );
        self.skipped.push(cmd.to_string());
        true
    }

    fn run_line(&mut self, line: &str, at: usize) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        if let Some(rest) = line.strip_prefix(PHOTO_MARK) {
            self.copy_photos(rest, at);
            return;
        }
        if line.starts_with('#') {
            return;
        }
        if line.ends_with(SKIP_MARK) {
            self.is_skippable(line, at);
            return;
        }
        let w = words(line);
        match w[0].as_str() {
            "cd" => {
                assert_eq!(w.len(), 2, "{GUIDE}:{at}: `{line}`");
                self.cwd = self.cwd.join(&w[1]);
                assert!(self.cwd.is_dir(), "{GUIDE}:{at}: `{line}`: no such folder");
            }
            "bangtin" => {
                let r = bangtin(&w[1..], &self.cwd);
                assert_eq!(
                    r.code,
                    Some(0),
                    "{GUIDE}:{at}: `{line}` failed in {}:\n{}{}",
                    self.cwd.display(),
                    r.stdout,
                    r.stderr
                );
            }
            other => panic!("{GUIDE}:{at}: unknown command in guide: `{other}` in `{line}`"),
        }
    }

    /// `a.jpg b.jpg vào DIR/)`
    fn copy_photos(&mut self, rest: &str, at: usize) {
        let rest = rest.trim().trim_end_matches(')');
        let (names, dir) = rest
            .split_once(" vào ")
            .unwrap_or_else(|| panic!("{GUIDE}:{at}: write `# (chép ảnh: a.jpg b.jpg vào DIR/)`"));
        let dir = self.cwd.join(dir.trim());
        assert!(dir.is_dir(), "{GUIDE}:{at}: no folder {}", dir.display());
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/news/2024/ky-ket-cum-3");
        for name in names.split_whitespace() {
            fs::copy(from.join(name), dir.join(name))
                .unwrap_or_else(|e| panic!("{GUIDE}:{at}: copy {name}: {e}"));
        }
    }

    /// A `sửa-từ` block: find its lines in the file, exactly once.
    fn find(&mut self, b: &Block, rel: &str) {
        let path = self.cwd.join(rel);
        let lines = read_lines(&path, b.line);
        let n = b.body.len();
        assert!(n > 0, "{GUIDE}:{}: empty `sửa-từ` block", b.line);
        let hits: Vec<usize> = (0..=lines.len().saturating_sub(n))
            .filter(|&i| {
                i + n <= lines.len()
                    && b.body
                        .iter()
                        .zip(&lines[i..i + n])
                        .all(|(p, l)| line_matches(p, l))
            })
            .collect();
        assert_eq!(
            hits.len(),
            1,
            "{GUIDE}:{}: the lines to change should be in {rel} exactly once, found {} times:\n{}\n--- file:\n{}",
            b.line,
            hits.len(),
            b.body.join("\n"),
            lines.join("\n")
        );
        let at = hits[0];
        self.edit = Some(Edit {
            path,
            at,
            lines: lines[at..at + n].to_vec(),
        });
    }

    /// A `thành` block: replace what the last `sửa-từ` found or the last
    /// `thành` wrote.
    fn replace(&mut self, b: &Block) {
        let e = self.edit.as_mut().unwrap_or_else(|| {
            panic!(
                "{GUIDE}:{}: a `thành` block needs a `sửa-từ` block before it",
                b.line
            )
        });
        let mut lines = read_lines(&e.path, b.line);
        let n = e.lines.len();
        assert_eq!(
            lines.get(e.at..e.at + n),
            Some(&e.lines[..]),
            "{GUIDE}:{}: {} changed since the last edit",
            b.line,
            e.path.display()
        );
        lines.splice(e.at..e.at + n, b.body.iter().cloned());
        write_lines(&e.path, &lines);
        e.lines = b.body.clone();
    }

    fn expect(&mut self, b: &Block, text: Option<&Block>, error: bool) {
        let text = text.filter(|t| t.kind() == "text").unwrap_or_else(|| {
            panic!(
                "{GUIDE}:{}: a ```{} block must be followed by a ```text block with the message",
                b.line,
                b.kind()
            )
        });
        for (k, line) in b.body.iter().enumerate() {
            let at = b.line + 1 + k;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let w = words(line);
            assert_eq!(
                w[0], "bangtin",
                "{GUIDE}:{at}: only bangtin commands may fail"
            );
            let r = bangtin(&w[1..], &self.cwd);
            let want = if error { 1 } else { 0 };
            assert_eq!(
                r.code,
                Some(want),
                "{GUIDE}:{at}: `{line}` should exit with {want}:\n{}",
                r.stderr
            );
            let printed = trimmed(r.stderr.lines());
            if std::env::var_os("HUONG_DAN_SHOW").is_some() {
                eprintln!("<<<{}\n{}\n>>>", text.line, printed.join("\n"));
            } else {
                assert_eq!(
                    trimmed(text.body.iter().map(String::as_str)),
                    printed,
                    "{GUIDE}:{}: the ```text block is not what `{line}` prints on stderr",
                    text.line
                );
            }
            let got: Vec<&str> = r.stderr.lines().map(str::trim).collect();
            if error {
                let errors = got.iter().filter(|l| l.starts_with("lỗi:")).count();
                assert_eq!(
                    errors, 1,
                    "{GUIDE}:{at}: one mistake, one error:\n{}",
                    r.stderr
                );
            } else {
                assert!(
                    got.iter().any(|l| l.starts_with("cảnh báo:")),
                    "{GUIDE}:{at}: no warning:\n{}",
                    r.stderr
                );
            }
        }
    }
}

/// Runs the guide in `tmp`; returns the folder it ends in and what it skipped.
fn run_guide(text: &str, tmp: &Path) -> (PathBuf, Vec<String>) {
    let blocks = blocks(text);
    let mut r = Reader {
        cwd: tmp.to_path_buf(),
        edit: None,
        skipped: Vec::new(),
    };
    for (k, b) in blocks.iter().enumerate() {
        if let Some(rel) = b.file() {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            assert!(
                b.before.contains(name),
                "{GUIDE}:{}: say which file this is (`{name}`) in the text above the block",
                b.line
            );
        }
        match b.kind() {
            "sh" | "console" => {
                for (i, l) in b.body.iter().enumerate() {
                    r.run_line(l, b.line + 1 + i);
                }
            }
            "sh-skip" => {
                for (i, l) in b.body.iter().enumerate() {
                    let l = l.trim();
                    if !l.is_empty() && !l.starts_with('#') {
                        r.is_skippable(l, b.line + 1 + i);
                    }
                }
            }
            "sh-loi" => r.expect(b, blocks.get(k + 1), true),
            "sh-canh-bao" => r.expect(b, blocks.get(k + 1), false),
            _ if b.has("sửa-từ") => {
                let rel = b.file().unwrap_or_else(|| {
                    panic!("{GUIDE}:{}: a `sửa-từ` block needs `tệp=PATH`", b.line)
                });
                r.find(b, rel);
            }
            _ if b.has("thành") => r.replace(b),
            _ => {
                if let Some(rel) = b.file() {
                    let p = r.cwd.join(rel);
                    fs::create_dir_all(p.parent().unwrap()).unwrap();
                    write_lines(&p, &b.body);
                }
            }
        }
    }
    (r.cwd, r.skipped)
}

fn guide() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(GUIDE);
    fs::read_to_string(path).expect("docs/huong-dan.md")
}

#[test]
fn the_guide_is_written_in_nfc() {
    let text = guide();
    let nfc: String = text.nfc().collect();
    assert!(text == nfc, "{GUIDE} is not in NFC");
}

#[test]
fn every_step_of_the_guide_runs_and_ends_in_a_built_site_with_next_years_results() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, skipped) = run_guide(&years(&guide()), tmp.path());

    let mut kinds: Vec<&str> = skipped
        .iter()
        .map(|c| *SKIPPABLE.iter().find(|k| c.starts_with(*k)).unwrap())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds,
        ["bangtin serve", "cargo install", "rsync"],
        "{skipped:?}"
    );

    let y = jiff::Zoned::now().year();
    let next = y + 1;
    assert!(
        site.join("site.yaml").is_file(),
        "the guide ends in the site"
    );
    let out = site.join("output");

    // The article, published, with its two photos and their captions.
    let slug = format!("hoi-nghi-ky-ket-giao-uoc-thi-dua-nam-{y}");
    let page = common::files_under(&out)
        .into_iter()
        .find(|f| f.contains(&slug) && f.ends_with("index.html"))
        .unwrap_or_else(|| panic!("no page for {slug} in output/"));
    let html = fs::read_to_string(out.join(&page)).unwrap();
    assert!(
        html.contains("Toàn cảnh Hội nghị ký kết giao ước thi đua"),
        "{page}"
    );
    assert!(html.contains("Các đơn vị ký kết giao ước"), "{page}");
    assert!(!html.contains("Bản nháp"), "{page} is still a draft");

    // Next year's cluster, made by `new cluster-year`, scored and ranked.
    let json = out.join(format!("cum-thi-dua/tl-cum-1/{next}/ket-qua.json"));
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json).expect("ket-qua.json")).unwrap();
    let rows = v["rows"].as_array().expect("rows");
    let ranked: Vec<&str> = rows
        .iter()
        .filter(|r| r["status"] == "ranked" && r["rank"].is_u64())
        .map(|r| r["unit"].as_str().unwrap())
        .collect();
    assert_eq!(ranked.len(), 4, "{rows:#?}");
    let status = |u: &str| {
        rows.iter()
            .find(|r| r["unit"] == u)
            .map(|r| r["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status("tl-cd-so-noi-vu").as_deref(), Some("partial"));
    assert_eq!(
        status("tl-cd-so-xay-dung").as_deref(),
        Some("not_submitted")
    );
    assert!(
        out.join(format!("cum-thi-dua/tl-cum-1/{next}/ket-qua.csv"))
            .is_file()
    );
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("https://thiduacdvc.thanhlam.example.vn/"),
        "built with the guide's base_url"
    );
}

#[test]
fn a_broken_command_in_the_guide_fails_the_test() {
    let text =
        years(&guide()).replace("bangtin new scores tl-cum-1", "bangtin new scores tl-cum-l");
    let tmp = tempfile::tempdir().unwrap();
    let err = std::panic::catch_unwind(|| run_guide(&text, tmp.path())).unwrap_err();
    let msg = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(msg.contains("`bangtin new scores tl-cum-l"), "{msg}");
}

#[test]
fn an_unknown_command_or_a_hidden_skip_fails_the_test() {
    for bad in [
        "```sh\nbangtin init thi-dua\nrm -rf thi-dua\n```\n",
        "```sh-skip\nbangtin build\n```\n",
        "```sh\nbangtin check # (không chạy trong kiểm thử)\n```\n",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let r = std::panic::catch_unwind(|| run_guide(bad, tmp.path()));
        assert!(r.is_err(), "{bad}");
    }
}

#[test]
fn shell_words_group_double_quotes() {
    assert_eq!(
        words(r#"bangtin new "Hội nghị ký kết"  --site x"#),
        ["bangtin", "new", "Hội nghị ký kết", "--site", "x"]
    );
}
