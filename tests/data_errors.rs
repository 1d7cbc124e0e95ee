//! Units, awards, schemes and cluster-years (FORMAT.md §4–§6, §8, §11): every
//! check gets a bad input and an error that names the file, the line and the
//! column, says what is wrong and, where one exists, suggests the closest id.

mod common;
mod data_fixture;

use bangtin::diag::Severity;
use data_fixture::*;

/// A unit appended to the default registry.
fn unit(id: &str, name: &str) -> String {
    format!("  - id: {id}\n    kind: agency\n    names: [{{ full: {name} }}]\n")
}

fn with_units(extra: &[String]) -> DataSite {
    let t = DataSite::new();
    let text = format!("{}{}", t.text(UNITS), extra.concat());
    t.file(UNITS, &text)
}

// --- Unknown keys, in every kind of file -----------------------------------

#[test]
fn an_unknown_key_in_each_kind_of_data_file_is_named_with_a_suggestion() {
    let cases = [
        (
            UNITS,
            "    valid: { from: 1992-01-01 }\n",
            "    alias: [STP]\n",
            "alias",
            "aliases",
        ),
        (
            AWARDS,
            "issuer: tl-ldld-tinh",
            "isuer: tl-ldld-tinh",
            "isuer",
            "issuer",
        ),
        (SCHEME, "decimals: 2", "decimal: 2", "decimal", "decimals"),
        (
            CLUSTER,
            "scheme: cdvc-2024\n",
            "scheme: cdvc-2024\ntarget: [x]\n",
            "target",
            "targets",
        ),
        (
            SCORES,
            "decimal_separator:",
            "decimal_separater:",
            "decimal_separater",
            "decimal_separator",
        ),
    ];
    for (rel, from, to, key, suggestion) in cases {
        let t = DataSite::new().edit(rel, from, to);
        let d = t.error(&format!("`{key}`"));
        assert!(d.message.contains("không được hỗ trợ"), "{}", d.render());
        t.assert_at(&d, rel, key);
        assert!(
            hint(&d).contains(&format!("`{suggestion}`")),
            "{}",
            d.render()
        );
    }
    let t = DataSite::new().file(OUTCOMES, &OUTCOMES_YAML.replace("proposals:", "proposal:"));
    let d = t.error("`proposal`");
    t.assert_at(&d, OUTCOMES, "proposal:");
    assert!(hint(&d).contains("`proposals`"));
}

// --- data/units.yaml (§4) ---------------------------------------------------

#[test]
fn a_duplicate_unit_id_points_at_the_second_and_names_the_first_line() {
    let t = DataSite::new().edit(UNITS, "id: tl-cd-thanh-tra", "id: tl-cd-vp-ubnd");
    let d = t.error("mã `tl-cd-vp-ubnd` đã dùng ở dòng");
    t.assert_at(
        &d,
        UNITS,
        "id: ^tl-cd-vp-ubnd\n    kind: union_base\n    names: [{ full: Công đoàn Thanh",
    );
    let (first_line, _) = t.pos(UNITS, "tl-cd-vp-ubnd");
    assert!(
        d.message.contains(&format!("dòng {first_line}")),
        "{}",
        d.render()
    );
}

#[test]
fn every_unknown_unit_reference_gets_the_closest_id() {
    let cases = [
        (
            "union_of: tl-so-tu-phap",
            "union_of: tl-so-tu-phapp",
            "tl-so-tu-phapp",
            "tl-so-tu-phap",
        ),
        (
            "    names: [{ full: Công đoàn Thanh tra tỉnh }]\n",
            "    names: [{ full: Công đoàn Thanh tra tỉnh }]\n    parent: tl-cdvc-tinhh\n",
            "tl-cdvc-tinhh",
            "tl-cdvc-tinh",
        ),
        (
            "valid: { until: 2024-06-30 }\n",
            "valid: { until: 2024-06-30 }\n    merged_into: { unit: tl-cd-thanh-traa, date: 2024-07-01 }\n",
            "tl-cd-thanh-traa",
            "tl-cd-thanh-tra",
        ),
        (
            "valid: { until: 2024-06-30 }\n",
            "valid: { until: 2024-06-30 }\n    successors: [tl-cd-thanh-tra, tl-cd-vp-ubdn]\n",
            "tl-cd-vp-ubdn",
            "tl-cd-vp-ubnd",
        ),
    ];
    for (from, to, bad, closest) in cases {
        let t = DataSite::new().edit(UNITS, from, to);
        let d = t.error(&format!("không có đơn vị nào mã `{bad}`"));
        t.assert_at(&d, UNITS, bad);
        assert!(hint(&d).contains(&format!("`{closest}`")), "{}", d.render());
    }
}

