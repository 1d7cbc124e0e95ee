//! A small HTTP/1.1 server for the site held in memory: GET and HEAD,
//! keep-alive, `ETag`/`Last-Modified` with conditional requests, the site's
//! 404 page, `/x` → `/x/`, and the live-reload event stream. One thread per
//! connection: a writer's browser opens a handful, and a stream of events
//! is simply a thread waiting on a channel.

use std::io::{self, BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, SystemTime};

use super::editor::{self, Editor};
use super::files::{self, Entry, Found, SiteFiles};
use super::live::{self, Hub};
use crate::messages::Msg;
use crate::t;

/// A connection with no request for this long is closed.
const IDLE: Duration = Duration::from_secs(30);
/// Request line and headers together.
const MAX_HEAD: usize = 16 * 1024;
/// Beyond this many open connections, new ones get 503.
const MAX_CONNECTIONS: usize = 512;
/// How often an idle event stream is pinged (a closed tab is noticed then).
const PING: Duration = Duration::from_secs(10);

/// What every connection thread shares.
#[derive(Default)]
pub struct State {
    files: RwLock<Arc<SiteFiles>>,
    pub hub: Hub,
    pub stopping: AtomicBool,
    open: AtomicUsize,
    /// The editor at `/_bangtin/`; `None` when serving beyond loopback.
    pub editor: Option<Editor>,
}

impl State {
    pub fn with_editor(editor: Option<Editor>) -> State {
        State {
            editor,
            ..State::default()
        }
    }

    /// Swaps in a new site; requests already running finish on the old one.
    pub fn publish(&self, files: Arc<SiteFiles>) {
        *self.files.write().unwrap_or_else(PoisonError::into_inner) = files;
    }

    fn files(&self) -> Arc<SiteFiles> {
        // The lock only guards a pointer swap; a poisoned one still holds a
        // whole `Arc`.
        Arc::clone(&self.files.read().unwrap_or_else(PoisonError::into_inner))
    }
}

/// Serves one connection until it closes, idles out or the server stops.
pub fn handle(stream: TcpStream, state: &State) {
    let open = state.open.fetch_add(1, Ordering::SeqCst) + 1;
    let _ = serve(stream, state, open > MAX_CONNECTIONS);
    state.open.fetch_sub(1, Ordering::SeqCst);
}

fn serve(mut stream: TcpStream, state: &State, busy: bool) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE))?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    if busy {
        return plain(&mut stream, 503, &t!(Msg::ServeBusy), false, true);
    }
    loop {
        let request = match read_request(&mut reader).and_then(|r| read_body(&mut reader, r)) {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(()),
            Err(status) => {
                return plain(&mut stream, status, &t!(Msg::ServeBadRequest), false, false);
            }
        };
        if state.stopping.load(Ordering::SeqCst) {
            return Ok(());
        }
        if !respond(&mut stream, &request, state)? {
            return Ok(());
        }
    }
}

/// One request's head.
#[derive(Debug)]
struct Request {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    keep_alive: bool,
    has_body: bool,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// `Ok(None)` when the client closed the connection or went quiet.
fn read_request<R: BufRead>(reader: &mut R) -> Result<Option<Request>, u16> {
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let mut line = Vec::new();
        let mut limited = io::Read::take(&mut *reader, (MAX_HEAD - total + 1) as u64);
        let n = match limited.read_until(b'\n', &mut line) {
            Ok(n) => n,
            Err(_) if lines.is_empty() => return Ok(None),
            Err(_) => return Err(400),
        };
        if n == 0 {
            return if lines.is_empty() { Ok(None) } else { Err(400) };
        }
        total += n;
        if total > MAX_HEAD {
            return Err(431);
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_string();
        if text.is_empty() {
            if lines.is_empty() {
                continue; // stray newline between requests
            }
            break;
        }
        lines.push(text);
    }
    let mut parts = lines[0].split_whitespace();
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(400);
    };
    if !version.starts_with("HTTP/1.") {
        return Err(505);
    }
    let headers: Vec<(String, String)> = lines[1..]
        .iter()
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let connection = headers
        .iter()
        .find(|(n, _)| n == "connection")
        .map(|(_, v)| v.to_ascii_lowercase())
        .unwrap_or_default();
    let keep_alive = if version == "HTTP/1.0" {
        connection.contains("keep-alive")
    } else {
        !connection.contains("close")
    };
    let has_body = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" || (n == "content-length" && v.trim() != "0"));
    Ok(Some(Request {
        method: method.to_string(),
        target: target.to_string(),
        headers,
        keep_alive,
        has_body,
        body: Vec::new(),
    }))
}

