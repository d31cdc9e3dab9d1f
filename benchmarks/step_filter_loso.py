"""The step filter measured leave one set out (issue 11, round 8; docs/step-filter.md).

For each set S in a units file (benchmarks/train_step_filter.py units): train the filter on every other set, drop
the RL301/RL302 findings of S's reported step units that the filter does not keep, and score S as
`recordlint evaluate` does, with and without the filter. The L2 strength and the keep threshold are chosen by
leave-one-set-out inside the training sets only (best pooled plan micro-F1 of the training sets; ties: the lower
threshold, i.e. fewer drops, then the first L2), never on S.

    .venv/bin/python benchmarks/step_filter_loso.py UNITS.json [--kind both|text|parse] [--json OUT]

Prints one line per set (RL301 P/R, RL302 P/R, micro-F1, without -> with the filter; the filter's own drops) and
the pooled figures over the public sets. Numbers only: no record text is printed.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_step_filter import FEATURE_SETS, all_units, prob, train  # noqa: E402

L2S = (1.0, 3.0, 10.0, 30.0)
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
PLAN = ("plan.timescale", "plan.specific")
RULE_CATEGORY = {"RL301": "plan.timescale", "RL302": "plan.specific"}


def load_sets(data: dict) -> dict:
    """Each set's gold records (read from the path the units file names) and its predictions as Spans."""
    from recordlint.api import Linter
    from recordlint.evaluate import Span, load_gold

    linter = Linter(search=False)
    out = {}
    for name, s in data.items():
        cats = {p["category"] for r in s["records"] for p in r["predictions"]} | set(PLAN)
        gold, problems = load_gold(s["path"], cats, lambda n: linter.config.resolve_doc_type(n).name)
        if problems:
            sys.exit(f"{s['path']}: {len(problems)} problem(s); first: {problems[0]}")
        preds = {r["id"]: [Span(p["category"], p["start"], p["end"], p["code"]) for p in r["predictions"]]
                 for r in s["records"]}
        out[name] = (gold, preds)
    return out


def dropped_preds(preds: dict, dropped: set) -> dict:
    """The predictions without the RL301/RL302 findings inside a dropped unit ((id, start, end))."""
    spans = {}
    for rid, s, e in dropped:
        spans.setdefault(rid, []).append((s, e))
    return {rid: [p for p in ps if not (p.code in ("RL301", "RL302") and p.start is not None and
                                        any(s <= p.start and p.end <= e for s, e in spans.get(rid, ())))]
            for rid, ps in preds.items()}


def counts(gold: list, preds: dict, only=None) -> dict:
    """tp (predictions that match), n (predictions), tpg (gold matched), g (gold) by rule code and category."""
    from recordlint.evaluate import matches

    out: dict = {}
    labelled = {s.category for r in gold for s in r.findings}
    for rec in gold:
        ps = [p for p in preds.get(rec.id, []) if p.category in labelled and (only is None or p.category in only)]
        for p in ps:
            for key in (p.code, p.category, "micro"):
                c = out.setdefault(key, [0, 0, 0, 0])
                c[0] += any(matches(p, g) for g in rec.findings)
                c[1] += 1
        for g in rec.findings:
            if only is not None and g.category not in only:
                continue
            for key in (g.category, "micro"):
                c = out.setdefault(key, [0, 0, 0, 0])
                c[2] += any(matches(g, p) for p in ps)
                c[3] += 1
            for code in {p.code for p in ps if matches(g, p)}:
                out.setdefault(code, [0, 0, 0, 0])[2] += 1
    for code, cat in RULE_CATEGORY.items():   # a rule's recall is over its category's gold findings
        out.setdefault(code, [0, 0, 0, 0])[3] = out.get(cat, [0, 0, 0, 0])[3]
    return out


