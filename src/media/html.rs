//! The URLs of a processed image as one value: `srcset` per format, the
//! `<img>` fallback with its size, and the large image to link to. Templates
//! get it as data (galleries, cards, `og:image`); Markdown bodies get
//! [`Picture::html`], which writes the same shape the theme's
//! `partials/picture.html` does.

use std::fmt::Write as _;

use pulldown_cmark_escape::{escape_href, escape_html};
use serde::Serialize;

use super::{ImageInfo, Variant};

/// `sizes` for an image across the text column.
pub const SIZES_PROSE: &str = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

/// Width of the `<img src>` fallback: a good size for old browsers that
/// ignore `srcset`.
const FALLBACK_WIDTH: u32 = 960;

/// One `<source>` of a `<picture>`.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub mime: &'static str,
    pub srcset: String,
}

/// Everything a page needs to show an image.
#[derive(Debug, Clone, Serialize)]
pub struct Picture {
    /// `<source>` elements: every format but the fallback, best first.
    pub sources: Vec<Source>,
    pub src: String,
    pub srcset: String,
    pub width: u32,
    pub height: u32,
    /// The largest fallback file, for links and the lightbox.
    pub large: String,
    pub large_width: u32,
    pub large_height: u32,
}

impl Picture {
    /// `folder_url` is the rooted URL of the bundle folder, ending in `/`.
    pub fn new(info: &ImageInfo, folder_url: &str) -> Option<Picture> {
        let url = |v: &Variant| {
            let mut s = String::new();
            let _ = escape_href(&mut s, &format!("{folder_url}{}", v.name));
            s
        };
        let srcset = |f| {
            info.of_format(f)
                .map(|v| format!("{} {}w", url(v), v.width))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let fallback = info.fallback_format();
        let src = info.at_least(FALLBACK_WIDTH.min(info.width))?;
        let large = info.large()?;
        let mut formats: Vec<_> = info.variants.iter().map(|v| v.format).collect();
        formats.dedup();
        Some(Picture {
            sources: formats
                .into_iter()
                .filter(|f| *f != fallback)
                .map(|f| Source {
                    mime: f.mime(),
                    srcset: srcset(f),
                })
                .collect(),
            src: url(src),
            srcset: srcset(fallback),
            width: src.width,
            height: src.height,
            large: url(large),
            large_width: large.width,
            large_height: large.height,
        })
    }

    /// `<picture>` with `alt`, `sizes`, size attributes and lazy loading.
    pub fn html(&self, alt: &str, sizes: &str, lazy: bool) -> String {
        let mut out = String::from("<picture>");
        for s in &self.sources {
            let _ = write!(
                out,
                r#"<source type="{}" srcset="{}" sizes="{}">"#,
                s.mime, s.srcset, sizes
            );
        }
        let mut alt_html = String::new();
        let _ = escape_html(&mut alt_html, alt);
        let _ = write!(
            out,
            r#"<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{} decoding="async"></picture>"#,
            self.src,
            self.srcset,
            sizes,
            self.width,
            self.height,
            alt_html,
            if lazy { r#" loading="lazy""# } else { "" },
        );
        out
    }
}
