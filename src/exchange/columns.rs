//! The column tables of exchange files, shared by CSV and XLSX: which columns a measure file has
//! and in which order, their headers, the other names accepted on import, the XLSX width and
//! whether the column is kept as text. The measure columns derive from
//! [`crate::model::MEASURE_FIELDS`]: a field's German label is its header and its key an
//! accepted name, so a new field gets a column without an entry here.

use std::sync::LazyLock;

use crate::i18n::{Lang, Text, field_label};
use crate::model::{Field, Kind, MEASURE_FIELDS, MeasureField};

/// What a column of a measure file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeasureColumnKind {
    Id,
    /// A field of [`MEASURE_FIELDS`].
    Field(Field),
    /// The primary goal's code.
    PrimaryGoal,
    /// The codes of all linked goals.
    Goals,
}

/// One column of a measure file.
#[derive(Clone, Debug)]
pub struct MeasureColumn {
    pub kind: MeasureColumnKind,
    /// The header written on export (German).
    pub header: &'static str,
    /// Other accepted headers (lower case, `_` for spaces).
    pub aliases: Vec<&'static str>,
    /// Width in XLSX, in characters.
    pub width: f64,
    /// Kept as text in XLSX: typed-in ids, codes and file numbers (`1.3` is no number and no
    /// date).
    pub as_text: bool,
}

impl MeasureColumn {
    /// The field row of a field column.
    pub fn field(&self) -> Option<&'static MeasureField> {
        match self.kind {
            MeasureColumnKind::Field(field) => MeasureField::of(field),
            _ => None,
        }
    }
}

/// The goal columns come right before this field (and after all others when it is missing).
const GOALS_BEFORE: Field = Field::Notes;

/// Columns of measure files in file order: `ID`, the fields, `Hauptziel` and `Ziele` before
/// `Notizen`.
pub fn measure_columns() -> &'static [MeasureColumn] {
    static COLUMNS: LazyLock<Vec<MeasureColumn>> = LazyLock::new(build);
    &COLUMNS
}

/// The headers of [`measure_columns`], in file order.
pub fn measure_headers() -> Vec<&'static str> {
    measure_columns().iter().map(|c| c.header).collect()
}

/// The column holding `kind`.
pub fn measure_column(kind: MeasureColumnKind) -> &'static MeasureColumn {
    let columns = measure_columns();
    columns
        .iter()
        .find(|c| c.kind == kind)
        .unwrap_or(&columns[0])
}

fn build() -> Vec<MeasureColumn> {
    let plain = |kind, text, width, as_text| MeasureColumn {
        kind,
        header: Lang::De.t(text),
        aliases: Vec::new(),
        width,
        as_text,
    };
    let goals = [
        MeasureColumn {
            aliases: vec!["primary_goal"],
            ..plain(
                MeasureColumnKind::PrimaryGoal,
                Text::FieldPrimaryGoal,
                10.0,
                true,
            )
        },
        MeasureColumn {
            aliases: vec!["goals"],
            ..plain(MeasureColumnKind::Goals, Text::FieldGoals, 14.0, true)
        },
    ];
    let mut columns = vec![plain(MeasureColumnKind::Id, Text::FieldId, 9.0, true)];
    let mut goals = Some(goals);
    for row in &MEASURE_FIELDS {
        if row.field == GOALS_BEFORE {
            columns.extend(goals.take().into_iter().flatten());
        }
        let mut aliases = vec![row.key];
        aliases.extend(extra_aliases(row.field));
        columns.push(MeasureColumn {
            aliases,
            ..plain(
                MeasureColumnKind::Field(row.field),
                field_label(row.field),
                width(row),
                as_text(row.field),
            )
        });
    }
    columns.extend(goals.into_iter().flatten());
    columns
}

/// Header names accepted beyond the German header and the key.
fn extra_aliases(field: Field) -> &'static [&'static str] {
    match field {
        Field::Organisation => &["traeger", "organization"],
        _ => &[],
    }
}

/// File numbers are kept as text.
fn as_text(field: Field) -> bool {
    field == Field::Reference
}

/// XLSX width of a field's column: by kind, a few fields wider or narrower.
fn width(row: &MeasureField) -> f64 {
    match row.field {
        Field::Title => 40.0,
        Field::Organisation => 28.0,
        Field::Responsible | Field::Location => 18.0,
        Field::Reference => 16.0,
        Field::Cofunding => 15.0,
        _ => match row.kind {
            Kind::Line | Kind::List => 24.0,
            Kind::Text => 40.0,
            Kind::Amount | Kind::Fund => 14.0,
            Kind::Date => 11.0,
            Kind::Status => 13.0,
        },
    }
}

/// Headers of indicator files, in order: the CSV export and the XLSX sheet `Indikatoren`
/// (which adds a computed attainment column).
pub const INDICATOR_HEADERS: [&str; 7] = [
    "ID",
    "Maßnahme",
    "Indikator",
    "Einheit",
    "Ausgangswert",
    "Zielwert",
    "Istwert",
];

/// Lower case, trimmed, spaces and hyphens as `_`.
pub fn normalise_header(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_columns_keep_the_file_order_widths_and_names() {
        assert_eq!(
            measure_headers().join(";"),
            "ID;Titel;Beschreibung;Träger;Kontakt;Verantwortlich;Aktenzeichen;Fonds;Beantragt;\
             Bewilligt;Kofinanzierung;Beginn;Ende;Status;Zielgruppen;Ort;Hauptziel;Ziele;Notizen"
        );
        let widths: Vec<f64> = measure_columns().iter().map(|c| c.width).collect();
        assert_eq!(
            widths,
            [
                9.0, 40.0, 40.0, 28.0, 24.0, 18.0, 16.0, 14.0, 14.0, 14.0, 15.0, 11.0, 11.0, 13.0,
                24.0, 18.0, 10.0, 14.0, 40.0
            ]
        );
        let text: Vec<&str> = (measure_columns().iter())
            .filter(|c| c.as_text)
            .map(|c| c.header)
            .collect();
        assert_eq!(text, ["ID", "Aktenzeichen", "Hauptziel", "Ziele"]);
        let organisation = measure_column(MeasureColumnKind::Field(Field::Organisation));
        assert_eq!(
            organisation.aliases,
            ["organisation", "traeger", "organization"]
        );
    }
}
