//! Finding a theme's files: templates, the interface translation file and
//! static assets. The default theme is compiled into the binary so that a
//! site made by `bangtin init` works without a `themes/` folder; a theme on
//! disk wins over it, and a site's `templates/` wins over both, file by file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::site_relative;
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

/// The default theme's files, relative to `themes/default/`.
pub const DEFAULT_THEME: &[(&str, &str)] = &[
    (
        "i18n/en.yaml",
        include_str!("../../themes/default/i18n/en.yaml"),
    ),
    (
        "i18n/vi.yaml",
        include_str!("../../themes/default/i18n/vi.yaml"),
    ),
    (
        "static/favicon.svg",
        include_str!("../../themes/default/static/favicon.svg"),
    ),
    (
        "static/lightbox.js",
        include_str!("../../themes/default/static/lightbox.js"),
    ),
    (
        "static/results.js",
        include_str!("../../themes/default/static/results.js"),
    ),
    (
        "static/search.js",
        include_str!("../../themes/default/static/search.js"),
    ),
    (
        "static/style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    (
        "templates/404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "templates/article.html",
        include_str!("../../themes/default/templates/article.html"),
    ),
    (
        "templates/base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "templates/cluster-year.html",
        include_str!("../../themes/default/templates/cluster-year.html"),
    ),
    (
        "templates/cluster.html",
        include_str!("../../themes/default/templates/cluster.html"),
    ),
    (
        "templates/clusters.html",
        include_str!("../../themes/default/templates/clusters.html"),
    ),
    (
        "templates/feed.xml",
        include_str!("../../themes/default/templates/feed.xml"),
    ),
    (
        "templates/galleries.html",
        include_str!("../../themes/default/templates/galleries.html"),
    ),
    (
        "templates/index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "templates/list.html",
        include_str!("../../themes/default/templates/list.html"),
    ),
    (
        "templates/page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "templates/partials/body.html",
        include_str!("../../themes/default/templates/partials/body.html"),
    ),
    (
        "templates/partials/breadcrumb.html",
        include_str!("../../themes/default/templates/partials/breadcrumb.html"),
    ),
    (
        "templates/partials/card.html",
        include_str!("../../themes/default/templates/partials/card.html"),
    ),
    (
        "templates/partials/gallery.html",
        include_str!("../../themes/default/templates/partials/gallery.html"),
    ),
    (
        "templates/partials/pager.html",
        include_str!("../../themes/default/templates/partials/pager.html"),
    ),
    (
        "templates/partials/picture.html",
        include_str!("../../themes/default/templates/partials/picture.html"),
    ),
    (
        "templates/partials/results-table.html",
        include_str!("../../themes/default/templates/partials/results-table.html"),
    ),
    (
        "templates/partials/source.html",
        include_str!("../../themes/default/templates/partials/source.html"),
    ),
    (
        "templates/partials/unit.html",
        include_str!("../../themes/default/templates/partials/unit.html"),
    ),
    (
        "templates/redirect.html",
        include_str!("../../themes/default/templates/redirect.html"),
    ),
    (
        "templates/results-year.html",
        include_str!("../../themes/default/templates/results-year.html"),
    ),
    (
        "templates/results.html",
        include_str!("../../themes/default/templates/results.html"),
    ),
    (
        "templates/robots.txt",
        include_str!("../../themes/default/templates/robots.txt"),
    ),
    (
        "templates/search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "templates/sitemap.xml",
        include_str!("../../themes/default/templates/sitemap.xml"),
    ),
    (
        "templates/tags.html",
        include_str!("../../themes/default/templates/tags.html"),
    ),
    (
        "templates/unit.html",
        include_str!("../../themes/default/templates/unit.html"),
    ),
    (
        "templates/units.html",
        include_str!("../../themes/default/templates/units.html"),
    ),
];

/// One file of the theme: its text and where the user can find it.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Relative to the theme (`templates/base.html`).
    pub name: String,
    pub text: String,
    /// Site-relative path shown in errors (`themes/default/templates/base.html`).
    pub shown: String,
}

/// The files of a theme after overrides.
#[derive(Debug, Default)]
pub struct Theme {
    pub files: BTreeMap<String, ThemeFile>,
    /// Static assets on disk (theme `static/`), relative name → disk path.
    pub static_on_disk: BTreeMap<String, PathBuf>,
}

