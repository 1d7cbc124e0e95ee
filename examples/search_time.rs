//! Benchmark of the search index's share of a cold build (not a test):
//! builds SITE into a fresh output folder ROUNDS times and prints, per
//! round, the whole build's time and the index's, then the medians.
//!
//!     cargo run --release --example search_time -- SITE [ROUNDS]
//!
//! The outputs go to `/dev/shm` when the machine has it, so the disk's
//! write-back does not slow the later rounds.

use std::time::Duration;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(site) = args.next() else {
        eprintln!("usage: search_time SITE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let shm = std::path::Path::new("/dev/shm");
    let tmp = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .expect("temp dir");
    let (mut builds, mut indexes) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let out = tmp.path().join(format!("o{round}"));
        let mut opts = bangtin::build::BuildOptions::new(&site);
        opts.output_dir = Some(out.clone());
        let report = match bangtin::build::run(&opts) {
            Ok(r) => r,
            Err(ds) => {
                eprintln!("the build failed with {} problems", ds.len());
                std::process::exit(1);
            }
        };
        println!(
            "round {round}: build {:.3} s, search index {:.3} s ({:.1} %)",
            report.elapsed.as_secs_f64(),
            report.search_index.as_secs_f64(),
            share(report.search_index, report.elapsed)
        );
        builds.push(report.elapsed);
        indexes.push(report.search_index);
        let _ = std::fs::remove_dir_all(&out);
    }
    let (b, i) = (median(&mut builds), median(&mut indexes));
    println!(
        "median: build {:.3} s, search index {:.3} s, {:.1} % of the build, {:.1} % added to a build without it",
        b.as_secs_f64(),
        i.as_secs_f64(),
        share(i, b),
        share(i, b.saturating_sub(i))
    );
}

fn median(xs: &mut [Duration]) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn share(part: Duration, whole: Duration) -> f64 {
    100.0 * part.as_secs_f64() / whole.as_secs_f64().max(f64::EPSILON)
}
