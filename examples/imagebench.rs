//! Helper for `bench/images.sh`: makes synthetic photos and times the
//! naive way of processing them with the `image` crate alone.
//!
//! `cargo run --release --example imagebench -- gen DIR COUNT WIDTH HEIGHT`
//! writes COUNT JPEGs (gradient plus noise, q90, EXIF orientation 6).
//! `cargo run --release --example imagebench -- naive DIR` decodes each JPEG
//! of DIR, turns it upright, resizes it to 480/960/1600 with image's
//! Lanczos3 and encodes JPEG q80 (image) and WebP q80 (libwebp, since image
//! writes only lossless WebP), one image after another, and prints seconds.
//! `cargo run --release --example imagebench -- example DIR` draws the
//! example site's photos (shapes only, made here, free of any rights).

use std::io::Cursor;
use std::path::Path;
use std::time::Instant;

use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageReader, Rgb, RgbImage};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gen") if args.len() == 5 => {
            let n: u32 = args[2].parse().expect("COUNT");
            let w: u32 = args[3].parse().expect("WIDTH");
            let h: u32 = args[4].parse().expect("HEIGHT");
            generate(Path::new(&args[1]), n, w, h);
        }
        Some("naive") if args.len() == 2 => naive(Path::new(&args[1])),
        Some("example") if args.len() == 2 => example_photos(Path::new(&args[1])),
        _ => eprintln!("usage: imagebench gen DIR COUNT WIDTH HEIGHT | naive DIR"),
    }
}

fn generate(dir: &Path, count: u32, w: u32, h: u32) {
    std::fs::create_dir_all(dir).expect("create dir");
    for i in 0..count {
        let mut seed = 0x9E37_79B9u32.wrapping_mul(i + 1);
        let img = RgbImage::from_fn(w, h, |x, y| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let noise = (seed & 31) as u8;
            let r = (x * 200 / w) as u8;
            let g = (y * 200 / h) as u8;
            let b = ((x + y + i * 37) % 160) as u8;
            Rgb([r.saturating_add(noise), g.saturating_add(noise), b + noise])
        });
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
            .expect("encode");
        // EXIF APP1 with Orientation = 6 (a phone held upright).
        let exif: &[u8] = b"\xFF\xE1\x00\x22Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0";
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(exif);
        out.extend_from_slice(&jpeg[2..]);
        std::fs::write(dir.join(format!("anh-{i:03}.jpg")), out).expect("write");
    }
}

fn naive(dir: &Path) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    files.sort();
    let start = Instant::now();
    let mut bytes_out = 0usize;
    for f in &files {
        let data = std::fs::read(f).expect("read");
        let mut decoder = ImageReader::new(Cursor::new(&data))
            .with_guessed_format()
            .expect("format")
            .into_decoder()
            .expect("decoder");
        let orientation = decoder.orientation().expect("orientation");
        let mut img = DynamicImage::from_decoder(decoder).expect("decode");
        img.apply_orientation(orientation);
        for width in [480u32, 960, 1600] {
            let height = img.height() * width / img.width();
            let small = img
                .resize_exact(width, height, image::imageops::FilterType::Lanczos3)
                .to_rgb8();
            let mut jpeg = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80)
                .write_image(
                    small.as_raw(),
                    width,
                    height,
                    image::ExtendedColorType::Rgb8,
                )
                .expect("jpeg");
            let webp = webp::Encoder::from_rgb(small.as_raw(), width, height)
                .encode_simple(false, 80.0)
                .expect("webp");
            bytes_out += jpeg.len() + webp.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "naive: {} images in {secs:.2} s ({:.3} s per image, {} KB out)",
        files.len(),
        secs / files.len().max(1) as f64,
        bytes_out / 1024
    );
}

/// A hall drawn with shapes: wall gradient, a red banner, a stage, rows of
/// people as circles. `tint` varies the scene.
fn hall(w: u32, h: u32, tint: u32) -> RgbImage {
    let people: Vec<(u32, u32, u32, [u8; 3])> = (0..40u32)
        .map(|i| {
            let row = i / 10;
            let x = w / 12 + (i % 10) * w / 11 + (row % 2) * w / 30;
            let y = h * 11 / 20 + row * h / 10;
            let shade = [
                (60 + (i * 37 + tint) % 120) as u8,
                (50 + (i * 53) % 90) as u8,
                (70 + (i * 29 + tint) % 110) as u8,
            ];
            (x, y, h / 22 + row * h / 200, shade)
        })
        .collect();
    RgbImage::from_fn(w, h, |x, y| {
        for &(cx, cy, r, c) in &people {
            let (dx, dy) = (x.abs_diff(cx), y.abs_diff(cy));
            if dx * dx + dy * dy <= r * r {
                return Rgb([240, 205, 170]);
            }
            if y > cy + r / 2 && y < cy + r * 3 && dx < r * 3 / 2 {
                return Rgb(c);
            }
        }
        if y > h / 10 && y < h / 4 && x > w / 8 && x < w * 7 / 8 {
            // The banner, with a yellow stripe.
            return if y > h * 16 / 100 && y < h * 18 / 100 {
                Rgb([250, 210, 60])
            } else {
                Rgb([170, 25, 20])
            };
        }
        if y > h * 2 / 5 && y < h / 2 {
            return Rgb([120, 70, 40]);
        }
        let g = (y * 60 / h) as u8;
        Rgb([225 - g, 220 - g, (205 + tint % 30) as u8 - g])
    })
}

fn example_photos(dir: &Path) {
    std::fs::create_dir_all(dir).expect("create dir");
    let save = |name: &str, img: &RgbImage, orientation: Option<u8>| {
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
            .write_image(
                img.as_raw(),
                img.width(),
                img.height(),
                image::ExtendedColorType::Rgb8,
            )
            .expect("encode");
        let mut out = jpeg[..2].to_vec();
        if let Some(o) = orientation {
            let mut exif = b"\xFF\xE1\x00\x22Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0".to_vec();
            exif[28] = o;
            out.extend(exif);
        }
        out.extend_from_slice(&jpeg[2..]);
        std::fs::write(dir.join(name), out).expect("write");
    };
    save("toan-canh.jpg", &hall(1600, 1000, 0), None);
    save("ky-ket.jpg", &hall(1200, 900, 90), None);
    // Stored sideways with EXIF orientation 6, as a phone held upright does.
    let upright = hall(900, 1200, 45);
    save(
        "trao-co.jpg",
        &image::imageops::rotate270(&upright),
        Some(6),
    );
}
