//! Scores, outcomes and references into the data (FORMAT.md §7, §8, §3): each
//! check gets a bad input and an error naming file, line, column and a hint;
//! a valid tree computes the ranking worked out by hand below.

mod common;
mod data_fixture;

use bangtin::results::RowStatus;
use data_fixture::*;
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Panel of two assessors, year = last phase (dot2):
/// - vp-ubnd: I.1 (39,5 + 39) / 2 = 39,25; I.2 20; II (37 + 36) / 2 = 36,5 → 95,75;
///   B1 twice = 4 (item cap 4), scheme cap 3 bites → 98,75, Xuất sắc, Cờ thi đua.
/// - so-tu-phap: 40 + 20 + 35,5 = 95,5; B1 once = 2 → 97,5.
/// - thanh-tra: 39 + 20 + 37,5 = 96,5; B1 = 2, P1 = 1 → 97,5: tied with so-tu-phap,
///   ahead on `criterion:II` (37,5 > 35,5) although listed after it.
#[test]
fn a_valid_tree_loads_cleanly_and_ranks_by_hand() {
    let (data, diags) = DataSite::new().load();
    assert!(diags.is_empty(), "{}", common::render(&diags));
    let cy = &data.cluster_years[0];
    assert_eq!((cy.id.as_str(), cy.year), ("cum-1", 2024));
    let year = &cy.results.as_ref().expect("results").year;
    let rows: Vec<(&str, Option<u32>, Option<Decimal>)> = year
        .rows
        .iter()
        .map(|r| (r.unit.as_str(), r.rank, r.total))
        .collect();
    assert_eq!(
        rows,
        [
            ("tl-cd-vp-ubnd", Some(1), Some(dec("98.75"))),
            ("tl-cd-thanh-tra", Some(2), Some(dec("97.5"))),
            ("tl-cd-so-tu-phap", Some(3), Some(dec("97.5"))),
        ]
    );
    let first = &year.rows[0];
    assert_eq!(first.bonus, Some(dec("3")));
    assert_eq!(first.assessed_total, Some(dec("95.75")));
    assert_eq!(first.classification.as_deref(), Some("Xuất sắc"));
    assert_eq!(first.eligible, ["co-thi-dua"]);
    let criteria: Vec<(&str, Decimal)> = first
        .criteria
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        criteria,
        [
            ("I", dec("59.25")),
            ("I.1", dec("39.25")),
            ("I.2", dec("20")),
            ("II", dec("36.5"))
        ]
    );
    assert_eq!(year.rows[1].penalty, Some(dec("1")));
    assert_eq!(year.rows[2].classification.as_deref(), Some("Tốt"));
    assert!(year.rows.iter().all(|r| r.status == RowStatus::Ranked));
}

/// The sheet of `tl-cdvc-tinh` for `tl-cd-so-tu-phap` in the default scores.
const SHEET: &str = "{ I.1: 40, I.2: 20, II: 35 }";

fn sheet(to: &str) -> DataSite {
    DataSite::new().edit(SCORES, SHEET, to)
}

// --- Score values (§7) ------------------------------------------------------

#[test]
fn a_score_above_its_max_names_the_file_line_and_criterion() {
    let t = sheet("{ I.1: \"40,5\", I.2: 20, II: 35 }");
    let d = t.error("điểm 40,5 của tiêu chí I.1 nằm ngoài khoảng 0 – 40");
    t.assert_at(&d, SCORES, "\"40,5\"");
    assert!(hint(&d).contains("40"));
}

#[test]
fn a_score_below_zero_is_out_of_range() {
    let t = sheet("{ I.1: 40, I.2: 20, II: -1 }");
    let d = t.error("điểm -1 của tiêu chí II nằm ngoài khoảng 0 – 40");
    t.assert_at(&d, SCORES, "II: ^-1");
}

#[test]
fn a_score_off_its_step_is_an_error() {
    let t = sheet("{ I.1: 40, I.2: 20, II: \"35,25\" }");
    let d = t.error("điểm 35,25 không theo bước chấm 0,5");
    t.assert_at(&d, SCORES, "\"35,25\"");
}

#[test]
fn a_fixed_criterion_takes_zero_or_its_max_only() {
    let t = sheet("{ I.1: 40, I.2: 10, II: 35 }");
    let d = t.error("tiêu chí I.2 chỉ chấm 0 hoặc 20");
    t.assert_at(&d, SCORES, "10, II: 35");
    sheet("{ I.1: 40, I.2: 0, II: 35 }").assert_no_errors();
}

