#!/usr/bin/env python3
"""Convert the curated agreements table (TSV) into data/seed/agreements.json.

Run once by hand when the table changes:
    build-aux/convert-seed.py seed-agreements.tsv > data/seed/agreements.json

Each dated label of the table's `dates` column becomes an event with a type from
the event vocabulary of src/core/model/accords-status.c and a readable description;
aliases and people come from the agreements' summaries (ANNOTATIONS below).
"""
import csv
import json
import re
import sys

# Seed label -> event type of the vocabulary.  Labels not listed fall back on
# their last word (signed, announced, ...) or on "statement".
EVENT_TYPES = {
    "mou_signed": "signed",
    "first_flight_blocked_echr_interim_measure": "court_ruling",
    "addendum_signed": "amended",
    "court_of_appeal_ruled_unlawful": "court_ruling",
    "supreme_court_ruled_unlawful": "court_ruling",
    "treaty_signed": "signed",
    "safety_of_rwanda_act_royal_assent": "legislation",
    "treaty_ratified": "ratified",
    "scrapped_announced": "scrapped",
    "cost_disclosed": "statement",
    "talks_confirmed": "talks_confirmed",
    "first_transfer_confirmed": "statement",
    "court_tro_alien_enemies_act": "court_ruling",
    "further_transfer": "transfer",
    "venezuelans_repatriated_in_prisoner_swap": "statement",
    "dhs_mou_signed": "signed",
    "expanded_after_rubio_visit": "amended",
    "last_transfer_of_batch": "transfer",
    "moved_to_darien_camp": "statement",
    "al_constitutional_court_suspended_ratification": "court_ruling",
    "it_chamber_approved": "legislation",
    "al_constitutional_court_upheld": "court_ruling",
    "al_parliament_ratified": "ratified",
    "rome_court_refused_detentions": "court_ruling",
    "rome_court_refused_second_group": "court_ruling",
    "rome_appeal_court_ordered_43_back": "court_ruling",
    "decree_law_repurposed_as_cpr": "amended",
    "first_cpr_transfer": "transfer",
    "cjeu_judgment_c758_759_24": "court_ruling",
    "joint_action_plan_activated": "announced",
    "returns_principle_agreed": "announced",
    "statement_issued": "signed",
    "returns_start": "first_transfer",
    "general_court_orders_lack_of_jurisdiction": "court_ruling",
    "turkey_opened_border": "statement",
    "greek_pm_called_deal_dead": "statement",
    "tr_parliament_ratified": "ratified",
    "in_force_own_nationals": "in_force",
    "in_force_tcn_clause": "in_force",
    "team_europe_visit": "talks",
    "pacific_solution_began": "first_transfer",
    "pacific_solution_ended": "terminated",
    "policy_restarted": "resumed",
    "no_settlement_in_australia_policy": "statement",
    "mou_signed_settlement_in_nauru": "signed",
    "rpc_emptied": "statement",
    "mou_enduring_capability_signed": "signed",
    "last_refugee_flown_out": "statement",
    "transfers_resumed": "resumed",
    "regional_resettlement_arrangement": "signed",
    "png_supreme_court_detention_unconstitutional": "court_ruling",
    "manus_rpc_closed": "statement",
    "arrangement_ended": "expired",
    "enabling_law_passed": "legislation",
    "transfer_talks_confirmed": "talks_confirmed",
    "joint_declaration": "statement",
    "paused_by_new_government": "suspended",
    "transfers_began": "first_transfer",
    "israeli_supreme_court_ruling": "court_ruling",
    "forced_deportation_plan_announced": "announced",
    "cabinet_approved": "statement",
    "rwanda_denied_agreement": "statement",
    "unhcr_deal_cancelled": "statement",
    "refusers_released_from_saharonim": "collapsed",
    "additional_protocol": "amended",
    "supreme_court_of_canada_ruling": "court_ruling",
    "first_transfers": "first_transfer",
    "paused_covid": "suspended",
    "suspended_and_termination_initiated": "terminated",
    "tacit_renewal_deadline_passed": "statement",
    "renewed": "renewed",
    "first_transfer_announced": "announced",
    "second_transfer": "transfer",
    "first_attempt_diverted_to_djibouti": "blocked",
    "us_supreme_court_cleared": "court_ruling",
    "denied_by_minister": "statement",
    "confirmed": "signed",
}

