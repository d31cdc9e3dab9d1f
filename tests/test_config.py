"""Config: discovery, extends, doc-type aliases and profiles, clear errors."""
import pytest

from recordlint import Linter
from recordlint.config import find_config, load_config
from recordlint.errors import ConfigError

FORM_NAMES = {
    "Case Note": "case_note", "Case Note - Phone Call": "case_note", "Contact Record": "case_note",
    "CLA Statutory Visit": "visit_record", "Home Visit": "visit_record", "C&F Assessment": "assessment",
    "Child and Family Assessment": "assessment", "Single Assessment": "assessment",
    "Chronology Entry": "chronology", "Supervision": "supervision",
    "Supervision - Case Direction": "supervision", "Management Oversight": "supervision",
    "Care Plan": "care_plan", "CLA Care Plan": "care_plan", "CIN Plan": "care_plan", "My Plan": "care_plan",
    "CLA Review Record": "review_record", "Child's Review": "review_record", "My Review": "review_record",
    "Pathway Plan": "pathway_plan", "Pathway Plan (16+)": "pathway_plan", "My Pathway Plan": "pathway_plan",
}


@pytest.mark.parametrize("form,doc_type", sorted(FORM_NAMES.items()))
def test_form_names_map_to_doc_types(form, doc_type):
    cfg = load_config(search=False)
    assert cfg.resolve_doc_type(form).name == doc_type
    assert cfg.resolve_doc_type("  " + form.upper().replace(" ", "   ") + " ").name == doc_type


def test_default_perspectives_follow_the_guidance():
    cfg = load_config(search=False)
    to_child = {n for n, d in cfg.doc_types.items() if d.to_child}
    assert to_child == {"care_plan", "review_record", "pathway_plan"}
    assert set(cfg.doc_types) - to_child == {"case_note", "visit_record", "assessment", "chronology", "supervision"}


def test_unknown_doc_type_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown doc type 'Referral Form'"):
        load_config(search=False).resolve_doc_type("Referral Form")


def test_config_found_from_working_directory_upwards(tmp_path, monkeypatch):
    (tmp_path / "recordlint.yaml").write_text("extends: default\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert find_config() == tmp_path / "recordlint.yaml"


def write(tmp_path, text):
    p = tmp_path / "recordlint.yaml"
    p.write_text(text)
    return p


def test_profile_disables_a_rule_and_adds_an_alias(tmp_path):
    p = write(tmp_path, "doc_types:\n  case_note:\n    aliases: [Duty Log]\n    disable: [RL102]\n")
    linter = Linter(config_path=str(p))
    assert linter.config.resolve_doc_type("duty log").name == "case_note"
    codes = [f.code for f in linter.lint("You rang and I answered.", "Duty Log")]
    assert codes == ["RL101"]


def test_severity_override_per_doc_type_and_per_rule(tmp_path):
    p = write(tmp_path, "rules:\n  first-person: {severity: error}\n"
                        "doc_types:\n  chronology:\n    severity: {RL101: info}\n")
    linter = Linter(config_path=str(p))
    assert [f.severity.name for f in linter.lint("I rang.", "case_note")] == ["error"]
    assert [f.severity.name for f in linter.lint("I rang.", "chronology")] == ["info"]


def test_extends_another_file_and_lexicon_changes(tmp_path):
    base = tmp_path / "base.yaml"
    base.write_text("lexicon:\n  jargon:\n    add:\n      - term: duty log\n        alternatives: [notes]\n"
                    "        source: local guidance\n")
    p = write(tmp_path, "extends: base.yaml\nlexicon:\n  jargon:\n    remove: [placement]\n")
    linter = Linter(config_path=str(p))
    found = [(f.code, f.text) for f in linter.lint("The duty log says the placement is fine.", "case_note")]
    assert ("RL201", "duty log") in found
    assert ("RL201", "placement") not in found


@pytest.mark.parametrize("text,problem", [
    ("rules: [unclosed", "invalid YAML"),
    ("colour: blue\n", "colour: unknown key"),
    ("rules:\n  RL999: {severity: error}\n", "rules.RL999: unknown rule code or name"),
    ("rules:\n  RL101: {severity: loud}\n", "rules.RL101.severity: unknown severity 'loud'"),
    ("doc_types:\n  case_note:\n    perspective: sideways\n", "doc_types.case_note.perspective: expected"),
    ("doc_types:\n  care_plan:\n    disable: [RL777]\n", "doc_types.care_plan.disable: unknown rule 'RL777'"),
    ("doc_types:\n  letter:\n    aliases: [Letter]\n", "doc_types.letter.perspective: missing"),
    ("extends: nowhere.yaml\n", "config file not found"),
])
def test_config_errors_name_the_file_and_the_problem(tmp_path, text, problem):
    p = write(tmp_path, text)
    with pytest.raises(ConfigError) as exc:
        Linter(config_path=str(p))
    assert problem in str(exc.value)
    assert str(tmp_path) in str(exc.value)
