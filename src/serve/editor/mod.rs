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
mod catalog;
mod cluster_form;
mod clusters;
mod docs;
pub mod form;
pub mod front_edit;
mod photos;
mod scores;
mod scores_grid;
mod scores_import;
mod units;
mod units_edit;
mod upload;

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
    /// The site folder and what is known of it between requests.
    site: catalog::Catalog,
    access: Access,
    /// `BANGTIN_EDITOR_UI`: read the page's files from this folder on every
    /// request (for working on them without rebuilding bangtin).
    ui_dir: Option<PathBuf>,
    /// The diagnostics of the last build `serve` made, for the form.
    last: RwLock<Arc<Vec<Diagnostic>>>,
    /// One publish at a time.
    publishing: Mutex<()>,
    /// A second build session, with drafts, that renders unsaved text.
    preview: Mutex<Option<super::Session>>,
    /// What changed on disk since the last preview (from the watcher).
    disk: Mutex<super::Changes>,
    /// The files of the last preview build: its photos are served when the
    /// site being served lacks them (a draft's gallery).
    preview_files: RwLock<Option<Arc<super::files::SiteFiles>>>,
    /// The address the site is served at.
    base: String,
}

impl Editor {
    pub fn new(site_dir: PathBuf, port: u16, base: &str) -> Editor {
        Editor {
            site: catalog::Catalog::new(site_dir),
            access: Access::new(port),
            ui_dir: std::env::var_os("BANGTIN_EDITOR_UI").map(PathBuf::from),
            last: RwLock::default(),
            publishing: Mutex::new(()),
            preview: Mutex::new(None),
            disk: Mutex::default(),
            preview_files: RwLock::new(None),
            base: base.to_string(),
        }
    }

    /// Called by the watcher's thread with every batch of changes.
    pub fn disk_changed(&self, changes: &super::Changes) {
        self.site.changed(changes);
        let mut disk = self.disk.lock().unwrap_or_else(PoisonError::into_inner);
        disk.paths.extend(&changes.paths);
        disk.everything |= changes.everything;
    }

    /// A file of the last preview that is not a page (a photo of a draft).
    pub fn preview_file(&self, target: &str) -> Option<super::files::Entry> {
        let files = self
            .preview_files
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        let files = files.as_ref()?;
        match super::files::resolve(files, target) {
            super::files::Found::File(name, entry) if !name.ends_with(".html") => {
                Some(entry.clone())
            }
            _ => None,
        }
    }

