"""Issue 11, round 9: classes of plan language (RL301, RL302) seen on real text. Invented sentences, each class
with the flagged and the clean case."""
from __future__ import annotations

from conftest import plan_findings_of, plan_texts_of


def plan_findings(linter, text, doc_type="assessment", child=None):
    return plan_findings_of(linter, text, doc_type, child)


def rl301(linter, text, doc_type="assessment"):
    return plan_texts_of(linter, text, doc_type, "RL301")


def rl302(linter, text, doc_type="assessment"):
    return plan_texts_of(linter, text, doc_type, "RL302")


# --- a lead-in that says what must change: recommendations under another name -----------------------------------
def test_items_under_what_should_change_are_recommended_steps(linter):
    decision = ("We found that the family's wishes were not recorded.\n\n"
                "What the review said needs to change:\n\n"
                "- Parents' wishes should be recorded at every planning meeting.\n"
                "- Managers should check each closing summary.\n")
    # the first names no one and has no timescale; the second names who, and has no timescale
    assert rl302(linter, decision) == ["Parents' wishes should be recorded at every planning meeting."]
    assert rl301(linter, decision) == ["Managers should check each closing summary."]
    lead = ("The audit showed the need for the following changes in practice:\n"
            "• The need for supervisors to read each chronology\n")
    assert rl301(linter, lead) == ["The need for supervisors to read each chronology"]


def test_the_same_items_with_no_such_lead_in_are_general_rules(linter):
    guidance = ("Good recording\n\n"
                "- Parents' wishes should be recorded at every planning meeting.\n"
                "- Managers should check each closing summary.\n")
    assert plan_findings(linter, guidance) == []
    # a lead-in that lists what happened is not a list of changes
    told = ("The following changes were made last year:\n"
            "• The need for supervisors to read each chronology\n")
    assert plan_findings(linter, told) == []