#[test]
fn actual_applies_only_to_a_proportional_criterion() {
    let t = sheet("{ I.1: 40, I.2: 20, II: { actual: \"0,8\" } }");
    let d = t.error("tiêu chí II không tính theo tỷ lệ");
    t.assert_at(&d, SCORES, "\"0,8\"");
}

#[test]
fn an_unknown_criterion_id_gets_the_closest_one() {
    let t = sheet("{ I.1: 40, I.2: 20, II: 35, Il.1: 3 }");
    let d = t.error("không có tiêu chí nào mã `Il.1`");
    t.assert_at(&d, SCORES, "Il.1");
    assert!(hint(&d).contains("`I.1`"), "{}", d.render());
}

#[test]
fn a_parent_criterion_is_never_scored_directly() {
    let t = sheet("{ I: 60, I.1: 40, I.2: 20, II: 35 }");
    let d = t.error("tiêu chí I có tiêu chí con");
    t.assert_at(&d, SCORES, "I: 60");
}

#[test]
fn a_missing_criterion_is_an_error_unless_the_unit_is_partial() {
    let t = sheet("{ I.1: 40, I.2: 20 }");
    let d = t.error("thiếu điểm các tiêu chí: II");
    t.assert_at(&d, SCORES, "tl-cdvc-tinh: { I.1: 40, I.2: 20 }");
    assert!(hint(&d).contains("status: partial"));
    let partial = sheet("{ I.1: 40, I.2: 20 }").edit(
        SCORES,
        "    tl-cd-so-tu-phap:\n",
        "    tl-cd-so-tu-phap:\n      status: partial\n",
    );
    let (data, diags) = partial.load();
    assert!(diags.is_empty(), "{}", common::render(&diags));
    let year = &data.cluster_years[0].results.as_ref().unwrap().year;
    let row = year
        .rows
        .iter()
        .find(|r| r.unit == "tl-cd-so-tu-phap")
        .unwrap();
    assert_eq!((row.status, row.rank), (RowStatus::Partial, None));
}

// --- Decimal separators (§7) ------------------------------------------------

#[test]
fn a_grouped_number_is_ambiguous_under_a_comma_separator() {
    let t = sheet("{ I.1: \"1.250\", I.2: 20, II: 35 }");
    let d = t.error("không rõ `1.250`");
    t.assert_at(&d, SCORES, "\"1.250\"");
    assert!(hint(&d).contains("1250"));
}

#[test]
fn an_unquoted_dot_decimal_under_a_comma_separator_is_the_wrong_separator() {
    let t = DataSite::new().edit(SCORES, "\"39,5\"", "39.5");
    let d = t.error("`39.5` dùng dấu thập phân khác");
    t.assert_at(&d, SCORES, "39.5");
}

#[test]
fn a_dot_separator_reads_dot_decimals_exactly() {
    let t = DataSite::new()
        .edit(
            SCORES,
            "decimal_separator: \",\"",
            "decimal_separator: \".\"",
        )
        .edit(SCORES, "\"39,5\"", "39.5");
    let (data, diags) = t.load();
    assert!(diags.is_empty(), "{}", common::render(&diags));
    let year = &data.cluster_years[0].results.as_ref().unwrap().year;
    assert_eq!(year.rows[0].total, Some(dec("98.75")));
}

// --- Units, phases and assessors in a scores file (§7, §11) -----------------

#[test]
fn an_unknown_phase_gets_the_closest_phase() {
    let t = DataSite::new().edit(SCORES, "  dot2:", "  dott2:");
    let d = t.error("không có đợt nào mã `dott2`");
    t.assert_at(&d, SCORES, "dott2");
    assert!(hint(&d).contains("`dot2`"));
}

#[test]
fn a_unit_that_is_not_a_member_is_an_error_and_a_typo_gets_the_closest_member() {
    let t = DataSite::new().edit(SCORES, "    tl-cd-thanh-tra:", "    tl-cd-cuc-thong-ke:");
    let d = t.error("tl-cd-cuc-thong-ke không phải thành viên của Cụm cum-1");
    t.assert_at(&d, SCORES, "tl-cd-cuc-thong-ke:");
    let t = DataSite::new().edit(SCORES, "    tl-cd-thanh-tra:", "    tl-cd-thanhtra:");
    let d = t.error("không có thành viên của Cụm nào mã `tl-cd-thanhtra`");
    t.assert_at(&d, SCORES, "tl-cd-thanhtra:");
    assert!(hint(&d).contains("`tl-cd-thanh-tra`"));
}

