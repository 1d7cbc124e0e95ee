//! The site model: every page bangtin will write, with its URL, what it shows
//! and the inputs it was made from (FORMAT.md §9). Articles, standalone
//! pages, tags, year archives and pagination are decided here; nothing here
//! formats HTML except the Markdown bodies, rendered once per document.

pub mod body;
mod data_pages;
mod gallery;
mod links;
mod routes;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::config::{Config, MarkdownConfig, MenuEntry};
use crate::content::markdown::{self, Links, MarkdownSource};
use crate::content::{BundleFile, DocDate, DocKind, Document, SourceInfo};
use crate::data::Data;
use crate::diag::Diagnostics;
use crate::media::Media;
use crate::text::{collator, identity_key, slugify, truncate_words};
pub use data_pages::{ClusterHistory, DataLinks, ExportFormat, cluster_year_path, unit_path};
pub use gallery::Photo;
pub use links::LinkMap;
pub use routes::{
    FEED_ENTRIES, Input, Pager, Route, RouteKind, SITEMAP_URLS, feed_articles, sitemap_parts,
};

/// Characters of the first paragraph kept when an article has no `summary`.
const SUMMARY_CHARS: usize = 220;

/// A published article.
#[derive(Debug)]
pub struct Article {
    /// Site-relative source file (`content/news/2024/a.md`).
    pub source: String,
    pub title: String,
    pub slug: String,
    pub date: DocDate,
    /// Site path (`/tin-tuc/2024/a/`), without the base path.
    pub path: String,
    pub summary: String,
    /// In a build, kept on disk until its page is made (`body`).
    pub html: body::BodyHtml,
    /// Indexes into [`Site::tags`].
    pub tags: Vec<usize>,
    pub byline: Option<String>,
    pub event: Option<String>,
    pub aliases: Vec<String>,
    pub address_lines: AddressLines,
    pub source_info: Option<SourceInfo>,
    pub bundle: Vec<BundleFile>,
    pub draft: bool,
    /// The cluster-year the article is about (`cluster`, `cluster_year`).
    pub cluster: Option<(String, i16)>,
    /// Ids of the units the article is about.
    pub units: Vec<String>,
    /// The photos of its gallery, in order.
    pub gallery: Vec<Photo>,
    /// Index into `gallery` of the cover photo.
    pub cover: Option<usize>,
}

/// Where a document's address and its aliases are written, so that two
/// pages at one address are reported at a line of each file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressLines {
    /// Line and column of `slug:`; without it, of an article's `date:`
    /// (its year is in the address); (0, 0) when only the file name made it.
    pub address: (usize, usize),
    /// Line and column of each `aliases` entry, in order.
    pub aliases: Vec<(usize, usize)>,
}

impl AddressLines {
    fn of(doc: &Document) -> Self {
        let src = doc.source();
        let address = match (&doc.front.slug, &doc.front.date, doc.kind) {
            (Some(slug), _, _) => src.position(slug),
            (None, Some(date), DocKind::Article) => src.position(date),
            _ => (0, 0),
        };
        AddressLines {
            address,
            aliases: doc.front.aliases.iter().map(|a| src.position(a)).collect(),
        }
    }
}

/// A standalone page (`content/pages/gioi-thieu.md` → `/gioi-thieu/`).
#[derive(Debug)]
pub struct Page {
    pub source: String,
    pub title: String,
    pub path: String,
    pub summary: String,
    pub html: String,
    pub aliases: Vec<String>,
    pub address_lines: AddressLines,
    pub bundle: Vec<BundleFile>,
    /// The photos of its gallery, in order (as for articles).
    pub gallery: Vec<Photo>,
    /// Published only because the build includes drafts.
    pub draft: bool,
}

/// The home page's own text, from `content/_index.md`.
#[derive(Debug, Default)]
pub struct HomeIntro {
    pub source: Option<String>,
    pub title: String,
    pub html: String,
}

/// The introduction of the news list or of one year's archive
/// (`content/news/_index.md`, `content/news/<year>/_index.md`).
#[derive(Debug, Default, Clone)]
pub struct ListIntro {
    /// `None` for the whole news list.
    pub year: Option<i16>,
    pub source: String,
    /// Replaces the list's heading when not empty.
    pub title: String,
    pub description: String,
    pub html: String,
}

