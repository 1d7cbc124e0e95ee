//! Reading a filled template into grids of cells: `.xlsx` and `.ods` with
//! calamine (cached values of formulas, numbers as the file stores them),
//! `.csv` with our own reader (UTF-8 with or without a byte-order mark, `,`
//! or `;` as the separator, RFC 4180 quotes), every text cell in NFC.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Ods, Reader, Xlsx};

use crate::diag::Diagnostic;
use crate::messages::SheetMsg;
use crate::t;

/// One cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
    /// A date, a boolean or an error value: never a score; the text says what it was.
    Other(String),
}

/// One sheet: its name and its cells by 0-based (row, column).
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub name: String,
    cells: HashMap<(u32, u16), Cell>,
    /// One past the last row and column holding anything.
    pub rows: u32,
    pub cols: u16,
}

impl Grid {
    fn set(&mut self, row: u32, col: u16, cell: Cell) {
        if cell == Cell::Empty {
            return;
        }
        self.rows = self.rows.max(row + 1);
        self.cols = self.cols.max(col + 1);
        self.cells.insert((row, col), cell);
    }

    /// The cell at (row, col); empty when nothing is there.
    pub fn get(&self, row: u32, col: u16) -> &Cell {
        self.cells.get(&(row, col)).unwrap_or(&Cell::Empty)
    }

    /// The cell as trimmed text (numbers in their shortest form), "" when empty.
    pub fn text(&self, row: u32, col: u16) -> String {
        match self.get(row, col) {
            Cell::Empty => String::new(),
            Cell::Number(f) => f.to_string(),
            Cell::Text(s) | Cell::Other(s) => s.trim().to_string(),
        }
    }
}

fn read_failed(shown: &str, detail: String) -> Diagnostic {
    Diagnostic::error(t!(SheetMsg::ReadFailed, detail = detail))
        .in_file(shown)
        .hint(t!(SheetMsg::ReadFailedHint))
}

/// Reads every sheet of `path` (by its extension, case-insensitive).
pub fn read(path: &Path) -> Result<Vec<Grid>, Diagnostic> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| read_failed(&shown, e.to_string()))?;
    read_bytes(path, bytes)
}

/// Reads every sheet of a workbook's `bytes`, of the kind `path`'s
/// extension says (a file uploaded to the editor: its name).
pub fn read_bytes(path: &Path, bytes: Vec<u8>) -> Result<Vec<Grid>, Diagnostic> {
    let shown = path.display().to_string();
    let fail = |detail: String| read_failed(&shown, detail);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" => {
            let wb = Xlsx::new(Cursor::new(bytes)).map_err(|e| fail(e.to_string()))?;
            workbook(wb).map_err(fail)
        }
        "ods" => {
            let wb = Ods::new(Cursor::new(bytes)).map_err(|e| fail(e.to_string()))?;
            workbook(wb).map_err(fail)
        }
        "csv" | "txt" => {
            let text = String::from_utf8(bytes).map_err(|_| fail(t!(SheetMsg::CsvNotUtf8)))?;
            let name = path
                .file_name()
                .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
            Ok(vec![csv(&name, &text)])
        }
        _ => Err(Diagnostic::error(t!(SheetMsg::UnknownFileKind, ext = ext)).in_file(&shown)),
    }
}

fn workbook<R: Reader<Cursor<Vec<u8>>>>(mut wb: R) -> Result<Vec<Grid>, String>
where
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(|e| e.to_string())?;
        let mut grid = Grid {
            name: crate::text::nfc(&name),
            ..Grid::default()
        };
        if let Some((r0, c0)) = range.start() {
            for (r, row) in range.rows().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    let (row, col) = (r0 + r as u32, c0 + c as u32);
                    let Ok(col) = u16::try_from(col) else {
                        continue;
                    };
                    grid.set(row, col, cell(v));
                }
            }
        }
        out.push(grid);
    }
    Ok(out)
}

fn cell(v: &Data) -> Cell {
    match v {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(crate::text::nfc(s)),
        Data::Bool(b) => Cell::Other(b.to_string()),
        Data::DateTime(d) => Cell::Other(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Other(s.clone()),
        Data::Error(e) => Cell::Other(e.to_string()),
    }
}

/// A CSV text as one grid: the byte-order mark dropped, the separator the
/// one (`;` or `,`) the first line has more of outside quotes.
pub fn csv(name: &str, text: &str) -> Grid {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let count = |sep: char| {
        let mut quoted = false;
        first
            .chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                !quoted && c == sep
            })
            .count()
    };
    let sep = if count(';') > count(',') { ';' } else { ',' };
    let mut grid = Grid {
        name: crate::text::nfc(name),
        ..Grid::default()
    };
    let (mut row, mut col) = (0u32, 0u16);
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let push = |grid: &mut Grid, row: u32, col: u16, field: &mut String| {
        let s = std::mem::take(field);
        if !s.trim().is_empty() {
            grid.set(row, col, Cell::Text(crate::text::nfc(&s)));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            c if quoted => field.push(c),
            c if c == sep => {
                push(&mut grid, row, col, &mut field);
                col = col.saturating_add(1);
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                push(&mut grid, row, col, &mut field);
                row += 1;
                col = 0;
            }
            c => field.push(c),
        }
    }
    push(&mut grid, row, col, &mut field);
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_takes_either_separator_quotes_and_a_bom() {
        let g = csv(
            "a.csv",
            "\u{FEFF}Mã;Nội dung;x\r\nI.1;\"Hoàn thành; \"\"tốt\"\"\";\"19,5\"\n\n;;7",
        );
        assert_eq!(g.text(0, 0), "Mã");
        assert_eq!(g.text(1, 1), "Hoàn thành; \"tốt\"");
        assert_eq!(g.get(1, 2), &Cell::Text("19,5".into()));
        assert_eq!(g.get(2, 0), &Cell::Empty);
        assert_eq!(g.text(3, 2), "7");
        let g = csv("b.csv", "a,\"b,c\",d\n1,\"2,5\",3");
        assert_eq!(g.text(0, 1), "b,c");
        assert_eq!(g.text(1, 1), "2,5");
        assert_eq!(g.text(1, 2), "3");
        assert_eq!((g.rows, g.cols), (2, 3));
    }
}
