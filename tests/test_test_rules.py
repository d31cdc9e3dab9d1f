"""`recordlint test-rules` runs a council's own rule examples (issue 10)."""
from click.testing import CliRunner

from recordlint.cli import main

RULE_FILE = """
- code: LOC1
  name: local-duty-log
  type: existence
  category: language.jargon
  message: "'duty log' is our system's word: say what happened"
  tokens: [duty log]
  examples:
    flagged: ["Entered on the duty log."]
    clean: ["{clean}"]
"""


def _config(tmp_path, clean: str):
    (tmp_path / "local.yaml").write_text(RULE_FILE.replace("{clean}", clean))
    cfg = tmp_path / "recordlint.yaml"
    cfg.write_text("extends: default\nrule_files: [local.yaml]\n")
    return str(cfg)


def test_passing_examples_exit_0(tmp_path):
    result = CliRunner().invoke(main, ["test-rules", "--config", _config(tmp_path, "Mum rang the office."),
                                       "--select", "LOC1"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "2 passed, 0 failed (1 rules)"


def test_a_clean_example_that_fires_fails_with_exit_1(tmp_path):
    result = CliRunner().invoke(main, ["test-rules", "--config", _config(tmp_path, "Checked the duty log."),
                                       "--select", "local-duty-log"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0] == "FAIL LOC1 should not flag (case_note): 'Checked the duty log.'; found: LOC1"
    assert lines[-1] == "1 passed, 1 failed (1 rules)"


def test_all_bundled_rules_pass(tmp_path):
    result = CliRunner().invoke(main, ["test-rules", "--config", _config(tmp_path, "Mum rang the office.")])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("failed (14 rules)") and " 0 failed" in result.output