#[test]
fn overlapping_name_periods_point_at_the_later_name() {
    let t = DataSite::new().edit(
        UNITS,
        "    names: [{ full: Công đoàn Thanh tra tỉnh }]\n",
        "    names:\n      - { full: Công đoàn Thanh tra tỉnh, until: 2024-03-31 }\n      - { full: Công đoàn Thanh tra tỉnh Thanh Lâm, from: 2024-03-01 }\n",
    );
    let d = t.error("chồng lên tên");
    t.assert_at(&d, UNITS, "Công đoàn Thanh tra tỉnh Thanh Lâm");
}

#[test]
fn a_name_that_starts_before_or_ends_after_valid_is_an_error() {
    let t = DataSite::new().edit(
        UNITS,
        "valid: { from: 1992-01-01 }",
        "valid: { from: 1995-01-01 }",
    );
    let d = t.error("nằm ngoài thời gian hoạt động");
    t.assert_at(&d, UNITS, "Sở Tư pháp tỉnh Thanh Lâm");
    let t = DataSite::new().edit(
        UNITS,
        "Công đoàn Cục Thống kê tỉnh }",
        "Công đoàn Cục Thống kê tỉnh, from: 2024-07-01 }",
    );
    let d = t.error("nằm ngoài thời gian hoạt động");
    t.assert_at(&d, UNITS, "Công đoàn Cục Thống kê tỉnh");
}

#[test]
fn names_equal_after_identity_folding_are_a_duplicate() {
    let pairs = [
        ("Ủy ban nhân dân xã Tân Lập", "Uỷ ban nhân dân xã Tân Lập"),
        ("Trường THPT Hòa Bình", "Trường THPT Hoà Bình"),
        ("Đoàn Thanh niên tỉnh", "\u{D0}oàn Thanh niên tỉnh"),
        ("Sở Y tế tỉnh", "Sở  Y   tế tỉnh"),
        ("Công đoàn ngành Giáo dục", "CÔNG ĐOÀN NGÀNH GIÁO DỤC"),
    ];
    for (first, second) in pairs {
        let t = with_units(&[unit("tl-a", first), unit("tl-b", second)]);
        let d = t.error("trùng với một tên của đơn vị `tl-a`");
        t.assert_at(&d, UNITS, second);
        assert!(hint(&d).contains("aliases"), "{}", d.render());
    }
}

#[test]
fn a_union_may_share_a_spelling_with_its_agency_but_no_other_unit_may() {
    let union_alias = "names: [{ full: Công đoàn cơ sở Sở Tư pháp, from: 2000-01-01 }]\n";
    let aliased = format!("{union_alias}    aliases: [Sở Tư Pháp]\n");
    DataSite::new()
        .edit(UNITS, union_alias, &aliased)
        .assert_no_errors();
    let t = DataSite::new().edit(
        UNITS,
        "names: [{ full: Công đoàn Thanh tra tỉnh }]\n",
        "names: [{ full: Công đoàn Thanh tra tỉnh }]\n    aliases: [Sở Tư Pháp]\n",
    );
    let d = t.error("trùng với một tên của đơn vị `tl-so-tu-phap`");
    t.assert_at(&d, UNITS, "Sở Tư Pháp]");
}

