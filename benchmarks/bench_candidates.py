"""Time RL212's candidate search: one regex per first word against one big alternation (issue 11).

RL212 (blaming-judgement) first finds, in the text only, every word of its lexicons
(rules/lexicon/judgements.yaml, and blaming.yaml to skip what RL211 already flags); only the
sentences holding one are parsed. One alternation of every form (a few hundred) tried at every
character cost about 0.4 s of CPU on a 1,500-record export; ``FormsFinder`` splits the text into
words once and tries, at a word, only the forms that begin with it. This script times both on the
same texts in one run, checks they find the same spans, and prints the ratio.

    .venv/bin/python benchmarks/bench_candidates.py                 # 1,500 export records
    .venv/bin/python benchmarks/bench_candidates.py --records 5000 --rounds 5

The texts are the dev records as an export (../shared/corpus/make_export.py), or, without the
corpus, the held-out fixture repeated. Exits 1 if the two searches disagree on any text.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

from recordlint.checks.blaming import FormsFinder, _forms_regex  # noqa: E402
from recordlint.lexicon import load_lexicon  # noqa: E402


def texts(records: int) -> list[str]:
    if (CORPUS / "make_export.py").exists() and (CORPUS / "dev.jsonl").exists():
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "export.csv"
            subprocess.run([sys.executable, str(CORPUS / "make_export.py"), str(CORPUS / "dev.jsonl"),
                            str(records), str(out)], check=True, stdout=subprocess.DEVNULL)
            with out.open(encoding="utf-8-sig", errors="replace", newline="") as f:
                return [row["RecordText"] for row in csv.DictReader(f)]
    held = [json.loads(x)["text"] for x in (ROOT / "tests" / "fixtures" / "heldout.jsonl").open(encoding="utf-8")]
    return [held[i % len(held)] for i in range(records)]


def best_time(fn, items, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for x in items:
            fn(x)
        best = min(best, time.process_time() - t0)
    return best


def compare(name: str, terms, items, rounds: int) -> int:
    one = _forms_regex(f.lower() for t in terms for f in t.forms)
    finder = FormsFinder(terms)
    differ = sum(finder.spans(x) != [m.span() for m in one.finditer(x)] for x in items)
    alternation = best_time(lambda x: [m.span() for m in one.finditer(x)], items, rounds)
    first_word = best_time(finder.spans, items, rounds)
    print(f"{name} ({len(terms)} entries): one alternation {alternation:.3f} s CPU, first-word regexes "
          f"{first_word:.3f} s CPU, {alternation / first_word:.1f}x faster; texts that differ: {differ}")
    return differ


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1500)
    ap.add_argument("--rounds", type=int, default=3, help="best of N (CPU time)")
    args = ap.parse_args()
    lex = ROOT / "rules" / "lexicon"
    judgements, blaming = load_lexicon(lex / "judgements.yaml"), load_lexicon(lex / "blaming.yaml")
    items = texts(args.records)
    print(f"{len(items)} records, {sum(len(x.split()) for x in items)} words")
    # RL212 searches every text for its judgement words; RL211's words only on lines with a candidate
    differ = compare("judgements.yaml (every text)", judgements, items, args.rounds)
    differ += compare("judgements.yaml + blaming.yaml", judgements + blaming, items, args.rounds)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
