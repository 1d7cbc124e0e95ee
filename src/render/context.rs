//! Template contexts. What is the same for every page (the site, the menu,
//! the interface words, each article's card) is converted to template values
//! once; a page's context holds reference-counted copies of them.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;
use tera::{Context, Value};

use super::data_context as dc;
use super::jsonld::{self, Crumb};
use super::photos::{self, PhotoValue};
use crate::content::gallery_marker;
use crate::site::{
    Article, Pager, Photo, Route, RouteKind, SITEMAP_URLS, Site, cluster_year_path, sitemap_parts,
    unit_path,
};
use crate::text::{format_date, format_datetime, format_integer};

/// Values shared by every page of one build.
pub struct Shared {
    site: Value,
    t: Value,
    /// One card per article, in `Site::articles` order.
    cards: Vec<Value>,
    /// One value per tag, in `Site::tags` order.
    tags: Vec<Value>,
    /// The theme's words, for the breadcrumb's JSON-LD.
    words: BTreeMap<String, String>,
    /// The publisher of every `NewsArticle`.
    publisher: serde_json::Value,
}

#[derive(Serialize)]
struct SiteValue<'a> {
    title: &'a str,
    description: &'a str,
    /// Absolute address of the home page.
    base_url: String,
    /// `/` or `/thi-dua/`.
    base_path: &'a str,
    language: &'a str,
    menu: Vec<MenuValue>,
    years: Vec<YearValue>,
    home_url: String,
    news_url: String,
    tags_url: String,
    feed_url: String,
    has_intro: bool,
}

#[derive(Serialize)]
struct MenuValue {
    /// Empty: the theme uses its own word, `t[key]`.
    title: String,
    key: &'static str,
    url: String,
    external: bool,
}

#[derive(Serialize)]
struct YearValue {
    year: i16,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct Card<'a> {
    title: &'a str,
    url: String,
    /// dd/mm/yyyy
    date: String,
    /// RFC 3339, for `<time datetime>` and feeds.
    datetime: String,
    summary: &'a str,
    tags: Vec<TagRef<'a>>,
    permalink: String,
    cover: Option<PhotoValue<'a>>,
    /// Shown only in a build with drafts.
    draft: bool,
}

#[derive(Serialize)]
struct TagRef<'a> {
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
struct TagValue<'a> {
    name: &'a str,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct ArticleValue<'a> {
    /// The whole body, without the gallery's placeholder.
    html: Cow<'a, str>,
    time: String,
    byline: Option<&'a str>,
    event: Option<&'a str>,
    year: i16,
    year_url: String,
    source_url: Option<&'a str>,
    /// The cluster-year the article is about.
    cluster: Option<ArticleCluster>,
    /// The units it is about, named as they were on the article's date.
    units: Vec<dc::UnitRef>,
    views: Option<String>,
    views_as_of: Option<String>,
    permalink: String,
    gallery: Vec<PhotoValue<'a>>,
}

#[derive(Serialize)]
struct ArticleCluster {
    name: String,
    year: i16,
    url: String,
}

#[derive(Serialize)]
struct PagerValue {
    number: usize,
    total: usize,
    /// `5`, `1.000`: shown as "Trang 5/1.000".
    number_text: String,
    total_text: String,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PagerLink>,
}

#[derive(Serialize)]
struct PagerLink {
    /// 0 for a gap ("…") between shown pages.
    number: usize,
    url: String,
    current: bool,
    gap: bool,
}

#[derive(Serialize)]
struct PageValue<'a> {
    /// home, news, year, article, tags, tag, page, 404, redirect, feed, sitemap, robots
    kind: &'static str,
    url: String,
    permalink: String,
    /// The menu entry this page belongs to (rooted URL).
    section_url: String,
    title: &'a str,
    description: &'a str,
    /// A draft: search engines are asked not to index it.
    noindex: bool,
}

#[derive(Serialize)]
struct SitemapEntry {
    loc: String,
    lastmod: Option<String>,
}

