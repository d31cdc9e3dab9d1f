#!/usr/bin/env python3
"""recordlint's overhead over the bare components on the same regions, in CPU time (issue 10).

    .venv/bin/python benchmarks/bench_overhead.py                        # 2,000 export records, ~1 min
    git worktree add /tmp/rl-base <commit>
    .venv/bin/python benchmarks/bench_overhead.py --baseline /tmp/rl-base --rounds 3   # both, alternating

bench_batch.py's "over the bare components on the same regions" ratio in one process, in CPU
time rather than wall time, so that it holds on a machine other jobs share (wall-time ratios
there swing by 20% or more from run to run). In one process, one BLAS thread:

  recordlint  Linter.lint_many over the export's records (as `batch` reads them: form name,
              child's name and age), timed with time.process_time; the regions it has the model
              analyse are noted as it goes;
  bare        every record tokenized, then exactly those regions through the model components
              of their level (component.LEVELS), with spaCy's own attribute ruler and
              lemmatizer: recordlint without its rules and without its stand-ins.

Unlike `batch`, no CSV is read or results written: the figure is the rules' and the record's
cost, not the batch plumbing's. With --baseline DIR (a checkout of another commit) the same
is measured for that tree in a separate process (PYTHONPATH=DIR), the two alternating round by
round; medians are reported. Results go to stdout and to --json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CORPUS = ROOT.parent / "shared" / "corpus"

MEASURE = r"""
import csv, json, sys, time
csv.field_size_limit(2**31 - 1)
from threadpoolctl import threadpool_limits
threadpool_limits(1, "blas")
from recordlint import Linter
from recordlint.pipeline import load_model, use_numpy_matmul
path, limit = sys.argv[1], int(sys.argv[2])
with open(path, encoding="cp1252", errors="replace", newline="") as fh:
    recs = [(row["RecordText"], row["FormName"], {"name": row["ChildFirstName"], "age": row["ChildAge"]})
            for _, row in zip(range(limit), csv.DictReader(fh))]
linter = Linter(search=False)
use_numpy_matmul(linter.nlp)
from noted_regions import note_regions, run_bare
regions = note_regions(linter)
list(linter.lint_many(recs[:50], batch_size=64))   # warm up (lazy imports, first compilations)
for found in regions.values():
    found.clear()
t = time.process_time()
for _ in linter.lint_many(recs, batch_size=64):
    pass
ours = time.process_time() - t
nlp = load_model(linter.config.model)
use_numpy_matmul(nlp)
t = time.process_time()
run_bare(nlp, (r[0] for r in recs), regions)
bare = time.process_time() - t
print(json.dumps({"recordlint_cpu_s": round(ours, 2), "bare_same_regions_cpu_s": round(bare, 2),
                  "ratio": round(ours / bare, 3), "regions": {k: len(v) for k, v in regions.items()}}))
"""


def measure(tree: Path, csv_path: Path, records: int) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tree), str(ROOT / "benchmarks")]), OPENBLAS_NUM_THREADS="1")
    res = subprocess.run([PY, "-c", MEASURE, str(csv_path), str(records)], cwd=tempfile.gettempdir(), env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--baseline", type=Path, help="a checkout of another commit, measured the same way")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "recordlint-bench-overhead")
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results_overhead.json")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    csv_path = args.workdir / f"export_{args.records}.csv"
    if not csv_path.exists():
        subprocess.run([PY, str(CORPUS / "make_export.py"), str(CORPUS / "dev.jsonl"), str(args.records),
                        str(csv_path), "--encoding", "cp1252"], check=True, stdout=subprocess.DEVNULL)
    trees = {"this tree": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    for r in range(args.rounds):
        order = list(trees) if r % 2 == 0 else list(reversed(trees))
        for name in order:
            got = measure(trees[name], csv_path, args.records)
            got["load_average"] = round(os.getloadavg()[0], 2)
            runs[name].append(got)
            print(f"{name:10} round {r + 1}: recordlint {got['recordlint_cpu_s']:6.2f} s CPU, bare same regions "
                  f"{got['bare_same_regions_cpu_s']:6.2f} s: {got['ratio']:.3f}x  regions {got['regions']}  "
                  f"load {got['load_average']}", flush=True)
    summary = {}
    for name, rs in runs.items():
        mid = sorted(rs, key=lambda x: x["ratio"])[len(rs) // 2]
        summary[name] = {"median_ratio": mid["ratio"],
                         "median_recordlint_cpu_s": sorted(x["recordlint_cpu_s"] for x in rs)[len(rs) // 2]}
    if args.baseline:
        summary["recordlint_cpu_this_over_baseline"] = round(
            summary["this tree"]["median_recordlint_cpu_s"] / summary["baseline"]["median_recordlint_cpu_s"], 3)
    print(json.dumps(summary, indent=2))
    args.json.write_text(json.dumps({"records": args.records, "runs": runs, "summary": summary}, indent=2) + "\n")


if __name__ == "__main__":
    main()
