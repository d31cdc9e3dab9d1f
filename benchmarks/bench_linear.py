"""Check time per character from 10 KB to 1 MB: normal and adversarial text (issue 12, fault 5).

spaCy's tokenizer is quadratic in the length of a run of characters with no space (8,000
"€" took 11 s); recordlint tokenises such runs in bounded pieces (pipeline.BoundedTokenizer).
This script times ``Linter.lint`` (the default profile, one process, numpy's BLAS on one
thread) on texts of each size and kind and prints the time per character (by default the
process's CPU time, which other processes on a busy machine disturb less); for each kind,
the ratio of the largest to the smallest time per character must be <= 2 (linear time).

    .venv/bin/python benchmarks/bench_linear.py                 # 10k, 30k, 100k, 300k, 1M characters
    .venv/bin/python benchmarks/bench_linear.py --sizes 10000,100000 --repeat 1   # a quick look
    .venv/bin/python benchmarks/bench_linear.py --json out.json

Kinds: ``normal`` (the dev records, repeated), ``euro`` (one unspaced run of "€"), ``emoji``
(an unspaced run of emoji, with skin tones and joiners), ``symbols`` (random punctuation and
symbols with no space), ``mixed`` (normal sentences with 2,000-character unspaced runs
between them). Each kind is warmed up first; each size is timed at least ``--repeat`` times
and for at least ``--min-seconds``, and the best time is kept (the least disturbed by other
processes). Exits 1 if a ratio is above ``--max-ratio``.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
FALLBACK = ("The social worker visited Jo at home. Jo said she likes her new school and wants to see her "
            "sister more. The carer will take Jo to football every Saturday from 4 May.\n")


def normal(n: int) -> str:
    texts = [json.loads(x)["text"] for x in DEV.open(encoding="utf-8")] if DEV.exists() else [FALLBACK]
    out, i = [], 0
    while sum(map(len, out)) < n:
        out.append(texts[i % len(texts)] + "\n\n")
        i += 1
    return "".join(out)[:n]


def euro(n: int) -> str:
    return "€" * n


def emoji(n: int) -> str:
    rng = random.Random(1)
    flag = "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"  # England
    units = ["😀", "👍🏽", "👩\u200d👧", "🎉", "❤\ufe0f", flag]
    out, size = [], 0
    while size < n:
        u = rng.choice(units)
        out.append(u)
        size += len(u)
    return "".join(out)[:n]


def symbols(n: int) -> str:
    rng = random.Random(2)
    return "".join(rng.choice("€$£%&*!?#@+=~^()[]{}<>/\\|-_.,;:'\"`→←≠≤✨") for _ in range(n))


def mixed(n: int) -> str:
    base, junk = normal(n), symbols(2000)
    out, pos = [], 0
    while sum(map(len, out)) < n:
        out.append(base[pos:pos + 3000] + " " + junk + " ")
        pos += 3000
    return "".join(out)[:n]


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
KINDS = {"normal": normal, "euro": euro, "emoji": emoji, "symbols": symbols, "mixed": mixed}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,30000,100000,300000,1000000")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--repeat", type=int, default=2, help="runs per size at least (the best is kept)")
    ap.add_argument("--min-seconds", type=float, default=3.0, help="... and until this much time was spent")
    ap.add_argument("--doc-type", default="care_plan")
    ap.add_argument("--max-ratio", type=float, default=2.0)
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                    help="cpu: this process's CPU time (steadier on a shared machine); wall: elapsed time")
    ap.add_argument("--json", dest="json_path")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from recordlint import Linter
    from recordlint.pipeline import one_blas_thread

    one_blas_thread()
    linter = Linter(search=False)
    linter.lint(normal(5000), args.doc_type)  # warm up
    sizes = [int(s) for s in args.sizes.split(",")]
    rows, ok = {}, True
    print(f"{'kind':8} " + " ".join(f"{s:>11,}" for s in sizes)
          + f"   max/min   ({args.clock} microseconds per character)")
    for kind in args.kinds.split(","):
        per_char = []
        linter.lint(KINDS[kind](5000), args.doc_type)  # new strings enter spaCy's vocabulary once
        for size in sizes:
            text = KINDS[kind](size)
            best, spent, runs = float("inf"), 0.0, 0
            while runs < args.repeat or spent < args.min_seconds:  # small sizes: best of several
                t0 = CLOCKS[args.clock]()
                linter.lint(text, args.doc_type, {"name": "Jo", "age": 9, "pronouns": "she/her"})
                took = CLOCKS[args.clock]() - t0
                best, spent, runs = min(best, took), spent + took, runs + 1
            per_char.append(best / len(text) * 1e6)
        ratio = max(per_char) / min(per_char)
        ok &= ratio <= args.max_ratio
        rows[kind] = {"sizes": sizes, "us_per_char": [round(x, 3) for x in per_char], "ratio": round(ratio, 2)}
        print(f"{kind:8} " + " ".join(f"{x:11.2f}" for x in per_char) + f"   {ratio:7.2f}", flush=True)
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(f"linear (every ratio <= {args.max_ratio:.1f}): {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