impl Shared {
    pub fn new(site: &Site, words: &BTreeMap<String, String>) -> Shared {
        let base = &site.config.base_url;
        let site_value = SiteValue {
            title: &site.config.title,
            description: &site.config.description,
            base_url: base.absolute("/"),
            base_path: &base.path,
            language: &site.config.language,
            menu: site
                .menu
                .iter()
                .map(|m| {
                    let external = m.url.starts_with("http");
                    MenuValue {
                        title: m.title.clone(),
                        key: match m.url.as_str() {
                            "/cum-thi-dua/" => "menu_clusters",
                            "/ket-qua/" => "menu_results",
                            "/thu-vien-anh/" => "menu_gallery",
                            _ => "menu_news",
                        },
                        url: if external {
                            m.url.clone()
                        } else {
                            base.rooted(&m.url)
                        },
                        external,
                    }
                })
                .collect(),
            years: site
                .years
                .iter()
                .map(|(y, items)| YearValue {
                    year: *y,
                    url: base.rooted(&format!("/tin-tuc/{y}/")),
                    count: items.len(),
                })
                .collect(),
            home_url: base.rooted("/"),
            news_url: base.rooted("/tin-tuc/"),
            tags_url: base.rooted("/chu-de/"),
            feed_url: base.rooted("/feed.xml"),
            has_intro: !site.home.html.trim().is_empty(),
        };
        let cards = site
            .articles
            .iter()
            .map(|a| Value::from_serializable(&card(site, a)))
            .collect();
        let tags = site
            .tags
            .iter()
            .map(|tag| {
                Value::from_serializable(&TagValue {
                    name: &tag.name,
                    url: base.rooted(&tag.path),
                    count: tag.articles.len(),
                })
            })
            .collect();
        Shared {
            site: Value::from_serializable(&site_value),
            t: Value::from_serializable(words),
            cards,
            tags,
            words: words.clone(),
            publisher: jsonld::publisher(site),
        }
    }

    /// Makes article `i`'s card again from the model, after `serve` changed
    /// that article's body or summary in place.
    pub fn refresh_card(&mut self, site: &Site, i: usize) {
        if let (Some(slot), Some(a)) = (self.cards.get_mut(i), site.articles.get(i)) {
            *slot = Value::from_serializable(&card(site, a));
        }
    }

