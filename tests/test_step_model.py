"""The step classifier experiment's model code (benchmarks/step_model.py; models/README.md): its features, and
training that gives the same weights from the same units (no randomness)."""
import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "step_model.py"
_SPEC = importlib.util.spec_from_file_location("step_model", _PATH)
step_model = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(step_model)


def _unit(text, label, **cues):
    return {"text": text, "label": label, "doc_type": cues.get("doc_type", "care_plan"), "slot": "LineSlot",
            "order_ok": "False", "rule": 1, "kind": "modal", "owner": True, "passive": False, "vague": False,
            "clear": cues.get("clear", False), "flagged": ["RL301"]}


# invented plan lines: steps someone will take, and what the page says will happen in general
STEPS = ["Nan will book your eye test.", "Sam will ring the college about the course.",
         "Your carer will book a dentist appointment.", "Priya will ring the housing office."]
NOT_STEPS = ["Your worker will talk to you about what happens next.", "We will talk to you about the plan.",
             "Someone will talk to you about your meeting.", "Your worker will listen to you."]


def test_features_are_words_pairs_first_word_and_the_rules_cues():
    feats = step_model.features(_unit("Nan will book 2 tests.", 1))
    assert {"w=nan", "w=will", "w=0", "b=nan_will", "b=book_0", "first=nan"} <= set(feats)
    assert {"doc=care_plan", "kind=modal", "clear=False", "rule=1"} <= set(feats)
    assert not [f for f in step_model.features(_unit("Nan will book 2 tests.", 1), text_only=True)
                if f.startswith(("doc=", "kind=", "clear="))]


def test_training_is_deterministic_and_learns_the_units():
    units = [_unit(t, 1) for t in STEPS] + [_unit(t, 0) for t in NOT_STEPS]
    first, second = step_model.train(units), step_model.train(list(units))
    assert first == second
    kept = step_model.prob(first, _unit("Nan will book the appointment.", 1))
    vetoed = step_model.prob(first, _unit("Your worker will talk to you.", 0))
    assert kept > 0.5 > vetoed


def test_prf_counts_the_decisions_against_the_labels():
    assert step_model.prf([True, True, False, False], [1, 0, 1, 0]) == (0.5, 0.5, 0.5, 2)
