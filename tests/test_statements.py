"""Issue 11: statements that look like plan steps are not actions (RL301, RL302), and timescales
given as ranges and event anchors count. Sentences are short paraphrases of the classes seen on
public council pages written to children (Middlesbrough, Barnsley, Lambeth 'Your care plan' pages)
and published case-study text; none is copied from a test set."""
from __future__ import annotations

import pytest

from conftest import findings_of

PLAN = {"plan.timescale", "plan.specific"}


def plan_findings(linter, text, doc_type="care_plan"):
    return [(c, t) for c, cat, t in findings_of(linter, text, doc_type) if cat in PLAN]


@pytest.mark.parametrize("text", [
    # the document or the process as subject
    "This plan will tell you where you will live.",
    "The care plan should say who looks after you.",
    "It will be reviewed.",
    "Your plan should be written in a way you understand.",
    # noun-clause list items: what the plan is about
    "The plan covers:\n- where you'll live\n- who will look after you\n- how people will keep you safe",
    # arrangements and states, not commitments
    "You will live in halls in term time.",
    "You will always have a say.",
    "You will need a bigger place when the baby comes.",
    "You will be involved in making the plan.",
    # a conclusion, a general rule
    "So many moves must have made their lives bewildering.",
    "Nobody should ever hurt me.",
    # concerns and labels, headings in capitals
    "Concerns\n- Mother struggling to cope with the children.",
    "Purpose of visit: to see Kayla and talk about school.",
    "Actions\nCARE PLAN REVIEW",
])
def test_statements_are_not_actions(linter, text):
    assert plan_findings(linter, text) == []


@pytest.mark.parametrize("text, expected", [
    # a real step with a stative-looking verb is still a step
    ("Kiera to have a dental check.", ["Kiera to have a dental check."]),
    ("When you turn 16 you will need to open a bank account.", ["When you turn 16 you will need to open a bank account."]),
    ("The school review will be chased.", ["The school review will be chased."]),
    ("Your social worker, your parents and you will decide who you live with.",
     ["Your social worker, your parents and you will decide who you live with."]),
])
def test_steps_that_look_like_statements_are_still_actions(linter, text, expected):
    assert [t for c, t in plan_findings(linter, text) if c == "RL301"] == expected


@pytest.mark.parametrize("when", [
    "every 3-6 months",
    "every 3 to 6 months",
    "before every review",
    "before the meeting",
    "upon release",
    "within the term",
    "whenever something changes",
])
def test_ranges_and_event_anchors_are_timescales(linter, when):
    text = f"Actions\n- Jo will visit you {when}."
    assert [c for c, _ in plan_findings(linter, text)] == []


def test_next_review_without_a_date_is_still_vague(linter):
    text = "Actions\n- Jo will visit you before the next review."
    assert [c for c, _ in plan_findings(linter, text)] == ["RL301"]