    /// The context of one route: the shared values plus the page's own.
    pub fn context_for(&self, site: &Site, route: &Route) -> Context {
        let mut ctx = Context::new();
        ctx.insert_value("site", self.site.clone());
        ctx.insert_value("t", self.t.clone());
        let base = &site.config.base_url;
        let mut title: &str = "";
        let mut description: &str = &site.config.description;
        let mut section = "/";
        let mut jsonld: Vec<String> = Vec::new();
        let kind = match &route.kind {
            RouteKind::Home => {
                let n = site.config.paginate.min(self.cards.len());
                ctx.insert_value("articles", Value::from(self.cards[..n].to_vec()));
                ctx.insert("intro", &site.home.html);
                ctx.insert_value("tags", Value::from(self.tags.clone()));
                let (year, clusters) = dc::current_clusters(site);
                ctx.insert("cluster_year", &year);
                ctx.insert("clusters", &clusters);
                ctx.insert(
                    "latest_results",
                    &site
                        .data_links
                        .result_years
                        .first()
                        .map(|y| base.rooted(&format!("/ket-qua/{y}/"))),
                );
                "home"
            }
            RouteKind::News(p) => {
                self.insert_list(&mut ctx, site, p);
                if let Some(i) = site.list_intro(None) {
                    insert_list_intro(&mut ctx, i, p.number);
                    if !i.description.is_empty() {
                        description = &i.description;
                    }
                }
                section = "/tin-tuc/";
                "news"
            }
            RouteKind::Year(y, p) => {
                self.insert_list(&mut ctx, site, p);
                ctx.insert("year", y);
                if let Some(i) = site.list_intro(Some(*y)) {
                    insert_list_intro(&mut ctx, i, p.number);
                    if !i.description.is_empty() {
                        description = &i.description;
                    }
                }
                section = "/tin-tuc/";
                "year"
            }
            RouteKind::Tag(t, p) => {
                self.insert_list(&mut ctx, site, p);
                ctx.insert_value("tag", self.tags[*t].clone());
                title = &site.tags[*t].name;
                section = "/chu-de/";
                "tag"
            }
            RouteKind::TagIndex => {
                ctx.insert_value("tags", Value::from(self.tags.clone()));
                section = "/chu-de/";
                "tags"
            }
            RouteKind::Article(i) => {
                let a = &site.articles[*i];
                ctx.insert_value("card", self.cards[*i].clone());
                // read once (from the build's store, maybe) for both uses
                let html = a.html.text();
                ctx.insert("article", &article_value(site, a, &html));
                jsonld.push(jsonld::news_article(site, a, &self.publisher));
                insert_body(&mut ctx, site, &html, &a.gallery);
                title = &a.title;
                description = &a.summary;
                section = "/tin-tuc/";
                "article"
            }
            RouteKind::Page(i) => {
                let p = &site.pages[*i];
                ctx.insert("html", &gallery_marker::strip(&p.html));
                insert_body(&mut ctx, site, &p.html, &p.gallery);
                title = &p.title;
                if !p.summary.is_empty() {
                    description = &p.summary;
                }
                section = &p.path;
                "page"
            }
            RouteKind::Galleries => {
                ctx.insert("years", &photos::gallery_years(site, &self.cards));
                section = "/thu-vien-anh/";
                "galleries"
            }
            RouteKind::NotFound => "404",
            RouteKind::Redirect { to } => {
                ctx.insert("to", &base.rooted(to));
                ctx.insert("to_absolute", &base.absolute(to));
                "redirect"
            }
            RouteKind::Feed => {
                let all: Vec<usize> = (0..site.articles.len()).collect();
                self.insert_feed(&mut ctx, site, &all, &site.config.title, "/feed.xml");
                "feed"
            }
            RouteKind::ClusterFeed(i) => {
                let h = &site.data_links.clusters[*i];
                let mut items: Vec<usize> = h
                    .years
                    .iter()
                    .flat_map(|&cy| site.data_links.cluster_year_articles[cy].iter().copied())
                    .collect();
                items.sort_unstable();
                let name = h
                    .years
                    .last()
                    .map(|&cy| site.data.cluster_years[cy].name.as_str())
                    .unwrap_or_default();
                self.insert_feed(&mut ctx, site, &items, name, &route.path);
                "feed"
            }
            RouteKind::ClusterIndex => {
                ctx.insert("groups", &dc::cluster_index(site));
                section = "/cum-thi-dua/";
                "clusters"
            }
            RouteKind::Cluster(i) => {
                let value = dc::cluster_value(site, *i);
                let items: Vec<usize> = site.data_links.clusters[*i]
                    .years
                    .iter()
                    .flat_map(|&cy| site.data_links.cluster_year_articles[cy].iter().copied())
                    .collect();
                self.insert_cards(&mut ctx, &items);
                ctx.insert("cluster", &value);
                title = &site.data.cluster_years
                    [*site.data_links.clusters[*i].years.last().unwrap_or(&0)]
                .name;
                section = "/cum-thi-dua/";
                "cluster"
            }
            RouteKind::ClusterYear(i) => {
                let cy = &site.data.cluster_years[*i];
                ctx.insert("cy", &dc::cluster_year_value(site, *i));
                self.insert_cards(&mut ctx, &site.data_links.cluster_year_articles[*i]);
                title = &cy.name;
                section = "/cum-thi-dua/";
                "cluster-year"
            }
            RouteKind::ResultsIndex => {
                let years: Vec<dc::YearLink> = site
                    .data_links
                    .result_years
                    .iter()
                    .map(|y| dc::YearLink {
                        year: *y,
                        url: base.rooted(&format!("/ket-qua/{y}/")),
                    })
                    .collect();
                ctx.insert("years", &years);
                section = "/ket-qua/";
                "results-index"
            }
            RouteKind::ResultsYear(y) => {
                ctx.insert("year", y);
                ctx.insert("entries", &dc::results_year(site, *y));
                section = "/ket-qua/";
                "results-year"
            }
            RouteKind::UnitIndex => {
                ctx.insert("groups", &dc::unit_index(site));
                "units"
            }
            RouteKind::Unit(i) => {
                let u = &site.data.units[*i];
                ctx.insert("unit", &dc::unit_value(site, *i));
                let items = site
                    .data_links
                    .unit_articles
                    .get(&u.id)
                    .cloned()
                    .unwrap_or_default();
                self.insert_cards(&mut ctx, &items);
                title = &u.current_name().full;
                "unit"
            }
            RouteKind::Export { .. }
            | RouteKind::SearchFile(_)
            | RouteKind::ResultsYearExport(_) => "export",
            RouteKind::Search => {
                ctx.insert(
                    "search_index",
                    &base.rooted(&format!("{}index.json", crate::search::DIR)),
                );
                ctx.insert("search_version", &site.search.version);
                // The routing table rides in the page, one request less.
                ctx.insert(
                    "search_root",
                    &super::jsonld::script_text(site.search.root()),
                );
                section = "/tim-kiem/";
                "search"
            }
            RouteKind::Sitemap => {
                let entries = sitemap(site);
                let parts = sitemap_parts(entries.len(), SITEMAP_URLS);
                let urls: Vec<String> = (1..=parts)
                    .map(|n| base.absolute(&format!("/sitemap-{n}.xml")))
                    .collect();
                ctx.insert("sitemaps", &urls);
                ctx.insert("entries", if parts == 0 { &entries[..] } else { &[] });
                "sitemap"
            }
            RouteKind::SitemapPart(n) => {
                let entries = sitemap(site);
                let part = entries.chunks(SITEMAP_URLS).nth(n.saturating_sub(1));
                ctx.insert("sitemaps", &Vec::<String>::new());
                ctx.insert("entries", part.unwrap_or_default());
                "sitemap"
            }
            RouteKind::Robots => {
                ctx.insert("sitemap_url", &base.absolute("/sitemap.xml"));
                "robots"
            }
        };
        ctx.insert(
            "page",
            &PageValue {
                kind,
                url: base.rooted(&route.path),
                permalink: base.absolute(&route.path),
                section_url: base.rooted(section),
                title,
                description,
                noindex: site.is_draft(&route.kind),
            },
        );
        let crumbs = self.breadcrumb(site, &route.kind);
        if !crumbs.is_empty() {
            jsonld.push(jsonld::breadcrumb_list(&crumbs));
        }
        ctx.insert("breadcrumb", &crumbs);
        ctx.insert("jsonld", &jsonld);
        ctx
    }