impl Site {
    /// The introduction of the news list (`None`) or of a year's archive.
    pub fn list_intro(&self, year: Option<i16>) -> Option<&ListIntro> {
        self.list_intros.iter().find(|i| i.year == year)
    }
}

/// A tag with its articles, newest first.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub slug: String,
    pub path: String,
    pub articles: Vec<usize>,
}

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Newest first.
    pub articles: Vec<Article>,
    pub pages: Vec<Page>,
    pub home: HomeIntro,
    /// Introductions of the news list and year archives.
    pub list_intros: Vec<ListIntro>,
    /// In Vietnamese alphabetical order.
    pub tags: Vec<Tag>,
    /// Years with news, newest first, each with its articles.
    pub years: Vec<(i16, Vec<usize>)>,
    pub menu: Vec<MenuEntry>,
    /// Units, clusters, results: checked and computed.
    pub data: Data,
    pub data_links: DataLinks,
    pub routes: Vec<Route>,
    /// The processed images, by source path.
    pub media: Media,
    /// The files of `/tim-kiem/` (made from everything above but routes).
    pub search: crate::search::Index,
}

impl Site {
    /// Whether the route shows a draft (an article or page published only
    /// because the build includes drafts): such pages ask search engines not
    /// to index them and stay out of the sitemap and feeds.
    pub fn is_draft(&self, kind: &RouteKind) -> bool {
        match kind {
            RouteKind::Article(i) => self.articles.get(*i).is_some_and(|a| a.draft),
            RouteKind::Page(i) => self.pages.get(*i).is_some_and(|p| p.draft),
            _ => false,
        }
    }
}

/// What the build was asked for.
#[derive(Debug, Clone, Default)]
pub struct ModelOptions {
    pub drafts: bool,
    /// Markdown files that exist but failed to load (their errors are
    /// reported already): links to them are not reported as broken.
    pub failed: Vec<String>,
    /// Where a build keeps the articles' bodies until their pages are made;
    /// `None`: in memory.
    pub bodies: Option<std::sync::Arc<body::BodyStore>>,
}

/// Turns a document's Markdown body into HTML. `build` renders every body;
/// `serve` passes one that reuses the bodies it rendered before.
pub trait BodyRenderer: Sync {
    fn render(&self, src: &MarkdownSource<'_>, links: &dyn Links) -> markdown::Rendered;

    /// An article's body already put in a [`body::BodyStore`], when the
    /// renderer did so (its `render` then gave an empty `html`).
    fn stored(&self, _path: &str) -> Option<body::BodyHtml> {
        None
    }
}

/// Renders every body afresh.
struct FreshBodies;

impl BodyRenderer for FreshBodies {
    fn render(&self, src: &MarkdownSource<'_>, links: &dyn Links) -> markdown::Rendered {
        markdown::render(src, links)
    }
}

/// Builds the model from checked documents; reports every problem found
/// (duplicate URLs, broken links) together.
///
/// Bodies are rendered first and each document's Markdown is let go as soon
/// as its HTML exists (measured at 100 000 articles: 50 MB less at the peak).
pub fn build(
    config: Config,
    mut docs: Vec<Document>,
    data: Data,
    opts: ModelOptions,
    media: Media,
) -> (Site, Diagnostics) {
    let refs: Vec<&Document> = docs.iter().collect();
    let link_map =
        links::LinkMap::new(&config, &refs, opts.drafts, &media).with_failed(&opts.failed);
    let made: Vec<(String, markdown::Rendered, Option<body::BodyHtml>)> = docs
        .par_iter_mut()
        .filter(|doc| opts.drafts || !doc.front.draft)
        .map(|doc| {
            let mut r = render_body(doc, config.markdown, &link_map, &FreshBodies);
            doc.forget_body();
            // An article's body goes to the store at once: all of them in
            // memory with the documents was the model's peak.
            let stored = match (&opts.bodies, doc.kind) {
                (Some(store), DocKind::Article) => Some(store.put(std::mem::take(&mut r.html))),
                _ => None,
            };
            (doc.path.clone(), r, stored)
        })
        .collect();
    drop(link_map);
    let refs: Vec<&Document> = docs.iter().collect();
    let mut rendered = HashMap::with_capacity(made.len());
    let mut stored = HashMap::new();
    for (path, r, s) in made {
        if let Some(s) = s {
            stored.insert(path.clone(), s);
        }
        rendered.insert(path, r);
    }
    let bodies = Prerendered(
        std::sync::Mutex::new(rendered),
        std::sync::Mutex::new(stored),
    );
    let (site, mut diags) = model_from(config, &refs, data, opts, media, &bodies);
    // The documents are let go before the search index is made: both at
    // once were the build's peak (measured at 100,000 articles).
    drop(refs);
    drop(docs);
    (finish(site, &mut diags), diags)
}

/// Bodies rendered before the model, handed out once each by path; the
/// articles' bodies put in the store, by path.
struct Prerendered(
    std::sync::Mutex<HashMap<String, markdown::Rendered>>,
    std::sync::Mutex<HashMap<String, body::BodyHtml>>,
);

/// Takes `path` out of `map`; a poisoned lock still holds a whole map, as
/// taking out cannot leave it half-changed.
fn take_out<T>(map: &std::sync::Mutex<HashMap<String, T>>, path: &str) -> Option<T> {
    map.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .remove(path)
}

impl BodyRenderer for Prerendered {
    fn render(&self, src: &MarkdownSource<'_>, _: &dyn Links) -> markdown::Rendered {
        take_out(&self.0, src.path).unwrap_or_default()
    }

