//! Which routes an edit touches. Every route records its inputs
//! (`site::Input`); a route is rendered again when one of its inputs is in
//! the changed set, when its template (or a template it uses) changed, or
//! when its shape changed (a list page now shows other articles). The changed
//! set holds the files that changed on disk and, found by comparing the new
//! model with the last good one, the documents whose page data changed
//! without their file changing (a renamed tag, a link to a moved article).
//! Anything every page shows (menu, years, interface words) re-renders all.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::render::{Theme, template_for};
use crate::site::{Article, Input, Pager, Route, RouteKind, Site};

/// Site-relative paths that changed on disk since the last good build.
#[derive(Debug, Default, Clone)]
pub struct Touched {
    paths: BTreeSet<String>,
}

impl Touched {
    pub fn add(&mut self, path: String) {
        self.paths.insert(path);
    }

    pub fn extend(&mut self, other: &Touched) {
        self.paths.extend(other.paths.iter().cloned());
    }

    pub fn clear(&mut self) {
        self.paths.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.paths.iter().map(String::as_str)
    }

    /// Whether `path` or a folder above it changed: a renamed or re-created
    /// folder is reported as the folder alone.
    pub fn touches(&self, path: &str) -> bool {
        let mut p = path;
        loop {
            if self.paths.contains(p) {
                return true;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return false,
            }
        }
    }

    /// Whether anything under `prefix` (a folder or a file) changed.
    pub fn any_under(&self, prefix: &str) -> bool {
        self.paths
            .iter()
            .any(|p| p == prefix || p.starts_with(&format!("{prefix}/")))
    }
}

/// What to render again.
pub enum Selection {
    All,
    /// One flag per route of the new model.
    Some(Vec<bool>),
}

/// Compares the last good build with the new model and picks the routes to
/// render. Anything not understood falls back to rendering more.
pub fn select(
    old: &Site,
    old_theme: &Theme,
    new: &Site,
    new_theme: &Theme,
    touched: &Touched,
) -> Selection {
    if translations(old_theme) != translations(new_theme) || site_wide(old) != site_wide(new) {
        return Selection::All;
    }
    let entries: HashSet<&'static str> = new.routes.iter().map(|r| template_for(&r.kind)).collect();
    let Some(templates) = changed_templates(old_theme, new_theme, &entries) else {
        return Selection::All;
    };
    let changed = ChangedInputs::compare(old, new, touched);
    let old_by_file: HashMap<String, &Route> = old.routes.iter().map(|r| (r.file(), r)).collect();
    let flags = new
        .routes
        .iter()
        .map(|r| {
            let Some(before) = old_by_file.get(&r.file()) else {
                return true;
            };
            shape(before) != shape(r)
                || r.inputs.iter().any(|i| changed.contains(i))
                || templates.contains(template_for(&r.kind))
        })
        .collect();
    Selection::Some(flags)
}

/// What every page shows (`site` in the templates), apart from `site.yaml`,
/// whose edits always rebuild everything.
fn site_wide(site: &Site) -> impl PartialEq + '_ {
    let years: Vec<(i16, usize)> = site.years.iter().map(|(y, a)| (*y, a.len())).collect();
    (&site.menu, years, site.home.html.trim().is_empty())
}

fn translations(theme: &Theme) -> Vec<(&String, &String)> {
    theme
        .files
        .iter()
        .filter(|(k, _)| k.starts_with("i18n/"))
        .map(|(k, f)| (k, &f.text))
        .collect()
}

