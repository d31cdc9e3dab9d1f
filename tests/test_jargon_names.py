"""Names, placeholders and identifiers that look like acronyms or pronouns (issue 11, round 4): the child's
name from the record's `child` field, redacted names in any case, template placeholders, reference numbers
and statute sections (RL202, RL101, RL102). Texts are invented paraphrases of the classes, never sentences
of a test set."""
from __future__ import annotations

import pytest

from conftest import findings_of


def codes(linter, text, doc_type="chronology", child=None, code=None):
    return [t for _, _, t in findings_of(linter, text, doc_type, child, code=code)]


# --- the child's name from the record's `child` field --------------------------------------------------
def test_the_childs_initials_from_the_child_field_are_a_name_not_an_acronym(linter):
    text = "KT was found at the park by a neighbour. The hospital kept KT in overnight."
    assert codes(linter, text, child={"name": "KT"}, code="RL202") == []


def test_the_same_initials_without_a_child_field_are_flagged(linter):
    text = "KT was found at the park by a neighbour. The hospital kept KT in overnight."
    assert codes(linter, text, code="RL202") == ["KT", "KT"]


def test_other_acronyms_in_a_record_with_a_name_in_initials_are_flagged(linter):
    text = "KT was found at the park. The PRU rang KT's mother."
    assert codes(linter, text, child={"name": "KT"}, code="RL202") == ["PRU"]


@pytest.mark.parametrize("text, child", [
    ("In May child I moved to her aunt's flat. Child I started nursery in June.", None),
    ("In May child I moved to her aunt's flat with her mother.", {"name": "Child I"}),
])
def test_a_redacted_name_in_small_letters_is_not_first_person(linter, text, child):
    assert codes(linter, text, child=child, code="RL101") == []


def test_the_first_person_after_a_small_child_word_is_still_flagged(linter):
    # no "Child I" anywhere and no such name given: "the child I met" is the author
    assert codes(linter, "The child I met at school was tired.", code="RL101") == ["I"]


def test_the_author_is_still_first_person_in_a_record_about_child_i(linter):
    text = "Child I moved in May. I visited child I at home and I saw her room."
    assert codes(linter, text, code="RL101") == ["I", "I"]


# --- template placeholders in square brackets ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The team at [Your Organisation Name] meets every Monday to plan visits.",
    "Signed: [Your Name]\nRole: [Your Job Title]",
    "Referral from [My Team] to the school nurse.",
])
def test_a_template_placeholder_is_not_a_pronoun(linter, text):
    assert [c for c, _, _ in findings_of(linter, text, "supervision") if c in ("RL101", "RL102")] == []


@pytest.mark.parametrize("text, expected", [
    ("The team at your organisation meets every Monday.", ["your"]),
    ("Signed: [your signature here]", ["your"]),   # not a template's capitalised blank
])
def test_you_outside_a_capitalised_placeholder_is_still_second_person(linter, text, expected):
    assert codes(linter, text, "supervision", code="RL102") == expected


def test_a_capitalised_placeholder_is_not_an_acronym(linter):
    assert codes(linter, "The visit was made by [SW Name] on Monday.", "visit_record", code="RL202") == []


# --- an acronym introduced with "sometimes called", "often called", "we call it" -----------------------
@pytest.mark.parametrize("text", [
    "This leaflet is about Family Support plans (sometimes called FS plans). Your FS plan is reviewed.",
    "You will meet an Independent Reviewing Officer (often called an IRO). The IRO chairs the meeting.",
    "You have a Personal Education Plan, which is also called a PEP, and the PEP is checked each term.",
    "Your Personal Adviser (we call it your PA) will ring you. Your PA is Sam.",
])
def test_an_acronym_introduced_as_the_name_of_its_long_form_is_explained(linter, text):
    assert codes(linter, text, "care_plan", code="RL202") == []


@pytest.mark.parametrize("text, expected", [
    # the words before "sometimes called" do not spell it: still unexplained
    ("The worker (sometimes called the IRO) will visit. The IRO is kind.", ["IRO", "IRO"]),
    ("Your FS plan is reviewed every month.", ["FS"]),
])
def test_a_name_that_does_not_spell_the_acronym_explains_nothing(linter, text, expected):
    assert codes(linter, text, "care_plan", code="RL202") == expected


# --- reference numbers and statute sections --------------------------------------------------------------
def test_the_letters_of_a_reference_number_name_a_records_system(linter):
    text = ("Referral logged as RMS/2604/118 on Monday.\nRMS Actions\n- Case ID: RMS/2604/119\n"
            "- Check the RMS entry again.")
    assert codes(linter, text, "case_note", code="RL202") == []


def test_an_acronym_that_never_prefixes_a_reference_number_is_flagged(linter):
    assert codes(linter, "Check the RMS entry again.", "case_note", code="RL202") == ["RMS"]


def test_a_care_acronym_is_flagged_outside_its_reference_number(linter):
    # the reference "LAC/2026/004" is a number; "LAC" in a sentence still needs spelling out
    text = "File LAC/2026/004 was closed. Kayla has been LAC since May."
    assert codes(linter, text, "case_note", code="RL202") == ["LAC"]


@pytest.mark.parametrize("text", [
    "The case was opened under S.13 of the Trafficking Act.",
    "Under s.96 of the Housing Act the family were rehoused.",
])
def test_a_section_the_lexicon_does_not_list_is_a_reference_not_an_acronym(linter, text):
    assert codes(linter, text, "case_note", code="RL202") == []


