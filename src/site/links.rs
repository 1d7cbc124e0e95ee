//! Links between documents by source path: the map from a content file to
//! the URL of the page made from it, used while rendering Markdown.

use std::collections::{HashMap, HashSet};

use crate::config::{BaseUrl, Config};
use crate::content::Document;
use crate::content::markdown::{LinkTarget, Links};
use crate::media::Media;
use crate::media::html::Picture;

/// Source path → rooted URL, or `None` for a draft left out of this build.
pub struct LinkMap {
    targets: HashMap<String, Option<String>>,
    base: BaseUrl,
    /// Bundle photo source path → its URLs.
    pictures: HashMap<String, Picture>,
    /// Markdown files that exist but failed to load.
    failed: HashSet<String>,
}

impl LinkMap {
    pub fn new(config: &Config, docs: &[&Document], drafts: bool, media: &Media) -> Self {
        let targets: HashMap<String, Option<String>> = docs
            .iter()
            .map(|d| {
                let path = d.address();
                let url = (drafts || !d.front.draft).then(|| config.base_url.rooted(&path));
                (d.path.clone(), url)
            })
            .collect();
        let mut pictures = HashMap::new();
        for d in docs {
            let (Some(files), Some(Some(page))) = (&d.bundle, targets.get(&d.path)) else {
                continue;
            };
            for f in files {
                let Some(info) = media.get(&f.path) else {
                    continue;
                };
                let dir = f
                    .name
                    .rsplit_once('/')
                    .map_or(String::new(), |(d, _)| format!("{d}/"));
                if let Some(p) = Picture::new(info, &format!("{page}{dir}")) {
                    pictures.insert(f.path.clone(), p);
                }
            }
        }
        LinkMap {
            targets,
            base: config.base_url.clone(),
            pictures,
            failed: HashSet::new(),
        }
    }

    /// Marks Markdown files that exist but failed to load, so that links to
    /// them are not reported as broken on top of their own errors.
    pub fn with_failed(mut self, failed: &[String]) -> Self {
        self.failed.extend(failed.iter().cloned());
        self
    }
}

impl Links for LinkMap {
    fn lookup(&self, source: &str) -> LinkTarget {
        match self.targets.get(source) {
            Some(Some(url)) => LinkTarget::Page(url.clone()),
            Some(None) => LinkTarget::Draft,
            None if self.failed.contains(source) => LinkTarget::Failed,
            None => LinkTarget::Missing,
        }
    }

    fn sources(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.targets.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    fn rooted(&self, site_path: &str) -> String {
        self.base.rooted(site_path)
    }

    fn picture(&self, source: &str) -> Option<&Picture> {
        self.pictures.get(source)
    }
}
