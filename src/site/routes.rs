//! Every output page with its site path, what it shows and the inputs it was
//! made from; and the check that no two pages share an address.

use std::collections::HashMap;

use super::Site;
pub use super::data_pages::ExportFormat;
use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Msg;
use crate::t;

/// Paths bangtin uses for its own pages; a standalone page may not take them.
pub const RESERVED: &[&str] = &[
    "tin-tuc",
    "chu-de",
    "cum-thi-dua",
    "ket-qua",
    "don-vi",
    "thu-vien-anh",
    "tim-kiem",
    "trang",
    "static",
];

/// The most addresses one sitemap file may list (sitemaps.org): a larger
/// site gets `/sitemap-1.xml`, `/sitemap-2.xml`, … and `/sitemap.xml` lists
/// them.
pub const SITEMAP_URLS: usize = 50_000;

/// Articles in the feed, newest first; the feed shows their full text, so
/// they are among its inputs.
pub const FEED_ENTRIES: usize = 20;

/// What a page is made from, so `serve` can redo only what an edit touches.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// `site.yaml`.
    Config,
    /// A content file, site-relative.
    File(String),
    /// Every article's front matter (lists of years and tags on the page).
    AllArticles,
    /// Everything under `data/` (names, schemes and results cross-reference each other).
    AllData,
    /// The text of every article and page and all data: the search index.
    AllText,
}

/// One page of a paginated list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// 1-based.
    pub number: usize,
    pub total: usize,
    /// The list's first page (`/tin-tuc/`); page N is `<first>trang/N/`.
    pub first: String,
    /// Indexes into the list shown on this page.
    pub items: Vec<usize>,
}

impl Pager {
    /// Site path of page `n` of this list.
    pub fn path_of(&self, n: usize) -> String {
        if n <= 1 {
            self.first.clone()
        } else {
            format!("{}trang/{n}/", self.first)
        }
    }

    /// The page numbers the pager shows (FORMAT.md 1.1): the first and the
    /// last, two either side of this one, and `None` for each gap ("…"). Its
    /// length is bounded, so a list page does not grow with the list.
    pub fn window(&self) -> Vec<Option<usize>> {
        let (n, total) = (self.number, self.total);
        let near = n.saturating_sub(2).max(1)..=(n + 2).min(total);
        let mut shown: Vec<usize> = std::iter::once(1)
            .chain(near)
            .chain(std::iter::once(total))
            .filter(|&p| p >= 1 && p <= total)
            .collect();
        shown.dedup();
        let mut out = Vec::with_capacity(shown.len() + 2);
        for (i, &p) in shown.iter().enumerate() {
            if i > 0 && p > shown[i - 1] + 1 {
                // A gap of one page shows that page rather than "…".
                if p == shown[i - 1] + 2 {
                    out.push(Some(p - 1));
                } else {
                    out.push(None);
                }
            }
            out.push(Some(p));
        }
        out
    }
}

/// What a route shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteKind {
    Home,
    /// All news, one page of it (indexes into `Site::articles`).
    News(Pager),
    /// The news of one year.
    Year(i16, Pager),
    Article(usize),
    TagIndex,
    /// One tag's articles (indexes into `Site::articles`).
    Tag(usize, Pager),
    Page(usize),
    /// `/thu-vien-anh/`: every article with photos, newest first.
    Galleries,
    NotFound,
    /// A small page that sends the reader to `to` (a site path).
    Redirect {
        to: String,
    },
    Feed,
    /// `/sitemap.xml`: every indexable page, or, past [`SITEMAP_URLS`], the
    /// index of the parts.
    Sitemap,
    /// `/sitemap-N.xml` (1-based): the N-th [`SITEMAP_URLS`] of the pages.
    SitemapPart(usize),
    Robots,
    /// `/cum-thi-dua/`.
    ClusterIndex,
    /// One cluster over the years (index into `Site::data_links.clusters`).
    Cluster(usize),
    /// One cluster's Atom feed (index into `Site::data_links.clusters`).
    ClusterFeed(usize),
    /// One cluster-year (index into `Data::cluster_years`).
    ClusterYear(usize),
    /// A results table as data: the year's (`phase: None`) or one phase's.
    Export {
        cluster_year: usize,
        phase: Option<usize>,
        format: ExportFormat,
    },
    /// `/ket-qua/`.
    ResultsIndex,
    /// Every cluster's results of one year.
    ResultsYear(i16),
    /// `/ket-qua/<year>/ket-qua.xlsx`: every cluster's year table, a sheet each.
    ResultsYearExport(i16),
    /// `/don-vi/`.
    UnitIndex,
    /// One unit (index into `Data::units`).
    Unit(usize),
    /// `/tim-kiem/`.
    Search,
    /// One file of the search index (index into `Site::search.files`).
    SearchFile(usize),
}

