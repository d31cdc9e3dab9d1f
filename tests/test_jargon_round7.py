"""Jargon, round 7 (issue 11): care-system terms of other care systems and of safeguarding reviews that
published glossaries explain (RL201), with their plain senses. Texts are invented paraphrases of the
classes, never sentences of a labelled set."""
from __future__ import annotations

import pytest

from conftest import findings_of

J = "language.jargon"


def terms(linter, text, doc_type="case_note"):
    return [t for code, _, t in findings_of(linter, text, doc_type, category=J) if code == "RL201"]


# --- new sourced entries -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("The duty worker rang the school at noon.", "case_note", ["duty worker"]),
    ("A safeguarder wrote a report for the panel.", "assessment", ["safeguarder"]),
    ("The guardian ad litem met Ben at his school.", "case_note", ["guardian ad litem"]),
    ("His aunt was granted interim custody in March.", "assessment", ["interim custody"]),
    ("Safeguarding partners agreed the new procedure.", "supervision", ["Safeguarding partners"]),
    ("A rapid review was held after the injury.", "assessment", ["rapid review"]),
    ("Ella moved to a semi-independent flat.", "pathway_plan", ["semi-independent"]),
    ("The doctor thought the bruise was non-accidental.", "assessment", ["non-accidental"]),
    ("His natural mother came to the meeting.", "case_note", ["natural mother"]),
])
def test_new_care_terms_are_flagged(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


# --- "access" meaning family time (Ireland, Australia), not getting to something -------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("She had supervised access at the family centre.", "case_note", ["supervised access"]),
    ("Mum arrived early for the access visit.", "visit_record", ["access visit"]),
    ("Leo enjoys his access with his father on Saturdays.", "case_note", ["access"]),
    ("Sam needs help to access health and dental services.", "assessment", []),
    ("We will help you access your money and your friends.", "pathway_plan", []),
    ("Access to the building is by the side door.", "case_note", []),
    ("Ask your worker about access to your records and your family history.", "care_plan", []),
])
def test_access_in_its_family_time_sense_only(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected
