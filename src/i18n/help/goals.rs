//! Help of the goal commands: `goals` and `goal add|edit|move|delete`.

use super::Entry;

pub(super) const GOALS: &[Entry] = &[
    (
        "goals",
        "Der Zielbaum mit verknüpften Maßnahmen und bewilligten Summen je Ziel",
        "The goal tree with linked measures and approved sums per goal",
    ),
    (
        "goal",
        "Ziel anlegen, bearbeiten, verschieben oder löschen",
        "Add, edit, move or delete a goal",
    ),
    (
        "goal add",
        "Ziel anlegen: unter --parent, ohne die Angabe als neues oberstes Ziel",
        "Add a goal: under --parent, or a new top-level goal without it",
    ),
    (
        "goal add --parent",
        "Kürzel des Oberziels",
        "Code of the parent goal",
    ),
    (
        "goal add --code",
        "Kürzel des neuen Ziels; Standard: das nächste freie (z. B. 3.7 unter Z3, Z10 oben)",
        "Code of the new goal; default: next free one (e.g. 3.7 under Z3, Z10 at top level)",
    ),
    ("goal add --title", "Titel des Ziels", "Title of the goal"),
    ("goal add --description", "Beschreibung", "Description"),
    (
        "goal edit",
        "Titel, Beschreibung oder Kürzel eines Ziels ändern",
        "Change a goal's title, description or code",
    ),
    ("goal edit <code>", "Kürzel des Ziels", "Code of the goal"),
    ("goal edit --title", "Neuer Titel", "New title"),
    (
        "goal edit --description",
        "Neue Beschreibung",
        "New description",
    ),
    (
        "goal edit --code",
        "Neues Kürzel",
        "A new code for the goal",
    ),
    (
        "goal move",
        "Ziel unter ein anderes Oberziel (`--parent -` für ganz oben) und/oder an eine Position verschieben",
        "Move a goal under another parent (`--parent -` for top level) and/or to a position",
    ),
    ("goal move <code>", "Kürzel des Ziels", "Code of the goal"),
    (
        "goal move --parent",
        "Kürzel des neuen Oberziels, `-` für ganz oben",
        "Code of the new parent, `-` for top level",
    ),
    (
        "goal move --position",
        "Position unter den neuen Geschwistern, ab 1; Standard: zuletzt",
        "1-based position among the new siblings; default: last",
    ),
    (
        "goal delete",
        "Ziel löschen. Mit verknüpften Maßnahmen oder Unterzielen nur mit --force",
        "Delete a goal. With linked measures or sub-goals only with --force",
    ),
    ("goal delete <code>", "Kürzel des Ziels", "Code of the goal"),
    (
        "goal delete --force",
        "Samt Unterzielen löschen und Verknüpfungen lösen; Maßnahmen ohne Ziel werden genannt",
        "Delete with sub-goals and remove links; measures left without goal are named",
    ),
];
