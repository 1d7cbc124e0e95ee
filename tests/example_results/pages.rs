//! The pages made from the example data: what a reader sees in the results table,
//! the cluster history, a unit page and an article about a cluster.

use crate::example_output;

fn page(rel: &str) -> String {
    std::fs::read_to_string(example_output().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The `<tr>` of the first results table that names `unit`.
fn row<'a>(html: &'a str, unit: &str) -> &'a str {
    let table = html
        .find("<table class=\"results\">")
        .expect("a results table");
    let at = table
        + html[table..]
            .find(unit)
            .unwrap_or_else(|| panic!("no row for {unit}"));
    let start = html[..at].rfind("<tr").unwrap_or(0);
    let end = at + html[at..].find("</tr>").unwrap_or(0);
    &html[start..end]
}

#[test]
fn cum_3_2024_results_table_shows_figures_the_vietnamese_way() {
    let html = page("cum-thi-dua/cdvc-cum-3/2024/index.html");
    let first = row(&html, "Công đoàn cơ sở Sở Tư pháp</a>");
    for cell in ["95,65", "94,65", "2,00", "0,00", "96,65", ">1<", "Xuất sắc"] {
        assert!(first.contains(cell), "{cell} missing in {first}");
    }
    let tied = row(&html, "Công đoàn cơ sở Thanh tra tỉnh</a>");
    assert!(
        tied.contains("93,50") && tied.contains("đồng hạng"),
        "{tied}"
    );
}

#[test]
fn unranked_units_are_listed_as_not_scored_never_zero() {
    let html = page("cum-thi-dua/cdvc-cum-3/2024/index.html");
    let withdrawn = row(&html, "Điều phối");
    assert!(withdrawn.contains("chưa chấm"), "{withdrawn}");
    assert!(withdrawn.contains("rút khỏi Cụm"), "{withdrawn}");
    assert!(!withdrawn.contains("0,00"), "{withdrawn}");
}

#[test]
fn footnotes_date_the_joiner_and_record_the_vote() {
    let html = page("cum-thi-dua/cdvc-cum-3/2024/index.html");
    assert!(
        html.contains("vào Cụm từ 01/04/2024"),
        "joiner note missing"
    );
    assert!(html.contains("Cụm biểu quyết"), "override note missing");
    assert!(
        html.contains("<details class=\"breakdown\">"),
        "breakdown missing"
    );
    assert!(html.contains("ket-qua.json") && html.contains("ket-qua.csv"));
}

#[test]
fn unit_page_has_an_accessible_rank_chart_with_the_numbers_in_a_table() {
    let html = page("don-vi/tl-cd-so-tu-phap/index.html");
    assert!(
        html.contains("<svg") && html.contains("role=\"img\""),
        "no chart"
    );
    assert!(
        html.contains("<title id=\"bieu-do-tieu-de\">"),
        "chart without title"
    );
    assert!(
        html.contains("<desc id=\"bieu-do-mo-ta\">"),
        "chart without description"
    );
    assert!(html.contains("96,65"), "the table repeats the figures");
}

#[test]
fn a_renamed_unit_shows_the_name_of_each_time() {
    let html = page("don-vi/tl-ban-dan-toc/index.html");
    assert!(html.contains("Ban Dân tộc tỉnh Thanh Lâm"), "old name");
    assert!(
        html.contains("Sở Dân tộc và Tôn giáo tỉnh Thanh Lâm"),
        "new name"
    );
}

#[test]
fn an_article_links_its_cluster_year_and_the_cluster_year_lists_it() {
    let article = page("tin-tuc/2024/ky-ket-cum-3/index.html");
    assert!(
        article.contains("/cum-thi-dua/cdvc-cum-3/2024/"),
        "article → cluster-year"
    );
    let cy = page("cum-thi-dua/cdvc-cum-3/2024/index.html");
    assert!(
        cy.contains("/tin-tuc/2024/ky-ket-cum-3/"),
        "cluster-year → article"
    );
}

#[test]
fn a_member_that_merged_later_keeps_its_old_name_with_a_link_to_its_heir() {
    let html = page("cum-thi-dua/cdvc-cum-3/2024/index.html");
    let members = &html[html.find("<ol class=\"members\">").expect("member list")..];
    let members = &members[..members.find("</ol>").unwrap_or(members.len())];
    let item = members
        .split("<li>")
        .find(|li| li.contains("Sở Kế hoạch và Đầu tư"))
        .expect("the KH&ĐT union is listed under its 2024 name");
    assert!(item.contains("đã sáp nhập vào"), "{item}");
    assert!(item.contains("/don-vi/tl-cd-so-tai-chinh/"), "{item}");
}

#[test]
fn a_cluster_year_names_its_source_with_its_date() {
    let html = page("cum-thi-dua/cdvc-cum-3/2024/index.html");
    assert!(
        html.contains(
            "Nguồn: Biên bản Hội nghị tổng kết năm 2024 của Cụm (tính đến ngày 20/12/2024)"
        ),
        "source line missing"
    );
}

