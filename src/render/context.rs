//! Template contexts. What is the same for every page (the site, the menu,
//! the interface words, each article's card) is converted to template values
//! once; a page's context holds reference-counted copies of them.

use serde::Serialize;
use tera::{Context, Value};

use super::photos::{self, PhotoValue};
use crate::site::{Article, Pager, Route, RouteKind, Site};
use crate::text::{format_date, format_datetime, format_integer};

/// Values shared by every page of one build.
pub struct Shared {
    site: Value,
    t: Value,
    /// One card per article, in `Site::articles` order.
    cards: Vec<Value>,
    /// One value per tag, in `Site::tags` order.
    tags: Vec<Value>,
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
    /// Empty: the theme uses its own word for the news.
    title: String,
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
    html: &'a str,
    time: String,
    byline: Option<&'a str>,
    event: Option<&'a str>,
    year: i16,
    year_url: String,
    source_url: Option<&'a str>,
    views: Option<String>,
    views_as_of: Option<String>,
    permalink: String,
    gallery: Vec<PhotoValue<'a>>,
}

#[derive(Serialize)]
struct PagerValue {
    number: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PagerLink>,
}

#[derive(Serialize)]
struct PagerLink {
    number: usize,
    url: String,
    current: bool,
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
}

#[derive(Serialize)]
struct SitemapEntry {
    loc: String,
    lastmod: Option<String>,
}

impl Shared {
    pub fn new(site: &Site, t: Value) -> Shared {
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
            t,
            cards,
            tags,
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
        let kind = match &route.kind {
            RouteKind::Home => {
                let n = site.config.paginate.min(self.cards.len());
                ctx.insert_value("articles", Value::from(self.cards[..n].to_vec()));
                ctx.insert("intro", &site.home.html);
                ctx.insert_value("tags", Value::from(self.tags.clone()));
                "home"
            }
            RouteKind::News(p) => {
                self.insert_list(&mut ctx, site, p);
                section = "/tin-tuc/";
                "news"
            }
            RouteKind::Year(y, p) => {
                self.insert_list(&mut ctx, site, p);
                ctx.insert("year", y);
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
                ctx.insert("article", &article_value(site, a));
                title = &a.title;
                description = &a.summary;
                section = "/tin-tuc/";
                "article"
            }
            RouteKind::Page(i) => {
                let p = &site.pages[*i];
                ctx.insert("html", &p.html);
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
                let n = self.cards.len().min(20);
                ctx.insert_value("articles", Value::from(self.cards[..n].to_vec()));
                let entries: Vec<&str> =
                    site.articles[..n].iter().map(|a| a.html.as_str()).collect();
                ctx.insert("contents", &entries);
                ctx.insert(
                    "updated",
                    &site
                        .articles
                        .first()
                        .map(|a| a.date.rfc3339(site.config.offset)),
                );
                ctx.insert("base_absolute", &base.absolute("/"));
                "feed"
            }
            RouteKind::Sitemap => {
                ctx.insert("entries", &sitemap(site));
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
            },
        );
        ctx
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

fn article_value<'a>(site: &'a Site, a: &'a Article) -> ArticleValue<'a> {
    let base = &site.config.base_url;
    let source = a.source_info.as_ref();
    ArticleValue {
        html: &a.html,
        time: format_datetime(a.date.local),
        byline: a.byline.as_deref(),
        event: a.event.as_deref(),
        year: a.date.year(),
        year_url: base.rooted(&format!("/tin-tuc/{}/", a.date.year())),
        source_url: source.and_then(|s| s.url.as_deref()),
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

fn pager_value(site: &Site, p: &Pager) -> PagerValue {
    let base = &site.config.base_url;
    let url = |n: usize| base.rooted(&p.path_of(n));
    PagerValue {
        number: p.number,
        total: p.total,
        prev: (p.number > 1).then(|| url(p.number - 1)),
        next: (p.number < p.total).then(|| url(p.number + 1)),
        pages: (1..=p.total)
            .map(|n| PagerLink {
                number: n,
                url: url(n),
                current: n == p.number,
            })
            .collect(),
    }
}

fn sitemap(site: &Site) -> Vec<SitemapEntry> {
    let base = &site.config.base_url;
    site.routes
        .iter()
        .filter(|r| r.is_indexable())
        .map(|r| SitemapEntry {
            loc: base.absolute(&r.path),
            lastmod: match r.kind {
                RouteKind::Article(i) => Some(site.articles[i].date.local.date().to_string()),
                _ => None,
            },
        })
        .collect()
}