/// Reads the body a request announces with `Content-Length` (up to the
/// editor's limit: 413 beyond); a chunked body gets 411, since no page of
/// ours sends one.
fn read_body<R: BufRead>(reader: &mut R, req: Option<Request>) -> Result<Option<Request>, u16> {
    let Some(mut req) = req else {
        return Ok(None);
    };
    if !req.has_body {
        return Ok(Some(req));
    }
    if req.header("transfer-encoding").is_some() {
        return Err(411);
    }
    let len: usize = req
        .header("content-length")
        .and_then(|v| v.trim().parse().ok())
        .ok_or(400u16)?;
    if len > editor::MAX_BODY {
        return Err(413);
    }
    let mut body = vec![0; len];
    io::Read::read_exact(reader, &mut body).map_err(|_| 400u16)?;
    req.body = body;
    Ok(Some(req))
}

/// Answers one request; `false` when the connection must close.
fn respond(stream: &mut TcpStream, req: &Request, state: &State) -> io::Result<bool> {
    let keep = req.keep_alive;
    let head = req.method == "HEAD";
    let path = req.target.split(['?', '#']).next().unwrap_or("");
    if let Some(editor) = &state.editor
        && (path.starts_with(editor::PREFIX) || path == editor::PREFIX.trim_end_matches('/'))
    {
        return answer_editor(stream, req, editor, head, keep);
    }
    if req.method != "GET" && !head {
        plain(stream, 405, &t!(Msg::ServeMethod), head, !keep)?;
        return Ok(keep);
    }
    if path == live::EVENTS_PATH && !head {
        events(stream, state)?;
        return Ok(false);
    }
    if path == live::SCRIPT_PATH {
        let body = Body {
            bytes: live::SCRIPT.as_bytes().into(),
            content_type: "text/javascript; charset=utf-8",
            etag: None,
            modified: None,
        };
        send(stream, 200, &body, head, keep, &[])?;
        return Ok(keep);
    }
    let files = state.files();
    match files::resolve(&files, &req.target) {
        Found::File(name, entry) => {
            let Some(body) = body_of(name, entry) else {
                return not_found(stream, &files, head, keep);
            };
            if not_modified(req, &body) {
                send_not_modified(stream, &body, keep)?;
            } else {
                send(stream, 200, &body, head, keep, &[])?;
            }
            Ok(keep)
        }
        Found::AddSlash => {
            let (path, query) = match req.target.split_once('?') {
                Some((p, q)) => (p, format!("?{q}")),
                None => (req.target.as_str(), String::new()),
            };
            let location = format!("{path}/{query}");
            let body = Body::text(t!(Msg::ServeMoved, url = location));
            send(stream, 301, &body, head, keep, &[("Location", &location)])?;
            Ok(keep)
        }
        Found::NotFound => {
            let preview = state
                .editor
                .as_ref()
                .and_then(|e| e.preview_file(&req.target));
            match preview.and_then(|entry| body_of(path.trim_start_matches('/'), &entry)) {
                Some(body) => {
                    send(stream, 200, &body, head, keep, &[])?;
                    Ok(keep)
                }
                None => not_found(stream, &files, head, keep),
            }
        }
        Found::BadPath => {
            plain(stream, 400, &t!(Msg::ServeBadRequest), head, !keep)?;
            Ok(keep)
        }
    }
}

fn answer_editor(
    stream: &mut TcpStream,
    req: &Request,
    editor: &Editor,
    head: bool,
    keep: bool,
) -> io::Result<bool> {
    let reply = editor.handle(&editor::Request {
        method: &req.method,
        target: &req.target,
        headers: &req.headers,
        body: &req.body,
    });
    let body = Body {
        bytes: reply.body.into(),
        content_type: reply.content_type,
        etag: None,
        modified: None,
    };
    let extra: Vec<(&str, &str)> = reply
        .headers
        .iter()
        .map(|(n, v)| (*n, v.as_str()))
        .collect();
    send(stream, reply.status, &body, head, keep, &extra)?;
    Ok(keep)
}

/// What a response carries.
struct Body {
    bytes: Arc<[u8]>,
    content_type: &'static str,
    etag: Option<String>,
    modified: Option<SystemTime>,
}

impl Body {
    fn text(s: String) -> Body {
        Body {
            bytes: s.into_bytes().into(),
            content_type: "text/plain; charset=utf-8",
            etag: None,
            modified: None,
        }
    }
}

/// The bytes of an output file, with the live script in HTML pages.
/// `None` when a file served from disk has gone since the last build.
fn body_of(name: &str, entry: &Entry) -> Option<Body> {
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
        return Some(Body {
            bytes: injected.into(),
            content_type,
            etag: Some(format!("{}-live\"", etag.trim_end_matches('"'))),
            modified: Some(modified),
        });
    }
    Some(Body {
        bytes,
        content_type,
        etag: Some(etag),
        modified: Some(modified),
    })
}

fn not_found(
    stream: &mut TcpStream,
    files: &SiteFiles,
    head: bool,
    keep: bool,
) -> io::Result<bool> {
    let body = files
        .get("404.html")
        .and_then(|e| body_of("404.html", e))
        .map(|mut b| {
            // A 404 is not cached, so no validators.
            b.etag = None;
            b.modified = None;
            b
        })
        .unwrap_or_else(|| no_page(files.is_empty()));
    send(stream, 404, &body, head, keep, &[])?;
    Ok(keep)
}

