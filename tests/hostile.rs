//! Hostile and broken input (issue 21): numbers that overflow, inputs that made
//! diagnostics or hints blow up, limits, symlinks out of the site, CSV formulas.
//! Each bad input gets one located error (file, line, column) and no panic.

mod common;
mod data_fixture;

use data_fixture::*;

/// The largest `Decimal`: it parses, and any sum with it overflowed.
const HUGE: &str = "79228162514264337593543950335";

// --- Numbers out of range (FORMAT.md §10) -----------------------------------

#[test]
fn a_huge_top_level_maximum_is_refused_at_the_value_not_a_panic() {
    let t = DataSite::new().edit(
        SCHEME,
        "title: Phong trào thi đua, max: 40",
        &format!("title: Phong trào thi đua, max: {HUGE}"),
    );
    let d = t.error(&format!("số `{HUGE}` quá lớn"));
    t.assert_at(&d, SCHEME, HUGE);
    assert!(d.message.contains("1.000.000.000.000"), "{}", d.render());
    assert!(hint(&d).contains("thừa chữ số"), "{}", d.render());
}

#[test]
fn a_huge_child_maximum_is_refused_at_the_value() {
    let t = DataSite::new().edit(
        SCHEME,
        "title: Hoàn thành chỉ tiêu, max: 40",
        &format!("title: Hoàn thành chỉ tiêu, max: {HUGE}"),
    );
    let d = t.error(&format!("`{HUGE}`"));
    t.assert_at(&d, SCHEME, HUGE);
}

#[test]
fn huge_negative_maxima_are_refused_each_at_its_value() {
    let t = DataSite::new()
        .edit(SCHEME, "    max: 60\n", &format!("    max: -{HUGE}\n"))
        .edit(
            SCHEME,
            "title: Phong trào thi đua, max: 40",
            &format!("title: Phong trào thi đua, max: -{HUGE}"),
        );
    let ds = t.diags();
    let too_large: Vec<_> = ds
        .iter()
        .filter(|d| d.message.contains("quá lớn"))
        .collect();
    assert_eq!(too_large.len(), 2, "{}", common::render(&ds));
    assert_eq!(file_of(too_large[0]), SCHEME);
    assert_eq!(
        (too_large[0].line, too_large[0].column),
        t.pos(SCHEME, &format!("    max: ^-{HUGE}"))
    );
    assert_eq!(
        (too_large[1].line, too_large[1].column),
        t.pos(SCHEME, &format!("thi đua, max: ^-{HUGE}"))
    );
}

#[test]
fn a_huge_year_weight_is_refused_at_the_value() {
    let t = DataSite::new().edit(
        SCHEME,
        "year_from: last_phase",
        &format!("year_from: {{ weighted: {{ dot1: {HUGE}, dot2: {HUGE} }} }}"),
    );
    let d = t.error(&format!("`{HUGE}`"));
    t.assert_at(&d, SCHEME, HUGE);
}

#[test]
fn a_negative_year_weight_is_refused_at_the_value() {
    let t = DataSite::new().edit(
        SCHEME,
        "year_from: last_phase",
        "year_from: { weighted: { dot1: -1, dot2: 2 } }",
    );
    let d = t.error("trọng số của đợt dot1 âm");
    t.assert_at(&d, SCHEME, "dot1: ^-1");
}

#[test]
fn a_negative_total_is_refused_at_the_value() {
    let t = DataSite::new().edit(SCHEME, "total_max: 100", "total_max: -100");
    let d = t.error("không được âm");
    t.assert_at(&d, SCHEME, "-100");
}

#[test]
fn a_huge_score_is_refused_at_the_value() {
    let t = DataSite::new().edit(
        SCORES,
        "I.1: 39, I.2: 20, II: 36",
        &format!("I.1: {HUGE}, I.2: 20, II: 36"),
    );
    let d = t.error(&format!("số `{HUGE}` quá lớn"));
    t.assert_at(&d, SCORES, HUGE);
}

#[test]
fn a_huge_count_is_refused_at_the_value() {
    let t = DataSite::new().edit(
        SCORES,
        "bonus: [{ item: B1, count: 2 }]",
        "bonus: [{ item: B1, count: 99999999999 }]",
    );
    let d = t.error("số `99999999999` quá lớn ở đây");
    t.assert_at(&d, SCORES, "99999999999");
}

