"""Rules without code: existence, substitution, sequence, occurrence; load-time validation."""
import textwrap

import pytest
import spacy
from click.testing import CliRunner

from recordlint import Linter
from recordlint.config import load_config
from recordlint.registry import build_ruleset
from recordlint.cli import explain_text, main
from recordlint.errors import ConfigError


def setup_config(tmp_path, rules: str, extra: str = "") -> str:
    (tmp_path / "local-rules.yaml").write_text(textwrap.dedent(rules))
    cfg = tmp_path / "recordlint.yaml"
    cfg.write_text("extends: default\nrule_files: [local-rules.yaml]\n" + textwrap.dedent(extra))
    return str(cfg)


SEQUENCE = """\
- code: LOC001
  name: seen-alone-passive
  type: sequence
  category: language.jargon
  severity: info
  message: "Say who saw the child and where"
  summary: The passive "was seen alone" hides who saw the child.
  why: Records name the worker.
  patterns:
    - [{LOWER: was}, {LOWER: seen}, {LOWER: {IN: [alone, "on"]}}]
  examples:
    flagged: ["Kayla was seen alone in her room."]
    clean: ["The social worker saw Kayla alone in her room."]
"""

JARGON_ADD = """\
lexicon:
  jargon:
    add:
      - term: TAF
        variants: [TAF meeting]
        alternatives: [family support meeting]
        source: local practice standards
"""


def codes(linter, text, doc_type="case_note", child=None):
    return [(f.code, f.text) for f in linter.lint(text, doc_type, child)]


def test_custom_sequence_rule_and_lexicon_term_fire(tmp_path):
    cfg = setup_config(tmp_path, SEQUENCE, JARGON_ADD)
    linter = Linter(config_path=cfg)
    found = codes(linter, "Kayla was seen alone at the TAF meeting.")
    assert ("LOC001", "was seen alone") in found
    assert ("RL201", "TAF meeting") in found
    f = next(f for f in linter.lint("Kayla was seen alone.", "case_note") if f.code == "LOC001")
    assert f.severity.name == "info" and f.category == "language.jargon"
    assert "seen" not in f.message  # messages never carry record text
    taf = next(f for f in linter.lint("The TAF is on Monday.", "case_note") if f.code == "RL201")
    assert taf.suggestion == "family support meeting" and "'TAF'" in taf.message


def test_custom_rule_through_the_cli(tmp_path, monkeypatch):
    setup_config(tmp_path, SEQUENCE, JARGON_ADD)
    monkeypatch.chdir(tmp_path)  # the nearest recordlint.yaml is picked up
    res = CliRunner().invoke(main, ["check", "-"], input="Leon was seen on his own before the TAF.")
    assert res.exit_code == 1
    assert "LOC001" in res.stdout and "RL201" in res.stdout
    res = CliRunner().invoke(main, ["explain", "LOC001"])
    assert res.exit_code == 0
    assert "Rule type: sequence" in res.stdout and "was seen alone" in res.stdout
    res = CliRunner().invoke(main, ["rules", "--doc-type", "care_plan"])
    assert "LOC001" in res.stdout


def test_sequence_with_model_attributes_needs_the_parse(tmp_path):
    cfg = setup_config(tmp_path, """\
        - code: LOC002
          name: promise-verb
          type: sequence
          category: plan.specific
          message: "Say what will be done"
          patterns:
            - [{LEMMA: support, POS: VERB}]
          examples:
            flagged: ["Mum will support Kayla."]
            clean: ["Kayla has a lot of support."]
        """)
    linter = Linter(config_path=cfg)
    rule = linter.ruleset.get("LOC002")
    assert rule.needs_model
    assert ("LOC002", "supporting") in codes(linter, "Mum is supporting Kayla with reading.")
    assert "LOC002" not in [c for c, _ in codes(linter, "Kayla has a lot of support.")]
    fast = Linter(config_path=cfg, fast=True)
    assert "LOC002" not in [c for c, _ in codes(fast, "Mum is supporting Kayla.")]


