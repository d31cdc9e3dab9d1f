"""Round 8 person classes (RL103) in records written to the child: who a pronoun object can mean,
the child written about as "the student", "the pupil" or "baby". Invented sentences."""
from __future__ import annotations

import pytest

from conftest import findings_of

KAI = {"name": "Kai", "pronouns": "he/him"}


def third(linter, text, doc_type="care_plan", child=KAI):
    return [t for _, _, t in findings_of(linter, text, doc_type, child, category="person.third")]


# --- a pronoun object never means the subject of its own clause (binding) ---------------------------------
@pytest.mark.parametrize("text, expected", [
    # "him" is not the father, who threatens to take him: it is Kai
    ("You have moved a lot and Kai's father has threatened to take him from school.", ["Kai", "him"]),
    ("Kai's dad talked with him about the move.", ["Kai", "him"]),
])
def test_an_object_pronoun_skips_its_own_clauses_subject(linter, text, expected):
    assert third(linter, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("You will see Dad on Saturdays. Dad said he will bring his dog with him.", []),   # him: Dad
    ("Your uncle Tom rang. Tom said Kai could stay with him at half term.", ["Kai"]),   # him: Tom, not Kai
])
def test_an_object_pronoun_still_means_someone_else_when_the_text_says_so(linter, text, expected):
    assert third(linter, text, "review_record") == expected


# --- the child as "the student", "the pupil" or bare "baby" -----------------------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("The school will give the student a laptop so the student can work at home.", "care_plan",
     ["the student", "the student"]),
    ("The pupil will have a quiet room at lunch.", "review_record", ["The pupil"]),
    ("Baby xxxx is looked after by foster carers. Mum agrees to live at the placement with baby.", "care_plan",
     ["Baby", "baby"]),
])
def test_the_child_as_student_pupil_or_baby_is_third_person(linter, text, doc_type, expected):
    assert third(linter, text, doc_type, child={}) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("You had all your baby jabs on time.", "care_plan"),
    ("Ben will take you to look at mother-and-baby flats by 31 March.", "pathway_plan"),
    ("Mum is expecting a baby in June and the baby will live with her.", "review_record"),   # a sibling to be
    ("You will take baby to the clinic every week.", "pathway_plan"),   # a young parent's own baby
])
def test_a_baby_that_is_not_the_child_is_clean(linter, text, doc_type):
    assert third(linter, text, doc_type, child={}) == []


def test_the_student_as_the_first_word_of_a_thing_is_clean(linter):
    assert third(linter, "Your adviser will help you apply to the student loan company by May.", "pathway_plan",
                 child={}) == []
