"""recordlint tune commands (registered on cli.main): evaluate, test-rules, init, config."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import yaml

from .cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, load_linter, main
from .errors import RecordlintError

STARTER = Path(__file__).resolve().parent / "starter.yaml"


@main.command()
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A recordlint.yaml (default: nearest one from here up).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--show-errors", type=click.IntRange(min=0), default=None,
              help="List up to N false positives and N false negatives (and changed findings with "
                   "--compare), each with a line of context. Text default 10; JSON default none.")
@click.option("--compare", "other_config", type=click.Path(dir_okay=False),
              help="A second config: show both side by side and the findings that changed.")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=None,
              help="Exit 1 when the micro-averaged F1 (as printed, 3 decimals) is below this; "
                   "with --compare, the F1 of the --compare config.")
@click.option("--skip-invalid", is_flag=True,
              help="Leave out gold records with problems (listed on stderr) instead of stopping.")
@click.option("--no-excerpts", is_flag=True, help="Leave record text out: no context lines.")
def evaluate(gold, config_path, fmt, show_errors, other_config, min_f1, skip_invalid, no_excerpts):
    """Score the rules against labelled records (GOLD.jsonl): precision, recall, F1.

    Same matching as the corpus's score.py: spans overlap and categories agree
    (document findings by category); categories the gold file never labels are
    left out. Per rule: its findings against the gold findings of its category.
    A gold file with problems stops with each problem and its line number
    (exit 2), unless --skip-invalid.
    """
    from . import evaluate as ev

    excerpts = not no_excerpts
    linter = load_linter(config_path)
    records = _gold_records(ev, linter, gold, skip_invalid)
    base = ev.score(records, ev.predict(linter, records), ev.rule_rows(linter))
    gate = base
    if other_config:
        other_linter = load_linter(other_config)
        other = ev.score(records, ev.predict(other_linter, records), ev.rule_rows(other_linter))
        changes = ev.compare(records, base, other)
        gate = other
        if fmt == "json":
            n = show_errors
            out = base.to_dict(n, excerpts)
            out["compare"] = {"config": other_config, **other.to_dict(n, excerpts),
                              "changes": [ev.error_dict(c, excerpts) for c in changes]}
            click.echo(json.dumps(out, indent=1, ensure_ascii=False))
        else:
            a = f"{config_path or _config_name(linter)}"
            for line in ev.format_comparison(base, other, changes, (a, other_config),
                                             10 if show_errors is None else show_errors, excerpts):
                click.echo(line)
    elif fmt == "json":
        click.echo(json.dumps(base.to_dict(show_errors, excerpts), indent=1, ensure_ascii=False))
    else:
        for line in ev.format_report(base, 10 if show_errors is None else show_errors, excerpts):
            click.echo(line)
    if min_f1 is not None and gate.micro["f1"] < min_f1:
        click.echo(f"recordlint: micro F1 {gate.micro['f1']:.3f} is below --min-f1 {min_f1:.3f}", err=True)
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _gold_records(ev, linter, gold, skip_invalid):
    records, problems = ev.load_gold(gold, ev.rule_categories(linter),
                                     lambda name: linter.config.resolve_doc_type(name).name)
    if problems:
        for p in problems[:50]:
            click.echo(f"recordlint: {'skipped' if skip_invalid else 'error'}: {p}", err=True)
        if len(problems) > 50:
            click.echo(f"recordlint: ... and {len(problems) - 50} more", err=True)
        if not skip_invalid:
            fail(f"{gold}: {len(problems)} problem(s) in the gold file; fix them or use --skip-invalid")
    if not records:
        fail(f"{gold}: no labelled records to score")
    return records


def _config_name(linter) -> str:
    files = linter.config.files
    return str(files[-1]) if files else "default"


@main.command("test-rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A recordlint.yaml (default: nearest one from here up).")
@click.option("--select", help="Only these rules: codes, names or rule files, comma-separated.")
def test_rules(config_path, select):
    """Run every rule's examples: flagged ones must fire, clean ones must not.

    Use it after writing or tuning a rule file: the examples under a rule's
    `examples: {flagged: [...], clean: [...]}` are its tests. Exit 0 when all
    behave, 1 when any does not.
    """
    from .examples import check_examples, missing_examples, selected_rules

    linter = load_linter(config_path)
    rules = selected_rules(linter, select.split(",") if select else None)
    if select and not rules:
        fail(f"--select: no rule matches {select!r}")
    results = check_examples(linter, rules)
    bad = [r for r in results if not r.ok]
    for r in bad:
        expect = "should flag" if r.flagged else "should not flag"
        got = ", ".join(r.codes) or "nothing"
        click.echo(f"FAIL {r.code} {expect} ({r.doc_type}): {r.text!r}; found: {got}")
    for code in missing_examples(rules):
        click.echo(f"note: {code} needs at least one flagged and one clean example")
    click.echo(f"{len(results) - len(bad)} passed, {len(bad)} failed ({len(rules)} rules)")
    sys.exit(EXIT_FINDINGS if bad else EXIT_OK)


@main.command()
@click.argument("path", required=False, default="recordlint.yaml", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path, force):
    """Write a commented starter recordlint.yaml (default: ./recordlint.yaml).

    It extends the default config and shows how to add a term, a doc-type alias
    and a rule. An existing file is left alone unless --force.
    """
    target = Path(path)
    if target.exists() and not force:
        fail(f"{target}: already exists; use --force to overwrite it")
    try:
        target.write_text(STARTER.read_text(encoding="utf-8"), encoding="utf-8")
    except OSError as exc:
        fail(f"{target}: cannot write ({exc.strerror})")
    click.echo(f"wrote {target}; check it with: recordlint config --show --config {target}")


@main.command("config")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A recordlint.yaml (default: nearest one from here up).")
@click.option("--show", is_flag=True, help="Print the merged effective config as YAML.")
def config_cmd(config_path, show):
    """Validate the config (and its rules); list the files merged, or print the result with --show.

    The --show output stands alone (extends: none, absolute rule file paths), so it can
    be saved and used as a config itself.
    """
    linter = load_linter(config_path)  # validates every key, rule file and rule reference
    cfg = linter.config
    if not show:
        click.echo("config files, merged in this order:")
        for f in cfg.files:
            click.echo(f"  {f}")
        click.echo(f"{len(linter.ruleset.rules)} rules, {len(cfg.doc_types)} doc types: OK")
        sys.exit(EXIT_OK)
    click.echo(show_config(cfg), nl=False)


def show_config(cfg) -> str:
    """The merged config as YAML, with the files it came from in a comment."""
    try:
        data = {"extends": "none", **{k: v for k, v in cfg.raw.items() if k != "extends"}}
        head = "".join(f"#   {f}\n" for f in cfg.files)
        body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    except (RecordlintError, yaml.YAMLError) as exc:  # pragma: no cover - defensive
        click.echo(f"recordlint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    return f"# Effective recordlint config, merged from:\n{head}{body}"