#[test]
fn a_unit_scored_in_a_phase_outside_its_membership_is_an_error() {
    let t = DataSite::new().edit(
        CLUSTER,
        "{ unit: tl-cd-thanh-tra }",
        "{ unit: tl-cd-thanh-tra, until: 2024-06-30 }",
    );
    let d = t.error("tl-cd-thanh-tra không là thành viên trong thời gian của đợt dot2");
    t.assert_at(&d, SCORES, "tl-cd-thanh-tra:");
}

#[test]
fn a_unit_among_its_own_assessors_is_an_error() {
    let t = DataSite::new().edit(
        SCORES,
        "tl-ldld-tinh: { I.1: 39, I.2: 20, II: 38 }",
        "tl-cd-thanh-tra: { I.1: 39, I.2: 20, II: 38 }",
    );
    let d = t.error("không tự chấm mình");
    t.assert_at(&d, SCORES, "tl-cd-thanh-tra: { I.1");
}

#[test]
fn an_unknown_assessor_gets_the_closest_unit() {
    let t = DataSite::new().edit(
        SCORES,
        "tl-ldld-tinh: { I.1: 39, I.2: 20, II: 38 }",
        "tl-ldld-tihn: { I.1: 39, I.2: 20, II: 38 }",
    );
    let d = t.error("không có đơn vị nào mã `tl-ldld-tihn`");
    t.assert_at(&d, SCORES, "tl-ldld-tihn");
    assert!(hint(&d).contains("`tl-ldld-tinh`"));
}

#[test]
fn a_trimmed_cross_mean_needs_three_assessors() {
    let t = DataSite::new()
        .edit(
            SCHEME,
            "assessed_by: panel",
            "assessed_by: cross_mean_trimmed",
        )
        .edit(
            SCORES,
            "tl-cdvc-tinh: { I.1: \"39,5\"",
            "tl-cd-so-tu-phap: { I.1: \"39,5\"",
        )
        .edit(
            SCORES,
            "tl-ldld-tinh: { I.1: 39, I.2: 20, II: 36 }",
            "tl-cd-thanh-tra: { I.1: 39, I.2: 20, II: 36 }",
        );
    let d = t.error("cần ít nhất 3 phiếu chấm, ở đây có 2");
    // Reported at the unit whose sheets are too few.
    assert_eq!((file_of(&d).as_str(), d.line), (SCORES, 6));
    assert!(
        d.source_line
            .as_deref()
            .unwrap_or("")
            .contains("tl-cd-vp-ubnd:")
    );
}

#[test]
fn an_unknown_bonus_item_gets_the_closest_item() {
    let t = DataSite::new().edit(SCORES, "item: B1, count: 2", "item: B2, count: 2");
    let d = t.error("không có mục điểm thưởng nào mã `B2`");
    t.assert_at(&d, SCORES, "B2");
    assert!(hint(&d).contains("`B1`"));
}

#[test]
fn scores_for_a_cluster_year_that_does_not_exist_are_an_error() {
    let text = DataSite::new()
        .text(SCORES)
        .replace("year: 2024", "year: 2023");
    let t = DataSite::new().file("data/scores/2023/cum-1.yaml", &text);
    let d = t.error("không có Cụm `cum-1` năm 2023");
    assert_eq!(
        (file_of(&d).as_str(), d.line),
        ("data/scores/2023/cum-1.yaml", 1)
    );
    assert!(
        hint(&d).contains("data/clusters/2023/cum-1.yaml"),
        "{}",
        d.render()
    );
    let t = DataSite::new().edit(SCORES, "cluster: cum-1", "cluster: cum-2");
    let d = t.error("mã `cum-2` khác tên tệp `cum-1`");
    t.assert_at(&d, SCORES, "cum-2");
}

// --- data/outcomes/<year>/<id>.yaml (§8) ------------------------------------

fn outcomes(from: &str, to: &str) -> DataSite {
    assert!(OUTCOMES_YAML.contains(from), "{from:?}");
    DataSite::new().file(OUTCOMES, &OUTCOMES_YAML.replacen(from, to, 1))
}

