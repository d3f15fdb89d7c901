//! `quartier demo-data`: realistic, deterministic example measures for demos and benchmarks.
//! The same seed always gives the same data (own SplitMix64, no dependency whose stream could
//! change between versions).

use chrono::{Datelike, Months, NaiveDate};

use crate::model::{Cents, Fund, GoalId, Indicator, Measure, Status};
use crate::ops::Op;
use crate::store::{Repository, StoreError};

/// Why `demo-data` added nothing.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database already holds this many measures; demo data goes only into an empty one.
    #[error("database not empty")]
    NotEmpty(usize),
    #[error(transparent)]
    Store(#[from] StoreError),
}

const ACTIVITIES: &[&str] = &[
    "Sprachcafé",
    "Hausaufgabenhilfe",
    "Kiezfest",
    "Nachbarschaftsgarten",
    "Mieterberatung",
    "Elterncafé",
    "Bewerbungstraining",
    "Lesepatenschaften",
    "Tanzworkshop",
    "Fahrradwerkstatt",
    "Seniorentreff",
    "Graffiti-Workshop",
    "Gewaltpräventionstraining",
    "Ernährungskurs",
    "Bewegungsparcours",
    "Kiezzeitung",
    "Stadtteilführung",
    "Repair-Café",
    "Gründungsberatung",
    "Schulhofgestaltung",
    "Spielplatzbetreuung",
    "Theaterprojekt",
    "Kochkurs",
    "Computerkurs",
    "Frauenfrühstück",
    "Mädchentreff",
    "Fußball-Nachtliga",
    "Hofbegrünung",
    "Beleuchtungskonzept",
    "Beteiligungswerkstatt",
];
const CONTEXTS: &[&str] = &[
    "für Eltern",
    "für Jugendliche",
    "für Seniorinnen und Senioren",
    "für neu Zugezogene",
    "im Kiez",
    "an der Grundschule",
    "im Familienzentrum",
    "am Spielplatz",
    "für Gewerbetreibende",
    "für Mädchen",
    "mit Geflüchteten",
    "für alle Generationen",
];
const PLACES: &[&str] = &[
    "Reuterkiez",
    "Schillerpromenade",
    "Donaustraße",
    "Sonnenallee",
    "Rollberg",
    "Flughafenstraße",
    "Körnerpark",
    "Weiße Siedlung",
    "High-Deck",
    "Ganghoferstraße",
];
const ORGANISATIONS: &[&str] = &[
    "Nachbarschaftsheim Neukölln e.V.",
    "Kiezküche gGmbH",
    "Bildungsverein Kiez e.V.",
    "Jugendwerkstatt Süd e.V.",
    "Stadtteilmütter Neukölln",
    "Kulturhaus am Park e.V.",
    "Sportverein Rot-Weiß 1921 e.V.",
    "Mieterberatung Nord GmbH",
    "Familienzentrum Lichtblick",
    "Grundschule am Körnerpark",
];
const STAFF: &[&str] = &[
    "A. Yılmaz",
    "B. Schulz",
    "C. Nowak",
    "D. Okafor",
    "E. Wagner",
];
const TARGET_GROUPS: &[&str] = &[
    "Jugendliche",
    "Kinder",
    "Eltern",
    "Seniorinnen und Senioren",
    "Familien",
    "Gewerbetreibende",
    "Mieterinnen und Mieter",
    "Menschen mit Migrationsgeschichte",
    "Frauen",
    "Alle Bewohnerinnen und Bewohner",
];
const INDICATORS: &[(&str, &str, f64)] = &[
    ("Teilnehmende", "Personen", 200.0),
    ("Veranstaltungen", "Termine", 40.0),
    ("Zufriedenheit", "%", 100.0),
    ("Ehrenamtliche", "Personen", 30.0),
    ("Beratungsgespräche", "Gespräche", 300.0),
];

/// SplitMix64: tiny, fast, and its output for a seed never changes. Also used by benchmarks.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next_u64() as usize % items.len()]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.range(1, 100) <= percent
    }
}

