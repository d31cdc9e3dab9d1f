"""Round 9, care jargon (RL201): when a term counts as explained."""
from __future__ import annotations

from test_language import jargon


# --- an explanation that follows the first use closely ---------------------------------------------
def test_explanation_in_the_next_sentence_covers_the_first_use(linter):
    text = ("Every child in care can ask for an independent visitor. "
            "An independent visitor is someone who visits you and takes you out.")
    assert jargon(linter, text, "care_plan") == []


def test_a_question_that_follows_the_first_use_explains_it(linter):
    text = ("You will have supervised contact with your dad on Monday.\nWhat is supervised contact?\n"
            "It is when a worker stays with you while you see your family.")
    assert jargon(linter, text, "care_plan") == []


def test_explanation_three_sentences_later_is_too_late(linter):
    text = ("Your placement is with Jo. Jo has a dog. You like the garden. "
            "A placement is where you live while you are in care.")
    assert jargon(linter, text, "care_plan") == [("RL201", "placement")]


# --- forms of explanation ----------------------------------------------------------------------------
def test_acronym_between_the_term_and_its_definition(linter):
    text = ("A Supervising Social Worker (SSW) is a worker who helps your foster carers. "
            "Your Supervising Social Worker visits.")
    assert jargon(linter, text, "care_plan") == []


def test_spelled_out_with_acronym_but_not_defined_is_still_jargon(linter):
    text = "Your Supervising Social Worker (SSW) visits on Friday."
    assert jargon(linter, text, "care_plan") == [("RL201", "Supervising Social Worker")]


def test_who_are_question_heading_explains(linter):
    text = "Who are Independent Visitors?\nThey are volunteers who take you out.\nYour Independent Visitor can help."
    assert jargon(linter, text, "care_plan") == []


def test_gloss_in_brackets_explains(linter):
    text = "We looked at protective factors (strengths and people that keep you safe). Protective factors help."
    assert jargon(linter, text, "assessment") == []


def test_bracket_that_is_no_gloss_does_not_explain(linter):
    text = "We looked at protective factors (for example school)."
    assert jargon(linter, text, "assessment") == [("RL201", "protective factors")]


def test_another_name_with_a_possessive_word_explains(linter):
    text = "You may live in a children's home (sometimes called Children's Residential Unit)."
    assert jargon(linter, text, "care_plan") == []


# --- "allocated": a worker or a case, not a place or money ----------------------------------------------
def test_allocated_a_worker_is_jargon(linter):
    assert jargon(linter, "In May he was allocated a new social worker.", "assessment") == [("RL201", "allocated")]


def test_allocated_a_place_or_a_home_is_plain(linter):
    assert jargon(linter, "Last year she was allocated a place at the village school.", "assessment") == []
    assert jargon(linter, "The council allocated the family a house.", "assessment") == []


# --- "called" + the term, with one word between ---------------------------------------------------------
def test_called_with_a_word_between_explains(linter):
    text = "Two people from your area (called community panel members) will meet you. The panel members are kind."
    assert jargon(linter, text, "care_plan") == []


def test_called_meaning_phoned_a_persons_placement_is_no_explanation(linter):
    assert jargon(linter, "Mum called her placement on Monday.", "case_note") == [("RL201", "placement")]


def test_a_question_about_a_named_childs_placement_is_no_explanation(linter):
    assert jargon(linter, "What is Emily's placement like?", "case_note") == [("RL201", "placement")]


# --- out-of-home care; "a term used to" as a definition ------------------------------------------------
def test_out_of_home_care_is_jargon(linter):
    assert jargon(linter, "Young people in out-of-home care can join the group.", "care_plan") == [
        ("RL201", "out-of-home care")]


def test_a_term_used_to_is_a_definition(linter):
    text = "Out-of-home care is a term used to mean living away from your parents. Out-of-home care can be with family."
    assert jargon(linter, text, "care_plan") == []


# --- "statutory" before a process, not before the law's own documents ------------------------------------
def test_statutory_before_a_process_is_jargon(linter):
    assert jargon(linter, "Dad used the statutory complaints process in March.", "assessment") == [
        ("RL201", "statutory")]


def test_statutory_guidance_is_the_law_not_jargon(linter):
    assert jargon(linter, "The council must follow the statutory guidance on reviews.", "assessment") == []


# --- "sanction": the noun, a punishment by rules ----------------------------------------------------------
def test_sanction_noun_is_jargon(linter):
    assert jargon(linter, "A sanction was given after the fight.", "case_note") == [("RL201", "sanction")]


def test_sanctioned_verb_is_plain(linter):
    assert jargon(linter, "The judge sanctioned the agreement in May.", "case_note") == []


# --- a passive participle takes no object ---------------------------------------------------------------
def test_passive_looked_after_then_a_new_clause_is_jargon(linter):
    text = "While you are looked after you will have a review every six months."
    assert jargon(linter, text, "care_plan") == [("RL201", "looked after")]


def test_active_looked_after_someone_is_plain(linter):
    assert jargon(linter, "Your aunt looked after you in the holidays.", "care_plan") == []


def test_is_then_a_verb_with_an_object_stays_plain(linter):
    assert jargon(linter, "All you need to do is contact the office.", "care_plan") == []


# --- the plain sense of 'looked after': how well a child is cared for ----------------------------------
def test_a_hyphen_joins_the_manner_word_as_a_space_does(linter):
    # 'well looked after' is already the plain sense; 'well-looked after' is the same words
    assert jargon(linter, "Your carers make sure you are well-looked after.", "care_plan") == []
    assert jargon(linter, "Your carers make sure you are well looked after.", "care_plan") == []


def test_a_hyphenated_word_outside_not_after_keeps_the_legal_status(linter):
    assert jargon(linter, "Children who are newly-looked after get a health check.", "care_plan") == \
        [("RL201", "looked after")]


def test_a_clause_of_manner_with_going_to_or_a_modal_is_the_plain_sense(linter):
    assert jargon(linter, "Your plan says how you are going to be looked after at Sam's house.",
                  "care_plan") == []
    assert jargon(linter, "We talked about how you would like to be looked after.", "care_plan") == []


def test_how_long_asks_about_time_and_keeps_the_legal_status(linter):
    assert jargon(linter, "Your plan says how long you are going to be looked after for.", "care_plan") == \
        [("RL201", "looked after")]
    assert jargon(linter, "You will be looked after until you are 18.", "care_plan") == \
        [("RL201", "looked after")]