#[test]
fn legacy_encoded_text_in_a_data_file_is_refused_with_a_conversion_hint() {
    let t = DataSite::new().edit(
        CLUSTER,
        "scheme: cdvc-2024\n",
        "scheme: cdvc-2024\ntargets:\n  - Hoaøn thaønh toát nhieäm vuï\n",
    );
    let d = t.error("bảng mã cũ");
    assert_eq!(
        (file_of(&d).as_str(), d.line),
        (CLUSTER, t.pos(CLUSTER, "Hoaøn").0)
    );
    assert!(
        d.message.contains("VNI") && hint(&d).contains("Unicode"),
        "{}",
        d.render()
    );
}

// --- data/awards.yaml (§8) --------------------------------------------------

#[test]
fn a_duplicate_award_id_and_an_unknown_issuer_are_errors() {
    let t = DataSite::new()
        .edit(AWARDS, "id: bang-khen", "id: co-thi-dua")
        .edit(AWARDS, "issuer: tl-ldld-tinh", "issuer: tl-ldld-tihn");
    let d = t.error("mã `co-thi-dua` đã dùng ở dòng 2");
    t.assert_at(&d, AWARDS, "co-thi-dua, name: Bằng");
    let d = t.error("`tl-ldld-tihn`");
    t.assert_at(&d, AWARDS, "tl-ldld-tihn");
    assert!(hint(&d).contains("`tl-ldld-tinh`"));
}

// --- data/schemes/<id>.yaml (§6) --------------------------------------------

#[test]
fn children_maxima_that_do_not_add_up_name_the_parent() {
    let t = DataSite::new().edit(
        SCHEME,
        "I.1, title: Hoàn thành chỉ tiêu, max: 40",
        "I.1, title: Hoàn thành chỉ tiêu, max: 35",
    );
    let d = t.error("các tiêu chí con của I cộng lại được 55 điểm, khác `max` 60");
    t.assert_at(&d, SCHEME, "max: ^60");
}

#[test]
fn top_level_maxima_must_add_up_to_total_max() {
    let t = DataSite::new().edit(SCHEME, "total_max: 100", "total_max: 90");
    let d = t.error("cộng lại được 100 điểm, khác `total_max` 90");
    t.assert_at(&d, SCHEME, "90");
}

#[test]
fn a_step_that_does_not_divide_the_maximum_is_an_error() {
    let t = DataSite::new().edit(
        SCHEME,
        "max: 40, rule: scale, step: 0.5 }\nbonus",
        "max: 40, rule: scale, step: 0.75 }\nbonus",
    );
    let d = t.error("bước chấm 0,75 không chia hết điểm tối đa 40");
    t.assert_at(&d, SCHEME, "0.75");
}

#[test]
fn a_criterion_id_used_twice_in_a_scheme_is_an_error() {
    let t = DataSite::new().edit(SCHEME, "{ id: I.2,", "{ id: I.1,");
    let d = t.error("mã `I.1` đã dùng ở dòng");
    t.assert_at(&d, SCHEME, "I.1, title: Đăng ký");
}

#[test]
fn unknown_tie_break_keys_and_criteria_get_the_closest_name() {
    let t = DataSite::new().edit(
        SCHEME,
        "[criterion:II, bonus_total]",
        "[criterion:III, bonus_totl]",
    );
    let d = t.error("không có tiêu chí nào mã `III`");
    t.assert_at(&d, SCHEME, "criterion:III");
    assert!(hint(&d).contains("`II`"), "{}", d.render());
    let d = t.error("`bonus_totl`");
    t.assert_at(&d, SCHEME, "bonus_totl");
    assert!(hint(&d).contains("`bonus_total`"), "{}", d.render());
}

#[test]
fn classification_bands_must_go_from_highest_to_lowest() {
    let t = DataSite::new().edit(SCHEME, "{ label: Tốt, min: 90 }", "{ label: Tốt, min: 99 }");
    let d = t.error("từ cao xuống thấp");
    t.assert_at(&d, SCHEME, "99");
}

