"""Every registered rule declares examples; flagged ones fire with its code, clean ones do not.

Parametrized over whatever is registered (Python checks and YAML rule files), so a
new rule without examples, or with an example that does not behave, fails here.
"""
import re

import pytest

from recordlint import Linter
from recordlint.cli import explain_text
from recordlint.examples import doc_type_for

_LINTER = Linter(search=False)
RULES = sorted(_LINTER.ruleset.rules, key=lambda r: r.code)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_flagged_and_clean_examples(rule):
    assert any(e.flagged for e in rule.examples), f"{rule.code} has no flagged example"
    assert any(not e.flagged for e in rule.examples), f"{rule.code} has no clean example"


CASES = [(r, e) for r in RULES for e in r.examples]


@pytest.mark.parametrize("rule,example", CASES,
                         ids=[f"{r.code}-{'flagged' if e.flagged else 'clean'}-{i}"
                              for i, (r, e) in enumerate(CASES)])
def test_example_behaves(rule, example):
    doc_type = doc_type_for(_LINTER, rule, example)
    findings = _LINTER.lint(example.text, doc_type, example.child)
    codes = [f.code for f in findings]
    if example.flagged:
        assert rule.code in codes, f"{rule.code} should flag {example.text!r} ({doc_type}); got {codes}"
    else:
        assert rule.code not in codes, f"{rule.code} should not flag {example.text!r} ({doc_type})"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_an_explain_page(rule):
    page = explain_text(rule)
    assert page.startswith(f"{rule.code} {rule.name}")
    assert rule.summary, f"{rule.code} has no summary"
    assert rule.why, f"{rule.code} does not say why"
    assert "## Flagged" in page and "## Clean" in page


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_code_and_name_are_stable_identifiers(rule):
    assert re.fullmatch(r"[A-Z]+[0-9]+", rule.code), f"{rule.code}: codes look like RL201"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), \
        f"{rule.code}: name {rule.name!r} should be kebab-case (e.g. care-jargon)"


def test_readme_rule_table_is_the_generated_one():
    """README's rule table is `recordlint rules --format markdown` (ruff's generate_docs idea)."""
    from pathlib import Path

    from recordlint.cli import rules_table

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert rules_table(_LINTER.ruleset.rules) in readme
