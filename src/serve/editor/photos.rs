//! Photos of a document: upload into its bundle (a plain article becomes
//! one, at the same address), the original for thumbnails, and removal
//! into `.bangtin-trash/`. The name the browser gives is only a wish: the
//! file is named from its slug and the extension its bytes prove.

use serde_json::{Value, json};

use super::catalog::Catalog;
use super::docs::{self, Answer};
use super::form::Photo;
use super::upload::{free_name, write_failed, write_new};
use super::{Reply, Request};
use crate::content::{MarkdownFile, TRASH_DIR};
use crate::diag::Diagnostic;
use crate::media::Sniffed;
use crate::messages::Msg;
use crate::t;

/// `POST /api/photo?path=&name=` with the image as the body.
pub fn upload(site: &Catalog, req: &Request<'_>, last: &[Diagnostic]) -> Answer {
    let path = req.query("path").unwrap_or_default();
    let wish = req.query("name").unwrap_or_default();
    let file = site.find(&path)?;
    let kind = checked_kind(&wish, req.body)?;
    let file = into_bundle(site, file)?;
    let folder = file
        .disk
        .parent()
        .ok_or_else(|| Reply::error(400, t!(Msg::EditorNoDocument, path = path)))?;
    let (name, disk) = free_name(folder, &wish, kind.extension(), "anh")?;
    write_new(&disk, req.body)?;
    site.wrote(&file.path);
    let mut doc = docs::doc_json(site, &site.find(&file.path)?, last)?;
    doc["file"] = Value::String(name);
    Ok(Reply::json(200, &doc))
}

/// The kind the bytes prove, when bangtin can publish it; else the
/// message the build would give for that file.
fn checked_kind(wish: &str, bytes: &[u8]) -> Result<Sniffed, Reply> {
    let refuse = |(message, hint): (String, String)| {
        Reply::json(400, &json!({ "error": message, "hint": hint }))
    };
    let kind = Sniffed::of(bytes);
    let named = match kind {
        // Named by what it is: a phone's `.JPG` that is a PNG is still a photo.
        Sniffed::Jpeg | Sniffed::Png | Sniffed::Webp => format!("x.{}", kind.extension()),
        _ => wish.to_string(),
    };
    crate::media::check_kind(&named, bytes).map_err(refuse)?;
    crate::media::decode_photo(kind, bytes).map_err(refuse)?;
    Ok(kind)
}

/// A plain `…/x.md` becomes `…/x/index.md`: the folder takes the file's
/// name, so the address (from the name, or `slug:`) stays the same.
fn into_bundle(site: &Catalog, file: MarkdownFile) -> Result<MarkdownFile, Reply> {
    if file.bundle.is_some() {
        return Ok(file);
    }
    let stem = file
        .path
        .strip_suffix(".md")
        .filter(|s| !s.ends_with("/_index") && *s != "content/_index")
        .ok_or_else(|| Reply::error(400, t!(Msg::EditorNoPhotosHere)))?
        .to_string();
    let folder = file.disk.with_extension("");
    if folder.exists() {
        return Err(Reply::error(409, t!(Msg::EditorFolderExists, path = stem)));
    }
    std::fs::create_dir(&folder).map_err(|e| write_failed(&folder, &e))?;
    let index = folder.join("index.md");
    std::fs::rename(&file.disk, &index).map_err(|e| {
        let _ = std::fs::remove_dir(&folder);
        write_failed(&index, &e)
    })?;
    site.wrote(&file.path);
    let moved = format!("{stem}/index.md");
    site.wrote(&moved);
    site.find(&moved)
}

/// `GET /api/photo?path=&file=`: the original, only for an image of the
/// document's bundle.
pub fn original(site: &Catalog, req: &Request<'_>) -> Answer {
    let (_, photo) = bundle_photo(site, req.query("path"), req.query("file"))?;
    let bytes =
        std::fs::read(&photo.disk).map_err(|e| Reply::error(500, t!(Msg::FileRead, detail = e)))?;
    let content_type = match Sniffed::of(&bytes) {
        Sniffed::Jpeg => "image/jpeg",
        Sniffed::Png => "image/png",
        Sniffed::Webp => "image/webp",
        _ => "application/octet-stream",
    };
    Ok(Reply::asset(content_type, bytes))
}

/// The document and one file of its bundle, both found by lookup.
fn bundle_photo(
    site: &Catalog,
    path: Option<String>,
    name: Option<String>,
) -> Result<(MarkdownFile, crate::content::BundleFile), Reply> {
    let path = path.unwrap_or_default();
    let file = site.find(&path)?;
    let name = crate::text::nfc(&name.unwrap_or_default());
    let photo = file
        .bundle
        .iter()
        .flatten()
        .find(|b| b.name == name)
        .cloned()
        .ok_or_else(|| Reply::error(404, t!(Msg::EditorNoPhoto, file = name)))?;
    Ok((file, photo))
}

/// `POST /api/photo/remove {path, file}`: the file moves to the trash
/// (never deleted), and leaves `photos:` and `cover:` if named there.
pub fn remove(site: &Catalog, v: &Value, last: &[Diagnostic]) -> Answer {
    let (file, photo) = bundle_photo(
        site,
        v["path"].as_str().map(String::from),
        v["file"].as_str().map(String::from),
    )?;
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    let trashed = site.dir().join(TRASH_DIR).join(stamp).join(&photo.path);
    if let Some(dir) = trashed.parent() {
        std::fs::create_dir_all(dir).map_err(|e| write_failed(dir, &e))?;
    }
    if trashed.exists() {
        return Err(Reply::error(409, t!(Msg::EditorBadName)));
    }
    std::fs::rename(&photo.disk, &trashed).map_err(|e| write_failed(&trashed, &e))?;
    site.wrote(&file.path);
    let file = site.find(&file.path)?;
    docs::forget_photo(site, &file, &photo.name)?;
    let doc = docs::doc_json(site, &site.find(&file.path)?, last)?;
    Ok(Reply::json(200, &doc))
}

/// The gallery without `name`, for [`docs::forget_photo`].
pub fn without(photos: Vec<Photo>, name: &str) -> Vec<Photo> {
    photos.into_iter().filter(|p| p.file != name).collect()
}
