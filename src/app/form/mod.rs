//! Placeholder until the edit form lands (next commits).
#![allow(clippy::large_enum_variant, missing_docs)]
use crate::i18n::Lang;
use crate::model::{Field, Goal, Measure};
use ratatui::crossterm::event::KeyEvent;
use serde::{Deserialize, Serialize};
#[derive(Debug)]
pub enum FormValue {
    Measure(Measure),
    Goal(Goal),
}
#[derive(Debug)]
pub enum FormOutcome {
    Pending,
    Cancelled,
    Submit(FormValue),
}
#[derive(Debug)]
pub struct Form;
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FormDraft;
impl Form {
    pub fn measure(_m: &Measure, _n: bool, _l: Lang) -> Form {
        Form
    }
    pub fn goal(_m: &Goal, _n: bool, _l: Lang) -> Form {
        Form
    }
    pub fn next_field(&mut self) {}
    pub fn prev_field(&mut self) {}
    pub fn add_entry(&mut self) -> bool {
        false
    }
    pub fn remove_entry(&mut self) -> bool {
        false
    }
    pub fn submit(&mut self) -> FormOutcome {
        FormOutcome::Pending
    }
    pub fn cancel(&mut self) -> FormOutcome {
        FormOutcome::Pending
    }
    pub fn enter(&mut self) -> FormOutcome {
        FormOutcome::Pending
    }
    pub fn input(&mut self, _k: KeyEvent) -> FormOutcome {
        FormOutcome::Pending
    }
    pub fn is_asking(&self) -> bool {
        false
    }
    pub fn is_dirty(&self) -> bool {
        false
    }
    pub fn set_error(&mut self, _f: impl Into<Field>, _m: String) {}
    pub fn draft(&self) -> FormDraft {
        FormDraft
    }
    pub fn from_draft(_d: FormDraft, _l: Lang) -> Form {
        Form
    }
}
