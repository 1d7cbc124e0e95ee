//! A small builder for fixture sites in temporary folders.
#![allow(dead_code)]

pub mod book;
pub mod editor;
pub mod http;
pub mod sample;

use std::fs;
use std::path::{Path, PathBuf};

use bangtin::build::{self, BuildOptions, BuildReport};
use bangtin::diag::Diagnostic;

pub const SITE_YAML: &str =
    "title: Thi đua thử\nbase_url: https://thidua.example.vn/\npaginate: 10\n";

/// A site in a temporary folder, built into `<tmp>/out`.
pub struct SiteTest {
    tmp: tempfile::TempDir,
}

impl SiteTest {
    /// A site with only a valid `site.yaml`.
    pub fn new() -> Self {
        let t = SiteTest {
            tmp: tempfile::tempdir().expect("temp dir"),
        };
        t.write("site.yaml", SITE_YAML);
        t
    }

    /// Adds or replaces a file of the site.
    pub fn file(self, rel: &str, text: &str) -> Self {
        self.write(rel, text);
        self
    }

    /// Adds or replaces a binary file of the site (a photo).
    pub fn bytes(self, rel: &str, bytes: &[u8]) -> Self {
        self.write_bytes(rel, bytes);
        self
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.site().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.site().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    /// An article with a title, a date and a body.
    pub fn article(self, rel: &str, title: &str, date: &str, body: &str) -> Self {
        let text = format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n{body}\n");
        self.file(rel, &text)
    }

    pub fn site(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    pub fn out(&self) -> PathBuf {
        self.tmp.path().join("out")
    }

    pub fn options(&self) -> BuildOptions {
        let mut o = BuildOptions::new(self.site());
        o.output_dir = Some(self.out());
        o
    }

    pub fn build(&self) -> Result<BuildReport, Vec<Diagnostic>> {
        build::run(&self.options())
    }

    pub fn build_with(
        &self,
        f: impl FnOnce(&mut BuildOptions),
    ) -> Result<BuildReport, Vec<Diagnostic>> {
        let mut o = self.options();
        f(&mut o);
        build::run(&o)
    }

    /// Builds and expects success.
    pub fn built(&self) -> BuildReport {
        match self.build() {
            Ok(r) => r,
            Err(ds) => panic!("build failed:\n{}", render(&ds)),
        }
    }

    /// Builds and expects failure; returns the errors only.
    pub fn errors(&self) -> Vec<Diagnostic> {
        match self.build() {
            Ok(_) => panic!("the build should have failed"),
            Err(ds) => ds.into_iter().filter(|d| d.is_error()).collect(),
        }
    }

    /// A file of the output.
    pub fn read(&self, rel: &str) -> String {
        let p = self.out().join(rel);
        fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out().join(rel).exists()
    }
}

pub fn render(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(Diagnostic::render)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The one error whose message contains `needle`.
pub fn find<'a>(ds: &'a [Diagnostic], needle: &str) -> &'a Diagnostic {
    ds.iter()
        .find(|d| d.message.contains(needle))
        .unwrap_or_else(|| panic!("no error containing {needle:?} in:\n{}", render(ds)))
}

/// Every file under `dir`, relative, sorted.
/// Copies every file under `from` into `to` (the image cache left out).
pub fn copy_tree(from: &Path, to: &Path) {
    for rel in files_under(from) {
        if rel.starts_with(".bangtin-cache/") {
            continue;
        }
        let dest = to.join(&rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::copy(from.join(&rel), dest).unwrap();
    }
}

/// A copy of the example site (the repository's `site.yaml`, `data/`,
/// `content/`, `static/`) in the test target's folder under `name`.
pub fn example_copy(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["data", "content", "static"] {
        copy_tree(&root.join(sub), &dir.join(sub));
    }
    fs::copy(root.join("site.yaml"), dir.join("site.yaml")).unwrap();
    dir
}

pub fn files_under(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    v.sort();
    v
}

/// Every `href`/`src` value of an HTML text.
pub fn links_in(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].to_string());
            }
        }
    }
    out
}

/// What a run of the binary printed.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the `bangtin` binary in `dir` with no language in the environment
/// but what `env` sets. `CARGO_BIN_EXE_bangtin` exists only in integration
/// tests, so each test file passes it in.
pub fn run_bin(bin: &str, args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Run {
    let o = std::process::Command::new(bin)
        .args(args)
        .current_dir(dir)
        .env_remove("BANGTIN_LANG")
        .env_remove("LANG")
        .envs(env.iter().copied())
        .output()
        .expect("run bangtin");
    Run {
        code: o.status.code(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}
