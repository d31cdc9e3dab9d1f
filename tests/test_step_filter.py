"""The step filter experiment's code (benchmarks/train_step_filter.py; docs/step-filter.md): how reported
findings become units, the heading a unit sits under, its features, and training that gives the same weights
from the same units (no randomness). Invented sentences only."""
import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "train_step_filter.py"
_SPEC = importlib.util.spec_from_file_location("train_step_filter", _PATH)
tsf = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(tsf)


def _unit(text, label, heading="", doc_type="care_plan", codes=("RL301",)):
    return {"text": text, "label": label, "heading": heading, "doc_type": doc_type, "codes": list(codes),
            "list_item": False, "parse": ["p:modal=will"]}


# invented: steps for one child, and what a page for any child says will happen in general
STEPS = ["Nan will book your eye test.", "Sam will ring the college about the course.",
         "Your carer will book a dentist appointment.", "Priya will ring the housing office."]
NOT_STEPS = ["Your worker will talk to you about what happens next.", "We will talk to you about the plan.",
             "Someone will talk to you about your meeting.", "Your worker will listen to you."]


def test_overlapping_findings_are_one_unit_with_both_codes():
    preds = [{"code": "RL302", "start": 10, "end": 40, "category": "plan.specific"},
             {"code": "RL301", "start": 10, "end": 40, "category": "plan.timescale"},
             {"code": "RL301", "start": 50, "end": 70, "category": "plan.timescale"},
             {"code": "RL201", "start": 12, "end": 20, "category": "language.jargon"}]
    assert tsf.group_units(preds) == [{"start": 10, "end": 40, "codes": ["RL301", "RL302"]},
                                      {"start": 50, "end": 70, "codes": ["RL301"]}]


def test_the_heading_above_is_the_nearest_short_line_or_label():
    text = "Kai's plan\nKai is 9 and lives with Nan.\nWhat we agreed:\n- Nan will book the eye test.\n"
    assert tsf.heading_above(text, text.index("Nan will")) == "What we agreed"
    assert tsf.heading_above(text, text.index("Kai is")) == "Kai's plan"
    assert tsf.heading_above("Nan will book the eye test.", 0) == ""
    assert tsf.is_list_item(text, text.index("Nan will"))
    assert not tsf.is_list_item(text, text.index("Kai is"))


def test_features_by_kind():
    u = _unit("Nan will book 2 tests.", 1, heading="What we agreed")
    text = set(tsf.features(u, "text"))
    assert {"w=nan", "w=0", "b=nan_will", "first=nan", "h=agreed", "doc=care_plan", "codes=RL301"} <= text
    assert "p:modal=will" not in text
    parse = set(tsf.features(u, "parse"))
    assert "p:modal=will" in parse and "w=nan" not in parse
    assert text | parse == set(tsf.features(u, "both"))


def test_training_is_deterministic_and_learns_the_units():
    units = [_unit(t, 1) for t in STEPS] + [_unit(t, 0) for t in NOT_STEPS]
    first, second = tsf.train(units, "text", l2=1.0), tsf.train(list(units), "text", l2=1.0)
    assert first == second
    kept = tsf.prob(first, _unit("Nan will book the appointment.", 1))
    dropped = tsf.prob(first, _unit("Your worker will talk to you.", 0))
    assert kept > 0.5 > dropped
