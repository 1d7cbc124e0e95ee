//! The HTML of an article's body: in memory, or, during `bangtin build`,
//! in a file while the search index and the pages are made. At 100,000
//! articles the bodies were about a third of the model, held from the
//! first body rendered to the last page written (bench/RESULTS.md); each is
//! now read back only when its page and its search entry are made. `serve`
//! keeps its bodies in memory: it compares and swaps them on every edit.

use std::borrow::Cow;
use std::fs::File;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// One file holding bodies end to end, written from many threads at once
/// (each body at its own offset). Its name is removed as soon as it is
/// open, so nothing is left behind, whatever ends the build.
pub struct BodyStore {
    file: File,
    end: AtomicU64,
    /// A body could not be read back: the build must fail, not publish a
    /// page without its text.
    failed: AtomicBool,
}

impl std::fmt::Debug for BodyStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BodyStore({} bytes)", self.end.load(Ordering::Relaxed))
    }
}

/// The store's folder in the site's cache (`media::open_folder`).
pub const FOLDER: &str = "bodies";

impl BodyStore {
    /// A new store in the folder `dir`; `None` where bodies cannot be kept
    /// on disk, and they stay in memory.
    pub fn create(dir: &Path) -> Option<Arc<BodyStore>> {
        if !cfg!(unix) {
            return None;
        }
        let path = dir.join(format!("bodies-{}.tmp", std::process::id()));
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .ok()?;
        // The open file stays readable and writable without its name.
        std::fs::remove_file(&path).ok()?;
        Some(Arc::new(BodyStore {
            file,
            end: AtomicU64::new(0),
            failed: AtomicBool::new(false),
        }))
    }

    /// `html` written to the store; kept in memory if the write fails (the
    /// build is then only bigger, never wrong).
    pub fn put(self: &Arc<Self>, html: String) -> BodyHtml {
        let len = html.len() as u64;
        let offset = self.end.fetch_add(len, Ordering::Relaxed);
        match write_at(&self.file, html.as_bytes(), offset) {
            Ok(()) => BodyHtml::Stored {
                store: Arc::clone(self),
                offset,
                len,
            },
            Err(_) => BodyHtml::Inline(html),
        }
    }

    /// Whether a body failed to read back (its page then had no text).
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    fn read(&self, offset: u64, len: u64) -> Option<String> {
        let mut buf = vec![0; usize::try_from(len).ok()?];
        read_at(&self.file, &mut buf, offset).ok()?;
        crate::text::utf8_string(buf).ok()
    }
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, offset)
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

// Elsewhere no store is made (`BodyStore::create`), so these never run.
#[cfg(not(unix))]
fn write_at(_: &File, _: &[u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(not(unix))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// A body's HTML, where it is kept.
pub enum BodyHtml {
    Inline(String),
    Stored {
        store: Arc<BodyStore>,
        offset: u64,
        len: u64,
    },
}

impl BodyHtml {
    /// The HTML; read from the store when it is there. A body that cannot
    /// be read back is empty and marks its store failed, which fails the
    /// build.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            BodyHtml::Inline(s) => Cow::Borrowed(s),
            BodyHtml::Stored { store, offset, len } => match store.read(*offset, *len) {
                Some(s) => Cow::Owned(s),
                None => {
                    store.failed.store(true, Ordering::Relaxed);
                    Cow::Borrowed("")
                }
            },
        }
    }
}

impl BodyHtml {
    /// The HTML as an owned string.
    pub fn into_string(self) -> String {
        match self {
            BodyHtml::Inline(s) => s,
            stored => stored.text().into_owned(),
        }
    }

    /// Exchanges the HTML with `other`'s (`serve`'s fast path: twice undoes).
    pub fn swap_text(&mut self, other: &mut String) {
        let mine = std::mem::take(self).into_string();
        *self = BodyHtml::Inline(std::mem::replace(other, mine));
    }
}

impl Default for BodyHtml {
    fn default() -> Self {
        BodyHtml::Inline(String::new())
    }
}

impl From<String> for BodyHtml {
    fn from(s: String) -> Self {
        BodyHtml::Inline(s)
    }
}

impl PartialEq for BodyHtml {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl std::fmt::Debug for BodyHtml {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BodyHtml::Inline(s) => write!(f, "Inline({} bytes)", s.len()),
            BodyHtml::Stored { offset, len, .. } => write!(f, "Stored({len} bytes at {offset})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_written_from_many_threads_read_back_whole_and_leave_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let Some(store) = BodyStore::create(dir.path()) else {
            return; // not on this platform: bodies stay in memory
        };
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let texts: Vec<String> = (0..200)
            .map(|i| {
                format!(
                    "<p>Bài {i}: Hội nghị ký kết giao ước thi đua {}</p>",
                    "x".repeat(i)
                )
            })
            .collect();
        let bodies: Vec<BodyHtml> = std::thread::scope(|s| {
            let handles: Vec<_> = texts
                .chunks(50)
                .map(|chunk| {
                    s.spawn(|| {
                        chunk
                            .iter()
                            .map(|t| store.put(t.clone()))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        for (body, text) in bodies.iter().zip(&texts) {
            assert!(matches!(body, BodyHtml::Stored { .. }));
            assert_eq!(body.text(), text.as_str());
        }
        assert!(!store.failed());
    }

    #[test]
    fn a_body_that_cannot_be_read_back_fails_its_store() {
        let dir = tempfile::tempdir().unwrap();
        let Some(store) = BodyStore::create(dir.path()) else {
            return;
        };
        let gone = BodyHtml::Stored {
            store: Arc::clone(&store),
            offset: 1 << 40,
            len: 10,
        };
        assert_eq!(gone.text(), "");
        assert!(store.failed());
    }
}
