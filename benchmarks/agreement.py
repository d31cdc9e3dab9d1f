"""How far two labellers agree: score a second labeller's labels of some passages against the first's.

    python benchmarks/agreement.py tests/fixtures/public-fresh6.jsonl tests/fixtures/agreement-fresh6-h.jsonl

The second file holds the same passages (same ids), labelled independently from GUIDELINES.md in the
same format (quote and occurrence). Its labels are turned into spans and scored with the reference
scorer's matching (../shared/corpus/score.py), against the first file's records with those ids.
Prints score.py's table: the agreement a rule set can be expected to reach on such text.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "score.py"


def main(first: str, second: str) -> int:
    sys.path.insert(0, str(SCORER.parent))
    import score  # the reference scorer: its quote matching, so both files are read the same way

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
    if len(sys.argv) != 3:
        sys.exit("usage: agreement.py FIRST.jsonl SECOND.jsonl")
    sys.exit(main(sys.argv[1], sys.argv[2]))
