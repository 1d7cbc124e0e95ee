//! Which tables go into the results workbooks, and the addresses printed on
//! them (`crate::sheets::results` writes them).

use super::Renderer;
use crate::sheets::results::SheetTable;
use crate::site::{Site, cluster_year_path};

impl Renderer {
    /// The table of `ket-qua.xlsx` (or `ket-qua-<phase>.xlsx`) of a cluster-year.
    pub(super) fn sheet_table<'a>(
        &self,
        site: &'a Site,
        cluster_year: usize,
        phase: Option<usize>,
    ) -> SheetTable<'a> {
        let cy = &site.data.cluster_years[cluster_year];
        SheetTable {
            cy,
            phase,
            page_url: site
                .config
                .base_url
                .absolute(&cluster_year_path(&cy.id, cy.year)),
        }
    }

    /// Every cluster's year table of `year`, in the order of `/ket-qua/<year>/`.
    pub(super) fn year_tables<'a>(&self, site: &'a Site, year: i16) -> Vec<SheetTable<'a>> {
        let page_url = site.config.base_url.absolute(&format!("/ket-qua/{year}/"));
        super::cluster_context::clusters_with_results(site, year)
            .into_iter()
            .map(|cy| SheetTable {
                cy,
                phase: None,
                page_url: page_url.clone(),
            })
            .collect()
    }
}