/// One file of the output.
#[derive(Debug, Clone)]
pub struct Route {
    /// Site path without the base path: `/tin-tuc/2024/a/`, `/404.html`.
    pub path: String,
    pub kind: RouteKind,
    pub inputs: Vec<Input>,
}

impl Route {
    /// The output file, relative to the output folder.
    pub fn file(&self) -> String {
        let p = self.path.trim_start_matches('/');
        if p.is_empty() || p.ends_with('/') {
            format!("{p}index.html")
        } else if p.rsplit('/').next().is_some_and(|last| last.contains('.')) {
            p.to_string()
        } else {
            format!("{p}/index.html")
        }
    }

    /// Whether the page belongs in the sitemap (drafts never do: see
    /// [`Site::is_draft`]).
    pub fn is_indexable(&self) -> bool {
        !matches!(
            self.kind,
            RouteKind::NotFound
                | RouteKind::Redirect { .. }
                | RouteKind::Feed
                | RouteKind::Sitemap
                | RouteKind::SitemapPart(_)
                | RouteKind::Robots
                | RouteKind::ClusterFeed(_)
                | RouteKind::Export { .. }
                | RouteKind::SearchFile(_)
                | RouteKind::ResultsYearExport(_)
        )
    }
}

/// Plans every route and reports address clashes.
pub fn plan(site: &Site, diags: &mut Diagnostics) -> Vec<Route> {
    let mut routes = Vec::new();
    let per_page = site.config.paginate;
    let list_inputs = |items: &[usize]| -> Vec<Input> {
        let mut v = vec![Input::Config, Input::AllArticles];
        v.extend(
            items
                .iter()
                .map(|&i| Input::File(site.articles[i].source.clone())),
        );
        v
    };

    let mut home_inputs = list_inputs(&(0..site.articles.len().min(per_page)).collect::<Vec<_>>());
    home_inputs.extend(site.home.source.iter().cloned().map(Input::File));
    routes.push(route("/", RouteKind::Home, home_inputs));

    // A list's intro gives every page of it its heading.
    let with_intro = |year: Option<i16>| {
        let intro = site.list_intro(year).map(|i| Input::File(i.source.clone()));
        move |items: &[usize]| {
            let mut v = list_inputs(items);
            v.extend(intro.clone());
            v
        }
    };
    let all: Vec<usize> = (0..site.articles.len()).collect();
    paginate(
        &mut routes,
        "/tin-tuc/",
        &all,
        per_page,
        RouteKind::News,
        &with_intro(None),
    );
    for (year, items) in &site.years {
        let first = format!("/tin-tuc/{year}/");
        paginate(
            &mut routes,
            &first,
            items,
            per_page,
            |p| RouteKind::Year(*year, p),
            &with_intro(Some(*year)),
        );
    }
    for (i, a) in site.articles.iter().enumerate() {
        let mut inputs = vec![Input::Config, Input::File(a.source.clone())];
        inputs.extend(a.bundle.iter().map(|f| Input::File(f.path.clone())));
        routes.push(route(&a.path, RouteKind::Article(i), inputs));
    }
    routes.push(route("/chu-de/", RouteKind::TagIndex, list_inputs(&[])));
    for (t, tag) in site.tags.iter().enumerate() {
        paginate(
            &mut routes,
            &tag.path,
            &tag.articles,
            per_page,
            |p| RouteKind::Tag(t, p),
            &list_inputs,
        );
    }
    for (i, p) in site.pages.iter().enumerate() {
        let mut inputs = vec![Input::Config, Input::File(p.source.clone())];
        inputs.extend(p.bundle.iter().map(|f| Input::File(f.path.clone())));
        routes.push(route(&p.path, RouteKind::Page(i), inputs));
    }
    super::data_pages::plan(site, &mut routes);
    let with_photos: Vec<usize> = (0..site.articles.len())
        .filter(|&i| !site.articles[i].gallery.is_empty())
        .collect();
    routes.push(route(
        "/thu-vien-anh/",
        RouteKind::Galleries,
        list_inputs(&with_photos),
    ));
    routes.push(route(
        "/tim-kiem/",
        RouteKind::Search,
        vec![Input::Config, Input::AllText],
    ));
    for (i, f) in site.search.files.iter().enumerate() {
        let path = format!("{}{}", crate::search::DIR, f.name);
        routes.push(route(&path, RouteKind::SearchFile(i), vec![Input::AllText]));
    }
    routes.push(route("/404.html", RouteKind::NotFound, vec![Input::Config]));
    let feed_items = feed_articles(site, &(0..site.articles.len()).collect::<Vec<_>>());
    routes.push(route(
        "/feed.xml",
        RouteKind::Feed,
        list_inputs(&feed_items),
    ));
    routes.push(route("/sitemap.xml", RouteKind::Sitemap, list_inputs(&[])));
    routes.push(route("/robots.txt", RouteKind::Robots, vec![Input::Config]));

    check_clashes(site, &routes, diags);
    let aliases = alias_routes(site, &routes, diags);
    routes.extend(aliases);
    let listed = routes
        .iter()
        .filter(|r| r.is_indexable() && !site.is_draft(&r.kind))
        .count();
    for n in 1..=sitemap_parts(listed, SITEMAP_URLS) {
        let inputs = list_inputs(&[]);
        routes.push(route(
            &format!("/sitemap-{n}.xml"),
            RouteKind::SitemapPart(n),
            inputs,
        ));
    }
    routes
}

