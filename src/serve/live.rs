//! Live reload: browsers hold one server-sent-events stream each; after a
//! rebuild is swapped in they are told which files changed (or that the
//! build failed, with the same text as the terminal). A page that connects
//! while the site is broken is told at once, so the overlay is never missed.

use std::sync::{Mutex, MutexGuard, PoisonError};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

/// Where the script and the event stream live; no site page can be there
/// (a path segment starting with `_` never comes out of a slug).
pub const PREFIX: &str = "/__bangtin/";
pub const SCRIPT_PATH: &str = "/__bangtin/live.js";
pub const EVENTS_PATH: &str = "/__bangtin/events";

/// The browser side: reload, stylesheet swap and the error overlay.
pub const SCRIPT: &str = include_str!("live.js");

/// What the stream says, as JSON in the `data:` line.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Event {
    /// Site paths (`/tin-tuc/a/`, `/style.css`) whose bytes changed.
    Reload { paths: Vec<String>, all: bool },
    /// The build failed; the last good pages stay served.
    Error(Overlay),
}

/// The overlay's content: title and note in the user's language, then each
/// problem as the terminal prints it.
#[derive(Debug, Clone, Serialize)]
pub struct Overlay {
    pub title: String,
    pub note: String,
    pub close: String,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub message: String,
    /// `content/news/a.md:5:8`, or empty.
    pub location: String,
    /// The whole diagnostic as printed in the terminal.
    pub text: String,
}

impl Overlay {
    pub fn new(diags: &[Diagnostic]) -> Overlay {
        // As many as the terminal shows: a page of 16 000 broken links
        // would make the overlay (and every reload's event) megabytes.
        let problems = diags
            .iter()
            .filter(|d| d.is_error())
            .take(crate::diag::MAX_SHOWN)
            .map(|d| Problem {
                message: d.message.clone(),
                location: location(d),
                text: d.render(),
            })
            .collect();
        Overlay {
            title: t!(Msg::ServeOverlayTitle),
            note: t!(Msg::ServeOverlayNote),
            close: t!(Msg::ServeOverlayClose),
            problems,
        }
    }
}

fn location(d: &Diagnostic) -> String {
    let Some(file) = &d.file else {
        return String::new();
    };
    match (d.line, d.column) {
        (0, _) => file.display().to_string(),
        (l, 0) => format!("{}:{l}", file.display()),
        (l, c) => format!("{}:{l}:{c}", file.display()),
    }
}

/// Output files (`a/index.html`) as the paths a browser shows (`/a/`).
pub fn site_paths(files: &[String]) -> Vec<String> {
    files
        .iter()
        .map(|f| match f.strip_suffix("index.html") {
            Some(dir) => format!("/{dir}"),
            None => format!("/{f}"),
        })
        .collect()
}

/// The open event streams and the current error, if any.
#[derive(Default)]
pub struct Hub {
    inner: Mutex<HubState>,
}

#[derive(Default)]
struct HubState {
    subscribers: Vec<UnboundedSender<String>>,
    error: Option<String>,
}

/// Above this many changed files, browsers are told "everything".
const MAX_PATHS: usize = 200;

impl Hub {
    /// A new stream; it first receives the current error, if there is one.
    /// Sending never blocks the builder; the stream's connection reads it.
    pub fn subscribe(&self) -> UnboundedReceiver<String> {
        let (tx, rx) = unbounded_channel();
        let mut state = self.lock();
        if let Some(e) = &state.error {
            // The receiver is alive: it was made just above.
            let _ = tx.send(e.clone());
        }
        state.subscribers.push(tx);
        rx
    }

    /// After a good build has been swapped in.
    pub fn reloaded(&self, changed_files: &[String]) {
        let had_error = self.lock().error.take().is_some();
        if changed_files.is_empty() && !had_error {
            return;
        }
        let all = changed_files.len() > MAX_PATHS || had_error;
        let paths = if all {
            Vec::new()
        } else {
            site_paths(changed_files)
        };
        self.send(&Event::Reload { paths, all });
    }

    /// After a failed build.
    pub fn failed(&self, diags: &[Diagnostic]) {
        let data = encode(&Event::Error(Overlay::new(diags)));
        self.lock().error = Some(data.clone());
        self.broadcast(data);
    }

    /// Ends every stream (the server is stopping).
    pub fn close(&self) {
        self.lock().subscribers.clear();
    }

    /// Number of open streams (for tests).
    pub fn streams(&self) -> usize {
        self.lock().subscribers.len()
    }

    fn send(&self, event: &Event) {
        self.broadcast(encode(event));
    }

    fn broadcast(&self, data: String) {
        self.lock()
            .subscribers
            .retain(|tx| tx.send(data.clone()).is_ok());
    }

    fn lock(&self) -> MutexGuard<'_, HubState> {
        // Every change under the lock is one assignment or push: a panic
        // elsewhere cannot leave it half done.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn encode(event: &Event) -> String {
    // Serializing plain strings and vectors cannot fail.
    serde_json::to_string(event).unwrap_or_else(|_| String::from("{}"))
}

/// The page with the live script before `</body>` (or at the end);
/// `page` is the site path the browser will compare changes with.
pub fn inject(html: &[u8], page: &str) -> Vec<u8> {
    let page = page
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let tag = format!("<script src=\"{SCRIPT_PATH}\" data-page=\"{page}\" defer></script>");
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overlay_lists_as_many_errors_as_the_terminal_shows() {
        let diags: Vec<Diagnostic> = (0..16_000)
            .map(|i| Diagnostic::error(format!("lỗi {i}")).in_file("content/news/a.md"))
            .collect();
        let overlay = Overlay::new(&diags);
        assert_eq!(overlay.problems.len(), crate::diag::MAX_SHOWN);
        assert_eq!(overlay.problems[0].message, "lỗi 0");
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let out = String::from_utf8(inject(b"<html><body>x</body></html>", "/a/")).unwrap();
        assert_eq!(
            out,
            "<html><body>x<script src=\"/__bangtin/live.js\" data-page=\"/a/\" defer></script></body></html>"
        );
        let bare = String::from_utf8(inject(b"x", "/\"<")).unwrap();
        assert!(bare.contains("data-page=\"/&quot;&lt;\""));
        assert!(bare.ends_with("</script>"));
    }

    #[test]
    fn output_files_become_browser_paths() {
        let files = vec![
            "index.html".into(),
            "a/b/index.html".into(),
            "style.css".into(),
        ];
        assert_eq!(site_paths(&files), ["/", "/a/b/", "/style.css"]);
    }

    #[test]
    fn a_late_stream_hears_about_the_current_error_then_its_clearing() {
        let hub = Hub::default();
        hub.failed(&[Diagnostic::error("hỏng").in_file("content/a.md")]);
        let mut rx = hub.subscribe();
        let first = rx.try_recv().unwrap();
        assert!(first.contains("\"kind\":\"error\"") && first.contains("content/a.md"));
        hub.reloaded(&[]);
        let second = rx.try_recv().unwrap();
        assert!(second.contains("\"kind\":\"reload\"") && second.contains("\"all\":true"));
    }
}
