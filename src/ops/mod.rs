//! Every change to stored data is one value of [`Op`]. The store applies ops in one place
//! (`Store::apply`), records each with its inverse in the history, and answers with the
//! [`Change`]s it made. Undo applies the inverse; the same values can later travel to a server.

mod describe;
mod history;
mod touched;

pub use describe::{
    HistoryReader, Names, describe, describe_entry, history_message, names_for, original_entry,
};
pub use history::{EntryKind, HistoryEntry};

use serde::{Deserialize, Serialize};

use crate::model::{
    Deadline, DeadlineId, Decision, DecisionId, Fund, Goal, GoalId, Link, Measure, MeasureId,
    Payment, PaymentId, Plan, Pot, Session, SessionId, Status, Step, StepId,
};

/// One change to the stored data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// Adds a goal. `goal.id == GoalId(0)` asks the store for a new id; `goal.position` is the
    /// index among its siblings (clamped, so `u32::MAX` appends).
    AddGoal { goal: Goal },
    /// Replaces a goal's code, title and description.
    UpdateGoal {
        id: GoalId,
        code: String,
        title: String,
        description: String,
    },
    /// Moves a goal (with its subtree) under `parent` at index `position` among the siblings.
    MoveGoal {
        id: GoalId,
        parent: Option<GoalId>,
        position: u32,
    },
    /// Deletes a goal. Without `force`, refused while it has sub-goals or linked measures; with
    /// it, the subtree goes too and all links to it are removed in the same transaction.
    DeleteGoal { id: GoalId, force: bool },
    /// Puts deleted goals (parents first) and their links back: the inverse of `DeleteGoal`.
    RestoreGoals { goals: Vec<Goal>, links: Vec<Link> },
    /// Adds a measure linked to `goals`, the first of them primary. `measure.id == MeasureId(0)`
    /// asks the store for a new id.
    AddMeasure {
        measure: Measure,
        goals: Vec<GoalId>,
    },
    /// Replaces every field of a measure (not its links).
    UpdateMeasure { measure: Measure },
    /// Deletes a measure and all its links.
    DeleteMeasure { id: MeasureId },
    /// Links a measure to a goal; `primary` makes it the measure's primary goal. A measure's
    /// first link is always primary.
    Link {
        measure: MeasureId,
        goal: GoalId,
        primary: bool,
    },
    /// Removes a link; if it was primary, the measure's remaining first link becomes primary.
    Unlink { measure: MeasureId, goal: GoalId },
    /// Makes an existing link the measure's primary one.
    SetPrimary { measure: MeasureId, goal: GoalId },
    /// Several ops as one history entry, applied in order in one transaction.
    Batch {
        #[serde(deserialize_with = "bounded_batch")]
        ops: Vec<Op>,
    },
    /// A batch with a name for the history and undo messages (`Import aus massnahmen.csv`);
    /// applied exactly like [`Op::Batch`]. Its inverse is a plain `Batch`.
    Labeled {
        label: Label,
        #[serde(deserialize_with = "bounded_batch")]
        ops: Vec<Op>,
    },
    /// Applies `op` only while every record in `base` still has the given revision (the one an
    /// edit was based on); otherwise the store refuses with a conflict and changes nothing. The
    /// history records `op` itself.
    Expect {
        base: Vec<(Record, u64)>,
        #[serde(deserialize_with = "bounded_op")]
        op: Box<Op>,
    },
    // Money over time (issue 14).
    /// Sets a fund's pot of a year (adds it, or replaces amount and note).
    SetPot { pot: Pot },
    /// Removes a fund's pot of a year.
    RemovePot { fund: Fund, year: i32 },
    /// Replaces a measure's yearly instalments; an empty plan removes it.
    SetPlan { measure: MeasureId, plan: Plan },
    /// Adds a payment to its measure. `payment.id == PaymentId(0)` asks the store for a new id.
    AddPayment { payment: Payment },
    /// Replaces every field of a payment but its id (it may move to another measure).
    UpdatePayment { payment: Payment },
    /// Removes a payment of `measure`.
    RemovePayment { measure: MeasureId, id: PaymentId },
    // Decisions and deadlines (issue 15).
    /// Adds a session. `session.id == SessionId(0)` asks the store for a new id.
    AddSession { session: Session },
    /// Replaces body, date and note of a session.
    UpdateSession { session: Session },
    /// Removes a session; refused while it has decisions.
    RemoveSession { id: SessionId },
    /// Adds a decision. `decision.id == DecisionId(0)` asks the store for a new id.
    AddDecision { decision: Decision },
    /// Replaces every field of a decision but its id.
    UpdateDecision { decision: Decision },
    /// Removes a decision on `measure`.
    RemoveDecision { measure: MeasureId, id: DecisionId },
    /// Sets a measure's status and records the step (from, to, `date`, `note`; who: the
    /// acting user as the store knows it).
    SetStatus {
        measure: MeasureId,
        to: Status,
        date: chrono::NaiveDate,
        note: String,
    },
    /// Takes a step back: removes it and sets its measure's status to `step.from` (the
    /// inverse of a status change).
    RevertStep { step: Step },
    /// Puts a step back and sets its measure's status to `step.to` (redo of a status change).
    RestoreStep { step: Step },
    /// Puts steps of a measure back without touching its status (undo of a deletion).
    RestoreSteps { steps: Vec<Step> },
    /// Removes steps without touching their measure's status.
    ForgetSteps { steps: Vec<Step> },
    /// Adds a deadline. `deadline.id == DeadlineId(0)` asks the store for a new id.
    AddDeadline { deadline: Deadline },
    /// Replaces every field of a deadline but its id (done: a done date).
    UpdateDeadline { deadline: Deadline },
    /// Removes a deadline.
    RemoveDeadline { id: DeadlineId },
}

