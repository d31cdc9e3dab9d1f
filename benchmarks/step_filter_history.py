"""The step filter's units with each set read by the rules of the commit that added it (docs/step-filter.md).

The rules of today were tuned on most labelled sets, so on those sets their reported steps are nearly all right:
few false steps to learn from. The rules of the commit that added a set had never seen it: their false steps on
it are the kind a filter would meet on new text. For each FILE inside this repository, its reported step units
are read by that commit's recordlint, rules and models (unpacked with git archive into a temporary folder; the
labels are today's file); a FILE outside the repository (dev.jsonl) is read by today's rules.

    .venv/bin/python benchmarks/step_filter_history.py OUT.json FILE.jsonl [FILE.jsonl ...]   # ~1 min a set

step_filter_loso.py --extra OUT.json adds these units to the training sets of each fold (never to the set
measured, which is always read by today's rules).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).resolve().parent / "train_step_filter.py"


def added_in(path: Path) -> str | None:
    try:
        path.resolve().relative_to(ROOT)
    except ValueError:
        return None
    out = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "-1", "--", str(path.resolve())],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    return out or None


def units_with(commit: str | None, path: Path, tmp: Path) -> dict:
    out = tmp / f"{path.stem}.json"
    env = dict(os.environ)
    if commit is not None:
        tree = tmp / path.stem
        tree.mkdir()
        archive = subprocess.run(["git", "archive", commit, "recordlint", "rules", "models"], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        env["PYTHONPATH"] = str(tree)
    subprocess.run([sys.executable, str(SCRIPT), "units", str(out), str(path.resolve())], cwd=tmp, check=True,
                   env=env)
    return json.loads(out.read_text(encoding="utf-8"))[path.stem]


def main(out_path: str, paths: list[str]) -> None:
    data = {}
    with tempfile.TemporaryDirectory() as tmp:
        for p in map(Path, paths):
            commit = added_in(p)
            print(f"{p.stem}: the rules of {commit[:7] if commit else 'this tree'}", file=sys.stderr)
            data[p.stem] = {**units_with(commit, p, Path(tmp)), "rules_of": commit}
    Path(out_path).write_text(json.dumps(data), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
