//! The funding rules of the programmes as warnings (not errors: the office may have reasons).

use chrono::Months;

use super::fund::Fund;
use super::measure::Measure;
use super::money::Cents;
use super::validation::Field;

/// A funding rule a measure breaks. Rules are warnings, not errors: the office may have reasons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundWarning {
    /// Aktionsfonds: more than 1.500 € per measure.
    AktionsfondsAbove1500,
    /// Projektfonds: less than 5.000 €.
    ProjektfondsBelow5000,
    /// Projektfonds: runs longer than four years.
    ProjektfondsLongerThan4Years,
    /// Projektfonds: co-funding below 10 % of the approved sum.
    ProjektfondsCofundingBelow10Percent,
    /// Baufonds: less than 50.000 €.
    BaufondsBelow50000,
    /// Netzwerkfonds: less than 50.000 €.
    NetzwerkfondsBelow50000,
    /// Any fund: more approved than requested (often a typo in one of the two amounts).
    ApprovedAboveRequested,
}

impl FundWarning {
    /// The field the warning is shown next to.
    pub fn field(self) -> Field {
        match self {
            FundWarning::ProjektfondsLongerThan4Years => Field::End,
            FundWarning::ProjektfondsCofundingBelow10Percent => Field::Cofunding,
            _ => Field::Approved,
        }
    }
}

/// The amount the fund rules look at: the approved sum, else the requested one.
fn relevant_amount(measure: &Measure) -> Option<Cents> {
    measure.approved.or(measure.requested)
}

/// Checks the funds' rules and lists every warning that applies.
pub fn fund_warnings(measure: &Measure) -> Vec<FundWarning> {
    let mut warnings = Vec::new();
    let amount = relevant_amount(measure);
    let below = |limit_euro: i64| amount.is_some_and(|a| a.0 < limit_euro * 100);
    match measure.fund {
        Some(Fund::Aktionsfonds) if amount.is_some_and(|a| a.0 > 1_500 * 100) => {
            warnings.push(FundWarning::AktionsfondsAbove1500);
        }
        Some(Fund::Projektfonds) => {
            if below(5_000) {
                warnings.push(FundWarning::ProjektfondsBelow5000);
            }
            if let (Some(start), Some(end)) = (measure.start, measure.end)
                && start
                    .checked_add_months(Months::new(48))
                    .is_some_and(|limit| end > limit)
            {
                warnings.push(FundWarning::ProjektfondsLongerThan4Years);
            }
            if let Some(approved) = measure.approved {
                let cofunding = measure.cofunding.unwrap_or_default();
                if approved.0 > 0 && (cofunding.0 as i128) * 10 < approved.0 as i128 {
                    warnings.push(FundWarning::ProjektfondsCofundingBelow10Percent);
                }
            }
        }
        Some(Fund::Baufonds) if below(50_000) => warnings.push(FundWarning::BaufondsBelow50000),
        Some(Fund::Netzwerkfonds) if below(50_000) => {
            warnings.push(FundWarning::NetzwerkfondsBelow50000)
        }
        _ => {}
    }
    if let (Some(approved), Some(requested)) = (measure.approved, measure.requested)
        && approved.0 > requested.0
    {
        warnings.push(FundWarning::ApprovedAboveRequested);
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn measure(fund: Fund, approved_euro: i64) -> Measure {
        let mut m = Measure::new("Test");
        m.fund = Some(fund);
        m.approved = Some(Cents(approved_euro * 100));
        m.cofunding = Some(Cents(approved_euro * 100));
        m
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn aktionsfonds_above_1500_warns() {
        assert_eq!(fund_warnings(&measure(Fund::Aktionsfonds, 1_500)), []);
        assert_eq!(
            fund_warnings(&measure(Fund::Aktionsfonds, 1_501)),
            [FundWarning::AktionsfondsAbove1500]
        );
    }

    #[test]
    fn requested_counts_when_nothing_is_approved_yet() {
        let mut m = Measure::new("Antrag");
        m.fund = Some(Fund::Aktionsfonds);
        m.requested = Some(Cents(200_000));
        assert_eq!(fund_warnings(&m), [FundWarning::AktionsfondsAbove1500]);
    }

    #[test]
    fn projektfonds_rules() {
        assert_eq!(fund_warnings(&measure(Fund::Projektfonds, 5_000)), []);
        assert_eq!(
            fund_warnings(&measure(Fund::Projektfonds, 4_999)),
            [FundWarning::ProjektfondsBelow5000]
        );
        let mut long = measure(Fund::Projektfonds, 10_000);
        long.start = Some(date(2026, 1, 1));
        long.end = Some(date(2030, 1, 1));
        assert_eq!(fund_warnings(&long), []);
        long.end = Some(date(2030, 1, 2));
        assert_eq!(
            fund_warnings(&long),
            [FundWarning::ProjektfondsLongerThan4Years]
        );
        let mut thin = measure(Fund::Projektfonds, 10_000);
        thin.cofunding = Some(Cents(100_000));
        assert_eq!(fund_warnings(&thin), []);
        thin.cofunding = Some(Cents(99_999));
        assert_eq!(
            fund_warnings(&thin),
            [FundWarning::ProjektfondsCofundingBelow10Percent]
        );
        thin.cofunding = None;
        assert_eq!(
            fund_warnings(&thin),
            [FundWarning::ProjektfondsCofundingBelow10Percent]
        );
    }

    #[test]
    fn bau_and_netzwerkfonds_below_50000_warn() {
        assert_eq!(fund_warnings(&measure(Fund::Baufonds, 50_000)), []);
        assert_eq!(
            fund_warnings(&measure(Fund::Baufonds, 49_999)),
            [FundWarning::BaufondsBelow50000]
        );
        assert_eq!(
            fund_warnings(&measure(Fund::Netzwerkfonds, 1)),
            [FundWarning::NetzwerkfondsBelow50000]
        );
        assert_eq!(fund_warnings(&measure(Fund::Other, 1)), []);
    }

    #[test]
    fn warnings_name_their_field() {
        assert_eq!(
            FundWarning::ProjektfondsLongerThan4Years.field(),
            Field::End
        );
        assert_eq!(
            FundWarning::ProjektfondsCofundingBelow10Percent.field(),
            Field::Cofunding
        );
        assert_eq!(FundWarning::BaufondsBelow50000.field(), Field::Approved);
    }

    #[test]
    fn more_approved_than_requested_is_a_warning_in_any_fund() {
        for fund in [None, Some(Fund::Aktionsfonds), Some(Fund::Projektfonds)] {
            let mut m = Measure::new("x");
            m.fund = fund;
            m.requested = Some(Cents(100_000));
            m.approved = Some(Cents(100_001));
            assert!(
                fund_warnings(&m).contains(&FundWarning::ApprovedAboveRequested),
                "{fund:?}"
            );
            m.approved = Some(Cents(100_000));
            assert!(!fund_warnings(&m).contains(&FundWarning::ApprovedAboveRequested));
            // Nothing requested on record: nothing to compare.
            m.requested = None;
            m.approved = Some(Cents(900_000));
            assert!(!fund_warnings(&m).contains(&FundWarning::ApprovedAboveRequested));
        }
    }
}
