//! Who may use the editor: the browser that opened the token address, by
//! a loopback name of this server, and for changes, from this server's own
//! pages.

use std::hash::{BuildHasher, Hasher};

use super::{Reply, Request};
use crate::messages::Msg;
use crate::t;

/// The cookie that carries the session after the token address was opened.
const COOKIE: &str = "bangtin_editor";

pub struct Access {
    token: String,
    port: u16,
}

impl Access {
    pub fn new(port: u16) -> Access {
        Access {
            token: new_token(),
            port,
        }
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    /// `Ok` when the request may go on; else the refusal. The token address
    /// itself answers with the cookie and a redirect that drops the token.
    pub fn check(&self, req: &Request<'_>) -> Result<(), Reply> {
        let Some(host) = req.header("host").filter(|h| self.is_loopback_host(h)) else {
            return Err(refuse(t!(Msg::EditorForeignHost)));
        };
        if let Some(token) = req.query("token") {
            if !same(&token, &self.token) {
                return Err(refuse(t!(Msg::EditorBadToken)));
            }
            let mut reply = Reply::asset("text/plain; charset=utf-8", Vec::new());
            reply.status = 303;
            reply.headers.push(("Location", super::PREFIX.to_string()));
            reply.headers.push((
                "Set-Cookie",
                format!(
                    "{COOKIE}={}; Path=/_bangtin; HttpOnly; SameSite=Strict",
                    self.token
                ),
            ));
            return Err(reply);
        }
        let cookie = req.header("cookie").and_then(|c| cookie_value(c, COOKIE));
        if !cookie.is_some_and(|c| same(c, &self.token)) {
            return Err(refuse(t!(Msg::EditorBadToken)));
        }
        let changes = !matches!(req.method, "GET" | "HEAD");
        if changes && req.header("origin") != Some(&format!("http://{host}")) {
            return Err(refuse(t!(Msg::EditorForeignOrigin)));
        }
        Ok(())
    }

    /// `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`: a page of another
    /// site that resolves its own name to 127.0.0.1 sends its own name.
    fn is_loopback_host(&self, host: &str) -> bool {
        let Some((name, port)) = host.rsplit_once(':') else {
            return false;
        };
        port.parse::<u16>().ok() == Some(self.port)
            && (name == "localhost"
                || name == "[::1]"
                || name
                    .parse::<std::net::Ipv4Addr>()
                    .is_ok_and(|ip| ip.is_loopback()))
    }
}

fn refuse(message: String) -> Reply {
    Reply::error(403, message)
}

/// 128 bits from the standard library's randomly seeded hasher (seeded
/// from the operating system's random source), as hex.
fn new_token() -> String {
    let mut out = String::new();
    for i in 0..2u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(i);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// Compares without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|part| {
        let (n, v) = part.trim().split_once('=')?;
        (n == name).then_some(v)
    })
}

/// The value of `name` in the query string of `target`, percent-decoded
/// (`+` is a space); `None` when absent or not UTF-8 once decoded.
pub fn query_param(target: &str, name: &str) -> Option<String> {
    let query = target.split_once('?')?.1.split('#').next()?;
    query.split('&').find_map(|pair| {
        let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(n)? == name)
            .then(|| percent_decode(v))
            .flatten()
    })
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_decoded() {
        let t = "/_bangtin/api/doc?path=content%2Fnews%2F2024%2F%E1%BA%A2nh+a.md&x";
        assert_eq!(
            query_param(t, "path").as_deref(),
            Some("content/news/2024/Ảnh a.md")
        );
        assert_eq!(query_param(t, "x").as_deref(), Some(""));
        assert_eq!(query_param(t, "y"), None);
        assert_eq!(query_param("/a?p=%zz", "p"), None);
        assert_eq!(query_param("/a?p=%ff", "p"), None);
    }

    #[test]
    fn tokens_differ_and_are_long() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }

    #[test]
    fn only_loopback_names_with_our_port_are_accepted() {
        let access = Access::new(1111);
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "[::1]:1111",
            "127.1.2.3:1111",
        ] {
            assert!(access.is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "127.0.0.1:80",
            "127.0.0.1",
            "192.168.1.2:1111",
            "localhost.evil:1111",
        ] {
            assert!(!access.is_loopback_host(bad), "{bad}");
        }
    }
}