/// How many sitemap files `urls` addresses need besides `/sitemap.xml`:
/// none while they fit in one.
pub fn sitemap_parts(urls: usize, per_file: usize) -> usize {
    if urls <= per_file {
        0
    } else {
        urls.div_ceil(per_file)
    }
}

/// The articles of a feed among `items` (newest first): at most
/// [`FEED_ENTRIES`], never a draft, even in a build with drafts.
pub fn feed_articles(site: &Site, items: &[usize]) -> Vec<usize> {
    items
        .iter()
        .copied()
        .filter(|&i| !site.articles[i].draft)
        .take(FEED_ENTRIES)
        .collect()
}

fn route(path: &str, kind: RouteKind, inputs: Vec<Input>) -> Route {
    Route {
        path: path.to_string(),
        kind,
        inputs,
    }
}

/// Pages of a list: `first`, `first/trang/2/`, …; `first/trang/1/` sends
/// readers back to `first`. An empty list still has its first page.
fn paginate(
    routes: &mut Vec<Route>,
    first: &str,
    items: &[usize],
    per_page: usize,
    kind: impl Fn(Pager) -> RouteKind,
    inputs: &dyn Fn(&[usize]) -> Vec<Input>,
) {
    let per_page = per_page.max(1);
    let total = items.len().div_ceil(per_page).max(1);
    for n in 1..=total {
        let start = ((n - 1) * per_page).min(items.len());
        let end = (start + per_page).min(items.len());
        let pager = Pager {
            number: n,
            total,
            first: first.to_string(),
            items: items[start..end].to_vec(),
        };
        let path = pager.path_of(n);
        let ins = inputs(&pager.items);
        routes.push(route(&path, kind(pager), ins));
    }
    if total > 1 {
        routes.push(route(
            &format!("{first}trang/1/"),
            RouteKind::Redirect {
                to: first.to_string(),
            },
            vec![Input::Config],
        ));
    }
}

/// The content file a route comes from and where in it its address is
/// written, to name both sides of a clash; `None` for bangtin's own pages.
fn origin(site: &Site, r: &Route) -> Option<Origin> {
    match &r.kind {
        RouteKind::Article(i) => {
            let a = &site.articles[*i];
            Some((a.source.clone(), a.address_lines.address))
        }
        RouteKind::Page(i) => {
            let p = &site.pages[*i];
            Some((p.source.clone(), p.address_lines.address))
        }
        _ => None,
    }
}

/// A content file and a line and column in it ((0, 0): the file as a whole).
type Origin = (String, (usize, usize));

/// `file:line`, or the file alone when no line made the address.
fn named((file, (line, _)): &Origin) -> String {
    if *line > 0 {
        format!("{file}:{line}")
    } else {
        file.clone()
    }
}

/// An error in `file` at the place its address or alias is written.
fn clash(msg: String, (file, (line, column)): &Origin, hint: String) -> Diagnostic {
    Diagnostic::error(msg)
        .in_file(file.as_str())
        .at("", *line, *column)
        .hint(hint)
}

/// Two pages at one address (compared without case, because Windows and
/// macOS disks do not tell `A` from `a`) is an error naming both files,
/// each at the line that gives its address.
fn check_clashes(site: &Site, routes: &[Route], diags: &mut Diagnostics) {
    let mut seen: HashMap<String, &Route> = HashMap::new();
    for r in routes {
        let key = r.path.to_lowercase();
        if let Some(prev) = seen.get(&key) {
            let Some(mine) = origin(site, r) else {
                continue;
            };
            let (msg, hint) = match origin(site, prev) {
                None => (t!(Msg::ReservedUrl, url = r.path), t!(Msg::ReservedUrlHint)),
                Some(other) => (
                    t!(Msg::DuplicateUrl, url = r.path),
                    t!(Msg::DuplicateUrlHint, other = named(&other)),
                ),
            };
            diags.push(clash(msg, &mine, hint));
            continue;
        }
        seen.insert(key, r);
    }
    for p in &site.pages {
        let first = p
            .path
            .trim_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        if RESERVED.contains(&first) {
            diags.push(
                Diagnostic::error(t!(Msg::ReservedUrl, url = p.path))
                    .in_file(&p.source)
                    .hint(t!(Msg::ReservedUrlHint)),
            );
        }
    }
}

