use super::*;

/// The 48 goals word for word as published; typed from the seed text, independent of the parser.
const EXPECTED: &[(&str, &str)] = &[
    ("Z1", "Mehr Chancen auf dem Arbeitsmarkt"),
    ("1.1", "Erhalt bestehender Arbeitsplätze"),
    (
        "1.2",
        "Spezielle berufsorientierte Qualifizierung für besondere Personengruppen",
    ),
    ("1.3", "Verbesserung der Ausbildung für Jugendliche"),
    (
        "1.4",
        "(Re-)Integration von Arbeitslosen und Sozialhilfeempfängern in den Arbeitsmarkt und/oder in Qualifizierung (u.a. ABM, SAM, Arbeitsförderbetriebe)",
    ),
    (
        "1.5",
        "Förderung von Kleingewerbe und Unterstützung von Existenzgründungen",
    ),
    ("1.6", "Standortmarketing/Standortprofilierung"),
    ("Z2", "Mehr Fort- und Weiterbildung"),
    (
        "2.1",
        "Erhalt bestehender Angebote zur Fort- und Weiterbildung (inkl. der Verbesserung der Bekanntheit/Akzeptanz bestehender Einrichtungen)",
    ),
    (
        "2.2",
        "Qualifizierung der Bewohner zur Stärkung und Unterstützung der Persönlichkeitsentwicklung",
    ),
    (
        "2.3",
        "Verbesserung der Kenntnisse der deutschen Sprache und Kultur bei Bevölkerungsgruppen nicht-deutscher Herkunftssprache (inklusive Basiswissen zum politischen System und zum Rechtssystem)",
    ),
    ("Z3", "Bessere Qualität des Wohn- und Lebensraums"),
    (
        "3.1",
        "Erhöhung der Zufriedenheit der Bewohner mit ihrer Wohn- und Lebenssituation",
    ),
    (
        "3.2",
        "Verbesserung des Wohnumfeldes und des öffentlichen Raumes (u.a. Verschmutzungen, Vandalismus, Verwahrlosung)",
    ),
    (
        "3.3",
        "Qualitative Verbesserung der Wohnungen / der Situation der Mieterhaushalte",
    ),
    (
        "3.4",
        "Qualitative Verbesserung der Häuser/ Aufgänge/ Treppenhäuser/ Höfe",
    ),
    (
        "3.5",
        "Erhalt, Unterstützung und Stärkung des wohnortnahen Einzelhandels, der Dienstleistungsangebote und der Gastronomie",
    ),
    ("3.6", "Verbesserung der Verkehrssituation"),
    (
        "Z4",
        "Bewohneradäquate (nachfragegerechte) soziale Infrastruktur",
    ),
    ("4.1", "Verbesserung der Schulsituation"),
    (
        "4.2",
        "Unterstützung und Verstärkung von Jugend- und Sozialarbeit in den Schulen",
    ),
    (
        "4.3",
        "Verbesserte Freizeitangebote für Kinder und Jugendliche (z.B. Spielplätze mit Betreuung)",
    ),
    ("4.4", "Verbesserung der Kinderbetreuung"),
    (
        "4.5",
        "Verbesserung der Freizeitangebote für alle Bevölkerungsgruppen",
    ),
    ("Z5", "Bewohneradäquate Stadtteilkultur"),
    ("5.1", "Erhalt bestehender Angebote"),
    (
        "5.2",
        "Initiierung von bewohnergetragenen kulturellen Aktivitäten",
    ),
    (
        "5.3",
        "Schaffung spezieller Angebote für verschiedene Bewohnergruppen (z.B. Ältere, ausländische und deutsche Jugendliche)",
    ),
    ("5.4", "Aktivierung des öffentlichen Lebens im Stadtteil"),
    ("Z6", "Besseres Gesundheitsniveau"),
    ("6.1", "Erhalt bestehender Angebote"),
    (
        "6.2",
        "Verbesserung der gesundheitlichen Situation, insbesondere von Haushalten in schwieriger wirtschaftlicher Situation",
    ),
    (
        "6.3",
        "Förderung der Bewegungs- und Gesundheitserziehung in den Familien, Kitas, Schul- und Sportvereinen",
    ),
    (
        "6.4",
        "Verbesserung der Ernährungssituation von Kindern und Jugendlichen",
    ),
    (
        "Z7",
        "Besseres Sicherheitsniveau und Steigerung des Sicherheitsempfindens",
    ),
    ("7.1", "Steigerung des Sicherheitsempfindens der Bewohner"),
    (
        "7.2",
        "Sicherheitsrelevante Gestaltung des öffentlichen Raumes und wohnungsnaher Freiräume (z. B. Beleuchtung)",
    ),
    ("7.3", "Unterstützung und Ausweitung der Gewaltprävention"),
    ("7.4", "Bekämpfung der offenen Drogenszene"),
    ("Z8", "Mehr soziale und interkulturelle Integration"),
    ("8.1", "Erhalt bestehender Angebote"),
    (
        "8.2",
        "Stärkung der Integration (Förderung des Dialogs, Verringerung von Konflikten)",
    ),
    (
        "8.3",
        "Mehr Übernahme von Verantwortung für die Nachbarschaft / Förderung nachbarschaftlicher Kontakte",
    ),
    ("Z9", "Mehr Partizipation der Bewohner und Akteure"),
    ("9.1", "Erhalt bestehender Angebote"),
    (
        "9.2",
        "Entwicklung spezifischer Beteiligungs-, Mitwirkungs- und Kommunikationsformen an der Quartiersentwicklung für verschiedene Zielgruppen (temporär/dauerhaft)",
    ),
    (
        "9.3",
        "Beteiligung von Zielgruppen bei der Entwicklung und Umsetzung von Maßnahmen des QM",
    ),
    ("9.4", "Imageverbesserung/Öffentlichkeitsarbeit"),
];

#[test]
fn builtin_catalogue_matches_the_seed_word_for_word() {
    let goals = builtin_goals();
    let actual: Vec<(&str, &str)> = goals
        .iter()
        .map(|g| (g.code.as_str(), g.title.as_str()))
        .collect();
    assert_eq!(actual, EXPECTED);
    assert_eq!(goals.iter().filter(|g| g.parent.is_none()).count(), 9);
    assert_eq!(goals.iter().filter(|g| g.parent.is_some()).count(), 39);
}

#[test]
fn operational_goals_hang_under_their_strategic_goal() {
    for goal in builtin_goals() {
        match &goal.parent {
            None => assert!(goal.code.starts_with('Z')),
            Some(parent) => {
                let number = goal.code.split('.').next().unwrap();
                assert_eq!(parent, &format!("Z{number}"));
            }
        }
    }
}

#[test]
fn shipped_data_file_is_the_published_seed() {
    // The repository's copy must equal the seed the project was given, where that is present.
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds/000_abd6bb08f33a28b5.txt");
    if let Ok(text) = std::fs::read_to_string(&seed) {
        assert_eq!(text, SEED_TEXT);
    }
}

#[test]
fn abbreviations_inside_titles_do_not_split_goals() {
    let goals = parse("Z7 = Sicherheit\t7.1 Licht (z. B. 7 Lampen) u.a. 7.x 7.2 Ende");
    let codes: Vec<_> = goals.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(codes, ["Z7", "7.1", "7.2"]);
    assert_eq!(goals[1].title, "Licht (z. B. 7 Lampen) u.a. 7.x");
}
