//! Where a build may write (issue 21): never over a file, a symbolic link,
//! the site itself or a folder above it; nothing left behind by a refused
//! build; and the same input makes the same bytes whatever folder it sits in
//! and whatever order its files were made in.

mod common;

use std::fs;
use std::path::Path;

use common::sample::sample_site_with_data;
use common::{SiteTest, render};

fn site() -> SiteTest {
    SiteTest::new().article("content/news/a.md", "A", "2024-01-01", "Nội dung.")
}

/// The names in `dir` that a build made beside its output.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bangtin-"))
        .collect()
}

fn refused(t: &SiteTest, output: &Path, needle: &str) {
    let errors = t
        .build_with(|o| o.output_dir = Some(output.to_path_buf()))
        .expect_err("the build should be refused");
    assert!(
        errors
            .iter()
            .any(|d| d.is_error() && d.message.contains(needle)),
        "{}",
        render(&errors)
    );
}

#[test]
fn an_output_that_is_a_file_is_refused_and_kept_build_after_build() {
    let t = site();
    let file = t.out();
    fs::write(&file, "báo cáo quan trọng").unwrap();
    for _ in 0..2 {
        refused(&t, &file, "là một tệp, không phải thư mục");
        assert_eq!(fs::read_to_string(&file).unwrap(), "báo cáo quan trọng");
        assert!(leftovers(file.parent().unwrap()).is_empty());
    }
}

#[test]
fn an_output_that_is_a_symbolic_link_is_refused_even_dangling() {
    let t = site();
    let target = t.site().parent().unwrap().join("that-muc-that");
    fs::create_dir(&target).unwrap();
    let link = t.out();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    refused(&t, &link, "liên kết (symlink)");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    fs::remove_dir(&target).unwrap();
    refused(&t, &link, "liên kết (symlink)");
    assert!(leftovers(link.parent().unwrap()).is_empty());
}

#[test]
fn the_site_folder_and_the_folders_above_it_are_refused() {
    let t = site();
    let site = t.site();
    for output in [
        site.clone(),
        site.join("."),
        site.join("content").join(".."),
        site.parent().unwrap().to_path_buf(),
        Path::new("/").to_path_buf(),
    ] {
        refused(&t, &output, "là thư mục của trang hoặc chứa nó");
    }
    assert!(site.join("content/news/a.md").is_file());
    assert!(leftovers(site.parent().unwrap()).is_empty());
}

#[test]
fn the_home_folder_is_refused_even_when_it_is_empty() {
    // An empty folder is otherwise a fine output: only the name says no.
    let t = site();
    let home = t.site().parent().unwrap().join("nha");
    fs::create_dir(&home).unwrap();
    let home_arg = home.display().to_string();
    let run = common::run_bin(
        env!("CARGO_BIN_EXE_bangtin"),
        &["build", "--output", &home_arg],
        &t.site(),
        &[("HOME", &home_arg)],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "thư mục output {home_arg} là thư mục nhà (home) của bạn"
        )),
        "{}",
        run.stderr
    );
    assert!(fs::read_dir(&home).unwrap().next().is_none());
    assert!(leftovers(home.parent().unwrap()).is_empty());
}

#[test]
fn a_folder_with_files_bangtin_did_not_make_is_refused_and_kept() {
    let t = site();
    let out = t.out();
    fs::create_dir(&out).unwrap();
    fs::write(out.join("luan-van.docx"), "bản duy nhất").unwrap();
    refused(&t, &out, "đã có nội dung không do bangtin tạo");
    assert_eq!(common::files_under(&out), ["luan-van.docx"]);
    assert!(leftovers(out.parent().unwrap()).is_empty());
}

/// Leaves beside `out` what a build killed while writing leaves: its
/// staging folder half full, and the old output it had moved aside.
fn leave_a_killed_build(out: &Path) {
    let name = out.file_name().unwrap().to_string_lossy();
    for part in ["new", "old"] {
        let dir = out.with_file_name(format!(".{name}.bangtin-{part}"));
        fs::create_dir_all(dir.join("tin-tuc")).unwrap();
        fs::write(dir.join(bangtin::output::MARKER), "bangtin\n").unwrap();
        fs::write(dir.join("tin-tuc/index.html"), "<p>nửa chừng").unwrap();
    }
}

