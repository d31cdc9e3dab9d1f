"""How far two labellers agree: score a second labeller's labels of some passages against the first's.

    python benchmarks/agreement.py tests/fixtures/public-fresh6.jsonl tests/fixtures/agreement-fresh6-h.jsonl
    python benchmarks/agreement.py FIRST.jsonl SECOND.jsonl --differences     # what a third person settles

The second file holds the same passages (same ids), labelled independently from GUIDELINES.md in the
same format (quote and occurrence). Its labels are turned into spans and scored with the reference
scorer's matching (../shared/corpus/score.py), against the first file's records with those ids.
Prints score.py's table: the agreement a rule set can be expected to reach on such text.
With --differences, lists instead, passage by passage, the labels both gave (AGREED) and those only one
gave (FIRST-ONLY, SECOND-ONLY), matched the same way: the list an adjudicator works through to settle
one agreed file.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "score.py"


def _scorer():
    sys.path.insert(0, str(SCORER.parent))
    import score  # the reference scorer: its quote matching, so both files are read the same way
    return score


def _labels(score, rec) -> list[tuple]:
    """(category, start, end, quote, occurrence) of each label; start and end None for a document label."""
    out = []
    for i, f in enumerate(rec.get("findings", [])):
        cat, start, end = score.resolve(rec, f, f"{rec['id']}#{i}")
        out.append((cat, start, end, f.get("quote"), f.get("occurrence", 1)))
    return out


def _matched(score, label: tuple, others: list[tuple]) -> bool:
    cat, start, end = label[:3]
    return any(c == cat and (s is None) == (start is None) and (start is None or score.overlaps((start, end), (s, e)))
               for c, s, e, *_ in others)


def differences(first: str, second: str) -> list[str]:
    """Lines of AGREED / FIRST-ONLY / SECOND-ONLY labels per passage that both files hold."""
    score = _scorer()
    seconds = {rec["id"]: rec for _, rec in score.load(second)}
    lines, missing = [], 0
    for _, rec in score.load(first):
        if rec["id"] not in seconds:
            missing += 1
            continue
        a, b = _labels(score, rec), _labels(score, seconds[rec["id"]])
        lines.append(f"== {rec['id']} ({rec.get('doc_type')})")
        tagged = [("AGREED" if _matched(score, x, b) else "FIRST-ONLY", x) for x in a]
        tagged += [("SECOND-ONLY", x) for x in b if not _matched(score, x, a)]
        for tag, (cat, start, _end, quote, occurrence) in tagged:
            where = "(document)" if start is None else f"{quote!r} #{occurrence}"
            lines.append(f"  {tag:11} {cat:18} {where}")
    if missing:
        lines.append(f"({missing} passages of the first file are not in the second: not compared)")
    return lines


def main(first: str, second: str) -> int:
    score = _scorer()

    ids = {rec["id"] for _, rec in score.load(second)}
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp, "gold.jsonl"), Path(tmp, "pred.jsonl")
        with gold.open("w", encoding="utf-8") as out:
            for _, rec in score.load(first):
                if rec["id"] in ids:
                    out.write(json.dumps(rec) + "\n")
        with pred.open("w", encoding="utf-8") as out:
            for _, rec in score.load(second):
                found = []
                for i, f in enumerate(rec["findings"]):
                    cat, start, end = score.resolve(rec, f, f"{rec['id']}#{i}")
                    found.append({"category": cat, "doc": True} if start is None
                                 else {"category": cat, "start": start, "end": end})
                out.write(json.dumps({"id": rec["id"], "findings": found}) + "\n")
        return subprocess.run([sys.executable, str(SCORER), "score", str(gold), str(pred)]).returncode


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--differences"]
    if len(args) != 2:
        sys.exit("usage: agreement.py FIRST.jsonl SECOND.jsonl [--differences]")
    if "--differences" in sys.argv:
        print("\n".join(differences(*args)))
        sys.exit(0)
    sys.exit(main(*args))
