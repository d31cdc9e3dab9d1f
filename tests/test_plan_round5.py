"""Issue 11, round 5: classes of plan language (RL301, RL302) seen on unseen real text. Invented
paraphrases, each with the flagged and the clean case."""
from __future__ import annotations

from conftest import findings_of

PLAN = {"plan.timescale", "plan.specific"}


def plan_findings(linter, text, doc_type="care_plan", child=None):
    return [(c, t) for c, cat, t in findings_of(linter, text, doc_type, child or {"name": "Kai"}) if cat in PLAN]


def rl301(linter, text, doc_type="supervision"):
    return [t for c, t in plan_findings(linter, text, doc_type) if c == "RL301"]


# --- frequencies and spans written in other ways are timescales --------------------------------------------
def test_a_count_with_x_is_a_frequency(linter):
    assert rl301(linter, "Actions:\n- Kai will go to the swimming club 2x per week.") == []
    assert rl301(linter, "Actions:\n- Kai will go to the swimming club 3x/week.") == []
    assert rl301(linter, "Actions:\n- Kai will go to the swimming club.") == ["Kai will go to the swimming club."]


def test_over_a_period_of_some_days_is_a_span(linter):
    assert rl301(linter, "Actions:\n- Kai will keep a sleep diary over a period of 14 days.") == []
    assert rl301(linter, "Actions:\n- Kai will keep a sleep diary over a long period.") == [
        "Kai will keep a sleep diary over a long period."]


def test_so_many_hours_a_week_is_a_frequency(linter):
    assert rl301(linter, "Actions:\n- Kai will do the agreed hours per week at the youth club.") == []
    assert rl301(linter, "Actions:\n- Kai will do the agreed hours at the youth club.") == [
        "Kai will do the agreed hours at the youth club."]
    # "a week later" places an event; it is not a frequency
    assert rl301(linter, "Actions:\n- Kai will ring Nan the day a week later than planned.") == [
        "Kai will ring Nan the day a week later than planned."]
