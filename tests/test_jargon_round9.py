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