/// Adds `count` example measures to an empty database as one change; returns how many.
pub fn fill(
    repo: &mut dyn Repository,
    actor: &str,
    count: usize,
    seed: u64,
) -> Result<usize, DemoError> {
    let existing = repo.measures()?.len();
    if existing > 0 {
        return Err(DemoError::NotEmpty(existing));
    }
    let operational: Vec<GoalId> = repo
        .goals()?
        .iter()
        .filter(|g| g.parent.is_some())
        .map(|g| g.id)
        .collect();
    if count == 0 {
        return Ok(0);
    }
    let mut rng = Rng(seed);
    let ops = (0..count)
        .map(|_| {
            let measure = generate(&mut rng);
            let goals = pick_goals(&mut rng, &operational);
            Op::AddMeasure { measure, goals }
        })
        .collect();
    // One op: all or nothing (a full disk or a kill leaves no half-filled database that a
    // rerun would refuse), and one `undo` takes it back.
    repo.apply(Op::Batch { ops }, actor)?;
    Ok(count)
}

fn pick_goals(rng: &mut Rng, goals: &[GoalId]) -> Vec<GoalId> {
    let mut chosen = Vec::new();
    if goals.is_empty() {
        return chosen;
    }
    for _ in 0..rng.range(1, 3) {
        let goal = *rng.pick(goals);
        if !chosen.contains(&goal) {
            chosen.push(goal);
        }
    }
    chosen
}

/// One plausible measure.
fn generate(rng: &mut Rng) -> Measure {
    let activity = rng.pick(ACTIVITIES);
    let place = rng.pick(PLACES);
    let mut m = Measure::new(format!("{activity} {} ({place})", rng.pick(CONTEXTS)));
    m.organisation = rng.pick(ORGANISATIONS).to_string();
    m.responsible = rng.pick(STAFF).to_string();
    m.contact = format!("kontakt{}@example.org", rng.range(1, 99));
    m.location = place.to_string();
    let (fund, low, high, max_months) = match rng.range(1, 100) {
        1..=35 => (Fund::Aktionsfonds, 200, 1_500, 12),
        36..=80 => (Fund::Projektfonds, 5_000, 150_000, 48),
        81..=90 => (Fund::Baufonds, 50_000, 800_000, 36),
        91..=95 => (Fund::Netzwerkfonds, 50_000, 300_000, 36),
        _ => (Fund::Other, 500, 20_000, 24),
    };
    m.fund = Some(fund);
    let requested = rng.range(low, high) * 100;
    m.requested = Some(Cents(requested as i64));
    let start = NaiveDate::from_ymd_opt(rng.range(2021, 2027) as i32, rng.range(1, 12) as u32, 1)
        .unwrap_or_default();
    m.start = Some(start);
    m.end = start
        .checked_add_months(Months::new(rng.range(1, max_months) as u32))
        .and_then(|d| d.pred_opt());
    m.reference = format!("QM-{}-{:05}", start.year(), rng.range(1, 99_999));
    m.status = *rng.pick(&Status::ALL);
    if matches!(
        m.status,
        Status::Bewilligt | Status::Laufend | Status::Abgeschlossen
    ) {
        let approved = requested * rng.range(80, 100) / 100;
        m.approved = Some(Cents(approved as i64));
        let share = if rng.chance(10) {
            rng.range(0, 9)
        } else {
            rng.range(10, 25)
        };
        m.cofunding = Some(Cents((approved * share / 100) as i64));
    }
    for _ in 0..rng.range(1, 2) {
        let group = rng.pick(TARGET_GROUPS).to_string();
        if !m.target_groups.contains(&group) {
            m.target_groups.push(group);
        }
    }
    for _ in 0..rng.range(0, 3) {
        let (name, unit, scale) = *rng.pick(INDICATORS);
        if m.indicators.iter().any(|i| i.name == name) {
            continue;
        }
        let target = (rng.range(10, 100) as f64 * scale / 100.0).round();
        let actual = (m.status != Status::Idee && rng.chance(70))
            .then(|| (target * rng.range(0, 120) as f64 / 100.0).round());
        m.indicators.push(Indicator {
            name: name.into(),
            unit: unit.into(),
            baseline: 0.0,
            target,
            actual,
        });
    }
    if rng.chance(30) {
        m.notes = format!(
            "Abstimmung mit {} am {}.",
            rng.pick(STAFF),
            start.format("%d.%m.%Y")
        );
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_data_and_every_measure_is_valid() {
        let a: Vec<Measure> = (0..200)
            .scan(Rng(7), |rng, _| Some(generate(rng)))
            .collect();
        let b: Vec<Measure> = (0..200)
            .scan(Rng(7), |rng, _| Some(generate(rng)))
            .collect();
        assert_eq!(a, b);
        for m in &a {
            assert_eq!(m.validate(), Ok(()), "{m:?}");
        }
        let c: Vec<Measure> = (0..200)
            .scan(Rng(8), |rng, _| Some(generate(rng)))
            .collect();
        assert_ne!(a, c);
    }
}
