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


# --- "the local authority": to a child in any form; in a record about the child, the council acting for them ---
@pytest.mark.parametrize("text, doc_type, expected", [
    ("The Local Authority wrote to the school in June.", "case_note", ["The Local Authority"]),
    ("Jo lived with local authority foster carers.", "assessment", ["local authority"]),
    ("The local authority will pay your rent while you study.", "pathway_plan", ["The local authority"]),
    ("All local authorities must publish a local offer for you.", "pathway_plan", ["local authorities"]),
    ("The family moved to another local authority in May.", "chronology", []),
    ("The report made recommendations to local authorities.", "supervision", []),
    ("I worked in a local authority for six years.", "case_note", []),
])
def test_local_authority_by_perspective_and_sense(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


def test_a_shared_form_takes_the_suggestion_of_the_entry_that_applies(linter):
    case_note = [f for f in linter.lint("The Local Authority wrote to the school.", "case_note")
                 if f.code == "RL201"]
    plan = [f for f in linter.lint("The local authority will pay your rent.", "care_plan") if f.code == "RL201"]
    assert [f.suggestion for f in case_note] == ["the council / name who: the social worker, the team manager"]
    assert [f.suggestion for f in plan] == ["the council / name who: your social worker, the team manager"]


# --- RL202: a word in capitals with no vowel to say it by is read letter by letter: an acronym, even after a
# name ("Jo Bell NCC": a role, not a surname) or among words in capitals ("BRIGHT START YCS PROJECT") -----------
def acronyms(linter, text, doc_type="supervision"):
    return [t for code, _, t in findings_of(linter, text, doc_type, category=J) if code == "RL202"]


@pytest.mark.parametrize("text, expected", [
    ("Actions agreed: update the rota / Jo Bell HMW, Sam Pike DHMW", ["HMW", "DHMW"]),
    ("Newsletter to schools / BRIGHT START YCP PROJECT: a leaflet for every pupil.", ["YCP"]),
    ("Kayla SMITH was seen at home with her brother.", []),          # a surname in capitals
    ("Sam LYNCH attended the meeting with his aunt.", []),           # "y" after the first letter
    ("ANNUAL REVIEW MEETING NOTES: everyone attended.", []),          # words in capitals
])
def test_a_word_without_a_vowel_is_read_letter_by_letter(linter, text, expected):
    assert acronyms(linter, text) == expected


# --- one term, its other spellings (British and American, writers' variants) -----------------------------------
def test_other_spellings_of_a_form():
    from recordlint.lexicon import spellings
    assert spellings("behaviour support plan") == ["behaviour support plan", "behavior support plan"]
    assert spellings("contact centre") == ["contact centre", "contact center"]
    assert spellings("children’s guardian") == ["children’s guardian", "children's guardian"]
    assert spellings("Center") == ["Center", "Centre"]
    assert spellings("family time") == ["family time"]


@pytest.mark.parametrize("text, expected", [
    ("Mum and the twins met at the contact center on Friday.", ["contact center"]),
    ("The behavior support plan was agreed with the school.", ["behavior support plan"]),
    ("The shopping center was busy on Friday.", []),
])
def test_a_term_is_found_in_its_other_spelling(linter, text, expected):
    assert terms(linter, text) == expected


# --- "that is best for you" picks one of a kind; "who is a person ..." says what the kind is ------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("You can say which placement is best. You can visit a placement that is right for you first.", "care_plan",
     ["placement", "placement"]),
    ("Staff will look for the placement that is most suitable, then visit the placement with you.", "care_plan",
     ["placement", "placement"]),
    ("A safeguarder, who is a person the panel asks for advice, may visit you.", "review_record", []),
])
def test_a_relative_clause_of_choosing_does_not_explain_a_term(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type, expected", [
    ("Inspectors looked at the support for children in need and their families.", "supervision", []),
    ("Jo's child in need plan was reviewed on Monday.", "case_note", ["child in need plan"]),
])
def test_children_in_need_as_a_group_is_plain(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type, expected", [
    ("There needed to be child in care reviews every six months.", "case_note", ["child in care reviews"]),
    ("Your IRO will ring you before your child in care review.", "care_plan", ["child in care review"]),
])
def test_child_in_care_review_in_every_record(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type, expected", [
    ("No appropriate adult was there when the police spoke to Sam.", "case_note", ["appropriate adult"]),
    ("The placing social worker agreed the move with the carers.", "assessment", ["placing social worker"]),
    ("Sam needs an adult to go with him to the dentist.", "case_note", []),
])
def test_appropriate_adult_and_placing_social_worker(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type, expected", [
    ("The assessment found a strong attachment between Mia and her nan.", "assessment", ["attachment"]),
    ("We talked about her lack of attachments to adults.", "case_note", ["attachments"]),
    ("The report was sent to the school as an attachment.", "case_note", []),
    ("Please see the attachment for the dates.", "case_note", []),
])
def test_attachment_as_a_bond_not_a_file(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected
