//! `bangtin init` and `bangtin new`: files written from the templates in
//! `src/scaffold/`, never over an existing file, and (for `new`) only inside
//! a site, a folder with `site.yaml`.

use std::path::Path;

use super::NewCommand;
use crate::config;
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;
use crate::text::slugify;

/// The files of a new site: path (with `{year}`) and text (with `{year}`).
const INIT_FILES: &[(&str, &str)] = &[
    ("site.yaml", include_str!("../scaffold/site.yaml")),
    ("content/_index.md", include_str!("../scaffold/_index.md")),
    (
        "content/pages/gioi-thieu.md",
        include_str!("../scaffold/gioi-thieu.md"),
    ),
    (
        "data/units.yaml",
        include_str!("../scaffold/data/units.yaml"),
    ),
    (
        "data/awards.yaml",
        include_str!("../scaffold/data/awards.yaml"),
    ),
    (
        "data/schemes/bieu-cham-{year}.yaml",
        include_str!("../scaffold/data/schemes/scheme.yaml"),
    ),
    (
        "data/clusters/{year}/tl-cum-1.yaml",
        include_str!("../scaffold/data/clusters/cluster.yaml"),
    ),
    (
        "data/scores/{year}/tl-cum-1.yaml",
        include_str!("../scaffold/data/scores/scores.yaml"),
    ),
];

/// Creates a small working site in `dir`: news, a page, and a cluster of the
/// current year with its scheme and scores, so the first build shows results.
pub fn init(dir: &Path) -> Result<(), Diagnostic> {
    let not_empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if not_empty {
        return Err(
            Diagnostic::error(t!(Msg::InitNotEmpty, dir = dir.display()))
                .hint(t!(Msg::InitNotEmptyHint)),
        );
    }
    let year = jiff::Zoned::now().year().to_string();
    for (rel, text) in INIT_FILES {
        let rel = rel.replace("{year}", &year);
        write_new(&dir.join(rel), &text.replace("{year}", &year))?;
    }
    std::fs::create_dir_all(dir.join("static")).map_err(|e| io_error(&dir.join("static"), &e))?;
    let example = include_str!("../scaffold/first-article.md")
        .replace("{title}", &yaml_quoted("Bài viết đầu tiên"))
        .replace("{date}", &format!("{year}-01-01"));
    write_new(
        &dir.join(format!("content/news/{year}/bai-viet-dau-tien/index.md")),
        &example,
    )?;
    println!("{}", t!(Msg::InitDone, dir = dir.display()));
    Ok(())
}

/// `bangtin new …`: an article from a title, or the scaffold named.
pub fn new(
    site_dir: &Path,
    what: Option<NewCommand>,
    title: Option<&str>,
) -> Result<(), Vec<Diagnostic>> {
    require_site(site_dir).map_err(|d| vec![d])?;
    match (what, title) {
        (Some(NewCommand::Article { title }), _) => {
            new_article(site_dir, &title).map_err(|d| vec![d])
        }
        (Some(NewCommand::ClusterYear { cluster, year }), _) => {
            super::cluster_year::new_cluster_year(site_dir, &cluster, year).map_err(|d| vec![d])
        }
        (
            Some(NewCommand::Scores {
                cluster,
                year,
                phase,
            }),
            _,
        ) => super::scores::new_scores(site_dir, &cluster, year, phase.as_deref())
            .map_err(|d| vec![d]),
        (None, Some(title)) => new_article(site_dir, title).map_err(|d| vec![d]),
        // clap shows the help when `new` has neither (arg_required_else_help).
        (None, None) => Ok(()),
    }
}

/// A scaffold writes only into a site: `site.yaml` must be there.
pub(super) fn require_site(site_dir: &Path) -> Result<(), Diagnostic> {
    let file = site_dir.join("site.yaml");
    if file.is_file() {
        return Ok(());
    }
    let shown = std::path::absolute(&file).unwrap_or(file);
    Err(
        Diagnostic::error(t!(Msg::ScaffoldNoSite, path = shown.display()))
            .hint(t!(Msg::SiteYamlMissingHint)),
    )
}

/// Creates `content/news/<year>/<slug>/index.md`, a draft dated now.
pub fn new_article(site_dir: &Path, title: &str) -> Result<(), Diagnostic> {
    let (rel, text) = article_file(site_dir, title)?;
    if site_dir.join(&rel).exists() {
        return Err(Diagnostic::error(t!(Msg::NewExists, path = rel)).hint(t!(Msg::NewExistsHint)));
    }
    write_new(&site_dir.join(&rel), &text)?;
    println!("{}", t!(Msg::NewDone, path = rel));
    Ok(())
}

/// The site path and the text of a new article titled `title`, a draft
/// dated now (`bangtin new` and the editor's "new article"); an error when
/// the title gives no slug.
pub(crate) fn article_file(site_dir: &Path, title: &str) -> Result<(String, String), Diagnostic> {
    let offset = config::load(site_dir)
        .map(|c| c.offset)
        .unwrap_or(jiff::tz::Offset::constant(7));
    let now = jiff::Timestamp::now().to_zoned(offset.to_time_zone());
    let title = crate::text::nfc(title.trim());
    let slug = slugify(&title);
    if slug.is_empty() {
        return Err(Diagnostic::error(t!(Msg::NewTitleNoSlug, value = title))
            .hint(t!(Msg::NewTitleNoSlugHint)));
    }
    let rel = format!("content/news/{}/{slug}/index.md", now.year());
    let date = now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let text = include_str!("../scaffold/article.md")
        .replace("{title}", &yaml_quoted(&title))
        .replace("{date}", &date);
    Ok((rel, text))
}

/// A YAML scalar for a flow mapping: plain when that reads back as the same
/// text, else double-quoted.
pub(crate) fn yaml_str(s: &str) -> String {
    let special = |c: char| ":#,[]{}&*!|>'\"%@`\\".contains(c);
    let reserved = ["true", "false", "null", "~", "yes", "no", "on", "off"];
    let plain = !s.is_empty()
        && !s.contains(special)
        && !s.contains(char::is_control)
        && !s.starts_with(['-', '?', ' '])
        && !s.ends_with(' ')
        && !reserved.contains(&s.to_ascii_lowercase().as_str())
        && s.parse::<f64>().is_err();
    if plain { s.to_string() } else { yaml_quoted(s) }
}

/// A YAML double-quoted scalar that reads back as exactly `s`: the one
/// quoting of `bangtin new` and the editor (titles, bylines, captions).
pub(crate) fn yaml_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes a new file (and its folders); an existing file is never replaced.
pub(crate) fn write_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| io_error(path, &e))?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| io_error(path, &e))
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(t!(Msg::WriteFailed, path = path.display(), detail = e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_and_plain_scalars_read_back_as_the_same_text() {
        for s in [
            "Hội nghị ký kết giao ước thi đua năm 2025",
            "Cụm số 3: \"Về đích\" sớm",
            r"C:\thư mục\ảnh",
            "dòng một\ndòng hai\tcột\r",
            "chuông \u{7} và \u{1b}",
            "yes",
            "12,5",
            "- gạch đầu dòng",
        ] {
            let quoted = yaml_quoted(s);
            let back: String = serde_saphyr::from_str(&quoted).unwrap();
            assert_eq!(back, s, "{quoted}");
            let scalar = yaml_str(s);
            let back: String = serde_saphyr::from_str(&scalar).unwrap();
            assert_eq!(back, s, "{scalar}");
        }
        assert_eq!(yaml_str("Thi đua"), "Thi đua", "plain when it can be");
    }
}