/// Redirect pages for old addresses; an alias may not hide a real page.
fn alias_routes(site: &Site, routes: &[Route], diags: &mut Diagnostics) -> Vec<Route> {
    let mut taken: HashMap<String, Option<Origin>> = routes
        .iter()
        .map(|r| (r.path.trim_end_matches('/').to_lowercase(), origin(site, r)))
        .collect();
    let owners = site
        .articles
        .iter()
        .map(|a| (&a.source, &a.path, &a.aliases, &a.address_lines))
        .chain(
            site.pages
                .iter()
                .map(|p| (&p.source, &p.path, &p.aliases, &p.address_lines)),
        );
    let mut out = Vec::new();
    for (source, to, aliases, lines) in owners {
        for (n, alias) in aliases.iter().enumerate() {
            let key = alias.trim_end_matches('/').to_lowercase();
            let mine = (
                source.clone(),
                lines.aliases.get(n).copied().unwrap_or_default(),
            );
            if let Some(other) = taken.get(&key) {
                let (msg, hint) = match other {
                    None => (t!(Msg::ReservedUrl, url = alias), t!(Msg::ReservedUrlHint)),
                    Some(other) => (
                        t!(Msg::DuplicateUrl, url = alias),
                        t!(Msg::DuplicateUrlHint, other = named(other)),
                    ),
                };
                diags.push(clash(msg, &mine, hint));
                continue;
            }
            taken.insert(key, Some(mine));
            let path = if alias.ends_with(".html") || alias.ends_with('/') {
                alias.clone()
            } else {
                format!("{alias}/")
            };
            out.push(route(
                &path,
                RouteKind::Redirect { to: to.clone() },
                vec![Input::Config, Input::File(source.clone())],
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sitemap_is_split_only_past_the_limit_and_into_whole_parts() {
        assert_eq!(super::sitemap_parts(0, 50_000), 0);
        assert_eq!(super::sitemap_parts(50_000, 50_000), 0);
        assert_eq!(super::sitemap_parts(50_001, 50_000), 2);
        assert_eq!(super::sitemap_parts(150_000, 50_000), 3);
        assert_eq!(super::sitemap_parts(150_001, 50_000), 4);
    }

    fn window(number: usize, total: usize) -> String {
        let p = Pager {
            number,
            total,
            first: "/tin-tuc/".into(),
            items: Vec::new(),
        };
        p.window()
            .iter()
            .map(|n| n.map_or("…".to_string(), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_pager_shows_a_window_never_every_page() {
        assert_eq!(window(1, 1), "1");
        assert_eq!(window(1, 3), "1 2 3");
        assert_eq!(window(7, 20), "1 … 5 6 7 8 9 … 20");
        assert_eq!(window(1, 20), "1 2 3 … 20");
        assert_eq!(window(20, 20), "1 … 18 19 20");
        assert_eq!(window(4, 20), "1 2 3 4 5 6 … 20");
        assert_eq!(window(5, 9), "1 2 3 4 5 6 7 8 9");
        for total in [10, 1_000, 100_000] {
            for number in [1, 2, total / 2, total - 1, total] {
                assert!(
                    window(number, total).split(' ').count() <= 9,
                    "{number}/{total}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn output_files_follow_the_path() {
        let r = |p: &str| route(p, RouteKind::NotFound, vec![]).file();
        assert_eq!(r("/"), "index.html");
        assert_eq!(r("/tin-tuc/trang/2/"), "tin-tuc/trang/2/index.html");
        assert_eq!(r("/404.html"), "404.html");
        assert_eq!(
            r("/tin-tuc/Ky-ket-2023-4821"),
            "tin-tuc/Ky-ket-2023-4821/index.html"
        );
    }

    #[test]
    fn pagination_splits_and_redirects_page_one() {
        let mut routes = Vec::new();
        let items: Vec<usize> = (0..25).collect();
        paginate(
            &mut routes,
            "/tin-tuc/",
            &items,
            10,
            RouteKind::News,
            &|_| vec![],
        );
        let paths: Vec<&str> = routes.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/tin-tuc/",
                "/tin-tuc/trang/2/",
                "/tin-tuc/trang/3/",
                "/tin-tuc/trang/1/"
            ]
        );
        match &routes[2].kind {
            RouteKind::News(p) => {
                assert_eq!(p.items, vec![20, 21, 22, 23, 24]);
                assert_eq!(p.total, 3);
            }
            other => panic!("{other:?}"),
        }
    }
}
