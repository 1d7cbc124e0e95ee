//! The site as served: every output file by its path, held in memory
//! (pages) or named on disk (static files, photos). A request path is only
//! ever looked up in this map, never joined onto a folder, so no address can
//! reach a file that is not part of the site.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

/// One file of the served site.
#[derive(Debug, Clone)]
pub enum Entry {
    /// Made by the build (pages, feeds, embedded theme files).
    Memory {
        bytes: Arc<[u8]>,
        etag: String,
        /// When these bytes were first served.
        modified: SystemTime,
    },
    /// Copied as is by `build`; served from where it is.
    Disk {
        path: PathBuf,
        /// Site-relative source, to know when it changed.
        source: String,
    },
}

impl Entry {
    pub fn memory(bytes: Vec<u8>) -> Entry {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        Entry::Memory {
            etag: format!("\"{:016x}-{:x}\"", h.finish(), bytes.len()),
            bytes: bytes.into(),
            modified: SystemTime::now(),
        }
    }

    /// Whether two entries serve the same bytes (files on disk: the same
    /// file, unchanged since the last build).
    pub fn same_as(&self, other: &Entry) -> bool {
        match (self, other) {
            (Entry::Memory { bytes: a, .. }, Entry::Memory { bytes: b, .. }) => {
                Arc::ptr_eq(a, b) || a == b
            }
            (Entry::Disk { path: a, .. }, Entry::Disk { path: b, .. }) => a == b,
            _ => false,
        }
    }
}

/// Output path (`tin-tuc/2024/a/index.html`) → file.
pub type SiteFiles = BTreeMap<String, Entry>;

/// What a request path resolves to.
#[derive(Debug)]
pub enum Found<'a> {
    File(&'a str, &'a Entry),
    /// A folder asked for without its slash: send the reader to `/x/`.
    AddSlash,
    NotFound,
    /// `..`, a NUL, a backslash or bad percent-encoding.
    BadPath,
}

/// Resolves a request path (percent-encoded, with or without a query).
pub fn resolve<'a>(files: &'a SiteFiles, target: &str) -> Found<'a> {
    let raw = target.split(['?', '#']).next().unwrap_or("");
    let Some(path) = percent_decode(raw) else {
        return Found::BadPath;
    };
    let path = crate::text::nfc(&path);
    if !path.starts_with('/')
        || path.contains('\0')
        || path.contains('\\')
        || path.split('/').any(|s| s == ".." || s == ".")
    {
        return Found::BadPath;
    }
    let rel = path.trim_start_matches('/');
    let lookup = |key: &str| files.get_key_value(key).map(|(k, e)| Found::File(k, e));
    if rel.is_empty() || rel.ends_with('/') {
        return lookup(&format!("{rel}index.html")).unwrap_or(Found::NotFound);
    }
    if let Some(found) = lookup(rel) {
        return found;
    }
    if files.contains_key(&format!("{rel}/index.html")) {
        return Found::AddSlash;
    }
    Found::NotFound
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` of an output file, by its extension.
pub fn mime_type(path: &str) -> &'static str {
    let ext = path
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "rss" => "application/rss+xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls" => "application/vnd.ms-excel",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc" => "application/msword",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteFiles {
        let mut f = SiteFiles::new();
        for p in [
            "index.html",
            "tin-tuc/index.html",
            "style.css",
            "ảnh/a.webp",
        ] {
            f.insert(p.to_string(), Entry::memory(p.as_bytes().to_vec()));
        }
        f
    }

    fn found(target: &str) -> String {
        match resolve(&site(), target) {
            Found::File(p, _) => p.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn paths_resolve_to_files_folders_and_redirects() {
        assert_eq!(found("/"), "index.html");
        assert_eq!(found("/?a=1"), "index.html");
        assert_eq!(found("/tin-tuc/"), "tin-tuc/index.html");
        assert_eq!(found("/tin-tuc"), "AddSlash");
        assert_eq!(found("/style.css"), "style.css");
        assert_eq!(found("/%E1%BA%A3nh/a.webp"), "ảnh/a.webp");
        // NFD in the address still finds the NFC file name.
        assert_eq!(found("/a%CC%89nh/a.webp"), "ảnh/a.webp");
        assert_eq!(found("/khong-co"), "NotFound");
    }

    #[test]
    fn nothing_outside_the_site_resolves() {
        for bad in [
            "/../etc/passwd",
            "/tin-tuc/../../x",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2f%2e%2e%2fetc/passwd",
            "/a/%2e/b",
            "/..%5c..%5cwindows",
            "/%00",
            "/%zz",
            "/%ff",
            "relative",
        ] {
            assert_eq!(found(bad), "BadPath", "{bad}");
        }
    }

    #[test]
    fn content_types_cover_the_site_formats() {
        assert_eq!(mime_type("a/b.WEBP"), "image/webp");
        assert_eq!(mime_type("favicon.svg"), "image/svg+xml");
        assert_eq!(mime_type("x.json"), "application/json");
        assert_eq!(mime_type("sitemap.xml"), "application/xml; charset=utf-8");
        assert_eq!(mime_type("ket-qua.csv"), "text/csv; charset=utf-8");
        assert_eq!(mime_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(mime_type("noext"), "application/octet-stream");
    }
}
