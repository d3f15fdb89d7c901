//! Drafts: everything needed to reopen a form exactly as it was (the original record, the raw
//! text of every input, even half-typed invalid values, and the focus), as plain serde data so
//! the app can write it to a file when the connection drops.

use serde::{Deserialize, Serialize};

use super::slot::Slot;
use super::{Form, FormValue, goal, measure, row_of, values};
use crate::i18n::Lang;

/// A saved, reopenable form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormDraft {
    /// The record the form was opened with (its id, parent, position are kept).
    pub original: FormValue,
    /// Whether the record was new.
    pub is_new: bool,
    /// The raw text of every input in form order.
    pub values: Vec<(Slot, String)>,
    /// The focused input.
    pub focus: Slot,
    /// The revision of `original` when the form was opened (absent in older drafts).
    #[serde(default)]
    pub revision: Option<u64>,
}

impl Form {
    /// The form's state as a draft.
    pub fn draft(&self) -> FormDraft {
        FormDraft {
            original: self.original.clone(),
            is_new: self.is_new,
            values: values(&self.rows),
            focus: self.focused_slot(),
            revision: self.revision,
        }
    }

    /// Reopens a draft: same inputs, same text, same focus. Changes against the original record
    /// still count as changes.
    pub fn from_draft(draft: FormDraft, lang: Lang) -> Form {
        let mut form = Form::new(draft.original, draft.is_new, lang);
        form.revision = draft.revision;
        if let FormValue::Measure(original) = &form.original {
            let count = |of: fn(&Slot) -> Option<usize>| {
                draft
                    .values
                    .iter()
                    .filter_map(|(slot, _)| of(slot))
                    .max()
                    .map_or(0, |n| n + 1)
            };
            let mut shape = original.clone();
            shape.target_groups = vec![
                String::new();
                count(|s| match s {
                    Slot::TargetGroup(n) => Some(*n),
                    _ => None,
                })
            ];
            shape.indicators = vec![
                measure::empty_indicator();
                count(|s| match s {
                    Slot::Indicator(n, _) => Some(*n),
                    _ => None,
                })
            ];
            form.rows = measure::rows(&shape, lang);
        } else if let FormValue::Goal(original) = &form.original {
            form.rows = goal::rows(original);
        }
        // A payment's and a plan's rows have a fixed shape: `Form::new` made them already.
        for (slot, text) in &draft.values {
            if let Some(row) = row_of(&mut form.rows, *slot) {
                row.input.set_value(text);
            }
        }
        form.focus = form
            .rows
            .iter()
            .position(|r| r.slot == draft.focus)
            .unwrap_or(0);
        form
    }
}
