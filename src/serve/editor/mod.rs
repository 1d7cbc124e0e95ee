//! The local editor at `/_bangtin/` (issue 22): forms over the files of
//! `content/`, served by `bangtin serve` on loopback only. The page
//! (`ui/`, embedded) speaks the JSON interface of `api.md`.
//!
//! Access: a one-time token printed in the terminal becomes a cookie;
//! every request must come by a loopback `Host` with the server's port
//! (DNS rebinding), every change also from the server's own `Origin`.
//! Paths from the browser are looked up among the files `content::scan`
//! lists, never joined to the site folder, and writes go only into
//! `content/` (`docs.rs`) and `.bangtin-trash/`.

mod access;
mod docs;
pub mod form;
pub mod front_edit;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use serde_json::{Value, json};

use crate::diag::Diagnostic;
use crate::messages::{EditorMsg, Msg};
use crate::t;
pub use access::Access;

/// The URL path the editor lives under.
pub const PREFIX: &str = "/_bangtin/";
/// The largest request body the editor reads (a photo).
pub const MAX_BODY: usize = 40 * 1024 * 1024;

/// One request, as the server read it.
pub struct Request<'a> {
    pub method: &'a str,
    pub target: &'a str,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

impl Request<'_> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn path(&self) -> &str {
        self.target.split(['?', '#']).next().unwrap_or("")
    }

    fn query(&self, name: &str) -> Option<String> {
        access::query_param(self.target, name)
    }
}

/// An answer.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn json(status: u16, value: &Value) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body: value.to_string().into_bytes(),
            headers: Vec::new(),
        }
    }

    fn error(status: u16, message: String) -> Reply {
        Reply::json(status, &json!({ "error": message }))
    }

    fn asset(content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status: 200,
            content_type,
            body,
            headers: Vec::new(),
        }
    }
}

/// The editor of one `serve` session.
pub struct Editor {
    site_dir: PathBuf,
    access: Access,
    /// `BANGTIN_EDITOR_UI`: read the page's files from this folder on every
    /// request (for working on them without rebuilding bangtin).
    ui_dir: Option<PathBuf>,
    /// The diagnostics of the last build `serve` made, for the form.
    last: RwLock<Arc<Vec<Diagnostic>>>,
    /// One publish at a time.
    publishing: Mutex<()>,
}

impl Editor {
    pub fn new(site_dir: PathBuf, port: u16) -> Editor {
        Editor {
            site_dir,
            access: Access::new(port),
            ui_dir: std::env::var_os("BANGTIN_EDITOR_UI").map(PathBuf::from),
            last: RwLock::default(),
            publishing: Mutex::new(()),
        }
    }

    /// The address with the token, printed in the terminal.
    pub fn address(&self, base: &str) -> String {
        format!(
            "{}{}?token={}",
            base.trim_end_matches('/'),
            PREFIX,
            self.access.token()
        )
    }

    /// Called after every build of `serve` with its warnings or errors.
    pub fn built(&self, diags: &[Diagnostic]) {
        *self.last.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(diags.to_vec());
    }

