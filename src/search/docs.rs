//! What search finds: one entry per unit, cluster, result row, standalone
//! page and article, with the text it is found by and what a result shows.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use super::words::{Word, WordReader};
use crate::data::ClusterYear;
use crate::results::RowStatus;
use crate::site::{Article, Site, cluster_year_path, unit_path};
use crate::text::{format_date, format_decimal, truncate_words};

/// Characters of an article's summary shown under its title.
const SNIPPET_CHARS: usize = 220;

/// The kinds of entry, as the browser code knows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Kind {
    #[serde(rename = "u")]
    Unit,
    #[serde(rename = "c")]
    Cluster,
    #[serde(rename = "r")]
    Result,
    #[serde(rename = "p")]
    Page,
    #[serde(rename = "a")]
    Article,
}

/// One entry: the fields it is found by, and what its result shows.
#[derive(Debug, Default)]
pub struct Entry<'a> {
    pub shown: Shown,
    /// Titles and names: matches here weigh most, and their word pairs
    /// and marked spellings are indexed.
    pub names: Vec<String>,
    /// Summary and labels (an article's cluster and units, as its page names
    /// them): word pairs indexed. Borrowed from the model where it can be.
    pub lead: Vec<Cow<'a, str>>,
    /// The body: words only.
    pub body: Body<'a>,
}

/// An entry's body. An article's or page's is its HTML in the site model,
/// whose words are read between its tags ([`Body::for_each_key`]): holding
/// the text of every body at once cost 300 MB at 100,000 articles, at the
/// build's peak.
#[derive(Debug)]
pub enum Body<'a> {
    Text(String),
    Html(&'a str),
    /// An article's, maybe kept on disk by the build until now.
    Article(&'a crate::site::body::BodyHtml),
}

impl Default for Body<'_> {
    fn default() -> Self {
        Body::Text(String::new())
    }
}

impl Body<'_> {
    /// Calls `f` with every word's key (its signature left empty).
    pub fn for_each_key(&self, mut f: impl FnMut(&Word)) {
        let mut reader = WordReader::keys_only();
        match self {
            Body::Text(t) => reader.feed(t, 0, &mut f),
            Body::Html(html) => html_words(html, &mut reader, &mut f),
            Body::Article(html) => html_words(&html.text(), &mut reader, &mut f),
        }
        reader.finish(&mut f);
    }
}

/// What a result shows (the browser adds the theme's words).
#[derive(Debug, Default, Serialize)]
pub struct Shown {
    #[serde(rename = "k")]
    pub kind: Option<Kind>,
    /// Address with the site's base path.
    #[serde(rename = "u")]
    pub url: String,
    #[serde(rename = "t")]
    pub title: String,
    /// dd/mm/yyyy.
    #[serde(rename = "d", skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(rename = "s", skip_serializing_if = "String::is_empty")]
    pub snippet: String,
    /// A result row: rank, total, classification, status, cluster name, year.
    #[serde(rename = "r", skip_serializing_if = "Option::is_none")]
    pub row: Option<RowShown>,
}

#[derive(Debug, Serialize)]
pub struct RowShown {
    #[serde(rename = "h", skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    #[serde(rename = "p", skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    #[serde(rename = "x", skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    /// `withdrawn`, `not_submitted`, `partial`; absent when ranked.
    #[serde(rename = "st", skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    #[serde(rename = "c")]
    pub cluster: String,
    #[serde(rename = "y")]
    pub year: i16,
}

