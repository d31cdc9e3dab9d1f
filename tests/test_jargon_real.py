"""Jargon on real writing (issue 11): acronyms given their meaning in other ways, null tokens and
person labels (RL202); explanations, plain senses and sourced care-system terms (RL201).
Texts are invented paraphrases of the classes, never sentences of a test set."""
from __future__ import annotations

import pytest

from conftest import findings_of

J = "language.jargon"


def jargon(linter, text, doc_type="case_note"):
    return [(code, t) for code, _, t in findings_of(linter, text, doc_type, category=J)]


def acronyms(linter, text, doc_type="case_note"):
    return [t for code, t in jargon(linter, text, doc_type) if code == "RL202"]


# --- RL202: "long form (ACR)" defines ACR for the rest of the record, even if the bracket looks like a
# redaction placeholder ("(CSC)" alone in brackets) --------------------------------------------------
@pytest.mark.parametrize("text", [
    "Jo gets support from the youth offending service (YOS). The YOS worker visits weekly.",
    "Her review is chaired by an independent reviewing officer (IRO). The IRO rang her on Monday.",
    "The case moved to children’s social care (CSC). CSC held a meeting in May.",
    "Two Child Safeguarding Practice Reviews (CSPRs) were held. Both CSPRs are published.",
])
def test_long_form_then_bracketed_acronym_explains_later_uses(linter, text):
    assert acronyms(linter, text, "assessment") == []


def test_bracketed_acronym_that_spells_nothing_before_it_is_still_a_placeholder_not_a_definition(linter):
    # "(DATE)" is a redaction; "YOS" later was never given a meaning
    assert acronyms(linter, "Kayla moved on (DATE). The YOS worker visits weekly.") == ["YOS"]


def test_acronym_without_its_long_form_is_still_flagged(linter):
    assert acronyms(linter, "The CSC meeting is in May. CSC will write to you.") == ["CSC", "CSC"]


# --- RL202: labels for people defined in place ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "Amy lived with her mother, (KM), and her father (JT). KM rang the school and JT collected her.",
    "Child BR was seen at school. The teacher said BR was tired.",
    "Adult D moved into the flat in May.",
])
def test_a_label_for_a_person_is_not_an_acronym(linter, text):
    assert acronyms(linter, text, "chronology") == []


@pytest.mark.parametrize("text, expected", [
    ("KM rang the school and JT collected her.", ["KM", "JT"]),        # labels never defined
    ("Present: Priya Sharma (SW), Tom Gill (TM).", ["SW", "TM"]),      # roles after a name
])
def test_undefined_labels_and_roles_after_a_name_are_flagged(linter, text, expected):
    assert acronyms(linter, text, "chronology") == expected


# --- RL202: null tokens -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The mother, referred to here as NULL, has moved house. NULL's flat is on the second floor.",
    "School: XXX. Address: XXXX.",
])
def test_null_and_redaction_tokens_are_not_acronyms(linter, text):
    assert acronyms(linter, text, "assessment") == []


def test_a_real_acronym_next_to_a_null_token_is_flagged(linter):
    assert acronyms(linter, "NULL attends the PRU.", "assessment") == ["PRU"]


# --- RL202: "ACR (long form)" with the letters out of order -------------------------------------------
def test_acronym_then_long_form_with_letters_out_of_order_is_explained(linter):
    text = "She goes to KOYS (Kids Of York Swimming) on Fridays. KOYS has a summer camp."
    assert acronyms(linter, text, "visit_record") == []


def test_acronym_then_bracket_that_is_not_its_long_form_is_flagged(linter):
    assert acronyms(linter, "She goes to KOYS (on Fridays).", "visit_record") == ["KOYS"]