/// A route without the indexes into the model, which shift when an article
/// is added: what it renders is its template, this key and its inputs.
fn shape(r: &Route) -> (&'static str, String, &[Input]) {
    let pager = |p: &Pager| format!("{} {}/{}", p.first, p.number, p.total);
    // Adding a kind of route means saying here what tells two apart.
    let key = match &r.kind {
        RouteKind::Home => String::new(),
        RouteKind::News(p) | RouteKind::Tag(_, p) => pager(p),
        RouteKind::Year(y, p) => format!("{y} {}", pager(p)),
        RouteKind::Redirect { to } => to.clone(),
        RouteKind::Article(_)
        | RouteKind::TagIndex
        | RouteKind::Page(_)
        | RouteKind::NotFound
        | RouteKind::Feed
        | RouteKind::Sitemap
        | RouteKind::SitemapPart(_)
        | RouteKind::Robots
        | RouteKind::Galleries
        | RouteKind::ClusterIndex
        | RouteKind::ResultsIndex
        | RouteKind::UnitIndex
        | RouteKind::Search => String::new(),
        // Data pages are told apart by their address.
        RouteKind::Cluster(_)
        | RouteKind::ClusterFeed(_)
        | RouteKind::ClusterYear(_)
        | RouteKind::Export { .. }
        | RouteKind::ResultsYear(_)
        | RouteKind::ResultsYearExport(_)
        | RouteKind::Unit(_)
        | RouteKind::SearchFile(_) => r.path.clone(),
    };
    (template_for(&r.kind), key, &r.inputs)
}

/// The inputs that count as changed for this rebuild.
struct ChangedInputs<'a> {
    touched: &'a Touched,
    /// Documents whose page data changed although their file did not.
    derived: HashSet<&'a str>,
    all_articles: bool,
    /// The search index differs (its version is a hash of its files).
    search_changed: bool,
}

impl<'a> ChangedInputs<'a> {
    fn compare(old: &Site, new: &'a Site, touched: &'a Touched) -> Self {
        let mut derived = HashSet::new();
        let old_articles: HashMap<&str, &Article> = old
            .articles
            .iter()
            .map(|a| (a.source.as_str(), a))
            .collect();
        for a in &new.articles {
            let same = old_articles
                .get(a.source.as_str())
                .is_some_and(|b| article_view(old, b) == article_view(new, a));
            if !same {
                derived.insert(a.source.as_str());
            }
        }
        let old_pages: HashMap<&str, _> = old
            .pages
            .iter()
            .map(|p| (p.source.as_str(), page_view(p)))
            .collect();
        for p in &new.pages {
            if old_pages.get(p.source.as_str()) != Some(&page_view(p)) {
                derived.insert(p.source.as_str());
            }
        }
        if let Some(src) = &new.home.source
            && (old.home.source.as_ref() != Some(src) || old.home.html != new.home.html)
        {
            derived.insert(src.as_str());
        }
        let all_articles = listing(old) != listing(new);
        ChangedInputs {
            touched,
            derived,
            all_articles,
            search_changed: old.search.version != new.search.version,
        }
    }

    fn contains(&self, input: &Input) -> bool {
        // A new kind of input says here when it counts as changed.
        match input {
            // `site.yaml` edits rebuild everything before we get here.
            Input::Config => false,
            Input::File(p) => self.touched.touches(p) || self.derived.contains(p.as_str()),
            Input::AllArticles => self.all_articles,
            // `data/` edits rebuild everything before we get here.
            Input::AllData => false,
            Input::AllText => self.search_changed,
        }
    }
}

/// Everything an article's own page and card show, tags resolved to their
/// shown names and addresses (two articles can rename a shared tag).
fn article_view<'a>(site: &'a Site, a: &'a Article) -> impl PartialEq + 'a {
    let tags: Vec<(&str, &str)> = a
        .tags
        .iter()
        .map(|&t| (site.tags[t].name.as_str(), site.tags[t].path.as_str()))
        .collect();
    (
        (&a.title, &a.slug, &a.date, &a.path, &a.summary, &a.html),
        (&a.byline, &a.event, &a.aliases, &a.bundle, a.draft, tags),
    )
}

fn page_view(p: &crate::site::Page) -> impl PartialEq + '_ {
    (
        &p.title, &p.path, &p.summary, &p.html, &p.aliases, &p.bundle,
    )
}

