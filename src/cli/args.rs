//! Subcommand arguments, and turning measure flags into field values with typed errors.

use clap::{Args, Subcommand};

use crate::model::{Measure, MeasureField, ValidationError};

/// `quartier goal …`
#[derive(Debug, Subcommand)]
pub enum GoalCommand {
    /// Add a goal: under --parent, or a new top-level goal without it.
    Add {
        #[arg(long)]
        parent: Option<String>,
        /// Code of the new goal; default: next free one (e.g. 3.7 under Z3, Z10 at top level).
        #[arg(long)]
        code: Option<String>,
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Change a goal's title, description or code.
    Edit {
        code: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        description: Option<String>,
        /// A new code for the goal.
        #[arg(long = "code", value_name = "NEW_CODE")]
        new_code: Option<String>,
    },
    /// Move a goal under another parent (`--parent -` for top level) and/or to a position.
    Move {
        code: String,
        #[arg(long)]
        parent: Option<String>,
        /// 1-based position among the new siblings; default: last.
        #[arg(long)]
        position: Option<u32>,
    },
    /// Delete a goal. With linked measures or sub-goals only with --force.
    Delete {
        code: String,
        #[arg(long)]
        force: bool,
    },
}

/// `quartier measure …`
#[derive(Debug, Subcommand)]
pub enum MeasureCommand {
    /// Add a measure; prints its id. The first --goal is the primary goal.
    Add {
        #[command(flatten)]
        fields: MeasureFields,
        /// Goal code to link (repeatable; the first is primary).
        #[arg(long = "goal", value_name = "CODE")]
        goals: Vec<String>,
    },
    /// List measures as a table (or JSON).
    List {
        /// Only measures linked to this goal or its sub-goals.
        #[arg(long)]
        goal: Option<String>,
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        fund: Option<String>,
        /// Only measures running in this year (start..end overlaps it).
        #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Show one measure with every field, indicators, goals and fund warnings.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Change fields of a measure; an empty value clears a field.
    Edit {
        id: String,
        #[command(flatten)]
        fields: MeasureFields,
    },
    /// Delete a measure and its links.
    Delete { id: String },
    /// Set a measure's status, recorded as a step with date and note (issue 15).
    Status {
        id: String,
        /// The new status (see `--status` of `measure edit`).
        status: String,
        /// The day it counts from, e.g. the date of the letter. Default: today.
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
}

/// `quartier indicator …`
#[derive(Debug, Subcommand)]
pub enum IndicatorCommand {
    /// Add an indicator to a measure.
    Add {
        id: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        unit: String,
        #[arg(long, allow_hyphen_values = true)]
        baseline: String,
        #[arg(long, allow_hyphen_values = true)]
        target: String,
        #[arg(long, allow_hyphen_values = true)]
        actual: Option<String>,
    },
    /// Set the actual value of an indicator (empty clears it).
    Set {
        id: String,
        name: String,
        #[arg(long, allow_hyphen_values = true)]
        actual: String,
    },
    /// Remove an indicator.
    Remove { id: String, name: String },
}

/// The measure fields as flags, shared by `measure add` and `measure edit`.
#[derive(Debug, Default, Args)]
pub struct MeasureFields {
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub description: Option<String>,
    /// Träger.
    #[arg(long)]
    pub organisation: Option<String>,
    #[arg(long)]
    pub contact: Option<String>,
    /// QM staff member in charge.
    #[arg(long)]
    pub responsible: Option<String>,
    /// E.g. the funding system's file number.
    #[arg(long)]
    pub reference: Option<String>,
    /// Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige (QF1–QF4 accepted).
    #[arg(long)]
    pub fund: Option<String>,
    /// Requested amount in euro: 12500, 12500.50, 12.500,50 €.
    #[arg(long)]
    pub requested: Option<String>,
    /// Approved amount in euro.
    #[arg(long)]
    pub approved: Option<String>,
    /// Co-funding (Eigenanteil) in euro.
    #[arg(long)]
    pub cofunding: Option<String>,
    /// Start date: 2026-03-01 or 01.03.2026.
    #[arg(long)]
    pub start: Option<String>,
    /// End date.
    #[arg(long)]
    pub end: Option<String>,
    /// idee, skizze, votum, beantragt, bewilligt, laufend, sachbericht-eingereicht, verwendungsnachweis-eingereicht, verwendungsnachweis-geprueft, abgeschlossen, abgelehnt, abgebrochen.
    #[arg(long)]
    pub status: Option<String>,
    /// Target group (repeatable; given at all, it replaces the list).
    #[arg(long = "target-group", value_name = "GROUP")]
    pub target_groups: Vec<String>,
    #[arg(long)]
    pub location: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

impl MeasureFields {
    /// The given flags by field key (as in [`MEASURE_FIELDS`]); target groups only when given.
    fn given(&self) -> Vec<(&'static str, &str)> {
        let flags = [
            ("title", &self.title),
            ("description", &self.description),
            ("organisation", &self.organisation),
            ("contact", &self.contact),
            ("responsible", &self.responsible),
            ("reference", &self.reference),
            ("fund", &self.fund),
            ("requested", &self.requested),
            ("approved", &self.approved),
            ("cofunding", &self.cofunding),
            ("start", &self.start),
            ("end", &self.end),
            ("status", &self.status),
            ("location", &self.location),
            ("notes", &self.notes),
        ];
        (flags.into_iter())
            .filter_map(|(key, value)| Some((key, value.as_deref()?)))
            .collect()
    }

    /// Writes every given flag into `measure` through the field list; collects every parse
    /// error. An empty value clears an optional field.
    pub fn apply_to(&self, m: &mut Measure) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        for (key, text) in self.given() {
            let Some(row) = MeasureField::by_key(key) else {
                continue;
            };
            match row.parse(text) {
                Ok(value) => row.set(m, value),
                Err(problem) => errors.push(ValidationError::new(row.field, problem)),
            }
        }
        if !self.target_groups.is_empty() {
            m.target_groups = self
                .target_groups
                .iter()
                .filter(|g| !g.trim().is_empty())
                .map(|g| g.trim().to_string())
                .collect();
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Like [`MeasureFields::apply_to`], then validates the result, so a single message lists
    /// every problem: unparseable flags and invalid values alike.
    pub fn apply_and_validate(&self, m: &mut Measure) -> Result<(), Vec<ValidationError>> {
        let mut errors = self.apply_to(m).err().unwrap_or_default();
        for error in m.validate().err().unwrap_or_default() {
            if !errors.iter().any(|e| e.field == error.field) {
                errors.push(error);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Field, MEASURE_FIELDS, Problem, Status};

    #[test]
    fn every_flag_names_a_field_of_the_list() {
        let fields = MeasureFields::default();
        let keys: Vec<&str> = fields.given().iter().map(|(k, _)| *k).collect();
        assert!(keys.is_empty());
        let all = MeasureFields {
            title: Some(String::new()),
            description: Some(String::new()),
            organisation: Some(String::new()),
            contact: Some(String::new()),
            responsible: Some(String::new()),
            reference: Some(String::new()),
            fund: Some(String::new()),
            requested: Some(String::new()),
            approved: Some(String::new()),
            cofunding: Some(String::new()),
            start: Some(String::new()),
            end: Some(String::new()),
            status: Some(String::new()),
            target_groups: Vec::new(),
            location: Some(String::new()),
            notes: Some(String::new()),
        };
        for (key, _) in all.given() {
            assert!(MeasureField::by_key(key).is_some(), "{key}");
        }
        // Every field but the list has a flag of its own (target groups: --target-group).
        assert_eq!(all.given().len(), MEASURE_FIELDS.len() - 1);
    }

    #[test]
    fn flags_parse_through_the_list() {
        let flags = MeasureFields {
            approved: Some("12.500,50".into()),
            end: Some("".into()),
            status: Some("laufend".into()),
            start: Some("kein Datum".into()),
            ..MeasureFields::default()
        };
        let mut m = Measure::new("Kiezfest");
        m.end = chrono::NaiveDate::from_ymd_opt(2026, 1, 1);
        let errors = flags.apply_to(&mut m).unwrap_err();
        assert_eq!(m.approved, Some(Cents(1_250_050)));
        assert_eq!(m.end, None);
        assert_eq!(m.status, Status::Laufend);
        assert_eq!(
            errors,
            [ValidationError::new(
                Field::Start,
                Problem::InvalidDate("kein Datum".into())
            )]
        );
    }
}