#[test]
fn phase_weights_must_sum_to_one() {
    let t = DataSite::new().edit(
        SCHEME,
        "year_from: last_phase",
        "year_from: { weighted: { dot1: 0.4, dot2: 0.5 } }",
    );
    let d = t.error("các trọng số cộng lại bằng 0,9");
    t.assert_at(&d, SCHEME, "dot1");
}

#[test]
fn an_award_rule_with_an_unknown_award_gets_the_closest_award() {
    let t = DataSite::new().edit(SCHEME, "award: co-thi-dua,", "award: co-thi-duaa,");
    let d = t.error("không có hình thức khen thưởng nào mã `co-thi-duaa`");
    t.assert_at(&d, SCHEME, "co-thi-duaa");
    assert!(hint(&d).contains("`co-thi-dua`"));
}

#[test]
fn a_scheme_id_that_differs_from_its_file_name_is_an_error() {
    let t = DataSite::new().edit(SCHEME, "id: cdvc-2024", "id: cdvc-2025");
    let d = t.error("mã `cdvc-2025` khác tên tệp `cdvc-2024`");
    t.assert_at(&d, SCHEME, "cdvc-2025");
}

// --- data/clusters/<year>/<id>.yaml (§5, §11) -------------------------------

#[test]
fn a_cluster_id_must_equal_its_file_name_and_its_year_its_folder() {
    let t = DataSite::new().edit(CLUSTER, "id: cum-1", "id: cum-01");
    let d = t.error("mã `cum-01` khác tên tệp `cum-1`");
    t.assert_at(&d, CLUSTER, "cum-01");
    let t = DataSite::new().edit(CLUSTER, "year: 2024", "year: 2025");
    let d = t.error("năm 2025 khác thư mục `2024`");
    t.assert_at(&d, CLUSTER, "2025");
}

#[test]
fn an_unknown_scheme_or_organiser_gets_the_closest_id() {
    let t = DataSite::new()
        .edit(CLUSTER, "scheme: cdvc-2024", "scheme: cdvc-2042")
        .edit(CLUSTER, "organiser: tl-cdvc-tinh", "organiser: tl-cdvc-tnh");
    let d = t.error("không có biểu chấm điểm nào mã `cdvc-2042`");
    t.assert_at(&d, CLUSTER, "cdvc-2042");
    assert!(hint(&d).contains("`cdvc-2024`"));
    let d = t.error("`tl-cdvc-tnh`");
    t.assert_at(&d, CLUSTER, "tl-cdvc-tnh");
    assert!(hint(&d).contains("`tl-cdvc-tinh`"));
}

#[test]
fn two_leaders_or_deputies_are_an_error_and_no_leader_is_a_warning() {
    let t = DataSite::new().edit(CLUSTER, "role: cum_pho", "role: cum_truong");
    let d = t.error("hai cụm trưởng");
    t.assert_at(&d, CLUSTER, "tl-cd-so-tu-phap");
    let (first_line, _) = t.pos(CLUSTER, "tl-cd-vp-ubnd");
    assert!(
        d.message.contains(&format!("dòng {first_line}")),
        "{}",
        d.render()
    );

    let t = DataSite::new().edit(
        CLUSTER,
        "{ unit: tl-cd-thanh-tra }",
        "{ unit: tl-cd-thanh-tra, role: cum_pho }",
    );
    let d = t.error("hai cụm phó");
    t.assert_at(&d, CLUSTER, "tl-cd-thanh-tra");

    let t = DataSite::new().edit(CLUSTER, "role: cum_truong", "role: thanh_vien");
    let ds = t.diags();
    assert_eq!(ds.len(), 1, "{}", common::render(&ds));
    assert_eq!(ds[0].severity, Severity::Warning);
    assert!(ds[0].message.contains("chưa có cụm trưởng"));
    t.assert_at(&ds[0], CLUSTER, "members:");
}