def test_existence_with_exceptions_doc_types_and_speech(tmp_path):
    cfg = setup_config(tmp_path, """\
        - code: LOC003
          name: kicked-off
          type: existence
          category: language.blaming
          message: "'{term}' labels behaviour; describe what happened"
          tokens: [kicked off, meltdown]
          exceptions: [football match kicked off]
          doc_types: [case_note, visit_record]
        """)
    linter = Linter(config_path=cfg)
    assert ("LOC003", "kicked off") in codes(linter, "Tyler kicked off at tea time.")
    assert ("LOC003", "Meltdown") in codes(linter, "Meltdown at school today.")
    assert "LOC003" not in str(codes(linter, "The football match kicked off at 3pm."))
    assert "LOC003" not in str(codes(linter, "Tyler kicked off at tea time.", "chronology"))
    assert "LOC003" not in str(codes(linter, 'Tyler said "I kicked off because I was scared".'))
    rule = linter.ruleset.get("kicked-off")
    assert rule.code == "LOC003" and rule.describe_scope() == "case_note, visit_record"


def test_substitution_swap_suggests_the_replacement(tmp_path):
    cfg = setup_config(tmp_path, """\
        - code: LOC004
          name: plain-words
          type: substitution
          category: language.jargon
          message: "Write '{suggestion}' instead of '{term}'"
          swap: {"residence": "home", "commence": "start"}
        """)
    linter = Linter(config_path=cfg)
    f = next(f for f in linter.lint("School will commence in September.", "case_note") if f.code == "LOC004")
    assert f.suggestion == "start" and f.message == "Write 'start' instead of 'commence'"


def test_occurrence_per_record_and_per_sentence(tmp_path):
    cfg = setup_config(tmp_path, """\
        - code: LOC005
          name: too-many-acronyms
          type: occurrence
          category: language.jargon
          message: "{count} acronyms (at most {max}); spell them out"
          tokens: [LAC, PEP, IRO, CIN]
          max: 2
        - code: LOC006
          name: acronym-dense-sentence
          type: occurrence
          category: language.jargon
          message: "{count} acronyms in one sentence (at most {max})"
          patterns:
            - [{IS_UPPER: true, LENGTH: {">=": 2}}]
          max: 1
          scope: sentence
        """)
    linter = Linter(config_path=cfg)
    found = linter.lint("The LAC review. The PEP is due. The IRO came. Mum is well.", "case_note")
    doc = [f for f in found if f.code == "LOC005"]
    assert len(doc) == 1 and doc[0].doc and doc[0].message == "3 acronyms (at most 2); spell them out"
    sent = [f for f in linter.lint("The LAC and PEP and IRO met. Mum came.", "case_note") if f.code == "LOC006"]
    assert len(sent) == 1 and sent[0].text == "The LAC and PEP and IRO met."
    assert sent[0].message == "3 acronyms in one sentence (at most 1)"
    assert not [f for f in linter.lint("The LAC review was fine.", "case_note") if f.code in ("LOC005", "LOC006")]


