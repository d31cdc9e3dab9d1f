#!/usr/bin/env python3
"""Rule set-up cost of the lexicons' written forms (RL201/RL211: each term also with hyphens or spaces
between its words and with its last word plural), against the forms as written only, in one run.

    .venv/bin/python benchmarks/bench_written_forms.py            # 7 rounds, alternating
    .venv/bin/python benchmarks/bench_written_forms.py --rounds 3

Times building a Linter (all rules compiled, the model already loaded once) with lexicon.written_forms
as shipped and with it replaced by "the form as written"; prints the best and median of each and the
ratio of the medians (the machine is noisy: compare the ratio, not the seconds).
"""
from __future__ import annotations

import argparse
import statistics
import time

import recordlint.lexicon as lexicon
import recordlint.ruletypes as ruletypes
from recordlint.api import Linter


def _as_written(nlp, form):
    return [nlp.make_doc(form)]


def _time_setup(written) -> float:
    ruletypes.written_forms = written
    start = time.perf_counter()
    Linter()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    shipped = lexicon.written_forms
    Linter()  # load the model once, untimed
    times = {"written forms": [], "as written": []}
    for _ in range(args.rounds):  # alternate, so a busy spell hits both alike
        times["written forms"].append(_time_setup(shipped))
        times["as written"].append(_time_setup(_as_written))
    ruletypes.written_forms = shipped
    for name, ts in times.items():
        print(f"{name:14s} best {min(ts):.3f} s  median {statistics.median(ts):.3f} s")
    ratio = statistics.median(times["written forms"]) / statistics.median(times["as written"])
    print(f"ratio (medians) {ratio:.2f}")


if __name__ == "__main__":
    main()
