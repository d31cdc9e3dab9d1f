"""Issue 11, plan steps on real records: classes seen in published visit reports, case-review
summaries and guidance (paraphrased, never copied from a test set). Each test has the flagged and
the clean case."""
from __future__ import annotations

from conftest import findings_of

PLAN = {"plan.timescale", "plan.specific"}


def plan_findings(linter, text, doc_type="visit_record", child=None):
    child = child if child is not None else {"name": "Kai"}
    return [(c, t) for c, cat, t in findings_of(linter, text, doc_type, child) if cat in PLAN]


def rl301(linter, text, doc_type="visit_record"):
    return [t for c, t in plan_findings(linter, text, doc_type) if c == "RL301"]


# --- a numbered recommendation: "Topic: imperative ..." ----------------------------------------------
def test_a_topic_label_before_an_imperative_step(linter):
    text = ("Recommended actions\n\n1. Housing: Arrange for a visit from the housing officer to look at the damp.\n"
            "2. School Support: Encourage attendance at the homework club.\n")
    assert rl301(linter, text) == [
        "Housing: Arrange for a visit from the housing officer to look at the damp.",
        "School Support: Encourage attendance at the homework club."]


def test_a_topic_label_before_an_observation_is_not_a_step(linter):
    text = ("Observations\n\n1. Home Conditions: The flat was warm and tidy.\n"
            "2. Mood: Kai seemed settled and chatted about football.\n")
    assert plan_findings(linter, text) == []


# --- "Recommendations include: A; B; C" ------------------------------------------------------------------
def test_an_inline_list_of_recommendations_split_at_semicolons(linter):
    text = ("Recommendations include: the partnership to review its guidance on neglect; "
            "and develop training for health visitors; consider a single referral form.")
    assert rl301(linter, text, "assessment") == [
        "the partnership to review its guidance on neglect",
        "and develop training for health visitors",
        "consider a single referral form."]


def test_an_inline_list_that_is_not_a_plan_is_not_steps(linter):
    text = ("Themes include: neglect; develop late in life; consider the family history as a whole.")
    assert rl301(linter, text, "assessment") == []
