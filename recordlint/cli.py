"""Command line: thin wrappers that parse arguments and call the library."""
from __future__ import annotations

import sys

import click

from .errors import RecordlintError
from .findings import Severity

# 0: clean; 1: findings at or above --fail-on; 2: usage, config or unreadable input (nothing or
# not everything was read); 3: every input was read but some records could not be checked.
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INCOMPLETE = 0, 1, 2, 3


def fail(message: str) -> None:
    """One clear line on stderr and exit 2: never a traceback."""
    click.echo(f"recordlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


_linters: dict = {}
_quick_exit = False


def exit_without_freeing() -> None:
    """At exit, leave the loaded model to the operating system instead of freeing it object by
    object: the interpreter's last collections then skip every object alive at that point
    (``gc.freeze``, run after the command's own code, before Python shuts down; standard
    output is still flushed). About 0.2 s of a one-record check (benchmarks/bench_startup.py)."""
    global _quick_exit
    if not _quick_exit:
        import atexit
        import gc

        atexit.register(gc.freeze)
        _quick_exit = True



def load_linter(config: str | None, fast: bool = False):
    """The Linter for a config (model loaded once per process, e.g. for the test runner)."""
    from pathlib import Path

    from .api import Linter
    from .config import find_config
    from .pipeline import one_blas_thread

    path = Path(config) if config else find_config()
    key = (str(path.resolve()) if path else None, path.stat().st_mtime if path and path.exists() else None, fast)
    if key not in _linters:
        one_blas_thread()  # one core per process, as in batch workers (`batch --jobs N` uses N)
        try:
            _linters[key] = Linter(config_path=config, fast=fast)
        except RecordlintError as exc:
            fail(str(exc))
        exit_without_freeing()
    return _linters[key]


def _version(ctx, _param, value: bool) -> None:
    """--version, read only when asked (importlib.metadata is slow to import)."""
    if value and not ctx.resilient_parsing:
        from . import __version__

        click.echo(f"recordlint, version {__version__}")
        ctx.exit()


def command_line_record(linter, doc_type, child_name, child_age, child_pronouns) -> dict:
    """Check --doc-type (exit 2 when unknown) and return the child given on the command line."""
    if doc_type is not None:
        try:
            linter.config.resolve_doc_type(doc_type)
        except RecordlintError as exc:
            fail(str(exc))
    return {k: v for k, v in (("name", child_name), ("age", child_age), ("pronouns", child_pronouns))
            if v is not None}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the version and exit.")
def main():
    """Lint children's social-care case records against the recording guidance."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--doc-type", "-t", help="Document type or case-system form name (e.g. care_plan, 'CIN Plan').")
@click.option("--child-name", help="The child's first name (or full name).")
@click.option("--child-age", type=click.FloatRange(0, 120), help="The child's age in years (0 to 120).")
@click.option("--child-pronouns", help="The child's pronouns, e.g. she/her, he/him, they/them.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A recordlint.yaml (default: nearest one from here up).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "sarif"]), default="text",
              show_default=True)
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), default="warning", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--no-excerpts", is_flag=True, help="Leave the matched record text out of every output.")
@click.option("--fast", is_flag=True, help="No statistical model: skip rules that need the parse.")
@click.option("--fixes", is_flag=True,
              help="Add each finding's suggested fix (json, jsonl, sarif); see 'recordlint fix'.")
@click.option("--author", help="With --fixes: how a third-person record names its author (e.g. 'the IRO').")
@click.option("--annotate", "annotate_path", type=click.Path(dir_okay=False),
              help="For one .docx: write a copy with a Word comment on each finding (never the input).")
def check(paths, doc_type, child_name, child_age, child_pronouns, config_path, fmt, fail_on, no_excerpts, fast,
          fixes=False, author=None, annotate_path=None):
    """Check records: .txt/.md/.docx files, '-' for stdin, .jsonl or .csv files of many records.

    Exit 0: no finding at or above --fail-on; 1: findings; 2: a usage or config error, or an
    input that could not be read at all; 3: some records could not be checked (each is reported;
    the others were checked and written).
    """
    from .io.writers import CheckOutput
    from .results import CheckOptions, check_records

    paths = paths or ("-",)
    check_annotate_args(paths, annotate_path)
    linter = load_linter(config_path, fast)
    cli_child = command_line_record(linter, doc_type, child_name, child_age, child_pronouns)
    options = CheckOptions(doc_type=doc_type, force_doc_type=doc_type is not None, child=cli_child or None,
                           fixes=fixes or bool(annotate_path), author=author)
    out = CheckOutput(fmt, excerpts=not no_excerpts, colour=fmt == "text" and sys.stdout.isatty())
    unreadable = []
    records = _input_records(paths, unreadable)
    if annotate_path:   # one .docx: keep its record for the commented copy
        records = list(records)
    for i, result in enumerate(check_records(linter, records, options)):
        if result.error:
            click.echo(f"recordlint: error: {result.source or result.id}: {result.error}", err=True)
        elif annotate_path:
            annotate_one(records[i], result.findings, annotate_path)
        out.add(result)
    out.finish(linter.ruleset)
    sys.exit(check_exit_code(out.results, bool(unreadable), Severity.parse(fail_on)))


def _input_records(paths, unreadable: list):
    """Every record of every path, in order; a path that cannot be read at all is reported,
    noted in ``unreadable``, and the others are still read."""
    from .io.readers import read_path

    for path in paths:
        try:
            yield from read_path(path, lambda m: click.echo(f"recordlint: note: {m}", err=True),
                                 stdin_bytes=lambda: sys.stdin.buffer.read())
        except RecordlintError as exc:
            click.echo(f"recordlint: error: {exc}", err=True)
            unreadable.append(path)


def check_exit_code(results, unreadable: bool, threshold: Severity) -> int:
    if unreadable:
        return EXIT_ERROR
    if any(r.error for r in results):
        return EXIT_INCOMPLETE
    worst = max((f.severity for r in results for f in r.findings), default=None)
    return EXIT_FINDINGS if worst is not None and worst >= threshold else EXIT_OK


def check_annotate_args(paths, annotate_path) -> None:
    from pathlib import Path

    if annotate_path is None:
        return
    if len(paths) != 1 or not paths[0].lower().endswith(".docx"):
        fail("--annotate needs exactly one .docx file to check")
    if Path(annotate_path).exists() and Path(annotate_path).resolve() == Path(paths[0]).resolve():
        fail(f"--annotate {annotate_path}: is the input file; name another file (the input is never changed)")


def annotate_one(rec, findings, annotate_path) -> None:
    """Write the commented copy of a checked .docx (``check --annotate``)."""
    from .io.annotate import annotate_docx

    try:
        n = annotate_docx(rec.source, annotate_path, rec.text, findings)
    except RecordlintError as exc:
        fail(str(exc))
    click.echo(f"recordlint: wrote {annotate_path} ({n} comment{'s' if n != 1 else ''})", err=True)


@main.command("rules")
@click.option("--doc-type", "-t", help="Only the rules that run on this document type.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True,
              help="markdown: the table in README.md (generated from the rules, checked by a test).")
def rules_cmd(doc_type, config_path, fmt):
    """List the rules: code, name, category, severity, what it checks."""
    linter = load_linter(config_path)
    if fmt == "markdown":
        click.echo(rules_table(linter.ruleset.rules))
        return
    rules = [(r, r.severity) for r in linter.ruleset.rules]
    if doc_type:
        try:
            dt = linter.config.resolve_doc_type(doc_type)
        except RecordlintError as exc:
            fail(str(exc))
        rules = linter.ruleset.active(dt.name)
    for r, sev in sorted(rules, key=lambda x: x[0].code):
        click.echo(f"{r.code}  {r.name:28} {r.category:18} {sev.name:8} {r.summary}")


@main.command()
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def explain(code, config_path):
    """What a rule checks, why, where it applies, and a flagged and a clean example."""
    linter = load_linter(config_path)
    rule = linter.ruleset.get(code)
    if rule is None:
        fail(f"unknown rule {code!r}; 'recordlint rules' lists them")
    click.echo(explain_text(rule))


def rules_table(rules) -> str:
    """The README's rule table: code, name, category, where it applies, what it needs parsed."""
    lines = ["| code | name | category | applies to | needs the parse |", "| --- | --- | --- | --- | --- |"]
    for r in sorted(rules, key=lambda r: r.code):
        lines.append(f"| {r.code} | {r.name} | {r.category} | {r.describe_scope()} | {r.analysis} |")
    return "\n".join(lines)


def fix_note(code: str) -> str:
    from .fixes import FIXABLE

    return FIXABLE.get(code, "none (the suggestion is advice for a person)") + (
        "; 'recordlint fix' applies it" if code in FIXABLE else "")


def explain_text(rule) -> str:
    lines = [f"{rule.code} {rule.name}", "",
             f"Category: {rule.category}", f"Severity: {rule.severity.name}",
             f"Applies to: {rule.describe_scope()}",
             f"Needs the parse: {rule.analysis}{' (skipped with --fast)' if rule.needs_model else ''}",
             f"Defined in: {rule.origin}",
             f"Fix: {fix_note(rule.code)}",
             *getattr(rule, "explain_details", list)(), "",
             "## What it does", rule.summary or "(no summary)", "",
             "## Why", rule.why or "(not given)"]
    if rule.source:
        lines += ["", "## Source", rule.source]
    if rule.opts:
        lines += ["", "## Options (set under rules." + rule.code + " in recordlint.yaml)"]
        lines += [f"  {k}: {v!r}" for k, v in sorted(rule.opts.items())]
    for flagged, title in ((True, "## Flagged"), (False, "## Clean")):
        ex = [e for e in rule.examples if e.flagged is flagged]
        if ex:
            lines += ["", title]
            for e in ex:
                where = f" ({e.doc_type})" if e.doc_type else ""
                lines.append(f"  {e.text!r}{where}")
    return "\n".join(lines)


# Commands from other modules register themselves on `main`.
from . import cli_batch, cli_fix, cli_serve, cli_tune  # noqa: E402,F401
