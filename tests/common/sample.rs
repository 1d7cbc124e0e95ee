//! The sample site of the incremental-build tests (`serve`, warm builds):
//! articles over two years, tags, a bundle with a photo, links by source
//! path, a page, the home intro and a small `data/` tree.

use std::fs;

use super::SiteTest;

pub fn article(title: &str, date: &str, tags: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\ntags: [{tags}]\n---\n{body}\n")
}

/// 23 articles over two years (three list pages), tags, a bundle with a
/// photo, links by source path, a page and the home intro.
pub fn sample_site() -> SiteTest {
    let mut t = SiteTest::new()
        .file("content/_index.md", "---\ntitle: Trang chủ\n---\nChào mừng.\n")
        .file(
            "content/pages/gioi-thieu.md",
            "---\ntitle: Giới thiệu\n---\nVề chúng tôi.\n",
        )
        .file(
            "content/news/2024/co-anh/index.md",
            "---\ntitle: Có ảnh\ndate: 2024-06-01\ncover: anh.jpg\ntags: [Ảnh]\n---\n![Ảnh](anh.jpg)\n",
        )
        .file("static/style.css", "body { color: black; }\n")
        .file("static/data/ket-qua.csv", "Hạng;Đơn vị\n1;A\n")
        .file("static/data/ket-qua.json", "{\"a\":1}")
        .file("static/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        .file("static/img/anh.webp", "RIFF....WEBP")
        .file("static/feed-extra.xml", "<x/>");
    for i in 1..=21 {
        let year = if i <= 10 { 2023 } else { 2024 };
        let tags = match i % 3 {
            0 => "Thi đua, đường",
            1 => "Giao ước",
            _ => "",
        };
        let body = if i == 5 {
            "Xem [bài 7](bai-07.md) và [bài 15](../2024/bai-15.md).".to_string()
        } else {
            format!("Nội dung bài {i}.")
        };
        t = t.file(
            &format!("content/news/{year}/bai-{i:02}.md"),
            &article(
                &format!("Bài {i}"),
                &format!("{year}-03-{i:02}"),
                tags,
                &body,
            ),
        );
    }
    fs::write(
        t.site().join("content/news/2024/co-anh/anh.jpg"),
        tiny_jpeg(1),
    )
    .unwrap();
    t
}

/// A real 16×12 JPEG (photos are decoded and resized, so they must be images);
/// `shade` makes each one different.
pub fn tiny_jpeg(shade: u8) -> Vec<u8> {
    use image::ImageEncoder;
    let img = image::RgbImage::from_fn(16, 12, |x, _| image::Rgb([shade, (x * 15) as u8, 90]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), 16, 12, image::ExtendedColorType::Rgb8)
        .expect("encoding a small JPEG in memory");
    out
}

/// A tiny `data/` tree: three units, one scheme, one cluster-year (2024).
pub const DATA_FILES: &[(&str, &str)] = &[
    (
        "data/units.yaml",
        "units:
  - id: cdvc
    kind: union_upper
    names: [{ full: Công đoàn Viên chức tỉnh, short: CĐVC tỉnh }]
  - id: cd-a
    kind: union_base
    names: [{ full: Công đoàn A }]
  - id: cd-b
    kind: union_base
    names: [{ full: Công đoàn B }]
",
    ),
    (
        "data/schemes/s-2024.yaml",
        "id: s-2024
title: Biểu chấm điểm năm 2024
total_max: 100
criteria:
  - { id: I, title: Chuyên môn, max: 100, rule: scale, step: 0.5 }
aggregation: { assessed_by: panel, final_from: assessed, year_from: last_phase }
classification:
  - { label: Tốt, min: 90 }
  - { label: Khá, min: 0 }
",
    ),
    (
        "data/clusters/2024/cum-1.yaml",
        "id: cum-1
year: 2024
name: Cụm thi đua số 1
organiser: cdvc
scheme: s-2024
phases:
  - { id: ca-nam, name: Cả năm, until: 2024-12-31 }
members:
  - { unit: cd-a, role: cum_truong }
  - { unit: cd-b }
",
    ),
];

/// [`sample_site`] with [`DATA_FILES`] and an article about the cluster-year
/// and a unit, which its pages list.
pub fn sample_site_with_data() -> SiteTest {
    let mut t = sample_site().file(
        "content/news/2024/ky-ket.md",
        &clustered("Cụm 1 ký kết", "Ký kết giao ước."),
    );
    for (path, text) in DATA_FILES {
        t = t.file(path, text);
    }
    t
}

pub fn clustered(title: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: 2024-04-02\ncluster: cum-1\nunits: [cd-a]\n---\n{body}\n"
    )
}
