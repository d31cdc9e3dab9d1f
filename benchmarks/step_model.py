"""A trained step classifier, measured leave-one-set-out against the rules (issue 11; models/README.md).

The model is a logistic regression over a unit's words (lower-cased unigrams and bigrams, digits as 0, its first
word) and a few cues the rules already compute (doc type, whether the unit may be an order, the rules' reading:
kind, owner, passive, vague, clear timescale). It is trained by full-batch gradient descent from zero weights
(no randomness: the same data give the same weights), with numpy only (already installed with spaCy).

For each public set: train on dev and the other public sets, test on that set's units. Three decisions of "is a
step that needs a finding" are compared on the test units:

  rules      the unit is flagged (RL301 or RL302)
  model      the model's probability >= 0.5
  combined   the rules flag it and the model does not veto it (probability >= t); t is chosen by
             leave-one-set-out cross-validation inside the training sets only, never on the test set

and the combined decision is also scored on the whole test set exactly as `recordlint evaluate` does (the vetoed
units' RL301/RL302 findings removed from the record's findings): micro-F1 and RL301 precision.

    .venv/bin/python benchmarks/step_units.py /tmp/step_units.json
    .venv/bin/python benchmarks/step_model.py /tmp/step_units.json [--text-only] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from step_units import study_sets  # noqa: E402

THRESHOLDS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def features(u: dict, text_only: bool = False) -> list[str]:
    words = [re.sub(r"\d", "0", w) for w in _WORD.findall(u["text"].lower())]
    out = [f"w={w}" for w in words] + [f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    if words:
        out.append(f"first={words[0]}")
    if not text_only:
        out += [f"doc={u['doc_type']}", f"order={u['order_ok']}", f"slot={u['slot']}", f"rule={u['rule']}",
                f"kind={u['kind']}", f"owner={u['owner']}", f"passive={u['passive']}", f"vague={u['vague']}",
                f"clear={u['clear']}"]
    return sorted(set(out))


def fit(feats: list[list[str]], labels: list[int], l2: float, epochs: int, rate: float) -> tuple[dict, float]:
    """A logistic regression over sparse binary features seen at least twice, by full-batch AdaGrad from zero
    weights (no randomness): (weights by feature, rounded; those under 1e-4 left out) and the bias."""
    df = Counter(f for fs in feats for f in fs)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= 2))}
    rows = np.array([row for row, fs in enumerate(feats) for f in fs if f in vocab], dtype=np.int64)
    cols = np.array([vocab[f] for fs in feats for f in fs if f in vocab], dtype=np.int64)
    y = np.array(labels, dtype=np.float64)
    w, b, n = np.zeros(len(vocab)), 0.0, len(feats)
    gw, gb = np.full(len(vocab), 1e-8), 1e-8   # AdaGrad: each weight's step shrinks with its own gradients
    for _ in range(epochs):   # sparse binary features: x @ w and x.T @ g as sums over the (row, col) pairs
        p = 1.0 / (1.0 + np.exp(-(np.bincount(rows, weights=w[cols], minlength=n) + b)))
        g = p - y
        dw = np.bincount(cols, weights=g[rows], minlength=len(vocab)) + l2 * w
        gw += dw * dw
        gb += g.sum() ** 2
        w -= rate * dw / np.sqrt(gw)
        b -= rate * g.sum() / np.sqrt(gb)
    return {f: round(float(w[i]), 6) for f, i in vocab.items() if abs(w[i]) >= 1e-4}, round(float(b), 6)


def train(units: list[dict], text_only: bool = False, l2: float = 1.0, epochs: int = 300, rate: float = 0.5
          ) -> dict:
    """Weights by feature (features seen at least twice), and a bias."""
    weights, b = fit([features(u, text_only) for u in units], [u["label"] for u in units], l2, epochs, rate)
    return {"bias": b, "weights": weights, "text_only": text_only}


def logistic(model: dict, feats: list[str]) -> float:
    """The probability a model of ``fit``'s weights and bias gives a unit with these features."""
    ws = model["weights"]
    return float(1.0 / (1.0 + np.exp(-(model["bias"] + sum(ws.get(f, 0.0) for f in feats)))))


def prob(model: dict, u: dict) -> float:
    return logistic(model, features(u, model["text_only"]))


def prf(decided: list[bool], labels: list[int]) -> tuple[float, float, float, int]:
    tp = sum(1 for d, y in zip(decided, labels, strict=True) if d and y)
    n, g = sum(decided), sum(labels)
    p, r = tp / n if n else 0.0, tp / g if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), n


def choose_veto(data: dict, names: list[str], opts) -> tuple[float, float]:
    """The (L2 strength, veto threshold) with the best pooled F1 of the combined decision, leave-one-set-out
    inside ``names`` (with ``opts.inner == "public"``, dev stays in training and only the public sets are held
    out in turn). Ties: the smaller threshold (fewer vetoes), then the first L2 of the grid."""
    best = None
    for l2 in opts.l2:
        decided = {t: [] for t in THRESHOLDS}
        labels = []
        for held in [n for n in names if opts.inner == "all" or n != "dev"]:
            model = train([u for n in names if n != held for r in data[n] for u in r["units"]], opts.text_only, l2)
            units = [u for r in data[held] for u in r["units"] if u["flagged"] or u["label"]]
            probs = [prob(model, u) for u in units]
            labels += [u["label"] for u in units]
            for t in THRESHOLDS:
                decided[t] += [bool(u["flagged"]) and p >= t for u, p in zip(units, probs, strict=True)]
        for t in THRESHOLDS:
            key = (round(prf(decided[t], labels)[2], 6), -t)
            if best is None or key > best[0]:
                best = (key, l2, t)
    return best[1], best[2]


