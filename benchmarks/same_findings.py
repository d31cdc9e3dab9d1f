"""Show that a change keeps findings byte-identical (issue 10's check for refactors).

    .venv/bin/python benchmarks/same_findings.py --save DIR      # before the change
    .venv/bin/python benchmarks/same_findings.py --compare DIR   # after: exit 1 on any difference

Three sets, each written as `recordlint check --format jsonl` would: the dev records
(../shared/corpus/dev.jsonl), the held-out fixture (tests/fixtures/heldout.jsonl) and
2,000 rows of ../shared/corpus/make_export.py output (run through the batch reader, so form
names and child columns are mapped as in `recordlint batch`). Findings are compared
line by line; the first differing record of each set is named (by id, never by text).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def _lines_check(linter, path: Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            found = linter.lint(rec["text"], rec.get("doc_type"), rec.get("child"))
            out.append(json.dumps({"id": rec.get("id"), "findings": [f.to_dict() for f in found]},
                                  ensure_ascii=False, sort_keys=True))
    return out


def _lines_export(rows: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "export.csv"
        out_path = Path(tmp) / "out.jsonl"
        subprocess.run([sys.executable, str(SHARED / "make_export.py"), str(SHARED / "dev.jsonl"), str(rows),
                        str(csv_path)], check=True, capture_output=True)
        subprocess.run([str(Path(sys.executable).parent / "recordlint"), "batch", str(csv_path), "--out",
                        str(out_path), "--jobs", "1"], check=True, capture_output=True)
        lines = []
        for line in out_path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            rec.pop("elapsed_ms", None)
            lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=True))
        return lines


def collect(rows: int) -> dict[str, list[str]]:
    from recordlint import Linter

    linter = Linter(search=False)
    return {"dev": _lines_check(linter, SHARED / "dev.jsonl"),
            "heldout": _lines_check(linter, ROOT / "tests" / "fixtures" / "heldout.jsonl"),
            "export": _lines_export(rows)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path)
    g.add_argument("--compare", type=Path)
    ap.add_argument("--rows", type=int, default=2000)
    args = ap.parse_args()
    sets = collect(args.rows)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for name, lines in sets.items():
            (args.save / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{name}: {len(lines)} records saved")
        return 0
    same = True
    for name, lines in sets.items():
        before = (args.compare / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        diff = [i for i, (a, b) in enumerate(zip(before, lines, strict=False)) if a != b]
        if len(before) != len(lines) or diff:
            same = False
            first = json.loads(lines[diff[0]]).get("id") if diff else None
            print(f"{name}: {len(diff)} of {len(lines)} records differ (before: {len(before)}); first: {first}")
        else:
            print(f"{name}: {len(lines)} records, findings byte-identical")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