#[test]
fn negative_bonus_points_and_caps_are_refused_each_at_its_value() {
    // A negative cap took points off every unit without a word.
    let t = DataSite::new().edit(SCHEME, "cap: 3", "cap: -3").edit(
        SCHEME,
        "points: 2, cap: 4",
        "points: -2, cap: -4",
    );
    let ds = t.diags();
    let negative: Vec<_> = ds
        .iter()
        .filter(|d| d.is_error() && d.message.starts_with("điểm thưởng"))
        .collect();
    assert_eq!(negative.len(), 3, "{}", common::render(&ds));
    let at = [
        ("-3", "cap: ^-3"),
        ("-2", "points: ^-2"),
        ("-4", "cap: ^-4"),
    ];
    for (d, (value, needle)) in negative.iter().zip(at) {
        assert_eq!(d.message, format!("điểm thưởng `{value}` âm"));
        t.assert_at(d, SCHEME, needle);
        assert!(hint(d).contains("penalties"), "{}", d.render());
    }
}

#[test]
fn the_largest_allowed_number_is_accepted() {
    // The bound is inclusive: 1000000000000 is a valid (if odd) bonus value.
    let t = DataSite::new().edit(
        SCHEME,
        "points: 2, cap: 4",
        "points: 1000000000000, cap: 1000000000000",
    );
    t.assert_no_errors();
}

// --- Bounded diagnostics -----------------------------------------------------

/// An article whose body is `body`, at `content/news/2024/a.md`.
fn article_site(body: &str) -> common::SiteTest {
    common::SiteTest::new().file(
        "content/news/2024/a.md",
        &format!("---\ntitle: A\ndate: 2024-01-01\n---\n{body}\n"),
    )
}

fn check(t: &common::SiteTest) -> common::Run {
    let site = t.site();
    let args = ["check", "--site", site.to_str().unwrap()];
    common::run_bin(env!("CARGO_BIN_EXE_bangtin"), &args, &site, &[])
}

#[test]
fn sixteen_thousand_broken_links_on_one_line_print_a_screenful() {
    // One 229 KB line: it took 3.6 GB and printed 5.5 GB.
    let links: Vec<String> = (0..16_000).map(|i| format!("[a](b{i}.md)")).collect();
    let t = article_site(&links.join(" "));
    let errors = t.errors();
    assert_eq!(errors.len(), 16_000);
    for d in &errors {
        let quoted = d.source_line.as_deref().unwrap_or_default();
        assert!(quoted.chars().count() <= 122, "{}", d.render());
        assert_eq!((d.line, file_of(d).as_str()), (5, "content/news/2024/a.md"));
    }
    let last = &errors[15_999];
    assert_eq!(
        last.column,
        links[..15_999].iter().map(|l| l.len() + 1).sum::<usize>() + 1
    );

    let run = check(&t);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr.matches("lỗi: liên kết").count(),
        10,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("… và 15.990 lỗi tương tự trong content/news/2024/a.md"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("16.000 lỗi"), "{}", run.stderr);
    assert!(run.stderr.len() < 6_000, "{} bytes", run.stderr.len());
}

