"""SARIF 2.1.0 output for ``recordlint check --format sarif``.

One run; the driver lists every rule (code, name, summary, why, default
level, category). Each finding becomes a result with its rule, level,
message (plus the child-friendly alternative) and a region in the record:
start line/column, end line/column when the matched text is known, and the
character offset and length (``columnKind: unicodeCodePoints``, the units
recordlint's offsets are in). Record-wide findings have no region. Records
that could not be read become error notifications on the invocation.
Artifact URIs are the paths as given on the command line (absolute paths as
file: URIs); a record from a .jsonl file points at its line in that file.
With ``check --fixes``, a finding's suggested fix becomes a result's ``fixes``
(one artifactChange whose replacements delete a character region and insert
the new text), or, for a record inside a .jsonl file, ``properties.recordFix``.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from .. import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


_JSONL_LINE = re.compile(r"^(?P<path>.+\.jsonl):(?P<line>\d+)$", re.IGNORECASE)


def _path_uri(path: str) -> str:
    """A URI reference for a path as given: relative paths stay relative, absolute ones become file: URIs."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(str(path).replace("\\", "/"), safe="/._-~")


def _where(record: dict, source: str | None) -> tuple[str, int | None]:
    """(artifact URI, line of a .jsonl file holding the record, or None) for one record.

    ``source`` is the path the record was read from (``InputRecord.source``: a file path,
    'batch.jsonl:3', or '<stdin>'); without it the record id stands in.
    """
    if source is None:
        rid = record.get("id")
        return ("stdin" if not rid or rid == "-" else quote(str(rid), safe="/:._-~")), None
    if source in ("<stdin>", "-"):
        return "stdin", None
    m = _JSONL_LINE.match(source)
    if m:
        return _path_uri(m.group("path")), int(m.group("line"))
    return _path_uri(source), None


def _message(f: dict) -> str:
    text = f.get("message") or f.get("name") or f.get("code") or "finding"
    if f.get("suggestion"):
        text = f"{text} (try: {f['suggestion']})"
    return text


def _region(f: dict) -> dict | None:
    """The finding's region, from the positions it carries (start and end line and column)."""
    if f.get("doc") or f.get("start") is None or f.get("line") is None:
        return None
    region = {"startLine": int(f["line"]), "startColumn": int(f["column"] or 1),
              "charOffset": int(f["start"])}
    if f.get("end") is not None:
        region["charLength"] = max(0, int(f["end"]) - int(f["start"]))
    if f.get("end_line") is not None:
        region["endLine"], region["endColumn"] = int(f["end_line"]), int(f["end_column"])
    if f.get("text") is not None:
        region["snippet"] = {"text": f["text"]}
    return region


def _fixes(f: dict, uri: str, in_file: bool) -> tuple[str, list] | None:
    """A finding's suggested fix (``check --fixes``) as SARIF: ("fixes", [fix]) when the
    offsets index the artifact itself, else ("properties", ...) for a record inside a .jsonl
    file (its offsets index the record's text, not the file). None when there is none or
    the replacement text was left out (--no-excerpts)."""
    fix = f.get("fix")
    if not fix or any(e.get("text") is None for e in fix["edits"]):
        return None
    replacements = [{"deletedRegion": {"charOffset": e["start"], "charLength": e["end"] - e["start"]},
                     "insertedContent": {"text": e["text"]}} for e in fix["edits"]]
    out = {"description": {"text": fix["description"]},
           "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
           "properties": {"applicability": fix["applicability"]}}
    return ("fixes", [out]) if in_file else ("properties", out)


def _rule_descriptor(rule) -> dict:
    group = rule.category.split(".")[0] if rule.category else ""
    help_text = rule.summary or rule.name
    if rule.why:
        help_text = f"{help_text}\n\nWhy: {rule.why}"
    desc = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": rule.why or rule.summary or rule.name},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity.name, "warning")},
        "properties": {"category": rule.category, "tags": sorted({t for t in (group, rule.category) if t})},
    }
    return desc


def sarif_log(results: list[dict], ruleset, sources: list[str] | None = None) -> dict:
    """The SARIF log as a dict (``format_sarif`` serialises it).

    ``results`` are the record dicts of ``results.RecordResult.to_dict``; ``sources`` (optional,
    same order) the path each record was read from, for the artifact locations.
    """
    rules = sorted(ruleset.rules, key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    sarif_results, notifications = [], []
    for i, rec in enumerate(results):
        uri, jsonl_line = _where(rec, sources[i] if sources and i < len(sources) else None)
        if rec.get("error"):
            notifications.append(_notification(rec, uri, jsonl_line))
        sarif_results.extend(_result(f, rec, uri, jsonl_line, index) for f in rec.get("findings", []))
    invocation = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {
            "name": "recordlint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_rule_descriptor(r) for r in rules],
        }},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "newlineSequences": ["\r\n", "\n", "\r"],
        "results": sarif_results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _notification(rec: dict, uri: str, jsonl_line: int | None) -> dict:
    """A record that could not be checked: an error notification on the invocation."""
    return {
        "level": "error",
        "message": {"text": f"{rec.get('id')}: {rec['error']}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri},
                                            **({"region": {"startLine": jsonl_line}}
                                               if jsonl_line is not None else {})}}],
    }


def _result(f: dict, rec: dict, uri: str, jsonl_line: int | None, index: dict) -> dict:
    """One finding as a SARIF result."""
    phys = {"artifactLocation": {"uri": uri}}
    region = _region(f)
    if jsonl_line is not None:
        # Offsets index the record's text, not the .jsonl file: point at the record's
        # line in the file and keep the offsets as properties.
        phys["region"] = {"startLine": jsonl_line}
    elif region:
        phys["region"] = region
    res = {
        "ruleId": f["code"],
        "level": LEVELS.get(f.get("severity"), "warning"),
        "message": {"text": _message(f)},
        "locations": [{"physicalLocation": phys}],
        "properties": {"category": f.get("category"), "docType": rec.get("doc_type")},
    }
    if f["code"] in index:
        res["ruleIndex"] = index[f["code"]]
    if f.get("suggestion"):
        res["properties"]["suggestion"] = f["suggestion"]
    if f.get("doc"):
        res["properties"]["wholeRecord"] = True
    if jsonl_line is not None:
        res["properties"]["recordId"] = rec.get("id")
        if region:
            res["properties"]["recordRegion"] = region
    fixes = _fixes(f, uri, jsonl_line is None)
    if fixes is not None:
        if fixes[0] == "fixes":
            res["fixes"] = fixes[1]
        else:
            res["properties"]["recordFix"] = fixes[1]
    return res


def format_sarif(results: list[dict], ruleset, sources: list[str] | None = None) -> str:
    from .writers import dumps

    return dumps(sarif_log(results, ruleset, sources), indent=2)