    fn last(&self) -> Arc<Vec<Diagnostic>> {
        Arc::clone(&self.last.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Answers a request under [`PREFIX`].
    pub fn handle(&self, req: &Request<'_>) -> Reply {
        if let Err(reply) = self.access.check(req) {
            return reply;
        }
        let result = match (req.method, req.path()) {
            ("GET" | "HEAD", "/_bangtin/") => Ok(self.page()),
            ("GET" | "HEAD", "/_bangtin/editor.js") => {
                Ok(self.ui("editor.js", "text/javascript; charset=utf-8"))
            }
            ("GET" | "HEAD", "/_bangtin/paste.js") => {
                Ok(self.ui("paste.js", "text/javascript; charset=utf-8"))
            }
            ("GET" | "HEAD", "/_bangtin/editor.css") => {
                Ok(self.ui("editor.css", "text/css; charset=utf-8"))
            }
            ("GET", "/_bangtin/api/docs") => docs::list(&self.site_dir),
            ("GET", "/_bangtin/api/doc") => {
                let path = req.query("path").unwrap_or_default();
                docs::get(&self.site_dir, &path, &self.last())
            }
            ("GET", "/_bangtin/api/choices") => {
                docs::choices(&self.site_dir, &req.query("date").unwrap_or_default())
            }
            ("POST", "/_bangtin/api/new") => {
                body_json(req).and_then(|v| docs::create(&self.site_dir, &v, &self.last()))
            }
            ("POST", "/_bangtin/api/doc") => {
                body_json(req).and_then(|v| docs::save(&self.site_dir, &v, &self.last()))
            }
            ("POST", "/_bangtin/api/publish") => Ok(self.publish()),
            ("GET" | "POST", _) => Err(Reply::error(404, t!(Msg::EditorNoSuchAction))),
            _ => Err(Reply::error(405, t!(Msg::EditorMethod))),
        };
        result.unwrap_or_else(|reply| reply)
    }

    fn page(&self) -> Reply {
        let lang = match crate::messages::lang() {
            crate::messages::Lang::Vi => "vi",
            crate::messages::Lang::En => "en",
        };
        let words = EditorMsg::words(crate::messages::lang()).replace("</", "<\\/");
        let shell = self.ui_text("index.html");
        let html = shell.replace("{{lang}}", lang).replace("{{words}}", &words);
        Reply::asset("text/html; charset=utf-8", html.into_bytes())
    }

    fn ui(&self, name: &str, content_type: &'static str) -> Reply {
        Reply::asset(content_type, self.ui_text(name).into_bytes())
    }

    fn ui_text(&self, name: &str) -> String {
        if let Some(dir) = &self.ui_dir
            && let Ok(text) = std::fs::read_to_string(dir.join(name))
        {
            return text;
        }
        match name {
            "index.html" => include_str!("ui/index.html"),
            "editor.js" => include_str!("ui/editor.js"),
            "paste.js" => include_str!("ui/paste.js"),
            "editor.css" => include_str!("ui/editor.css"),
            _ => "",
        }
        .to_string()
    }

    /// The same build as `bangtin build`, into the site's `output/`.
    fn publish(&self) -> Reply {
        let _one = self
            .publishing
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let opts = crate::build::BuildOptions {
            site_dir: self.site_dir.clone(),
            output_dir: None,
            base_url: None,
            drafts: false,
            deny_warnings: false,
            write: true,
            progress: None,
        };
        match crate::build::run(&opts) {
            Ok(report) => {
                let summary = t!(
                    Msg::BuildDone,
                    pages = crate::messages::count(report.pages, crate::messages::Noun::Pages),
                    images = crate::messages::count(report.images, crate::messages::Noun::Images),
                    warnings = crate::messages::count(
                        report.warnings.len(),
                        crate::messages::Noun::Warnings
                    ),
                    seconds = format!("{:.1}", report.elapsed.as_secs_f64()),
                    output = report.output.display()
                );
                Reply::json(
                    200,
                    &json!({ "ok": true, "summary": summary,
                             "diagnostics": docs::diagnostics_json(&report.warnings, None) }),
                )
            }
            Err(diags) => {
                let errors = diags.iter().filter(|d| d.is_error()).count();
                let warnings = diags.len() - errors;
                let summary = t!(
                    Msg::RunFailed,
                    errors = crate::messages::count(errors, crate::messages::Noun::Errors),
                    warnings = crate::messages::count(warnings, crate::messages::Noun::Warnings)
                );
                Reply::json(
                    200,
                    &json!({ "ok": false, "summary": summary,
                             "diagnostics": docs::diagnostics_json(&diags, None) }),
                )
            }
        }
    }
}

fn body_json(req: &Request<'_>) -> Result<Value, Reply> {
    serde_json::from_slice(req.body).map_err(|_| Reply::error(400, t!(Msg::EditorBadJson)))
}
