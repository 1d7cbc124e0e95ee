//! Nothing lost (issue 21 §4): the real binary, killed with SIGKILL at
//! several points of a build, or failing to write because a file may not
//! grow (the limit a full disk imposes), leaves the previous output complete
//! and byte for byte as it was; the next build leaves no staging folder.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::SiteTest;

const BIN: &str = env!("CARGO_BIN_EXE_bangtin");

/// Every file of a built output with its bytes.
fn snapshot(out: &Path) -> BTreeMap<String, Vec<u8>> {
    common::files_under(out)
        .into_iter()
        .map(|rel| {
            let bytes = fs::read(out.join(&rel)).unwrap();
            (rel, bytes)
        })
        .collect()
}

/// What a build made beside `out` (its staging and retired folders).
fn leftovers(out: &Path) -> Vec<String> {
    fs::read_dir(out.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".bangtin-"))
        .collect()
}

/// A site of `n` articles in a few years and tags: enough pages that a
/// build takes a while to write.
fn big_site(n: usize) -> SiteTest {
    let mut t = SiteTest::new();
    let para = "Cụm thi đua số 3 tổ chức hội nghị ký kết giao ước thi đua năm nay. ".repeat(12);
    for i in 0..n {
        let text = format!(
            "---\ntitle: Bài số {i}\ndate: {}-0{}-1{}\ntags: [giao ước, cụm {}]\n---\n{para}\n\n## Kết quả\n\n{para}\n",
            2020 + i % 5,
            1 + i % 9,
            i % 10,
            i % 7
        );
        t = t.file(&format!("content/news/bai-{i}.md"), &text);
    }
    t
}

fn build_command(t: &SiteTest) -> Command {
    build_into(t, &t.out())
}

fn build_into(t: &SiteTest, out: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.args(["build", "--site"])
        .arg(t.site())
        .arg("--output")
        .arg(out)
        .current_dir(t.site())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn build_ok(t: &SiteTest) {
    let out = build_command(t).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Files in the staging folder of a running build, or `None` before it exists.
fn staged_files(out: &Path) -> Option<usize> {
    let name = out.file_name().unwrap().to_string_lossy();
    let staging = out.with_file_name(format!(".{name}.bangtin-new"));
    staging
        .is_dir()
        .then(|| walkdir::WalkDir::new(&staging).into_iter().count())
}

/// Starts a build and SIGKILLs it once its staging folder holds at least
/// `files` entries (0: as soon as the process runs, before it writes);
/// says whether it was killed before it finished.
fn kill_when_staged(t: &SiteTest, files: usize) -> bool {
    let mut child = build_command(t).spawn().unwrap();
    let out = t.out();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        let ready = files == 0 || staged_files(&out).is_some_and(|n| n >= files);
        if ready || Instant::now() > deadline {
            child.kill().unwrap(); // SIGKILL on Unix
            child.wait().unwrap();
            return true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

#[test]
fn a_build_killed_at_any_point_leaves_the_previous_output_complete() {
    let t = big_site(400);
    build_ok(&t);
    let before = snapshot(&t.out());
    assert!(before.len() > 400, "{} files", before.len());
    // Every page changes (the site's title is on each), so a build rewrites
    // them all: the kill lands while new files are being written.
    t.write(
        "site.yaml",
        &common::SITE_YAML.replace("Thi đua thử", "Thi đua thử, bản mới"),
    );
    // The complete new site, built elsewhere (the bytes do not depend on
    // the output folder: tests/output_safety.rs).
    let elsewhere = tempfile::tempdir().unwrap();
    let new_out = elsewhere.path().join("out");
    let run = build_into(&t, &new_out).output().unwrap();
    assert!(run.status.success());
    let new = snapshot(&new_out);
    assert_ne!(new, before);
    let mut killed_mid_way = 0;
    for files in [0, 1, 20, 150, 400, 700] {
        let killed = kill_when_staged(&t, files);
        let now = snapshot(&t.out());
        // Old or new, always whole: the kill may also land just after the
        // swap, or the build may finish before it is reached.
        assert!(
            now == before || now == new,
            "after a kill at {files} staged files the output is neither build"
        );
        if killed && now == before {
            killed_mid_way += 1;
        }
    }
    assert!(
        killed_mid_way >= 4,
        "only {killed_mid_way} builds were killed mid-way"
    );
    // The next build finishes, cleans up, and shows the edit.
    build_ok(&t);
    assert!(leftovers(&t.out()).is_empty(), "{:?}", leftovers(&t.out()));
    assert!(snapshot(&t.out()) == new, "the output is the new site");
}

#[test]
fn a_write_that_fails_as_on_a_full_disk_keeps_the_previous_output() {
    let t = big_site(3);
    build_ok(&t);
    let before = snapshot(&t.out());
    // One article now makes a page of more than 200 KB; files may not grow
    // past 64 KB in the child, so writing that page fails with EFBIG, the
    // error a full disk gives a program (ENOSPC) in another word.
    let long = "Nội dung rất dài của bài tổng kết. ".repeat(6_000);
    t.write(
        "content/news/bai-dai.md",
        &format!("---\ntitle: Bài dài\ndate: 2024-05-01\n---\n{long}\n"),
    );
    let mut cmd = build_command(&t);
    // SAFETY: between fork and exec only async-signal-safe calls are made
    // (signal and setrlimit), as `pre_exec` requires.
    unsafe {
        cmd.pre_exec(|| {
            // Without this the kernel would end the process with SIGXFSZ
            // instead of failing the write.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: 64 * 1024,
                rlim_max: 64 * 1024,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let run = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("không ghi được") && stderr.contains("bai-dai"),
        "the error names the file it could not write: {stderr}"
    );
    assert!(snapshot(&t.out()) == before, "the previous output changed");
    assert!(leftovers(&t.out()).is_empty(), "{:?}", leftovers(&t.out()));
    // With room again, the build succeeds.
    build_ok(&t);
    assert!(t.exists("tin-tuc/2024/bai-dai/index.html"));
}
