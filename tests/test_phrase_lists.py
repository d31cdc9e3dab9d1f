"""Knowledge lists are YAML, written once each, and a council tunes them (issue 10).

Speech verbs (rules/phrases/speech.yaml), people words (people.yaml) and conditional openings
(planning.yaml) are read by several rules: each list lives under one key, and
``phrases:`` in recordlint.yaml changes what every reader finds.
"""
import ast
import re
from pathlib import Path

import pytest

from recordlint import Linter
from recordlint.errors import ConfigError
from recordlint.phrases import base_forms, load_phrases, planning_phrases

ROOT = Path(__file__).resolve().parent.parent


def _linter(tmp_path, body: str) -> Linter:
    path = tmp_path / "recordlint.yaml"
    path.write_text("extends: default\n" + body)
    return Linter(config_path=str(path))


def _found(linter, text, doc_type, child=None):
    return [(f.code, text[f.start:f.end] if f.start is not None else None)
            for f in linter.lint(text, doc_type, child)]


# --- a council's changes reach every reader ------------------------------------------------------
CASES = [
    # speech.yaml speech_verbs, read by speech.py: the words after "said:" are the child's own
    ("speech:\n    speech_verbs: {remove: [said]}", "Kayla said: I hate school.", "visit_record",
     {"name": "Kayla"}, [], [("RL101", "I"), ("RL401", None)]),
    ("speech:\n    speech_verbs: {add: [yelled]}", "Kayla yelled: I hate school.", "visit_record",
     {"name": "Kayla"}, [("RL101", "I"), ("RL401", None)], []),
    # ... and by action detection: a step inside what someone said is not a plan step
    ("speech:\n    speech_verbs: {remove: [explained]}", "Actions:\n- Mum explained she will call the school.",
     "supervision", None, [], [("RL301", "Mum explained she will call the school.")]),
    # speech.yaml own_voice_headings: a pasted section in the child's own words
    ("speech:\n    own_voice_headings: {add: [my thoughts]}", "Visit to Kayla.\n\nMy thoughts:\nI want to go home.\n",
     "visit_record", {"name": "Kayla"}, [("RL101", "My"), ("RL101", "I"), ("RL401", None)], [("RL101", "My")]),
    # people.yaml, read by RL401: "She" after the tutor may be the tutor, not the child
    ("people:\n    neutral_people: {remove: [tutor]}", "Kayla showed her tutor a drawing. She said she likes art.",
     "visit_record", {"name": "Kayla", "pronouns": "she/her"}, [("RL401", None)], []),
    ("people:\n    neutral_people: {add: [caseworker]}",
     "Kayla showed her caseworker a drawing. She said she likes art.",
     "visit_record", {"name": "Kayla", "pronouns": "she/her"}, [], [("RL401", None)]),
    # ... and by RL103: "She" after "your nan" is Nan, not the child
    ("people:\n    female_people: {remove: [nan]}", "You live with your nan. She takes you to school.", "care_plan",
     {"pronouns": "she/her"}, [("RL303", None), ("RL401", None)], [("RL103", "She"), ("RL303", None), ("RL401", None)]),
    ("people:\n    female_people: {add: [nonna]}", "You live with your nonna. She takes you to school.", "care_plan",
     {"pronouns": "she/her"}, [("RL103", "She"), ("RL303", None), ("RL401", None)], [("RL303", None), ("RL401", None)]),
    # people.yaml family_titles, read by RL202: a word in capitals after one is not a surname
    ("people:\n    family_titles: {add: [sister]}", "Kayla spoke to Sister PATEL on the ward.", "case_note", None,
     [], [("RL202", "PATEL")]),
    # person.yaml redaction_labels, read by RL101: "Cousin I" is a redacted name, not "I"
    ("person:\n    redaction_labels: {add: [cousin]}", "Cousin I went to the park with Kayla.", "visit_record",
     {"name": "Kayla"}, [("RL101", "I"), ("RL401", None)], [("RL401", None)]),
    # people.yaml and speech.yaml, read by RL212 too: a judgement of a person, not in someone's account
    ("people:\n    female_people: {remove: [mum]}", "Her mum was drunk.", "case_note", None,
     [("RL212", "drunk")], []),
    ("speech:\n    speech_verbs: {remove: [said]}", "Kai said that his dad was drunk.", "case_note", None,
     [], [("RL212", "drunk")]),
    # planning.yaml conditional_openings, read by RL301/RL302: a back-up step is not checked
    ("planning:\n    conditional_openings: {remove: [unless]}", "Actions:\n- Unless Mum objects, Jo will visit Kai.",
     "supervision", None, [], [("RL301", "Unless Mum objects, Jo will visit Kai.")]),
]


@pytest.mark.parametrize("change,text,doc_type,child,before,after", CASES)
def test_a_councils_phrase_change_changes_the_finding(tmp_path, linter, change, text, doc_type, child, before, after):
    assert _found(linter, text, doc_type, child) == before
    tuned = _linter(tmp_path, "phrases:\n  " + change + "\n")
    assert _found(tuned, text, doc_type, child) == after


