"""recordlint.yaml adds and removes phrases the way it does lexicon entries (issue 10)."""
import pytest

from recordlint import Linter
from recordlint.errors import ConfigError

TEXT = "Actions:\n- Staff to monitor Connor's whereabouts by 30/04/2026."


def _linter(tmp_path, body: str) -> Linter:
    path = tmp_path / "recordlint.yaml"
    path.write_text("extends: default\n" + body)
    return Linter(config_path=str(path))


def test_removing_a_vague_verb_makes_the_action_specific(tmp_path, linter):
    assert [f.code for f in linter.lint(TEXT, "supervision")] == ["RL302"]
    tuned = _linter(tmp_path, "phrases:\n  planning:\n    vague_verbs: {remove: [monitor]}\n")
    assert [f.code for f in tuned.lint(TEXT, "supervision")] == []


def test_adding_a_vague_timescale_flags_it(tmp_path, linter):
    text = "Actions:\n- Jo will book a dental check-up for Kai by the by."
    assert [f.code for f in linter.lint(text, "supervision")] == ["RL301"]
    tuned = _linter(tmp_path, "phrases:\n  planning:\n    vague_timescales: {add: [by the by]}\n")
    found = tuned.lint(text, "supervision")
    assert [f.code for f in found] == ["RL301"]
    assert "vague timescale (\"by the by\")" in found[0].message


@pytest.mark.parametrize("body,message", [
    ("phrases:\n  planing:\n    vague_verbs: {add: [x]}\n", "phrases.planing: unknown phrase file"),
    ("phrases:\n  planning:\n    vague_verbz: {add: [x]}\n", "phrases.planning.vague_verbz: unknown list"),
    ("phrases:\n  planning:\n    vague_verbs: {plus: [x]}\n", "phrases.planning.vague_verbs.plus: unknown key"),
    ("phrases:\n  planning:\n    vague_verbs: {add: x}\n", "phrases.planning.vague_verbs.add: expected a list"),
])
def test_bad_phrase_changes_are_one_line_errors(tmp_path, body, message):
    with pytest.raises(ConfigError, match=message):
        _linter(tmp_path, body)
