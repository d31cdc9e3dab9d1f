"""Output formats for ``recordlint check``: text, json, jsonl (sarif: sarif.py)."""
from __future__ import annotations

import json
from collections import Counter

from ..findings import Finding


def record_result(rec, doc_type: str | None, findings: list[Finding] | None, excerpts: bool,
                  error: str | None = None) -> dict:
    out = {"id": rec.id, "doc_type": doc_type, "findings": [f.to_dict(excerpts) for f in findings or []]}
    if rec.meta:
        out["meta"] = rec.meta
    if error:
        out["error"] = error
    return out


def summary(results: list[dict]) -> dict:
    cats, sev, codes = Counter(), Counter(), Counter()
    for r in results:
        for f in r["findings"]:
            cats[f["category"]] += 1
            sev[f["severity"]] += 1
            codes[f["code"]] += 1
    return {
        "records": len(results),
        "records_with_findings": sum(1 for r in results if r["findings"]),
        "errors": sum(1 for r in results if r.get("error")),
        "findings": sum(cats.values()),
        "by_category": dict(sorted(cats.items())),
        "by_severity": dict(sorted(sev.items())),
        "by_code": dict(sorted(codes.items())),
    }


def format_json(results: list[dict]) -> str:
    return json.dumps({"records": results, "summary": summary(results)}, indent=2, ensure_ascii=False)


def format_jsonl_line(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False)


SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def format_text_lines(source: str, findings: list[Finding], excerpts: bool, colour: bool):
    import click

    for f in findings:
        where = f"{source}:{f.line}:{f.column}:" if not f.doc else f"{source}:"
        code = click.style(f.code, fg=SEVERITY_COLOUR[f.severity.name], bold=True) if colour else f.code
        cat = f"[{f.category}]"
        quote = ""
        if excerpts and f.text and not f.doc:
            shown = " ".join(f.text.split())
            if len(shown) > 60:
                shown = shown[:57] + "..."
            quote = f' "{shown}":'
        hint = f" (try: {f.suggestion})" if f.suggestion else ""
        yield f"{where} {code} {cat}{quote} {f.message}{hint}"