#[test]
fn what_a_killed_build_left_is_removed_by_the_next_build_even_one_with_nothing_to_do() {
    let t = site();
    t.built();
    // A build record is trusted only for files older than the clock's tick
    // (as in tests/warm.rs): let them age, then record them.
    std::thread::sleep(std::time::Duration::from_millis(120));
    t.built();
    let out = t.out();
    leave_a_killed_build(&out);
    let report = t.built();
    assert!(report.unchanged, "the inputs did not change");
    assert!(leftovers(out.parent().unwrap()).is_empty());
    leave_a_killed_build(&out);
    t.write(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\n---\nSửa.\n",
    );
    let report = t.built();
    assert!(!report.unchanged);
    assert!(leftovers(out.parent().unwrap()).is_empty());
    assert!(t.read("tin-tuc/2024/a/index.html").contains("Sửa."));
}

/// This machine's name and the user's login name, where they are long
/// enough not to occur in a page by chance ("root" does, in scripts).
fn machine_names() -> Vec<String> {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname writes at most that.
    let host = if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0 {
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        String::new()
    };
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_default();
    [host, user]
        .into_iter()
        .filter(|n| n.len() >= 6 && n != "localhost")
        .collect()
}

/// Copies every file of `from` but its cache to `to` in reverse order of path, so that
/// folders list their entries in another order than the original's.
fn copy_reversed(from: &Path, to: &Path) {
    let mut files: Vec<String> = common::files_under(from)
        .into_iter()
        .filter(|f| !f.starts_with(".bangtin-cache/"))
        .collect();
    files.reverse();
    for rel in files {
        let dest = to.join(&rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::copy(from.join(&rel), dest).unwrap();
    }
}

#[test]
fn the_same_site_builds_to_the_same_bytes_anywhere_in_any_file_order() {
    let a = sample_site_with_data();
    a.built();
    // At another second of the clock, too: nothing may carry the time of
    // the build.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let other = tempfile::tempdir().unwrap();
    let b_site = other.path().join("mot-thu-muc-khac").join("trang");
    copy_reversed(&a.site(), &b_site);
    let mut opts = bangtin::build::BuildOptions::new(&b_site);
    opts.output_dir = Some(other.path().join("ra"));
    if let Err(ds) = bangtin::build::run(&opts) {
        panic!("{}", render(&ds));
    }
    let b_out = other.path().join("ra");
    let files = common::files_under(&a.out());
    assert_eq!(files, common::files_under(&b_out));
    let mut places = vec![a.site().display().to_string(), b_site.display().to_string()];
    places.extend(machine_names());
    for f in &files {
        let (x, y) = (
            fs::read(a.out().join(f)).unwrap(),
            fs::read(b_out.join(f)).unwrap(),
        );
        assert!(x == y, "{f} differs between the two folders");
        // Nothing about where the site sat on this machine is published.
        let text = String::from_utf8_lossy(&x);
        assert!(!places.iter().any(|p| text.contains(p.as_str())), "{f}");
    }
}

#[test]
fn every_page_carries_a_script_policy_that_the_theme_keeps() {
    let t = sample_site_with_data();
    t.built();
    let mut pages = 0;
    for f in common::files_under(&t.out())
        .iter()
        .filter(|f| f.ends_with(".html"))
    {
        let html = fs::read_to_string(t.out().join(f)).unwrap();
        if html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        pages += 1;
        assert!(
            html.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';"#),
            "{f}"
        );
        // No inline script and no event handler the policy would block;
        // JSON data blocks are never run, so the policy does not concern them.
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            let data = tag.contains(r#" type="application/ld+json""#)
                || tag.contains(r#" type="application/json""#);
            assert!(tag.contains(" src=") || data, "{f}: {tag}");
        }
        assert!(
            !html.contains(" onclick=") && !html.contains(" onload="),
            "{f}"
        );
    }
    assert!(pages > 20, "{pages}");
}