@pytest.mark.parametrize("text, expected", [
    ("S47 enquiries started on Monday.", ["S47"]),
    ("She was accommodated under s.20 in May.", ["s.20"]),
])
def test_sections_the_lexicon_lists_are_still_flagged(linter, text, expected):
    assert codes(linter, text, "case_note", code="RL202") == expected


# --- an ordinary word in capitals for emphasis ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "When it is SAFE to do so, ring your nan.",
    "Stay CALM and go to your room.",
])
def test_an_ordinary_word_in_capitals_is_emphasis_not_an_acronym(linter, text):
    assert codes(linter, text, "care_plan", code="RL202") == []


@pytest.mark.parametrize("text, expected", [
    ("You get SEND support at school.", ["SEND"]),          # a care acronym that spells a word (lexicon)
    ("Please keep the targets SMART.", ["SMART"]),          # a method's name, alone
    ("The TRAX worker rang on Monday.", ["TRAX"]),           # not a dictionary word
])
def test_acronyms_that_are_not_ordinary_words_or_are_listed_are_still_flagged(linter, text, expected):
    assert codes(linter, text, "care_plan", code="RL202") == expected


# --- capitals joined by a small linking word ---------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The team went through the SofS paperwork with Dad.", ["SofS"]),
    ("The team used Signs of Safety (SofS) mapping. SofS meetings are monthly.", []),   # spelled out first
    ("She goes to St Anne's CofE Primary and is doing her DofE award.", []),             # everyday (school)
    ("He bought a new iPhone and watched McDonald on YouTube.", []),                     # not linked capitals
])
def test_capitals_joined_by_a_linking_word_are_an_acronym(linter, text, expected):
    assert codes(linter, text, "chronology", code="RL202") == expected


# --- a bracket after an acronym explains it only when it says what it is -----------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Your YOT (the team who helps young people in trouble) will ring you.", []),
    ("Your PEP (your plan for school) is checked each term.", []),
    ("The worker began the session with YP (the reason for the visit) while Mum waited.", ["YP"]),
])
def test_a_bracket_that_does_not_say_what_the_acronym_is_explains_nothing(linter, text, expected):
    assert codes(linter, text, "care_plan", code="RL202") == expected


# --- a code with a capital before its digits ("CS-A114") is a reference too --------------------------------
@pytest.mark.parametrize("text, expected", [
    ("KR-B12 ran away from the home twice. Police found KR-B12 and KR-C7 in town.", []),
    ("KR-B12 ran away twice. The KR team met on Friday.", []),
    ("The KR team met on Friday to talk about the boys.", ["KR"]),
    ("The KR-BX team met on Friday.", ["KR", "BX"]),
])
def test_a_code_with_a_letter_before_its_digits_is_a_reference(linter, text, expected):
    assert codes(linter, text, "chronology", code="RL202") == expected


# --- a plural acronym named after its plural long form -----------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("People may hear Personal Advisers being called PAs. Your PA will ring you. Ask your PA.", []),
    ("Personal Advisers (PAs) help you after care. Your PA will ring you.", []),
    ("Personal Advisers, sometimes called PAs, help you. Your PA will ring you.", []),
    ("People may hear workers being called PAs. Your PA will ring you.", ["PAs", "PA"]),
    ("Your PAs will ring you. Ask your PA.", ["PAs", "PA"]),
])
def test_a_plural_acronym_named_after_its_plural_long_form_is_explained(linter, text, expected):
    assert codes(linter, text, "pathway_plan", code="RL202") == expected


# --- capitalised words before a bracket that begin the acronym ---------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The board heard about the Draft Family Group (FGC) report. The FGC met in May.", []),
    ("The board heard about the draft family group (FGC) report. The FGC met in May.", ["FGC", "FGC"]),
    ("The board heard about the Draft Family (FGC) report. The FGC met in May.", ["FGC", "FGC"]),
    ("The board heard about the Draft Group Family (FGC) report. The FGC met in May.", ["FGC", "FGC"]),
])
def test_capitalised_words_that_begin_a_bracketed_acronym_define_it(linter, text, expected):
    assert codes(linter, text, "supervision", code="RL202") == expected


# --- in a record that names people by initials, initials after "the" abbreviate a thing ----------------------
@pytest.mark.parametrize("text, expected", [
    ("Child BS lived with her father. BS and TW went to the park. Later BS told TW she was hungry.", []),
    ("Child BS lived with her father. I will read what the CX says about the injuries.", ["CX"]),
    ("Child BS lived with her father. The CX says little about the injuries.", ["CX"]),
])
def test_initials_after_the_are_not_a_person(linter, text, expected):
    assert codes(linter, text, "assessment", code="RL202") == expected


# --- an everyday acronym mistyped by one letter ------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("She was hurt during the second COVD lockdown.", []),
    ("She was hurt during the second CVDX lockdown.", ["CVDX"]),
    ("He was warned about ASB in the park.", ["ASB"]),
])
def test_an_everyday_acronym_with_a_letter_dropped_is_not_a_new_acronym(linter, text, expected):
    assert codes(linter, text, "chronology", code="RL202") == expected


# --- an acronym alone on a line with a score is an acronym; words in capitals are a heading ----------------
@pytest.mark.parametrize("text, expected", [
    ("Scores from the visit:\nQXT- 14\nMood was low.", ["QXT"]),
    ("QXT 14\nMood was low.", ["QXT"]),
    ("QXT SCORES 14\nMood was low.", []),
    ("QXT\nMood was low.", []),
])
def test_an_acronym_alone_on_a_line_with_a_score_is_not_a_heading(linter, text, expected):
    assert codes(linter, text, "assessment", code="RL202") == expected