/// What pages that list every article show besides their items: the order
/// and dates of articles, the tags with their counts, and every address
/// (the sitemap).
fn listing(site: &Site) -> impl PartialEq + '_ {
    let articles: Vec<(&str, &str, &crate::content::DocDate)> = site
        .articles
        .iter()
        .map(|a| (a.source.as_str(), a.path.as_str(), &a.date))
        .collect();
    let tags: Vec<(&str, &str, &[usize])> = site
        .tags
        .iter()
        .map(|t| (t.name.as_str(), t.path.as_str(), t.articles.as_slice()))
        .collect();
    let paths: Vec<&str> = site.routes.iter().map(|r| r.path.as_str()).collect();
    (articles, tags, paths)
}

/// Names of templates whose change affects pages, through `extends`,
/// `include` and `import`; `None` when the change cannot be traced (a
/// component, which Tera 2 makes global, or a name built at run time).
fn changed_templates(
    old: &Theme,
    new: &Theme,
    entries: &HashSet<&'static str>,
) -> Option<HashSet<&'static str>> {
    let texts = |t: &Theme| -> HashMap<String, String> {
        t.templates()
            .map(|(n, f)| (n.to_string(), f.text.clone()))
            .collect()
    };
    let (before, after) = (texts(old), texts(new));
    let changed: HashSet<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|n| before.get(*n) != after.get(*n))
        .collect();
    let mut affected = HashSet::new();
    if changed.is_empty() {
        return Some(affected);
    }
    let mut uses: HashMap<&str, Vec<String>> = HashMap::new();
    for (name, text) in before.iter().chain(after.iter()) {
        let refs = references(text)?;
        uses.entry(name.as_str()).or_default().extend(refs);
    }
    for entry in entries {
        let mut stack = vec![entry.to_string()];
        let mut seen = HashSet::new();
        while let Some(t) = stack.pop() {
            if !seen.insert(t.clone()) {
                continue;
            }
            if changed.contains(&t) {
                affected.insert(*entry);
                break;
            }
            stack.extend(uses.get(t.as_str()).into_iter().flatten().cloned());
        }
    }
    Some(affected)
}

/// Templates named by `extends`, `include` and `import` tags; `None` when
/// a tag names one by an expression or defines a component.
fn references(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        let after = &rest[start + 2..];
        let end = after.find("%}")?;
        let tag = after[..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        rest = &after[end + 2..];
        let word = tag.split_whitespace().next().unwrap_or("");
        match word {
            "extends" | "include" | "import" => {
                let names = quoted(tag);
                if names.is_empty() {
                    return None;
                }
                out.extend(names);
            }
            "component" => return None,
            _ => {}
        }
    }
    Some(out)
}

fn quoted(tag: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = tag.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '"' || c == '\'' || c == '`' {
            let body = &tag[i + 1..];
            if let Some(len) = body.find(c) {
                out.push(body[..len].to_string());
                for _ in 0..=body[..len].chars().count() {
                    chars.next();
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_change_touches_the_files_below_it() {
        let mut t = Touched::default();
        t.add("content/news/2024/bai".into());
        assert!(t.touches("content/news/2024/bai/index.md"));
        assert!(!t.touches("content/news/2024/bai-khac.md"));
        assert!(t.any_under("content"));
        assert!(!t.any_under("templates"));
    }

    #[test]
    fn template_references_are_read_from_tags() {
        let text = r#"{% extends "base.html" %}{%- include 'partials/card.html' -%}
{% import "macros.html" as m %}{{ "not-a-ref.html" }}"#;
        assert_eq!(
            references(text).unwrap(),
            ["base.html", "partials/card.html", "macros.html"]
        );
        assert!(references("{% include name %}").is_none());
        assert!(references("{% component card() %}x{% endcomponent %}").is_none());
    }
}
