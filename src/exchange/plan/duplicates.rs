//! Likely duplicates: a row without id whose title and Träger match a measure of the database
//! or an earlier row would add that measure once more.

use std::collections::HashMap;

use super::Planner;
use crate::exchange::{ImportProblem, IncomingMeasure};
use crate::i18n::{Localize, Text, fill};
use crate::model::{Field, Measure, MeasureId};

/// Title and Träger of measures seen so far, to warn about likely duplicates.
#[derive(Default)]
pub(super) struct Duplicates {
    existing: HashMap<(String, String), Vec<MeasureId>>,
    in_file: HashMap<(String, String), usize>,
}

/// Title and Träger, trimmed, lower case, inner spaces collapsed.
fn duplicate_key(measure: &Measure) -> (String, String) {
    let norm = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    (norm(&measure.title), norm(&measure.organisation))
}

impl Planner<'_> {
    /// Warns when a measure without id has the title and Träger of a measure of the database
    /// or of an earlier row without id: importing it adds it once more.
    pub(super) fn warn_duplicate(&mut self, seen: &mut Duplicates, item: &IncomingMeasure) {
        if item.measure.title.trim().is_empty() {
            return;
        }
        if seen.existing.is_empty() {
            for m in &self.snapshot.measures {
                seen.existing
                    .entry(duplicate_key(m))
                    .or_default()
                    .push(m.id);
            }
        }
        let key = duplicate_key(&item.measure);
        let title = item.measure.title.trim();
        let organisation = item.measure.organisation.trim();
        let field = Field::Title.localize(self.lang);
        if let Some(ids) = seen.existing.get(&key) {
            let ids = ids.iter().map(ToString::to_string).collect::<Vec<_>>();
            let reason = fill(
                self.lang.t(Text::ImportLikelyDuplicate),
                &[
                    ("title", &title),
                    ("organisation", &organisation),
                    ("ids", &ids.join(", ")),
                ],
            );
            self.plan
                .warnings
                .push(ImportProblem::new(self.file, item.line, field, reason));
        } else if let Some(first) = seen.in_file.get(&key) {
            let reason = fill(
                self.lang.t(Text::ImportDuplicateRow),
                &[
                    ("title", &title),
                    ("organisation", &organisation),
                    ("line", first),
                ],
            );
            self.plan
                .warnings
                .push(ImportProblem::new(self.file, item.line, field, reason));
        } else {
            seen.in_file.insert(key, item.line);
        }
    }
}