/// Every entry of the site, in the order of their ids: units, clusters,
/// result rows (by unit, in the units' order, newest year first), pages,
/// articles (newest first). Entries that tend to be found together sit
/// together, so their shown data comes in few files: a search for a unit
/// finds its results of every year.
pub fn collect(site: &Site) -> Vec<Entry<'_>> {
    let rooted = |p: &str| site.config.base_url.rooted(p);
    let mut out: Vec<Entry<'_>> = site.data.units.iter().map(|u| unit(u, &rooted)).collect();
    for h in &site.data_links.clusters {
        out.push(cluster(site, &h.years, &rooted));
    }
    let mut years: Vec<&ClusterYear> = site.data.cluster_years.iter().collect();
    years.sort_by_key(|cy| std::cmp::Reverse(cy.year));
    let unit_at: std::collections::HashMap<&str, usize> = site
        .data
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    let mut rows: Vec<(usize, Entry<'_>)> = years
        .into_iter()
        .flat_map(|cy| result_rows(site, cy, &rooted))
        .map(|(unit, e)| (unit_at.get(unit).copied().unwrap_or(usize::MAX), e))
        .collect();
    // Stable: a unit's rows stay newest year first.
    rows.sort_by_key(|(unit, _)| *unit);
    out.extend(rows.into_iter().map(|(_, e)| e));
    for p in &site.pages {
        out.push(Entry {
            shown: Shown {
                kind: Some(Kind::Page),
                url: rooted(&p.path),
                title: p.title.clone(),
                snippet: truncate_words(&p.summary, SNIPPET_CHARS),
                ..Shown::default()
            },
            names: vec![p.title.clone()],
            lead: vec![Cow::Borrowed(p.summary.as_str())],
            body: Body::Html(&p.html),
        });
    }
    let articles: Vec<Entry<'_>> = site
        .articles
        .par_iter()
        .map(|a| {
            let mut names = vec![a.title.clone()];
            names.extend(a.tags.iter().map(|&t| site.tags[t].name.clone()));
            let mut lead = vec![
                Cow::Borrowed(a.summary.as_str()),
                a.date.year().to_string().into(),
            ];
            lead.extend(article_subjects(site, a));
            Entry {
                shown: Shown {
                    kind: Some(Kind::Article),
                    url: rooted(&a.path),
                    title: a.title.clone(),
                    date: format_date(a.date.local.date()),
                    snippet: truncate_words(&a.summary, SNIPPET_CHARS),
                    row: None,
                },
                names,
                lead,
                body: Body::Article(&a.html),
            }
        })
        .collect();
    out.extend(articles);
    out
}

/// The names an article's page shows for its cluster-year and its units (at
/// the article's date), so "ldld khối 7" finds the news of that cluster.
fn article_subjects<'a>(site: &'a Site, a: &'a Article) -> impl Iterator<Item = Cow<'a, str>> {
    let cluster = a
        .cluster
        .as_ref()
        .and_then(|(id, year)| site.data.cluster_year(id, *year))
        .map(|cy| Cow::Borrowed(cy.name.as_str()));
    let on = a.date.local.date();
    let units = a
        .units
        .iter()
        .filter_map(move |id| site.data.unit(id))
        .map(move |u| Cow::Borrowed(u.name_at(on).full.as_str()));
    cluster.into_iter().chain(units)
}

fn unit(u: &crate::data::Unit, rooted: &impl Fn(&str) -> String) -> Entry<'static> {
    let current = u.current_name();
    let mut names: Vec<String> = Vec::new();
    for n in &u.names {
        names.push(n.full.clone());
        names.extend(n.short.clone());
    }
    names.extend(u.aliases.iter().cloned());
    names.dedup();
    let others: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| *n != current.full)
        .collect();
    Entry {
        shown: Shown {
            kind: Some(Kind::Unit),
            url: rooted(&unit_path(&u.id)),
            title: current.full.clone(),
            snippet: others.join(" · "),
            ..Shown::default()
        },
        names,
        lead: vec![Cow::Borrowed(KIND_WORDS[0])],
        body: Body::Text(String::new()),
    }
}

/// Words that name a kind of entry, indexed with it so that "đơn vị sở tư
/// pháp" or "kết quả … 2023" find the entry of that kind.
const KIND_WORDS: [&str; 3] = ["đơn vị", "cụm thi đua", "kết quả thi đua"];

fn cluster(site: &Site, years: &[usize], rooted: &impl Fn(&str) -> String) -> Entry<'static> {
    let cys: Vec<&ClusterYear> = years.iter().map(|&i| &site.data.cluster_years[i]).collect();
    // `years` is in year order, so the last is the latest name.
    let latest = cys.last().copied();
    let mut names: Vec<String> = Vec::new();
    for cy in cys.iter().rev() {
        if !names.contains(&cy.name) {
            names.push(cy.name.clone());
        }
    }
    let span = match (cys.first(), latest) {
        (Some(a), Some(b)) if a.year != b.year => format!("{}–{}", a.year, b.year),
        (_, Some(b)) => b.year.to_string(),
        _ => String::new(),
    };
    let id = latest.map(|c| c.id.as_str()).unwrap_or_default();
    let others: Vec<&str> = names.iter().skip(1).map(String::as_str).collect();
    let mut snippet = span;
    if !others.is_empty() {
        snippet = format!("{snippet} · {}", others.join(" · "));
    }
    Entry {
        shown: Shown {
            kind: Some(Kind::Cluster),
            url: rooted(&format!("/cum-thi-dua/{id}/")),
            title: names.first().cloned().unwrap_or_default(),
            snippet,
            ..Shown::default()
        },
        names,
        lead: vec![Cow::Borrowed(KIND_WORDS[1])],
        body: Body::Text(
            cys.iter()
                .map(|c| c.year.to_string())
                .collect::<Vec<_>>()
                .join(" "),
        ),
    }
}