#[test]
fn sixteen_thousand_broken_links_are_summarised_in_english_with_its_thousands_separator() {
    let links: Vec<String> = (0..16_000).map(|i| format!("[a](b{i}.md)")).collect();
    let t = article_site(&links.join(" "));
    let site = t.site();
    let args = ["check", "--lang", "en", "--site", site.to_str().unwrap()];
    let run = common::run_bin(env!("CARGO_BIN_EXE_bangtin"), &args, &site, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("… and 15,990 similar problems in content/news/2024/a.md"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("16,000 errors"), "{}", run.stderr);
    assert!(!run.stderr.contains("lỗi"), "{}", run.stderr);
    // The quoted line of each printed error is cut around its column: ten
    // of them fit in a screenful, never in 229 KB each.
    let longest = run.stderr.lines().map(str::len).max().unwrap_or(0);
    assert!(longest < 400, "a printed line of {longest} bytes");
    assert!(run.stderr.len() < 8 * 1024, "{} bytes", run.stderr.len());
}

#[test]
fn twenty_thousand_gallery_markers_without_photos_print_a_screenful() {
    let t = article_site(&vec!["[[thư viện ảnh]]"; 20_000].join("\n\n"));
    let warnings = t.built().warnings;
    assert_eq!(warnings.len(), 20_000);
    let last = warnings.iter().map(|d| d.line).max();
    assert_eq!(last, Some(5 + 2 * 19_999));
    let run = check(&t);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr.matches("cảnh báo: [[thư viện ảnh]]").count(), 10);
    assert!(
        run.stderr.contains("… và 19.990 cảnh báo tương tự"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.len() < 5_000, "{} bytes", run.stderr.len());
}

#[test]
fn many_broken_files_are_capped_in_total_with_the_rest_counted() {
    let mut t = common::SiteTest::new();
    for i in 0..150 {
        t = t.file(
            &format!("content/news/2024/a{i:03}.md"),
            "---\ntitle: A\ndate: 14/3/2024\n---\nx\n",
        );
    }
    let run = check(&t);
    assert_eq!(
        run.stderr.matches("lỗi: ngày").count(),
        100,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("… và 50 lỗi nữa không in ra"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("150 lỗi"), "{}", run.stderr);
}

/// Lines ended by a lone CR (old Mac files) are lines: the YAML parser
/// counts them so, and the error quotes the line it names (a fuzzer found
/// "line 57 of a 10-line file", with nothing quoted).
#[test]
fn lines_ended_by_a_lone_cr_are_numbered_and_quoted_as_lines() {
    let yaml = "title: Thi đua thử\rbase_url: https://thidua.example.vn/\rpaginate: [10\r";
    let t = common::SiteTest::new().file("site.yaml", yaml);
    let errors = t.errors();
    assert_eq!(errors.len(), 1, "{}", common::render(&errors));
    let d = &errors[0];
    assert_eq!(file_of(d), "site.yaml");
    assert_eq!(d.line, 3, "{}", d.render());
    assert_eq!(
        d.source_line.as_deref(),
        Some("paginate: [10"),
        "{}",
        d.render()
    );

    let article = "---\rtitle: A\rdate: 14/3/2024\r---\rx\r";
    let t = common::SiteTest::new().file("content/news/2024/a.md", article);
    let d = common::find(&t.errors(), "ngày").clone();
    assert_eq!(d.line, 3, "{}", d.render());
    assert_eq!(
        d.source_line.as_deref(),
        Some("date: 14/3/2024"),
        "{}",
        d.render()
    );
}

// --- Peak memory -------------------------------------------------------------

/// `bangtin check` of the site, and the most memory its process held, in
/// MB (its own `getrusage`, taken by `wait4`, so other tests' processes do
/// not count): a figure, not a time.
#[cfg(target_os = "linux")]
fn check_peak_mb(t: &common::SiteTest) -> (i32, u64) {
    use std::os::unix::process::ExitStatusExt as _;
    let site = t.site();
    // Reaped by wait4 below, which std's `wait` cannot do with the usage.
    #[allow(clippy::zombie_processes)]
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_bangtin"))
        .args(["check", "--site", site.to_str().unwrap()])
        .current_dir(&site)
        .env_remove("BANGTIN_LANG")
        .env_remove("LANG")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run bangtin");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data, zeroed is a valid value; wait4 fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child, not yet waited for; both pointers are valid.
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(got, pid, "wait4: {}", std::io::Error::last_os_error());
    let code = std::process::ExitStatus::from_raw(status)
        .code()
        .unwrap_or(-1);
    // ru_maxrss is in kilobytes on Linux.
    (code, (usage.ru_maxrss as u64) / 1024)
}

/// Each blow-up of issue 21, with the memory it took then: now a few tens
/// of megabytes (the limit leaves room for the allocator and threads).
#[cfg(target_os = "linux")]
#[test]
fn the_blow_ups_of_issue_21_need_little_memory() {
    const LIMIT_MB: u64 = 200;
    // 3.6 GB: 16,000 broken links on one 229 KB line.
    let links: Vec<String> = (0..16_000).map(|i| format!("[a](b{i}.md)")).collect();
    let (code, mb) = check_peak_mb(&article_site(&links.join(" ")));
    assert_eq!(code, 1);
    assert!(mb < LIMIT_MB, "16,000 broken links: {mb} MB");
    // 20,000 gallery markers without photos.
    let markers = vec!["[[thư viện ảnh]]"; 20_000].join("\n\n");
    let (code, mb) = check_peak_mb(&article_site(&markers));
    assert_eq!(code, 0);
    assert!(mb < LIMIT_MB, "20,000 gallery markers: {mb} MB");
    // 4.3 GB: 10,000 tags on one article (now refused at the 51st); and
    // 10,000 that slugify alike (12 GB).
    let tags: Vec<String> = (1..=10_000).map(|i| format!("Thẻ {i}")).collect();
    let (code, mb) = check_peak_mb(&tagged(&tags));
    assert_eq!(code, 1);
    assert!(mb < LIMIT_MB, "10,000 tags: {mb} MB");
    let alike: Vec<String> = (1..=10_000)
        .map(|i| format!("\"c{}\"", "-".repeat(i % 7 + 1)))
        .collect();
    let (code, mb) = check_peak_mb(&tagged(&alike));
    assert_eq!(code, 1);
    assert!(mb < LIMIT_MB, "10,000 tags alike: {mb} MB");
    // 22.7 s of edit distance: an 80,000-character unit id and its typo.
    let id = format!("u{}", "x".repeat(79_999));
    let typo = format!("u{}y", "x".repeat(79_998));
    let data = DataSite::new()
        .edit(UNITS, "id: tl-cd-thanh-tra", &format!("id: {id}"))
        .edit(
            CLUSTER,
            "{ unit: tl-cd-thanh-tra }",
            &format!("{{ unit: {typo} }}"),
        );
    let mut site = common::SiteTest::new();
    for rel in [UNITS, AWARDS, SCHEME, CLUSTER, SCORES] {
        site = site.file(rel, data.text(rel));
    }
    let (code, mb) = check_peak_mb(&site);
    assert_eq!(code, 1);
    assert!(mb < LIMIT_MB, "an 80,000-character id: {mb} MB");
}

// --- Bounded "did you mean" --------------------------------------------------

#[test]
fn an_eighty_thousand_character_unit_id_and_its_typo_are_reported_without_a_suggestion() {
    // The edit distance of the two took 22.7 s, again for each reference.
    let id = format!("u{}", "x".repeat(79_999));
    let typo = format!("u{}y", "x".repeat(79_998));
    let t = DataSite::new()
        .edit(UNITS, "id: tl-cd-thanh-tra", &format!("id: {id}"))
        .edit(
            CLUSTER,
            "{ unit: tl-cd-thanh-tra }",
            &format!("{{ unit: {typo} }}"),
        );
    let ds = t.diags();
    let d = ds
        .iter()
        .find(|d| d.is_error() && file_of(d) == CLUSTER)
        .unwrap_or_else(|| panic!("{}", common::render(&ds)));
    assert!(d.message.contains("không có"), "{}", d.render());
    assert!(d.message.chars().count() < 700, "{} chars", d.message.len());
    assert!(!hint(d).contains("có phải ý bạn là"), "{}", hint(d));
    assert_eq!(
        (d.line, d.column),
        t.pos(CLUSTER, &format!("unit: ^{typo}"))
    );
}

// --- Limits (docs/format.md) --------------------------------------------------

#[test]
fn an_id_over_a_hundred_characters_is_refused_at_the_id() {
    let long = format!("tl-{}", "x".repeat(98));
    let t = DataSite::new().edit(UNITS, "id: tl-cd-thanh-tra", &format!("id: {long}"));
    let d = t.error("mã dài 101 ký tự, quá giới hạn 100 ký tự");
    t.assert_at(&d, UNITS, &long);
    let ok = format!("tl-{}", "x".repeat(97));
    let t = DataSite::new()
        .edit(UNITS, "id: tl-cd-thanh-tra", &format!("id: {ok}"))
        .edit(
            CLUSTER,
            "{ unit: tl-cd-thanh-tra }",
            &format!("{{ unit: {ok} }}"),
        )
        .edit(
            SCORES,
            "    tl-cd-thanh-tra:\n      assessed",
            &format!("    {ok}:\n      assessed"),
        )
        .edit(
            SCORES,
            "    tl-cd-thanh-tra: { status",
            &format!("    {ok}: {{ status"),
        );
    t.assert_no_errors();
}

#[test]
fn a_long_criterion_id_is_refused_at_the_id() {
    let long = "I".repeat(101);
    let t = DataSite::new().edit(SCHEME, "{ id: II, title", &format!("{{ id: {long}, title"));
    let d = t.error("mã dài 101 ký tự");
    t.assert_at(&d, SCHEME, &long);
}

/// An article with these tags, as a block list (one tag per line).
fn tagged(tags: &[String]) -> common::SiteTest {
    let list: String = tags.iter().map(|t| format!("  - {t}\n")).collect();
    common::SiteTest::new().file(
        "content/news/2024/a.md",
        &format!("---\ntitle: A\ndate: 2024-01-01\ntags:\n{list}---\nx\n"),
    )
}

#[test]
fn more_than_fifty_tags_is_an_error_at_the_fifty_first() {
    let tags: Vec<String> = (1..=10_000).map(|i| format!("Thẻ {i}")).collect();
    let errors = tagged(&tags).errors();
    assert_eq!(errors.len(), 1, "{}", common::render(&errors));
    let d = &errors[0];
    assert!(
        d.message
            .contains("bài có 10.000 thẻ, nhiều hơn giới hạn 50 thẻ"),
        "{}",
        d.render()
    );
    assert_eq!(file_of(d), "content/news/2024/a.md");
    // Line 1 is `---`; the 51st tag is on line 5 + 50.
    assert_eq!((d.line, d.column), (55, 5), "{}", d.render());
    tagged(&tags[..50]).built();
}

/// The most tags an article may have (50) make 50 tag pages, each with the
/// article's card and its 50 tags: a figure of bytes, not of time, that
/// grows with the tags of one page, never with a product of the input.
#[test]
fn an_article_with_the_most_tags_makes_tag_pages_of_bounded_size() {
    let tags: Vec<String> = (1..=50).map(|i| format!("Thẻ số {i}")).collect();
    let t = tagged(&tags);
    t.built();
    let out = t.out();
    let pages: Vec<String> = common::files_under(&out.join("chu-de"))
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
        .collect();
    // 50 tag pages and the list of tags.
    assert_eq!(pages.len(), 51, "{pages:?}");
    let sizes: Vec<u64> = pages
        .iter()
        .map(|f| std::fs::metadata(out.join("chu-de").join(f)).unwrap().len())
        .collect();
    let largest = *sizes.iter().max().unwrap();
    let total: u64 = sizes.iter().sum();
    assert!(largest < 16 * 1024, "a tag page of {largest} bytes");
    assert!(total < 51 * 16 * 1024, "{total} bytes of tag pages");
}

#[test]
fn a_tag_over_a_hundred_characters_is_an_error_at_the_tag() {
    let errors = tagged(&["Ngắn".into(), "a".repeat(101)]).errors();
    assert_eq!(errors.len(), 1, "{}", common::render(&errors));
    assert!(
        errors[0].message.contains("thẻ dài 101 ký tự"),
        "{}",
        errors[0].render()
    );
    assert_eq!((errors[0].line, errors[0].column), (6, 5));
}

#[test]
fn a_text_file_over_ten_megabytes_is_refused_without_reading_it_all() {
    // 11,5 MB of text after the front matter.
    let big = format!(
        "---\ntitle: A\ndate: 2024-01-01\n---\n{}",
        "x".repeat(23 * 512 * 1024 - 36)
    );
    assert!(big.len() as u64 > bangtin::content::MAX_TEXT_BYTES);
    for rel in [
        "content/news/2024/a.md",
        "data/units.yaml",
        "templates/base.html",
    ] {
        let t = common::SiteTest::new().file(rel, &big);
        let errors = t.errors();
        let d = common::find(&errors, "tệp quá lớn");
        assert_eq!(file_of(d), rel, "{}", d.render());
        assert!(
            d.message.contains("bangtin chỉ đọc tệp văn bản đến 10 MB"),
            "{}",
            d.render()
        );
        assert!(d.message.contains("(11,5 MB)"), "{}", d.render());
    }
}

// --- Rules of FORMAT.md §1 and §11, enforced and located ----------------------

/// The one warning whose message contains `needle`.
fn warning(t: &DataSite, needle: &str) -> bangtin::diag::Diagnostic {
    let ds = t.diags();
    let found: Vec<_> = ds
        .iter()
        .filter(|d| d.is_warning() && d.message.contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "{}", common::render(&ds));
    found[0].clone()
}

#[test]
fn a_zero_width_character_in_a_unit_name_is_a_warning_and_removed() {
    let t = DataSite::new().edit(
        UNITS,
        "names: [{ full: Công đoàn Thanh tra tỉnh }]",
        "names: [{ full: \"Công đoàn Thanh\u{200D} tra tỉnh\", short: \"CĐ\u{200B}Thanh tra\" }]",
    );
    let ds = t.diags();
    let warnings: Vec<_> = ds
        .iter()
        .filter(|d| d.message.contains("ký tự ẩn"))
        .collect();
    assert_eq!(warnings.len(), 2, "{}", common::render(&ds));
    assert!(warnings.iter().all(|d| d.is_warning()));
    assert_eq!(file_of(warnings[0]), UNITS);
    assert_eq!(
        (warnings[0].line, warnings[0].column),
        t.pos(UNITS, "full: ^\"Công đoàn Thanh\u{200D}")
    );
    assert_eq!(
        (warnings[1].line, warnings[1].column),
        t.pos(UNITS, "short: ^\"CĐ\u{200B}")
    );
    let (data, _) = t.load();
    let unit = data.unit("tl-cd-thanh-tra").expect("the unit loads");
    assert_eq!(unit.names[0].full, "Công đoàn Thanh tra tỉnh");
    assert_eq!(unit.names[0].short.as_deref(), Some("CĐ Thanh tra"));
}

#[test]
fn overlapping_name_periods_are_an_error_at_the_second_name_line() {
    let t = DataSite::new().edit(
        UNITS,
        "    names: [{ full: Công đoàn Thanh tra tỉnh }]\n",
        "    names:\n      - full: Công đoàn Thanh tra tỉnh\n        from: 2000-01-01\n        until: 2012-12-31\n      - full: Công đoàn Thanh tra\n        from: 2010-01-01\n",
    );
    let d = t.error("chồng lên tên");
    t.assert_at(&d, UNITS, "- full: ^Công đoàn Thanh tra\n");
}

#[test]
fn a_cluster_without_a_leader_is_warned_at_its_members_line() {
    let t = DataSite::new().edit(
        CLUSTER,
        "{ unit: tl-cd-vp-ubnd, role: cum_truong }",
        "{ unit: tl-cd-vp-ubnd }",
    );
    let d = warning(&t, "chưa có cụm trưởng");
    t.assert_at(&d, CLUSTER, "members:");
    assert_eq!(d.source_line.as_deref(), Some("members:"));
}

#[test]
fn a_criterion_missing_from_a_self_sheet_points_at_the_sheet() {
    let t = DataSite::new().edit(
        SCORES,
        "    tl-cd-vp-ubnd:\n      assessed:",
        "    tl-cd-vp-ubnd:\n      self: { I.1: 39, I.2: 20 }\n      assessed:",
    );
    let d = t.error("thiếu điểm các tiêu chí: II");
    t.assert_at(&d, SCORES, "self: ^{ I.1: 39");
    // An assessor's sheet is written on its assessor's line.
    let t = DataSite::new().edit(
        SCORES,
        "{ I.1: 39, I.2: 20, II: 36 }",
        "{ I.1: 39, I.2: 20 }",
    );
    let d = t.error("thiếu điểm các tiêu chí: II");
    t.assert_at(&d, SCORES, "tl-ldld-tinh: { I.1: 39, I.2: 20 }");
}

#[test]
fn weights_for_phases_the_cluster_year_does_not_have_are_an_error_at_its_scheme_line() {
    // The engine used to refuse this at line 1 of the scores file.
    let t = DataSite::new().edit(
        SCHEME,
        "year_from: last_phase",
        "year_from: { weighted: { dot1: 0.5, dot2: 0.25, dot3: 0.25 } }",
    );
    let d = t.error("chia trọng số cho các đợt dot1, dot2, dot3");
    assert_eq!(
        d.message,
        "biểu chấm điểm cdvc-2024 chia trọng số cho các đợt dot1, dot2, dot3, \
         nhưng Cụm năm này có các đợt dot1, dot2"
    );
    t.assert_at(&d, CLUSTER, "scheme: cdvc-2024");
    assert!(hint(&d).contains(SCHEME), "{}", d.render());
    assert!(!t.diags().iter().any(|d| d.message.contains("year_from:")));
}

// --- Symbolic links out of the site (FORMAT.md §1) ---------------------------

#[cfg(unix)]
mod links_out {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A folder outside the site holding a theme and a template with a secret.
    fn outside() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let base = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default/templates/base.html"
        ))
        .unwrap();
        let secret = base.replace("<body", "<body data-secret=\"BÍ MẬT\"");
        for rel in ["base.html", "default/templates/base.html"] {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, &secret).unwrap();
        }
        dir
    }

    /// Builds with `link` (site-relative) pointing at `target`; returns the one error.
    fn refused(
        link: &str,
        target: &std::path::Path,
        prepare: &[&str],
    ) -> bangtin::diag::Diagnostic {
        let t = common::SiteTest::new().article("content/news/2024/a.md", "A", "2024-01-01", "x");
        for dir in prepare {
            std::fs::create_dir_all(t.site().join(dir)).unwrap();
        }
        symlink(target, t.site().join(link)).unwrap();
        let errors = t.errors();
        assert_eq!(errors.len(), 1, "{}", common::render(&errors));
        assert!(!t.out().exists(), "nothing may be written");
        errors[0].clone()
    }

    fn assert_refused(d: &bangtin::diag::Diagnostic, link: &str) {
        assert!(
            d.message
                .contains("liên kết tượng trưng trỏ ra ngoài thư mục trang"),
            "{}",
            d.render()
        );
        assert_eq!(file_of(d), link, "{}", d.render());
        assert!(hint(d).contains("sao chép tệp vào trong thư mục trang"));
    }

    #[test]
    fn a_templates_folder_linked_out_of_the_site_is_refused() {
        let out = outside();
        let d = refused("templates", out.path(), &[]);
        assert_refused(&d, "templates");
    }

    #[test]
    fn a_themes_folder_linked_out_of_the_site_is_refused() {
        let out = outside();
        let d = refused("themes", out.path(), &[]);
        assert_refused(&d, "themes");
    }

    #[test]
    fn a_theme_folder_linked_out_of_the_site_is_refused() {
        let out = outside();
        let d = refused("themes/default", &out.path().join("default"), &["themes"]);
        assert_refused(&d, "themes/default");
    }

    #[test]
    fn a_template_file_linked_out_of_the_site_is_refused() {
        let out = outside();
        let d = refused(
            "templates/base.html",
            &out.path().join("base.html"),
            &["templates"],
        );
        assert_refused(&d, "templates/base.html");
    }

    /// Like [`refused`], with `link` put in place of what the site had there.
    fn refused_in_place(link: &str, target: &std::path::Path) -> bangtin::diag::Diagnostic {
        let t = common::SiteTest::new()
            .article("content/news/2024/a.md", "A", "2024-01-01", "x")
            .file("static/tai-lieu/a.txt", "x\n");
        let path = t.site().join(link);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).unwrap();
        } else if path.exists() {
            std::fs::remove_file(&path).unwrap();
        }
        symlink(target, &path).unwrap();
        let errors = t.errors();
        assert_eq!(errors.len(), 1, "{}", common::render(&errors));
        assert!(!t.out().exists(), "nothing may be written");
        errors[0].clone()
    }

    #[test]
    fn every_other_folder_and_file_linked_out_of_the_site_is_refused_before_it_is_read() {
        // The walks would otherwise follow a linked folder itself.
        let out = outside();
        std::fs::write(out.path().join("bi-mat.txt"), "BÍ MẬT\n").unwrap();
        let theme = out.path().join("default");
        for (link, target) in [
            ("static", out.path().to_path_buf()),
            ("static/tai-lieu", out.path().to_path_buf()),
            ("content", out.path().to_path_buf()),
            ("content/news", out.path().to_path_buf()),
            ("data", theme.clone()),
            ("site.yaml", out.path().join("bi-mat.txt")),
        ] {
            let d = refused_in_place(link, &target);
            assert_refused(&d, link);
        }
    }

    #[test]
    fn a_template_linked_inside_the_site_is_used() {
        let t = common::SiteTest::new().article("content/news/2024/a.md", "A", "2024-01-01", "x");
        let base = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default/templates/base.html"
        ))
        .unwrap();
        t.write(
            "mau/base.html",
            &base.replace("<body", "<body data-mau=\"1\""),
        );
        std::fs::create_dir_all(t.site().join("templates")).unwrap();
        symlink(
            t.site().join("mau/base.html"),
            t.site().join("templates/base.html"),
        )
        .unwrap();
        t.built();
        assert!(t.read("index.html").contains("data-mau=\"1\""));
    }
}

