//! The scores template (`bangtin template scores`): the [`Plan`] of
//! `layout.rs` written as an `.xlsx`. Entry cells are unlocked and shaded,
//! everything else is locked (sheet protection without a password); data
//! validation refuses what the scheme refuses, with the rule in words;
//! sections and the total are formulas whose cached result is written (0 in
//! an empty template) so tools that do not recalculate read a number; A4
//! landscape, header rows and the id column frozen.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, Formula,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::layout::{
    self, FIRST_MEMBER_COL, FIRST_ROW, HEADER_ROW, ID_ROW, MARKER, Plan, Row, SheetPlan, TITLE_ROW,
    cell_name,
};
use super::{bytes, fixed_properties, header_text, sheet_name, width_for};
use crate::messages::{SheetMsg, number};
use crate::results::{Criterion, Rule};
use crate::t;

/// The cell formats of a template.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    section: Format,
    entry: Format,
    sum: Format,
}

impl Formats {
    fn new() -> Formats {
        let border = |f: Format| f.set_border(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            header: border(
                Format::new()
                    .set_bold()
                    .set_text_wrap()
                    .set_align(FormatAlign::Center)
                    .set_align(FormatAlign::VerticalCenter)
                    .set_background_color(Color::RGB(0xD9E1F2)),
            ),
            text: border(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
            section: border(Format::new().set_bold().set_text_wrap()),
            entry: border(
                Format::new()
                    .set_unlocked()
                    .set_background_color(Color::RGB(0xFFF2CC)),
            ),
            sum: border(Format::new().set_bold().set_num_format("0.##")),
        }
    }
}

/// The template's bytes. `site_title` goes into the document properties.
pub fn workbook(plan: &Plan, site_title: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&fixed_properties(site_title));
    let formats = Formats::new();
    let mut taken = Vec::new();
    for sheet in &plan.sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&sheet.name, &mut taken))?;
        write_sheet(ws, plan, sheet, &formats)?;
    }
    bytes(&mut wb)
}

fn write_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    sheet: &SheetPlan,
    f: &Formats,
) -> Result<(), XlsxError> {
    let phase = &plan.cy.phases[plan.phase];
    let title = t!(
        SheetMsg::TemplateTitle,
        sheet = sheet.name,
        cluster = plan.cy.name,
        year = plan.cy.year,
        phase = phase.name
    );
    ws.write_string_with_format(TITLE_ROW, 0, &title, &f.title)?;
    ws.write_string(ID_ROW, 0, MARKER)?;
    ws.write_string(ID_ROW, 1, sheet.kind.key())?;
    ws.write_string(ID_ROW, 2, plan.phase_key())?;
    ws.set_row_hidden(ID_ROW)?;
    let headers = [
        t!(SheetMsg::ColId),
        t!(SheetMsg::ColTitle),
        t!(SheetMsg::ColMax),
        t!(SheetMsg::ColRule),
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, h, &f.header)?;
    }
    let last_col = FIRST_MEMBER_COL + sheet.members.len().max(1) as u16 - 1;
    for (i, m) in sheet.members.iter().enumerate() {
        let col = FIRST_MEMBER_COL + i as u16;
        ws.write_string(ID_ROW, col, &m.unit)?;
        ws.write_string_with_format(HEADER_ROW, col, &m.name, &f.header)?;
        // A name wraps over up to four lines of a column that fits its
        // longest word (Vietnamese letters counted by display width).
        let word = width_for(m.name.split_whitespace(), 12.0, 28.0);
        let line = width_for(std::iter::once(m.name.as_str()), 0.0, 200.0) / 4.0;
        ws.set_column_width(col, word.max(line).min(28.0))?;
    }
    ws.set_row_height(HEADER_ROW, 64)?;
    let titles = &plan.scheme;
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = FIRST_ROW + i as u32;
        if let Some(id) = layout::row_id(row) {
            ws.write_string_with_format(r, 0, id, &f.text)?;
        }
        let (title, max, rule) = describe(row, titles);
        let fmt = match row {
            Row::Section { .. } | Row::Total { .. } | Row::Heading(_) => &f.section,
            _ => &f.text,
        };
        ws.write_string_with_format(r, 1, &title, fmt)?;
        ws.write_string_with_format(r, 2, &max, &f.text)?;
        ws.write_string_with_format(r, 3, &rule, &f.text)?;
        for (m, _) in sheet.members.iter().enumerate() {
            let col = FIRST_MEMBER_COL + m as u16;
            if layout::is_entry(row) {
                ws.write_blank(r, col, &f.entry)?;
            } else if let Some(formula) = sum_formula(sheet, row, col) {
                // An empty template sums to 0; writing it keeps readers that
                // do not recalculate from seeing nothing.
                ws.write_formula_with_format(
                    r,
                    col,
                    Formula::new(formula).set_result("0"),
                    &f.sum,
                )?;
            }
        }
        if layout::is_entry(row) && !sheet.members.is_empty() {
            ws.add_data_validation(r, FIRST_MEMBER_COL, r, last_col, &validation(row, r)?)?;
        }
    }
    ws.set_column_width(0, 8)?;
    ws.set_column_width(1, 48)?;
    ws.set_column_width(2, 8)?;
    ws.set_column_width(3, 18)?;
    ws.set_freeze_panes(FIRST_ROW, 1)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_header(super::results::clip(&format!(
        "&C&\"-,Bold\"{}",
        header_text(&title)
    )));
    ws.set_footer("&R&P/&N");
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    Ok(())
}