    /// The breadcrumb of a deep page, home first and the page itself last;
    /// empty for the home page, top-level lists and files that are not pages.
    fn breadcrumb(&self, site: &Site, kind: &RouteKind) -> Vec<Crumb> {
        let base = &site.config.base_url;
        let word = |key: &str| self.words.get(key).cloned().unwrap_or_default();
        let crumb = |name: String, path: &str| Crumb {
            name,
            url: base.rooted(path),
            permalink: base.absolute(path),
        };
        let news = || crumb(word("news"), "/tin-tuc/");
        let year = |y: i16| crumb(y.to_string(), &format!("/tin-tuc/{y}/"));
        let clusters = || crumb(word("clusters"), "/cum-thi-dua/");
        let mut crumbs = match kind {
            RouteKind::Article(i) => {
                let a = &site.articles[*i];
                vec![news(), year(a.date.year()), crumb(a.title.clone(), &a.path)]
            }
            RouteKind::Year(y, _) => vec![news(), year(*y)],
            RouteKind::Tag(t, _) => vec![
                crumb(word("tags"), "/chu-de/"),
                crumb(site.tags[*t].name.clone(), &site.tags[*t].path),
            ],
            RouteKind::Cluster(i) => {
                let h = &site.data_links.clusters[*i];
                let name = h
                    .years
                    .last()
                    .map(|&cy| site.data.cluster_years[cy].name.clone())
                    .unwrap_or_default();
                vec![clusters(), crumb(name, &format!("/cum-thi-dua/{}/", h.id))]
            }
            RouteKind::ClusterYear(i) => {
                let cy = &site.data.cluster_years[*i];
                vec![
                    clusters(),
                    crumb(cy.name.clone(), &format!("/cum-thi-dua/{}/", cy.id)),
                    crumb(cy.year.to_string(), &cluster_year_path(&cy.id, cy.year)),
                ]
            }
            RouteKind::ResultsYear(y) => vec![
                crumb(word("results_years"), "/ket-qua/"),
                crumb(y.to_string(), &format!("/ket-qua/{y}/")),
            ],
            RouteKind::Unit(i) => {
                let u = &site.data.units[*i];
                vec![
                    crumb(word("units"), "/don-vi/"),
                    crumb(u.current_name().display().to_string(), &unit_path(&u.id)),
                ]
            }
            _ => return Vec::new(),
        };
        crumbs.insert(0, crumb(word("home"), "/"));
        crumbs
    }

