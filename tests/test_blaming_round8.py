"""Round 8 blaming classes (RL211/RL212), each sourced in rules/lexicon/blaming.yaml or judgements.yaml:
behaviour and character labels of a child, hygiene judgements, school labels, disability language and
a family's verdict on services. Invented sentences of several kinds of record: the flagged and the clean."""
from __future__ import annotations

import pytest

from conftest import findings_of

B = "language.blaming"


def judged(linter, text, doc_type="case_note", child=None):
    return [(code, t) for code, _, t in findings_of(linter, text, doc_type, child, category=B)]


# --- behaviour judged as a problem, and character labels of a child ------------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Kai's behaviour at school has been problematic this term.", "assessment", [("RL212", "problematic")]),
    ("Staff should note when the problem behaviour starts.", "assessment", [("RL211", "problem behaviour")]),
    ("Jo engages in problematic behavior when tasks change.", "assessment", [("RL211", "problematic behavior")]),
    ("Work on reducing his destructive behaviours at home.", "care_plan", [("RL211", "destructive behaviours")]),
    ("He sometimes explodes for no reason at teatime.", "visit_record", [("RL212", "sometimes explodes")]),
    ("Ben is a troubled boy who misses his dad.", "case_note", [("RL212", "troubled boy")]),
    ("Her behaviour was troubled and troublesome.", "chronology", [("RL212", "troubled and troublesome")]),
    ("Amy is socially and educationally needy.", "assessment", [("RL212", "educationally needy")]),
])
def test_behaviour_and_character_labels_are_flagged(linter, text, doc_type, expected):
    assert judged(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("The journey to school was problematic because of the roadworks.", "case_note"),
    ("We talked about problematic alcohol use in the family.", "assessment"),
    ("The boiler exploded in March, so the family moved out.", "chronology"),
    ("After a troubled start in life, Kai moved to his aunt's.", "assessment"),
    ("The Troubled Families team worked with the family for a year.", "case_note"),
    ("Mum was troubled by the news about the court date.", "visit_record"),
])
def test_the_same_words_about_things_events_and_feelings_are_clean(linter, text, doc_type):
    assert judged(linter, text, doc_type) == []


def test_an_american_spelling_of_an_rl211_phrase_is_one_finding_not_two(linter):
    # RL212 leaves what RL211 flags in any spelling RL211 matches ("behavior" for "behaviour")
    assert judged(linter, "Disruptive behaviors were seen at lunch.") == [("RL211", "Disruptive behaviors")]


# --- hygiene judgements of a child (Write Enough: a judgement needs what was seen) ------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Both girls are teased at school because of poor hygiene.", "case_note", [("RL211", "poor hygiene")]),
    ("Kai is often dressed in clothes that are torn, dirty and smelly.", "visit_record",
     [("RL212", "dirty and smelly")]),
])
def test_hygiene_judgements_are_flagged(linter, text, doc_type, expected):
    assert judged(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("The dentist said Kai needs help with dental hygiene.", "case_note"),
    ("Clothes that are dirty should be washed at 40 degrees.", "care_plan"),   # advice about clothes in general
    ("The mattress that was dumped, dirty and torn, lay in the garden.", "visit_record"),   # a thing
])
def test_hygiene_words_about_things_or_advice_are_clean(linter, text, doc_type):
    assert judged(linter, text, doc_type) == []


# --- school labels, disability language, a family's verdict on services ----------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("He frequently truants from school on Fridays.", "case_note", [("RL211", "truants")]),
    ("Her sister has a long pattern of truancy.", "assessment", [("RL211", "truancy")]),
    ("Child C would be wheelchair-bound after the operation.", "chronology", [("RL211", "wheelchair-bound")]),
    ("The family are opposed to professional involvement of any kind.", "case_note",
     [("RL212", "opposed to professional involvement")]),
    ("She had indoctrinated the child not to speak to his father.", "assessment", [("RL212", "indoctrinated")]),
])
def test_school_disability_and_verdict_labels_are_flagged(linter, text, doc_type, expected):
    assert judged(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("The school will liaise with the truancy officer.", "care_plan"),
    ("Mum moved to a flat adapted for wheelchair use.", "chronology"),
    ("Imogen was not opposed to involvement from the school.", "assessment"),   # negated
    ("He said he had been brainwashed by the group online.", "case_note"),       # his words; passive
])
def test_the_same_words_as_roles_facts_negations_or_passives_are_clean(linter, text, doc_type):
    assert judged(linter, text, doc_type) == []


