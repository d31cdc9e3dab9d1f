"""Round 9 blaming classes (RL211/RL212). Invented sentences of several kinds of record: the flagged and the clean."""
from __future__ import annotations

import pytest

from conftest import findings_of

B = "language.blaming"


def judged(linter, text, doc_type="case_note", child=None):
    return [(code, t) for code, _, t in findings_of(linter, text, doc_type, child, category=B)]


# --- "failed to respond / follow ..." by a council or service: a finding about the service ----------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Dad failed to respond to three letters about the meeting.", "case_note", [("RL211", "failed to respond")]),
    ("Mum failed to follow the safety plan on Saturday.", "chronology", [("RL211", "failed to follow")]),
])
def test_a_parent_who_failed_to_respond_is_flagged(linter, text, doc_type, expected):
    assert judged(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("Ms Y complained that the council failed to respond to her letter about the move.", "assessment"),
    ("We found the service failed to follow its own complaints procedure.", "assessment"),
    ("The social worker failed to follow up the referral in time.", "supervision"),
])
def test_a_council_or_service_that_failed_to_respond_is_clean(linter, text, doc_type):
    assert judged(linter, text, doc_type) == []


# --- "her foster child": a carer's relation to the child, not a label put on the child ----------------------
def test_a_foster_child_as_a_label_is_flagged(linter):
    assert judged(linter, "The foster child was moved on Friday.", "chronology") == [("RL211", "foster child")]


@pytest.mark.parametrize("text", [
    "Ms B went to the review for her foster child on Tuesday.",
    "The carers said their foster kids settle well after school.",
])
def test_a_carers_foster_child_is_clean(linter, text):
    assert judged(linter, text) == []


# --- words in quotation marks that are a worker's or a document's, built into the writer's sentence --------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Her social worker said that Kai has a history of “attention seeking” at school.", "case_note",
     [("RL211", "attention seeking")]),
    ("I rang his teacher, who said that Kai had been “attention seeking” all week.", "chronology",
     [("RL211", "attention seeking")]),
    ("The flat was found to be “filthy” on the second visit.", "chronology", [("RL212", "filthy")]),
    ("Police officers found the children in a “squalid” flat in May.", "assessment", [("RL212", "squalid")]),
])
def test_a_workers_or_a_documents_quoted_judgement_is_flagged(linter, text, doc_type, expected):
    assert judged(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("Mum said that Kai has been “attention seeking” since the move.", "case_note"),
    ("Kai told me: “Nan says I am attention seeking.”", "visit_record"),
    ("Dad found the room “filthy” when he got back.", "case_note"),
])
def test_the_familys_quoted_words_are_clean(linter, text, doc_type):
    assert judged(linter, text, doc_type) == []


# --- "struggled to engage": the engagement verdict put as the person's struggle ------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Dad struggled to engage with the family support worker in June.", "case_note",
     [("RL211", "struggled to engage")]),
    ("Tia is struggling to engage with her tutor this term.", "assessment", [("RL211", "struggling to engage")]),
])
def test_a_person_struggling_to_engage_is_flagged(linter, text, doc_type, expected):
    assert judged(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("The service struggles to engage fathers in its groups.", "supervision"),
    ("Tia struggled to get to school on time in the winter.", "case_note"),
])
def test_a_service_struggling_to_engage_or_another_struggle_is_clean(linter, text, doc_type):
    assert judged(linter, text, doc_type) == []


# --- a parent named by a diagnosis (Time to Change: not "a schizophrenic") ----------------------------------
def test_a_parent_called_schizophrenic_is_flagged(linter):
    assert judged(linter, "Dad is schizophrenic and lives alone.", "assessment") == [("RL212", "schizophrenic")]


@pytest.mark.parametrize("text", [
    "Dad has a diagnosis of schizophrenia and lives alone.",
    "Dad had a schizophrenic episode in May and went to hospital.",
])
def test_the_diagnosis_as_a_diagnosis_is_clean(linter, text):
    assert judged(linter, text, "assessment") == []


# --- a person named by their condition: Asperger's is autism (no one "suffers" from being autistic) ----------
@pytest.mark.parametrize("text, expected", [
    ("The parents of a 15-year-old Asperger's sufferer asked for respite.", [("RL211", "Asperger's sufferer")]),
    ("Kai suffers from Asperger’s and finds crowds hard.", [("RL211", "suffers from Asperger’s")]),
])
def test_an_aspergers_sufferer_is_flagged(linter, text, expected):
    assert judged(linter, text, "assessment") == expected


def test_a_diagnosis_of_aspergers_is_clean(linter):
    assert judged(linter, "Kai has a diagnosis of Asperger's and loves trains.", "assessment") == []