    fn insert_cards(&self, ctx: &mut Context, items: &[usize]) {
        let cards: Vec<Value> = items.iter().map(|&i| self.cards[i].clone()).collect();
        ctx.insert_value("articles", Value::from(cards));
    }

    /// An Atom feed of `items` (newest first, at most 20).
    fn insert_feed(
        &self,
        ctx: &mut Context,
        site: &Site,
        items: &[usize],
        title: &str,
        path: &str,
    ) {
        let base = &site.config.base_url;
        let items = &crate::site::feed_articles(site, items);
        self.insert_cards(ctx, items);
        // Feed readers resolve links against the feed, not the page, so links
        // that start at the site root get the scheme and host.
        let entries: Vec<String> = items
            .iter()
            .map(|&i| {
                absolute_links(
                    &gallery_marker::strip(&site.articles[i].html.text()),
                    &base.origin,
                )
            })
            .collect();
        ctx.insert("contents", &entries);
        ctx.insert(
            "updated",
            &items
                .first()
                .map(|&i| site.articles[i].date.rfc3339(site.config.offset))
                .or_else(|| {
                    site.articles
                        .iter()
                        .find(|a| !a.draft)
                        .map(|a| a.date.rfc3339(site.config.offset))
                }),
        );
        ctx.insert("base_absolute", &base.absolute("/"));
        ctx.insert("feed_title", title);
        ctx.insert("feed_self", &base.absolute(path));
    }

    fn insert_list(&self, ctx: &mut Context, site: &Site, pager: &Pager) {
        let cards: Vec<Value> = pager.items.iter().map(|&i| self.cards[i].clone()).collect();
        ctx.insert_value("articles", Value::from(cards));
        ctx.insert("pager", &pager_value(site, pager));
    }
}

fn card<'a>(site: &'a Site, a: &'a Article) -> Card<'a> {
    let base = &site.config.base_url;
    Card {
        title: &a.title,
        url: base.rooted(&a.path),
        date: format_date(a.date.local.date()),
        datetime: a.date.rfc3339(site.config.offset),
        summary: &a.summary,
        permalink: base.absolute(&a.path),
        draft: a.draft,
        cover: a
            .cover
            .and_then(|i| a.gallery.get(i))
            .and_then(|p| photos::photo_value(site, p)),
        tags: a
            .tags
            .iter()
            .map(|&t| TagRef {
                name: &site.tags[t].name,
                url: base.rooted(&site.tags[t].path),
            })
            .collect(),
    }
}

fn article_value<'a>(site: &'a Site, a: &'a Article, html: &'a str) -> ArticleValue<'a> {
    let base = &site.config.base_url;
    let source = a.source_info.as_ref();
    ArticleValue {
        html: gallery_marker::strip(html),
        time: format_datetime(a.date.local),
        byline: a.byline.as_deref(),
        event: a.event.as_deref(),
        year: a.date.year(),
        year_url: base.rooted(&format!("/tin-tuc/{}/", a.date.year())),
        source_url: source.and_then(|s| s.url.as_deref()),
        cluster: a.cluster.as_ref().and_then(|(id, year)| {
            let cy = site.data.cluster_year(id, *year)?;
            Some(ArticleCluster {
                name: cy.name.clone(),
                year: cy.year,
                url: base.rooted(&cluster_year_path(id, *year)),
            })
        }),
        units: a
            .units
            .iter()
            .map(|u| dc::unit_ref(site, u, a.date.local.date()))
            .collect(),
        views: source
            .and_then(|s| s.views)
            .map(|v| format_integer(i64::try_from(v).unwrap_or(i64::MAX))),
        views_as_of: source
            .and_then(|s| s.as_of.as_ref())
            .and_then(|d| crate::content::front::parse_date(&d.value, site.config.offset))
            .map(|d| format_date(d.local.date())),
        permalink: base.absolute(&a.path),
        gallery: a
            .gallery
            .iter()
            .filter_map(|p| photos::photo_value(site, p))
            .collect(),
    }
}