/// When the site has no 404 page (it never built): a bare page that still
/// carries the live script, so the error overlay shows and the fix reloads.
fn no_page(never_built: bool) -> Body {
    let text = if never_built {
        t!(Msg::ServeNoPageYet)
    } else {
        t!(Msg::ServeNotFound)
    };
    let html = format!(
        "<!doctype html><meta charset=\"utf-8\"><title>{text}</title><body><p>{text}</p></body>"
    );
    Body {
        bytes: live::inject(html.as_bytes(), "/404.html").into(),
        content_type: "text/html; charset=utf-8",
        etag: None,
        modified: None,
    }
}

/// `If-None-Match` wins over `If-Modified-Since` (RFC 9110 §13.2.2).
fn not_modified(req: &Request, body: &Body) -> bool {
    if let Some(tags) = req.header("if-none-match") {
        let Some(etag) = &body.etag else {
            return false;
        };
        return tags
            .split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == "*" || t == etag);
    }
    let (Some(since), Some(modified)) = (req.header("if-modified-since"), body.modified) else {
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

fn status_text(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        303 => "See Other",
        304 => "Not Modified",
        403 => "Forbidden",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        500 => "Internal Server Error",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

fn head_lines(status: u16, body: &Body, keep: bool) -> String {
    let mut h = format!(
        "HTTP/1.1 {status} {}\r\nServer: bangtin\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: {}\r\n",
        status_text(status),
        body.content_type,
        body.bytes.len(),
        if keep { "keep-alive" } else { "close" },
    );
    if let Some(e) = &body.etag {
        h.push_str(&format!("ETag: {e}\r\n"));
    }
    if let Some(m) = body.modified {
        h.push_str(&format!("Last-Modified: {}\r\n", http_date(m)));
    }
    if status == 405 {
        h.push_str("Allow: GET, HEAD\r\n");
    }
    h
}

fn send(
    stream: &mut TcpStream,
    status: u16,
    body: &Body,
    head: bool,
    keep: bool,
    extra: &[(&str, &str)],
) -> io::Result<()> {
    let mut out = head_lines(status, body, keep).into_bytes();
    for (name, value) in extra {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    if !head {
        out.extend_from_slice(&body.bytes);
    }
    stream.write_all(&out)?;
    stream.flush()
}

fn send_not_modified(stream: &mut TcpStream, body: &Body, keep: bool) -> io::Result<()> {
    let mut h = format!(
        "HTTP/1.1 304 Not Modified\r\nServer: bangtin\r\nCache-Control: no-cache\r\nConnection: {}\r\n",
        if keep { "keep-alive" } else { "close" }
    );
    if let Some(e) = &body.etag {
        h.push_str(&format!("ETag: {e}\r\n"));
    }
    h.push_str("\r\n");
    stream.write_all(h.as_bytes())?;
    stream.flush()
}

fn plain(
    stream: &mut TcpStream,
    status: u16,
    text: &str,
    head: bool,
    close: bool,
) -> io::Result<()> {
    send(
        stream,
        status,
        &Body::text(text.to_string()),
        head,
        !close,
        &[],
    )
}

/// The live-reload stream: held open until the browser or the server goes.
fn events(stream: &mut TcpStream, state: &State) -> io::Result<()> {
    let rx = state.hub.subscribe();
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nServer: bangtin\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\nretry: 500\n\n",
    )?;
    stream.flush()?;
    loop {
        if state.stopping.load(Ordering::SeqCst) {
            return Ok(());
        }
        match rx.recv_timeout(PING) {
            Ok(data) => stream.write_all(format!("data: {data}\n\n").as_bytes())?,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => stream.write_all(b": ping\n\n")?,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        }
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Option<Request>, u16> {
        read_request(&mut io::Cursor::new(s.as_bytes().to_vec()))
    }

    #[test]
    fn requests_are_parsed_with_their_connection_rules() {
        let r = parse("GET /a HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"1\"\r\n\r\n")
            .unwrap()
            .unwrap();
        assert_eq!((r.method.as_str(), r.target.as_str()), ("GET", "/a"));
        assert!(r.keep_alive && !r.has_body);
        assert_eq!(r.header("if-none-match"), Some("\"1\""));
        let old = parse("GET / HTTP/1.0\r\n\r\n").unwrap().unwrap();
        assert!(!old.keep_alive);
        let close = parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
            .unwrap()
            .unwrap();
        assert!(!close.keep_alive);
        let post = parse("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc")
            .unwrap()
            .unwrap();
        assert!(post.has_body);
    }

    #[test]
    fn bad_requests_are_refused() {
        assert_eq!(parse("").unwrap().map(|r| r.target), None);
        assert_eq!(parse("GARBAGE\r\n\r\n").unwrap_err(), 400);
        assert_eq!(parse("GET / SPDY/3\r\n\r\n").unwrap_err(), 505);
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(parse(&huge).unwrap_err(), 431);
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
