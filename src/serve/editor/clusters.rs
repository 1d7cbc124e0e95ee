//! Cluster-years in the editor (issue 23): a new year started from the
//! cluster's latest earlier one, exactly as `bangtin new cluster-year` makes
//! it (`cli::cluster_year::write_cluster_year`).

use serde_json::{Value, json};

use super::Reply;
use super::catalog::Catalog;
use crate::messages::Msg;
use crate::t;

/// `POST /api/cluster-years/new` `{cluster, year}` → `{path, notes}`.
pub fn new_year(site: &Catalog, v: &Value) -> Result<Reply, Reply> {
    let cluster = v["cluster"].as_str().unwrap_or_default().trim();
    let Some(year) = v["year"].as_i64().and_then(|y| i16::try_from(y).ok()) else {
        let value = v["year"].to_string();
        return Err(Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorBadYear, value = value), "field": "year" }),
        ));
    };
    match crate::cli::cluster_year::write_cluster_year(site.dir(), cluster, year) {
        Ok(made) => {
            site.wrote(&made.path);
            Ok(Reply::json(
                200,
                &json!({ "path": made.path, "notes": made.notes }),
            ))
        }
        Err(d) => Err(Reply::json(
            409,
            &json!({ "error": d.message, "hint": d.hint }),
        )),
    }
}
