//! Templates fill as written; both tables use the same placeholders; every message agrees with
//! its counts.

use super::*;

#[test]
fn fill_replaces_named_placeholders() {
    assert_eq!(
        fill("{a} und {b}, {a}", &[("a", &1), ("b", &"x")]),
        "1 und x, 1"
    );
}

#[test]
fn fill_chooses_plural_forms_by_count_and_inserts_values_once() {
    let t = "{n} {n:Ziel|Ziele}, {m} {m:link|links}";
    assert_eq!(fill(t, &[("n", &0), ("m", &1)]), "0 Ziele, 1 link");
    assert_eq!(fill(t, &[("n", &1), ("m", &2)]), "1 Ziel, 2 links");
    // A value that looks like a placeholder is not filled again.
    assert_eq!(fill("{a} {b}", &[("a", &"{b}"), ("b", &"x")]), "{b} x");
    // Unknown names and unclosed braces stay as they are.
    assert_eq!(fill("{x} {y:a|b} {", &[]), "{x} {y:a|b} {");
}

/// Every message that holds a count, filled with 0, 1 and 2 in both languages: the noun
/// (and verb) after the number agrees with it, and no `Problem(e)` shortcuts remain.
#[test]
fn every_count_agrees_with_its_noun_for_0_1_and_2() {
    use strum::IntoEnumIterator;
    const PLURAL: &[&str] = &[
        "Maßnahmen",
        "Ziele",
        "Zielen",
        "Unterziele",
        "Unterzielen",
        "Verknüpfungen",
        "Probleme",
        "Änderungen",
        "Hauptziele",
        "Felder",
        "Tage",
        "Tagen",
        "Beispiel-Maßnahmen",
        "enden",
        "measures",
        "goals",
        "sub-goals",
        "links",
        "problems",
        "changes",
        "fields",
        "days",
    ];
    const SINGULAR: &[&str] = &[
        "Maßnahme",
        "Ziel",
        "Unterziel",
        "Verknüpfung",
        "Problem",
        "Änderung",
        "Hauptziel",
        "Feld",
        "Tag",
        "Beispiel-Maßnahme",
        "endet",
        "measure",
        "goal",
        "sub-goal",
        "link",
        "problem",
        "change",
        "field",
        "day",
    ];
    const ADJECTIVES: &[&str] = &["verknüpfte", "weitere", "linked", "primary", "demo", "more"];
    const COUNTS: &[&str] = &[
        "count",
        "links",
        "children",
        "measures",
        "goals",
        "added",
        "changed",
        "unchanged",
        "days",
        "ending",
        "without",
        "found",
        "expected",
        "n",
        "max",
        "shown",
        "total",
        "current",
        "new_measures",
        "new_goals",
    ];
    let mut counted = 0;
    for lang in [Lang::De, Lang::En] {
        for text in Text::iter() {
            let template = lang.t(text);
            let names: Vec<&str> = template
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n))
                .map(|n| n.split(':').next().unwrap_or_default())
                .collect();
            if template.contains(':') && names.iter().any(|n| template.contains(&format!("{{{n}:")))
            {
                counted += 1;
            }
            for n in [0, 1, 2] {
                // Counts get the number; names, ids and codes get a word.
                let values: Vec<(&str, &dyn std::fmt::Display)> = names
                    .iter()
                    .map(|name| {
                        let value: &dyn std::fmt::Display =
                            if COUNTS.contains(name) { &n } else { &"X" };
                        (*name, value)
                    })
                    .collect();
                let out = fill(template, &values);
                assert!(
                    !out.contains("(e)") && !out.contains("(s)"),
                    "{lang:?} {text:?}: {out}"
                );
                let words: Vec<&str> = out
                    .split_whitespace()
                    .map(|w| w.trim_matches(|c: char| ",.;:()".contains(c)))
                    .collect();
                for (i, word) in words.iter().enumerate() {
                    if *word != n.to_string() {
                        continue;
                    }
                    let mut next = words.get(i + 1).copied().unwrap_or_default();
                    if ADJECTIVES.contains(&next) {
                        next = words.get(i + 2).copied().unwrap_or_default();
                    }
                    let wrong = if n == 1 { PLURAL } else { SINGULAR };
                    assert!(!wrong.contains(&next), "{lang:?} {text:?} with {n}: {out}");
                }
            }
        }
    }
    // The check saw the plural choices (a guard against the test silently checking nothing).
    assert!(counted > 20, "{counted}");
}

#[test]
fn both_tables_fill_the_same_placeholders() {
    // Every placeholder a German string uses must exist in the English one and vice versa.
    use strum::IntoEnumIterator;
    for text in Text::iter() {
        let names = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                // A plural choice `{n:one|many}` names the placeholder `n`.
                .map(|n| n.split(':').next().unwrap_or_default().to_string())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        assert_eq!(names(Lang::De.t(text)), names(Lang::En.t(text)), "{text:?}");
        assert!(!Lang::De.t(text).is_empty() && !Lang::En.t(text).is_empty());
    }
}