    fn stored(&self, path: &str) -> Option<body::BodyHtml> {
        take_out(&self.1, path)
    }
}

/// [`build`] from borrowed documents (sorted by path), with a chosen body
/// renderer: `serve` keeps its documents between rebuilds.
pub fn build_from(
    config: Config,
    docs: &[&Document],
    data: Data,
    opts: ModelOptions,
    media: Media,
    bodies: &dyn BodyRenderer,
) -> (Site, Diagnostics) {
    let (site, mut diags) = model_from(config, docs, data, opts, media, bodies);
    (finish(site, &mut diags), diags)
}

/// The search index and the routes, which need the whole model.
fn finish(mut site: Site, diags: &mut Diagnostics) -> Site {
    site.search = crate::search::build(&site);
    site.routes = routes::plan(&site, diags);
    site
}

/// The model without its search index and routes.
fn model_from(
    config: Config,
    docs: &[&Document],
    data: Data,
    opts: ModelOptions,
    media: Media,
    bodies: &dyn BodyRenderer,
) -> (Site, Diagnostics) {
    let mut diags = Diagnostics::new();
    let published = |d: &Document| opts.drafts || !d.front.draft;
    let link_map =
        links::LinkMap::new(&config, docs, opts.drafts, &media).with_failed(&opts.failed);

    let rendered: Vec<markdown::Rendered> = docs
        .par_iter()
        .map(|doc| {
            if !published(doc) {
                return markdown::Rendered::default();
            }
            render_body(doc, config.markdown, &link_map, bodies)
        })
        .collect();

    let mut articles = Vec::new();
    let mut pages = Vec::new();
    let mut home = HomeIntro::default();
    let mut list_intros = Vec::new();
    let mut article_tags: Vec<Vec<String>> = Vec::new();
    for (&doc, r) in docs.iter().zip(rendered) {
        diags.extend(r.diagnostics);
        if !published(doc) {
            continue;
        }
        let summary = summary_of(doc, &r.first_paragraph);
        let aliases = doc
            .front
            .aliases
            .iter()
            .map(|a| a.value.trim().to_string())
            .collect();
        let bundle = doc.bundle.clone().unwrap_or_default();
        match doc.kind {
            DocKind::HomeIntro => {
                home = HomeIntro {
                    source: Some(doc.path.clone()),
                    title: doc.title.clone(),
                    html: r.html,
                };
            }
            DocKind::ListIntro => list_intros.push(ListIntro {
                year: crate::content::list_intro_year(&doc.path).flatten(),
                source: doc.path.clone(),
                title: doc.title.clone(),
                description: doc
                    .front
                    .description
                    .as_ref()
                    .map(|d| crate::text::nfc(d.value.trim()))
                    .unwrap_or_default(),
                html: r.html,
            }),
            DocKind::Page => {
                let path = doc.page_path();
                let (photos, _) = gallery::gallery(doc, &path, &media, &mut diags);
                pages.push(Page {
                    path,
                    source: doc.path.clone(),
                    title: doc.title.clone(),
                    summary,
                    html: r.html,
                    aliases,
                    address_lines: AddressLines::of(doc),
                    bundle,
                    gallery: photos,
                    draft: doc.front.draft,
                });
            }
            DocKind::Article => {
                let Some(date) = doc.date.clone() else {
                    continue;
                };
                article_tags.push(doc.tags.clone());
                let cluster = doc.front.cluster.as_ref().map(|c| {
                    let year = doc
                        .front
                        .cluster_year
                        .as_ref()
                        .and_then(|y| i16::try_from(y.value).ok())
                        .unwrap_or_else(|| date.year());
                    (c.value.trim().to_string(), year)
                });
                let units = doc
                    .front
                    .units
                    .iter()
                    .map(|u| u.value.trim().to_string())
                    .collect();
                let path = format!("/tin-tuc/{}/{}/", date.year(), doc.slug);
                let (photos, cover) = gallery::gallery(doc, &path, &media, &mut diags);
                articles.push(Article {
                    cluster,
                    units,
                    path,
                    source: doc.path.clone(),
                    title: doc.title.clone(),
                    slug: doc.slug.clone(),
                    date,
                    summary,
                    html: bodies.stored(&doc.path).unwrap_or_else(|| r.html.into()),
                    tags: Vec::new(),
                    byline: doc.front.byline.clone(),
                    event: doc.event.clone(),
                    aliases,
                    address_lines: AddressLines::of(doc),
                    source_info: doc.front.source.clone(),
                    bundle,
                    draft: doc.front.draft,
                    gallery: photos,
                    cover,
                });
            }
        }
    }

    // Newest first; the source path settles equal dates so the order is stable.
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        articles[b]
            .date
            .cmp(&articles[a].date)
            .then_with(|| articles[a].source.cmp(&articles[b].source))
    });
    let mut slots: Vec<Option<(Article, Vec<String>)>> =
        articles.into_iter().zip(article_tags).map(Some).collect();
    let (mut articles, article_tags): (Vec<Article>, Vec<Vec<String>>) =
        order.into_iter().filter_map(|i| slots[i].take()).unzip();
    pages.sort_by(|a, b| a.source.cmp(&b.source));

    let tags = group_tags(&mut articles, &article_tags);
    let mut by_year: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        by_year.entry(a.date.year()).or_default().push(i);
    }
    let years: Vec<(i16, Vec<usize>)> = by_year.into_iter().rev().collect();
    let menu = config.menu.clone().unwrap_or_else(|| {
        let has_photos = articles.iter().any(|a| !a.gallery.is_empty());
        default_menu(&pages, &data, has_photos)
    });
    let data_links = DataLinks::new(&data, &articles);

    let site = Site {
        config,
        articles,
        pages,
        home,
        list_intros,
        tags,
        years,
        menu,
        data,
        data_links,
        routes: Vec::new(),
        media,
        search: crate::search::Index::default(),
    };
    (site, diags)
}

