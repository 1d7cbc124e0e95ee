//! What each request to `serve` gets: a page of the site held in memory
//! (with `ETag`/`Last-Modified` and conditional requests), the site's 404
//! page, `/x` → `/x/`, the live script and event stream, or the editor at
//! `/_bangtin/`. Plain functions of a parsed request: `http` does the wire.

use std::sync::Arc;
use std::time::SystemTime;

use hyper::body::Bytes;

use super::editor;
use super::files::{self, Entry, Found, SiteFiles};
use super::http::{Out, State};
use super::live;
use crate::messages::Msg;
use crate::t;

/// A request as `http` read it: header names in lower case, the whole body.
pub struct Request {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What a response carries.
pub struct Page {
    bytes: Arc<[u8]>,
    content_type: &'static str,
    etag: Option<String>,
    modified: Option<SystemTime>,
}

impl Page {
    fn text(s: String) -> Page {
        Page {
            bytes: s.into_bytes().into(),
            content_type: "text/plain; charset=utf-8",
            etag: None,
            modified: None,
        }
    }
}

/// A request's answer, before it becomes a response.
pub enum Answer {
    Page {
        status: u16,
        page: Page,
        extra: Vec<(&'static str, String)>,
        close: bool,
    },
    NotModified {
        etag: Option<String>,
    },
    /// The live-reload event stream, which `http` holds open.
    Events,
}

impl Answer {
    fn page(status: u16, page: Page) -> Answer {
        Answer::Page {
            status,
            page,
            extra: Vec::new(),
            close: false,
        }
    }

    fn plain(status: u16, text: String) -> Answer {
        Answer::page(status, Page::text(text))
    }

    /// More connections than the server keeps open.
    pub fn busy() -> Answer {
        Answer::Page {
            status: 503,
            page: Page::text(t!(Msg::ServeBusy)),
            extra: Vec::new(),
            close: true,
        }
    }

    /// A request refused before it was answered (a body too large or cut).
    pub fn refused(status: u16) -> Answer {
        Answer::Page {
            status,
            page: Page::text(t!(Msg::ServeBadRequest)),
            extra: Vec::new(),
            close: true,
        }
    }

