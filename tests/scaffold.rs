//! `bangtin init` and `bangtin new …`: what they write, that it builds, and
//! that they never write outside a site or over a file.

mod common;

use std::path::Path;

use common::{Run, run_bin};

fn bangtin(args: &[&str], dir: &Path) -> Run {
    run_bin(env!("CARGO_BIN_EXE_bangtin"), args, dir, &[])
}

fn year() -> i16 {
    jiff::Zoned::now().year()
}

#[test]
fn init_makes_a_site_whose_first_build_shows_a_ranked_cluster_year() {
    let tmp = tempfile::tempdir().unwrap();
    let r = bangtin(&["init", "thi-dua"], tmp.path());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let site = tmp.path().join("thi-dua");
    let y = year();
    for rel in [
        "site.yaml".to_string(),
        "data/units.yaml".into(),
        "data/awards.yaml".into(),
        format!("data/schemes/bieu-cham-{y}.yaml"),
        format!("data/clusters/{y}/tl-cum-1.yaml"),
        format!("data/scores/{y}/tl-cum-1.yaml"),
    ] {
        let text = std::fs::read_to_string(site.join(&rel)).unwrap();
        assert!(text.starts_with("# "), "{rel} starts with a comment");
    }
    let site_yaml = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    assert!(site_yaml.contains("\norganiser: tl-cdvc\n"), "{site_yaml}");

    let r = bangtin(&["build"], &site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.is_empty(), "no warnings: {}", r.stderr);
    assert!(r.stdout.contains(", 0 cảnh báo trong "), "{}", r.stdout);
    let out = site.join("output");
    assert!(out.join("cum-thi-dua/index.html").is_file());
    let page =
        std::fs::read_to_string(out.join(format!("cum-thi-dua/tl-cum-1/{y}/index.html"))).unwrap();
    assert!(page.contains("Xếp thứ"), "the page has a results table");
    assert!(page.contains("98,50"), "totals shown the Vietnamese way");

    let json = std::fs::read_to_string(out.join(format!("cum-thi-dua/tl-cum-1/{y}/ket-qua.json")))
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows: Vec<(String, String, i64, String, Vec<String>)> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["unit"].as_str().unwrap().to_string(),
                r["total"].as_str().unwrap().to_string(),
                r["rank"].as_i64().unwrap(),
                r["classification"].as_str().unwrap().to_string(),
                r["eligible"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    // By hand, from src/scaffold/data/scores/scores.yaml (self_only, so the
    // self sheet is the result; bonus B1 is 1 point, at most 2; P1 is -0,5):
    //   Sở Y tế      29,5 + 10 + 10 + 48 = 97,5; + 1 (B1 × 1)       = 98,50 → 1, Xuất sắc, co-thi-dua
    //   Sở GD&ĐT     28 + 9,5 + 10 + 50  = 97,5; − 0,5 (P1 × 1)     = 97,00 → 2, Xuất sắc, giay-khen
    //   Sở Tài chính 27 + 9 + 10 + 46    = 92;   + 2 (B1 × 2, cap 2) = 94,00 → 3, Tốt, giay-khen
    //   Sở Tư pháp   26 + 8 + 10 + 50    = 94                        = 94,00 → 4, Tốt (tie-break
    //                criterion I: Tài chính 27 + 9 = 36 > Tư pháp 26 + 8 = 34; giay-khen's quota of 2 is used)
    //   Sở Nội vụ    29,5 + 8,5 + 0 + 49 = 87                        = 87,00 → 5, Tốt (≥ 85)
    let s = |x: &str| x.to_string();
    let expected = vec![
        (
            s("tl-cd-so-y-te"),
            s("98.50"),
            1,
            s("Xuất sắc"),
            vec![s("co-thi-dua")],
        ),
        (
            s("tl-cd-so-gddt"),
            s("97.00"),
            2,
            s("Xuất sắc"),
            vec![s("giay-khen")],
        ),
        (
            s("tl-cd-so-tai-chinh"),
            s("94.00"),
            3,
            s("Tốt"),
            vec![s("giay-khen")],
        ),
        (s("tl-cd-so-tu-phap"), s("94.00"), 4, s("Tốt"), vec![]),
        (s("tl-cd-so-noi-vu"), s("87.00"), 5, s("Tốt"), vec![]),
    ];
    assert_eq!(rows, expected);
}

#[test]
fn new_article_takes_a_title_or_the_article_subcommand_and_writes_a_draft() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(bangtin(&["init", "s"], tmp.path()).code, Some(0));
    let site = tmp.path().join("s");
    let y = year();
    let r = bangtin(&["new", "Hội nghị sơ kết"], &site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let rel = format!("content/news/{y}/hoi-nghi-so-ket/index.md");
    assert_eq!(r.stdout, format!("Đã tạo bài viết {rel}\n"));
    let r = bangtin(
        &["new", "article", "Hội nghị tổng kết", "--site", "."],
        &site,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let text =
        std::fs::read_to_string(site.join(format!("content/news/{y}/hoi-nghi-tong-ket/index.md")))
            .unwrap();
    assert!(text.starts_with("---\ntitle: \"Hội nghị tổng kết\"\ndate: "));
    assert!(text.contains("\ndraft: true\n"), "{text}");
    for key in [
        "summary",
        "byline",
        "tags",
        "cluster",
        "cluster_year",
        "units",
        "cover",
        "photos",
        "aliases",
    ] {
        assert!(
            text.contains(&format!("\n# {key}:")) || text.contains(&format!("\n{key}: ")),
            "{key} in:\n{text}"
        );
    }
    assert!(
        text.contains("caption: ") && text.contains("alt: "),
        "{text}"
    );
    // Drafts are skipped by default and build cleanly with --drafts.
    let r = bangtin(&["build", "--drafts", "--deny-warnings"], &site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = bangtin(&["new", "article", "Hội nghị tổng kết"], &site);
    assert_eq!(r.code, Some(1), "never overwrites");
    assert!(r.stderr.contains("đã có"), "{}", r.stderr);
}

#[test]
fn a_title_without_letters_or_digits_is_refused_with_a_true_hint() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("site.yaml"), common::SITE_YAML).unwrap();
    let r = bangtin(&["new", "…"], tmp.path());
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        "lỗi: không tạo được địa chỉ bài viết từ tiêu đề `…`\n  = gợi ý: tiêu đề cần ít nhất một chữ cái hoặc chữ số, ví dụ \"Hội nghị ký kết giao ước thi đua năm 2025\"\n\n"
    );
    assert!(!r.stderr.contains("slug"));
}

