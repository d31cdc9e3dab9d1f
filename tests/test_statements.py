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


# --- telegraphic plan steps in running text: reported with no owner ------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Money worries affecting the family. Link the family to a food bank. Monitor closely.",
     [("RL301", "Link the family to a food bank."), ("RL302", "Link the family to a food bank."),
      ("RL301", "Monitor closely."), ("RL302", "Monitor closely.")]),
    ("Low mood reported. Closer monitoring required.",
     [("RL301", "Closer monitoring required."), ("RL302", "Closer monitoring required.")]),
    ("Sleep getting worse - extra support needed.",
     [("RL301", "Sleep getting worse - extra support needed."),
      ("RL302", "Sleep getting worse - extra support needed.")]),
    ("School visit scheduled.", [("RL301", "School visit scheduled."), ("RL302", "School visit scheduled.")]),
    ("Need to follow up urgently.", [("RL301", "Need to follow up urgently."),
                                     ("RL302", "Need to follow up urgently.")]),
    # timed, but no one named
    ("Weekly check-in needed.", [("RL302", "Weekly check-in needed.")]),
    ("Follow-up booked for Friday to check on the rent arrears.",
     [("RL302", "Follow-up booked for Friday to check on the rent arrears.")]),
    ("Daily follow-up this week.", [("RL302", "Daily follow-up this week.")]),
    ("3-week follow-up.", [("RL302", "3-week follow-up.")]),
    ("Plan to ring the school in two days.", [("RL302", "Plan to ring the school in two days.")]),
    ("Will visit Mum at home tomorrow.", [("RL302", "Will visit Mum at home tomorrow.")]),
])
def test_telegraphic_steps_are_actions(linter, text, expected):
    assert plan_findings(linter, text, "case_note") == expected


@pytest.mark.parametrize("text", [
    "No further action required.",                       # a decision, not a step
    "Mum said more help was needed with the baby.",      # someone's account
    "Referral made to the food bank last week.",         # done
    "Call from the children's home about the weekend.",  # an event named
    "Review meeting: 21/01/2026, at the family centre",  # a label
    "Contact went ahead on Saturday.",                   # narrative
    "Kelly will ring Mum on Monday. Follow-up booked for Friday.",
])
def test_not_telegraphic_steps(linter, text):
    got = plan_findings(linter, text, "case_note")
    assert all(c == "RL302" and "Follow-up booked" in t for c, t in got)
