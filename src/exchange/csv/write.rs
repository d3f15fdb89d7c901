//! Writes our CSV flavour: BOM, `;`, CRLF, German headers, every cell formula-neutralised.

use super::{BOM, goal_cell};
use crate::exchange::Snapshot;
use crate::exchange::columns::{
    INDICATOR_HEADERS, MeasureColumnKind, measure_columns, measure_headers,
};
use crate::exchange::formula_guard::neutralise_formula;
use crate::exchange::tables::{Cell, RecordTable};
use crate::model::{Value, format_date_de, format_decimal};

/// Writes rows as our CSV flavour: BOM, `;`, CRLF, every cell formula-neutralised.
fn write_rows(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    // Writing into memory cannot fail.
    let _ = writer.write_record(headers);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|cell| neutralise_formula(cell).into_owned()));
    }
    writer.into_inner().unwrap_or_default()
}

/// The cell text of a field value: amounts `12500,50`, dates `01.03.2026`, lists joined with
/// `, `.
fn cell(value: Value) -> String {
    match value {
        Value::Text(text) => text,
        Value::Amount(amount) => amount.map(|c| c.format_plain_de(false)).unwrap_or_default(),
        Value::Date(date) => date.map(format_date_de).unwrap_or_default(),
        Value::Fund(fund) => fund.map(|f| f.name().to_string()).unwrap_or_default(),
        Value::Status(status) => status.name().to_string(),
        Value::List(items) => items.join(", "),
    }
}

/// One row per measure, with the headers of [`measure_columns`].
pub fn export_measures(snapshot: &Snapshot) -> Vec<u8> {
    let rows = snapshot.measures.iter().map(|m| {
        (measure_columns().iter())
            .map(|column| match column.kind {
                MeasureColumnKind::Id => m.id.to_string(),
                MeasureColumnKind::Field(_) => {
                    column.field().map(|f| cell(f.get(m))).unwrap_or_default()
                }
                MeasureColumnKind::PrimaryGoal => snapshot
                    .primary_code(m.id)
                    .map(|c| goal_cell(&c))
                    .unwrap_or_default(),
                MeasureColumnKind::Goals => (snapshot.goal_codes(m.id).iter())
                    .map(|c| goal_cell(c))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect()
    });
    write_rows(&measure_headers(), rows)
}

/// One row per indicator, with the headers [`INDICATOR_HEADERS`].
pub fn export_indicators(snapshot: &Snapshot) -> Vec<u8> {
    let rows = snapshot.measures.iter().flat_map(|m| {
        m.indicators.iter().map(|i| {
            vec![
                m.id.to_string(),
                m.title.clone(),
                i.name.clone(),
                i.unit.clone(),
                format_decimal(i.baseline),
                format_decimal(i.target),
                i.actual.map(format_decimal).unwrap_or_default(),
            ]
        })
    });
    write_rows(&INDICATOR_HEADERS, rows)
}

/// One row per record of `table` (`--what pots|plan|payments|decisions|deadlines`, issues 14
/// and 15), with its German headers: `Z-0001;M-0012;15.03.2026;Auszahlung;20000,00;…`.
pub fn export_table(table: RecordTable, snapshot: &Snapshot) -> Vec<u8> {
    let headers: Vec<&str> = table.columns().iter().map(|c| c.header).collect();
    let rows = (table.rows(snapshot).into_iter()).map(|row| row.iter().map(Cell::csv).collect());
    write_rows(&headers, rows)
}
