#!/usr/bin/env python3
"""Start-up: a one-record `recordlint check` from cold, and a small `batch` against proselint, in one run.

    .venv/bin/python benchmarks/bench_startup.py              # 1,500 records, 5 rounds: ~3 min on 2 cores
    .venv/bin/python benchmarks/bench_startup.py --records 300 --rounds 2    # a quick check that it runs

What it times (wall clock of whole processes, so start-up is included), alternating the
programs round by round so that a busy spell on the machine hits both alike:

  check     `recordlint check ONE.txt` on a one-record draft (a care plan written to the child,
            with the child's age: every rule runs), from a new process each time; beside it
            `python -c pass` and `python -c "import spacy"`, what any Python or any spaCy
            program pays before its first line of its own; with --baseline DIR, the same
            check and batch from another checkout (e.g. the commit before a change), and
            the ratios of wall and CPU time (CPU time is steadier on a busy machine);
  batch     `recordlint batch EXPORT.csv --jobs <usable cores>` (the default now) on an
            export of --records records (../shared/corpus/make_export.py), and the time its
            first result line reached the results file;
  proselint the same record texts through proselint 0.16 (one process, all its checks),
            including its imports and reading the CSV: `python -c <read CSV, lint each text>`;
  CPU       the CPU time (user + system, all processes) of the batch and of proselint: on a busy
            machine the wall times follow it (the batch's two workers share what CPU it gets).

Reports the median of --rounds for each, and the ratios batch / proselint and check / the
1.2 s target. Results also go to benchmarks/results_startup.json.

Which recordlint is timed: the one installed for --python (default: this interpreter). Say
which kind of install it is: CI and users install non-editable (`pip install '.[dev]'`), e.g.

    python3 -m venv /tmp/startup-venv && /tmp/startup-venv/bin/pip install '.[dev]'
    .venv/bin/python benchmarks/bench_startup.py --python /tmp/startup-venv/bin/python

The report names the install (editable or not, and where recordlint is imported from). The
timed processes run without PYTHONDONTWRITEBYTECODE, after one untimed run of each, so an
editable checkout is timed with its bytecode cached as an installed package's is (otherwise
every run compiles recordlint's modules again: ~0.1 s more).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable   # the recordlint timed: --python
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import make_corpus  # noqa: E402

sys.path.insert(0, str(ROOT))
from recordlint.batch.jobs import usable_cores  # noqa: E402

DRAFT = """My Plan

Dear Leah, this is your plan. You live with Tracy and you go to Oakfield School. You said you like
living with Tracy and you want to see your mum more often. The LAC review said the placement is
going well.

What will happen
- SW to support Leah with sleep.
- Contact with Mum every other Saturday at the family centre.
- Tracy will take you to the dentist by 30 April 2026.
"""

PROSELINT = r"""
import csv, sys
csv.field_size_limit(2**31 - 1)
from proselint.checks import __register__
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
with open(sys.argv[1], encoding="cp1252", errors="replace", newline="") as fh:
    found = sum(len(LintFile("<record>", row["RecordText"]).lint()) for row in csv.DictReader(fh))
print(found)
"""


# The timed processes cache bytecode as an installed package does (see the docstring).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

INSTALL = r"""
import json, importlib.metadata as md, os, recordlint
dist = md.distribution("recordlint")
url = json.loads(dist.read_text("direct_url.json") or "{}")
print(json.dumps({"editable": bool(url.get("dir_info", {}).get("editable")),
                  "imported_from": os.path.dirname(recordlint.__file__), "version": dist.version}))
