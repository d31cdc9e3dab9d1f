"""Jargon, round 8 (issue 11): the long tail of care-system terms as classes - court orders and proceedings by
any jurisdiction's name, care settings and roles, school and clinical terms, care verbs - each sourced and
counted use by use over the labelled sets (RL201, RL202), with their plain senses. Texts are invented
paraphrases of the classes, never sentences of a labelled set."""
from __future__ import annotations

import pytest

from conftest import findings_of

J = "language.jargon"


def terms(linter, text, doc_type="case_note", code="RL201"):
    return [t for c, _, t in findings_of(linter, text, doc_type, category=J) if c == code]


# --- court orders and proceedings by any jurisdiction's name -------------------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("The court made a Protection Order for Mia until she turns 18.", "chronology", ["Protection Order"]),
    ("Mum asked the court for a family violence order.", "case_note", ["family violence order"]),
    ("The ministry filed custody applications for both boys.", "assessment", ["custody applications"]),
    ("A guardianship order was granted to his aunt.", "assessment", ["guardianship order"]),
    ("Dad lodged an access application in May.", "case_note", ["access application"]),
    ("The council began child protection proceedings in 2021.", "assessment", ["child protection proceedings"]),
    ("There were parallel proceedings in the criminal court.", "assessment", ["parallel proceedings"]),
    ("The judge asked for a capacity assessment of the father.", "case_note", ["capacity assessment"]),
])
def test_court_orders_and_proceedings_of_any_care_system(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("The family took legal proceedings against the landlord.", "case_note"),
    ("He was a witness in the criminal proceedings last year.", "assessment"),
    ("The nurse checked the order of the tablets in the box.", "visit_record"),
    ("The shop would not take his application for a job.", "case_note"),
    ("Jo has the capacity to grow a lot this year.", "assessment"),
])
def test_plain_court_and_order_words_are_not_flagged(linter, text, doc_type):
    assert terms(linter, text, doc_type) == []