def test_narrative_verbs_decide_which_sentences_may_be_steps(tmp_path):
    from recordlint.checks.units import _early_to

    text = "Kai plans to visit his nan."
    assert _early_to(planning_phrases(), text)   # "Social worker to visit": may be a step
    tuned = _linter(tmp_path, "phrases:\n  planning:\n    narrative_verbs: {add: [plans]}\n")
    assert not _early_to(planning_phrases(tuned.config), text)
    # the speech verbs count as narrative too, from speech.yaml
    assert not _early_to(planning_phrases(), "Kai wrote to ask his nan.")
    tuned = _linter(tmp_path, "phrases:\n  speech:\n    speech_verbs: {remove: [wrote]}\n")
    assert _early_to(planning_phrases(tuned.config), "Kai wrote to ask his nan.")


def test_compiled_lists_are_built_once_per_set_of_changes(tmp_path):
    assert planning_phrases() is planning_phrases()
    tuned = _linter(tmp_path, "phrases:\n  speech:\n    speech_verbs: {add: [yelled]}\n")
    assert planning_phrases(tuned.config) is not planning_phrases()
    assert "yelled" in planning_phrases(tuned.config).reporting_forms


@pytest.mark.parametrize("body,message", [
    ("phrases:\n  speach:\n    speech_verbs: {add: [x]}\n", "phrases.speach: unknown phrase file"),
    ("phrases:\n  speech:\n    speech_verb: {add: [x]}\n", "phrases.speech.speech_verb: unknown list"),
    ("phrases:\n  people:\n    other_people: {add: [x]}\n", "phrases.people.other_people: unknown list"),
    ("phrases:\n  people:\n    female_people: {add: x}\n", "phrases.people.female_people.add: expected a list"),
])
def test_bad_changes_to_the_new_files_are_one_line_errors(tmp_path, body, message):
    with pytest.raises(ConfigError, match=message) as err:
        _linter(tmp_path, body)
    assert "\n" not in str(err.value)


# --- every list is written once ------------------------------------------------------------------
def _words(name: str, key: str) -> set[str]:
    return {str(w).lower() for w in load_phrases(f"phrases/{name}.yaml")[key]}


def test_lists_read_together_do_not_repeat_each_other():
    speech = _words("speech", "speech_verbs")
    assert not speech & _words("voice", "voice_verbs")                  # RL401 reads both
    assert not speech & _words("planning", "narrative_verbs")           # units.py reads both
    assert not {b for f in speech for b in base_forms(f)} & _words("planning", "reporting_verbs")
    assert not _words("speech", "own_voice_headings") & _words("voice", "view_headings")
    assert not _words("planning", "conditional_openings") & _words("planning", "contingency_conditions")
    people = [_words("people", k) for k in ("female_people", "male_people", "neutral_people", "plural_people")]
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            assert not a & b
    assert "other_people" not in load_phrases("phrases/voice.yaml")   # people.yaml's, not a copy
    # RL212 reads people.yaml and speech.yaml too: blaming.yaml holds only the other words
    assert not _words("blaming", "more_people") & set().union(*people)
    assert not _words("blaming", "account_verbs") & speech
    assert {"people", "speech_verbs"}.isdisjoint(load_phrases("phrases/blaming.yaml"))


def _literal_words(node) -> set[str] | None:
    """The words of a set, list, tuple or dict of strings, or of a regex alternation."""
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        items = node.elts
    elif isinstance(node, ast.Dict):
        items = node.keys
    elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
        return set(re.findall(r"[a-z]+", node.value.lower()))
    else:
        return None
    return {e.value.lower() for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)}


@pytest.mark.parametrize("name,key", [
    ("speech", "speech_verbs"), ("speech", "own_voice_headings"), ("people", "female_people"),
    ("people", "male_people"), ("people", "neutral_people"), ("people", "plural_people"),
    ("people", "place_words"), ("people", "family_titles"), ("planning", "narrative_verbs"),
    ("planning", "reporting_verbs"), ("person", "greetings"),
    ("person", "redaction_labels"), ("person", "children_services"), ("person", "child_processes"),
])
def test_no_copy_of_a_list_in_python(name, key):
    """No set, tuple, dict or regex in recordlint/ holds four or more words of the list (a copy
    of it). Three may be grammar: the irregular past tenses said, told, wrote."""
    words = set()
    for phrase in _words(name, key):
        words.update(phrase.split()) if key == "own_voice_headings" else words.add(phrase)
    if key == "own_voice_headings":
        words -= {"my", "in", "i", "what", "and", "own"}
    copies = []
    for path in sorted((ROOT / "recordlint").rglob("*.py")):
        if path.name == "blaming.py" or path.relative_to(ROOT).as_posix() == "recordlint/fixes/grammar.py":
            continue   # blaming.yaml's own lists (RL212); English irregular past tenses (grammar)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found = _literal_words(node)
            if found is not None and len(found & words) >= 4:
                copies.append(f"{path.relative_to(ROOT)}:{node.lineno} {sorted(found & words)}")
    assert copies == []
