"""The step filter on the third-party export (docs/step-filter.md): of the steps it reports, how many a trained
filter (train_step_filter.py train) would drop, and whether they hold one of the steps listed by hand in
third_party_steps.py. Counts only; no note text is printed.

    .venv/bin/python benchmarks/step_filter_export.py MODEL.json [EXPORT.csv]
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import third_party_steps  # noqa: E402
from train_step_filter import group_units, heading_above, is_list_item, prob  # noqa: E402


def main(model_path: str, export: Path) -> None:
    from recordlint.api import Linter

    model = json.loads(Path(model_path).read_text(encoding="utf-8"))
    if model["kind"] != "text":
        sys.exit("this count reads no parse: train the model with --kind text")
    linter = Linter(search=False)
    with open(export, encoding="utf-8", newline="") as fh:
        notes = list(dict.fromkeys(row["case_note"] for row in csv.DictReader(fh)))
    steps = [s for listed in third_party_steps.STEPS.values() for s in listed]
    count = {"units": 0, "with a listed step": 0, "dropped with a listed step": 0, "dropped, no listed step": 0}
    for note in notes:
        found = [f.to_dict(excerpts=False) for f in linter.lint(note, "case_note")]
        for u in group_units([f for f in found if f.get("start") is not None]):
            text = note[u["start"]:u["end"]]
            unit = {**u, "text": text, "doc_type": "case_note", "heading": heading_above(note, u["start"]),
                    "list_item": is_list_item(note, u["start"]), "parse": []}
            listed = any(s in text for s in steps)
            dropped = prob(model, unit) < model["threshold"]
            count["units"] += 1
            count["with a listed step"] += listed
            count["dropped with a listed step"] += dropped and listed
            count["dropped, no listed step"] += dropped and not listed
    print(f"{len(notes)} distinct notes: " + ", ".join(f"{k} {v}" for k, v in count.items()))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else third_party_steps.EXPORT)
