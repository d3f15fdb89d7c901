//! Tests of the decision records.

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn ids_bodies_outcomes_and_kinds_parse_as_people_write_them() {
    assert_eq!(SessionId::parse("S-0003"), Some(SessionId(3)));
    assert_eq!(SessionId::parse("s3"), Some(SessionId(3)));
    assert_eq!(DecisionId::parse("12"), Some(DecisionId(12)));
    assert_eq!(DeadlineId::parse("f-0002"), Some(DeadlineId(2)));
    assert_eq!(DeadlineId::parse("0"), None);
    assert_eq!(DecisionId(7).to_string(), "B-0007");
    assert_eq!(Body::parse("quartiersrat"), Body::Quartiersrat);
    assert_eq!(Body::parse("Jury"), Body::AktionsfondsJury);
    assert_eq!(
        Body::parse(" Kiezbeirat "),
        Body::Other("Kiezbeirat".into())
    );
    assert_eq!(
        Outcome::parse_input("zustimmung-mit-auflagen"),
        Ok(Outcome::ZustimmungMitAuflagen)
    );
    assert!(Outcome::parse_input("ja").is_err());
    assert_eq!(
        DeadlineKind::parse_input("verwendungsnachweis"),
        Ok(DeadlineKind::Verwendungsnachweis)
    );
}

#[test]
fn a_zustimmung_proposes_bewilligt_until_the_measure_is_approved() {
    let decision = Decision {
        id: DecisionId(1),
        session: SessionId(1),
        measure: MeasureId(1),
        outcome: Outcome::Zustimmung,
        votes: None,
        amount: Some(Cents(4_500_000)),
        conditions: String::new(),
    };
    assert_eq!(
        decision.proposed_status(Status::Votum),
        Some(Status::Bewilligt)
    );
    assert_eq!(decision.proposed_status(Status::Laufend), None);
    let refused = Decision {
        outcome: Outcome::Ablehnung,
        ..decision.clone()
    };
    assert_eq!(
        refused.proposed_status(Status::Beantragt),
        Some(Status::Abgelehnt)
    );
    let later = Decision {
        outcome: Outcome::Vertagung,
        ..decision
    };
    assert_eq!(later.proposed_status(Status::Beantragt), None);
}

#[test]
fn an_end_date_proposes_the_proof_six_months_later() {
    assert_eq!(
        proposed_proof_due(day(2026, 12, 31), PROOF_MONTHS),
        Some(day(2027, 6, 30))
    );
    assert_eq!(
        proposed_proof_due(day(2026, 3, 15), PROOF_MONTHS),
        Some(day(2026, 9, 15))
    );
    assert_eq!(
        proposed_proof_due(day(2026, 3, 15), 3),
        Some(day(2026, 6, 15))
    );
}

#[test]
fn records_are_validated_with_the_field_of_each_problem() {
    let session = Session {
        id: SessionId(0),
        body: Body::Other(" ".into()),
        date: day(1980, 1, 1),
        note: String::new(),
    };
    let fields: Vec<Field> = (session.validate().unwrap_err().iter())
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, [Field::Date, Field::Body]);
    let deadline = Deadline {
        id: DeadlineId(0),
        kind: DeadlineKind::Sonstige,
        due: day(2026, 1, 1),
        measure: None,
        note: "a\nb".into(),
        done: None,
    };
    assert_eq!(deadline.validate().unwrap_err()[0].field, Field::Notes);
    assert!(deadline.is_overdue(day(2026, 1, 2)));
    assert!(!deadline.is_overdue(day(2026, 1, 1)));
}

#[test]
fn votes_parse_as_yes_no_abstain_and_an_agreement_proposes_a_different_amount() {
    let votes = |yes, no, abstain| Some(Votes { yes, no, abstain });
    assert_eq!(Votes::parse_input("9/1/2"), Ok(votes(9, 1, 2)));
    assert_eq!(Votes::parse_input(" 9 / 0 / 12 "), Ok(votes(9, 0, 12)));
    assert_eq!(Votes::parse_input("  "), Ok(None));
    for bad in ["9/1", "9/1/2/3", "9/-1/2", "neun/1/2", "9,1,2"] {
        assert_eq!(
            Votes::parse_input(bad),
            Err(Problem::InvalidNumber(bad.to_string())),
            "{bad}"
        );
    }
    assert_eq!(Votes::from_parts(None, None, None), None);
    assert_eq!(Votes::from_parts(Some(5), None, Some(1)), votes(5, 0, 1));
    let mut d = Decision {
        id: DecisionId(1),
        session: SessionId(1),
        measure: MeasureId(1),
        outcome: Outcome::ZustimmungMitAuflagen,
        votes: None,
        amount: Some(Cents(100)),
        conditions: String::new(),
    };
    assert_eq!(d.proposed_amount(None), Some(Cents(100)));
    assert_eq!(d.proposed_amount(Some(Cents(50))), Some(Cents(100)));
    assert_eq!(d.proposed_amount(Some(Cents(100))), None);
    d.outcome = Outcome::Ablehnung;
    assert_eq!(d.proposed_amount(None), None);
    d.outcome = Outcome::Zustimmung;
    d.amount = None;
    assert_eq!(d.proposed_amount(Some(Cents(50))), None);
}
