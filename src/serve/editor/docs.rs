//! The editor's actions on documents: list, open, create, save, and the
//! pickers' choices. A path from the browser is only ever compared with the
//! paths `content::scan` lists (`Catalog::find`); the file it names is the
//! one the scan found.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde_json::{Value, json};

use super::Reply;
use super::catalog::{Catalog, Summary};
use super::form::{self, Fields, Photo, Wanted};
use super::front_edit;
use crate::content::{self, DocKind, FrontMatter, MarkdownFile, front};
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;
use crate::yaml::{self, Source};

pub(super) type Answer = Result<Reply, Reply>;

/// `GET /api/docs`: every document, articles newest first.
pub fn list(site: &Catalog) -> Answer {
    let listed = site.list();
    let offset = listed.offset;
    let mut articles: Vec<&Summary> = Vec::new();
    let mut pages: Vec<&Summary> = Vec::new();
    let mut others: Vec<&Summary> = Vec::new();
    for d in &listed.docs {
        match d.kind {
            DocKind::Article => articles.push(d),
            DocKind::Page => pages.push(d),
            DocKind::HomeIntro | DocKind::ListIntro => others.push(d),
        }
    }
    articles.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.path.cmp(&b.path)));
    crate::text::sort_vi(&mut pages, |d| &d.title);
    // Tags as the site groups them (case, spaces, tone placement), each in
    // the first spelling met.
    let mut tags: HashMap<String, String> = HashMap::new();
    let mut years: BTreeSet<i16> = BTreeSet::new();
    let mut out: Vec<Value> = Vec::new();
    for d in articles.iter().chain(&pages).chain(&others) {
        for t in &d.tags {
            tags.entry(crate::text::identity_key(t))
                .or_insert_with(|| t.clone());
        }
        let year = d.date.as_ref().map(|x| x.year());
        years.extend(year);
        out.push(json!({
            "path": d.path, "kind": kind_name(d.kind), "title": d.title,
            "date": d.date.as_ref().map(|x| x.rfc3339(offset)), "year": year,
            // A draft has no address on the served site (`serve` leaves
            // drafts out unless `--drafts`).
            "tags": d.tags, "draft": d.draft, "url": (!d.draft).then_some(&d.address),
            "key": crate::text::fold(&d.title),
        }));
    }
    for path in &listed.broken {
        out.push(json!({ "path": path, "kind": kind_of(path), "title": null, "broken": true }));
    }
    let mut tags: Vec<String> = tags.into_values().collect();
    crate::text::sort_vi(&mut tags, |t| t);
    let years: Vec<i16> = years.into_iter().rev().collect();
    Ok(Reply::json(
        200,
        &json!({ "docs": out, "years": years, "tags": tags }),
    ))
}

fn kind_name(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Article => "article",
        DocKind::Page => "page",
        DocKind::HomeIntro => "home",
        DocKind::ListIntro => "intro",
    }
}

/// The kind's name in the interface; a path no document may have (only
/// listed when it failed) counts as an article.
fn kind_of(path: &str) -> &'static str {
    content::kind_of(path).map_or("article", kind_name)
}

/// A file's text and the version the page sends back when saving.
struct OnDisk {
    text: String,
    version: String,
}

fn read(file: &MarkdownFile) -> Result<OnDisk, Reply> {
    let bytes =
        std::fs::read(&file.disk).map_err(|e| Reply::error(500, t!(Msg::FileRead, detail = e)))?;
    let version = blake3::hash(&bytes).to_hex().to_string();
    let text = String::from_utf8(bytes).map_err(|_| Reply::error(400, t!(Msg::NotUtf8)))?;
    Ok(OnDisk { text, version })
}

