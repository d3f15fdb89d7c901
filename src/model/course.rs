//! The usual course of a measure (issue 15) as data: for each status the statuses that usually
//! follow it. A step outside the table is allowed but warned ([`course_warning`]).

use std::collections::VecDeque;

use super::fund::Status;

use Status::*;

/// Each status with the statuses that usually come next, in [`Status::ALL`] order.
pub const COURSE: [(Status, &[Status]); 12] = [
    (Idee, &[Skizze, Votum, Beantragt, Abgelehnt, Abgebrochen]),
    (Skizze, &[Votum, Beantragt, Abgelehnt, Abgebrochen]),
    (Votum, &[Beantragt, Bewilligt, Abgelehnt, Abgebrochen]),
    (Beantragt, &[Votum, Bewilligt, Abgelehnt, Abgebrochen]),
    (Bewilligt, &[Laufend, Abgebrochen]),
    (
        Laufend,
        &[
            SachberichtEingereicht,
            VerwendungsnachweisEingereicht,
            Abgebrochen,
        ],
    ),
    (
        SachberichtEingereicht,
        &[VerwendungsnachweisEingereicht, Abgebrochen],
    ),
    (
        VerwendungsnachweisEingereicht,
        &[VerwendungsnachweisGeprueft, Abgebrochen],
    ),
    (VerwendungsnachweisGeprueft, &[Abgeschlossen]),
    (Abgeschlossen, &[]),
    (Abgelehnt, &[Skizze, Beantragt]),
    (Abgebrochen, &[]),
];

/// The statuses that usually follow `from`.
pub fn usual_next(from: Status) -> &'static [Status] {
    (COURSE.iter())
        .find(|(status, _)| *status == from)
        .map_or(&[], |(_, next)| next)
}

/// The first usual next status of `from` that goes forward (what `S` proposes), if any.
pub fn next_in_course(from: Status) -> Option<Status> {
    usual_next(from).first().copied()
}

/// A step that leaves the usual course.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseWarning {
    pub from: Status,
    pub to: Status,
    /// The statuses the shortest usual way from `from` to `to` passes, in order; empty when
    /// no usual way leads there (a step back).
    pub skipped: Vec<Status>,
}

impl CourseWarning {
    /// Whether the step passes the Bewilligung (`abgeschlossen ohne Bewilligung`).
    pub fn skips_approval(&self) -> bool {
        self.skipped.contains(&Bewilligt)
    }
}

/// `None` when `to` usually follows `from` (or is `from`); else what the step skips.
pub fn course_warning(from: Status, to: Status) -> Option<CourseWarning> {
    if from == to || usual_next(from).contains(&to) {
        return None;
    }
    Some(CourseWarning {
        from,
        to,
        skipped: shortest_way(from, to).unwrap_or_default(),
    })
}

/// The statuses between `from` and `to` on the shortest usual way (breadth first).
fn shortest_way(from: Status, to: Status) -> Option<Vec<Status>> {
    let mut before: [Option<Status>; 12] = [None; 12];
    let mut queue = VecDeque::from([from]);
    while let Some(status) = queue.pop_front() {
        for &next in usual_next(status) {
            if next == from || before[next.rank()].is_some() {
                continue;
            }
            before[next.rank()] = Some(status);
            if next == to {
                let mut way = Vec::new();
                let mut at = status;
                while at != from {
                    way.push(at);
                    at = before[at.rank()]?;
                }
                way.reverse();
                return Some(way);
            }
            queue.push_back(next);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_names_every_status_once_in_course_order() {
        let listed: Vec<Status> = COURSE.iter().map(|(s, _)| *s).collect();
        assert_eq!(listed, Status::ALL);
        for (status, next) in COURSE {
            assert!(!next.contains(&status), "{status:?} follows itself");
        }
        // Every status but the two ends without a way back can be reached from an idea.
        for status in Status::ALL.into_iter().skip(1) {
            assert!(
                shortest_way(Idee, status).is_some(),
                "{status:?} unreachable"
            );
        }
    }

    #[test]
    fn usual_steps_do_not_warn() {
        for (from, to) in [
            (Idee, Skizze),
            (Skizze, Votum),
            (Votum, Bewilligt),
            (Bewilligt, Laufend),
            (Laufend, SachberichtEingereicht),
            (VerwendungsnachweisGeprueft, Abgeschlossen),
            (Laufend, Laufend),
        ] {
            assert_eq!(course_warning(from, to), None, "{from:?} → {to:?}");
        }
    }

    #[test]
    fn closing_an_idea_skips_the_approval() {
        let warning = course_warning(Idee, Abgeschlossen).unwrap();
        assert!(warning.skips_approval());
        assert_eq!(warning.skipped.first(), Some(&Votum));
        assert_eq!(warning.skipped.last(), Some(&VerwendungsnachweisGeprueft));
        let warning = course_warning(Laufend, Abgeschlossen).unwrap();
        assert!(!warning.skips_approval());
        assert_eq!(
            warning.skipped,
            [VerwendungsnachweisEingereicht, VerwendungsnachweisGeprueft]
        );
        // A step back has no usual way.
        let back = course_warning(Laufend, Idee).unwrap();
        assert_eq!(back.skipped, []);
        assert!(!back.skips_approval());
    }
}
