"""recordlint init (a starter config that loads), config --show, and config validation messages."""
import re

import pytest
import yaml
from click.testing import CliRunner

from recordlint import Linter
from recordlint.cli import main
from recordlint.config import load_config
from recordlint.errors import ConfigError


def run(*args, input=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output, result.output
    return result


def test_init_writes_a_starter_that_loads_and_validates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run("init")
    assert res.exit_code == 0, res.output
    path = tmp_path / "recordlint.yaml"
    text = path.read_text()
    assert text.startswith("#") and "extends: default" in text
    for shown in ("aliases:", "lexicon:", "add:", "rule_files:", "type: sequence"):
        assert shown in text
    cfg = load_config(path)
    assert cfg.files[-1] == path.resolve() and len(cfg.files) == 2
    assert run("config").exit_code == 0  # found from the working directory, rules and all


def test_init_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "team.yaml"
    path.write_text("extends: default\n# ours\n")
    res = run("init", path)
    assert res.exit_code == 2
    assert "already exists" in res.stderr and "--force" in res.stderr
    assert path.read_text() == "extends: default\n# ours\n"
    assert run("init", path, "--force").exit_code == 0
    assert "extends: default" in path.read_text() and "# ours" not in path.read_text()


def uncomment_starter(tmp_path):
    """Switch on every commented example of the starter, and write the example rule file."""
    assert run("init", tmp_path / "recordlint.yaml").exit_code == 0
    lines = (tmp_path / "recordlint.yaml").read_text().splitlines()
    marker = next(i for i, line in enumerate(lines) if "could hold (without" in line)
    config, in_block = [], False
    for line in lines[:marker]:
        in_block = bool(re.match(r"#[^ #]", line)) or (in_block and line.startswith("#"))
        config.append(line[1:] if in_block else line)
    rules = [line[2:] for line in lines[marker + 1:] if line.startswith("# ")]
    (tmp_path / "recordlint.yaml").write_text("\n".join(config) + "\n")
    (tmp_path / "local-rules.yaml").write_text("\n".join(rules) + "\n")
    return tmp_path / "recordlint.yaml"


def test_starter_examples_work_when_switched_on(tmp_path):
    path = uncomment_starter(tmp_path)
    linter = Linter(config_path=str(path))
    cfg = linter.config
    assert cfg.resolve_doc_type("duty contact").name == "case_note"
    assert cfg.resolve_doc_type("Care Plan").name == "care_plan"  # default aliases are kept
    found = {(f.code, f.text) for f in linter.lint("Kayla was seen alone before the TAF meeting.",
                                                    "Duty Contact")}
    assert ("RL201", "TAF meeting") in found and ("LOC001", "was seen alone") in found
    rl211 = [f for f in linter.lint("Tyler refused to go to school.", "case_note") if f.code == "RL211"]
    assert rl211 and rl211[0].severity.name == "error"


def test_config_show_prints_the_merged_config_as_standalone_yaml(tmp_path):
    path = uncomment_starter(tmp_path)
    res = run("config", "--show", "--config", path)
    assert res.exit_code == 0, res.output
    assert str(path) in res.stdout  # the files it was merged from, in a comment
    data = yaml.safe_load(res.stdout)
    assert data["extends"] == "none"
    assert "Duty Contact" in data["doc_types"]["case_note"]["aliases"]
    assert "CLA Statutory Visit" in data["doc_types"]["visit_record"]["aliases"]
    assert any(e["term"] == "TAF" for e in data["lexicon"]["jargon"]["add"])
    assert data["rules"]["RL211"]["severity"] == "error"
    assert any(p.endswith("local-rules.yaml") for p in data["rule_files"])
    # Saved, the output is a config in its own right with the same effect.
    saved = tmp_path / "elsewhere" / "effective.yaml"
    saved.parent.mkdir()
    saved.write_text(res.stdout)
    again = load_config(saved)
    original = load_config(path)
    assert again.doc_types == original.doc_types and again.rules == original.rules
    assert again.rule_files == original.rule_files and again.lexicon == original.lexicon


def test_config_show_of_the_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run("config", "--show")
    assert res.exit_code == 0
    data = yaml.safe_load(res.stdout)
    assert set(data["doc_types"]) >= {"case_note", "care_plan", "pathway_plan"}
    assert data["default_doc_type"] == "case_note"


def test_config_command_reports_errors_in_one_line(tmp_path):
    bad = tmp_path / "recordlint.yaml"
    bad.write_text("doc_types:\n  case_note:\n    aliases: Duty Contact\n")
    res = run("config", "--show", "--config", bad)
    assert res.exit_code == 2
    assert res.stderr.strip() == (f"recordlint: error: {bad.resolve()}: doc_types.case_note.aliases: "
                                  "expected a list of strings")


@pytest.mark.parametrize("text,keypath,expected", [
    ("- a\n- b\n", None, "expected a mapping of settings at the top level"),
    ("colour: blue\n", "colour", "unknown key (expected one of:"),
    ("extends: [default]\n", "extends", "expected 'default', 'none' or a file path"),
    ("model: 3\n", "model", "expected a model package name or a list of names"),
    ("default_doc_type: 7\n", "default_doc_type", "expected a doc type name"),
    ("default_doc_type: letter\n", "default_doc_type", "unknown doc type 'letter'"),
    ("rule_files: local.yaml\n", "rule_files", "expected a list of file paths"),
    ("doc_types: [case_note]\n", "doc_types", "expected a mapping of doc type name to profile"),
    ("doc_types:\n  case_note: yes\n", "doc_types.case_note", "expected a mapping"),
    ("doc_types:\n  case_note:\n    colour: 1\n", "doc_types.case_note.colour", "unknown key"),
    ("doc_types:\n  case_note:\n    perspective: first\n", "doc_types.case_note.perspective",
     "expected third_person or to_child"),
    ("doc_types:\n  case_note:\n    description: [a]\n", "doc_types.case_note.description", "expected a string"),
    ("doc_types:\n  case_note:\n    disable: RL101\n", "doc_types.case_note.disable", "expected a list of strings"),
    ("doc_types:\n  case_note:\n    severity: error\n", "doc_types.case_note.severity",
     "expected a mapping of rule code to severity"),
    ("doc_types:\n  case_note:\n    severity: {RL101: loud}\n", "doc_types.case_note.severity.RL101",
     "unknown severity 'loud'"),
    ("doc_types:\n  case_note:\n    aliases: [Care Plan]\n", "doc_types.",
     "'Care Plan' already names doc type"),
    ("doc_types:\n  letter:\n    aliases: [Letter]\n", "doc_types.letter.perspective", "missing"),
    ("rules: [RL101]\n", "rules", "expected a mapping of rule code to settings"),
    ("rules:\n  RL101: error\n", "rules.RL101", "expected a mapping (severity, enabled, doc_types, options)"),
    ("rules:\n  RL101: {severity: loud}\n", "rules.RL101.severity", "unknown severity 'loud'"),
    ("rules:\n  RL101: {enabled: 'no'}\n", "rules.RL101.enabled", "expected true or false"),
    ("rules:\n  RL101: {doc_types: care_plan}\n", "rules.RL101.doc_types", "expected a list of doc type names"),
    ("rules:\n  RL101: {doc_types: [letter]}\n", "rules.RL101.doc_types", "unknown doc type 'letter'"),
    ("lexicon: [jargon]\n", "lexicon", "expected a mapping of lexicon name to add/remove"),
    ("lexicon:\n  jargon: [TAF]\n", "lexicon.jargon", "expected a mapping with 'add' and/or 'remove'"),
    ("lexicon:\n  jargon:\n    plus: []\n", "lexicon.jargon.plus", "unknown key (expected add or remove)"),
    ("lexicon:\n  jargon:\n    add: TAF\n", "lexicon.jargon.add", "expected a list of entries"),
    ("lexicon:\n  jargon:\n    add: [TAF]\n", "lexicon.jargon.add[0]", "expected a mapping with at least 'term'"),
    ("lexicon:\n  jargon:\n    add: [{term: TAF, meaning: x}]\n", "lexicon.jargon.add[0].meaning",
     "unknown key (expected one of:"),
    ("lexicon:\n  jargon:\n    add: [{term: TAF, alternatives: {a: b}}]\n",
     "lexicon.jargon.add[0].alternatives", "expected a word or a list of words"),
    ("lexicon:\n  jargon:\n    remove: placement\n", "lexicon.jargon.remove", "expected a list of terms"),
])
def test_every_key_is_validated_with_file_keypath_and_expectation(tmp_path, text, keypath, expected):
    path = tmp_path / "recordlint.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    message = str(exc.value)
    assert message.startswith(str(path.resolve()) + ":")
    if keypath:
        assert f": {keypath}" in message
    assert expected in message
    assert "\n" not in message


def test_errors_in_an_extended_file_name_that_file(tmp_path):
    (tmp_path / "base.yaml").write_text("rules:\n  RL101: {enabled: maybe}\n")
    path = tmp_path / "recordlint.yaml"
    path.write_text("extends: base.yaml\n")
    with pytest.raises(ConfigError, match=re.escape(str(tmp_path / "base.yaml")) + ": rules.RL101.enabled"):
        load_config(path)