# --- a court's, service's or worker's refusal; an accusation reported ------------------------------------
@pytest.mark.parametrize("text, doc_type", [
    ("A district judge in a northern city refused the mother's application for more time.", "assessment"),
    ("Mrs C says the Council relied on and refused to change wrong information.", "case_note"),
    ("The IRO refused to delay the review.", "review_record"),
    ("3. Accused Mr and Mrs D of a failure to engage;", "case_note"),        # an ombudsman's list of complaints
    ("The neighbour accused Mum of being hostile at the door.", "chronology"),
])
def test_an_institutions_refusal_or_a_reported_accusation_is_clean(linter, text, doc_type):
    assert judged(linter, text, doc_type) == []


@pytest.mark.parametrize("text, doc_type, expected", [
    ("Tyler refused to go to school on Monday.", "case_note", [("RL211", "refused")]),
    ("The younger one loudly refuses to be weighed.", "visit_record", [("RL211", "refuses")]),
    ("Mum was hostile at the door and accused the worker of lying.", "case_note", [("RL211", "hostile")]),
])
def test_a_persons_refusal_and_the_writers_own_verdict_are_flagged(linter, text, doc_type, expected):
    assert judged(linter, text, doc_type) == expected


# --- a verb of the list joined by "and" to another verb is judged as itself -----------------------------
@pytest.mark.parametrize("text, expected", [
    ("He sometimes withdraws into himself and sometimes explodes at staff.", [("RL212", "sometimes explodes")]),
    ("Lucy laughs and torments her friends at lunch.", [("RL212", "torments")]),
])
def test_a_listed_verb_after_and_is_judged_with_the_shared_subject(linter, text, expected):
    assert judged(linter, text, "assessment") == expected


def test_a_listed_verb_after_and_with_a_thing_as_subject_is_clean(linter):
    assert judged(linter, "The pipe froze and exploded in the night.", "chronology") == []


# --- what a worker or a document says is the record's account, not the family's words --------------------
@pytest.mark.parametrize("text, expected", [
    ("The social worker said that Mum had indoctrinated the child against his father.", [("RL212", "indoctrinated")]),
    ("It said a midwife was concerned she had not been engaging with the service.", [("RL212", "not been engaging")]),
])
def test_a_judgement_told_by_a_worker_or_a_document_is_flagged(linter, text, expected):
    assert judged(linter, text, "chronology") == expected


@pytest.mark.parametrize("text", [
    "Mum said she was not coping with the baby's crying.",
    "Dad told me Mum had been drunk all weekend.",
])
def test_a_judgement_in_the_familys_own_account_is_clean(linter, text):
    assert judged(linter, text) == []


# --- a sentence that defines a kind of behaviour is of no one ---------------------------------------------
@pytest.mark.parametrize("text", [
    "I. Definition of Behaviour\nA. Aggressive behaviours are those actions which may cause injury to self or staff.",
    "B. Disruptive behaviours are those actions that include foul or unacceptable language.",
    "Disruptive behaviour is defined as shouting or throwing things in class.",
])
def test_a_definition_of_a_kind_of_behaviour_is_clean(linter, text):
    assert judged(linter, text, "assessment") == []


def test_the_same_words_said_of_the_child_are_flagged(linter):
    assert judged(linter, "Kai's behaviour was disruptive in class and he was aggressive to staff.", "assessment") \
        == [("RL212", "disruptive"), ("RL211", "aggressive")]


def test_non_compliance_naming_a_procedure_is_clean_and_said_of_the_child_is_flagged(linter):
    assert judged(linter, "If he does not respond, staff follow the non compliance procedure.", "assessment") == []
    assert judged(linter, "Kai was non-compliant with the plan all week.", "case_note") == [("RL211", "non-compliant")]