/// Title, maximum and rule of a row, in words.
fn describe(row: &Row, scheme: &crate::data::SchemeInfo) -> (String, String, String) {
    let title_of = |id: &str, list: &[(String, String)]| {
        list.iter()
            .find(|(i, _)| i == id)
            .map_or_else(String::new, |(_, t)| t.clone())
    };
    let criterion_title = |k: &Criterion| {
        scheme
            .criteria
            .iter()
            .find(|c| c.id == k.id)
            .map_or_else(String::new, |c| c.title.clone())
    };
    match row {
        Row::Section { criterion, .. } => (
            criterion_title(criterion),
            number(criterion.max),
            String::new(),
        ),
        Row::Leaf(k) => (criterion_title(k), number(k.max), layout::rule_text(k)),
        Row::Total { .. } => (
            t!(SheetMsg::RowTotal),
            number(scheme.engine.total_max),
            String::new(),
        ),
        Row::Heading(h) => (h.clone(), String::new(), String::new()),
        Row::Bonus { id, points } => {
            let cap = scheme
                .engine
                .bonus
                .items
                .iter()
                .find(|i| &i.id == id)
                .and_then(|i| i.cap);
            let rule = match cap {
                Some(c) => t!(
                    SheetMsg::RuleCountCapped,
                    points = number(*points),
                    cap = number(c)
                ),
                None => t!(SheetMsg::RuleCount, points = number(*points)),
            };
            (title_of(id, &scheme.bonus_titles), String::new(), rule)
        }
        Row::Penalty { id, points } => (
            title_of(id, &scheme.penalty_titles),
            String::new(),
            t!(SheetMsg::RuleCount, points = number(*points)),
        ),
        Row::Disqualifier { id } => (
            title_of(id, &scheme.disqualifier_titles),
            String::new(),
            t!(SheetMsg::RuleDisqualifier),
        ),
    }
}

/// The formula of a section or the total in column `col`, or `None`.
fn sum_formula(sheet: &SheetPlan, row: &Row, col: u16) -> Option<String> {
    let parts: &[usize] = match row {
        Row::Section { children, .. } => children,
        Row::Total { sections } => sections,
        _ => return None,
    };
    let terms: Vec<String> = parts
        .iter()
        .map(|&i| {
            let cell = cell_name(FIRST_ROW + i as u32, col);
            match &sheet.rows[i] {
                // The typed value is the measured ratio; the points are the rule's.
                Row::Leaf(Criterion {
                    rule: Some(Rule::Proportional { target }),
                    max,
                    ..
                }) => format!("MIN(N({cell})/{target},1)*{max}"),
                _ => format!("N({cell})"),
            }
        })
        .collect();
    Some(format!("={}", terms.join("+")))
}

/// The validation of an entry row whose first entry cell is in `row`.
fn validation(kind: &Row, row: u32) -> Result<DataValidation, XlsxError> {
    let cell = cell_name(row, FIRST_MEMBER_COL);
    let dec = |d: Decimal| d.normalize().to_string();
    let (dv, says) = match kind {
        Row::Leaf(k) => {
            let max = dec(k.max);
            match &k.rule {
                Some(Rule::Scale { step }) => {
                    let s = dec(*step);
                    (
                        DataValidation::new().allow_custom(Formula::new(format!(
                            "=AND(ISNUMBER({cell}),{cell}>=0,{cell}<={max},\
                             ABS({cell}-ROUND({cell}/{s},0)*{s})<0.000001)"
                        ))),
                        t!(
                            SheetMsg::ValidScale,
                            max = number(k.max),
                            step = number(*step)
                        ),
                    )
                }
                Some(Rule::Fixed) => (
                    DataValidation::new().allow_custom(Formula::new(format!(
                        "=AND(ISNUMBER({cell}),OR({cell}=0,{cell}={max}))"
                    ))),
                    t!(SheetMsg::ValidFixed, max = number(k.max)),
                ),
                Some(Rule::Proportional { target }) => (
                    DataValidation::new()
                        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
                    t!(SheetMsg::ValidProportional, target = number(*target)),
                ),
                None => (
                    DataValidation::new().allow_custom(Formula::new(format!(
                        "=AND(ISNUMBER({cell}),{cell}>=0,{cell}<={max})"
                    ))),
                    t!(SheetMsg::ValidAny, max = number(k.max)),
                ),
            }
        }
        Row::Disqualifier { .. } => (
            DataValidation::new().allow_whole_number(DataValidationRule::Between(0, 1)),
            t!(SheetMsg::ValidDisqualifier),
        ),
        _ => (
            DataValidation::new().allow_whole_number(DataValidationRule::Between(0, 1000)),
            t!(SheetMsg::ValidCount),
        ),
    };
    dv.set_input_title(clip(&t!(SheetMsg::ValidInputTitle), 32))?
        .set_input_message(clip(&says, 255))?
        .set_error_title(clip(&t!(SheetMsg::ValidErrorTitle), 32))?
        .set_error_message(clip(&says, 255))
}

/// `s` cut to `n` characters (Excel's limits on validation texts).
fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}