impl Theme {
    /// Templates: name inside `templates/` → file.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("templates/").map(|n| (n, f)))
    }

    /// The translation file for `lang`, if the theme has one.
    pub fn translations(&self, lang: &str) -> Option<&ThemeFile> {
        self.files.get(&format!("i18n/{lang}.yaml"))
    }

    /// Languages the theme is translated into.
    pub fn languages(&self) -> Vec<&str> {
        self.files
            .keys()
            .filter_map(|k| k.strip_prefix("i18n/")?.strip_suffix(".yaml"))
            .collect()
    }

    /// Embedded static assets (used when the theme is not on disk).
    pub fn embedded_static(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("static/").map(|n| (n, f)))
    }
}

/// Loads theme `name` for the site at `site_dir`. `themes/`, the theme's
/// folder and `templates/` may not be symbolic links out of the site, and
/// neither may any file in them (FORMAT.md §1): outside files would be published.
pub fn load(site_dir: &Path, name: &str) -> Result<Theme, Diagnostic> {
    for rel in [
        "themes".to_string(),
        format!("themes/{name}"),
        "templates".to_string(),
    ] {
        refuse_link_out(site_dir, &rel)?;
    }
    let dir = site_dir.join("themes").join(name);
    let mut theme = Theme::default();
    if dir.is_dir() {
        for (rel, disk) in files_under(site_dir, &dir)? {
            let shown = site_relative(site_dir, &disk);
            if let Some(asset) = rel.strip_prefix("static/") {
                theme.static_on_disk.insert(asset.to_string(), disk);
                continue;
            }
            let text = read(&disk, &shown)?;
            theme.files.insert(
                rel.clone(),
                ThemeFile {
                    name: rel,
                    text,
                    shown,
                },
            );
        }
    } else if name == "default" {
        for (rel, text) in DEFAULT_THEME {
            theme.files.insert(
                rel.to_string(),
                ThemeFile {
                    name: rel.to_string(),
                    text: text.to_string(),
                    shown: format!("themes/default/{rel}"),
                },
            );
        }
    } else {
        return Err(Diagnostic::error(t!(Msg::ThemeMissing, theme = name))
            .in_file("site.yaml")
            .hint(t!(Msg::ThemeMissingHint, theme = name)));
    }
    let overrides = site_dir.join("templates");
    if overrides.is_dir() {
        for (rel, disk) in files_under(site_dir, &overrides)? {
            let shown = site_relative(site_dir, &disk);
            let text = read(&disk, &shown)?;
            let name = format!("templates/{rel}");
            theme
                .files
                .insert(name.clone(), ThemeFile { name, text, shown });
        }
    }
    Ok(theme)
}

/// An error when `rel` (site-relative) is a symbolic link to outside the site.
fn refuse_link_out(site_dir: &Path, rel: &str) -> Result<(), Diagnostic> {
    match crate::content::link_out(site_dir, &site_dir.join(rel)) {
        Some(d) => Err(d),
        None => Ok(()),
    }
}

/// The files under `dir`, relative to it, listed as `content/` is: hidden
/// and junk files left out, a symbolic link out of the site an error.
fn files_under(site_dir: &Path, dir: &Path) -> Result<Vec<(String, PathBuf)>, Diagnostic> {
    let mut diags = crate::diag::Diagnostics::new();
    let listed = crate::content::list_files(site_dir, dir, &mut diags);
    if let Some(d) = diags.into_iter().find(Diagnostic::is_error) {
        return Err(d);
    }
    let prefix = format!("{}/", site_relative(site_dir, dir));
    Ok(listed
        .into_iter()
        .map(|(rel, disk)| {
            let inner = rel.strip_prefix(&prefix).unwrap_or(&rel).to_string();
            (inner, disk)
        })
        .collect())
}

fn read(disk: &Path, shown: &str) -> Result<String, Diagnostic> {
    let bytes = crate::content::read_limited(shown, disk)?;
    String::from_utf8(bytes).map_err(|_| {
        Diagnostic::error(t!(Msg::NotUtf8))
            .in_file(shown)
            .hint(t!(Msg::NotUtf8Hint))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded list must be exactly the files of themes/default, or a
    /// site made by `init` would silently miss a template.
    #[test]
    fn embedded_default_theme_matches_the_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("themes/default");
        let listed = files_under(root, &dir).expect("the default theme lists");
        let on_disk: Vec<String> = listed.into_iter().map(|(r, _)| r).collect();
        let embedded: Vec<String> = DEFAULT_THEME.iter().map(|(r, _)| r.to_string()).collect();
        assert_eq!(on_disk, embedded);
    }
}
