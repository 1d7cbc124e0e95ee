//! Links between documents by source path: the map from a content file to
//! the URL of the page made from it, used while rendering Markdown.

use std::collections::HashMap;

use crate::config::{BaseUrl, Config};
use crate::content::markdown::{LinkTarget, Links};
use crate::content::{DocKind, Document};

/// Source path → rooted URL, or `None` for a draft left out of this build.
pub struct LinkMap {
    targets: HashMap<String, Option<String>>,
    base: BaseUrl,
}

impl LinkMap {
    pub fn new(config: &Config, docs: &[&Document], drafts: bool) -> Self {
        let targets = docs
            .iter()
            .map(|d| {
                let path = match d.kind {
                    DocKind::HomeIntro => "/".to_string(),
                    DocKind::Page => format!("/{}/", d.slug),
                    DocKind::Article => match &d.date {
                        Some(date) => format!("/tin-tuc/{}/{}/", date.year(), d.slug),
                        None => "/tin-tuc/".to_string(),
                    },
                };
                let url = (drafts || !d.front.draft).then(|| config.base_url.rooted(&path));
                (d.path.clone(), url)
            })
            .collect();
        LinkMap {
            targets,
            base: config.base_url.clone(),
        }
    }
}

impl Links for LinkMap {
    fn lookup(&self, source: &str) -> LinkTarget {
        match self.targets.get(source) {
            Some(Some(url)) => LinkTarget::Page(url.clone()),
            Some(None) => LinkTarget::Draft,
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
}