/// A goal or measure record, whose revision an [`Op::Expect`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Record {
    Goal(GoalId),
    Measure(MeasureId),
    // Money over time (issue 14).
    Pot {
        fund: Fund,
        year: i32,
    },
    /// A measure's plan (its revision starts anew when a removed plan is set again).
    Plan(MeasureId),
    Payment(PaymentId),
    // Decisions and deadlines (issue 15).
    Session(SessionId),
    Decision(DecisionId),
    Deadline(DeadlineId),
    Step(StepId),
}

impl std::fmt::Display for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Record::Goal(id) => write!(f, "#{}", id.0),
            Record::Measure(id) => write!(f, "{id}"),
            Record::Pot { fund, year } => write!(f, "{} {year}", fund.name()),
            Record::Plan(id) => write!(f, "{id}"),
            Record::Payment(id) => write!(f, "{id}"),
            Record::Session(id) => write!(f, "{id}"),
            Record::Decision(id) => write!(f, "{id}"),
            Record::Deadline(id) => write!(f, "{id}"),
            Record::Step(id) => write!(f, "{id}"),
        }
    }
}

/// What a labeled batch was, so the history can name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Label {
    /// `quartier import FILE`.
    Import { file: String },
    /// `quartier restore FILE`.
    Restore { file: String },
    /// `quartier demo-data`.
    DemoData,
}

impl Op {
    /// Wraps `ops` as one labeled history entry.
    pub fn labeled(label: Label, ops: Vec<Op>) -> Op {
        Op::Labeled { label, ops }
    }

    /// `self`, applied only while `record` still has `revision`.
    pub fn expecting(self, record: Record, revision: u64) -> Op {
        Op::Expect {
            base: vec![(record, revision)],
            op: Box::new(self),
        }
    }

    /// Marks `deadline` (read at `revision`) done on `date` (issue 15): the CLI's `deadline
    /// done` and the TUI's `x` in *Termine*.
    pub fn deadline_done(revision: u64, mut deadline: Deadline, date: chrono::NaiveDate) -> Op {
        let id = deadline.id;
        deadline.done = Some(date);
        Op::UpdateDeadline { deadline }.expecting(Record::Deadline(id), revision)
    }
}

/// Deepest nesting of `Batch` inside `Batch` accepted when decoding. The store never nests
/// deeper than 2 (an import's inverse is a batch of inverses); bincode itself has no depth limit,
/// so without this a hostile history record could overflow the stack instead of being reported
/// as corrupt.
pub const MAX_BATCH_DEPTH: usize = 16;

