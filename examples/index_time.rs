//! Benchmark of the search index alone (not a test): loads SITE's model
//! once, then makes its index ROUNDS times and prints each time and the
//! median. Steadier than timing whole builds (`search_time`).
//!
//!     cargo run --release --example index_time -- SITE [ROUNDS]

use std::time::Duration;

// The allocator of the `bangtin` binary, so the times are the build's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(site_dir) = args.next().map(std::path::PathBuf::from) else {
        eprintln!("usage: index_time SITE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let Ok(config) = bangtin::config::load(&site_dir) else {
        eprintln!("site.yaml does not load");
        std::process::exit(1);
    };
    let loaded = bangtin::content::load(&site_dir, config.offset);
    let (data, _) = bangtin::data::load(&site_dir);
    let cache = tempfile::tempdir().expect("temp dir");
    let (site, _) = bangtin::site::build(
        config,
        loaded.docs,
        data,
        bangtin::site::ModelOptions {
            drafts: false,
            failed: loaded.failed,
            bodies: bangtin::site::body::BodyStore::create(cache.path()),
        },
        bangtin::media::Media::default(),
    );
    let mut times: Vec<Duration> = (0..rounds)
        .map(|round| {
            let index = bangtin::search::build(&site);
            println!(
                "round {round}: {:.3} s, {} files",
                index.elapsed.as_secs_f64(),
                index.files.len()
            );
            index.elapsed
        })
        .collect();
    times.sort();
    println!("median: {:.3} s", times[times.len() / 2].as_secs_f64());
}