/// `gallery` (the photos) and the body split where it places the gallery:
/// `body_before` and `body_after` (empty unless placed), for the templates
/// of articles and pages.
/// A list's intro: its title heads every page, its text opens the first.
fn insert_list_intro(ctx: &mut Context, intro: &crate::site::ListIntro, page: usize) {
    ctx.insert("list_title", &intro.title);
    if page == 1 {
        ctx.insert("intro", &intro.html);
    }
}

fn insert_body(ctx: &mut Context, site: &Site, html: &str, gallery: &[Photo]) {
    let (before, after) = gallery_marker::split(html);
    ctx.insert("body_before", before);
    ctx.insert("body_after", after);
    let photos: Vec<PhotoValue> = gallery
        .iter()
        .filter_map(|p| photos::photo_value(site, p))
        .collect();
    ctx.insert("gallery", &photos);
}

fn pager_value(site: &Site, p: &Pager) -> PagerValue {
    let base = &site.config.base_url;
    let url = |n: usize| base.rooted(&p.path_of(n));
    PagerValue {
        number: p.number,
        total: p.total,
        number_text: format_integer(p.number as i64),
        total_text: format_integer(p.total as i64),
        prev: (p.number > 1).then(|| url(p.number - 1)),
        next: (p.number < p.total).then(|| url(p.number + 1)),
        pages: p
            .window()
            .into_iter()
            .map(|n| match n {
                Some(n) => PagerLink {
                    number: n,
                    url: url(n),
                    current: n == p.number,
                    gap: false,
                },
                None => PagerLink {
                    number: 0,
                    url: String::new(),
                    current: false,
                    gap: true,
                },
            })
            .collect(),
    }
}

fn sitemap(site: &Site) -> Vec<SitemapEntry> {
    let base = &site.config.base_url;
    site.routes
        .iter()
        .filter(|r| r.is_indexable() && !site.is_draft(&r.kind))
        .map(|r| SitemapEntry {
            loc: base.absolute(&r.path),
            lastmod: match r.kind {
                RouteKind::Article(i) => Some(site.articles[i].date.local.date().to_string()),
                _ => None,
            },
        })
        .collect()
}

/// `href="/…"`, `src="/…"` and every URL of `srcset="/… 480w, /… 960w"` with
/// the origin in front (for feeds).
fn absolute_links(html: &str, origin: &str) -> String {
    let html = html
        .replace("href=\"/", &format!("href=\"{origin}/"))
        .replace("src=\"/", &format!("src=\"{origin}/"));
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(i) = rest.find("srcset=\"") {
        let start = i + "srcset=\"".len();
        out.push_str(&rest[..start]);
        let end = rest[start..].find('"').map_or(rest.len(), |e| start + e);
        let urls: Vec<String> = rest[start..end]
            .split(", ")
            .map(|candidate| match candidate.strip_prefix('/') {
                Some(path) => format!("{origin}/{path}"),
                None => candidate.to_string(),
            })
            .collect();
        out.push_str(&urls.join(", "));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::absolute_links;

    #[test]
    fn feed_links_get_the_origin_including_every_srcset_candidate() {
        let html = r#"<a href="/a/">x</a><img src="/b.jpg" srcset="/b-480.jpg 480w, /b-960.jpg 960w"><a href="https://x.vn/">y</a>"#;
        assert_eq!(
            absolute_links(html, "https://t.vn"),
            r#"<a href="https://t.vn/a/">x</a><img src="https://t.vn/b.jpg" srcset="https://t.vn/b-480.jpg 480w, https://t.vn/b-960.jpg 960w"><a href="https://x.vn/">y</a>"#
        );
    }
}
