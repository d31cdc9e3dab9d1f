"""The units dataset for the step classifier experiment (issue 11; models/README.md, "A trained step classifier").

Every candidate unit recordlint considers for a plan step (each unit of each slot: units.plan_slots), in each
labelled set used for study (dev.jsonl and tests/fixtures/public*.jsonl; never tests/fixtures/heldout.jsonl), with:

  label      1 when a gold plan.timescale or plan.specific span overlaps it (score.py's matching), else 0
  rule       1 when the rules read it as a step (actions.find_actions gives an action over it), else 0
  flagged    the codes (RL301, RL302) the rules report on it
  features   the unit's text (the action's span when the rules read one), doc type, whether it may be an order
             (a bullet or plan item), and the rules' cues when they read a step: kind, owner, passive, vague, clear
             timescale

It also keeps every record's findings (as score.py spans), so that a veto can be scored exactly on the whole set.

    .venv/bin/python benchmarks/step_units.py OUT.json [SET ...]     # about 15 s; SET: only these sets

With PYTHONPATH naming an older tree's checkout (git archive COMMIT | tar -x), the units are those of the
rules of that commit (the rules as they were before a set was studied; models/README.md).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"


# Sets kept blind (scored, never studied or trained on): never read here. See tests/fixtures/PUBLIC-SOURCES.md.
BLIND = {"public-fresh5", "public-fresh6"}


def study_sets() -> dict[str, Path]:
    """dev and every public*.jsonl set but the blind ones (the held-out records are never read here)."""
    sets = {"dev": DEV}
    for p in sorted((ROOT / "tests" / "fixtures").glob("public*.jsonl")):
        if p.stem not in BLIND:
            sets[p.stem] = p
    return sets


def _unit_rows(rec, actions, findings) -> list[dict]:
    from recordlint.checks.units import plan_slots
    from recordlint.phrases import planning_phrases
    from recordlint.checks.planning import _when

    rows = []
    for slot in plan_slots(rec, planning_phrases(rec.config)):
        for s, e, imperative_ok in slot.candidates():
            if not rec.text[s:e].strip():
                continue
            act = next((a for a in actions if a.start < e and s < a.end), None)
            span = (act.start, act.end) if act is not None else (s, e)
            flagged = sorted({f["code"] for f in findings if f["code"] in ("RL301", "RL302")
                              and f["start"] < e and s < f["end"]})
            ts = _when(rec, act) if act is not None else None
            rows.append({"start": span[0], "end": span[1], "unit": [s, e], "text": rec.text[span[0]:span[1]],
                         "doc_type": rec.doc_type.name, "slot": type(slot).__name__,
                         "order_ok": str(imperative_ok), "rule": int(act is not None), "flagged": flagged,
                         "kind": act.kind if act else None, "owner": bool(act and act.owner),
                         "passive": bool(act and act.passive), "vague": bool(act and act.vague),
                         "clear": bool(ts is not None and ts.clear)})
    return rows


def build(out_path: str, only: list[str] | None = None) -> None:
    from recordlint.api import Linter
    from recordlint.checks.actions import find_actions
    from recordlint.evaluate import load_gold, predictions_from_findings

    linter = Linter(search=False)
    comp = linter.nlp.get_pipe("recordlint")
    data = {}
    for name, path in study_sets().items():
        if only and name not in only:
            continue
        records, problems = load_gold(path, {r.category for r in linter.ruleset.rules},
                                      lambda n: linter.config.resolve_doc_type(n).name)
        assert not problems, problems[:3]
        out = []
        for g in records:
            found = linter.lint(g.text, g.doc_type, g.child)
            preds = [{"category": p.category, "start": p.start, "end": p.end, "code": p.code}
                     for p in predictions_from_findings(found)]
            doc = linter.make_doc(g.text, g.doc_type, g.child)
            # (older trees, before record_of: the same Record, built the same way)
            rec = comp.record_of(doc) if hasattr(comp, "record_of") else comp._record(doc, comp._parser())
            gold = [(s.start, s.end) for s in g.findings
                    if s.category in ("plan.timescale", "plan.specific") and s.start is not None]
            units = _unit_rows(rec, find_actions(rec), [p for p in preds if p["start"] is not None])
            for u in units:
                u["label"] = int(any(gs < u["end"] and u["start"] < ge for gs, ge in gold))
            out.append({"id": g.id, "predictions": preds, "units": units})
        data[name] = out
        n = sum(len(r["units"]) for r in out)
        print(f"{name}: {len(out)} records, {n} units, {sum(u['label'] for r in out for u in r['units'])} steps",
              file=sys.stderr)
    Path(out_path).write_text(json.dumps(data), encoding="utf-8")


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "/tmp/step_units.json", sys.argv[2:])
