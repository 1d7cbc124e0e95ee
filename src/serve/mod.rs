//! `bangtin serve`: build the site into memory, serve it on a local address,
//! watch the site folder, rebuild what an edit touches and tell the browser.
//!
//! Threads: one carries the connections (hyper on a one-thread tokio
//! runtime, answers on its blocking threads: see `http`), one waits for
//! file changes and rebuilds. A rebuild is swapped in
//! whole before browsers are told, so a reload never sees half a site.
//! Nothing is written to disk: `output/` keeps what `bangtin build` made,
//! and the local address never leaks into a site that gets published.

mod answer;
pub mod editor;
pub mod files;
mod http;
mod invalidate;
pub mod live;
pub mod rebuild;
mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;

use crate::build::BuildOptions;
use crate::diag::Diagnostic;
use crate::messages::{Msg, Noun, count};
use crate::t;
pub use invalidate::Touched;
pub use rebuild::{Built, Changes, Session};

/// The default port, as in the README.
pub const DEFAULT_PORT: u16 = 1111;
/// How many ports after the asked one are tried when it is taken.
const PORT_TRIES: u16 = 20;

/// What `bangtin serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub site_dir: PathBuf,
    /// 0: any free port.
    pub port: u16,
    /// Default: 127.0.0.1 (this computer only).
    pub bind: Option<IpAddr>,
    pub drafts: bool,
}

impl ServeOptions {
    pub fn new(site_dir: impl Into<PathBuf>) -> Self {
        ServeOptions {
            site_dir: site_dir.into(),
            port: DEFAULT_PORT,
            bind: None,
            drafts: false,
        }
    }
}

/// A running server; [`Server::stop`] ends it.
pub struct Server {
    addr: SocketAddr,
    url: String,
    state: Arc<http::State>,
    threads: Vec<JoinHandle<()>>,
    /// The editor's address with its token; `None` beyond loopback.
    editor_url: Option<String>,
}

impl Server {
    /// Binds, builds the site once, starts watching and serving. A site
    /// that fails to build is still served: the browser shows its errors
    /// until a save fixes them.
    pub fn start(opts: &ServeOptions) -> Result<Server, Diagnostic> {
        let site_dir = std::fs::canonicalize(&opts.site_dir).map_err(|e| {
            Diagnostic::error(t!(Msg::FileRead, detail = e)).in_file(&opts.site_dir)
        })?;
        if !site_dir.join(crate::config::CONFIG_FILE).is_file() {
            return Err(
                Diagnostic::error(t!(Msg::ServeNoSite, dir = opts.site_dir.display()))
                    .hint(t!(Msg::ServeNoSiteHint)),
            );
        }
        let ip = opts.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let listener = bind(ip, opts.port)?;
        let addr = listener.local_addr().map_err(|e| {
            Diagnostic::error(t!(
                Msg::ServeNoPort,
                addr = ip,
                first = opts.port,
                last = opts.port,
                detail = e
            ))
        })?;
        if opts.port != 0 && addr.port() != opts.port {
            say(&t!(
                Msg::ServePortTaken,
                port = opts.port,
                used = addr.port()
            ));
        }
        if !ip.is_loopback() {
            warn(&t!(Msg::ServeBindPublic, addr = ip));
            warn(&t!(Msg::ServeEditorOff, addr = ip));
        }
        let url = local_url(addr);

        let editor = ip
            .is_loopback()
            .then(|| editor::Editor::new(site_dir.clone(), addr.port(), &url));
        let editor_url = editor.as_ref().map(|e| e.address(&url));
        let state = Arc::new(http::State::with_editor(editor));
        let (mut watcher, note) = watch::Watcher::start(&site_dir)?;
        if let Some(note) = note {
            warn(&note);
        }
        let mut session = Session::new(BuildOptions {
            site_dir: site_dir.clone(),
            output_dir: None,
            base_url: Some(url.clone()),
            drafts: opts.drafts,
            deny_warnings: false,
            write: false,
            progress: None,
        });
        let first = Changes {
            everything: true,
            ..Changes::default()
        };
        apply(&mut session, &first, &state, true);

        let rebuilder = {
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                while let Some(changes) = watcher.next_batch(&state.stopping) {
                    if let Some(editor) = &state.editor {
                        editor.disk_changed(&changes);
                    }
                    apply(&mut session, &changes, &state, false);
                }
            })
        };
        let acceptor = {
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                // Only building the runtime can fail here, before any request.
                if let Err(e) = http::run(listener, state) {
                    warn(&e.to_string());
                }
            })
        };
        Ok(Server {
            addr,
            url,
            state,
            threads: vec![rebuilder, acceptor],
            editor_url,
        })
    }

    /// `http://127.0.0.1:1111/`
    pub fn url(&self) -> &str {
        &self.url
    }

    /// `http://127.0.0.1:1111/_bangtin/?token=…`, when the editor is on.
    pub fn editor_url(&self) -> Option<&str> {
        self.editor_url.as_deref()
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Open live-reload streams (browsers connected).
    pub fn streams(&self) -> usize {
        self.state.hub.streams()
    }

    /// Stops accepting, closes event streams and waits for the threads.
    pub fn stop(self) {
        self.state.stopping.store(true, Ordering::SeqCst);
        self.state.hub.close();
        // Wake the accepting thread, which is blocked in `accept`.
        let _ = TcpStream::connect(wake_addr(self.addr));
        for t in self.threads {
            let _ = t.join();
        }
    }
}

