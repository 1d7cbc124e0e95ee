//! Photos as template values: a gallery photo or a cover with its
//! `srcset`s, size, large image and caption; and the gallery page's years.

use serde::Serialize;
use tera::Value;

use crate::media::html::Picture;
use crate::site::{Photo, Site};

/// A photo for templates (`partials/picture.html`, `partials/gallery.html`).
#[derive(Serialize)]
pub struct PhotoValue<'a> {
    #[serde(flatten)]
    picture: Picture,
    caption: Option<&'a str>,
    alt: &'a str,
    /// Absolute address of the large image, for `og:image`.
    absolute: String,
}

/// The value of `photo`, or `None` when it was not processed.
pub fn photo_value<'a>(site: &Site, photo: &'a Photo) -> Option<PhotoValue<'a>> {
    let base = &site.config.base_url;
    let info = site.media.get(&photo.source)?;
    let picture = Picture::new(info, &base.rooted(&photo.folder))?;
    let large = info.large()?;
    Some(PhotoValue {
        picture,
        caption: photo.caption.as_deref(),
        alt: &photo.alt,
        absolute: base.absolute(&format!("{}{}", photo.folder, large.name)),
    })
}

/// One year of the gallery page.
#[derive(Serialize)]
pub struct GalleryYear {
    year: i16,
    /// `{ card, count }`, newest first.
    items: Vec<GalleryItem>,
}

#[derive(Serialize)]
struct GalleryItem {
    card: Value,
    count: usize,
}

/// Articles with photos, newest first, grouped by year.
pub fn gallery_years(site: &Site, cards: &[Value]) -> Vec<GalleryYear> {
    let mut years: Vec<GalleryYear> = Vec::new();
    for (i, a) in site.articles.iter().enumerate() {
        if a.gallery.is_empty() {
            continue;
        }
        let year = a.date.year();
        if years.last().is_none_or(|y| y.year != year) {
            years.push(GalleryYear {
                year,
                items: Vec::new(),
            });
        }
        if let Some(y) = years.last_mut() {
            y.items.push(GalleryItem {
                card: cards[i].clone(),
                count: a.gallery.len(),
            });
        }
    }
    years
}
