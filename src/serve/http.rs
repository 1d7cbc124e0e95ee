//! The HTTP/1.1 layer of `serve`, on hyper: it parses requests (head size,
//! header timeout, keep-alive, chunked bodies are hyper's), reads bodies up
//! to the editor's limit, and hands each request to `answer`, which owns
//! what a request gets. One tokio thread carries the connections; answers
//! run on tokio's blocking threads, since they read the site in memory,
//! the disk or run a whole build (the editor's Xuất bản).

use std::convert::Infallible;
use std::net::TcpListener;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::task::{Context, Poll};
use std::time::Duration;

use hyper::body::{Body, Bytes, Frame, Incoming, SizeHint};
use hyper::header::{CONTENT_LENGTH, HeaderValue};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::mpsc::UnboundedReceiver;

use super::answer::{self, Answer};
use super::editor::{self, Editor};
use super::files::SiteFiles;
use super::live::Hub;

/// A request head not complete after this long closes the connection.
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);
/// Request line and headers together (hyper's smallest buffer is 8 KiB).
const MAX_HEAD: usize = 16 * 1024;
/// Beyond this many open connections, new ones get 503.
const MAX_CONNECTIONS: usize = 512;
/// How often an idle event stream is pinged (a closed tab is noticed then).
const PING: Duration = Duration::from_secs(10);

/// What every connection shares.
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

    pub fn files(&self) -> Arc<SiteFiles> {
        // The lock only guards a pointer swap; a poisoned one still holds a
        // whole `Arc`.
        Arc::clone(&self.files.read().unwrap_or_else(PoisonError::into_inner))
    }
}

/// Accepts and serves connections until `state.stopping` is set and the
/// listener is woken by one more connection.
pub fn run(listener: TcpListener, state: Arc<State>) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .thread_name("bangtin-http")
        .build()?;
    listener.set_nonblocking(true)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        loop {
            let accepted = listener.accept().await;
            if state.stopping.load(Ordering::SeqCst) {
                return Ok::<(), std::io::Error>(());
            }
            match accepted {
                Ok((stream, _)) => {
                    tokio::spawn(connection(stream, Arc::clone(&state)));
                }
                // Out of file descriptors and the like: the browser retries.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
    })?;
    // Open connections (event streams, keep-alive) are dropped, not awaited.
    runtime.shutdown_timeout(Duration::from_secs(1));
    Ok(())
}

async fn connection(stream: tokio::net::TcpStream, state: Arc<State>) {
    let _ = stream.set_nodelay(true);
    let busy = state.open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS;
    let service = {
        let state = Arc::clone(&state);
        hyper::service::service_fn(move |req| {
            let state = Arc::clone(&state);
            async move { Ok::<_, Infallible>(respond(req, state, busy).await) }
        })
    };
    let _ = hyper::server::conn::http1::Builder::new()
        // Header names as browsers and our tests have always seen them.
        .title_case_headers(true)
        .max_buf_size(MAX_HEAD.max(8192))
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .serve_connection(TokioIo::new(stream), service)
        .await;
    state.open.fetch_sub(1, Ordering::SeqCst);
}

async fn respond(
    req: hyper::Request<Incoming>,
    state: Arc<State>,
    busy: bool,
) -> hyper::Response<Out> {
    if busy {
        return Answer::busy().into_response();
    }
    let (parts, body) = req.into_parts();
    let body = match read_body(body, parts.headers.get(CONTENT_LENGTH)).await {
        Ok(body) => body,
        Err(status) => return Answer::refused(status).into_response(),
    };
    let request = answer::Request {
        method: parts.method.as_str().to_string(),
        target: parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.to_string(), |p| p.as_str().to_string()),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| {
                let value = String::from_utf8_lossy(v.as_bytes()).into_owned();
                (n.as_str().to_string(), value)
            })
            .collect(),
        body,
    };
    let worker = Arc::clone(&state);
    let answered = tokio::task::spawn_blocking(move || answer::answer(&request, &worker)).await;
    match answered {
        Ok(Answer::Events) => events(&state),
        Ok(a) => a.into_response(),
        // The answer panicked: the connection stays, the browser sees 500.
        Err(_) => Answer::refused(500).into_response(),
    }
}

/// The whole body, refused with 413 beyond the editor's limit (before
/// reading, when `Content-Length` says so) and 400 when the client breaks off.
async fn read_body(mut body: Incoming, length: Option<&HeaderValue>) -> Result<Vec<u8>, u16> {
    let announced = length
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<usize>().ok());
    if announced.is_some_and(|n| n > editor::MAX_BODY) {
        return Err(413);
    }
    let mut bytes = Vec::with_capacity(announced.unwrap_or(0));
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|_| 400u16)?;
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > editor::MAX_BODY {
                return Err(413);
            }
            bytes.extend_from_slice(&data);
        }
    }
    Ok(bytes)
}

/// The live-reload stream: open until the browser or the server goes.
fn events(state: &State) -> hyper::Response<Out> {
    let stream = EventStream {
        first: Some(Bytes::from_static(b"retry: 500\n\n")),
        events: state.hub.subscribe(),
        ping: tokio::time::interval_at(tokio::time::Instant::now() + PING, PING),
    };
    hyper::Response::builder()
        .header("Server", "bangtin")
        .header("Content-Type", "text/event-stream")
        .header("Cache-Control", "no-cache")
        .body(Out::Events(Box::new(stream)))
        // Fixed, valid header names and values.
        .unwrap_or_else(|_| hyper::Response::new(Out::Whole(None)))
}

/// A response body: whole bytes, or an event stream.
pub enum Out {
    Whole(Option<Bytes>),
    Events(Box<EventStream>),
}

pub struct EventStream {
    first: Option<Bytes>,
    events: UnboundedReceiver<String>,
    ping: tokio::time::Interval,
}

impl Body for Out {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let frame = |b: Bytes| Poll::Ready(Some(Ok(Frame::data(b))));
        match self.get_mut() {
            Out::Whole(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            Out::Events(s) => {
                if let Some(first) = s.first.take() {
                    return frame(first);
                }
                match s.events.poll_recv(cx) {
                    Poll::Ready(Some(data)) => frame(Bytes::from(format!("data: {data}\n\n"))),
                    // The hub closed the stream: the server is stopping.
                    Poll::Ready(None) => Poll::Ready(None),
                    Poll::Pending => match s.ping.poll_tick(cx) {
                        Poll::Ready(_) => frame(Bytes::from_static(b": ping\n\n")),
                        Poll::Pending => Poll::Pending,
                    },
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Out::Whole(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Out::Whole(b) => SizeHint::with_exact(b.as_ref().map_or(0, |b| b.len() as u64)),
            Out::Events(_) => SizeHint::default(),
        }
    }
}