/// Renders one document's Markdown body (`serve` re-renders a single
/// edited body with this, so it must stay the one way bodies are made).
pub fn render_body(
    doc: &Document,
    settings: MarkdownConfig,
    links: &dyn Links,
    bodies: &dyn BodyRenderer,
) -> markdown::Rendered {
    let bundle_paths: Option<Vec<String>> = doc
        .bundle
        .as_ref()
        .map(|files| files.iter().map(|f| f.path.clone()).collect());
    let src = MarkdownSource {
        path: &doc.path,
        full_text: &doc.text,
        body: doc.body(),
        line_offset: doc.body_line_offset,
        bundle_files: bundle_paths.as_deref(),
        raw_html: settings.raw_html,
    };
    let mut rendered = bodies.render(&src, links);
    // The model keeps every body: without the room a growing String leaves
    // (up to half of it), 100 000 articles peaked 0.13 GB lower.
    rendered.html.shrink_to_fit();
    rendered.first_paragraph.shrink_to_fit();
    rendered
}

/// The summary shown on cards: `summary` from the front matter, else the
/// start of the first paragraph.
pub fn summary_of(doc: &Document, first_paragraph: &str) -> String {
    doc.front
        .summary
        .clone()
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| truncate_words(first_paragraph, SUMMARY_CHARS))
}