#[test]
fn scaffolds_refuse_to_write_outside_a_site() {
    let tmp = tempfile::tempdir().unwrap();
    let abs = std::path::absolute(tmp.path().join("site.yaml")).unwrap();
    for args in [vec!["new", "Tiêu đề"], vec!["new", "article", "Tiêu đề"]] {
        let r = bangtin(&args, tmp.path());
        assert_eq!(r.code, Some(1), "{args:?}");
        assert_eq!(
            r.stderr,
            format!(
                "lỗi: không có {}: đây không phải thư mục trang nên không tạo gì\n  = gợi ý: chạy lệnh trong thư mục của trang, dùng --site THƯ_MỤC, hoặc tạo trang mới bằng `bangtin init THƯ_MỤC`\n\n",
                abs.display()
            ),
            "{args:?}"
        );
        assert!(
            common::files_under(tmp.path()).is_empty(),
            "nothing written"
        );
    }
}

/// A copy of the repository's example site in a temporary folder.
fn example_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in walkdir::WalkDir::new(repo) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(repo).unwrap();
        let top = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        if !matches!(
            top.as_deref(),
            Some("site.yaml" | "content" | "data" | "static")
        ) {
            continue;
        }
        let to = tmp.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    tmp
}

#[test]
fn new_cluster_year_starts_from_the_latest_earlier_year_and_checks_clean() {
    let tmp = example_site();
    let site = tmp.path();
    // 2025 from 2024: a merged unit and a unit that left are left out, the
    // roles rotate by 2024's next_year, the documents become comments.
    std::fs::remove_file(site.join("data/clusters/2025/cdvc-cum-3.yaml")).unwrap();
    let r = bangtin(&["new", "cluster-year", "cdvc-cum-3", "2025"], site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "Đã tạo data/clusters/2025/cdvc-cum-3.yaml. Kiểm tra lại các giả định sau rồi chạy bangtin check:
  - lấy từ data/clusters/2024/cdvc-cum-3.yaml
  - thời gian: 2025-01-01 đến 2025-12-31 (năm trước dời sang năm mới)
  - giữ biểu chấm điểm `cdvc-2024` của năm 2024; đổi `scheme:` nếu năm nay có biểu mới
  - giữ 2 đợt của năm trước, ngày dời sang năm 2025
  - bỏ tl-cd-so-khdt: đã sáp nhập vào tl-cd-so-tai-chinh ngày 2025-03-01
  - bỏ tl-cd-vp-dieu-phoi-ntm: đã rời Cụm ngày 2024-09-30
  - cụm trưởng tl-cd-so-tu-phap, cụm phó tl-cd-thanh-tra: theo `next_year` của năm 2024
  - 2 văn bản của năm trước chỉ ghi thành chú thích (tệp của năm nay chưa có)
"
    );
    let text = std::fs::read_to_string(site.join("data/clusters/2025/cdvc-cum-3.yaml")).unwrap();
    for line in [
        "id: cdvc-cum-3",
        "year: 2025",
        "name: Cụm thi đua số 3 Công đoàn Viên chức tỉnh Thanh Lâm",
        "organiser: tl-cdvc-tinh",
        "number: 3",
        "period: { from: 2025-01-01, until: 2025-12-31 }",
        "scheme: cdvc-2024",
        "  - { id: dot2, name: Đợt 2, until: 2025-12-31 }",
        "members:\n  - { unit: tl-cd-vp-ubnd }\n  - { unit: tl-cd-so-tu-phap, role: cum_truong }\n  - { unit: tl-cd-thanh-tra, role: cum_pho }\n  - { unit: tl-cd-so-noi-vu }\n  - { unit: tl-cd-ban-dan-toc }\n  - { unit: tl-cd-cuc-thong-ke }\n",
        "#   - { kind: ke_hoach, title: Kế hoạch hoạt động năm 2025, file: docs/2025/cum-3/ke-hoach.pdf }",
    ] {
        assert!(text.contains(line), "no {line:?} in:\n{text}");
    }
    assert!(!text.contains("\ndocuments:"), "no live documents entry");
    assert!(!text.contains("from: 2024") && !text.contains("left_reason"));

    // A new year from 2025 (no next_year there: the roles are kept).
    let r = bangtin(&["new", "cluster-year", "cdvc-cum-1", "2026"], site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("không ghi `next_year`"), "{}", r.stdout);

    let r = bangtin(&["check"], site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.starts_with("Không có lỗi: "), "{}", r.stdout);

    // Never over a file; an unknown cluster gets the closest id; no earlier year.
    let r = bangtin(&["new", "cluster-year", "cdvc-cum-3", "2025"], site);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        "lỗi: data/clusters/2025/cdvc-cum-3.yaml đã có; bangtin không ghi đè\n  = gợi ý: sửa tệp đã có, hoặc tự xóa nó trước nếu muốn tạo lại\n\n"
    );
    let r = bangtin(&["new", "cluster-year", "cdvc-cum-33", "2026"], site);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        "lỗi: không có Cụm thi đua nào mã `cdvc-cum-33`\n  = gợi ý: có phải ý bạn là `cdvc-cum-3`?\n\n"
    );
    let r = bangtin(&["new", "cluster-year", "cdvc-cum-3", "2022"], site);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        "lỗi: Cụm `cdvc-cum-3` chưa có tệp của năm nào trước năm 2022 để làm mẫu\n  = gợi ý: viết tệp data/clusters/2022/cdvc-cum-3.yaml bằng tay theo docs/format.md mục 10.4\n\n"
    );
}

