//! An article's gallery (FORMAT.md §3): the photos of `photos` in their
//! order, then the bundle's other photos by name; the cover is `cover` or
//! the first photo. A photo with neither caption nor alt gets a warning.

use crate::content::{BundleFile, Document};
use crate::diag::Diagnostic;
use crate::diag::Diagnostics;
use crate::media::Media;
use crate::messages::Msg;
use crate::t;
use crate::text::nfc;

/// One photo of a gallery.
#[derive(Debug, Clone)]
pub struct Photo {
    /// Site-relative source path, the key into [`Media`].
    pub source: String,
    /// Site path of the folder the photo's files go to (`/tin-tuc/2024/a/`).
    pub folder: String,
    pub caption: Option<String>,
    /// `alt`, else the caption, else empty.
    pub alt: String,
}

/// The gallery of `doc`, whose page is at `page_path`, and the index of its
/// cover in it.
pub fn gallery(
    doc: &Document,
    page_path: &str,
    media: &Media,
    diags: &mut Diagnostics,
) -> (Vec<Photo>, Option<usize>) {
    let Some(bundle) = doc.bundle.as_deref() else {
        return (Vec::new(), None);
    };
    let src = doc.source();
    let photo = |f: &BundleFile, caption: Option<String>, alt: Option<String>| {
        let dir = f.name.rsplit_once('/').map_or("", |(d, _)| d);
        let folder = if dir.is_empty() {
            page_path.to_string()
        } else {
            format!("{page_path}{dir}/")
        };
        let caption = caption
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        let alt = alt
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .or_else(|| caption.clone())
            .unwrap_or_default();
        Photo {
            source: f.path.clone(),
            folder,
            caption,
            alt,
        }
    };
    let mut photos: Vec<Photo> = Vec::new();
    for entry in &doc.front.photos {
        let wanted = nfc(entry.file.value.trim());
        let Some(f) = bundle.iter().find(|f| f.name == wanted) else {
            continue;
        };
        if media.get(&f.path).is_none() || photos.iter().any(|p| p.source == f.path) {
            continue;
        }
        let p = photo(f, entry.caption.clone(), entry.alt.clone());
        if p.alt.is_empty() {
            diags.push(
                src.warning_at(&entry.file, t!(Msg::PhotoNoAlt, file = wanted))
                    .hint(t!(Msg::PhotoNoAltHint, file = wanted)),
            );
        }
        photos.push(p);
    }
    // A photo not listed in `photos:` has no line of its own: point at the
    // list where its caption belongs (or the top of the front matter).
    let photos_line = doc
        .text
        .lines()
        .position(|l| l.starts_with("photos:"))
        .map_or(1, |i| i + 1);
    for f in bundle {
        if media.get(&f.path).is_none() || photos.iter().any(|p| p.source == f.path) {
            continue;
        }
        diags.push(
            Diagnostic::warning(t!(Msg::PhotoNoAlt, file = f.name))
                .in_file(doc.path.as_str())
                .at(&doc.text, photos_line, 1)
                .hint(t!(Msg::PhotoNoAltHint, file = f.name)),
        );
        photos.push(photo(f, None, None));
    }
    let cover = match &doc.front.cover {
        Some(c) => {
            let wanted = nfc(c.value.trim());
            photos.iter().position(|p| {
                bundle
                    .iter()
                    .any(|f| f.path == p.source && f.name == wanted)
            })
        }
        None => (!photos.is_empty()).then_some(0),
    };
    (photos, cover)
}