/// The front matter of `text`, when it reads as one.
fn parse<'a>(path: &'a str, text: &'a str) -> Option<(front::Split<'a>, FrontMatter)> {
    let split = front::split(text).ok()?;
    let src = Source {
        file: Path::new(path),
        full_text: text,
        line_offset: split.yaml_line_offset,
        yaml_start: split.yaml.as_ptr() as usize - text.as_ptr() as usize,
    };
    let (front, _) = yaml::parse_all_keys::<FrontMatter>(split.yaml, src);
    Some((split, front?))
}

fn images(file: &MarkdownFile) -> Vec<String> {
    let mut names: Vec<String> = file
        .bundle
        .iter()
        .flatten()
        .filter(|b| !b.name.contains('/'))
        .filter(|b| crate::media::role_of(&b.name) == crate::media::FileRole::Photo)
        .map(|b| b.name.clone())
        .collect();
    names.sort();
    names
}

/// `GET /api/doc`.
pub fn get(site: &Catalog, path: &str, last: &[Diagnostic]) -> Answer {
    let file = site.find(path)?;
    Ok(Reply::json(200, &doc_json(site, &file, last)?))
}

pub(super) fn doc_json(
    site: &Catalog,
    file: &MarkdownFile,
    last: &[Diagnostic],
) -> Result<Value, Reply> {
    let disk = read(file)?;
    let diags = diagnostics_json(last, Some((&file.path, &disk.text)));
    let Some((split, front)) = parse(&file.path, &disk.text) else {
        return Ok(json!({
            "path": file.path, "kind": kind_of(&file.path), "version": disk.version,
            "raw": true, "text": disk.text, "diagnostics": diags,
        }));
    };
    let fields = form::fields_of(&front, site.offset());
    let photos = form::photos_of(&front, &images(file));
    Ok(json!({
        "path": file.path, "kind": kind_of(&file.path), "version": disk.version, "raw": false,
        "fields": fields, "body": split.body, "photos": photos,
        "cover": front.cover.as_ref().map(|c| c.value.clone()),
        "diagnostics": diags,
    }))
}

/// Diagnostics as the page shows them; with `file`, only those of that
/// file, each placed at its front matter key or its line of the text.
pub fn diagnostics_json(diags: &[Diagnostic], file: Option<(&str, &str)>) -> Vec<Value> {
    diags
        .iter()
        .filter(|d| match file {
            Some((path, _)) => d.file.as_deref() == Some(Path::new(path)),
            None => true,
        })
        .map(|d| {
            let (field, body_line) = file.map_or((None, None), |(_, text)| place(text, d.line));
            json!({
                "severity": format!("{:?}", d.severity).to_lowercase(),
                "path": d.file.as_ref().map(|f| f.to_string_lossy().replace('\\', "/")),
                "line": d.line, "column": d.column, "field": field, "body_line": body_line,
                "message": d.message, "hint": d.hint, "text": d.render(),
            })
        })
        .collect()
}

/// The front matter key that holds `line` of `text`, or `"body"` with the
/// line counted from the first line of the text.
fn place(text: &str, line: usize) -> (Option<String>, Option<usize>) {
    let Ok(split) = front::split(text) else {
        return (None, None);
    };
    if line > split.body_line_offset {
        return (Some("body".into()), Some(line - split.body_line_offset));
    }
    let mut key = None;
    for (i, l) in split.yaml.lines().enumerate() {
        if let Some(k) = front_edit::top_level_key(l) {
            key = Some(k.to_string());
        }
        if i + 2 == line {
            return (key, None);
        }
    }
    (None, None)
}

/// `POST /api/new`: an article as `bangtin new` makes it, or a page.
pub fn create(site: &Catalog, v: &Value, last: &[Diagnostic]) -> Answer {
    let title = v["title"].as_str().unwrap_or_default();
    let made = if v["kind"] == "page" {
        page_file(title)
    } else {
        crate::cli::article_file(site.dir(), title)
    };
    let (rel, text) = made.map_err(|d| Reply::error(400, message_of(&d)))?;
    if site.dir().join(&rel).exists() {
        return Err(Reply::error(409, t!(Msg::NewExists, path = rel)));
    }
    crate::cli::write_new(&site.dir().join(&rel), &text)
        .map_err(|d| Reply::error(409, message_of(&d)))?;
    site.wrote(&rel);
    get(site, &rel, last)
}

