//! Watching the site folder (notify) and turning bursts of events into one
//! batch of changed paths: an editor's "write a temporary file, rename it"
//! save, or a `git checkout` of hundreds of files, becomes one rebuild.
//! Paths are all that is kept: the rebuild reads the disk again, so a
//! rename, a deletion or a folder created with files already inside all end
//! in the state the disk is in.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode};

use super::rebuild::Changes;
use crate::content::site_relative;
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

/// The folders and file of a site that a rebuild reads.
const WATCHED: &[&str] = &["content", "data", "static", "templates", "themes"];
/// A batch ends after this long without events…
const QUIET: Duration = Duration::from_millis(15);
/// …or this long after it started, whichever comes first.
const LONGEST: Duration = Duration::from_secs(2);
/// How often a waiting watcher checks whether the server is stopping.
const TICK: Duration = Duration::from_millis(100);

type Events = Receiver<notify::Result<notify::Event>>;

/// A running watch on one site folder.
pub struct Watcher {
    site_dir: PathBuf,
    inner: Box<dyn notify::Watcher + Send>,
    events: Events,
}

impl Watcher {
    /// Watches `site_dir` (absolute). Falls back to polling when the system
    /// refuses native watches (too many folders, network drives).
    pub fn start(site_dir: &Path) -> Result<(Watcher, Option<String>), Diagnostic> {
        let (tx, events) = channel();
        let native = notify::recommended_watcher(tx.clone())
            .map(|w| Box::new(w) as Box<dyn notify::Watcher + Send>);
        let mut note = None;
        let mut watcher = match native {
            Ok(inner) => Watcher {
                site_dir: site_dir.to_path_buf(),
                inner,
                events,
            },
            Err(e) => {
                note = Some(t!(Msg::ServeWatchPolling, detail = e));
                poll_watcher(site_dir, tx.clone(), events)?
            }
        };
        if let Err(e) = watcher.watch_all() {
            note = Some(t!(Msg::ServeWatchPolling, detail = e));
            let (tx, events) = channel();
            watcher = poll_watcher(site_dir, tx, events)?;
            watcher.watch_all().map_err(|e| watch_error(site_dir, &e))?;
        }
        Ok((watcher, note))
    }

    fn watch_all(&mut self) -> notify::Result<()> {
        self.inner
            .watch(&self.site_dir, RecursiveMode::NonRecursive)?;
        for name in WATCHED {
            self.watch_folder(name)?;
        }
        Ok(())
    }

    fn watch_folder(&mut self, name: &str) -> notify::Result<()> {
        let dir = self.site_dir.join(name);
        if dir.is_dir() {
            self.inner.watch(&dir, RecursiveMode::Recursive)?;
        }
        Ok(())
    }

    /// Waits for the next batch of changes; `None` once `stop` is set.
    pub fn next_batch(&mut self, stop: &AtomicBool) -> Option<Changes> {
        let mut changes = Changes::default();
        let mut started: Option<Instant> = None;
        loop {
            if stop.load(Ordering::SeqCst) {
                return None;
            }
            let wait = match started {
                None => TICK,
                Some(s) => {
                    let left = LONGEST.saturating_sub(s.elapsed());
                    if left.is_zero() {
                        return Some(changes);
                    }
                    QUIET.min(left)
                }
            };
            match self.events.recv_timeout(wait) {
                Ok(event) => {
                    if self.take(event, &mut changes) && started.is_none() {
                        started = Some(Instant::now());
                    }
                }
                Err(RecvTimeoutError::Timeout) if started.is_some() => return Some(changes),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// Adds an event's paths; `true` when it mattered.
    fn take(&mut self, event: notify::Result<notify::Event>, changes: &mut Changes) -> bool {
        let event = match event {
            Ok(e) => e,
            Err(_) => {
                // The watcher lost track: rebuild from the disk as it is.
                changes.everything = true;
                return true;
            }
        };
        if event.need_rescan() {
            changes.everything = true;
            return true;
        }
        if matches!(event.kind, EventKind::Access(_)) {
            return false;
        }
        let mut mattered = false;
        for path in &event.paths {
            let rel = site_relative(&self.site_dir, path);
            if !relevant(&rel) {
                continue;
            }
            // A watched folder made anew (a checkout, a restore) is watched
            // again; what is already inside comes in through the rebuild.
            if WATCHED.contains(&rel.as_str()) {
                let _ = self.watch_folder(&rel);
            }
            changes.paths.add(rel);
            mattered = true;
        }
        mattered
    }
}

fn poll_watcher(
    site_dir: &Path,
    tx: std::sync::mpsc::Sender<notify::Result<notify::Event>>,
    events: Events,
) -> Result<Watcher, Diagnostic> {
    let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
    let inner = notify::PollWatcher::new(tx, config).map_err(|e| watch_error(site_dir, &e))?;
    Ok(Watcher {
        site_dir: site_dir.to_path_buf(),
        inner: Box::new(inner),
        events,
    })
}

fn watch_error(site_dir: &Path, e: &notify::Error) -> Diagnostic {
    Diagnostic::error(t!(
        Msg::ServeWatchFailed,
        dir = site_dir.display(),
        detail = e
    ))
}

/// Whether a site-relative path can change the site: `site.yaml` and what
/// is under the watched folders, minus hidden files and editors' leftovers.
fn relevant(rel: &str) -> bool {
    let top = rel.split('/').next().unwrap_or("");
    if rel != crate::config::CONFIG_FILE && !WATCHED.contains(&top) {
        return false;
    }
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let hidden = rel.split('/').any(|part| part.starts_with('.'));
    let junk = name.ends_with('~')
        || name == "4913"
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "Thumbs.db"
        || name == "desktop.ini";
    !hidden && !junk
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_inputs_are_relevant() {
        assert!(relevant("site.yaml"));
        assert!(relevant("content/news/2024/a.md"));
        assert!(relevant("templates/base.html"));
        assert!(relevant("themes/default/static/style.css"));
        assert!(relevant("data/2024/cum-3.yaml"));
        assert!(!relevant("output/index.html"));
        assert!(!relevant(".git/index"));
        assert!(!relevant("content/news/.a.md.swp"));
        assert!(!relevant("content/news/a.md~"));
        assert!(!relevant("content/news/4913"));
        assert!(!relevant("README.md"));
    }
}