ACRONYMS = {"mou": "MoU", "echr": "ECtHR", "dhs": "DHS", "tro": "TRO", "us": "US",
            "uk": "UK", "eu": "EU", "tcn": "TCN", "cpr": "CPR", "rpc": "RPC",
            "png": "PNG", "scc": "SCC", "cjeu": "CJEU", "al": "Albanian", "it": "Italian",
            "tr": "Turkish", "unhcr": "UNHCR", "pm": "PM", "covid": "COVID-19",
            "c758": "C-758/24", "759": "and C-759/24", "24": ""}

# Aliases and people named in each agreement's summary (and, for people, the role
# the summary gives them, dated by the events it refers to).
ANNOTATIONS = {
    "uk-rw-medp-2022": {
        "short_title": "UK–Rwanda MEDP",
        "instrument_form": "memorandum of understanding; treaty",
        "aliases": ["MEDP", "Rwanda scheme", "Rwanda plan", "Rwanda policy",
                    "Migration and Economic Development Partnership",
                    "Safety of Rwanda Act", "Asylum Partnership Treaty"],
        "people": [
            ("Priti Patel", "Home Secretary", "GB", "2022-04"),
            ("Vincent Biruta", "Minister of Foreign Affairs", "RW", "2022-04"),
            ("James Cleverly", "Home Secretary", "GB", "2023-12"),
            ("Keir Starmer", "Prime Minister", "GB", "2024-07"),
            ("Yvette Cooper", "Home Secretary", "GB", "2024-07"),
        ],
        "scope": "asylum seekers arriving irregularly in the UK",
    },
    "us-rw-2025": {
        "short_title": "US–Rwanda",
        "aliases": ["US-Rwanda deal", "US–Rwanda deal"],
        "people": [
            ("Olivier Nduhungirehe", "Minister of Foreign Affairs", "RW", "2025-05"),
            ("Marco Rubio", "Secretary of State", "US", "2025"),
        ],
        "scope": "third-country nationals deported from the US",
        "cap": "250",
    },
    "us-sv-cecot-2025": {
        "short_title": "US–El Salvador (CECOT)",
        "aliases": ["CECOT", "Terrorism Confinement Center", "Alien Enemies Act",
                    "Tren de Aragua"],
        "people": [
            ("Nayib Bukele", "President", "SV", "2025-02"),
            ("Marco Rubio", "Secretary of State", "US", "2025-02"),
            ("James Boasberg", "Federal judge", "US", "2025-03"),
        ],
        "scope": "deportees of any nationality, including alleged gang members",
    },
    "us-pa-2025": {
        "short_title": "US–Panama",
        "aliases": ["bridge country", "Darién", "San Vicente"],
        "people": [
            ("José Raúl Mulino", "President", "PA", "2025-02"),
            ("Marco Rubio", "Secretary of State", "US", "2025-02"),
        ],
        "scope": "third-country nationals from countries that refuse direct returns",
    },
    "us-cr-2025": {
        "short_title": "US–Costa Rica",
        "aliases": ["CATEM"],
        "people": [("Rodrigo Chaves", "President", "CR", "2025-02")],
        "scope": "third-country nationals awaiting repatriation",
        "cap": "200",
    },
    "it-al-protocol-2023": {
        "short_title": "Italy–Albania Protocol",
        "instrument_form": "protocol",
        "aliases": ["Albania model", "Albania protocol", "Gjadër", "Gjader",
                    "Shëngjin", "Shengjin"],
        "people": [
            ("Giorgia Meloni", "Prime Minister", "IT", "2023-11"),
            ("Edi Rama", "Prime Minister", "AL", "2023-11"),
        ],
        "scope": "adult men rescued at sea by Italian vessels",
        "cap": "3,000 at a time",
    },
    "eu-tr-statement-2016": {
        "short_title": "EU–Turkey Statement",
        "instrument_form": "statement",
        "aliases": ["EU-Turkey deal", "EU–Turkey deal", "EU-Turkey Statement",
                    "Facility for Refugees in Turkey", "one-for-one"],
        "people": [],
        "scope": "irregular migrants crossing from Turkey to the Greek islands",
    },
    "eu-tr-eura-2013": {
        "short_title": "EU–Turkey Readmission",
        "instrument_form": "treaty",
        "aliases": ["EU-Turkey readmission agreement"],
        "people": [
            ("Cecilia Malmström", "European Commissioner for Home Affairs", "EU", "2013-12"),
            ("Muammer Güler", "Minister of the Interior", "TR", "2013-12"),
        ],
        "scope": "own nationals and third-country nationals",
    },
    "eu-tn-mou-2023": {
        "short_title": "EU–Tunisia MoU",
        "instrument_form": "memorandum of understanding",
        "aliases": ["Team Europe", "EU-Tunisia deal", "EU–Tunisia deal"],
        "people": [
            ("Ursula von der Leyen", "President of the European Commission", "EU", "2023-07"),
            ("Kais Saied", "President", "TN", "2023-07"),
            ("Giorgia Meloni", "Prime Minister", "IT", "2023-07"),
            ("Mark Rutte", "Prime Minister", "NL", "2023-07"),
        ],
    },
    "au-nr-offshore-processing": {
        "short_title": "Australia–Nauru processing",
        "instrument_form": "memorandum of understanding",
        "aliases": ["Pacific Solution", "Nauru regional processing centre"],
        "people": [
            ("Julia Gillard", "Prime Minister", "AU", "2012-08"),
            ("Sprent Dabwido", "President", "NR", "2012-08"),
            ("Kevin Rudd", "Prime Minister", "AU", "2013-08"),
            ("Baron Waqa", "President", "NR", "2013-08"),
            ("Karen Andrews", "Minister for Home Affairs", "AU", "2021-09"),
            ("Lionel Aingimea", "President", "NR", "2021-09"),
        ],
    },
    "au-pg-manus": {
        "short_title": "Australia–PNG (Manus)",
        "instrument_form": "memorandum of understanding",
        "aliases": ["Manus Island", "Regional Resettlement Arrangement", "Lombrum"],
        "people": [
            ("Kevin Rudd", "Prime Minister", "AU", "2013-07"),
            ("Peter O'Neill", "Prime Minister", "PG", "2013-07"),
        ],
    },
    "dk-rw-2021": {
        "short_title": "Denmark–Rwanda",
        "instrument_form": "memorandum of understanding",
        "aliases": ["Danish Rwanda plan"],
        "people": [
            ("Mattias Tesfaye", "Minister for Immigration and Integration", "DK", "2021-04"),
            ("Kaare Dybvad Bek", "Minister for Immigration and Integration", "DK", "2023-01"),
        ],
    },
    "il-rw-ug-2013": {
        "short_title": "Israel–Rwanda–Uganda",
        "aliases": ["voluntary departure", "Holot", "Saharonim"],
        "people": [
            ("Olivier Nduhungirehe", "Minister of State for Foreign Affairs", "RW", "2018"),
            ("Benjamin Netanyahu", "Prime Minister", "IL", "2018"),
        ],
        "scope": "Eritrean and Sudanese asylum seekers in Israel",
    },
    "us-ca-stca": {
        "short_title": "Canada–US STCA",
        "instrument_form": "treaty",
        "aliases": ["Safe Third Country Agreement", "STCA", "Roxham Road"],
        "people": [],
    },
    "us-gt-aca-2019": {
        "short_title": "US–Guatemala ACA",
        "instrument_form": "agreement",
        "aliases": ["Asylum Cooperative Agreement"],
        "people": [
            ("Kevin McAleenan", "Acting Secretary of Homeland Security", "US", "2019-07"),
            ("Enrique Degenhart", "Minister of the Interior", "GT", "2019-07"),
        ],
        "scope": "non-Guatemalan asylum seekers at the US border",
    },
    "it-ly-mou-2017": {
        "short_title": "Italy–Libya MoU",
        "instrument_form": "memorandum of understanding",
        "aliases": ["Libyan coast guard", "Libyan coastguard"],
        "people": [
            ("Paolo Gentiloni", "Prime Minister", "IT", "2017-02"),
            ("Fayez al-Serraj", "Chairman of the Presidential Council", "LY", "2017-02"),
        ],
    },
    "us-sz-2025": {
        "short_title": "US–Eswatini",
        "aliases": ["Matsapha"],
        "people": [],
        "cap": "160",
    },
    "us-ss-2025": {
        "short_title": "US–South Sudan",
        "aliases": [],
        "people": [("Brian Murphy", "Federal judge", "US", "2025-05")],
    },
    "us-ug-2025": {
        "short_title": "US–Uganda",
        "instrument_form": "agreement",
        "aliases": [],
        "people": [
            ("Vincent Bagiire Waiswa", "Permanent Secretary, Ministry of Foreign Affairs", "UG", "2025-08"),
            ("Henry Okello Oryem", "Minister of State for Foreign Affairs", "UG", "2025-08"),
        ],
    },
    "us-gh-2025": {
        "short_title": "US–Ghana",
        "aliases": [],
        "people": [("John Mahama", "President", "GH", "2025-09")],
        "scope": "West African nationals deported from the US",
    },
    "au-nr-nzyq-2025": {
        "short_title": "Australia–Nauru (NZYQ)",
        "instrument_form": "memorandum of understanding",
        "aliases": ["NZYQ"],
        "people": [
            ("Tony Burke", "Minister for Home Affairs", "AU", "2025-08"),
            ("David Adeang", "President", "NR", "2025-08"),
        ],
    },
}