fn page_file(title: &str) -> Result<(String, String), Diagnostic> {
    let title = form::one_line(title);
    let slug = crate::text::slugify(&title);
    if slug.is_empty() {
        return Err(Diagnostic::error(t!(Msg::NewTitleNoSlug, value = title)));
    }
    let rel = format!("content/pages/{slug}.md");
    let title = crate::cli::yaml_quoted(&title);
    Ok((rel, format!("---\ntitle: {title}\n---\n")))
}

fn message_of(d: &Diagnostic) -> String {
    match &d.hint {
        Some(h) => format!("{} ({h})", d.message),
        None => d.message.clone(),
    }
}

/// `POST /api/doc`: writes the form into the file, unless the file changed
/// since the page read it.
pub fn save(site: &Catalog, v: &Value, last: &[Diagnostic]) -> Answer {
    let path = v["path"].as_str().unwrap_or_default();
    let file = site.find(path)?;
    let disk = read(&file)?;
    let force = v["force"].as_bool().unwrap_or(false);
    if !force && v["version"].as_str() != Some(disk.version.as_str()) {
        let current = doc_json(site, &file, last)?;
        return Err(Reply::json(
            409,
            &json!({ "error": t!(Msg::EditorConflict, path = file.path), "disk": current }),
        ));
    }
    let text = match v["text"].as_str() {
        Some(raw) => crate::text::nfc(raw),
        None => form_text(site, &file, &disk.text, v)?,
    };
    write_like(&file.disk, &disk.text, &text)?;
    site.wrote(&file.path);
    get(site, &file.path, last)
}

/// The document a save or preview names, and its text as the page's form
/// would write it.
pub(super) fn text_for(site: &Catalog, v: &Value) -> Result<(MarkdownFile, String), Reply> {
    let file = site.find(v["path"].as_str().unwrap_or_default())?;
    let disk = read(&file)?;
    let text = match v["text"].as_str() {
        Some(raw) => crate::text::nfc(raw),
        None => form_text(site, &file, &disk.text, v)?,
    };
    Ok((file, text))
}

/// The file with the form's fields written into its front matter.
fn form_text(site: &Catalog, file: &MarkdownFile, text: &str, v: &Value) -> Result<String, Reply> {
    // Worked on with `\n`; `write_like` puts the file's own line ends back.
    let text = &text.replace("\r\n", "\n");
    let Some((split, front)) = parse(&file.path, text) else {
        return Err(Reply::error(400, t!(Msg::EditorNotAForm)));
    };
    let bad = || Reply::error(400, t!(Msg::EditorBadJson));
    let fields: Fields = serde_json::from_value(v["fields"].clone()).map_err(|_| bad())?;
    let photos: Vec<Photo> = match &v["photos"] {
        Value::Null => form::photos_of(&front, &images(file)),
        p => serde_json::from_value(p.clone()).map_err(|_| bad())?,
    };
    let wanted = Wanted {
        fields: &fields,
        photos: &photos,
        cover: v["cover"].as_str(),
    };
    let changes = form::changes(
        &front,
        &images(file),
        &wanted,
        kind_of(&file.path),
        site.offset(),
    )
    .map_err(|e| Reply::json(400, &json!({ "error": e.message, "field": e.field })))?;
    let yaml = front_edit::rewrite(split.yaml, &changes);
    let body = crate::text::nfc(
        &v["body"]
            .as_str()
            .unwrap_or(split.body)
            .replace("\r\n", "\n"),
    );
    let bom = if text.starts_with('\u{FEFF}') {
        "\u{FEFF}"
    } else {
        ""
    };
    let mut out = format!("{bom}---\n{yaml}---\n{body}");
    if !out.ends_with('\n') {
        out.push('\n');
    }
    // What we write must read back as a front matter: never save a file
    // the next build cannot open.
    if parse(&file.path, &out).is_none() {
        return Err(Reply::error(400, t!(Msg::EditorNotAForm)));
    }
    Ok(out)
}