/// One entry per unit of the year's results table, with the unit's id.
fn result_rows<'s>(
    site: &'s Site,
    cy: &'s ClusterYear,
    rooted: &impl Fn(&str) -> String,
) -> Vec<(&'s str, Entry<'static>)> {
    let Some(results) = &cy.results else {
        return Vec::new();
    };
    let decimals = cy
        .scheme
        .as_deref()
        .and_then(|s| site.data.scheme(s))
        .map_or(2, |s| s.engine.decimals);
    let url = format!("{}#ket-qua", rooted(&cluster_year_path(&cy.id, cy.year)));
    let on = cy.name_date();
    results
        .year
        .rows
        .iter()
        .map(|row| {
            let (full, short) = match site.data.unit(&row.unit) {
                Some(u) => {
                    let n = u.name_at(on);
                    (n.full.clone(), n.short.clone())
                }
                None => (row.unit.clone(), None),
            };
            let status = match row.status {
                RowStatus::Ranked => None,
                RowStatus::Withdrawn => Some("withdrawn"),
                RowStatus::NotSubmitted => Some("not_submitted"),
                RowStatus::Partial => Some("partial"),
            };
            // The entry is "the results of this unit in this year".
            let mut names = vec![full.clone(), format!("{} {}", KIND_WORDS[2], cy.year)];
            names.extend(short);
            let mut lead: Vec<Cow<'static, str>> = vec![cy.name.clone().into()];
            lead.extend(row.classification.clone().map(Cow::Owned));
            let entry = Entry {
                shown: Shown {
                    kind: Some(Kind::Result),
                    url: url.clone(),
                    title: full,
                    row: Some(RowShown {
                        rank: row.rank,
                        total: row.total.as_ref().map(|t| format_decimal(t, decimals)),
                        classification: row.classification.clone(),
                        status,
                        cluster: cy.name.clone(),
                        year: cy.year,
                    }),
                    ..Shown::default()
                },
                names,
                lead,
                body: Body::Text(String::new()),
            };
            (row.unit.as_str(), entry)
        })
        .collect()
}

/// Reads the words of an HTML body: tags dropped (with the contents of
/// `script` and `style`), the entities bangtin and Markdown write decoded,
/// each tag a word break. The text between tags is read where it is, not
/// copied into a plain text first: reading bodies back and copying them was
/// a fifth of the index's time (measured at 10,000 articles).
fn html_words(html: &str, reader: &mut WordReader, f: &mut impl FnMut(&Word)) {
    let mut at = 0;
    while let Some(found) = html[at..].find(['<', '&']) {
        let lt = at + found;
        reader.feed(&html[at..lt], at, f);
        let tail = &html[lt..];
        if tail.starts_with('&') {
            let (text, used) = entity(tail);
            reader.feed(text.as_deref().unwrap_or("&"), lt, f);
            at = lt + used;
            continue;
        }
        let skip_to = ["script", "style"]
            .iter()
            .find(|t| {
                tail.get(1..=t.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(t))
            })
            .map(|t| format!("</{t}"));
        let end = match skip_to {
            Some(close) => tail
                .find(&close)
                .and_then(|i| tail[i..].find('>').map(|j| i + j)),
            None => tail.find('>'),
        };
        reader.finish(f);
        at = match end {
            Some(e) => lt + e + 1,
            None => html.len(),
        };
    }
    reader.feed(&html[at..], at, f);
}

/// An entity at the start of `s`: its text and its length, or `None` and 1.
fn entity(s: &str) -> (Option<String>, usize) {
    let Some(semi) = s.get(..12).unwrap_or(s).find(';') else {
        return (None, 1);
    };
    let name = &s[1..semi];
    let text = match name {
        "amp" => Some("&".to_string()),
        "lt" => Some("<".to_string()),
        "gt" => Some(">".to_string()),
        "quot" => Some("\"".to_string()),
        "apos" | "#39" => Some("'".to_string()),
        "nbsp" => Some(" ".to_string()),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32)
            .map(String::from),
    };
    match text {
        Some(t) => (Some(t), semi + 1),
        None => (None, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::Body;

    #[test]
    fn an_html_body_gives_its_text_words_not_its_tags_or_scripts() {
        let html = "<p>Sở <b>Tư&nbsp;pháp</b> &amp; UB<i>ND</i></p><script>var x=\"<p>\";</script><p>&#273;&#x111;a</p><style>p{}</style>cuối";
        let mut keys = Vec::new();
        Body::Html(html).for_each_key(|w| keys.push(w.key.clone()));
        assert_eq!(keys, ["so", "tu", "phap", "ub", "nd", "dda", "cuoi"]);
    }
}
