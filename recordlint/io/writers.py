"""Output formats for ``recordlint check``: text, json, jsonl (sarif: sarif.py).

Every writer takes ``results.RecordResult`` objects (or their dicts) and writes the
positions the findings carry; none recomputes a line or a column.
"""
from __future__ import annotations

import json
from collections import Counter

import click

from ..findings import Finding


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


def dumps(obj, **kw) -> str:
    """JSON with non-ASCII text as is; ids or metadata holding lone surrogates (which UTF-8
    cannot encode) are written as \\u escapes instead of stopping the output."""
    out = json.dumps(obj, ensure_ascii=False, **kw)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        out = json.dumps(obj, ensure_ascii=True, **kw)
    return out


def format_json(results: list[dict]) -> str:
    return dumps({"records": results, "summary": summary(results)}, indent=2)


def format_jsonl_line(result: dict) -> str:
    return dumps(result)


SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def format_text_lines(source: str, findings: list[Finding], excerpts: bool, colour: bool):
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


class CheckOutput:
    """``recordlint check``'s output in one format: jsonl and text lines as each result comes,
    json and sarif (which need every record) at the end."""

    def __init__(self, fmt: str, excerpts: bool = True, colour: bool = False):
        self.fmt, self.excerpts, self.colour = fmt, excerpts, colour
        self.results: list = []

    def add(self, result) -> None:
        self.results.append(result)
        if self.fmt == "jsonl":
            click.echo(format_jsonl_line(result.to_dict(self.excerpts)))
        elif self.fmt == "text":
            for line in format_text_lines(result.source, result.findings, self.excerpts, self.colour):
                click.echo(line)

    def finish(self, ruleset) -> None:
        dicts = [r.to_dict(self.excerpts) for r in self.results] if self.fmt in ("json", "sarif") else []
        if self.fmt == "json":
            click.echo(format_json(dicts))
        elif self.fmt == "sarif":
            from .sarif import format_sarif

            click.echo(format_sarif(dicts, ruleset, [r.source for r in self.results]))
        elif self.fmt == "text" and self.results:
            n, k = sum(len(r.findings) for r in self.results), len(self.results)
            click.echo(f"{n} finding{'s' if n != 1 else ''} in {k} record{'s' if k != 1 else ''}", err=True)
