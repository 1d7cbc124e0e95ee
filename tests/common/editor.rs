//! The local editor opened over real HTTP the way a person opens it (the
//! token address, then the cookie), for the editor's tests.

use std::net::SocketAddr;
use std::path::Path;

use bangtin::serve::{ServeOptions, Server};
use serde_json::{Value, json};

use super::SiteTest;
use super::http::{Response, send as raw};

/// The answer's JSON (every API answer is JSON).
pub fn json_of(r: &Response) -> Value {
    serde_json::from_slice(&r.body).unwrap_or_else(|_| panic!("not JSON: {}", r.text()))
}

pub fn error_of(r: &Response) -> String {
    json_of(r)["error"].as_str().unwrap_or_default().to_string()
}

/// A served site with the editor opened the way a person opens it.
pub struct Editor {
    server: Option<Server>,
    pub cookie: String,
    pub origin: String,
}

impl Editor {
    pub fn open(t: &SiteTest) -> Editor {
        Editor::open_at(&t.site())
    }

    /// The editor of the site in `dir`.
    pub fn open_at(dir: &Path) -> Editor {
        let mut opts = ServeOptions::new(dir.to_path_buf());
        opts.port = 0;
        let server = Server::start(&opts).unwrap_or_else(|d| panic!("{}", d.render()));
        let url = server
            .editor_url()
            .expect("the editor is on for loopback")
            .to_string();
        let target = &url[url.find("/_bangtin/").unwrap()..];
        let r = raw(server.addr(), "GET", target, &[], b"");
        assert_eq!(r.status, 303);
        assert_eq!(r.header("Location"), Some("/_bangtin/"));
        let set = r.header("Set-Cookie").unwrap().to_string();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict"),
            "{set}"
        );
        let cookie = set.split(';').next().unwrap().to_string();
        let origin = format!("http://{}", server.addr());
        Editor {
            server: Some(server),
            cookie,
            origin,
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.server.as_ref().unwrap().addr()
    }

    pub fn get(&self, target: &str) -> Response {
        raw(self.addr(), "GET", target, &[("Cookie", &self.cookie)], b"")
    }

    pub fn post(&self, target: &str, body: &[u8]) -> Response {
        let headers = [
            ("Cookie", self.cookie.as_str()),
            ("Origin", self.origin.as_str()),
        ];
        raw(self.addr(), "POST", target, &headers, body)
    }

    pub fn post_json(&self, target: &str, v: &Value) -> Response {
        self.post(target, v.to_string().as_bytes())
    }

    pub fn doc(&self, path: &str) -> Value {
        let r = self.get(&format!("/_bangtin/api/doc?path={}", encode(path)));
        assert_eq!(r.status, 200, "{}", r.text());
        json_of(&r)
    }

    /// Saves `doc` (as the page would after editing it).
    pub fn save(&self, doc: &Value) -> Response {
        self.post_json(
            "/_bangtin/api/doc",
            &json!({ "path": doc["path"], "version": doc["version"], "fields": doc["fields"],
                     "body": doc["body"], "photos": doc["photos"], "cover": doc["cover"] }),
        )
    }
}

impl Drop for Editor {
    /// Stopped before the test's folder goes, so no rebuild sees it vanish.
    fn drop(&mut self) {
        if let Some(s) = self.server.take() {
            s.stop();
        }
    }
}

pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