/// The first results table of a page, from `<table class="results">` to `</table>`.
fn results_table(html: &str) -> &str {
    let start = html
        .find("<table class=\"results\">")
        .expect("a results table");
    let end = start + html[start..].find("</table>").expect("the table ends") + "</table>".len();
    &html[start..end]
}

/// A reviewed copy of the 2024 year table of Cụm 3: any change to what readers
/// see in it must be looked at and the snapshot updated on purpose
/// (`UPDATE_SNAPSHOTS=1 cargo test --test example_results`).
#[test]
fn cum_3_2024_year_table_matches_its_reviewed_snapshot() {
    let html = page("cum-thi-dua/cdvc-cum-3/2024/index.html");
    let table = results_table(&html);
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/example_results/snapshots/cdvc-cum-3-2024-results.html");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, format!("{table}\n")).expect("writing the snapshot");
    }
    let expected = std::fs::read_to_string(&file).expect("the snapshot exists");
    assert_eq!(
        table,
        expected.trim_end(),
        "the results table changed; review it"
    );
}

#[test]
fn readers_see_the_scheme_title_never_its_id() {
    for rel in [
        "cum-thi-dua/cdvc-cum-3/2024/index.html",
        "cum-thi-dua/cdvc-cum-3/index.html",
        "don-vi/tl-cd-so-tu-phap/index.html",
    ] {
        let html = page(rel);
        assert!(
            html.contains("Biểu chấm điểm thi đua các Cụm thi đua năm 2024"),
            "{rel}"
        );
        assert!(!html.contains("<code>cdvc-2024</code>"), "{rel}");
    }
}

#[test]
fn the_criteria_breakdown_heads_its_columns_with_unit_names() {
    let html = page("cum-thi-dua/cdvc-cum-3/2024/index.html");
    let start = html
        .find("<table class=\"criteria\">")
        .expect("a breakdown");
    let head = &html[start..start + html[start..].find("</thead>").unwrap()];
    assert!(head.contains(">CĐ Sở Tư pháp</abbr>"), "{head}");
    assert!(
        !head.contains("><abbr title=\"Công đoàn cơ sở Sở Tư pháp\">1<"),
        "{head}"
    );
}

/// Issue 20: the cluster-year page leads with a summary of its result.
#[test]
fn a_cluster_year_page_opens_with_a_summary_of_its_result() {
    let html = page("cum-thi-dua/cdvc-cum-3/2024/index.html");
    let start = html.find("<dl class=\"summary-list\">").expect("a summary");
    let summary = &html[start..start + html[start..].find("</dl>").expect("its end")];
    assert!(
        summary.contains("Xếp thứ nhất")
            && summary.contains("<strong>Công đoàn cơ sở Sở Tư pháp</strong></a> (96,65 điểm)"),
        "{summary}"
    );
    assert!(summary.contains("7/8 đơn vị"), "{summary}");
    assert!(summary.contains("Xuất sắc: 2; Tốt: 3; Khá: 2"), "{summary}");
    assert!(summary.contains("Cờ thi đua của LĐLĐ tỉnh"), "{summary}");
    assert!(summary.contains("20/12/2024"), "{summary}");
    // The summary and the table come before the members; the downloads
    // right under the table, before its footnotes.
    let table = html.find("<table class=\"results\">").expect("a table");
    let members = html.find("id=\"thanh-vien\"").expect("members");
    let csv = html.find("ket-qua.csv\">").expect("a CSV link");
    let notes = html.find("class=\"footnotes-title\"").expect("footnotes");
    assert!(start < table && table < csv && csv < notes && notes < members);
}

/// Issue 20: a list of units reads "A, B", never "A , B".
#[test]
fn unit_lists_have_no_space_before_the_comma() {
    let html = page("tin-tuc/2024/ky-ket-cum-3/index.html");
    let start = html.find("Đơn vị: <a").expect("the article's units");
    let line = &html[start..start + html[start..].find("</p>").expect("end")];
    assert!(line.contains("</a>, <a"), "{line}");
    assert!(!line.contains("\n,") && !line.contains(" ,"), "{line}");
}

/// Issue 20: the rank chart marks a year without a rank and says out of how many.
#[test]
fn the_rank_chart_marks_years_without_a_rank_and_the_cluster_size() {
    let html = page("don-vi/tl-cd-so-tu-phap/index.html");
    let start = html.find("<figure class=\"rank-chart\">").expect("a chart");
    let chart = &html[start..start + html[start..].find("</figure>").expect("end")];
    assert!(chart.contains("trên 8</text>"), "{chart}");
    assert!(chart.contains("không xếp hạng</text>"), "{chart}");
    assert!(chart.contains("<line class=\"axis\""), "{chart}");
}
