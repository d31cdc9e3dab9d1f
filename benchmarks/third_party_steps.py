"""Third-party export (../shared/corpus/third-party/synthetic-case-notes.csv): how many of its
untimed or ownerless plan steps recordlint finds, and how many plan findings are wrong.

Counting method (issue 11): the export has 500 rows but only 54 distinct notes. Each distinct
note was read by hand and every plan step written in it was listed below (STEPS): something to be
done later that names no one responsible, or gives no timescale ("Monitor closely.",
"Follow-up weekly.", "Increased monitoring required", "Crisis worker will coordinate discharge
planning."). Done things ("Referral made", "Safety planning completed"), states ("Crisis
intervention active") and ongoing activity ("Reviewing support options") are not steps. A step is
found when an RL301 or RL302 finding's text contains it; any other RL301/RL302 finding is a false
positive. Counts are given per distinct note and per row (a note repeated in many rows counts
each time).

    recordlint batch ../shared/corpus/third-party/synthetic-case-notes.csv --out notes.jsonl \\
        --id-column person_oid --text-column case_note --doc-type case_note
    python benchmarks/third_party_steps.py notes.jsonl
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

EXPORT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "third-party" / "synthetic-case-notes.csv"

STEPS = {
 "N00": ["Daily follow-up this week."], "N01": ["Next appointment scheduled for two weeks"],
 "N02": ["Daily follow-up this week."], "N03": ["Plan to follow up in one week"], "N04": [],
 "N05": ["Coordinate all services urgently."],
 "N06": ["Crisis worker will coordinate discharge planning.", "Immediate follow-up required upon release."],
 "N07": ["Scheduled follow-up for two weeks."], "N08": ["Next appointment scheduled for two weeks"],
 "N09": ["Next: 2 weeks."], "N10": ["Daily check-ins arranged for this week."],
 "N11": ["Daily check-ins arranged for this week."], "N12": ["Next appointment scheduled."],
 "N13": ["Plan to follow up in one week"], "N14": ["Link additional resources.", "Monitor closely."],
 "N15": ["Next: 2 weeks."], "N16": ["Follow-up weekly."], "N17": ["Intensive support required."],
 "N18": ["Intensive support required."], "N19": ["Follow-up scheduled for tomorrow"],
 "N20": ["Follow-up weekly."], "N21": ["Discharge planning critical."], "N22": ["Hospital visit scheduled."],
 "N23": ["Next appointment scheduled."], "N24": ["Link additional resources.", "Monitor closely."],
 "N25": ["Daily follow-up this week.", "increased monitoring required"], "N26": ["increased monitoring required"],
 "N27": ["2-week follow-up."], "N28": ["2-week follow-up.", "increased monitoring required"],
 "N29": ["Refer supports.", "Weekly check-in needed."], "N30": ["Complex discharge planning needed."],
 "N31": ["Continue current plan."], "N32": ["Follow-up appointment set for next month."], "N33": ["2-week follow-up."],
 "N34": ["Scheduled follow-up for two weeks.", "increased monitoring required"],
 "N35": ["Follow-up weekly.", "increased monitoring required"], "N36": ["Will visit client in hospital tomorrow."],
 "N37": ["Maintain current supports."],
 "N38": ["Intensive support required.", "increased monitoring required"],
 "N39": ["Refer supports.", "Weekly check-in needed.", "increased monitoring required"],
 "N40": ["Follow-up appointment set for next month."], "N41": ["Continue current plan."],
 "N42": ["System coordination essential."],
 "N43": ["Follow-up scheduled for tomorrow", "increased monitoring required"],
 "N44": ["Scheduled follow-up for two weeks."],
 "N45": ["Next appointment scheduled.", "increased monitoring required"],
 "N46": ["Link additional resources.", "Monitor closely.", "increased monitoring required"],
 "N47": ["System coordination essential.", "increased monitoring required"],
 "N48": ["Will visit client in hospital tomorrow.", "increased monitoring required"],
 "N49": ["Refer supports.", "Weekly check-in needed."],
 "N50": ["Next appointment scheduled for two weeks", "increased monitoring required"],
 "N51": ["Plan to follow up in one week", "increased monitoring required"],
 "N52": ["Next: 2 weeks.", "increased monitoring required"],
 "N53": ["Follow-up appointment set for next month.", "increased monitoring required"],
}


def score(results_path: str, export: Path = EXPORT) -> dict:
    with open(export, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    first: dict[str, str] = {}
    count: dict[str, int] = {}
    for r in rows:
        first.setdefault(r["case_note"], r["person_oid"])
        count[r["case_note"]] = count.get(r["case_note"], 0) + 1
    with open(results_path, encoding="utf-8") as fh:
        found_by_id = {d["id"]: d["findings"] for d in map(json.loads, fh)}
    out = {"steps": 0, "found": 0, "false_positives": 0, "row_steps": 0, "row_found": 0, "row_false_positives": 0,
           "wrong": []}
    for i, (note, rid) in enumerate(first.items()):
        steps, n = STEPS[f"N{i:02d}"], count[note]
        texts = {f["text"] for f in found_by_id.get(rid, []) if f["code"] in ("RL301", "RL302")}
        hit = [s for s in steps if any(s in t for t in texts)]
        extra = [t for t in texts if not any(s in t for s in steps)]
        out["steps"] += len(steps)
        out["found"] += len(hit)
        out["false_positives"] += len(extra)
        out["row_steps"] += len(steps) * n
        out["row_found"] += len(hit) * n
        out["row_false_positives"] += len(extra) * n
        out["wrong"] += [f"N{i:02d}: {t}" for t in extra]
    return out


if __name__ == "__main__":
    r = score(sys.argv[1])
    print(f"distinct notes: {r['found']}/{r['steps']} steps found, {r['false_positives']} false positives")
    print(f"all rows:       {r['row_found']}/{r['row_steps']} steps found, {r['row_false_positives']} false positives")
    for w in r["wrong"]:
        print("  false positive", w)