def rescore(name: str, recs: list[dict], vetoed: set) -> dict:
    """The set scored as `recordlint evaluate` scores it, without the findings of the vetoed steps."""
    from recordlint.evaluate import Span, load_gold, score

    cats = {p["category"] for r in recs for p in r["predictions"]}
    gold, problems = load_gold(study_sets()[name], cats)
    assert not problems, problems[:3]
    preds = {r["id"]: [Span(p["category"], p["start"], p["end"], p["code"]) for p in r["predictions"]
                       if not (p["code"] in ("RL301", "RL302") and (r["id"], p["start"], p["end"]) in vetoed)]
             for r in recs}
    rep = score(gold, preds)
    return {"micro_f1": rep.micro["f1"], "rl301_p": rep.rules.get("RL301", {}).get("precision"),
            "rl301_r": rep.rules.get("RL301", {}).get("recall"),
            "categories": {c: rep.categories[c]["f1"] for c in ("plan.timescale", "plan.specific")
                           if c in rep.categories}}


def fold(data: dict, test: str, opts) -> dict:
    names = [n for n in data if n != test]
    l2, t = choose_veto(data, names, opts)
    model = train([u for n in names for r in data[n] for u in r["units"]], opts.text_only, l2)
    units = [(r["id"], u) for r in data[test] for u in r["units"]]
    probs = [prob(model, u) for _, u in units]
    labels = [u["label"] for _, u in units]
    flagged = [bool(u["flagged"]) for _, u in units]
    combined = [f and p >= t for f, p in zip(flagged, probs, strict=True)]
    vetoed = {(rid, u["start"], u["end"]) for (rid, u), f, c in zip(units, flagged, combined, strict=True)
              if f and not c}
    return {"set": test, "l2": l2, "threshold": t, "units": len(units), "steps": sum(labels),
            "rules": prf(flagged, labels), "model": prf([p >= 0.5 for p in probs], labels),
            "combined": prf(combined, labels), "vetoed": len(vetoed),
            "vetoed_right": sum(1 for (_, u), f, c in zip(units, flagged, combined, strict=True)
                                if f and not c and not u["label"]),
            "set_rules": rescore(test, data[test], set()), "set_combined": rescore(test, data[test], vetoed)}


def save(data: dict, opts) -> None:
    names = list(data)
    l2, t = choose_veto(data, names, opts)
    model = train([u for n in names for r in data[n] for u in r["units"]], opts.text_only, l2)
    model = {"about": "recordlint step veto (benchmarks/step_model.py; models/README.md)", "sets": names,
             "l2": l2, "threshold": t, **model}
    Path(opts.save).write_text(json.dumps(model, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"{opts.save}: {len(model['weights'])} weights, L2 {l2}, veto below {t}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("units")
    ap.add_argument("--text-only", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--save", help="train on every set (L2 and threshold by leave-one-set-out over them all) and "
                                   "write the model here, instead of measuring")
    ap.add_argument("--l2", type=float, nargs="+", default=[1.0, 3.0, 10.0, 30.0],
                    help="the L2 strengths the inner folds choose from")
    ap.add_argument("--inner", choices=("all", "public"), default="all",
                    help="inner folds for the threshold: every training set (all) or the public ones, dev always "
                         "trained on (public)")
    args = ap.parse_args()
    data = json.loads(Path(args.units).read_text(encoding="utf-8"))
    if args.save:
        save(data, args)
        return
    rows = [fold(data, name, args) for name in data if name != "dev"]
    print("set             units steps  t    l2   | rules P/R/F1 (n)      | model P/R/F1 (n)      | combined P/R/F1 (n)"
          "   | veto (right) | micro-F1 rules->comb | RL301 P rules->comb")
    for r in rows:
        cell = {k: "{:.2f}/{:.2f}/{:.2f} ({:3d})".format(*r[k]) for k in ("rules", "model", "combined")}
        sr, sc = r["set_rules"], r["set_combined"]
        print(f"{r['set']:15s} {r['units']:5d} {r['steps']:4d} {r['threshold']:.2f} {r['l2']:4g} | {cell['rules']} | "
              f"{cell['model']} | {cell['combined']} | {r['vetoed']:3d} ({r['vetoed_right']:3d})   | "
              f"{sr['micro_f1']:.3f} -> {sc['micro_f1']:.3f}     | {sr['rl301_p']} -> {sc['rl301_p']}")
    mean = {k: sum(r[k]["micro_f1"] for r in rows) / len(rows) for k in ("set_rules", "set_combined")}
    print(f"mean micro-F1 over the folds: rules {mean['set_rules']:.4f}, combined {mean['set_combined']:.4f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