# Readable descriptions, from each agreement's summary, keyed by (id, label);
# a label without one is spelt out from its words.
DESCRIPTIONS = {
    ("uk-rw-medp-2022", "mou_signed"): "MoU signed in Kigali by Home Secretary Priti Patel and FM Vincent Biruta",
    ("uk-rw-medp-2022", "first_flight_blocked_echr_interim_measure"): "First flight grounded by an ECtHR Rule 39 interim measure",
    ("uk-rw-medp-2022", "court_of_appeal_ruled_unlawful"): "Court of Appeal ruled the policy unlawful",
    ("uk-rw-medp-2022", "supreme_court_ruled_unlawful"): "UK Supreme Court found a real risk of refoulement (AAA v SSHD [2023] UKSC 42)",
    ("uk-rw-medp-2022", "treaty_signed"): "Binding treaty signed (Cleverly–Biruta)",
    ("uk-rw-medp-2022", "safety_of_rwanda_act_royal_assent"): "Safety of Rwanda (Asylum and Immigration) Act 2024 received royal assent",
    ("uk-rw-medp-2022", "scrapped_announced"): "PM Keir Starmer called the scheme 'dead and buried'",
    ("uk-rw-medp-2022", "cost_disclosed"): "Home Secretary Yvette Cooper put the cost at £700m",
    ("us-rw-2025", "talks_confirmed"): "FM Olivier Nduhungirehe confirmed 'early stage' talks on Rwandan state TV",
    ("us-rw-2025", "signed"): "Agreement reportedly signed in Kigali",
    ("us-rw-2025", "announced"): "Rwanda said it would accept up to 250 deportees from the US",
    ("us-rw-2025", "first_transfer"): "A first group of 7 deportees arrived",
    ("us-rw-2025", "first_transfer_confirmed"): "Arrival of the first group confirmed",
    ("us-sv-cecot-2025", "announced"): "After meeting Marco Rubio, President Nayib Bukele offered to jail US deportees in CECOT",
    ("us-sv-cecot-2025", "first_transfer"): "238 Venezuelans and 23 alleged MS-13 members flown to El Salvador",
    ("us-sv-cecot-2025", "court_tro_alien_enemies_act"): "Judge Boasberg's order against removals under the Alien Enemies Act",
    ("us-sv-cecot-2025", "venezuelans_repatriated_in_prisoner_swap"): "Venezuelans sent to Venezuela in a prisoner swap",
    ("us-pa-2025", "dhs_mou_signed"): "MoU with DHS signed",
    ("us-pa-2025", "expanded_after_rubio_visit"): "Panama agreed to act as a 'bridge' during Marco Rubio's visit",
    ("us-pa-2025", "first_transfer"): "First of three US flights of third-country nationals",
    ("us-pa-2025", "last_transfer_of_batch"): "Third flight; about 299 people transferred in all",
    ("us-pa-2025", "moved_to_darien_camp"): "Some deportees moved to a shelter in San Vicente, Darién",
    ("us-cr-2025", "announced"): "Costa Rica agreed to receive up to 200 deportees",
    ("us-cr-2025", "first_transfer"): "First flight carried 135 people, about 65 of them minors",
    ("it-al-protocol-2023", "signed"): "Protocol signed by Giorgia Meloni and Edi Rama",
    ("it-al-protocol-2023", "al_constitutional_court_suspended_ratification"): "Albanian Constitutional Court suspended ratification",
    ("it-al-protocol-2023", "it_chamber_approved"): "Italian Chamber of Deputies approved the protocol",
    ("it-al-protocol-2023", "al_constitutional_court_upheld"): "Albanian Constitutional Court upheld the protocol",
    ("it-al-protocol-2023", "al_parliament_ratified"): "Albanian Parliament ratified the protocol",
    ("it-al-protocol-2023", "first_transfer"): "First men transferred to the centres",
    ("it-al-protocol-2023", "rome_court_refused_detentions"): "Rome court refused to validate the detentions",
    ("it-al-protocol-2023", "rome_court_refused_second_group"): "Rome court refused to validate the second group's detentions",
    ("it-al-protocol-2023", "rome_appeal_court_ordered_43_back"): "Rome Court of Appeal ordered 43 men brought back to Italy",
    ("it-al-protocol-2023", "decree_law_repurposed_as_cpr"): "Decree turned Gjadër into a pre-removal (CPR) centre",
    ("it-al-protocol-2023", "first_cpr_transfer"): "First transfer to the pre-removal centre",
    ("it-al-protocol-2023", "cjeu_judgment_c758_759_24"): "CJEU (C-758/24 and C-759/24) required effective judicial review of safe-country lists",
    ("eu-tr-statement-2016", "statement_issued"): "EU–Turkey Statement issued",
    ("eu-tr-statement-2016", "returns_start"): "Returns from the Greek islands began",
    ("eu-tr-statement-2016", "general_court_orders_lack_of_jurisdiction"): "EU General Court held the Statement was not an act of an EU institution",
    ("eu-tr-statement-2016", "turkey_opened_border"): "Turkey declared its border open",
    ("eu-tr-statement-2016", "greek_pm_called_deal_dead"): "The Greek PM called the deal 'dead'",
    ("eu-tr-eura-2013", "signed"): "Signed in Ankara by Cecilia Malmström and Muammer Güler",
    ("eu-tr-eura-2013", "in_force_own_nationals"): "Obligations for own nationals applied",
    ("eu-tr-eura-2013", "in_force_tcn_clause"): "Third-country-national clause applied",
    ("eu-tn-mou-2023", "team_europe_visit"): "'Team Europe' visit: von der Leyen, Meloni and Rutte in Tunis",
    ("eu-tn-mou-2023", "signed"): "MoU signed in Carthage with President Kais Saied",
    ("au-nr-offshore-processing", "pacific_solution_began"): "Offshore processing on Nauru began under the 'Pacific Solution'",
    ("au-nr-offshore-processing", "pacific_solution_ended"): "The 'Pacific Solution' ended",
    ("au-nr-offshore-processing", "policy_restarted"): "Offshore processing restarted",
    ("au-nr-offshore-processing", "mou_signed"): "MoU signed (Gillard–Dabwido)",
    ("au-nr-offshore-processing", "no_settlement_in_australia_policy"): "Policy of no settlement in Australia announced",
    ("au-nr-offshore-processing", "mou_signed_settlement_in_nauru"): "New MoU (Rudd–Waqa) added settlement in Nauru",
    ("au-nr-offshore-processing", "rpc_emptied"): "Regional processing centre emptied",
    ("au-nr-offshore-processing", "mou_enduring_capability_signed"): "MoU for an 'enduring' capability (Andrews–Aingimea)",
    ("au-nr-offshore-processing", "last_refugee_flown_out"): "Last refugee flown out of Nauru",
    ("au-nr-offshore-processing", "transfers_resumed"): "Transfers resumed",
    ("au-pg-manus", "regional_resettlement_arrangement"): "Regional Resettlement Arrangement (Rudd–O'Neill)",
    ("au-pg-manus", "png_supreme_court_detention_unconstitutional"): "PNG Supreme Court held the detention unconstitutional (Namah v Pato)",
    ("au-pg-manus", "manus_rpc_closed"): "Lombrum centre on Manus forcibly closed",
    ("au-pg-manus", "arrangement_ended"): "The arrangement with PNG ended",
    ("dk-rw-2021", "enabling_law_passed"): "Danish law allowing transfers to centres in a partner country",
    ("dk-rw-2021", "transfer_talks_confirmed"): "Talks on a transfer mechanism confirmed",
    ("dk-rw-2021", "joint_declaration"): "Joint declaration and a planned office in Kigali",
    ("dk-rw-2021", "paused_by_new_government"): "New coalition paused the plan in favour of an EU-level solution",
    ("il-rw-ug-2013", "transfers_began"): "Transfers to unnamed African 'third countries' began",
    ("il-rw-ug-2013", "israeli_supreme_court_ruling"): "Israeli Supreme Court allowed only voluntary, monitored transfers",
    ("il-rw-ug-2013", "forced_deportation_plan_announced"): "Plan of forced deportation or indefinite detention announced",
    ("il-rw-ug-2013", "cabinet_approved"): "Cabinet approved the plan",
    ("il-rw-ug-2013", "rwanda_denied_agreement"): "Rwanda denied any agreement",
    ("il-rw-ug-2013", "unhcr_deal_cancelled"): "Netanyahu cancelled a UNHCR relocation deal",
    ("il-rw-ug-2013", "refusers_released_from_saharonim"): "Asylum seekers who refused to leave released from Saharonim",
    ("us-ca-stca", "signed"): "Treaty signed in Washington",
    ("us-ca-stca", "additional_protocol"): "Scope extended to irregular crossings such as Roxham Road",
    ("us-ca-stca", "supreme_court_of_canada_ruling"): "Supreme Court of Canada found no breach of Charter s.7",
    ("us-gt-aca-2019", "signed"): "Signed by Kevin McAleenan and Enrique Degenhart",
    ("us-gt-aca-2019", "first_transfers"): "First transfers of Hondurans and Salvadorans",
    ("us-gt-aca-2019", "paused_covid"): "Transfers paused during COVID-19",
    ("us-gt-aca-2019", "suspended_and_termination_initiated"): "Suspended, and termination begun, by the Biden administration",
    ("it-ly-mou-2017", "signed"): "Signed in Rome by Paolo Gentiloni and Fayez al-Serraj",
    ("it-ly-mou-2017", "tacit_renewal_deadline_passed"): "Deadline to denounce the MoU passed: tacit renewal",
    ("us-sz-2025", "first_transfer"): "Five men convicted in the US arrived in Eswatini",
    ("us-sz-2025", "first_transfer_announced"): "Arrival of the first group announced",
    ("us-sz-2025", "second_transfer"): "Ten more men arrived",
    ("us-ss-2025", "first_attempt_diverted_to_djibouti"): "Eight men held at a US base in Djibouti after a court order",
    ("us-ss-2025", "us_supreme_court_cleared"): "US Supreme Court allowed the removal",
    ("us-ss-2025", "first_transfer"): "The eight men arrived in Juba",
    ("us-ug-2025", "denied_by_minister"): "Minister Henry Okello Oryem denied any deal",
    ("us-ug-2025", "confirmed"): "Foreign ministry confirmed a temporary agreement",
    ("us-gh-2025", "first_transfer"): "A first group of 14 West Africans arrived",
    ("us-gh-2025", "announced"): "President John Mahama announced the arrangement",
    ("au-nr-nzyq-2025", "signed"): "MoU signed by Tony Burke and President David Adeang",
    ("au-nr-nzyq-2025", "first_transfer"): "First transfer reported",
}

