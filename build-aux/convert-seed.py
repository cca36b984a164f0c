#!/usr/bin/env python3
"""Convert the curated agreements tables (TSV) into the dataset releases.

Run once by hand when a table changes (the tables are in ../shared/data/):
    build-aux/convert-seed.py seed-agreements.tsv > data/seed/agreements.json
    build-aux/convert-seed.py --release 2026 seed-agreements.tsv \
        agreements-2026-changed.tsv agreements-2026-new.tsv > data/seed/release-2026.json

Release 2025 is the first table as it is.  Release 2026 is the first table with
the changed rows (complete new versions, same ids) put in place of the old ones,
then the new rows; its events also carry a confidence and the sources they rest
on (EVENT_SOURCES), and an agreement whose events do not give the table's status
carries that status set by hand with its date (STATUS_BY_HAND).

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


# The event types of the vocabulary (src/core/model/accords-status.c): a label
# that is one of them is that type ("in_force" is a status step, not a statement)
VOCABULARY = {
    "rumoured", "talks", "talks_confirmed", "announced", "signed", "amended", "ratified",
    "in_force", "renewed", "first_transfer", "transfer", "resumed", "legislation",
    "court_ruling", "legal_challenge", "funding", "statement", "suspended", "blocked",
    "collapsed", "scrapped", "terminated", "expired", "superseded", "struck_down",
}


def event_type(label):
    if label in EVENT_TYPES:
        return EVENT_TYPES[label]
    if label in VOCABULARY:
        return label
    last = label.rsplit("_", 1)[-1]
    if last in ("signed", "announced", "ratified", "suspended", "terminated"):
        return last
    if label == "first_transfer":
        return "first_transfer"
    return "statement"


# --- Release 2026 --------------------------------------------------------------
# What follows is read only when building release 2026, so that release 2025
# stays what it was.

# Labels of the 2026 rows.  A label that names a status step is that step; the
# others are the kind of event they are.
EVENT_TYPES_2026 = {
    "safety_of_rwanda_act_repealed": "legislation",
    "cassation_referred_c414_25": "court_ruling",
    # an Advocate General's opinion is not a judgment, but it is the court's
    # own step in the case: the nearest type
    "ag_opinion_c414_25": "court_ruling",
    # Ghana sending the deportees on is not a US transfer to Ghana
    "onward_removal_to_gambia": "statement",
    "supreme_court_petitions": "legal_challenge",
    # the day of the first arrival is not known, only that Kurti said on this
    # day that one or two had come: a statement (like first_transfer_confirmed),
    # with the status set by hand
    "first_arrivals_confirmed": "statement",
    "first_return": "first_transfer",
    "returns_reach_42": "transfer",
    # the pilot was extended: a renewal of its term
    "extension_letter": "renewed",
    # the end of the original term, which the extension passed over: not an expiry
    "original_expiry": "statement",
    "idea_floated": "statement",
    "letter_of_intent_signed": "signed",
    "published_federal_register": "statement",
    "announced_by_dhs": "announced",
    "denied_by_honduran_official": "statement",
    # announced at a press conference; its form is not known
    "agreed": "announced",
    "aca_announced_by_dhs": "announced",
    "denied_by_guatemala": "statement",
    "first_third_country_flight": "first_transfer",
    "participation_announced": "announced",
    # Belize's Senate approves the agreement: its ratification step
    "senate_approved": "ratified",
    "us_request": "talks",
    # a rejection of the request, not a law, and not a halt of the later MoU
    "congress_rejected": "statement",
    "us_entry_restrictions_proclaimed": "statement",
    "position_sent_to_state_department": "talks",
    "pm_radio_statement": "statement",
    "government_announced": "announced",
    # EU legislation: the proposal is the announcement, the steps of the
    # legislative procedure are legislation, application is entry into force
    "proposed": "announced",
    "council_general_approach": "legislation",
    "ep_mandate_vote": "legislation",
    "provisional_agreement": "legislation",
    "ep_adopted": "legislation",
    "council_adopted": "legislation",
    "applies_from": "in_force",
    "funding_announced": "funding",
    "joint_declaration_signed": "signed",
}

ANNOTATIONS_2026 = {
    "us-gh-2025": {
        "short_title": "US–Ghana",
        "aliases": [],
        "people": [
            ("John Mahama", "President", "GH", "2025-09"),
            ("Samuel Okudzeto Ablakwa", "Minister of Foreign Affairs", "GH", "2025-10"),
        ],
        "scope": "West African nationals deported from the US",
    },
    "us-xk-2025": {
        "short_title": "US–Kosovo",
        "aliases": [],
        "people": [("Albin Kurti", "Prime Minister", "XK", "2025-06")],
        "scope": "third-country nationals removed from the US, until their return home",
        "cap": "50",
    },
    "gb-fr-returns-2025": {
        "short_title": "UK–France one in, one out",
        "instrument_form": "treaty",
        "aliases": ["one in, one out", "one-in, one-out", "UK-France returns deal",
                    "UK–France returns deal"],
        "people": [
            ("Keir Starmer", "Prime Minister", "GB", "2025-07"),
            ("Emmanuel Macron", "President", "FR", "2025-07"),
            ("Alex Norris", "Minister", "GB", "2026-06"),
        ],
        "scope": "adults arriving in the UK by small boat whose claims are inadmissible",
    },
    "nl-ug-2025": {
        "short_title": "Netherlands–Uganda return hub",
        "instrument_form": "letter of intent",
        "aliases": ["return hub", "Uganda return hub"],
        "people": [
            ("David van Weel", "Minister for Asylum and Migration and Foreign Affairs", "NL", "2025-09"),
            ("Odongo Jeje Abubakhar", "Minister of Foreign Affairs", "UG", "2025-09"),
        ],
        "scope": "people from Uganda's region who must leave the Netherlands but cannot be returned",
    },
    "us-py-stca-2025": {
        "short_title": "US–Paraguay STCA",
        "instrument_form": "memorandum of understanding",
        "aliases": ["CONARE"],
        "people": [
            ("Marco Rubio", "Secretary of State", "US", "2025-08"),
            ("Rubén Ramírez Lezcano", "Minister of Foreign Affairs", "PY", "2025-08"),
            ("Troy Edgar", "Deputy Secretary of Homeland Security", "US", "2025-08"),
        ],
        "scope": "asylum seekers in the US",
    },
    "us-hn-aca-2025": {
        "short_title": "US–Honduras ACA",
        "instrument_form": "agreement",
        "aliases": ["Asylum Cooperative Agreement", "U.T. v. Bondi"],
        "people": [
            ("Kristi Noem", "Secretary of Homeland Security", "US", "2025-06"),
            ("Wilson Paz", "Director of Immigration", "HN", "2025-06"),
        ],
        "scope": "asylum seekers barred in the US",
    },
    "us-gt-2025": {
        "short_title": "US–Guatemala (2025)",
        "aliases": ["Joint Security Program"],
        "people": [
            ("Bernardo Arévalo", "President", "GT", "2025-02"),
            ("Marco Rubio", "Secretary of State", "US", "2025-02"),
            ("Kristi Noem", "Secretary of Homeland Security", "US", "2025-06"),
        ],
        "scope": "Guatemalans and other nationals deported from the US for onward return",
    },
    "us-gq-2025": {
        "short_title": "US–Equatorial Guinea",
        "aliases": [],
        "people": [("Teodoro Nguema Obiang Mangue", "Vice-President", "GQ", "2025-05")],
        "scope": "third-country nationals deported from the US",
    },
    "us-bz-stca-2025": {
        "short_title": "US–Belize STCA",
        "instrument_form": "agreement",
        "aliases": ["Cooperation Agreement for the Examination of Protection Requests"],
        "people": [
            ("Francis Fonseca", "Minister of Foreign Affairs", "BZ", "2025-10"),
            ("Katharine Beamer", "Chargé d'affaires", "US", "2025-10"),
            ("Tracy Taegar Panton", "Leader of the Opposition", "BZ", "2025-10"),
        ],
        "scope": "asylum seekers referred by the US, each transfer subject to Belize's veto",
        "cap": "10 a year",
    },
    "us-pw-2025": {
        "short_title": "US–Palau",
        "instrument_form": "memorandum of understanding",
        "aliases": [],
        "people": [
            ("Gustav Aitaro", "Minister of State", "PW", "2025-12"),
            ("Joel Ehrendreich", "Ambassador", "US", "2025-12"),
            ("Surangel Whipps Jr", "President", "PW", "2025-12"),
            ("Christopher Landau", "Deputy Secretary of State", "US", "2025-12"),
        ],
        "scope": "third-country nationals never charged with a crime",
        "cap": "75",
    },
    "us-dm-2026": {
        "short_title": "US–Dominica",
        "aliases": [],
        "people": [
            ("Roosevelt Skerrit", "Prime Minister", "DM", "2026-01"),
            ("Thomson Fontaine", "Leader of the Opposition", "DM", "2026-01"),
        ],
        "scope": "people who cannot be returned to their own countries for safety reasons",
    },
    "us-ag-2026": {
        "short_title": "US–Antigua and Barbuda",
        "instrument_form": "memorandum of understanding",
        "aliases": [],
        "people": [("Gaston Browne", "Prime Minister", "AG", "2026-01")],
        "scope": "asylum seekers without a criminal record",
    },
    "us-cm-2026": {
        "short_title": "US–Cameroon",
        "aliases": [],
        "people": [],
        "scope": "non-Cameroonian Africans deported from the US",
    },
    "eu-return-regulation": {
        "short_title": "EU Return Regulation",
        "instrument_form": "legal framework",
        "aliases": ["Return Regulation", "Common European System for Returns",
                    "European Return Order", "return hubs"],
        "people": [],
        "scope": "third-country nationals ordered to leave the EU",
    },
    "eu-stc-soc-2026": {
        "short_title": "EU safe-country rules",
        "instrument_form": "legal framework",
        "aliases": ["safe third country concept", "safe countries of origin",
                    "EU list of safe countries of origin"],
        "people": [],
        "scope": "applicants for asylum in the EU",
    },
    "eu-mr-2024": {
        "short_title": "EU–Mauritania",
        "instrument_form": "joint declaration",
        "aliases": ["EU-Mauritania partnership", "EU–Mauritania partnership"],
        "people": [
            ("Ursula von der Leyen", "President of the European Commission", "EU", "2024-02"),
            ("Pedro Sánchez", "Prime Minister", "ES", "2024-02"),
            ("Ylva Johansson", "European Commissioner for Home Affairs", "EU", "2024-03"),
            ("Mohamed Ahmed Ould Mohamed Lemine", "Minister of the Interior", "MR", "2024-03"),
        ],
    },
    "eu-eg-2024": {
        "short_title": "EU–Egypt",
        "instrument_form": "joint declaration",
        "aliases": ["EU-Egypt partnership", "EU–Egypt partnership"],
        "people": [
            ("Abdel Fattah al-Sisi", "President", "EG", "2024-03"),
            ("Ursula von der Leyen", "President of the European Commission", "EU", "2024-03"),
        ],
    },
    "eu-lb-2024": {
        "short_title": "EU–Lebanon",
        "aliases": [],
        "people": [
            ("Ursula von der Leyen", "President of the European Commission", "EU", "2024-05"),
            ("Nikos Christodoulides", "President", "CY", "2024-05"),
            ("Najib Mikati", "Prime Minister", "LB", "2024-05"),
        ],
    },
}

# Keyed by (id, label) or, where a label recurs, (id, label, date); looked up
# before DESCRIPTIONS.
DESCRIPTIONS_2026 = {
    ("uk-rw-medp-2022", "safety_of_rwanda_act_repealed"): "Border Security, Asylum and Immigration Act 2025 repealed the Safety of Rwanda Act on royal assent",
    ("it-ly-mou-2017", "renewed", "2020-02-02"): "Renewed for three years, to 2023",
    ("it-ly-mou-2017", "renewed", "2023-02-02"): "Renewed for three years, to 2026",
    ("it-ly-mou-2017", "renewed", "2026-02-02"): "Renewed for three years, to 2029",
    ("us-ug-2025", "signed"): "Agreement signed, according to a copy of the text reported by the Daily Monitor",
    ("us-gh-2025", "first_transfer"): "A first group of 14 West Africans arrived on a US military plane and was held at a military camp",
    ("us-gh-2025", "onward_removal_to_gambia"): "Most of the first group sent on to Togo, Nigeria and The Gambia",
    ("us-gh-2025", "further_transfer"): "About 42 deportees received by October, by a lawyer's count",
    ("us-gh-2025", "supreme_court_petitions"): "Democracy Hub and an Accra firm petitioned the Supreme Court: Parliament never ratified the deal (Art. 75)",
    ("au-nr-nzyq-2025", "first_transfer"): "First transfer, on a 'Friday' according to President David Adeang",
    ("au-nr-nzyq-2025", "first_transfer_confirmed"): "Tony Burke confirmed the first transfer",
    ("it-al-protocol-2023", "cassation_referred_c414_25"): "Court of Cassation referred the use of Gjadër as a pre-removal centre to the CJEU (C-414/25, Sedrata)",
    ("it-al-protocol-2023", "ag_opinion_c414_25"): "Advocate General Emiliou's opinion in C-414/25: detention in a third state under Italian jurisdiction is not precluded in principle if the Return Directive's safeguards are met",
    ("us-xk-2025", "announced"): "Kosovo agreed to a US request to relocate 50 third-country nationals temporarily",
    ("us-xk-2025", "first_arrivals_confirmed"): "Caretaker PM Albin Kurti said Kosovo had started accepting deportees ('one or two' so far)",
    ("gb-fr-returns-2025", "announced"): "Keir Starmer and Emmanuel Macron announced the 'one in, one out' deal",
    ("gb-fr-returns-2025", "treaty_signed"): "Treaty signed",
    ("gb-fr-returns-2025", "in_force"): "Treaty in force after European Commission clearance",
    ("gb-fr-returns-2025", "first_return"): "First removal: an Indian national flown from Heathrow to Paris",
    ("gb-fr-returns-2025", "returns_reach_42"): "42 people returned to France by this day (Home Office)",
    ("gb-fr-returns-2025", "extension_letter"): "Pilot extended past 2026-06-11 into the autumn, with a 'minor amendment' for people who come back by other routes",
    ("gb-fr-returns-2025", "original_expiry"): "Original end of the pilot, passed over by the extension",
    ("nl-ug-2025", "idea_floated"): "Idea of a return hub in Uganda floated",
    ("nl-ug-2025", "letter_of_intent_signed"): "Letter of intent signed in New York by David van Weel and Odongo Jeje Abubakhar",
    ("us-py-stca-2025", "signed"): "Signed at the State Department by Marco Rubio and Rubén Ramírez Lezcano",
    ("us-py-stca-2025", "published_federal_register"): "Published in the Federal Register",
    ("us-hn-aca-2025", "signed"): "Agreement signed, according to a tracker",
    ("us-hn-aca-2025", "announced_by_dhs"): "DHS Secretary Kristi Noem announced the agreement",
    ("us-hn-aca-2025", "denied_by_honduran_official"): "Immigration director Wilson Paz denied that Honduras had signed",
    ("us-hn-aca-2025", "published_federal_register"): "Published in the Federal Register",
    ("us-hn-aca-2025", "first_transfer"): "Seven Mexicans transferred to Honduras",
    ("us-hn-aca-2025", "further_transfer"): "Nine people from Colombia, Nicaragua, Ecuador and Guatemala transferred",
    ("us-gt-2025", "agreed"): "After Marco Rubio's visit, President Bernardo Arévalo said Guatemala would take 40% more deportation flights, other nationalities included",
    ("us-gt-2025", "aca_announced_by_dhs"): "Kristi Noem said Guatemala had signed an agreement to give refugee status to others",
    ("us-gt-2025", "denied_by_guatemala"): "Guatemalan presidency denied signing any safe-third-country deal",
    ("us-gt-2025", "first_third_country_flight"): "First US flight carrying third-country nationals arrived",
    ("us-gq-2025", "talks_confirmed"): "Vice-President Teodoro Nguema Obiang Mangue confirmed talks and asked the US to pay for housing, living costs and reintegration",
    ("us-gq-2025", "participation_announced"): "The Vice-President announced on X that Equatorial Guinea would join US migration efforts",
    ("us-gq-2025", "first_transfer"): "Nine men holding US protection orders arrived and were held in a hotel",
    ("us-gq-2025", "second_transfer"): "Second flight, with 20 people from Ethiopia, Eritrea, Mauritania and Nigeria",
    ("us-bz-stca-2025", "signed"): "Signed by Foreign Minister Francis Fonseca and US chargé d'affaires Katharine Beamer",
    ("us-bz-stca-2025", "senate_approved"): "Senate approved the agreement 8–5",
    ("us-pw-2025", "us_request"): "US asked Palau to accept third-country nationals",
    ("us-pw-2025", "congress_rejected"): "Palau's Congress and Council of Chiefs rejected the US request",
    ("us-pw-2025", "mou_signed"): "MoU signed by Minister of State Gustav Aitaro and US Ambassador Joel Ehrendreich",
    ("us-dm-2026", "us_entry_restrictions_proclaimed"): "US proclamation placed partial entry restrictions on Dominicans",
    ("us-dm-2026", "announced"): "PM Roosevelt Skerrit announced an 'internal agreement' with the US",
    ("us-ag-2026", "position_sent_to_state_department"): "Antigua and Barbuda sent its position to the State Department",
    ("us-ag-2026", "pm_radio_statement"): "PM Gaston Browne said on the radio that a non-binding MoU had been signed",
    ("us-ag-2026", "government_announced"): "Government announced the MoU",
    ("us-cm-2026", "first_transfer"): "DHS flight took nine non-Cameroonian Africans to Yaoundé",
    ("us-cm-2026", "second_transfer"): "Second flight, with eight people from Senegal, Sierra Leone and Ethiopia",
    ("eu-return-regulation", "proposed"): "Commission proposed a Return Regulation to replace the 2008 Return Directive",
    ("eu-return-regulation", "council_general_approach"): "Council agreed its position (general approach)",
    ("eu-return-regulation", "ep_mandate_vote"): "European Parliament adopted its negotiating mandate (389–206–32)",
    ("eu-return-regulation", "provisional_agreement"): "Council and Parliament negotiators reached a provisional agreement",
    ("eu-stc-soc-2026", "proposed"): "Commission proposed the revision and a first EU list of safe countries of origin",
    ("eu-stc-soc-2026", "provisional_agreement"): "Council and Parliament reached a provisional agreement",
    ("eu-stc-soc-2026", "ep_adopted"): "European Parliament adopted both texts (408–184–60 and 396–226–30)",
    ("eu-stc-soc-2026", "council_adopted"): "Council formally adopted both texts",
    ("eu-stc-soc-2026", "applies_from"): "Rules apply, with the Pact on Migration and Asylum",
    ("eu-mr-2024", "funding_announced"): "On a visit to Nouakchott with Pedro Sánchez, Ursula von der Leyen announced EUR 210m for 2024",
    ("eu-mr-2024", "joint_declaration_signed"): "Joint Declaration signed by Ylva Johansson and Mohamed Ahmed Ould Mohamed Lemine",
    ("eu-eg-2024", "joint_declaration_signed"): "Joint declaration signed in Cairo by Abdel Fattah al-Sisi and Ursula von der Leyen",
    ("eu-lb-2024", "announced"): "In Beirut, Ursula von der Leyen announced EUR 1bn for Lebanon for 2024–2027",
}

# The sources each event rests on, by agreement and label ("label@date" where a
# label recurs).  Each entry is a part of one URL of the row's sources column,
# unique within it.  An event left out has no source that can be tied to it
# with confidence: it gets a verify flag instead.  Tied by the date and slug in
# the URL and by what the row's summary says each outlet reported.
EVENT_SOURCES = {
    "uk-rw-medp-2022": {
        "mou_signed": ["ktpress.rw/2022/04/", "newtimes.co.rw/article/195014/"],
        "first_flight_blocked_echr_interim_measure": ["bailii.org/eu/cases/ECHR/2022/585"],
        "addendum_signed": ["afro.news/2023/03/19/"],
        "supreme_court_ruled_unlawful": ["salisburyai.com/2023/11/15", "upday.com/uk/supreme-court"],
        "treaty_signed": ["aljazeera.com/news/2023/12/5/", "newtimes.co.rw/article/12871/"],
        "safety_of_rwanda_act_royal_assent": ["solicitorsjournal.com", "obiterj.blogspot.com",
                                              "legislation.gov.uk/ukpga/2024/8/"],
        "scrapped_announced": ["lbc.co.uk/news/tories-rwanda"],
        "cost_disclosed": ["mastodawn.com"],
        "safety_of_rwanda_act_repealed": ["freemovement.org.uk", "righttoremain.org.uk",
                                          "legislation.gov.uk/ukpga/2025/31/"],
    },
    "us-rw-2025": {
        "talks_confirmed": ["newsmax.com", "lbcgroup.tv"],
        "signed": ["channelnewsasia.com"],
        "announced": ["channelnewsasia.com", "tag24.com", "futuremedianews.com.na/2025/08/05/"],
        "first_transfer": ["allafrica.com/stories/202508290220", "independent.co.uk"],
        "first_transfer_confirmed": ["allafrica.com/stories/202508290220", "independent.co.uk"],
    },
    "us-sv-cecot-2025": {
        "announced": ["wtop.com/world/2025/02/", "newser.com", "intellinews.com", "thehub.news"],
        "first_transfer": ["replay.gp", "wikiclassic.com"],
        "court_tro_alien_enemies_act": ["wikiclassic.com"],
        "venezuelans_repatriated_in_prisoner_swap": ["military.com/daily-news/2025/07/19/"],
    },
    "us-pa-2025": {
        "expanded_after_rubio_visit": ["headtopics.com"],
        "first_transfer": ["asiaone.com", "alpha-news.org"],
        "moved_to_darien_camp": ["blackhotfirenetwork.com"],
    },
    "us-cr-2025": {
        "announced": ["nation.com.pk/19-Feb-2025/", "ticotimes.net/2025/02/20/", "panamatimes.com",
                      "voz.us/en/world/250219/", "verity.news", "urdupoint.com"],
        "first_transfer": ["ticotimes.net/2025/02/20/", "panamatimes.com"],
    },
    "it-al-protocol-2023": {
        "signed": ["huffingtonpost.it/esteri/2023/11/06/", "agenzianova.com"],
        "al_constitutional_court_suspended_ratification": ["ruetir.com/2023/12/"],
        "al_constitutional_court_upheld": ["dailysabah.com", "albania-s-highest-court", "firstpost.com"],
        "al_parliament_ratified": ["albanian-parliament-ratifies"],
        "first_transfer": ["unn.ua"],
        "rome_court_refused_detentions": ["unn.ua", "zazoom.it/2024-10-18/"],
        "rome_appeal_court_ordered_43_back": ["devdiscourse.com/article/law-order/3247922"],
        "decree_law_repurposed_as_cpr": ["quotidiano.net"],
        "first_cpr_transfer": ["ixgpkh.asia/english/news/2025/04/11/"],
        "cjeu_judgment_c758_759_24": ["agenparl.eu/2025/08/01/", "unipd-centrodirittiumani.it/en/topics/"],
        "cassation_referred_c414_25": ["unipd-centrodirittiumani.it/en/news/"],
        "ag_opinion_c414_25": ["ferenda.lagen.nu/celex/62025CC0414"],
    },
    "eu-tr-statement-2016": {
        "returns_principle_agreed": ["rudaw.net/english/middleeast/turkey/08032016"],
        "statement_issued": ["scribd.com"],
        "returns_start": ["scribd.com"],
        "general_court_orders_lack_of_jurisdiction": ["paperzz.com", "asylumlawdatabase.eu"],
        "turkey_opened_border": ["rudaw.net/english/middleeast/turkey/100320201"],
        "greek_pm_called_deal_dead": ["dw.com"],
    },
    "eu-tr-eura-2013": {
        "signed": ["sofiaglobe.com/2013/12/16/", "eur-lex.europa.eu"],
        "in_force_tcn_clause": ["pubaffairsbruxelles.eu"],
    },
    "eu-tn-mou-2023": {
        "signed": ["breakinglatest.news", "9newsng.com", "milanopost.info/2023/07/17/",
                   "italian.cri.cn/2023/07/17/", "allnewspress.com"],
    },
    "au-nr-offshore-processing": {
        "pacific_solution_began": ["aph.gov.au"],
        "pacific_solution_ended": ["aph.gov.au"],
        "policy_restarted": ["aph.gov.au"],
        "mou_signed": ["abc.net.au/news/2012-08-30/"],
        "no_settlement_in_australia_policy": ["aph.gov.au"],
        "mou_signed_settlement_in_nauru": ["abc.net.au/news/2013-08-03/", "australianpolitics.com/2013/08/03/"],
        "mou_enduring_capability_signed": ["karenandrewsmp.com.au", "asrc.org.au/2021/09/27/"],
    },
    "au-pg-manus": {
        "png_supreme_court_detention_unconstitutional": ["lawsociety.org.nz", "asiapacificreport.nz/2016/04/28/"],
        "arrangement_ended": ["sbs.com.au"],
    },
    "dk-rw-2021": {
        "mou_signed": ["theeastafrican.co.ke"],
        "transfer_talks_confirmed": ["en.igihe.com", "devdiscourse.com"],
        "joint_declaration": ["bloomberg.com/news/articles/2022-09-09/", "washingtoninformer.com"],
        "paused_by_new_government": ["news360.es/australia/2023/01/25/"],
    },
    "il-rw-ug-2013": {
        "transfers_began": ["independent.co.uk", "amnestyusa.org", "docslib.org"],
        "forced_deportation_plan_announced": ["refugee-rights.org", "assaf.org.il"],
        "rwanda_denied_agreement": ["independent.co.ug"],
        "unhcr_deal_cancelled": ["therecord.com"],
    },
    "us-ca-stca": {
        "signed": ["kampuspedia.com"],
        "in_force": ["kampuspedia.com"],
        "additional_protocol": ["kampuspedia.com"],
        "supreme_court_of_canada_ruling": ["kampuspedia.com"],
    },
    "us-gt-aca-2019": {
        "signed": ["immpolicytracking.org", "justsecurity.org", "aila.org"],
        "suspended_and_termination_initiated": ["progressive.org"],
    },
    "it-ly-mou-2017": {
        "signed": ["lavoceditalia.com/2017/02/02/"],
        "tacit_renewal_deadline_passed@2019-11-02": ["infomigrants.net"],
        "renewed@2020-02-02": ["infomigrants.net"],
        "tacit_renewal_deadline_passed@2022-11-02": ["breakinglatest.news"],
        "renewed@2023-02-02": ["breakinglatest.news"],
        "tacit_renewal_deadline_passed@2025-11-02": ["visahq.com/daily-news/2025-11-02/"],
        "renewed@2026-02-02": ["zazoom.it/2025-09-30/", "politekon.blogspot.com/2025/10/",
                               "visahq.com/daily-news/2025-11-02/"],
    },
    "us-sz-2025": {
        "first_transfer": ["laotiantimes.com/2025/07/16/", "thesouthafrican.com"],
        "first_transfer_announced": ["laotiantimes.com/2025/07/16/", "thesouthafrican.com"],
    },
    "us-ss-2025": {
        # the AP report of the arrival recounts the stay in Djibouti and the ruling
        "first_attempt_diverted_to_djibouti": ["apnews.com"],
        "us_supreme_court_cleared": ["apnews.com"],
        "first_transfer": ["eastleighvoice.co.ke", "apnews.com", "voz.us/en/world/250709/"],
    },
    "us-ug-2025": {
        "signed": ["monitor.co.ug"],
        "denied_by_minister": ["timeslive.co.za"],
        "confirmed": ["usafricaonline.com/2025/08/21/", "allafrica.com/stories/202508220054",
                      "eagle.co.ug/2025/08/21/", "thekenyatimes.com", "timeslive.co.za"],
    },
    "us-gh-2025": {
        "first_transfer": ["mymotherlode.com", "africanews.com/2025/09/11/"],
        "announced": ["africanews.com/2025/09/11/", "mymotherlode.com", "allafrica.com/stories/202509110286",
                      "modernghana.com"],
        "onward_removal_to_gambia": ["mymotherlode.com", "globaldetentionproject.org"],
        "further_transfer": ["ghanamma.com/2025/10/07/", "particle.news"],
        "supreme_court_petitions": ["radarafrica.com", "particle.news"],
    },
    "au-nr-nzyq-2025": {
        "signed": ["particle.news", "fooshya.com/2025/08/30/"],
        "first_transfer": ["globalpulseonline.com"],
        "first_transfer_confirmed": ["globalpulseonline.com"],
    },
    "us-xk-2025": {
        "announced": ["cbsnews.com", "news.liga.net"],
        "first_arrivals_confirmed": ["globalbankingandfinance.com", "devdiscourse.com"],
    },
    "gb-fr-returns-2025": {
        "announced": ["aa.com.tr"],
        "in_force": ["thenationalnews.com/news/uk/2025/08/05/"],
        "first_return": ["lbc.co.uk/article/first-migrant-deported-france"],
        "returns_reach_42": ["lbc.co.uk/article/sixteen-people-deported"],
    },
    "nl-ug-2025": {
        "letter_of_intent_signed": ["socastsrm.com/2025/09/25/", "openrijk.nl", "africanews.com/2025/09/26/"],
    },
    "us-py-stca-2025": {
        "signed": ["voz.us/en/world/250815/", "am1.news"],
        "published_federal_register": ["thirdcountrydeportationwatch.org/paraguay"],
    },
    "us-hn-aca-2025": {
        "signed": ["thirdcountrydeportationwatch.org/honduras"],
        "announced_by_dhs": ["business-standard.com", "orangeandbluepress.com/2025/06/27/"],
        "denied_by_honduran_official": ["orangeandbluepress.com/2025/06/27/"],
        "published_federal_register": ["thirdcountrydeportationwatch.org/honduras"],
        "first_transfer": ["thirdcountrydeportationwatch.org/honduras"],
        "further_transfer": ["thirdcountrydeportationwatch.org/honduras"],
    },
    "us-gt-2025": {
        "aca_announced_by_dhs": ["orangeandbluepress.com/2025/06/27/", "hindustantimes.com"],
        "denied_by_guatemala": ["orangeandbluepress.com/2025/06/27/", "hindustantimes.com"],
        "first_third_country_flight": ["usnn.news"],
    },
    "us-gq-2025": {
        "talks_confirmed": ["wallafricajournal.com"],
        "participation_announced": ["egjustice.org"],
        "first_transfer": ["thirdcountrydeportationwatch.org/equatorial-guinea"],
        "second_transfer": ["thirdcountrydeportationwatch.org/equatorial-guinea"],
    },
    "us-bz-stca-2025": {
        "signed": ["aa.com.tr", "caribbeantoday.com"],
    },
    "us-pw-2025": {
        "us_request": ["thirdcountrydeportationwatch.org/palau"],
        "congress_rejected": ["thirdcountrydeportationwatch.org/palau"],
        "mou_signed": ["thirdcountrydeportationwatch.org/palau", "freemalaysiatoday.com/category/world/2025/12/25/"],
    },
    "us-dm-2026": {
        "announced": ["zerohedge.com", "news.az", "cloudfront.net"],
    },
    "us-ag-2026": {
        "government_announced": ["cloudfront.net"],
    },
    "us-cm-2026": {
        "first_transfer": ["insiderpaper.com", "cameroononline.org"],
        "second_transfer": ["wokv.com", "cameroononline.org"],
    },
    "eu-return-regulation": {
        "council_general_approach": ["theepochtimes.com"],
        "ep_mandate_vote": ["dip.euaa.europa.eu"],
        "provisional_agreement": ["nodechev.com", "brusselstimes.com"],
    },
    "eu-stc-soc-2026": {
        "provisional_agreement": ["euaa.europa.eu/implementation-safe-country-concepts", "miragenews.com"],
        "council_adopted": ["agenceurope.eu"],
        "applies_from": ["euaa.europa.eu/implementation-safe-country-concepts"],
    },
    "eu-mr-2024": {
        "funding_announced": ["pledgetimes.com"],
        "joint_declaration_signed": ["weafrica24.com/2024/03/08/"],
    },
    "eu-eg-2024": {
        "joint_declaration_signed": ["macroticker.com", "pluralia.com", "themarkhortimes.com", "athens-times.com"],
    },
    "eu-lb-2024": {
        "announced": ["neighbourhood-enlargement.ec.europa.eu", "zdf.de", "table.media"],
    },
}

# Confidence of an event where it is not "reported": "unconfirmed" where the
# table's verify note says the event rests on one anonymous, leaked, secondary
# or machine-summarised source, or on a reading of it; "official" where the
# source cited is the official record of the act itself.  An event whose day
# or number is only uncertain stays "reported", and its verify flag says why.
CONFIDENCE = {
    "uk-rw-medp-2022": {"cost_disclosed": "unconfirmed",
                        "safety_of_rwanda_act_royal_assent": "official",
                        "safety_of_rwanda_act_repealed": "official"},
    "us-rw-2025": {"signed": "unconfirmed"},
    "us-pa-2025": {"expanded_after_rubio_visit": "unconfirmed", "last_transfer_of_batch": "unconfirmed"},
    "eu-tr-eura-2013": {"signed": "official"},
    "it-ly-mou-2017": {"renewed@2026-02-02": "unconfirmed"},
    "us-ug-2025": {"signed": "unconfirmed"},
    "us-gh-2025": {"further_transfer": "unconfirmed"},
    "us-hn-aca-2025": {"signed": "unconfirmed"},
    "us-gt-2025": {"first_third_country_flight": "unconfirmed"},
    "us-gq-2025": {"second_transfer": "unconfirmed"},
    "eu-stc-soc-2026": {"proposed": "unconfirmed"},
    "eu-lb-2024": {"announced": "official"},
}

# Agreements whose events do not give the table's status: the status is set by
# hand (the loader makes it an override), dated by status_as_of, and a verify
# flag says why.  Each needs its date and reason here, or the build fails.
STATUS_BY_HAND = {
    "au-nr-offshore-processing": ("2023-09", "transfers resumed in 2023, which the events rank as 'implemented'; the table keeps 'in_force'"),
    "us-ug-2025": ("2025-08-21", "the events reach only 'signed': the first flight, which the table's 'implemented' rests on, is not dated"),
    "gb-fr-returns-2025": ("2026-06-11", "returns since 2025-09-18 rank the events as 'implemented'; the table keeps 'in_force'"),
    "us-xk-2025": ("2025-12-11", "the day of the first arrival is not known, only that one or two had arrived by this day"),
    "us-dm-2026": ("2026-01-05", "the events reach only 'announced': the signing date is not known"),
    "us-ag-2026": ("2026-01-03", "the events reach only 'announced': the PM said on this day that the MoU was signed; the signing date is not known"),
}

LIFTING = {"in_force", "renewed", "first_transfer", "transfer", "resumed"}
STEP = {"rumoured": "rumoured", "talks": "in_talks", "talks_confirmed": "in_talks",
        "announced": "announced", "signed": "signed", "ratified": "ratified",
        "in_force": "in_force", "renewed": "in_force", "first_transfer": "implemented",
        "transfer": "implemented", "suspended": "suspended", "blocked": "blocked",
        "collapsed": "collapsed", "scrapped": "scrapped", "terminated": "terminated",
        "expired": "expired", "superseded": "superseded", "struck_down": "struck_down"}
PRIORITY = {"none": 0, "rumoured": 1, "in_talks": 2, "announced": 3, "signed": 4, "ratified": 5,
            "in_force": 6, "implemented": 7, "suspended": 8, "blocked": 8, "collapsed": 9,
            "scrapped": 10, "terminated": 10, "expired": 10, "superseded": 10, "struck_down": 11}
HALTS = {"suspended", "blocked"}
ENDS = {"collapsed", "scrapped", "terminated", "expired", "superseded", "struck_down"}


def date_key(date):
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return parts[0] * 10000 + parts[1] * 100 + parts[2]


def derive_status(events):
    """accords_status_derive() of src/core/model/accords-status.c, in Python."""
    progress, halt = "none", "none"

    def strongest(a, b):
        return b if PRIORITY[b] > PRIORITY[a] else a

    for ev in sorted(events, key=lambda e: date_key(e["date"])):
        implied = STEP.get(ev["type"], "none")
        if implied in HALTS or implied in ENDS:
            halt = strongest(halt, implied)
            continue
        if ev["type"] in LIFTING:
            full = implied == "none" or ev["type"] == "renewed"
            if halt in HALTS or (full and halt != "none"):
                halt = "none"
        progress = strongest(progress, implied)
    return strongest(progress, halt)


def event_key(label, date, table):
    """The key of an event in a per-agreement table: "label@date" if there is one."""
    return label + "@" + date if label + "@" + date in table else label


def resolve_sources(agreement_id, key, parts, urls):
    found = []
    for part in parts:
        matches = [u for u in urls if part in u]
        if len(matches) != 1:
            raise SystemExit("%s %s: %r matches %d sources" % (agreement_id, key, part, len(matches)))
        if matches[0] not in found:
            found.append(matches[0])
    return found


def event_words(label):
    return label.replace("_", " ")


def read_rows(path):
    return list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))


def convert(r, release):
    later = release != "2025"
    note = ANNOTATIONS_2026.get(r["id"]) if later else None
    if note is None:
        note = ANNOTATIONS.get(r["id"], {})
    urls = [u for u in r["sources"].split(";") if u]
    verify = [v.strip() for v in r["verify"].split(";") if v.strip()]
    sources = EVENT_SOURCES.get(r["id"], {}) if later else {}
    confidence = CONFIDENCE.get(r["id"], {}) if later else {}
    used = set()
    events = []
    for item in r["dates"].split(";"):
        label, date = item.split(":", 1)
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
            raise SystemExit("bad date %r in %s" % (date, r["id"]))
        kind = event_type(label)
        description = DESCRIPTIONS.get((r["id"], label), describe(label))
        if later:
            kind = EVENT_TYPES_2026.get(label, kind)
            description = DESCRIPTIONS_2026.get((r["id"], label, date),
                                                DESCRIPTIONS_2026.get((r["id"], label), description))
        event = {"date": date, "precision": precision(date), "type": kind, "label": label,
                 "description": description}
        if later:
            key = event_key(label, date, sources)
            cited = resolve_sources(r["id"], key, sources.get(key, []), urls)
            used.add(key)
            event["confidence"] = confidence.get(event_key(label, date, confidence), "reported")
            event["sources"] = cited
            if not cited:
                verify.append("source of the %s %s event not identified" % (date, event_words(label)))
        events.append(event)
    for key in set(sources) - used:
        raise SystemExit("%s: EVENT_SOURCES names %r, which is not one of its events" % (r["id"], key))
    for key in confidence:
        if key.split("@")[0] not in [e["label"] for e in events]:
            raise SystemExit("%s: CONFIDENCE names %r, which is not one of its events" % (r["id"], key))

    parties = r["parties"].split(";")
    if note.get("instrument_form") == "legal framework":
        # an act of the EU, not an agreement between states: the EU is its one party
        if parties != ["EU"]:
            raise SystemExit("%s: a legal framework has one party, the EU" % r["id"])
        party_list = [{"country": "EU", "role": "party"}]
    else:
        party_list = roles(r["id"], parties)

    agreement = {
        "id": r["id"],
        "title": r["title"],
        "short_title": note.get("short_title", ""),
        "aliases": note.get("aliases", []),
        "types": r["type"].split(";"),
        "instrument_form": note.get("instrument_form", ""),
        "status": r["status"],
    }
    if later:
        derived = derive_status(events)
        by_hand = STATUS_BY_HAND.get(r["id"])
        if derived != r["status"]:
            if by_hand is None:
                raise SystemExit("%s: the events give %r, the table %r: add it to STATUS_BY_HAND"
                                 % (r["id"], derived, r["status"]))
            agreement["status_as_of"] = by_hand[0]
            verify.append("status '%s' set by hand from %s: %s" % (r["status"], by_hand[0], by_hand[1]))
        elif by_hand is not None:
            raise SystemExit("%s: the events give the table's status; drop it from STATUS_BY_HAND" % r["id"])
    agreement.update({
        "summary": r["summary"],
        "scope": note.get("scope", ""),
        "cap": note.get("cap", ""),
        "parties": party_list,
        "events": events,
        "people": [{"name": n, "role": role, "country": c, "start": s}
                   for (n, role, c, s) in note.get("people", [])],
        "sources": urls,
        "verify": verify,
    })
    return agreement


def main():
    args = sys.argv[1:]
    release = "2025"
    if args[:1] == ["--release"]:
        release, args = args[1], args[2:]
    if release == "2025" and len(args) == 1:
        rows = read_rows(args[0])
        source = "Curated table seed-agreements.tsv (21 agreements with sources)"
    elif release == "2026" and len(args) == 3:
        rows = read_rows(args[0])
        changed = {r["id"]: r for r in read_rows(args[1])}
        new = read_rows(args[2])
        ids = [r["id"] for r in rows]
        if set(changed) - set(ids):
            raise SystemExit("changed rows not in the first release: %s" % sorted(set(changed) - set(ids)))
        if set(r["id"] for r in new) & set(ids):
            raise SystemExit("new rows already in the first release")
        rows = [changed.get(r["id"], r) for r in rows] + new
        source = ("Curated tables seed-agreements.tsv, agreements-2026-changed.tsv and "
                  "agreements-2026-new.tsv (%d agreements with sources)" % len(rows))
    else:
        raise SystemExit("usage: convert-seed.py SEED.tsv\n"
                         "       convert-seed.py --release 2026 SEED.tsv CHANGED.tsv NEW.tsv")
    out = [convert(r, release) for r in rows]
    json.dump({"format": "accords-dataset", "version": 1, "release": release,
               "source": source, "agreements": out}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")

if __name__ == "__main__":
    main()