#[test]
fn a_member_listed_twice_directly_or_through_its_agency_is_an_error() {
    for again in ["tl-cd-vp-ubnd", "tl-so-tu-phap"] {
        let t = DataSite::new().edit(
            CLUSTER,
            "  - { unit: tl-cd-thanh-tra }\n",
            &format!("  - {{ unit: tl-cd-thanh-tra }}\n  - {{ unit: {again} }}\n"),
        );
        let d = t.error(&format!("đơn vị {again} đã có trong danh sách ở dòng"));
        t.assert_at(&d, CLUSTER, &format!("{{ unit: ^{again} }}"));
    }
}

#[test]
fn a_unit_in_two_clusters_of_one_organiser_in_a_year_is_an_error() {
    let second = "id: cum-2\nyear: 2024\nname: Cụm thi đua số 2\norganiser: tl-cdvc-tinh\nmembers:\n  - { unit: tl-cd-thanh-tra, role: cum_truong }\n";
    let t = DataSite::new().file("data/clusters/2024/cum-2.yaml", second);
    let d = t.error("đơn vị tl-cd-thanh-tra đã thuộc Cụm cum-1");
    assert_eq!(
        (file_of(&d).as_str(), d.line, d.column),
        ("data/clusters/2024/cum-2.yaml", 6, 13)
    );
    let other_organiser = second.replace("organiser: tl-cdvc-tinh", "organiser: tl-ldld-tinh");
    DataSite::new()
        .file("data/clusters/2024/cum-2.yaml", &other_organiser)
        .assert_no_errors();
}

#[test]
fn a_member_must_exist_while_it_is_a_member() {
    let members = "  - { unit: tl-cd-thanh-tra }\n";
    let t = DataSite::new().edit(
        CLUSTER,
        members,
        "  - { unit: tl-cd-thanh-tra }\n  - { unit: tl-cd-cuc-thong-ke }\n",
    );
    let d = t.error("đơn vị tl-cd-cuc-thong-ke không hoạt động trong thời gian là thành viên");
    t.assert_at(&d, CLUSTER, "tl-cd-cuc-thong-ke");
    DataSite::new()
        .edit(
            CLUSTER,
            members,
            "  - { unit: tl-cd-thanh-tra }\n  - { unit: tl-cd-cuc-thong-ke, until: 2024-06-30 }\n",
        )
        .assert_no_errors();
}

#[test]
fn a_join_date_outside_the_period_is_an_error() {
    let t = DataSite::new().edit(
        CLUSTER,
        "{ unit: tl-cd-thanh-tra }",
        "{ unit: tl-cd-thanh-tra, from: 2023-12-01 }",
    );
    let d = t.error("ngày vào/ra Cụm nằm ngoài");
    t.assert_at(&d, CLUSTER, "2023-12-01");
}

#[test]
fn a_missing_document_file_is_named_with_the_closest_file() {
    let t = DataSite::new()
        .file("static/docs/ke-hoach-2024.pdf", "%PDF")
        .edit(
            CLUSTER,
            "members:",
            "documents:\n  - { title: Kế hoạch năm 2024, file: docs/ke-hoach-2204.pdf }\nmembers:",
        );
    let d = t.error("không có tệp static/docs/ke-hoach-2204.pdf");
    t.assert_at(&d, CLUSTER, "docs/ke-hoach-2204.pdf");
    assert!(
        hint(&d).contains("docs/ke-hoach-2024.pdf"),
        "{}",
        d.render()
    );
}

#[test]
fn a_date_typed_the_vietnamese_way_gets_the_iso_form() {
    let t = DataSite::new().edit(
        CLUSTER,
        "members:",
        "formed_by: { number: 05/QĐ-CĐVC, date: 14/3/2024 }\nmembers:",
    );
    let d = t.error("ngày `14/3/2024` không hợp lệ");
    t.assert_at(&d, CLUSTER, "14/3/2024");
    assert!(hint(&d).contains("2024-03-14"), "{}", d.render());
}
