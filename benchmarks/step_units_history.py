"""The units dataset with each public set read by the rules as they were before it was studied (models/README.md).

For each tests/fixtures/public*.jsonl set, the rules of the commit that added it (`git log --diff-filter=A`) read
its units (benchmarks/step_units.py run on that commit's recordlint, rules and models, unpacked with git archive
into a temporary folder); dev's units are read by the rules of this tree. Labels are always today's gold files.
That is what a veto model would meet on a set nobody has studied: the rules' errors on unseen text, not the few
left on sets the rules were tuned on.

    .venv/bin/python benchmarks/step_units_history.py OUT.json      # about 2 minutes
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNITS = Path(__file__).resolve().parent / "step_units.py"


def added_in(path: Path) -> str:
    return subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "-1", "--", str(path)], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()


def units_at(commit: str, name: str, tmp: Path) -> list:
    tree, out = tmp / name, tmp / f"{name}.json"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", commit, "recordlint", "rules", "models"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    subprocess.run([sys.executable, str(UNITS), str(out), name], cwd=tmp, check=True,
                   env={**os.environ, "PYTHONPATH": str(tree)})
    return json.loads(out.read_text(encoding="utf-8"))[name]


def main(out_path: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, str(UNITS), str(tmp / "dev.json"), "dev"], cwd=ROOT, check=True)
        data = {"dev": json.loads((tmp / "dev.json").read_text(encoding="utf-8"))["dev"]}
        for path in sorted((ROOT / "tests" / "fixtures").glob("public*.jsonl")):
            commit = added_in(path)
            print(f"{path.stem}: the rules of {commit[:7]}", file=sys.stderr)
            data[path.stem] = units_at(commit, path.stem, tmp)
    Path(out_path).write_text(json.dumps(data), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/step_units_history.json")