def prf(c) -> tuple[float, float, float]:
    tp, n, tpg, g = c if c else (0, 0, 0, 0)
    p, r = (tp / n if n else 0.0), (tpg / g if g else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def drops(data: dict, name: str, model: dict, t: float) -> tuple[set, list]:
    """The units of set ``name`` the filter drops, and (prob, label) for each unit."""
    out, seen = set(), []
    for r in data[name]["records"]:
        for u in r["units"]:
            p = prob(model, u)
            seen.append((p, u["label"]))
            if p < t:
                out.add((r["id"], u["start"], u["end"]))
    return out, seen


def _texts(s: dict) -> list:
    return [(r["id"], u["start"], u["end"]) for r in s["records"] for u in r["units"]]


def training(data: dict, extra: dict, names: list[str]) -> list[dict]:
    """The units of sets ``names``, and their units read by older rules (``extra``: step_filter_history.py) where
    those rules reported other units than today's."""
    older = [n for n in names if n in extra and extra[n].get("rules_of") and _texts(extra[n]) != _texts(data[n])]
    return all_units(data, names) + all_units(extra, older)


def choose(data: dict, sets: dict, names: list[str], kinds: list[str], extra: dict) -> tuple[str, float, float]:
    """(features, L2, threshold) with the best pooled plan micro-F1 over inner leave-one-set-out folds of
    ``names``. Ties: the lower threshold (fewer drops), then the first features and L2 in the lists."""
    best = None
    for kind, l2 in ((k, v) for k in kinds for v in L2S):
        pooled = {t: [0, 0, 0, 0] for t in THRESHOLDS}
        for held in names:
            model = train(training(data, extra, [n for n in names if n != held]), kind, l2)
            probs = [(r["id"], u, prob(model, u)) for r in data[held]["records"] for u in r["units"]]
            gold, preds = sets[held]
            for t in THRESHOLDS:
                gone = {(rid, u["start"], u["end"]) for rid, u, p in probs if p < t}
                c = counts(gold, dropped_preds(preds, gone), PLAN).get("micro", [0, 0, 0, 0])
                pooled[t] = [a + b for a, b in zip(pooled[t], c, strict=True)]
        for t in THRESHOLDS:
            key = (round(prf(pooled[t])[2], 6), -t)
            if best is None or key > best[0]:
                best = (key, kind, l2, t)
    return best[1], best[2], best[3]


def fold(data: dict, sets: dict, test: str, kinds: list[str], extra: dict) -> dict:
    names = [n for n in data if n != test]
    kind, l2, t = choose(data, sets, names, kinds, extra)
    model = train(training(data, extra, names), kind, l2)
    gone, seen = drops(data, test, model, t)
    gold, preds = sets[test]
    before, after = counts(gold, preds), counts(gold, dropped_preds(preds, gone))
    kept = [(p >= t, y) for p, y in seen]
    return {"set": test, "kind": kind, "l2": l2, "threshold": t, "units": len(seen), "steps": sum(y for _, y in seen),
            "dropped": len(gone), "dropped_right": sum(1 for k, y in kept if not k and not y),
            "before": before, "after": after, "probs": seen}


def line(r: dict) -> str:
    b, a = r["before"], r["after"]
    cells = []
    for code in ("RL301", "RL302"):
        (pb, rb, _), (pa, ra, _) = prf(b.get(code)), prf(a.get(code))
        cells.append(f"{pb:.3f}/{rb:.3f} -> {pa:.3f}/{ra:.3f}")
    mb, ma = prf(b.get("micro"))[2], prf(a.get("micro"))[2]
    return (f"{r['set']:15s} {r['units']:4d} {r['steps']:4d} {r['kind']:5s} {r['l2']:4g} {r['threshold']:.1f} "
            f"{r['dropped']:3d} ({r['dropped_right']:3d}) | {cells[0]} | {cells[1]} | {mb:.3f} -> {ma:.3f} "
            f"({ma - mb:+.3f})")


def pooled(rows: list[dict], key: str, code: str) -> list[int]:
    out = [0, 0, 0, 0]
    for r in rows:
        out = [a + b for a, b in zip(out, r[key].get(code, [0, 0, 0, 0]), strict=True)]
    return out


def report(rows: list[dict], kind: str) -> None:
    print(f"features: {kind}")
    print("set             units true feats   L2    t drop (right) | RL301 P/R without -> with | "
          "RL302 P/R without -> with | micro-F1 without -> with")
    for r in rows:
        print(line(r))
    public = [r for r in rows if r["set"].startswith("public")]
    for code in ("RL301", "RL302", "micro"):
        (pb, rb, fb), (pa, ra, fa) = prf(pooled(public, "before", code)), prf(pooled(public, "after", code))
        print(f"pooled public sets {code}: P {pb:.3f} -> {pa:.3f}, R {rb:.3f} -> {ra:.3f}, F1 {fb:.3f} -> {fa:.3f}")
    units = [(r["dropped"], r["dropped_right"], r["units"], r["steps"]) for r in rows]
    d, dr, n, s = (sum(x[i] for x in units) for i in range(4))
    kept_true = s - (d - dr)
    kept = n - d
    print(f"the filter over every fold: {n} units ({s} true), dropped {d} ({dr} false, {d - dr} true); "
          f"keep precision {kept_true / kept if kept else 0:.3f} (rules alone {s / n if n else 0:.3f}), "
          f"keep recall {kept_true / s if s else 0:.3f}; drop precision {dr / d if d else 0:.3f}, "
          f"false units dropped {dr} of {n - s}")


def ranking(rows: list[dict]) -> None:
    """How well the out-of-fold probabilities rank the false units below the true ones (every unit scored by
    the model of the fold that did not train on it), and what a single threshold would drop. A diagnostic:
    a threshold picked from these lines would be picked on the test sets."""
    seen = [py for r in rows for py in r["probs"]]
    false = [p for p, y in seen if not y]
    true = [p for p, y in seen if y]
    pairs = sum((pf < pt) + 0.5 * (pf == pt) for pf in false for pt in true)
    print(f"out-of-fold ranking: AUC {pairs / (len(false) * len(true)) if false and true else 0:.3f} "
          f"({len(false)} false, {len(true)} true units)")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        print(f"  below {t:.1f}: {sum(p < t for p in false)} false and {sum(p < t for p in true)} true units")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("units")
    ap.add_argument("--kind", choices=FEATURE_SETS + ("auto",), nargs="+", default=["auto"],
                    help="the features; auto (the default): chosen in each fold by the inner folds, as L2 and the "
                         "threshold are")
    ap.add_argument("--extra", help="units of the same sets read by older rules (step_filter_history.py), added to "
                                    "each fold's training sets")
    ap.add_argument("--json")
    args = ap.parse_args()
    data = json.loads(Path(args.units).read_text(encoding="utf-8"))
    extra = json.loads(Path(args.extra).read_text(encoding="utf-8")) if args.extra else {}
    sets = load_sets(data)
    results = {}
    for kind in args.kind:
        kinds = list(FEATURE_SETS) if kind == "auto" else [kind]
        rows = [fold(data, sets, name, kinds, extra) for name in data]
        report(rows, kind + (" (training sets also read by the rules that added them)" if extra else ""))
        ranking(rows)
        results[kind] = rows
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