thread_local! {
    static BATCH_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn bounded_batch<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Op>, D::Error> {
    bounded(deserializer)
}

fn bounded_op<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Box<Op>, D::Error> {
    bounded(deserializer)
}

/// Decodes one nesting level of ops (a batch's list, an expectation's op), refusing more than
/// [`MAX_BATCH_DEPTH`] levels.
fn bounded<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    /// Restores the depth when this level is done, also on error.
    struct Level;
    impl Drop for Level {
        fn drop(&mut self) {
            BATCH_DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        }
    }
    let depth = BATCH_DEPTH.with(|d| {
        d.set(d.get() + 1);
        d.get()
    });
    let _level = Level;
    if depth > MAX_BATCH_DEPTH {
        return Err(serde::de::Error::custom("Batch nested too deeply"));
    }
    T::deserialize(deserializer)
}

/// What an applied op changed, so views can refresh and the CLI can print new ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    GoalAdded(GoalId),
    GoalUpdated(GoalId),
    GoalMoved(GoalId),
    GoalDeleted(GoalId),
    MeasureAdded(MeasureId),
    MeasureUpdated(MeasureId),
    MeasureDeleted(MeasureId),
    Linked {
        measure: MeasureId,
        goal: GoalId,
    },
    Unlinked {
        measure: MeasureId,
        goal: GoalId,
    },
    PrimarySet {
        measure: MeasureId,
        goal: GoalId,
    },
    // Money over time (issue 14).
    PotSet {
        fund: Fund,
        year: i32,
    },
    PotRemoved {
        fund: Fund,
        year: i32,
    },
    PlanSet(MeasureId),
    PaymentAdded {
        measure: MeasureId,
        id: PaymentId,
    },
    PaymentUpdated {
        measure: MeasureId,
        id: PaymentId,
    },
    PaymentRemoved {
        measure: MeasureId,
        id: PaymentId,
    },
    // Decisions and deadlines (issue 15).
    SessionAdded(SessionId),
    SessionUpdated(SessionId),
    SessionRemoved(SessionId),
    DecisionAdded {
        measure: MeasureId,
        id: DecisionId,
    },
    DecisionUpdated {
        measure: MeasureId,
        id: DecisionId,
    },
    DecisionRemoved {
        measure: MeasureId,
        id: DecisionId,
    },
    /// A step of a measure's course was recorded (or put back).
    StepAdded {
        measure: MeasureId,
        id: StepId,
    },
    StepRemoved {
        measure: MeasureId,
        id: StepId,
    },
    DeadlineAdded(DeadlineId),
    DeadlineUpdated(DeadlineId),
    DeadlineRemoved(DeadlineId),
}

/// The result of applying an op (or an undo/redo): its history sequence number and changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    pub seq: u64,
    pub changes: Vec<Change>,
}

impl Applied {
    /// The first measure this change added, if any.
    pub fn added_measure(&self) -> Option<MeasureId> {
        self.changes.iter().find_map(|c| match c {
            Change::MeasureAdded(id) => Some(*id),
            _ => None,
        })
    }

    /// The first payment this change added, if any.
    pub fn added_payment(&self) -> Option<PaymentId> {
        self.changes.iter().find_map(|c| match c {
            Change::PaymentAdded { id, .. } => Some(*id),
            _ => None,
        })
    }

    /// The first session this change added, if any.
    pub fn added_session(&self) -> Option<SessionId> {
        self.changes.iter().find_map(|c| match c {
            Change::SessionAdded(id) => Some(*id),
            _ => None,
        })
    }

    /// The first decision this change added, if any.
    pub fn added_decision(&self) -> Option<DecisionId> {
        self.changes.iter().find_map(|c| match c {
            Change::DecisionAdded { id, .. } => Some(*id),
            _ => None,
        })
    }

    /// The first deadline this change added, if any.
    pub fn added_deadline(&self) -> Option<DeadlineId> {
        self.changes.iter().find_map(|c| match c {
            Change::DeadlineAdded(id) => Some(*id),
            _ => None,
        })
    }

    /// The first goal this change added, if any.
    pub fn added_goal(&self) -> Option<GoalId> {
        self.changes.iter().find_map(|c| match c {
            Change::GoalAdded(id) => Some(*id),
            _ => None,
        })
    }
}