// --- CSV formulas (FORMAT.md §10) ---------------------------------------------

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let t = DataSite::new()
        .edit(
            UNITS,
            "names: [{ full: Công đoàn Thanh tra tỉnh }]",
            "names: [{ full: '=HYPERLINK(\"http://x.vn\")' }]",
        )
        .edit(
            SCORES,
            "      penalties: [{ item: P1 }]",
            "      penalties: [{ item: P1, count: 200 }]\n      note: \"@SUM(1+1)\"",
        );
    t.assert_no_errors();
    t.site.built();
    let csv = t.site.read("cum-thi-dua/cum-1/2024/ket-qua.csv");
    let row = csv
        .lines()
        .find(|l| l.starts_with("tl-cd-thanh-tra,"))
        .unwrap_or_else(|| panic!("{csv}"));
    assert!(
        row.contains(",\"'=HYPERLINK(\"\"http://x.vn\"\")\","),
        "{row}"
    );
    assert!(row.ends_with(",'@SUM(1+1)"), "{row}");
    // The total stays a number a spreadsheet adds up: 96,5 + 2 − 200.
    assert!(row.contains(",-101.50,"), "{row}");
}

// --- Nothing leaked into output/ -----------------------------------------------

/// A 16×16 JPEG with an EXIF block holding a GPS position, as a phone writes it.
fn jpeg_with_gps() -> Vec<u8> {
    use image::ImageEncoder;
    let img = image::RgbImage::from_fn(16, 16, |x, _| image::Rgb([x as u8 * 15, 40, 200]));
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
        .write_image(img.as_raw(), 16, 16, image::ExtendedColorType::Rgb8)
        .unwrap();
    // TIFF (little-endian): IFD0 with a GPS pointer; the GPS IFD with `N`.
    let mut tiff: Vec<u8> = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&[1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]);
    tiff.extend_from_slice(&[1, 0, 1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0GPSMARK".to_vec();
    app1.truncate(6);
    app1.extend_from_slice(&tiff);
    let len = (app1.len() + 2) as u16;
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

#[test]
fn drafts_hidden_files_backups_git_and_photo_metadata_never_reach_the_output() {
    const SECRET: &str = "BÍ-MẬT-KHÔNG-ĐĂNG";
    let draft = format!("---\ntitle: {SECRET}\ndate: 2024-02-01\ndraft: true\n---\n{SECRET}\n");
    let bundle = "---\ntitle: Ảnh hội nghị\ndate: 2024-02-02\n---\n![Toàn cảnh](toan-canh.jpg)\n";
    let mut t = article_site("Bài thường.")
        .file("content/news/2024/nhap.md", &draft)
        .file("content/news/2024/anh/index.md", bundle)
        .bytes("content/news/2024/anh/toan-canh.jpg", &jpeg_with_gps())
        .file("static/ok.txt", "công khai\n");
    let leaks = [
        "static/.hidden",
        "static/_x",
        "static/a.md~",
        "static/.a.swp",
        "static/#a#",
        "static/.git/HEAD",
        "content/news/2024/a.md~",
        "content/news/2024/.a.md.swp",
        "content/news/2024/#a.md#",
        "content/news/2024/anh/ghi-chu.txt~",
        "content/news/2024/anh/#ghi-chu.txt#",
        "content/news/2024/anh/.ghi-chu.txt.swp",
        "content/news/2024/anh/~$bao-cao.docx",
        ".git/config",
        ".git/HEAD",
    ];
    for rel in leaks {
        t = t.file(rel, &format!("{SECRET}\n"));
    }
    t.built();
    let files = common::files_under(&t.out());
    assert!(files.contains(&"ok.txt".to_string()), "{files:?}");
    let leaked: Vec<&String> = files
        .iter()
        .filter(|f| {
            let name = f.rsplit('/').next().unwrap_or(f);
            name.starts_with(['.', '_', '#', '~']) && name != ".bangtin-output"
                || name.ends_with('~')
                || name.ends_with(".swp")
                || f.contains(".git")
                || f.contains("nhap")
        })
        .collect();
    assert!(leaked.is_empty(), "leaked: {leaked:?}");
    for f in &files {
        let bytes = std::fs::read(t.out().join(f)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(SECRET), "{f} holds the secret");
        if f.ends_with(".jpg") || f.ends_with(".webp") || f.ends_with(".jpeg") {
            assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{f} keeps EXIF");
        }
    }
    assert!(
        files
            .iter()
            .any(|f| f.ends_with(".webp") || f.ends_with(".jpg")),
        "{files:?}"
    );
}
