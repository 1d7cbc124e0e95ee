//! `ket-qua.xlsx` (beside every `ket-qua.csv`) and `/ket-qua/<year>/ket-qua.xlsx`
//! (one sheet per cluster): the published table for people. Vietnamese
//! headers from the theme's words, numbers stored as numbers with the
//! scheme's decimals as their format (a Vietnamese-locale spreadsheet shows
//! them with a decimal comma), bold frozen header, widths that fit, A4
//! landscape with title, cluster, year and the page's address in the page
//! header and footer. Fixed metadata: identical input, identical bytes.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{Words, bytes, fixed_properties, header_text, sheet_name, width_for};
use crate::data::{ClusterYear, Data};
use crate::output::exports::{row_name, scheme_of, status_name, table};
use crate::results::RowStatus;
use crate::text::round_half_away;

/// One table to put on a sheet.
pub struct SheetTable<'a> {
    pub cy: &'a ClusterYear,
    /// `None`: the year's table.
    pub phase: Option<usize>,
    /// The absolute address of the page that shows the table.
    pub page_url: String,
}

/// A workbook of the given tables, one sheet each, in order. `title` is the
/// site's title (page header and document title). An error is the library's
/// (it refuses only values out of its limits, which a results table never
/// reaches); the caller reports it.
pub fn workbook(
    data: &Data,
    title: &str,
    tables: &[SheetTable],
    words: &Words,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&fixed_properties(title));
    let mut taken = Vec::new();
    for t in tables {
        let name = match t.phase {
            Some(p) => format!("{} – {}", t.cy.name, t.cy.phases[p].name),
            None => t.cy.name.clone(),
        };
        let sheet = wb.add_worksheet();
        sheet.set_name(sheet_name(&name, &mut taken))?;
        write_sheet(sheet, data, title, t, words)?;
    }
    if tables.is_empty() {
        wb.add_worksheet();
    }
    bytes(&mut wb)
}

/// The column headers and their kinds.
enum Col {
    Text,
    Int,
    Num,
}

fn write_sheet(
    ws: &mut Worksheet,
    data: &Data,
    title: &str,
    t: &SheetTable,
    w: &Words,
) -> Result<(), XlsxError> {
    let (Some(ranking), Some(scheme)) = (table(t.cy, t.phase), scheme_of(data, t.cy)) else {
        return Ok(());
    };
    let d = scheme.engine.decimals;
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let number = Format::new().set_num_format(if d == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(d as usize))
    });
    let has_assessed = ranking.rows.iter().any(|r| r.assessed_total.is_some());
    let mut headers: Vec<(String, Col)> = vec![
        (w.get("col_tt").into(), Col::Int),
        (w.get("col_unit_id").into(), Col::Text),
        (w.get("col_unit").into(), Col::Text),
        (w.get("col_self").into(), Col::Num),
    ];
    if has_assessed {
        headers.push((w.get("col_assessed").into(), Col::Num));
    }
    for key in ["col_bonus", "col_penalty", "col_total"] {
        headers.push((w.get(key).into(), Col::Num));
    }
    headers.push((w.get("col_rank").into(), Col::Int));
    headers.push((w.get("col_class").into(), Col::Text));
    headers.push((w.get("col_proposal").into(), Col::Text));
    headers.push((w.get("col_status").into(), Col::Text));
    for c in &scheme.criteria {
        headers.push((c.id.clone(), Col::Num));
    }
    headers.push((w.get("col_note").into(), Col::Text));
    for (col, (h, _)) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, h, &bold)?;
    }
    let mut widths: Vec<Vec<String>> = headers.iter().map(|(h, _)| vec![h.clone()]).collect();
    let num =
        |ws: &mut Worksheet, row: u32, col: u16, v: Option<Decimal>| -> Result<(), XlsxError> {
            // The published figure (rounded as ket-qua.json writes it), then
            // the nearest double: a spreadsheet stores nothing else.
            if let Some(v) = v.and_then(|v| round_half_away(v, d).to_f64()) {
                ws.write_number_with_format(row, col, v, &number)?;
            }
            Ok(())
        };
    for (i, r) in ranking.rows.iter().enumerate() {
        let row = i as u32 + 1;
        let mut col = 0u16;
        let mut text = |ws: &mut Worksheet, col: u16, s: &str| -> Result<(), XlsxError> {
            if !s.is_empty() {
                ws.write_string(row, col, s)?;
            }
            widths[col as usize].push(s.to_string());
            Ok(())
        };
        ws.write_number(row, col, (i + 1) as f64)?;
        col += 1;
        text(ws, col, &r.unit)?;
        col += 1;
        text(ws, col, &row_name(data, t.cy, &r.unit))?;
        col += 1;
        let ranked = r.status == RowStatus::Ranked;
        let shown = |v: Option<Decimal>| if ranked { v } else { None };
        num(ws, row, col, shown(r.self_total))?;
        col += 1;
        if has_assessed {
            num(ws, row, col, shown(r.assessed_total))?;
            col += 1;
        }
        for v in [r.bonus, r.penalty, r.total] {
            num(ws, row, col, shown(v))?;
            col += 1;
        }
        if let Some(rank) = r.rank {
            ws.write_number(row, col, f64::from(rank))?;
        }
        col += 1;
        text(ws, col, r.classification.as_deref().unwrap_or(""))?;
        col += 1;
        let eligible: Vec<String> = r
            .eligible
            .iter()
            .map(|a| data.award(a).map_or_else(|| a.clone(), |x| x.name.clone()))
            .collect();
        text(ws, col, &eligible.join("; "))?;
        col += 1;
        let status = format!("status_{}", status_name(r.status));
        text(ws, col, w.get(&status))?;
        col += 1;
        for c in &scheme.criteria {
            let v = r
                .criteria
                .iter()
                .find(|(id, _)| id == &c.id)
                .map(|(_, v)| *v);
            num(ws, row, col, shown(v))?;
            col += 1;
        }
        text(ws, col, r.note.as_deref().unwrap_or(""))?;
    }
    for (col, (_, kind)) in headers.iter().enumerate() {
        let width = match kind {
            Col::Text => width_for(widths[col].iter().map(String::as_str), 8.0, 60.0),
            Col::Int => 8.0,
            Col::Num => 11.0,
        };
        ws.set_column_width(col as u16, width)?;
    }
    ws.set_freeze_panes(1, 3)?;
    ws.set_repeat_rows(0, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    let phase = t.phase.map(|p| format!(" – {}", t.cy.phases[p].name));
    let heading = format!(
        "{} {} – {}{}",
        w.get("results_of_year"),
        t.cy.year,
        t.cy.name,
        phase.unwrap_or_default()
    );
    ws.set_header(clip(&format!(
        "&L{}&C&\"-,Bold\"{}",
        header_text(title),
        header_text(&heading)
    )));
    ws.set_footer(clip(&format!("&L{}&R&P/&N", header_text(&t.page_url))));
    Ok(())
}

/// Excel refuses a header or footer over 255 characters; a long address or
/// title is cut instead (never inside an `&` code: the cut is on characters
/// of text, which the codes above keep short).
pub(crate) fn clip(s: &str) -> String {
    if s.chars().count() <= 255 {
        s.to_string()
    } else {
        s.chars().take(255).collect()
    }
}
