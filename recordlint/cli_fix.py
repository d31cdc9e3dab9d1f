"""``recordlint fix``: print records rewritten with their fixes (registered on cli.main).

It never changes its input: the rewrite goes to stdout, or to ``--out``, which must
name another file.
"""
from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path

import click

from .cli import EXIT_ERROR, command_line_record, fail, load_linter, main
from .errors import RecordlintError

CODE = re.compile(r"^RL\d{3}$", re.IGNORECASE)


def parse_select(select: str | None, ruleset) -> tuple[set[str], set[str]] | None:
    """--select "person,RL202": (codes, category prefixes); None selects every fix."""
    if not select:
        return None
    codes, cats = set(), set()
    known_cats = {r.category for r in ruleset.rules}
    for part in (p.strip() for p in select.split(",")):
        if not part:
            continue
        if CODE.match(part):
            if ruleset.get(part.upper()) is None:
                fail(f"--select: unknown rule {part!r}; 'recordlint rules' lists them")
            codes.add(part.upper())
        elif any(c == part or c.startswith(part + ".") for c in known_cats):
            cats.add(part)
        else:
            fail(f"--select: {part!r} is not a rule code or category (e.g. RL103, person, language.jargon)")
    return codes, cats


def selected(finding, sel) -> bool:
    if sel is None:
        return True
    codes, cats = sel
    return finding.code in codes or any(finding.category == c or finding.category.startswith(c + ".")
                                        for c in cats)


def check_out_path(out: str | None, inputs: list[str]) -> None:
    if out is None:
        return
    target = Path(out).resolve()
    for p in inputs:
        if p != "-" and Path(p).exists() and Path(p).resolve() == target:
            fail(f"--out {out}: is the input file; recordlint fix never changes its input, name another file")


def fix_record(linter, rec, doc_type, child, author, sel, unsafe) -> dict:
    """One record: the rewrite, the edits applied and the findings still there afterwards."""
    from .fixes.apply import apply_edits, choose_edits

    findings = linter.lint(rec.text, doc_type, child, fixes=True, author=author)
    chosen = [f for f in findings if selected(f, sel)]
    edits, _ = choose_edits(chosen, unsafe)
    rewrite = apply_edits(rec.text, edits)
    after = linter.lint(rewrite, doc_type, child) if edits else [f for f in findings]
    remaining = [f for f in after if selected(f, sel)]
    for f in remaining:
        f.fix = None
    return {"id": rec.id, "rewrite": rewrite, "edits": [e.to_dict() for e in edits],
            "remaining": [f.to_dict() for f in remaining]}


def unified(rec_id: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{rec_id}", tofile=f"b/{rec_id}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


@main.command("fix")
@click.argument("path")
@click.option("--doc-type", "-t", help="Document type or case-system form name (e.g. care_plan).")
@click.option("--child-name", help="The child's first name (or full name).")
@click.option("--child-age", type=float, help="The child's age in years.")
@click.option("--child-pronouns", help="The child's pronouns, e.g. she/her, he/him, they/them.")
@click.option("--author", help="How a third-person record names its author (default: the record's "
                               "'author', else the config's fixes.author, else 'the social worker').")
@click.option("--select", help="Only these fixes: rule codes or categories, comma-separated (e.g. person,RL202).")
@click.option("--unsafe", is_flag=True, help="Also apply fixes that may change the meaning (check them).")
@click.option("--diff", is_flag=True, help="Print a unified diff instead of the rewritten text.")
@click.option("--out", "-o", type=click.Path(dir_okay=False), help="Write here instead of stdout (never the input).")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A recordlint.yaml (default: nearest one from here up).")
def fix_cmd(path, doc_type, child_name, child_age, child_pronouns, author, select, unsafe, diff, out, fmt,
            config_path):
    """Rewrite records with their suggested fixes (safe ones unless --unsafe); the input is never changed."""
    from .io.readers import read_path

    check_out_path(out, [path])
    linter = load_linter(config_path)
    sel = parse_select(select, linter.ruleset)
    cli_child = command_line_record(linter, doc_type, child_name, child_age, child_pronouns)
    try:
        records = list(read_path(path, lambda m: click.echo(f"recordlint: note: {m}", err=True),
                                 stdin_bytes=lambda: sys.stdin.buffer.read()))
    except RecordlintError as exc:
        fail(str(exc))
    chunks, errors = [], 0
    for rec in records:
        chunk, bad = _one(linter, rec, doc_type, cli_child, author, sel, unsafe, diff, fmt, len(records) > 1)
        chunks.append(chunk)
        errors += bad
    _write("".join(chunks), out)
    sys.exit(EXIT_ERROR if errors else 0)


def _one(linter, rec, doc_type, cli_child, author, sel, unsafe, diff, fmt, many) -> tuple[str, int]:
    if rec.error is not None:
        click.echo(f"recordlint: error: {rec.source}: {rec.error}", err=True)
        return (json.dumps({"id": rec.id, "error": rec.error}) + "\n" if fmt == "jsonl" else ""), 1
    try:
        dt = linter.config.resolve_doc_type(doc_type or rec.doc_type)
        child = {**(rec.child or {}), **cli_child}
        result = fix_record(linter, rec, dt.name, child, author or rec.author, sel, unsafe)
    except RecordlintError as exc:
        click.echo(f"recordlint: error: {rec.source}: {exc}", err=True)
        return (json.dumps({"id": rec.id, "error": str(exc)}) + "\n" if fmt == "jsonl" else ""), 1
    if fmt == "jsonl":
        return json.dumps(result, ensure_ascii=False) + "\n", 0
    if diff:
        return unified(rec.id, rec.text, result["rewrite"]), 0
    if many:
        return f"# {rec.id}\n{result['rewrite']}\n", 0
    return result["rewrite"], 0


def _write(data: str, out: str | None) -> None:
    if out is None:
        click.echo(data, nl=False)
        return
    try:
        Path(out).write_text(data, encoding="utf-8")
    except OSError as exc:
        fail(f"--out {out}: cannot write ({exc.strerror})")