# Roles: the table lists the state that sends people (or pays to keep them away)
# first and the states that receive them after it.
def roles(agreement_id, parties):
    return [{"country": code, "role": "sending" if i == 0 else "receiving"}
            for i, code in enumerate(parties)]


def describe(label):
    words = []
    for w in label.split("_"):
        words.append(ACRONYMS.get(w, w))
    text = " ".join(x for x in words if x)
    return text[0].upper() + text[1:]


def precision(date):
    return {4: "year", 7: "month", 10: "day"}[len(date)]


def event_type(label):
    if label in EVENT_TYPES:
        return EVENT_TYPES[label]
    last = label.rsplit("_", 1)[-1]
    if last in ("signed", "announced", "ratified", "suspended", "terminated"):
        return last
    if label == "first_transfer":
        return "first_transfer"
    return "statement"


def main():
    rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
    out = []
    for r in rows:
        note = ANNOTATIONS.get(r["id"], {})
        events = []
        for item in r["dates"].split(";"):
            label, date = item.split(":", 1)
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
                raise SystemExit("bad date %r in %s" % (date, r["id"]))
            events.append({"date": date, "precision": precision(date),
                           "type": event_type(label), "label": label,
                           "description": DESCRIPTIONS.get((r["id"], label), describe(label))})
        parties = r["parties"].split(";")
        out.append({
            "id": r["id"],
            "title": r["title"],
            "short_title": note.get("short_title", ""),
            "aliases": note.get("aliases", []),
            "types": r["type"].split(";"),
            "instrument_form": note.get("instrument_form", ""),
            "status": r["status"],
            "summary": r["summary"],
            "scope": note.get("scope", ""),
            "cap": note.get("cap", ""),
            "parties": roles(r["id"], parties),
            "events": events,
            "people": [{"name": n, "role": role, "country": c, "start": s}
                       for (n, role, c, s) in note.get("people", [])],
            "sources": [u for u in r["sources"].split(";") if u],
            "verify": [v.strip() for v in r["verify"].split(";") if v.strip()],
        })
    json.dump({"format": "accords-dataset", "version": 1,
               "source": "Curated table seed-agreements.tsv (21 agreements with sources)",
               "agreements": out}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
