//! The progress of long image work: a bar redrawn in place on a terminal,
//! a plain line every tenth of the way otherwise (logs, CI).

use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};

use crate::build::ProgressHook;
use crate::messages::Msg;
use crate::t;

/// Less image work than this finishes too fast to need a progress display.
const MIN_IMAGES: usize = 8;
const BAR_WIDTH: usize = 24;

/// A hook that draws on standard error.
pub fn hook() -> ProgressHook {
    let terminal = std::io::stderr().is_terminal();
    let last_tenth = Mutex::new(None::<usize>);
    ProgressHook(Arc::new(move |done: usize, total: usize| {
        if total < MIN_IMAGES {
            return;
        }
        // Worker threads report in any order; one draws at a time.
        let Ok(mut last) = last_tenth.lock() else {
            return;
        };
        let mut err = std::io::stderr().lock();
        let text = t!(Msg::ImagesProgress, done = done, total = total);
        if terminal {
            let filled = done * BAR_WIDTH / total;
            let bar = format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled));
            let _ = write!(err, "\r{bar} {text}");
            if done == total {
                let _ = writeln!(err);
            }
        } else {
            let tenth = done * 10 / total;
            if *last != Some(tenth) {
                *last = Some(tenth);
                let _ = writeln!(err, "{text}");
            }
        }
        let _ = err.flush();
    }))
}