/// The asked port, else the next free one.
fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, Diagnostic> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_TRIES - 1)
    };
    let mut error = None;
    for p in port..=last {
        match TcpListener::bind(SocketAddr::new(ip, p)) {
            Ok(l) => return Ok(l),
            Err(e) => error = Some(e),
        }
    }
    let detail = error.map(|e| e.to_string()).unwrap_or_default();
    Err(Diagnostic::error(t!(
        Msg::ServeNoPort,
        addr = ip,
        first = port,
        last = last,
        detail = detail
    ))
    .hint(t!(Msg::ServeNoPortHint)))
}

/// The address browsers on this computer use; a wildcard bind is reached
/// through loopback.
fn local_url(addr: SocketAddr) -> String {
    let wake = wake_addr(addr);
    match wake.ip() {
        IpAddr::V4(ip) => format!("http://{ip}:{}/", wake.port()),
        IpAddr::V6(ip) => format!("http://[{ip}]:{}/", wake.port()),
    }
}

fn wake_addr(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V6(std::net::Ipv6Addr::LOCALHOST), addr.port())
        }
        _ => addr,
    }
}

/// Runs one rebuild, swaps in its result and tells the terminal and the
/// browsers.
fn apply(session: &mut Session, changes: &Changes, state: &http::State, first: bool) {
    match session.rebuild(changes) {
        Ok(built) => {
            state.publish(Arc::clone(&built.files));
            state.hub.reloaded(&built.changed);
            if let Some(editor) = &state.editor {
                editor.built(&built.warnings);
            }
            print_diagnostics(&built.warnings);
            let ms = built.elapsed.as_millis();
            if first {
                say(&t!(
                    Msg::ServeBuilt,
                    pages = count(built.pages, Noun::Pages),
                    ms = ms
                ));
            } else if !built.changed.is_empty() {
                say(&t!(
                    Msg::ServeRebuilt,
                    rendered = count(built.rendered, Noun::Pages),
                    files = count(built.changed.len(), Noun::Files),
                    ms = ms
                ));
            }
            if !built.fast {
                // Once the site is served and browsers told: off the path
                // of this save, ready for the next.
                session.prepare_fast_path();
            }
        }
        Err(diags) => {
            print_diagnostics(&diags);
            let errors = diags.iter().filter(|d| d.is_error()).count();
            warn(&t!(Msg::ServeFailed, errors = count(errors, Noun::Errors)));
            if let Some(editor) = &state.editor {
                editor.built(&diags);
            }
            state.hub.failed(&diags);
        }
    }
}

/// Printed as `build` prints them: capped per file and in all.
fn print_diagnostics(diags: &[Diagnostic]) {
    let _ = crate::diag::write_all(&mut std::io::stderr().lock(), diags);
}

fn say(line: &str) {
    println!("{line}");
}

fn warn(line: &str) {
    eprintln!("{line}");
}

/// Opens `url` in the default browser; best effort.
pub fn open_browser(url: &str) -> std::io::Result<()> {
    let mut cmd = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", "", url]);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(url);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(url);
        c
    };
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Reap it when it exits, so no zombie is left while serving.
    std::thread::spawn(move || child.wait());
    Ok(())
}