#[test]
fn new_scores_lists_every_member_and_leaf_and_loads_as_not_scored_until_filled() {
    let tmp = example_site();
    let site = tmp.path();
    let r = bangtin(&["new", "scores", "cdvc-cum-1", "2024"], site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "Đã tạo data/scores/2024/cdvc-cum-1.yaml (đợt ca-nam). Điền điểm rồi chạy bangtin check\n"
    );
    let rel = "data/scores/2024/cdvc-cum-1.yaml";
    let text = std::fs::read_to_string(site.join(rel)).unwrap();
    // cdvc-2024 is `panel` with `final_from: assessed`: self and the organiser's sheet.
    let first_unit = "    tl-cd-so-y-te:
      self:
        I.1:    # Hoàn thành chỉ tiêu, kế hoạch năm (tối đa 20, bước 0,5)
        I.2:    # Cải cách hành chính, chuyển đổi số (tối đa 10, bước 0,5)
        II.1:   # Đăng ký thi đua đúng hạn (0 hoặc 5)
        II.2:   # Tỷ lệ đoàn viên xuất sắc (tối đa 10, theo tỷ lệ: ghi { actual: \"0,82\" } so với chỉ tiêu 0,85, hoặc số điểm)
        II.3:   # Tham gia hoạt động chung của Cụm (tối đa 55, bước 1)
      # Điểm do đơn vị tổ chức (hội đồng) chấm; đổi mã nếu đơn vị chấm khác
      assessed:
        tl-cdvc-tinh:
          I.1:    # Hoàn thành chỉ tiêu, kế hoạch năm (tối đa 20, bước 0,5)
          I.2:    # Cải cách hành chính, chuyển đổi số (tối đa 10, bước 0,5)
          II.1:   # Đăng ký thi đua đúng hạn (0 hoặc 5)
          II.2:   # Tỷ lệ đoàn viên xuất sắc (tối đa 10, theo tỷ lệ: ghi { actual: \"0,82\" } so với chỉ tiêu 0,85, hoặc số điểm)
          II.3:   # Tham gia hoạt động chung của Cụm (tối đa 55, bước 1)
      bonus: []
      #   B1: Được tặng Cờ thi đua hoặc Bằng khen cấp tỉnh trở lên (2 điểm)
      #   B2: Có mô hình mới được Cụm công nhận (1 điểm)
      penalties: []
      #   P1: Gửi báo cáo chậm (-0,5 điểm)
      #   P2: Vắng hoạt động chung không có lý do (-2 điểm)
";
    assert!(
        text.contains(
            "cluster: cdvc-cum-1\nyear: 2024\ndecimal_separator: \",\"\nphases:\n  ca-nam:\n"
        ),
        "{text}"
    );
    assert!(text.contains(first_unit), "{text}");
    let units = common::book::UNITS;
    for u in units {
        assert!(text.contains(&format!("\n    {u}:\n      self:\n")), "{u}");
    }

    // Fresh: it loads, one warning per member, no error.
    let r = bangtin(&["check"], site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let warnings: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("cảnh báo: "))
        .collect();
    assert_eq!(warnings.len(), 7, "{}", r.stderr);
    assert_eq!(
        warnings[0],
        "cảnh báo: tl-cd-so-y-te chưa được chấm: 5 tiêu chí còn để trống (I.1, I.2, II.1, II.2, II.3); đơn vị hiện \"chưa chấm\" cho đến khi điền đủ"
    );
    assert!(!r.stderr.contains("lỗi:"), "{}", r.stderr);

    // Filled in: every unit ranked. Unit i gets II.3 = 50 - i, so the ranks follow the member order.
    let mut filled = String::new();
    let mut unit = 0;
    for line in text.lines() {
        let key = line.trim_start().split(':').next().unwrap_or("");
        let value = match key {
            "I.1" => Some("20".to_string()),
            "I.2" => Some("10".to_string()),
            "II.1" => Some("5".to_string()),
            "II.2" => Some("{ actual: \"0,85\" }".to_string()),
            "II.3" => Some(format!("{}", 50 - unit)),
            _ => None,
        };
        if line.starts_with("      bonus:") {
            unit += 1;
        }
        match value {
            Some(v) if line.contains(&format!("{key}:")) && line.contains('#') => {
                let indent = &line[..line.len() - line.trim_start().len()];
                filled.push_str(&format!("{indent}{key}: {v}\n"));
            }
            _ => {
                filled.push_str(line);
                filled.push('\n');
            }
        }
    }
    std::fs::write(site.join(rel), filled).unwrap();
    let out = tmp.path().join("out");
    let r = bangtin(
        &[
            "build",
            "--output",
            out.to_str().unwrap(),
            "--deny-warnings",
        ],
        site,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let json =
        std::fs::read_to_string(out.join("cum-thi-dua/cdvc-cum-1/2024/ket-qua.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ranked: Vec<(String, String, i64)> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["unit"].as_str().unwrap().to_string(),
                r["total"].as_str().unwrap().to_string(),
                r["rank"].as_i64().unwrap(),
            )
        })
        .collect();
    // 20 + 10 + 5 + min(0,85 / 0,85, 1) × 10 + (50 − i) = 95 − i for the i-th member.
    let expected: Vec<(String, String, i64)> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.to_string(), format!("{}.00", 95 - i), i as i64 + 1))
        .collect();
    assert_eq!(ranked, expected);

    let r = bangtin(&["new", "scores", "cdvc-cum-1", "2024"], site);
    assert_eq!(r.code, Some(1), "never overwrites");
    let r = bangtin(&["new", "scores", "cdvc-cum-3", "2025"], site);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .starts_with("lỗi: Cụm `cdvc-cum-3` năm 2025 chưa khai báo biểu chấm điểm"),
        "{}",
        r.stderr
    );
    std::fs::remove_file(site.join("data/scores/2024/cdvc-cum-3.yaml")).unwrap();
    let r = bangtin(
        &["new", "scores", "cdvc-cum-3", "2024", "--phase", "dot3"],
        site,
    );
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains("có phải ý bạn là `dot1`?"),
        "{}",
        r.stderr
    );
}