/// Takes a removed photo out of `photos:` and `cover:`; a file that names
/// it nowhere is left as it is.
pub(super) fn forget_photo(site: &Catalog, file: &MarkdownFile, name: &str) -> Result<(), Reply> {
    let disk = read(file)?;
    let original = disk.text.replace("\r\n", "\n");
    let Some((split, front)) = parse(&file.path, &original) else {
        return Ok(());
    };
    let cover = front.cover.as_ref().map(|c| c.value.as_str());
    if !front.photos.iter().any(|p| p.file.value == name) && cover != Some(name) {
        return Ok(());
    }
    let offset = site.offset();
    let fields = form::fields_of(&front, offset);
    let images = images(file);
    let photos = super::photos::without(form::photos_of(&front, &images), name);
    let wanted = Wanted {
        fields: &fields,
        photos: &photos,
        cover: cover.filter(|c| *c != name),
    };
    let changes = form::changes(&front, &images, &wanted, kind_of(&file.path), offset)
        .map_err(|e| Reply::error(400, e.message))?;
    let text = original.replacen(split.yaml, &front_edit::rewrite(split.yaml, &changes), 1);
    write_like(&file.disk, &disk.text, &text)?;
    site.wrote(&file.path);
    Ok(())
}

/// Writes `text` over a file that held `before`, with the line ends
/// `before` had: a file made on Windows (`\r\n`) stays so, every line.
pub(super) fn write_like(path: &Path, before: &str, text: &str) -> Result<(), Reply> {
    let crlf = before
        .find('\n')
        .is_some_and(|i| before[..i].ends_with('\r'));
    let unified = text.replace("\r\n", "\n");
    if crlf {
        write_atomic(path, &unified.replace('\n', "\r\n"))
    } else {
        write_atomic(path, &unified)
    }
}

/// Writes beside the file and renames over it, so a reader (the watcher,
/// a build) sees the old file or the new one, never half of one.
fn write_atomic(path: &Path, text: &str) -> Result<(), Reply> {
    let fail = |e: std::io::Error| {
        Reply::error(500, t!(Msg::WriteFailed, path = path.display(), detail = e))
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.bangtin-tmp"));
    std::fs::write(&tmp, text).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

/// `GET /api/choices?date=`: the cluster-years of the date's year and the
/// units that exist on that date, with the name they had then.
pub fn choices(site: &Catalog, date: &str) -> Answer {
    let date: jiff::civil::Date = date
        .get(..10)
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| Reply::error(400, t!(Msg::EditorBadDate, value = date)))?;
    let data = site.data();
    let mut clusters: Vec<(String, i16, String)> = data
        .cluster_years
        .iter()
        .filter(|c| c.year == date.year())
        .map(|c| (c.id.clone(), c.year, c.name.clone()))
        .collect();
    crate::text::sort_vi(&mut clusters, |c| &c.2);
    let mut units: Vec<(String, String)> = data
        .units
        .iter()
        .filter(|u| u.valid_on(date))
        .map(|u| (u.id.clone(), u.name_at(date).full.clone()))
        .collect();
    crate::text::sort_vi(&mut units, |u| &u.1);
    let clusters: Vec<Value> = clusters
        .into_iter()
        .map(|(id, year, name)| json!({ "id": id, "year": year, "name": name }))
        .collect();
    let units: Vec<Value> = units
        .into_iter()
        .map(|(id, name)| json!({ "id": id, "name": name }))
        .collect();
    Ok(Reply::json(
        200,
        &json!({ "clusters": clusters, "units": units }),
    ))
}
