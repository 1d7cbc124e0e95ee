//! Photos: the processed files (sizes, formats, orientation, no EXIF/GPS),
//! the HTML that shows them, the cache, and every kind of bad image.
//! Fixture images are made here, with their EXIF segments written by hand.

mod common;

use std::fs;
use std::io::Cursor;

use common::{SiteTest, find, render};
use image::{ImageEncoder, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

const SITE: &str = "title: Thi đua thử\nbase_url: https://thidua.example.vn/\nimages:\n  widths: [16, 32]\n  quality: 80\n";

/// A 64×48 JPEG: red top-left quadrant, blue elsewhere.
fn jpeg() -> Vec<u8> {
    let img = RgbImage::from_fn(64, 48, |x, y| {
        if x < 32 && y < 24 {
            Rgb([230, 20, 20])
        } else {
            Rgb([20, 20, 230])
        }
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), 64, 48, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// An EXIF APP1 segment (little-endian TIFF) with an orientation and a
/// GPS position (21°1'30" N), as a phone writes it.
fn exif_app1(orientation: u16) -> Vec<u8> {
    let mut t: Vec<u8> = Vec::new();
    let u16le = |t: &mut Vec<u8>, v: u16| t.extend_from_slice(&v.to_le_bytes());
    let u32le = |t: &mut Vec<u8>, v: u32| t.extend_from_slice(&v.to_le_bytes());
    t.extend_from_slice(b"II");
    u16le(&mut t, 42);
    u32le(&mut t, 8);
    // IFD0 at 8: Orientation and the GPS IFD pointer.
    u16le(&mut t, 2);
    u16le(&mut t, 0x0112);
    u16le(&mut t, 3);
    u32le(&mut t, 1);
    u16le(&mut t, orientation);
    u16le(&mut t, 0);
    u16le(&mut t, 0x8825);
    u16le(&mut t, 4);
    u32le(&mut t, 1);
    u32le(&mut t, 38);
    u32le(&mut t, 0);
    // GPS IFD at 38: latitude reference and latitude (data at 68).
    u16le(&mut t, 2);
    u16le(&mut t, 0x0001);
    u16le(&mut t, 2);
    u32le(&mut t, 2);
    t.extend_from_slice(b"N\0\0\0");
    u16le(&mut t, 0x0002);
    u16le(&mut t, 5);
    u32le(&mut t, 3);
    u32le(&mut t, 68);
    u32le(&mut t, 0);
    for (n, d) in [(21, 1), (1, 1), (30, 1)] {
        u32le(&mut t, n);
        u32le(&mut t, d);
    }
    assert_eq!(t.len(), 92);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(t);
    let mut seg = vec![0xFF, 0xE1];
    seg.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    seg.extend(payload);
    seg
}

/// `jpeg` with an EXIF segment right after its start marker.
fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend(exif_app1(orientation));
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A CMYK JPEG (as print shops and some scanners send), all white.
fn cmyk_jpeg() -> Vec<u8> {
    let data = vec![0u8; 40 * 30 * 4];
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(&data, 40, 30, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    out
}

/// A 40×40 PNG whose left half is transparent.
fn png_alpha() -> Vec<u8> {
    let img = RgbaImage::from_fn(40, 40, |x, _| {
        if x < 20 {
            Rgba([0, 0, 0, 0])
        } else {
            Rgba([0, 160, 0, 255])
        }
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

/// A PNG whose header claims 50000×50000 pixels: a decompression bomb.
fn png_bomb() -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&50_000u32.to_be_bytes());
    ihdr.extend_from_slice(&50_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    // A few bytes of image data; a real bomb compresses gigabytes into them.
    let idat = b"IDAT\x78\x9c\x03\x00\x00\x00\x00\x01";
    out.extend_from_slice(&8u32.to_be_bytes());
    out.extend_from_slice(idat);
    out.extend_from_slice(&crc32(idat).to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(b"IEND");
    out.extend_from_slice(&crc32(b"IEND").to_be_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for b in bytes {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

const ARTICLE: &str = "---\ntitle: Ký kết\ndate: 2024-03-14\ncover: doc.jpg\nphotos:\n  - { file: toan-canh.jpg, caption: Toàn cảnh Hội nghị }\n  - { file: doc.jpg, caption: Ảnh dọc, alt: Đại biểu ký kết }\n  - { file: in-an.jpg, caption: Bản in }\n  - { file: logo.png, caption: Biểu trưng }\n---\nMở đầu.\n\n![Toàn cảnh hội trường](toan-canh.jpg)\n\n![Ảnh dọc](doc.jpg)\n";

fn photo_site() -> SiteTest {
    SiteTest::new()
        .file("site.yaml", SITE)
        .file("content/news/2024/ky-ket/index.md", ARTICLE)
        .bytes(
            "content/news/2024/ky-ket/toan-canh.jpg",
            &with_exif(&jpeg(), 1),
        )
        .bytes("content/news/2024/ky-ket/doc.jpg", &with_exif(&jpeg(), 6))
        .bytes("content/news/2024/ky-ket/in-an.jpg", &cmyk_jpeg())
        .bytes("content/news/2024/ky-ket/logo.png", &png_alpha())
        .article(
            "content/news/2024/khong-anh.md",
            "Không ảnh",
            "2024-01-01",
            "x",
        )
}

fn decode(t: &SiteTest, rel: &str) -> image::DynamicImage {
    image::load_from_memory(&fs::read(t.out().join(rel)).unwrap())
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The APP segments of a JPEG before its image data.
fn app_segments(jpeg: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut i = 2;
    while i + 4 <= jpeg.len() && jpeg[i] == 0xFF && jpeg[i + 1] != 0xDA {
        markers.push(jpeg[i + 1]);
        i += 2 + usize::from(u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]));
    }
    markers
}

#[test]
fn photos_are_resized_in_every_format_and_never_upscaled() {
    let t = photo_site();
    let report = t.built();
    assert_eq!(report.images, 4);
    let dir = "tin-tuc/2024/ky-ket";
    for w in [16, 32] {
        for ext in ["webp", "jpg"] {
            let img = decode(&t, &format!("{dir}/toan-canh-{w}.{ext}"));
            assert_eq!(img.width(), w);
            assert_eq!(img.height(), w * 48 / 64);
        }
    }
    assert!(!t.exists(&format!("{dir}/toan-canh-64.jpg")), "no upscale");
    assert!(
        !t.exists(&format!("{dir}/toan-canh.jpg")),
        "original not published"
    );
    let webp = fs::read(t.out().join(format!("{dir}/toan-canh-32.webp"))).unwrap();
    assert_eq!(&webp[8..12], b"WEBP");
}

#[test]
fn exif_orientation_is_applied_and_no_metadata_leaks() {
    let t = photo_site();
    t.built();
    let dir = "tin-tuc/2024/ky-ket";
    let img = decode(&t, &format!("{dir}/doc-32.jpg")).to_rgb8();
    assert_eq!(
        (img.width(), img.height()),
        (32, 43),
        "portrait stands upright"
    );
    // Rotated 90° clockwise: the red top-left quadrant is now top-right.
    let top_right = img.get_pixel(28, 4);
    let top_left = img.get_pixel(3, 4);
    assert!(top_right[0] > 150 && top_right[2] < 100, "{top_right:?}");
    assert!(top_left[2] > 150, "{top_left:?}");
    for name in ["doc-16.jpg", "doc-32.jpg", "toan-canh-32.jpg"] {
        let bytes = fs::read(t.out().join(format!("{dir}/{name}"))).unwrap();
        assert!(!app_segments(&bytes).contains(&0xE1), "{name} has APP1");
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{name}");
    }
    for name in ["doc-16.webp", "doc-32.webp"] {
        let bytes = fs::read(t.out().join(format!("{dir}/{name}"))).unwrap();
        assert!(!bytes.windows(4).any(|w| w == b"EXIF" || w == b"Exif"));
    }
}

#[test]
fn cmyk_jpegs_keep_their_colour_and_transparent_pngs_stay_png() {
    let t = photo_site();
    t.built();
    let dir = "tin-tuc/2024/ky-ket";
    let white = decode(&t, &format!("{dir}/in-an-16.jpg")).to_rgb8();
    let p = white.get_pixel(8, 6);
    assert!(p.0.iter().all(|c| *c > 235), "white stays white: {p:?}");
    assert!(t.exists(&format!("{dir}/logo-32.png")));
    assert!(t.exists(&format!("{dir}/logo-32.webp")));
    assert!(
        !t.exists(&format!("{dir}/logo-32.jpg")),
        "no JPEG for alpha"
    );
    let png = decode(&t, &format!("{dir}/logo-32.png")).to_rgba8();
    assert_eq!(png.get_pixel(2, 16)[3], 0, "transparent half kept");
    assert_eq!(png.get_pixel(30, 16)[3], 255);
}

#[test]
fn pages_show_pictures_with_srcset_sizes_and_alt() {
    let t = photo_site();
    t.built();
    let html = t.read("tin-tuc/2024/ky-ket/index.html");
    // Body images: first loads at once, the next lazily; both link large.
    assert!(
        html.contains(r#"<a class="photo-link" href="/tin-tuc/2024/ky-ket/toan-canh-32.jpg""#),
        "{html}"
    );
    assert!(html.contains(
        r#"<source type="image/webp" srcset="/tin-tuc/2024/ky-ket/toan-canh-16.webp 16w, /tin-tuc/2024/ky-ket/toan-canh-32.webp 32w""#
    ));
    assert!(
        html.contains(r#"width="32" height="24" alt="Toàn cảnh hội trường" decoding="async">"#)
    );
    assert!(html.contains(r#"width="32" height="43" alt="Ảnh dọc" loading="lazy""#));
    // The gallery: photos order, captions, alt defaulting to the caption.
    let gallery = &html[html.find(r#"class="gallery""#).expect("gallery")..];
    let order: Vec<usize> = [
        "toan-canh-32.jpg",
        "doc-32.jpg",
        "in-an-32.jpg",
        "logo-32.png",
    ]
    .iter()
    .map(|n| gallery.find(n).unwrap_or_else(|| panic!("{n}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(gallery.contains("<figcaption>Toàn cảnh Hội nghị</figcaption>"));
    assert!(gallery.contains(r#"alt="Đại biểu ký kết" loading="lazy""#));
    assert!(gallery.contains(r#"alt="Toàn cảnh Hội nghị" loading="lazy""#));
    assert!(html.contains("lightbox.js"));
    // The cover (cover: doc.jpg) is the page's og:image.
    assert!(html.contains(
        r#"<meta property="og:image" content="https://thidua.example.vn/tin-tuc/2024/ky-ket/doc-32.jpg">"#
    ));
    let list = t.read("tin-tuc/index.html");
    assert!(list.contains(r#"class="card has-cover""#));
    assert!(list.contains(r#"srcset="/tin-tuc/2024/ky-ket/doc-16.jpg 16w"#));
    assert!(t.exists("lightbox.js"));
}

#[test]
fn the_gallery_page_lists_articles_with_photos_by_year() {
    let t = photo_site()
        .bytes(
            "content/news/2023/cu/index.md",
            b"---\ntitle: Cu\ndate: 2023-05-01\nphotos:\n  - { file: a.jpg, caption: A }\n---\nx\n",
        )
        .bytes("content/news/2023/cu/a.jpg", &jpeg());
    t.built();
    let html = t.read("thu-vien-anh/index.html");
    let y24 = html.find("Năm 2024").expect("2024");
    let y23 = html.find("Năm 2023").expect("2023");
    assert!(y24 < y23, "newest first");
    assert!(html.contains(r#"<a href="/tin-tuc/2024/ky-ket/">Ký kết</a>"#));
    assert!(html.contains("· 4 ảnh"), "{html}");
    assert!(html.contains("· 1 ảnh"));
    assert!(!html.contains("Không ảnh"));
}

#[test]
fn a_warm_build_encodes_nothing_and_removed_photos_leave_the_cache() {
    let t = photo_site();
    let cold = t.built();
    assert_eq!(cold.media.decoded, 4);
    assert_eq!(cold.media.encoded, 16, "4 photos × 2 widths × 2 formats");
    let warm = t.built();
    assert_eq!((warm.media.decoded, warm.media.encoded), (0, 0));
    assert_eq!(warm.media.reused, 16);
    let cache = t.site().join(".bangtin-cache");
    assert!(cache.join("CACHEDIR.TAG").is_file());

    // A changed photo is redone alone; a removed one leaves the cache.
    t.write_bytes(
        "content/news/2024/ky-ket/toan-canh.jpg",
        &with_exif(&jpeg(), 3),
    );
    let changed = t.built();
    assert_eq!((changed.media.decoded, changed.media.encoded), (1, 4));
    assert!(changed.media.pruned > 0, "the old entry goes");
    fs::remove_file(t.site().join("content/news/2024/ky-ket/logo.png")).unwrap();
    t.write(
        "content/news/2024/ky-ket/index.md",
        &ARTICLE.replace("  - { file: logo.png, caption: Biểu trưng }\n", ""),
    );
    let removed = t.built();
    assert!(removed.media.pruned > 0);
    let entries = fs::read_dir(cache.join("images-v1")).unwrap().count();
    assert_eq!(entries, 3);
    assert!(!t.exists("tin-tuc/2024/ky-ket/logo-32.png"));

    // Changing the settings makes new files, keeping the photos' entries.
    t.write("site.yaml", &SITE.replace("[16, 32]", "[16, 24]"));
    let resized = t.built();
    assert_eq!(resized.media.encoded, 6, "only the new width");
    assert!(t.exists("tin-tuc/2024/ky-ket/toan-canh-24.webp"));

    assert_eq!(
        bangtin::media::clean(&t.site()).unwrap().map(|n| n > 0),
        Some(true)
    );
    assert!(!cache.exists());
}

#[test]
fn every_bad_image_is_an_error_naming_its_file_and_the_rest_is_checked() {
    let jpeg = jpeg();
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\0".to_vec();
    let t = SiteTest::new()
        .file("site.yaml", SITE)
        .file(
            "content/news/2024/xau/index.md",
            "---\ntitle: Ảnh xấu\ndate: 2024-03-14\n---\nx\n",
        )
        .bytes("content/news/2024/xau/rong.jpg", b"")
        .bytes("content/news/2024/xau/dau-cut.jpg", &jpeg[..40])
        .bytes("content/news/2024/xau/doi-ten.png", &jpeg)
        .bytes("content/news/2024/xau/iphone.heic", &heic)
        .bytes("content/news/2024/xau/iphone-doi-ten.jpg", &heic)
        .bytes("content/news/2024/xau/bom.png", &png_bomb())
        .article(
            "content/news/2024/tot.md",
            "Tốt",
            "2024-01-01",
            "[x](khong-co.md)",
        );
    let errs = t
        .build_with(|o| o.write = false)
        .expect_err("the bad images fail the check");
    let errs: Vec<_> = errs.into_iter().filter(|d| d.is_error()).collect();
    let file_of = |needle: &str| {
        let d = find(&errs, needle);
        d.file.as_ref().unwrap().to_string_lossy().into_owned()
    };
    let base = "content/news/2024/xau/";
    assert_eq!(file_of("rỗng"), format!("{base}rong.jpg"));
    assert_eq!(file_of("không đọc được ảnh"), format!("{base}dau-cut.jpg"));
    assert_eq!(file_of("đuôi PNG"), format!("{base}doi-ten.png"));
    assert!(find(&errs, "đuôi PNG").message.contains("JPEG"));
    assert!(
        find(&errs, "đuôi PNG")
            .hint
            .as_deref()
            .unwrap()
            .contains(".jpg")
    );
    let heics: Vec<_> = errs.iter().filter(|d| d.message.contains("HEIC")).collect();
    assert_eq!(heics.len(), 2, "{}", render(&errs));
    assert!(heics[0].hint.as_deref().unwrap().contains("JPEG"));
    assert_eq!(file_of("quá lớn"), format!("{base}bom.png"));
    // The rest of the site was still checked: the broken link is reported.
    assert_eq!(file_of("khong-co.md"), "content/news/2024/tot.md");
    assert_eq!(errs.len(), 7, "{}", render(&errs));
    assert!(!t.exists("index.html"));
}

#[test]
fn a_truncated_photo_that_still_decodes_is_a_warning() {
    let big = {
        let img = RgbImage::from_fn(256, 192, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95)
            .write_image(img.as_raw(), 256, 192, image::ExtendedColorType::Rgb8)
            .unwrap();
        out
    };
    let cut = &big[..big.len() * 2 / 3];
    let t = SiteTest::new()
        .file("site.yaml", SITE)
        .file(
            "content/news/2024/cut/index.md",
            "---\ntitle: Cụt\ndate: 2024-03-14\nphotos:\n  - { file: cut.jpg, caption: Cụt }\n---\nx\n",
        )
        .bytes("content/news/2024/cut/cut.jpg", cut);
    let report = t.built();
    let w = find(&report.warnings, "cắt cụt");
    assert_eq!(
        w.file.as_ref().unwrap().to_string_lossy(),
        "content/news/2024/cut/cut.jpg"
    );
    assert!(t.exists("tin-tuc/2024/cut/cut-32.jpg"));
    // Warm: the warning is remembered by the cache.
    let again = t.built();
    assert_eq!(again.media.decoded, 0);
    find(&again.warnings, "cắt cụt");
}

#[test]
fn a_photo_without_caption_or_alt_and_a_body_image_without_alt_warn() {
    let t = SiteTest::new()
        .file("site.yaml", SITE)
        .file(
            "content/news/2024/k/index.md",
            "---\ntitle: K\ndate: 2024-03-14\nphotos:\n  - { file: a.jpg }\n---\n![](b.jpg)\n",
        )
        .bytes("content/news/2024/k/a.jpg", &jpeg())
        .bytes("content/news/2024/k/b.jpg", &jpeg());
    let report = t.built();
    let a = find(&report.warnings, "`a.jpg`");
    assert_eq!(a.line, 5);
    let b_gallery = report
        .warnings
        .iter()
        .filter(|d| d.message.contains("b.jpg"))
        .count();
    assert_eq!(
        b_gallery, 2,
        "unlisted in the gallery, and no alt in the text"
    );
    let body = report
        .warnings
        .iter()
        .find(|d| d.message.contains("b.jpg") && d.line == 7)
        .expect("body image warning on its line");
    assert!(body.hint.as_deref().unwrap().contains("!["));
}

#[test]
fn bad_image_settings_are_errors_on_site_yaml() {
    let t = SiteTest::new().file(
        "site.yaml",
        "title: T\nbase_url: https://x.example.vn/\nimages:\n  widths: [0]\n  quality: 120\n  formats: [gif]\n",
    );
    let errs = t.errors();
    assert_eq!(errs.len(), 3, "{}", render(&errs));
    assert!(
        errs.iter()
            .all(|d| d.file.as_ref().unwrap().to_string_lossy() == "site.yaml")
    );
}

#[test]
fn a_copy_that_stopped_leaving_zeros_warns_and_an_empty_png_is_an_error() {
    // A copy that failed part-way often leaves the file at full size with
    // its end filled with zeros: it still decodes, with a grey bottom.
    let img = RgbImage::from_fn(256, 192, |x, y| Rgb([x as u8, y as u8, 90]));
    let mut zeroed = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut zeroed, 95)
        .write_image(img.as_raw(), 256, 192, image::ExtendedColorType::Rgb8)
        .unwrap();
    let cut = zeroed.len() * 2 / 3;
    zeroed[cut..].fill(0);
    let t = SiteTest::new()
        .file("site.yaml", SITE)
        .file(
            "content/news/2024/z/index.md",
            "---\ntitle: Z\ndate: 2024-03-14\nphotos:\n  - { file: z.jpg, caption: Z }\n---\nx\n",
        )
        .bytes("content/news/2024/z/z.jpg", &zeroed);
    let report = t.built();
    let w = find(&report.warnings, "cắt cụt");
    assert_eq!(
        w.file.as_ref().unwrap().to_string_lossy(),
        "content/news/2024/z/z.jpg"
    );
    assert!(!w.is_error());
    assert!(t.exists("tin-tuc/2024/z/z-32.webp"));

    t.write_bytes("content/news/2024/z/rong.png", b"");
    let errs = t.errors();
    let e = find(&errs, "rỗng");
    assert!(e.is_error());
    assert_eq!(
        e.file.as_ref().unwrap().to_string_lossy(),
        "content/news/2024/z/rong.png"
    );
}