    /// `POST /api/preview`: the page with the form's unsaved content.
    fn render_preview(&self, v: &Value) -> Result<Reply, Reply> {
        let (file, text) = docs::text_for(&self.site, v)?;
        let mut slot = self.preview.lock().unwrap_or_else(PoisonError::into_inner);
        let session = slot.get_or_insert_with(|| {
            super::Session::new(crate::build::BuildOptions {
                base_url: Some(self.base.clone()),
                drafts: true,
                write: false,
                ..crate::build::BuildOptions::new(self.site.dir())
            })
        });
        let disk = std::mem::take(&mut *self.disk.lock().unwrap_or_else(PoisonError::into_inner));
        let result = session.preview(&file.path, &text, &disk);
        if let Some(files) = session.files() {
            *self
                .preview_files
                .write()
                .unwrap_or_else(PoisonError::into_inner) = Some(files);
        }
        Ok(match result {
            Ok(made) => {
                let html = made.page.map(|b| String::from_utf8_lossy(&b).into_owned());
                // The warnings of this file, placed as the last build's are.
                let diagnostics = docs::diagnostics_json(&made.warnings, Some((&file.path, &text)));
                Reply::json(200, &json!({ "html": html, "diagnostics": diagnostics }))
            }
            Err(diags) => Reply::json(
                200,
                &json!({ "html": null,
                "diagnostics": docs::diagnostics_json(&diags, Some((&file.path, &text))) }),
            ),
        })
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
            ("GET" | "HEAD", "/_bangtin/scores.js") => {
                Ok(self.ui("scores.js", "text/javascript; charset=utf-8"))
            }
            ("GET" | "HEAD", "/_bangtin/excel.js") => {
                Ok(self.ui("excel.js", "text/javascript; charset=utf-8"))
            }
            ("GET" | "HEAD", "/_bangtin/clusters.js") => {
                Ok(self.ui("clusters.js", "text/javascript; charset=utf-8"))
            }
            ("GET" | "HEAD", "/_bangtin/editor.css") => {
                Ok(self.ui("editor.css", "text/css; charset=utf-8"))
            }
            ("GET", "/_bangtin/api/docs") => docs::list(&self.site),
            ("GET", "/_bangtin/api/doc") => {
                let path = req.query("path").unwrap_or_default();
                docs::get(&self.site, &path, &self.last())
            }
            ("GET", "/_bangtin/api/choices") => {
                docs::choices(&self.site, &req.query("date").unwrap_or_default())
            }
            ("POST", "/_bangtin/api/new") => {
                body_json(req).and_then(|v| docs::create(&self.site, &v, &self.last()))
            }
            ("POST", "/_bangtin/api/doc") => {
                body_json(req).and_then(|v| docs::save(&self.site, &v, &self.last()))
            }
            ("POST", "/_bangtin/api/publish") => Ok(self.publish()),
            ("POST", "/_bangtin/api/preview") => {
                body_json(req).and_then(|v| self.render_preview(&v))
            }
            ("POST", "/_bangtin/api/scores/preview") => {
                body_json(req).and_then(|v| scores::preview(&self.site, &v))
            }
            ("GET", "/_bangtin/api/scores/list") => scores::list(&self.site),
            ("GET", "/_bangtin/api/units") => units::list(&self.site),
            ("GET", "/_bangtin/api/cluster-years") => clusters::list(&self.site),
            ("GET", "/_bangtin/api/cluster-year") => {
                clusters::get(&self.site, &req.query("path").unwrap_or_default())
            }
            ("POST", "/_bangtin/api/cluster-year") => {
                body_json(req).and_then(|v| clusters::save(&self.site, &v))
            }
            ("POST", "/_bangtin/api/cluster-year/document") => {
                clusters::upload_document(&self.site, req)
            }
            ("POST", "/_bangtin/api/cluster-years/new") => {
                body_json(req).and_then(|v| clusters::new_year(&self.site, &v))
            }
            ("POST", "/_bangtin/api/units/add") => {
                body_json(req).and_then(|v| units::add(&self.site, &v))
            }
            ("POST", "/_bangtin/api/units/rename") => {
                body_json(req).and_then(|v| units::rename(&self.site, &v))
            }
            ("POST", "/_bangtin/api/units/merge") => {
                body_json(req).and_then(|v| units::merge(&self.site, &v))
            }
            ("GET", "/_bangtin/api/scores/grid") => {
                scores::grid(&self.site, &req.query("path").unwrap_or_default())
            }
            ("GET", "/_bangtin/api/scores/template") => scores_import::template(&self.site, req),
            ("POST", "/_bangtin/api/scores/import") => scores_import::import(&self.site, req),
            ("POST", "/_bangtin/api/scores") => {
                body_json(req).and_then(|v| scores::save(&self.site, &v))
            }
            ("POST", "/_bangtin/api/photo") => photos::upload(&self.site, req, &self.last()),
            ("GET", "/_bangtin/api/photo") => photos::original(&self.site, req),
            ("POST", "/_bangtin/api/photo/remove") => {
                body_json(req).and_then(|v| photos::remove(&self.site, &v, &self.last()))
            }
            ("GET" | "POST", _) => Err(Reply::error(404, t!(Msg::EditorNoSuchAction))),
            _ => Err(Reply::error(405, t!(Msg::EditorMethod))),
        };
        let mut reply = result.unwrap_or_else(|reply| reply);
        // No other site may frame the editor (clickjacking) or make its
        // answers run as something else.
        reply
            .headers
            .push(("Content-Security-Policy", "frame-ancestors 'none'".into()));
        reply
            .headers
            .push(("X-Content-Type-Options", "nosniff".into()));
        reply
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
            "scores.js" => include_str!("ui/scores.js"),
            "clusters.js" => include_str!("ui/clusters.js"),
            "excel.js" => include_str!("ui/excel.js"),
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
        // Exactly `bangtin build`: the site's own base_url, its output/.
        let opts = crate::build::BuildOptions::new(self.site.dir());
        match crate::build::run(&opts) {
            Ok(report) => {
                // As `bangtin build` says it, an unchanged site included.
                let done = if report.unchanged {
                    Msg::BuildUnchanged
                } else {
                    Msg::BuildDone
                };
                let summary = t!(
                    done,
                    pages = crate::messages::count(report.pages, crate::messages::Noun::Pages),
                    images = crate::messages::count(report.images, crate::messages::Noun::Images),
                    warnings = crate::messages::count(
                        report.warnings.len(),
                        crate::messages::Noun::Warnings
                    ),
                    seconds = crate::cli::seconds(report.elapsed),
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
