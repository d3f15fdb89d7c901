//! The arguments of `quartier pot …`, `plan …` and `payment …` (issue 14).

use clap::Subcommand;

/// `quartier pot …`
#[derive(Debug, Subcommand)]
pub enum PotCommand {
    /// Set a fund's pot of a year: `pot set Aktionsfonds 2026 10.000`.
    Set {
        fund: String,
        year: String,
        amount: String,
        /// E.g. the Senate's letter.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Every fund and year: pot, planned instalments, paid, free.
    List {
        #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Remove a fund's pot of a year.
    Remove { fund: String, year: String },
}

/// `quartier plan …`
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Split a measure's approved money into yearly instalments: `plan set M-0012
    /// 2026=40.000 2027=40.000`; without instalments the plan is removed.
    Set {
        id: String,
        #[arg(value_name = "YEAR=AMOUNT")]
        instalments: Vec<String>,
        /// Split the approved amount by the months the measure runs in each year.
        #[arg(long, conflicts_with = "instalments")]
        pro_rata: bool,
    },
    /// A measure's instalments and whether they add up to the approved amount.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

/// `quartier payment …`
#[derive(Debug, Subcommand)]
pub enum PaymentCommand {
    /// Record a payment of a measure; prints its id.
    Add {
        id: String,
        #[arg(long)]
        date: String,
        #[arg(long)]
        amount: String,
        /// Mittelabruf, Auszahlung or Rückforderung.
        #[arg(long)]
        kind: String,
        #[arg(long, default_value = "")]
        reference: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// List payments, by date.
    List {
        #[arg(long, value_name = "ID")]
        measure: Option<String>,
        #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Remove a payment (Z-0003 or 3).
    Remove { payment: String },
}
