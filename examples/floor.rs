//! The floor of the benchmark (bench/run.sh, issue 17): the least work any
//! generator must do on a corpus. It walks DIR/content, reads every `.md`,
//! parses its YAML front matter with serde-saphyr into a small struct and
//! renders the Markdown body to HTML with pulldown-cmark, in parallel with
//! rayon, and writes nothing. A build that costs a small multiple of this is
//! close to what the input allows.
//!
//!     cargo run --release --example floor -- DIR

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;
use serde::Deserialize;

const USAGE: &str = "usage: floor DIR   (DIR is a site: the folder that holds content/)";

/// The keys a list page needs; others in the front matter are skipped.
#[derive(Deserialize)]
#[allow(dead_code)] // read to do the work of parsing, never looked at
struct Front {
    title: Option<String>,
    date: Option<String>,
    summary: Option<String>,
    tags: Option<Vec<String>>,
    slug: Option<String>,
    draft: Option<bool>,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let content = Path::new(&dir).join("content");
    if !content.is_dir() {
        eprintln!("floor: {} is not a folder\n{USAGE}", content.display());
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let files = markdown_files(&content);
    let results: Vec<Result<usize, String>> = files.par_iter().map(|p| process(p)).collect();
    let elapsed = started.elapsed().as_secs_f64();
    let mut html_bytes = 0;
    for r in &results {
        match r {
            Ok(n) => html_bytes += n,
            Err(e) => {
                eprintln!("floor: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let articles = files.iter().filter(|p| is_article(&content, p)).count();
    println!(
        "{articles} articles ({} Markdown files), {html_bytes} bytes of HTML, {elapsed:.3} s",
        files.len()
    );
    ExitCode::SUCCESS
}

fn markdown_files(content: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Under `content/news/` and not a list introduction (`_index.md`).
fn is_article(content: &Path, path: &Path) -> bool {
    path.starts_with(content.join("news")) && path.file_name().is_some_and(|n| n != "_index.md")
}

/// Reads, parses and renders one file; returns the size of its HTML.
fn process(path: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (yaml, body) = split_front_matter(&text);
    let _front: Front =
        serde_saphyr::from_str(yaml).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(body, options()));
    Ok(html.len())
}

/// The same Markdown extensions as bangtin (docs/format.md §5).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// The YAML between the two `---` lines, and the Markdown after them.
fn split_front_matter(text: &str) -> (&str, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return ("{}", text);
    };
    if let Some(body) = rest.strip_prefix("---\n") {
        return ("{}", body);
    }
    match rest.find("\n---\n") {
        Some(end) => (&rest[..end], &rest[end + 5..]),
        None => ("{}", text),
    }
}

#[cfg(test)]
mod tests {
    use super::split_front_matter;

    #[test]
    fn front_matter_is_split_from_the_body() {
        assert_eq!(split_front_matter("---\na: 1\n---\nText"), ("a: 1", "Text"));
        assert_eq!(split_front_matter("---\n---\nText"), ("{}", "Text"));
        assert_eq!(split_front_matter("Text"), ("{}", "Text"));
    }
}
