//! A workbook as a person fills it: read with calamine, cells typed,
//! written again with rust_xlsxwriter (the scores template's tests).

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;

/// A value the test types into a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum V {
    N(f64),
    T(&'static str),
}

/// A workbook read with calamine, changed, and written again with
/// rust_xlsxwriter: what a person filling the template produces.
pub struct Book {
    pub sheets: Vec<(String, Cells)>,
}

/// A sheet's cells by 0-based (row, column).
pub type Cells = HashMap<(u32, u16), V>;

impl Book {
    pub fn open(path: &Path) -> Book {
        let mut wb = open_workbook_auto(path).unwrap();
        let mut sheets = Vec::new();
        for name in wb.sheet_names() {
            let range = wb.worksheet_range(&name).unwrap();
            let mut cells = HashMap::new();
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, row) in range.rows().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    let at = (r0 + r as u32, (c0 + c as u32) as u16);
                    match v {
                        Data::String(s) => {
                            cells.insert(at, V::T(Box::leak(s.clone().into_boxed_str())));
                        }
                        Data::Float(f) => {
                            cells.insert(at, V::N(*f));
                        }
                        Data::Int(i) => {
                            cells.insert(at, V::N(*i as f64));
                        }
                        _ => {}
                    }
                }
            }
            sheets.push((name, cells));
        }
        Book { sheets }
    }

    pub fn text(&self, sheet: usize, r: u32, c: u16) -> String {
        match self.sheets[sheet].1.get(&(r, c)) {
            Some(V::T(s)) => s.to_string(),
            _ => String::new(),
        }
    }

    /// Types `v` in the cell of `unit` (its id in row 2) and row `id` (column A).
    pub fn set(&mut self, sheet: usize, unit: &str, id: &str, v: V) {
        let col = (4..60u16)
            .find(|&c| self.text(sheet, 1, c) == unit)
            .unwrap_or_else(|| panic!("{unit}"));
        let row = (3..80u32)
            .find(|&r| self.text(sheet, r, 0) == id)
            .unwrap_or_else(|| panic!("{id}"));
        self.sheets[sheet].1.insert((row, col), v);
    }

    pub fn save(&self, path: &Path) {
        let mut wb = Workbook::new();
        for (name, cells) in &self.sheets {
            let ws = wb.add_worksheet();
            ws.set_name(name).unwrap();
            for (&(r, c), v) in cells {
                match v {
                    V::N(f) => ws.write_number(r, c, *f).unwrap(),
                    V::T(s) => ws.write_string(r, c, *s).unwrap(),
                };
            }
        }
        wb.save(path).unwrap();
    }
}

/// The members of cdvc-cum-1 in 2024 in the file's order, the one `fill`
/// scores them in.
pub const UNITS: [&str; 7] = [
    "tl-cd-so-y-te",
    "tl-cd-so-vhttdl",
    "tl-cd-so-gddt",
    "tl-cd-so-ldtbxh",
    "tl-cd-dai-ptth",
    "tl-cd-bv-da-khoa",
    "tl-cd-truong-cdsp",
];

/// Fills every criterion of every unit on the self and panel sheets of
/// the example's cdvc-cum-1 2024 template.
pub fn fill(book: &mut Book) {
    let i2 = [
        V::N(9.5),
        V::T("9,5"),
        V::N(9.5000000001),
        V::T("9.5"),
        V::N(9.499999999999),
        V::T(" 9,5 "),
        V::N(9.5),
    ];
    for sheet in [0, 1] {
        for (i, u) in UNITS.iter().enumerate() {
            book.set(sheet, u, "I.1", V::N(20.0 - 0.5 * i as f64));
            book.set(sheet, u, "I.2", i2[i].clone());
            book.set(sheet, u, "II.1", V::N(5.0));
            let ratio = if i == 3 {
                V::N(0.8200000000001)
            } else {
                V::T("0,85")
            };
            book.set(sheet, u, "II.2", ratio);
            book.set(sheet, u, "II.3", V::N(50.0 - i as f64));
        }
    }
    book.set(2, UNITS[0], "B1", V::N(1.0));
    book.set(2, UNITS[6], "P1", V::N(2.0));
}
