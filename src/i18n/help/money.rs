//! Help of the money commands (issue 14): `pot …`, `plan …`, `payment …`.

use super::Entry;

pub(super) const MONEY: &[Entry] = &[
    (
        "pot",
        "Geld eines Fonds je Jahr: Töpfe setzen, auflisten oder entfernen",
        "A fund's money per year: set, list or remove pots",
    ),
    (
        "pot set",
        "Topf eines Fonds für ein Jahr setzen: pot set Aktionsfonds 2026 10.000",
        "Set a fund's pot of a year: pot set Aktionsfonds 2026 10.000",
    ),
    (
        "pot set <fund>",
        "Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige",
        "Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige",
    ),
    ("pot set <year>", "Jahr, z. B. 2026", "Year, e.g. 2026"),
    (
        "pot set <amount>",
        "Betrag in Euro: 10000, 10.000, 10.000,00 €",
        "Amount in euro: 10000, 10.000, 10.000,00 €",
    ),
    (
        "pot set --note",
        "Notiz, z. B. das Schreiben der Senatsverwaltung",
        "Note, e.g. the Senate's letter",
    ),
    (
        "pot list",
        "Je Fonds und Jahr: Topf, verplante Jahresraten, ausgezahlt, frei",
        "Per fund and year: pot, planned instalments, paid, free",
    ),
    ("pot list --year", "Nur dieses Jahr", "Only this year"),
    (
        "pot remove",
        "Topf eines Fonds für ein Jahr entfernen",
        "Remove a fund's pot of a year",
    ),
    ("pot remove <fund>", "Fonds", "Fund"),
    ("pot remove <year>", "Jahr", "Year"),
    (
        "plan",
        "Jahresraten einer Maßnahme setzen oder anzeigen",
        "Set or show a measure's yearly instalments",
    ),
    (
        "plan set",
        "Bewilligten Betrag auf Jahre verteilen: plan set M-0012 2026=40.000 2027=40.000; ohne Raten wird der Plan entfernt",
        "Split the approved amount into years: plan set M-0012 2026=40.000 2027=40.000; without instalments the plan is removed",
    ),
    (
        "plan set <instalments>",
        "Jahresrate: Jahr=Betrag, z. B. 2026=40.000",
        "Instalment: year=amount, e.g. 2026=40.000",
    ),
    (
        "plan set --pro-rata",
        "Bewilligten Betrag nach Monaten der Laufzeit auf die Jahre verteilen",
        "Split the approved amount by the months the measure runs in each year",
    ),
    (
        "plan show",
        "Jahresraten einer Maßnahme und ob sie den bewilligten Betrag ergeben",
        "A measure's instalments and whether they add up to the approved amount",
    ),
    (
        "payment",
        "Zahlungen zu Maßnahmen erfassen, auflisten oder entfernen",
        "Add, list or remove payments of measures",
    ),
    (
        "payment add",
        "Zahlung zu einer Maßnahme erfassen; gibt ihre ID aus (Z-0001)",
        "Record a payment of a measure; prints its id (Z-0001)",
    ),
    (
        "payment add --date",
        "Datum: 15.03.2026 oder 2026-03-15",
        "Date: 15.03.2026 or 2026-03-15",
    ),
    (
        "payment add --amount",
        "Betrag in Euro: 20.000 oder 20.000,00 €",
        "Amount in euro: 20.000 or 20.000,00 €",
    ),
    (
        "payment add --kind",
        "Mittelabruf, Auszahlung oder Rückforderung",
        "Mittelabruf, Auszahlung or Rückforderung",
    ),
    (
        "payment add --reference",
        "Aktenzeichen oder Belegnummer",
        "File or voucher number",
    ),
    ("payment add --note", "Notiz", "Note"),
    (
        "payment list",
        "Zahlungen nach Datum, mit Summe",
        "Payments by date, with their total",
    ),
    (
        "payment list --measure",
        "Nur Zahlungen dieser Maßnahme",
        "Only this measure's payments",
    ),
    (
        "payment list --year",
        "Nur Zahlungen dieses Jahres",
        "Only payments of this year",
    ),
    (
        "payment remove",
        "Zahlung entfernen (Z-0003 oder 3)",
        "Remove a payment (Z-0003 or 3)",
    ),
    (
        "payment remove <payment>",
        "ID der Zahlung (Z-0003 oder 3)",
        "Payment id (Z-0003 or 3)",
    ),
];
