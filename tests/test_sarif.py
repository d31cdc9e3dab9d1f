"""`recordlint check --format sarif`: SARIF 2.1.0, validated against the schema.

tests/data/sarif-2.1.0-subset.schema.json is a hand-written, faithful subset of the
official OASIS SARIF 2.1.0 schema (the objects recordlint emits, with the official
constraints and additionalProperties: false); the official file is not available
from an installed package and the tests download nothing. See its description.
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from recordlint.cli import main
from recordlint.io.sarif import format_sarif, sarif_log

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-2.1.0-subset.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def run_check(args, input=None):
    result = CliRunner().invoke(main, ["check", "--format", "sarif", *args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.stdout)


def only_run(log):
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    return log["runs"][0]


def test_schema_rejects_what_sarif_rejects(validator):
    """The subset schema is not a rubber stamp."""
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}
    validator.validate(good)
    bad = [
        {"version": "2.0.0", "runs": []},
        {"runs": []},
        {"version": "2.1.0", "runs": [{"results": []}]},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                       "results": [{"ruleId": "A", "message": {}}]}]},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                       "results": [{"message": {"text": "m"}, "level": "warn"}]}]},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{
            "message": {"text": "m"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a"},
                                                "region": {"startLine": 0}}}]}]}]},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [], "extra": 1}]},
    ]
    for doc in bad:
        assert not validator.is_valid(doc), doc


def test_check_sarif_is_valid_and_locates_findings(tmp_path, validator, monkeypatch):
    text = "Visited Jo at home.\nThe placement is going well and contact with mum is weekly.\n"
    path = tmp_path / "records" / "visit.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, log = run_check(["-t", "visit_record", "records/visit.txt"])
    assert code == 1  # findings at warning: same exit codes as the other formats
    validator.validate(log)
    run = only_run(log)
    driver = run["tool"]["driver"]
    assert driver["name"] == "recordlint"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert "RL201" in rule_ids and len(rule_ids) == len(set(rule_ids))
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True

    hits = [r for r in run["results"] if r["ruleId"] == "RL201"
            and r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "placement"]
    assert hits
    res = hits[0]
    assert driver["rules"][res["ruleIndex"]]["id"] == "RL201"
    assert res["level"] == "warning"
    assert "home" in res["properties"]["suggestion"] and "home" in res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "records/visit.txt"  # the path as given
    region = loc["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 5)
    assert (region["endLine"], region["endColumn"]) == (2, 5 + len("placement"))
    assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == "placement"


def test_absolute_paths_become_file_uris(tmp_path, validator):
    path = tmp_path / "my notes.md"
    path.write_text("The placement is fine.", encoding="utf-8")
    _, log = run_check(["-t", "case_note", str(path)])
    validator.validate(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in only_run(log)["results"]}
    assert uris == {path.as_uri()} and "my%20notes.md" in path.as_uri()


def test_rule_descriptors_carry_the_documentation(validator, linter):
    log = sarif_log([], linter.ruleset)
    validator.validate(log)
    run = only_run(log)
    assert run["results"] == []
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {r.code for r in linter.ruleset.rules}
    for rule in linter.ruleset.rules:
        d = rules[rule.code]
        assert d["name"] == rule.name
        assert d["shortDescription"]["text"] == (rule.summary or rule.name)
        assert d["properties"]["category"] == rule.category
        assert d["defaultConfiguration"]["level"] == {"info": "note"}.get(rule.severity.name, rule.severity.name)
        if rule.why:
            assert rule.why in d["help"]["text"]


def test_stdin_multiline_match_and_no_excerpts(validator):
    code, log = run_check(["-t", "case_note", "--no-excerpts", "-"], input="The LAC review.\r\nAll fine.\n")
    validator.validate(log)
    run = only_run(log)
    assert run["results"]
    for res in run["results"]:
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "stdin"
        assert "snippet" not in loc.get("region", {})
        assert "LAC review" not in json.dumps(res)  # no record text beyond the rule's own message


def test_regions_span_line_breaks(linter, validator):
    results = [{"id": "records/a b.txt", "doc_type": "case_note", "findings": [
        {"code": "RL201", "name": "care-jargon", "category": "language.jargon", "severity": "info",
         "start": 4, "end": 17, "line": 1, "column": 5, "end_line": 2, "end_column": 5,
         "text": "contact\r\nwith",
         "message": "m", "suggestion": None},
        {"code": "RL401", "name": "voice.child", "category": "voice.child", "severity": "error",
         "start": None, "end": None, "line": None, "column": None, "text": None,
         "message": "no voice", "suggestion": None, "doc": True},
        {"code": "XX999", "name": "local", "category": "local.rule", "severity": "warning",
         "start": 0, "end": 3, "line": 1, "column": 1, "end_line": 1, "end_column": 4,
         "text": "The", "message": "m", "suggestion": None},
    ]}]
    log = json.loads(format_sarif(results, linter.ruleset))
    validator.validate(log)
    jargon, whole, unknown = only_run(log)["results"]
    region = jargon["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"], region["endColumn"]) == (1, 2, 5)
    assert jargon["level"] == "note"
    assert jargon["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "records/a%20b.txt"
    assert "region" not in whole["locations"][0]["physicalLocation"]
    assert whole["properties"]["wholeRecord"] is True and whole["level"] == "error"
    assert "ruleIndex" not in unknown  # a result may name a rule the driver does not list


def test_unreadable_record_becomes_a_notification(tmp_path, validator):
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text('{"id": "n1", "text": "The placement.", "doc_type": "case_note"}\n{broken\n',
                     encoding="utf-8")
    code, log = run_check([str(jsonl)])
    assert code == 3  # a record could not be checked
    validator.validate(log)
    run = only_run(log)
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert any("not JSON" in n["message"]["text"] for n in inv["toolExecutionNotifications"])
    notes = inv["toolExecutionNotifications"]
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    # A record from a .jsonl file points at its line there; offsets in the record are kept.
    res = [r for r in run["results"] if r["ruleId"] == "RL201"][0]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == jsonl.as_uri()
    assert loc["region"] == {"startLine": 1}
    assert res["properties"]["recordId"] == "n1"
    assert res["properties"]["recordRegion"]["snippet"]["text"] == "placement"


def _apply_sarif_fixes(text, results, applicability="safe"):
    reps = [rep for r in results for fx in r.get("fixes", []) if fx["properties"]["applicability"] == applicability
            for change in fx["artifactChanges"] for rep in change["replacements"]]
    unique = {(r["deletedRegion"]["charOffset"], r["deletedRegion"]["charLength"]): r["insertedContent"]["text"]
              for r in reps}
    for (off, length), new in sorted(unique.items(), reverse=True):
        text = text[:off] + new + text[off + length:]
    return text


def test_fixes_as_artifact_changes(tmp_path, validator, monkeypatch):
    text = "Leah enjoys her new school.\nHer placement is going well.\n"
    (tmp_path / "plan.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["-t", "care_plan", "--child-name", "Leah", "--child-pronouns", "she/her", "plan.txt"]
    _, plain = run_check(args)
    assert all("fixes" not in r for r in only_run(plain)["results"])  # only when asked for
    _, log = run_check(["--fixes", *args])
    validator.validate(log)
    results = only_run(log)["results"]
    person = [r for r in results if r["ruleId"] == "RL103"]
    assert person and all(len(r["fixes"]) == 1 for r in person)
    change = person[0]["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "plan.txt"
    assert change["replacements"][0] == {"deletedRegion": {"charOffset": 0, "charLength": 4},
                                         "insertedContent": {"text": "You"}}
    assert _apply_sarif_fixes(text, results) == "You enjoy your new school.\nYour placement is going well.\n"
    jargon = [r for r in results if r["ruleId"] == "RL201"]
    assert jargon[0]["fixes"][0]["properties"]["applicability"] == "unsafe"


def test_fixes_of_jsonl_records_are_properties(tmp_path, validator):
    p = tmp_path / "recs.jsonl"
    p.write_text(json.dumps({"id": "a", "doc_type": "case_note", "child": {"name": "Kai", "pronouns": "he/him"},
                             "text": "I rang Kai."}) + "\n")
    _, log = run_check(["--fixes", str(p)])
    validator.validate(log)
    (res,) = [r for r in only_run(log)["results"] if r["ruleId"] == "RL101"]
    assert "fixes" not in res  # the offsets index the record, not the .jsonl file
    rep = res["properties"]["recordFix"]["artifactChanges"][0]["replacements"][0]
    assert rep["insertedContent"]["text"] == "The social worker"


def test_schema_rejects_malformed_fixes(validator):
    def log_with(fix):
        result = {"ruleId": "RL101", "message": {"text": "m"}, "fixes": [fix]}
        return {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "recordlint"}}, "results": [result]}]}

    good = {"artifactChanges": [{"artifactLocation": {"uri": "a.txt"},
                                 "replacements": [{"deletedRegion": {"charOffset": 0, "charLength": 1}}]}]}
    assert validator.is_valid(log_with(good))
    assert not validator.is_valid(log_with({"description": {"text": "d"}}))  # no artifactChanges
    assert not validator.is_valid(log_with({"artifactChanges": []}))
    assert not validator.is_valid(log_with({"artifactChanges": [{"artifactLocation": {"uri": "a.txt"},
                                                                 "replacements": [{"insertedContent": {}}]}]}))
