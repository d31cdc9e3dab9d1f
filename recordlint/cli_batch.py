"""recordlint batch commands (registered on cli.main): batch, sample, report."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .cli import EXIT_ERROR, EXIT_OK, fail, main
from .errors import RecordlintError

EXIT_INTERRUPTED = 130


def _note(msg: str) -> None:
    click.echo(f"recordlint: note: {msg}", err=True)


def column_options(f):
    for opt, help_ in reversed((
        ("--id-column", "CSV column with the record id (default: RecordID, ID, ...)."),
        ("--text-column", "CSV column with the record text (default: RecordText, Text, ...)."),
        ("--type-column", "CSV column with the form name / doc type (default: FormName, ...)."),
        ("--child-name-column", "CSV column with the child's first name (default: ChildFirstName, ...)."),
        ("--child-age-column", "CSV column with the child's age (default: ChildAge, Age)."),
        ("--child-pronouns-column", "CSV column with the child's pronouns, e.g. she/her (default: ChildPronouns, "
                                    "Pronouns; without one, the pronouns are inferred from the record)."),
        ("--author-column", "CSV column with the worker role (TM, IRO): with --fixes, the author of a "
                            "third-person record, mapped through the config's fixes: roles."),
        ("--encoding", "Input encoding (default: from the BOM, else UTF-8, else cp1252)."),
    )):
        f = click.option(opt, help=help_)(f)
    return f


def _columns(kw):
    from .batch.readers import Columns

    return Columns(id=kw["id_column"], text=kw["text_column"], type=kw["type_column"],
                   child_name=kw["child_name_column"], child_age=kw["child_age_column"],
                   child_pronouns=kw["child_pronouns_column"], author=kw.get("author_column"))


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", "out", required=True, type=click.Path(dir_okay=False),
              help="Results file (JSONL, one line per input record).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64),
              help="Worker processes (default: the usable CPU cores, fewer if memory is short: ~350 MB each).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: --jobs processes here; dask: a Dask cluster (pip install 'recordlint[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster "
                   "of --jobs processes).")
@click.option("--resume", is_flag=True, help="Carry on an interrupted run: skip the records already in --out.")
@click.option("--fast", is_flag=True, help="No statistical model: skip the rules that need the parse.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A recordlint.yaml (default: nearest one from here up).")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1, 10000),
              help="Records per nlp.pipe batch and per task sent to a worker (fewer towards the end).")
@click.option("--doc-type", "-t", help="Doc type for records that name none (default: the config's).")
@click.option("--no-excerpts", is_flag=True, help="Leave the matched record text out of the results.")
@click.option("--stats", "stats_path", type=click.Path(dir_okay=False),
              help="Also write the run's figures (records, words/s, peak memory) as JSON.")
@click.option("--fixes", is_flag=True, help="Each fixable finding carries its fix (slower: record by record).")
@click.option("--annotate-dir", "annotate_dir", type=click.Path(file_okay=False),
              help="For folders of .docx files: write a copy of each with a Word comment per finding here.")
@column_options
def batch(inputs, out, jobs, engine, scheduler, resume, fast, config_path, batch_size, doc_type, no_excerpts,
          stats_path, annotate_dir=None, fixes=False, **kw):
    """Lint every record of CSV/JSONL exports or folders into one JSONL results file.

    Every input record gets exactly one line, in input order: its findings, or
    'error' / 'skipped' with the reason. Exit 0 when the run completed (whatever
    it found), 2 when it could not start, 130 when interrupted (carry on with --resume).
    """
    from concurrent.futures.process import BrokenProcessPool

    from .batch.readers import Stream, open_source
    from .batch.runner import StartError, run_batch
    from .cli import exit_without_freeing
    from .config import load_config

    try:
        config = load_config(config_path)
        sources = [open_source(p, _note, _columns(kw), kw["encoding"]) for p in inputs]
    except RecordlintError as exc:
        fail(str(exc))
    for s in sources:
        if s.kind == "csv":
            _note(f"{s.path.name}: {s.encoding}, columns {s.describe()}")
    stream = Stream(sources)
    if engine == "local":
        exit_without_freeing()   # the Linter this process loads (to fork its workers from)
    executor = None
    try:
        jobs, executor = _engine(engine, scheduler, jobs, config, fast, not no_excerpts, batch_size)
        summary = run_batch(stream, Path(out), config, jobs=jobs, resume=resume, fast=fast,
                            batch_size=batch_size, excerpts=not no_excerpts, doc_type=doc_type,
                            progress=sys.stderr.isatty(), note=_note, executor=executor, fixes=fixes)
    except StartError as exc:
        fail(str(exc))
    except BrokenProcessPool:
        fail(f"a worker process stopped unexpectedly (out of memory?); the results so far are in "
             f"{out}: run the same command with --resume to carry on")
    except KeyboardInterrupt:   # while loading the model or starting the cluster: nothing written
        click.echo("recordlint: interrupted before the run started", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        if executor is not None:
            executor.shutdown()
    _print_summary(summary, out)
    if annotate_dir:
        annotate_folders(inputs, Path(annotate_dir), config_path, fast, doc_type)
    if stats_path:
        Path(stats_path).write_text(json.dumps(summary.to_dict(), indent=2), encoding="utf-8")
    sys.exit(EXIT_INTERRUPTED if summary.interrupted else EXIT_OK)


def _engine(engine, scheduler, jobs, config, fast, excerpts, batch_size):
    """(jobs, executor): the local engine runs --jobs processes itself (executor None); the
    dask engine starts or joins a Dask cluster and loads a Linter on each of its workers."""
    from .batch.jobs import default_jobs
    from .batch.runner import StartError

    jobs = jobs or default_jobs()
    if engine != "dask":
        if scheduler:
            raise StartError("--scheduler needs --engine dask")
        return jobs, None
    from .batch.dask_engine import start

    executor = start(scheduler, jobs, config, fast=fast, excerpts=excerpts, batch_size=batch_size)
    return executor.workers, executor


def annotate_folders(inputs, out_dir: Path, config_path, fast: bool, doc_type) -> None:
    """``batch FOLDER --annotate-dir OUT``: a commented copy of every .docx under each folder,
    at the same relative path under OUT (never over an input file)."""
    from .cli import load_linter
    from .io.annotate import annotate_docx
    from .io.readers import read_docx

    linter = load_linter(config_path, fast)
    written = 0
    for folder in (Path(p) for p in inputs if Path(p).is_dir()):
        if out_dir.resolve() == folder.resolve():
            fail(f"--annotate-dir {out_dir}: is an input folder; name another folder (inputs are never changed)")
        for src in sorted(folder.rglob("*.docx")):
            if src.name.startswith(("~$", ".")):
                continue
            dst = out_dir / src.relative_to(folder)
            try:
                text = read_docx(src)
                findings = linter.lint(text, doc_type, None, fixes=True)
                dst.parent.mkdir(parents=True, exist_ok=True)
                annotate_docx(src, dst, text, findings)
                written += 1
            except (RecordlintError, OSError) as exc:
                _note(f"{src}: not annotated ({exc})")
    _note(f"wrote {written} annotated .docx file(s) to {out_dir}")


def _print_summary(s, out) -> None:
    echo = lambda m: click.echo(m, err=True)  # noqa: E731
    if s.fast_skipped:
        _note(f"--fast: rules that need the parse were skipped: {', '.join(s.fast_skipped)}")
    for form, n in sorted(s.unmapped.items(), key=lambda x: (-x[1], str(x[0]))):
        _note(f"form name {form!r} is not mapped to a doc type: {n:,} record(s) skipped "
              "(add it to a doc type's aliases in recordlint.yaml)")
    for reason, n in sorted(s.skip_reasons.items()):
        _note(f"{n:,} record(s) skipped: {reason}")
    for e in s.error_examples:
        _note(f"could not check a record: {e}")
    if s.errors > len(s.error_examples):
        _note(f"... and {s.errors - len(s.error_examples):,} more records with errors (see 'error' in {out})")
    rate = f"{s.words / s.seconds:,.0f} words/s" if s.seconds and s.words else "-"
    resumed = f" ({s.resumed:,} from before)" if s.resumed else ""
    echo(f"{s.records:,} records{resumed}: {s.checked:,} checked, {s.skipped:,} skipped, "
         f"{s.errors:,} errors; {s.findings:,} findings; {s.words:,} words in {s.seconds:.1f}s ({rate})")
    if s.interrupted:
        echo(f"interrupted: {out} holds the results so far; run the same command with --resume to carry on")


@main.command()
@click.argument("input_path", metavar="INPUT")
@click.option("--n", "n", required=True, type=click.IntRange(1), help="How many records to sample.")
@click.option("--seed", required=True, type=int, help="Random seed: the same seed gives the same sample.")
@click.option("--stratify", help="Column (CSV) or meta key / doc_type (JSONL) to stratify by, proportionally.")
@click.option("--exclude", "exclude_path", type=click.Path(exists=True, dir_okay=False),
              help="Ids to leave out: one per line, or an earlier results .jsonl.")
@click.option("--out", "-o", "out", required=True, type=click.Path(),
              help="The sample, in the input's format (CSV, JSONL, or a folder for a folder).")
@column_options
def sample(input_path, n, seed, stratify, exclude_path, out, **kw):
    """Draw a reproducible simple or proportionally stratified random sample of records."""
    from .batch.sample import SampleError, draw_sample

    try:
        info = draw_sample(input_path, out, n=n, seed=seed, stratify=stratify,
                           exclude_path=exclude_path, columns=_columns(kw), encoding=kw["encoding"],
                           note=_note)
    except (RecordlintError, SampleError) as exc:
        fail(str(exc))
    click.echo(f"sampled {info['sampled']:,} of {info['eligible']:,} eligible records "
               f"({info['excluded']:,} excluded, {info['unreadable']:,} unreadable) into {out}", err=True)
    for stratum, (k, total) in sorted(info.get("strata", {}).items()):
        click.echo(f"  {stratum}: {k:,} of {total:,}", err=True)


@main.command()
@click.argument("results", type=click.Path(exists=True, dir_okay=False))
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Write a self-contained HTML report.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write a CSV table (opens in Excel).")
@click.option("--by", "by", multiple=True,
              help="Break down by these columns (e.g. team, doc_type, worker_role); comma-separated or repeated.")
@click.option("--compare", "compare_path", type=click.Path(exists=True, dir_okay=False),
              help="An earlier round's results: show the change, with its 95% interval.")
@click.option("--excerpts", is_flag=True, help="Include matched text (record text) as examples.")
@click.option("--title", default="Recording quality dip sample", show_default=True)
def report(results, html_path, csv_path, by, compare_path, excerpts, title):
    """Share of records with each kind of finding, with 95% intervals, overall and by group."""
    from .batch.report import build_report, render_csv, render_html, render_text

    columns = [c.strip() for b in by for c in b.split(",") if c.strip()]
    try:
        rep = build_report(results, by=columns, compare=compare_path, excerpts=excerpts, title=title)
    except RecordlintError as exc:
        fail(str(exc))
    if html_path:
        Path(html_path).write_text(render_html(rep), encoding="utf-8")
    if csv_path:
        Path(csv_path).write_text(render_csv(rep), encoding="utf-8-sig", newline="")
    if not html_path and not csv_path:
        click.echo(render_text(rep))
    else:
        click.echo(render_text(rep, brief=True), err=True)


__all__ = ["batch", "sample", "report", "EXIT_ERROR"]