BAD = [
    ("- {code: X1, name: x, type: regex, category: language.jargon, message: m, tokens: [a]}",
     "rule X1: unknown type 'regex'"),
    ("- {code: X1, name: x, type: existence, message: m, tokens: [a]}", "rule X1: missing 'category'"),
    ("- {name: x, type: existence, category: c, message: m, tokens: [a]}", "rule #1: missing 'code'"),
    ("- {code: X1, name: x, type: existence, category: c, message: m}", "rule X1: existence needs 'tokens'"),
    ("- {code: X1, name: x, type: sequence, category: c, message: m, patterns: [[{LOWER: a, FOO: 1}]]}",
     "rule X1: invalid pattern: pattern 1, token 1, FOO: Extra inputs are not permitted"),
    ("- {code: X1, name: x, type: sequence, category: c, message: m, patterns: [[{LOWER: a, OP: '%'}]]}",
     "rule X1: invalid pattern: pattern 1, token 1, OP:"),
    ("- {code: X1, name: x, type: sequence, category: c, message: m, patterns: [[]]}",
     "rule X1: invalid pattern: [E012]"),
    ("- {code: X1, name: x, type: occurrence, category: c, message: m, tokens: [a]}",
     "rule X1: occurrence needs 'max'"),
    ("- {code: X1, name: x, type: occurrence, category: c, message: m, tokens: [a], max: 2, scope: page}",
     "rule X1: 'scope' must be record or sentence"),
    ("- {code: X1, name: x, type: existence, category: c, message: 'bad {text}', tokens: [a]}",
     "rule X1: message: {text} is not allowed"),
    ("- {code: X1, name: x, type: existence, category: c, message: 'bad {count}', tokens: [a]}",
     "rule X1: message: unknown placeholder {count} for a existence rule"),
    ("- {code: X1, name: x, type: existence, category: c, message: m, tokens: [a], colour: red}",
     "rule X1: unknown key(s): colour"),
    ("- {code: X1, name: x, type: existence, category: c, message: m, tokens: [a], doc_types: [letter]}",
     "rule X1: doc_types: unknown doc type(s) letter"),
    ("- {code: X1, name: x, type: existence, category: c, message: m, tokens: [a],"
     " examples: {flagged: [{text: a, doc_type: Letter}]}}",
     "rule X1: examples.flagged[1]: unknown doc type 'Letter'"),
    ("- {code: X1, name: x, type: existence, category: c, message: m, tokens: [a], severity: loud}",
     "rule X1: unknown severity 'loud'"),
    ("- {code: RL201, name: x, type: existence, category: c, message: m, tokens: [a]}",
     "rule 'RL201' is defined twice"),
    ("- {code: X1, name: x, type: existence, category: c, message: m, lexicon: missing.yaml}",
     "missing.yaml: lexicon file not found"),
    ("- code: X1\n  name: [x\n", "invalid YAML"),
]


@pytest.mark.parametrize("rules,problem", BAD, ids=[p for _, p in BAD])
def test_invalid_rules_are_clear_errors_at_load_time(tmp_path, rules, problem):
    cfg = setup_config(tmp_path, rules)
    with pytest.raises(ConfigError) as exc:
        # What Linter(config_path=cfg) does, on a blank pipeline: no model to load.
        build_ruleset(load_config(cfg), spacy.blank("en"))
    message = str(exc.value)
    assert problem in message
    assert "local-rules.yaml" in message or "missing.yaml" in message
    assert "\n" not in message


def test_invalid_pattern_is_one_line_on_the_cli_exit_2(tmp_path):
    cfg = setup_config(tmp_path, BAD[4][0])
    res = CliRunner().invoke(main, ["check", "--config", cfg, "-"], input="a")
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("recordlint: error: ") and "local-rules.yaml: rule X1: invalid pattern" in lines[0]


def test_unknown_rule_option_in_config_is_an_error(tmp_path):
    cfg = setup_config(tmp_path, SEQUENCE, "rules:\n  LOC001: {sevrity: error}\n")
    with pytest.raises(ConfigError, match=r"rules.LOC001.sevrity: unknown setting"):
        Linter(config_path=cfg)


def test_explain_page_for_a_yaml_rule(tmp_path):
    linter = Linter(config_path=setup_config(tmp_path, SEQUENCE))
    page = explain_text(linter.ruleset.get("LOC001"))
    for part in ("LOC001 seen-alone-passive", "Rule type: sequence", "## What it does", "## Why",
                 "## Flagged", "Kayla was seen alone", "## Clean", "local-rules.yaml"):
        assert part in page


def test_unknown_lexicon_name_in_config_is_an_error(tmp_path):
    cfg = tmp_path / "recordlint.yaml"
    cfg.write_text("lexicon:\n  jargn:\n    add: [{term: TAF}]\n")
    with pytest.raises(ConfigError, match=r"lexicon.jargn: unknown lexicon \(known: .*jargon"):
        build_ruleset(load_config(cfg), spacy.blank("en"))