    /// The response; hyper leaves out the body of a HEAD answer.
    pub fn into_response(self) -> hyper::Response<Out> {
        let mut r = hyper::Response::builder()
            .header("Server", "bangtin")
            .header("Cache-Control", "no-cache");
        let body = match self {
            Answer::Page {
                status,
                page,
                extra,
                close,
            } => {
                r = r.status(status).header("Content-Type", page.content_type);
                if let Some(e) = &page.etag {
                    r = r.header("ETag", e);
                }
                if let Some(m) = page.modified {
                    r = r.header("Last-Modified", http_date(m));
                }
                if status == 405 {
                    r = r.header("Allow", "GET, HEAD");
                }
                if close {
                    r = r.header("Connection", "close");
                }
                for (name, value) in extra {
                    r = r.header(name, value);
                }
                Out::Whole(Some(Bytes::from_owner(page.bytes)))
            }
            Answer::NotModified { etag } => {
                r = r.status(304);
                if let Some(e) = etag {
                    r = r.header("ETag", e);
                }
                Out::Whole(None)
            }
            Answer::Events => Out::Whole(None),
        };
        r.body(body).unwrap_or_else(|_| {
            // Only a header value from a page's reply could be invalid.
            let mut r = hyper::Response::new(Out::Whole(None));
            *r.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
            r
        })
    }
}

/// What `req` gets.
pub fn answer(req: &Request, state: &State) -> Answer {
    let head = req.method == "HEAD";
    let path = req.target.split(['?', '#']).next().unwrap_or("");
    if let Some(editor) = &state.editor
        && (path.starts_with(editor::PREFIX) || path == editor::PREFIX.trim_end_matches('/'))
    {
        return answer_editor(req, editor);
    }
    if req.method != "GET" && !head {
        return Answer::plain(405, t!(Msg::ServeMethod));
    }
    if path == live::EVENTS_PATH && !head {
        return Answer::Events;
    }
    if path == live::SCRIPT_PATH {
        let page = Page {
            bytes: live::SCRIPT.as_bytes().into(),
            content_type: "text/javascript; charset=utf-8",
            etag: None,
            modified: None,
        };
        return Answer::page(200, page);
    }
    let files = state.files();
    match files::resolve(&files, &req.target) {
        Found::File(name, entry) => match page_of(name, entry) {
            Some(page) if not_modified(req, &page) => Answer::NotModified { etag: page.etag },
            Some(page) => Answer::page(200, page),
            None => not_found(&files),
        },
        Found::AddSlash => {
            let (path, query) = match req.target.split_once('?') {
                Some((p, q)) => (p, format!("?{q}")),
                None => (req.target.as_str(), String::new()),
            };
            let location = format!("{path}/{query}");
            Answer::Page {
                status: 301,
                page: Page::text(t!(Msg::ServeMoved, url = location)),
                extra: vec![("Location", location)],
                close: false,
            }
        }
        Found::NotFound => {
            // A draft's photos, while the editor previews it.
            let preview = state
                .editor
                .as_ref()
                .and_then(|e| e.preview_file(&req.target));
            match preview.and_then(|entry| page_of(path.trim_start_matches('/'), &entry)) {
                Some(page) => Answer::page(200, page),
                None => not_found(&files),
            }
        }
        Found::BadPath => Answer::plain(400, t!(Msg::ServeBadRequest)),
    }
}

fn answer_editor(req: &Request, editor: &editor::Editor) -> Answer {
    let reply = editor.handle(&editor::Request {
        method: &req.method,
        target: &req.target,
        headers: &req.headers,
        body: &req.body,
    });
    Answer::Page {
        status: reply.status,
        page: Page {
            bytes: reply.body.into(),
            content_type: reply.content_type,
            etag: None,
            modified: None,
        },
        extra: reply.headers,
        close: false,
    }
}

/// The bytes of an output file, with the live script in HTML pages.
/// `None` when a file served from disk has gone since the last build.
fn page_of(name: &str, entry: &Entry) -> Option<Page> {
    let content_type = files::mime_type(name);
    let (bytes, etag, modified): (Arc<[u8]>, String, SystemTime) = match entry {
        Entry::Memory {
            bytes,
            etag,
            modified,
        } => (Arc::clone(bytes), etag.clone(), *modified),
        Entry::Disk { path, .. } => {
            let meta = std::fs::metadata(path).ok()?;
            let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            let nanos = modified
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let bytes = std::fs::read(path).ok()?;
            (
                bytes.into(),
                format!("\"{nanos:x}-{:x}\"", meta.len()),
                modified,
            )
        }
    };
    if content_type.starts_with("text/html") {
        let page = match name.strip_suffix("index.html") {
            Some(dir) => format!("/{dir}"),
            None => format!("/{name}"),
        };
        let injected = live::inject(&bytes, &page);
        return Some(Page {
            bytes: injected.into(),
            content_type,
            etag: Some(format!("{}-live\"", etag.trim_end_matches('"'))),
            modified: Some(modified),
        });
    }
    Some(Page {
        bytes,
        content_type,
        etag: Some(etag),
        modified: Some(modified),
    })
}

fn not_found(files: &SiteFiles) -> Answer {
    let page = files
        .get("404.html")
        .and_then(|e| page_of("404.html", e))
        .map(|mut p| {
            // A 404 is not cached, so no validators.
            p.etag = None;
            p.modified = None;
            p
        })
        .unwrap_or_else(|| no_page(files.is_empty()));
    Answer::page(404, page)
}

/// When the site has no 404 page (it never built): a bare page that still
/// carries the live script, so the error overlay shows and the fix reloads.
fn no_page(never_built: bool) -> Page {
    let text = if never_built {
        t!(Msg::ServeNoPageYet)
    } else {
        t!(Msg::ServeNotFound)
    };
    let html = format!(
        "<!doctype html><meta charset=\"utf-8\"><title>{text}</title><body><p>{text}</p></body>"
    );
    Page {
        bytes: live::inject(html.as_bytes(), "/404.html").into(),
        content_type: "text/html; charset=utf-8",
        etag: None,
        modified: None,
    }
}

/// `If-None-Match` wins over `If-Modified-Since` (RFC 9110 §13.2.2).
fn not_modified(req: &Request, page: &Page) -> bool {
    if let Some(tags) = req.header("if-none-match") {
        let Some(etag) = &page.etag else {
            return false;
        };
        return tags
            .split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == "*" || t == etag);
    }
    let (Some(since), Some(modified)) = (req.header("if-modified-since"), page.modified) else {
        return false;
    };
    let Ok(since) = jiff::fmt::rfc2822::DateTimeParser::new().parse_timestamp(since) else {
        return false;
    };
    let modified = jiff::Timestamp::try_from(modified).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    modified.as_second() <= since.as_second()
}

fn http_date(t: SystemTime) -> String {
    let ts = jiff::Timestamp::try_from(t).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&ts)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn request(headers: &[(&str, &str)]) -> Request {
        Request {
            method: "GET".into(),
            target: "/".into(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: Vec::new(),
        }
    }

    fn page(etag: &str, modified: u64) -> Page {
        Page {
            bytes: Arc::from(&b"x"[..]),
            content_type: "text/plain",
            etag: Some(etag.into()),
            modified: Some(SystemTime::UNIX_EPOCH + Duration::from_secs(modified)),
        }
    }

    #[test]
    fn an_etag_match_wins_over_a_date() {
        let p = page("\"a\"", 1_700_000_000);
        assert!(not_modified(
            &request(&[("if-none-match", "W/\"a\", \"b\"")]),
            &p
        ));
        let other = request(&[
            ("if-none-match", "\"b\""),
            ("if-modified-since", "Tue, 14 Nov 2023 22:13:20 GMT"),
        ]);
        assert!(!not_modified(&other, &p), "a tag that differs decides");
        let since = request(&[("if-modified-since", "Tue, 14 Nov 2023 22:13:20 GMT")]);
        assert!(not_modified(&since, &p));
        assert!(!not_modified(&since, &page("\"a\"", 1_700_000_001)));
        assert!(!not_modified(
            &request(&[("if-modified-since", "hôm qua")]),
            &p
        ));
    }

    #[test]
    fn http_dates_round_trip() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let s = http_date(t);
        assert_eq!(s, "Tue, 14 Nov 2023 22:13:20 GMT");
        let back = jiff::fmt::rfc2822::DateTimeParser::new()
            .parse_timestamp(&s)
            .unwrap();
        assert_eq!(back.as_second(), 1_700_000_000);
    }
}