"""


def install_kind() -> dict:
    """How the timed recordlint is installed: editable or not, and where it is imported from."""
    out = subprocess.run([PY, "-c", INSTALL], capture_output=True, text=True, check=True, env=ENV,
                         cwd=tempfile.gettempdir()).stdout
    kind = json.loads(out)
    kind["install"] = "editable" if kind["editable"] else "non-editable"
    kind["python"] = PY
    return kind


def timed(cmd: list[str], cwd: Path, env: dict | None = None, cpu: list | None = None) -> float:
    """Wall seconds of a whole process; its CPU seconds (user + system) are appended to ``cpu``.
    Exit 0 or 1 (findings) only: anything else stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
                          env={**ENV, **(env or {})})
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])} failed: {proc.stderr.decode()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def timed_batch(csv_path: Path, out: Path, cwd: Path, src: Path = ROOT, cpu: list | None = None) -> tuple[float, float]:
    """(wall seconds, seconds until the first result line was written); ``src``: the checkout; the CPU
    seconds of the batch and its workers are appended to ``cpu``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.exists():
        out.unlink()
    cmd = [PY, "-m", "recordlint", "batch", str(csv_path), "--out", str(out), "--jobs", str(usable_cores())]
    env = {"PYTHONPATH": str(src)} if src != ROOT else None
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**ENV, **(env or {})})
    first = None
    while proc.poll() is None:
        if first is None and out.exists() and out.stat().st_size > 0:
            first = time.perf_counter() - t0
        time.sleep(0.01)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"recordlint batch failed: {proc.stderr.read().decode()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, first if first is not None else wall


def warm_up(check: list[str], small_export: Path, workdir: Path, base: Path | None) -> None:
    """One untimed run of each program (bytecode written, files in the page cache)."""
    for src in [ROOT] + ([base] if base else []):
        timed(check, workdir, {"PYTHONPATH": str(src)} if src != ROOT else None)
        timed_batch(small_export, workdir / "startup-results.jsonl", workdir, src)
    timed([PY, "-c", PROSELINT, str(small_export)], workdir)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=1500)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "recordlint-bench")
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results_startup.json")
    ap.add_argument("--python", type=Path, default=Path(sys.executable),
                    help="the interpreter whose recordlint (and proselint) is timed, e.g. a non-editable "
                         "install's venv/bin/python (default: this one)")
    ap.add_argument("--baseline", type=Path,
                    help="another recordlint source checkout (e.g. `git worktree add /tmp/base <commit>`): "
                         "also time its cold check (PYTHONPATH=that checkout), for a before/after ratio")
    args = ap.parse_args()
    global PY
    PY = str(args.python)
    args.workdir.mkdir(parents=True, exist_ok=True)
    export = make_corpus(args.records, args.workdir / f"export_{args.records}.csv", CORPUS / "dev.jsonl",
                         CORPUS / "make_export.py")
    draft = args.workdir / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    # no --config: each recordlint its own bundled rules (the work folder has no recordlint.yaml)
    check = [PY, "-m", "recordlint", "check", str(draft), "--doc-type", "care_plan", "--child-name", "Leah",
             "--child-age", "12"]
    base = args.baseline.resolve() if args.baseline else None
    t: dict[str, list[float]] = {k: [] for k in ("python", "import_spacy", "check", "check_cpu", "batch",
                                                 "batch_cpu", "batch_first", "proselint", "proselint_cpu")}
    if args.baseline:
        t.update(check_baseline=[], check_baseline_cpu=[], batch_baseline=[], batch_baseline_cpu=[])
    kind = install_kind()
    load_start = os.getloadavg()[0]
    print(f"cores {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} at start; export {export}\n"
          f"recordlint {kind['version']}, {kind['install']} install, imported from {kind['imported_from']} "
          f"({PY})", flush=True)
    small = make_corpus(100, args.workdir / "export_100.csv", CORPUS / "dev.jsonl", CORPUS / "make_export.py")
    warm_up(check, small, args.workdir, base)
    for r in range(args.rounds):
        t["python"].append(timed([PY, "-c", "pass"], args.workdir))
        t["import_spacy"].append(timed([PY, "-c", "import spacy"], args.workdir))
        t["check"].append(timed(check, args.workdir, cpu=t["check_cpu"]))
        if base:
            t["check_baseline"].append(timed(check, args.workdir, {"PYTHONPATH": str(base)},
                                             cpu=t["check_baseline_cpu"]))
        wall, first = timed_batch(export, args.workdir / "startup-results.jsonl", args.workdir, cpu=t["batch_cpu"])
        t["batch"].append(wall)
        t["batch_first"].append(first)
        t["proselint"].append(timed([PY, "-c", PROSELINT, str(export)], args.workdir, cpu=t["proselint_cpu"]))
        if base:
            t["batch_baseline"].append(timed_batch(export, args.workdir / "startup-results.jsonl", args.workdir,
                                                   base, cpu=t["batch_baseline_cpu"])[0])
        print(f"round {r + 1}: " + "  ".join(f"{k} {v[-1]:.2f}s" for k, v in t.items()), flush=True)
    med = {k: round(statistics.median(v), 2) for k, v in t.items()}
    summary = {
        "records": args.records, "rounds": args.rounds, "median_s": med,
        "recordlint": kind,
        "load_average_start": round(load_start, 1),
        "load_average_end": round(os.getloadavg()[0], 1),
        "check_cold_s": med["check"], "check_target_s": 1.2,
        "batch_over_proselint_wall": round(med["batch"] / med["proselint"], 2),
        # CPU seconds (all processes): the batch spends them on 2 cores, proselint on one
        "batch_over_proselint_cpu": round(med["batch_cpu"] / med["proselint_cpu"], 2),
        "batch_first_result_s": med["batch_first"],
    }
    if args.baseline:
        summary["check_over_baseline_wall"] = round(med["check"] / med["check_baseline"], 2)
        summary["check_over_baseline_cpu"] = round(med["check_cpu"] / med["check_baseline_cpu"], 2)
        summary["batch_over_baseline_wall"] = round(med["batch"] / med["batch_baseline"], 2)
        summary["batch_over_baseline_cpu"] = round(med["batch_cpu"] / med["batch_baseline_cpu"], 2)
        summary["baseline_batch_over_proselint_wall"] = round(med["batch_baseline"] / med["proselint"], 2)
    print(json.dumps(summary, indent=2))
    args.json.write_text(json.dumps({"runs_s": t, "summary": summary}, indent=2))


if __name__ == "__main__":
    main()