/// Tags are the same when their identity keys are (case, tone placement,
/// spaces); the most used spelling is shown. Two different tags whose slugs
/// coincide (`đường`, `dương`) get `-2`, `-3` in collation order.
fn group_tags(articles: &mut [Article], article_tags: &[Vec<String>]) -> Vec<Tag> {
    let mut groups: HashMap<String, (HashMap<String, usize>, Vec<usize>)> = HashMap::new();
    // A site has few distinct spellings and many uses of each.
    let mut keys: HashMap<&str, String> = HashMap::new();
    for (i, names) in article_tags.iter().enumerate() {
        let mut seen = std::collections::HashSet::new();
        for name in names {
            let key = keys
                .entry(name.as_str())
                .or_insert_with(|| identity_key(name))
                .clone();
            if key.is_empty() || !seen.insert(key.clone()) {
                continue;
            }
            let entry = groups.entry(key).or_default();
            *entry.0.entry(name.clone()).or_default() += 1;
            entry.1.push(i);
        }
    }
    let mut tags: Vec<(String, Vec<usize>)> = groups
        .into_values()
        .map(|(spellings, arts)| {
            let name = spellings
                .into_iter()
                .max_by(|(a, na), (b, nb)| na.cmp(nb).then_with(|| collator().compare(b, a)))
                .map(|(s, _)| s)
                .unwrap_or_default();
            (name, arts)
        })
        .collect();
    tags.sort_by(|a, b| collator().compare(&a.0, &b.0).then_with(|| a.0.cmp(&b.0)));
    let mut used: HashMap<String, usize> = HashMap::new();
    let tags: Vec<Tag> = tags
        .into_iter()
        .map(|(name, arts)| {
            let base = match slugify(&name) {
                s if s.is_empty() => "chu-de".to_string(),
                s => s,
            };
            let n = used.entry(base.clone()).or_insert(0);
            *n += 1;
            let slug = if *n == 1 { base } else { format!("{base}-{n}") };
            Tag {
                path: format!("/chu-de/{slug}/"),
                name,
                slug,
                articles: arts,
            }
        })
        .collect();
    for (t, tag) in tags.iter().enumerate() {
        for &a in &tag.articles {
            articles[a].tags.push(t);
        }
    }
    for a in articles.iter_mut() {
        a.tags.sort_unstable();
    }
    tags
}

/// The menu when `site.yaml` has none: the news, then standalone pages.
/// Titles come from the theme's translation file (`menu_news`), so only the
/// paths are decided here; an empty title means "use the theme's word".
fn default_menu(pages: &[Page], data: &Data, has_photos: bool) -> Vec<MenuEntry> {
    let mut menu = vec![MenuEntry {
        title: String::new(),
        url: "/tin-tuc/".into(),
    }];
    if !data.cluster_years.is_empty() {
        for url in ["/cum-thi-dua/", "/ket-qua/"] {
            menu.push(MenuEntry {
                title: String::new(),
                url: url.into(),
            });
        }
    }
    if has_photos {
        menu.push(MenuEntry {
            title: String::new(),
            url: "/thu-vien-anh/".into(),
        });
    }
    menu.extend(pages.iter().map(|p| MenuEntry {
        title: p.title.clone(),
        url: p.path.clone(),
    }));
    menu
}

impl Site {
    /// Site path → rooted URL (with the base path).
    pub fn rooted(&self, path: &str) -> String {
        self.config.base_url.rooted(path)
    }
}
