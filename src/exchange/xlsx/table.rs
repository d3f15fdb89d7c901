//! One sheet read cell by cell into a header and non-empty rows, with the limits that keep a
//! hostile workbook from exhausting memory.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;

use calamine::{Data, Xlsx};

use super::cell_values::cell_text;
use super::sheets::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
use crate::exchange::ImportProblem;
use crate::i18n::{Lang, Text, fill};

/// One sheet: its name in messages, its header → column index, and its non-empty rows.
pub(super) struct Table {
    /// `file[Sheet]`, the file part of its problems.
    pub file: String,
    /// Lower-cased header → (column index, header as written).
    pub columns: HashMap<String, (usize, String)>,
    /// Headers that occur twice, with their row-1 problems.
    duplicates: Vec<String>,
    /// Headers quartier does not know: ignored (with a note).
    pub ignored: Vec<String>,
    /// Rows below the header that have any content, with their sheet row number (1-based).
    pub rows: Vec<(usize, Vec<Data>)>,
    pub header_line: usize,
}

/// Non-empty cells by sheet row (0-based), in file order, each with its column (0-based).
type SparseRows = BTreeMap<u32, Vec<(u32, Data)>>;

/// Reads the non-empty cells of sheet `name`; `Err` is the reason the sheet is refused (not a
/// workbook, or past a limit).
fn sparse_rows(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    lang: Lang,
) -> Result<SparseRows, String> {
    let broken = |e: &dyn std::fmt::Display| fill(lang.t(Text::XlsxNotWorkbook), &[("error", e)]);
    let mut reader = workbook
        .worksheet_cells_reader(name)
        .map_err(|e| broken(&e))?;
    let mut rows = SparseRows::new();
    let mut first_row: Option<u32> = None;
    while let Some(cell) = reader.next_cell().map_err(|e| broken(&e))? {
        let (row, column) = cell.get_position();
        let value: Data = cell.get_value().clone().into();
        if is_blank(&value) {
            continue;
        }
        let at = || cell_name(row, column);
        if column >= MAX_COLUMNS {
            return Err(fill(
                lang.t(Text::XlsxTooManyColumns),
                &[("cell", &at()), ("max", &MAX_COLUMNS)],
            ));
        }
        let first = *first_row.get_or_insert(row);
        if row.saturating_sub(first) > MAX_ROWS {
            return Err(fill(
                lang.t(Text::XlsxTooManyRows),
                &[("cell", &at()), ("max", &MAX_ROWS)],
            ));
        }
        if let Data::String(text) = &value
            && text.chars().count() > MAX_CELL_CHARS
        {
            return Err(fill(
                lang.t(Text::XlsxCellTooLong),
                &[("cell", &at()), ("max", &MAX_CELL_CHARS)],
            ));
        }
        rows.entry(row).or_default().push((column, value));
    }
    Ok(rows)
}

/// A row's cells at their column index, empty cells between them.
fn dense(cells: Vec<(u32, Data)>) -> Vec<Data> {
    let width = cells
        .iter()
        .map(|(c, _)| *c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut row = vec![Data::Empty; width];
    for (column, value) in cells {
        row[column as usize] = value;
    }
    row
}

impl Table {
    /// Reads one sheet cell by cell (never as a dense range: one cell at XFD1048576 would ask
    /// for half a terabyte), refusing more than [`MAX_ROWS`] rows, cells right of
    /// [`MAX_COLUMNS`] and texts longer than [`MAX_CELL_CHARS`].
    pub(super) fn read(
        workbook: &mut Xlsx<Cursor<&[u8]>>,
        name: &str,
        file: &str,
        lang: Lang,
    ) -> Result<Table, Vec<ImportProblem>> {
        let file = format!("{file}[{name}]");
        let rows = sparse_rows(workbook, name, lang)
            .map_err(|reason| vec![ImportProblem::whole_file(&file, reason)])?;
        let mut rows = rows.into_iter();
        let mut table = Table {
            file,
            columns: HashMap::new(),
            duplicates: Vec::new(),
            ignored: Vec::new(),
            rows: Vec::new(),
            header_line: 1,
        };
        if let Some((row, cells)) = rows.next() {
            table.header_line = row as usize + 1;
            table.read_header(&dense(cells));
        }
        table.rows = rows
            .map(|(row, cells)| (row as usize + 1, dense(cells)))
            .collect();
        Ok(table)
    }

    /// A table of cells read elsewhere (a CSV file's), named `file` in problems.
    pub(super) fn from_cells(
        file: &str,
        header_line: usize,
        header: &[Data],
        rows: Vec<(usize, Vec<Data>)>,
    ) -> Table {
        let mut table = Table {
            file: file.to_string(),
            columns: HashMap::new(),
            duplicates: Vec::new(),
            ignored: Vec::new(),
            rows,
            header_line,
        };
        table.read_header(header);
        table
    }

    /// Takes the column names from the header row; a name that occurs twice is a duplicate.
    fn read_header(&mut self, header: &[Data]) {
        for (index, cell) in header.iter().enumerate() {
            let Ok(name) = cell_text(cell) else { continue };
            let name = name.trim().to_string();
            if name.is_empty() {
                continue;
            }
            match self.columns.entry(name.to_lowercase()) {
                Entry::Occupied(_) => self.duplicates.push(name),
                Entry::Vacant(slot) => {
                    slot.insert((index, name));
                }
            }
        }
    }

    /// Notes the headers that are not in `known` as ignored.
    pub(super) fn ignore_unknown(&mut self, known: &[&str]) {
        let mut ignored: Vec<(usize, String)> = self
            .columns
            .values()
            .filter(|(_, written)| {
                let written = written.to_lowercase();
                !known.iter().any(|k| k.to_lowercase() == written)
            })
            .cloned()
            .collect();
        ignored.sort();
        self.ignored = ignored.into_iter().map(|(_, name)| name).collect();
    }

    /// The column with this header: its index and its header as the file writes it.
    pub(super) fn column(&self, name: &str) -> Option<(usize, &str)> {
        self.columns
            .get(&name.to_lowercase())
            .map(|(index, written)| (*index, written.as_str()))
    }

    /// Problems of the header row: duplicate headers, and missing ones from `required`
    /// (`always` ones in any case, the others when a row names an existing measure by id,
    /// whose values an absent column would silently clear).
    pub(super) fn header_problems(
        &self,
        always: &[&str],
        when_updating: &[&str],
        id_header: &str,
        lang: Lang,
    ) -> Vec<ImportProblem> {
        let mut problems: Vec<ImportProblem> = self
            .duplicates
            .iter()
            .map(|name| {
                let reason = fill(lang.t(Text::ImportDuplicate), &[("value", name)]);
                ImportProblem::new(&self.file, self.header_line, name.as_str(), reason)
            })
            .collect();
        let updates = self.column(id_header).is_some_and(|(index, _)| {
            self.rows
                .iter()
                .any(|(_, cells)| cells.get(index).is_some_and(|c| !is_blank(c)))
        });
        let needed = always
            .iter()
            .chain(when_updating.iter().filter(|_| updates));
        for name in needed {
            if self.column(name).is_none() {
                let reason = lang.t(Text::XlsxMissingColumn);
                problems.push(ImportProblem::new(
                    &self.file,
                    self.header_line,
                    *name,
                    reason,
                ));
            }
        }
        problems
    }
}

/// An empty cell or one holding only spaces.
pub(super) fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The spreadsheet name of a 0-based cell position: `(0, 0)` is `A1`.
fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_in_a_spreadsheet() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
    }
}