#[test]
fn valid_outcomes_load_cleanly() {
    outcomes("", "").assert_no_errors();
}

#[test]
fn votes_for_a_unit_cannot_exceed_those_present() {
    let t = outcomes("for: 3", "for: 4");
    let d = t.error("4 phiếu nhiều hơn số người dự 3");
    t.assert_at(&d, OUTCOMES, "4 }");
}

#[test]
fn a_proposal_for_an_unknown_award_gets_the_closest_award() {
    let t = outcomes("award: co-thi-dua", "award: co-thi-dau");
    let d = t.error("không có hình thức khen thưởng nào mã `co-thi-dau`");
    t.assert_at(&d, OUTCOMES, "co-thi-dau");
    assert!(hint(&d).contains("`co-thi-dua`"));
}

#[test]
fn an_override_winner_must_be_one_of_its_units() {
    let t = outcomes("winner: tl-cd-thanh-tra", "winner: tl-cd-vp-ubnd");
    let d = t.error("`tl-cd-vp-ubnd`");
    assert!(d.message.contains("danh sách `units`"), "{}", d.render());
    t.assert_at(&d, OUTCOMES, "tl-cd-vp-ubnd, reason");
}

// --- Front matter that points into data/ (§3) -------------------------------

fn article_errors(front: &str) -> (DataSite, Vec<bangtin::diag::Diagnostic>) {
    let t = DataSite::new().file(
        "content/news/2024/a.md",
        &format!("---\ntitle: Hội nghị\ndate: 2024-03-14\n{front}---\nThân bài\n"),
    );
    let (data, ds) = t.load();
    assert!(ds.is_empty(), "{}", common::render(&ds));
    let loaded = bangtin::content::load(&t.site.site(), jiff::tz::Offset::constant(7));
    let (docs, ds) = (loaded.docs, loaded.diagnostics);
    assert!(!ds.has_errors(), "{:?}", ds.sorted());
    let errs = bangtin::data::check_documents(&data, &docs);
    (t, errs)
}

fn assert_in_article(d: &bangtin::diag::Diagnostic, line: usize, column: usize) {
    assert_eq!(
        (file_of(d).as_str(), d.line, d.column),
        ("content/news/2024/a.md", line, column),
        "{}",
        d.render()
    );
}

#[test]
fn an_article_naming_an_unknown_cluster_gets_the_closest_cluster() {
    let (_, errs) = article_errors("cluster: cum-l\n");
    let d = common::find(&errs, "không có Cụm thi đua nào mã `cum-l`");
    assert_in_article(d, 4, 10);
    assert!(hint(d).contains("`cum-1`"));
}

#[test]
fn an_article_about_a_cluster_year_without_data_lists_the_years_with_data() {
    let (_, errs) = article_errors("cluster: cum-1\ncluster_year: 2023\n");
    let d = common::find(&errs, "Cụm `cum-1` không có dữ liệu năm 2023");
    assert_in_article(d, 5, 15);
    assert!(hint(d).contains("2024"));
    let (_, errs) = article_errors("cluster: cum-1\n");
    assert!(errs.is_empty(), "{}", common::render(&errs));
}

#[test]
fn an_article_naming_an_unknown_unit_gets_the_closest_unit() {
    let (_, errs) = article_errors("units: [tl-cd-vp-ubnd, tl-cd-thanh-tr]\n");
    assert_eq!(errs.len(), 1, "{}", common::render(&errs));
    let d = common::find(&errs, "không có đơn vị nào mã `tl-cd-thanh-tr`");
    assert_in_article(d, 4, 24);
    assert!(hint(d).contains("`tl-cd-thanh-tra`"));
}

#[test]
fn a_cross_assessor_must_be_a_member_of_the_phase() {
    let t = DataSite::new().edit(SCHEME, "assessed_by: panel", "assessed_by: cross_mean");
    let found: Vec<bangtin::diag::Diagnostic> = t
        .diags()
        .into_iter()
        .filter(|d| {
            d.message
                .contains("đơn vị chấm tl-cdvc-tinh không là thành viên")
        })
        .collect();
    assert!(!found.is_empty(), "no error for a non-member assessor");
    for d in &found {
        assert_eq!(file_of(d), SCORES);
        let line = d.source_line.as_deref().unwrap_or("");
        assert!(line.trim_start().starts_with("tl-cdvc-tinh:"), "{line}");
    }
}
