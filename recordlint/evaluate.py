"""Measure the rules against labelled records: precision, recall and F1.

The gold format is ``../shared/corpus/GUIDELINES.md``: one JSON object per line
with ``id``, ``doc_type``, ``text``, optional ``child``, and ``findings``, each
either ``{"category", "quote", "occurrence"}``, ``{"category", "start", "end"}``
or ``{"category", "doc": true}``.

The matching is exactly that of the reference scorer ``score.py``:

* a reported finding matches a labelled one of the same category when their
  character spans overlap; document findings match on category alone;
* categories that the gold file never labels (readability, say) are left out;
* precision counts predictions that match some gold finding, recall counts gold
  findings matched by some prediction (so two predictions on one labelled span
  are both correct, and one prediction may cover two labelled spans);
* numbers are rounded to three decimals, as score.py prints them.

Per rule, a rule's own predictions are scored against the gold findings of the
rule's category: its precision says how often it is right, its recall what
share of that category it finds on its own.

Everything here is a library call; ``recordlint evaluate`` is a thin wrapper.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RecordlintError
from .findings import LineIndex
from .io.readers import InputRecord, jsonl_lines
from .results import check_records

# The categories of the labelling guidelines (as in score.py). A config may add
# rules with other categories; gold files may label those too.
SPAN_CATEGORIES = {"person.first", "person.second", "person.third", "language.jargon",
                   "language.blaming", "plan.timescale", "plan.specific"}
DOC_CATEGORIES = {"plan.contingency", "voice.child"}


class GoldError(Exception):
    """The gold file has problems; ``problems`` lists each with its line number."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the gold file")


@dataclass(frozen=True)
class Span:
    """A labelled or reported finding: start/end are None for a document finding."""
    category: str
    start: int | None
    end: int | None
    code: str | None = None   # predictions only

    @property
    def doc(self) -> bool:
        return self.start is None


@dataclass
class GoldRecord:
    id: str
    line: int
    doc_type: str
    text: str
    child: dict = field(default_factory=dict)
    findings: list[Span] = field(default_factory=list)


# --- reading the gold file ---------------------------------------------------------------------
def quote_pattern(quote: str) -> str:
    """A quote that starts or ends with a letter or digit matches whole words only."""
    pat = re.escape(quote)
    if quote[:1].isalnum():
        pat = r"(?<!\w)" + pat
    if quote[-1:].isalnum():
        pat = pat + r"(?!\w)"
    return pat


def resolve_finding(text: str, f, known_categories: set[str]) -> Span:
    """One labelled finding as a Span; ValueError says what is wrong (never the text)."""
    if not isinstance(f, dict):
        raise ValueError("expected a JSON object")
    cat = f.get("category")
    if not isinstance(cat, str) or cat not in known_categories | DOC_CATEGORIES:
        raise ValueError(f"unknown category {cat!r}")
    if cat in DOC_CATEGORIES or f.get("doc"):
        if cat not in DOC_CATEGORIES and cat in SPAN_CATEGORIES:
            raise ValueError(f"{cat} is a span category, not a document one")
        return Span(cat, None, None)
    if "start" in f and "end" in f and "quote" not in f:
        try:
            start, end = int(f["start"]), int(f["end"])
        except (TypeError, ValueError):
            raise ValueError("start and end must be whole numbers") from None
        if not 0 <= start < end <= len(text):
            raise ValueError(f"start/end {start}-{end} outside the text (length {len(text)})")
        return Span(cat, start, end)
    quote = f.get("quote")
    if not quote or not isinstance(quote, str):
        raise ValueError("span finding needs quote or start/end")
    try:
        occ = int(f.get("occurrence", 1))
    except (TypeError, ValueError):
        raise ValueError("occurrence must be a whole number") from None
    hits = [m.start() for m in re.finditer(quote_pattern(quote), text)]
    if occ < 1 or occ > len(hits):
        # The quote is record text: say how many times it was found, not what it is.
        raise ValueError(f"quote ({len(quote)} characters) occurrence {occ} not in text "
                         f"(found {len(hits)} time(s))")
    pos = hits[occ - 1]
    if "start" in f:
        try:
            given = int(f["start"])
        except (TypeError, ValueError):
            raise ValueError("start must be a whole number") from None
        if given != pos:
            raise ValueError(f"start {given} disagrees with quote at {pos}")
    return Span(cat, pos, pos + len(quote))


def load_gold(path: str | Path, known_categories: set[str] | None = None,
              resolve_doc_type=None) -> tuple[list[GoldRecord], list[str]]:
    """Read a gold file (with the one JSONL reader, ``io.readers.jsonl_lines``). Returns the good
    records and a list of problems, each ``PATH:LINE: ...`` (a record with any problem is left
    out of the records).

    ``known_categories``: span categories accepted besides the guidelines' own (the
    categories of the configured rules). ``resolve_doc_type``: a callable that maps a
    doc type name or alias to its canonical name or raises; default: any string.
    """
    path = Path(path)
    cats = SPAN_CATEGORIES | set(known_categories or ())
    records, problems, seen = [], [], set()
    if not path.is_file():
        return [], [f"{path}: no such file"]
    try:
        for n, _pos, line in jsonl_lines(path, lambda m: None):
            where = f"{path}:{n}"
            rec, bad = _gold_record(line, n, cats, resolve_doc_type, seen)
            problems.extend(f"{where}: {b}" for b in bad)
            if rec is not None and not bad:
                records.append(rec)
    except (OSError, RecordlintError) as exc:
        return [], [f"{path}: cannot read ({type(exc).__name__})"]
    return records, problems


def _gold_record(line: str, n: int, cats: set[str], resolve_doc_type, seen: set) -> tuple[GoldRecord | None, list]:
    """One gold line as a record, and its problems (none: the record is good)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, [f"not JSON ({exc.msg}, column {exc.colno})"]
    except RecursionError:
        return None, ["not JSON (nested too deeply)"]
    if not isinstance(obj, dict):
        return None, ["expected a JSON object"]
    bad = [f"missing {key}" for key in ("id", "text", "doc_type") if key not in obj]
    text = obj.get("text")
    if "text" in obj and not isinstance(text, str):
        bad.append("'text' is not a string")
    doc_type = obj.get("doc_type")
    if "doc_type" in obj:
        try:
            doc_type = resolve_doc_type(doc_type) if resolve_doc_type else str(doc_type)
        except Exception:  # noqa: BLE001 - any failure to resolve is an unknown doc type
            bad.append(f"unknown doc_type {doc_type!r}")
    rid = str(obj.get("id"))
    if "id" in obj:
        if rid in seen:
            bad.append(f"duplicate id {rid}")
        seen.add(rid)
    findings = obj.get("findings", [])
    if not isinstance(findings, list):
        bad.append("'findings' is not a list")
        findings = []
    spans = []
    for i, f in enumerate(findings if isinstance(text, str) else [], 1):
        try:
            spans.append(resolve_finding(text, f, cats))
        except ValueError as exc:
            bad.append(f"finding {i}: {exc}")
    child = obj.get("child") if isinstance(obj.get("child"), dict) else {}
    return GoldRecord(id=rid, line=n, doc_type=doc_type, text=text, child=child, findings=spans), bad


# --- predicting --------------------------------------------------------------------------------
def predictions_from_findings(findings) -> list[Span]:
    """Findings (objects or dicts) as Spans, kept or dropped exactly as score.py does:
    a document category counts only as a document finding, a span category only with a span."""
    out = []
    for f in findings:
        d = f if isinstance(f, dict) else f.to_dict(excerpts=False) | {"doc": f.doc}
        cat, start = d.get("category"), d.get("start")
        if cat in DOC_CATEGORIES:
            if d.get("doc") or start is None:
                out.append(Span(cat, None, None, d.get("code")))
        elif start is not None:
            out.append(Span(cat, int(start), int(d["end"]), d.get("code")))
        elif d.get("doc"):
            out.append(Span(cat, None, None, d.get("code")))
    return out


def predict(linter, records: list[GoldRecord], batch_size: int = 32) -> dict[str, list[Span]]:
    """Lint every gold record (its doc type and child) with ``results.check_records`` and return
    its predictions by id (none for a record that could not be checked)."""
    inputs = (InputRecord(id=r.id, text=r.text, doc_type=r.doc_type, child=r.child) for r in records)
    return {res.id: predictions_from_findings(res.findings)
            for res in check_records(linter, inputs, batch_size=batch_size)}


# --- scoring -----------------------------------------------------------------------------------
def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def matches(a: Span, b: Span) -> bool:
    """Same category and overlapping spans (or ``a`` is a document finding), as in score.py."""
    return a.category == b.category and (a.start is None or (b.start is not None and _overlaps(a, b)))


def _prf(tpp: int, tpg: int, npred: int, ngold: int) -> dict:
    p = tpp / npred if npred else 0.0
    r = tpg / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
            "predicted": npred, "gold": ngold}


@dataclass
class Error:
    kind: str            # "fp" (reported, not labelled) or "fn" (labelled, not reported)
    record: GoldRecord
    span: Span


@dataclass
class Report:
    categories: dict
    micro: dict
    rules: dict
    labelled: set
    unscored: dict                 # category never labelled -> codes that reported it
    false_positives: list[Error]
    false_negatives: list[Error]
    predictions: dict              # id -> [Span] (all, including unscored categories)
    correct: dict                  # id -> set of Spans that matched some gold finding

    def to_dict(self, show_errors: int | None = None, excerpts: bool = True) -> dict:
        out = {"categories": self.categories, "micro": self.micro, "rules": self.rules,
               "not_scored": {c: sorted(codes) for c, codes in sorted(self.unscored.items())}}
        if show_errors is not None:
            out["false_positives"] = [error_dict(e, excerpts) for e in self.false_positives[:show_errors]]
            out["false_negatives"] = [error_dict(e, excerpts) for e in self.false_negatives[:show_errors]]
        return out


def score(records: list[GoldRecord], preds: dict[str, list[Span]], rules=()) -> Report:
    """Score predictions against the gold records. ``rules``: (code, name, category) of the
    configured rules, so a rule that reported nothing still gets a row."""
    labelled = {s.category for r in records for s in r.findings}
    tp_p, tp_g, n_p, n_g = Counter(), Counter(), Counter(), Counter()
    rule_tp_p, rule_tp_g, rule_n = Counter(), Counter(), Counter()
    fps, fns, correct, unscored = [], [], {}, {}
    for rec in records:
        all_p = preds.get(rec.id, [])
        for p in all_p:
            if p.category not in labelled:
                unscored.setdefault(p.category, set()).add(p.code or "?")
        pspans = [p for p in all_p if p.category in labelled]
        gold = rec.findings
        for g in gold:
            n_g[g.category] += 1
            hit_by = {p.code for p in pspans if matches(g, p)}
            if hit_by:
                tp_g[g.category] += 1
            else:
                fns.append(Error("fn", rec, g))
            for code in hit_by:
                rule_tp_g[code] += 1
        ok = set()
        for p in pspans:
            n_p[p.category] += 1
            rule_n[p.code] += 1
            if any(matches(p, g) for g in gold):
                tp_p[p.category] += 1
                rule_tp_p[p.code] += 1
                ok.add(p)
            else:
                fps.append(Error("fp", rec, p))
        correct[rec.id] = ok
    categories = {c: _prf(tp_p[c], tp_g[c], n_p[c], n_g[c]) for c in sorted(labelled)}
    micro = _prf(*(sum(x.values()) for x in (tp_p, tp_g, n_p, n_g)))
    rule_rows = {}
    known = {code: (name, cat) for code, name, cat in rules}
    seen_codes = {p.code: p.category for ps in preds.values() for p in ps if p.category in labelled}
    for code, cat in seen_codes.items():
        known.setdefault(code, (None, cat))
    for code in sorted(known):
        name, cat = known[code]
        if cat not in labelled:
            continue
        row = _prf(rule_tp_p[code], rule_tp_g[code], rule_n[code], n_g[cat])
        rule_rows[code] = {"name": name, "category": cat, **row}
    return Report(categories, micro, rule_rows, labelled, unscored, fps, fns, preds, correct)


def evaluate(linter, gold_path: str | Path, batch_size: int = 32) -> tuple[list[GoldRecord], Report]:
    """Read the gold file, lint it with ``linter`` and score. Raises GoldError on problems."""
    records, problems = load_gold(gold_path, rule_categories(linter),
                                  lambda name: linter.config.resolve_doc_type(name).name)
    if problems:
        raise GoldError(problems)
    return records, score(records, predict(linter, records, batch_size), rule_rows(linter))


def rule_categories(linter) -> set[str]:
    return {r.category for r in linter.ruleset.rules}


def rule_rows(linter) -> list[tuple[str, str, str]]:
    return [(r.code, r.name, r.category) for r in linter.ruleset.rules]


# --- comparing two configs ---------------------------------------------------------------------
@dataclass
class Change:
    kind: str            # "added" (only the other config reports it) or "removed"
    record: GoldRecord
    span: Span
    correct: bool        # it matches a gold finding


def compare(records: list[GoldRecord], base: Report, other: Report) -> list[Change]:
    """Scored findings that one config reports and the other does not."""
    changes = []
    for rec in records:
        a = Counter(p for p in base.predictions.get(rec.id, []) if p.category in base.labelled)
        b = Counter(p for p in other.predictions.get(rec.id, []) if p.category in other.labelled)
        for kind, diff, report in (("removed", a - b, base), ("added", b - a, other)):
            for span in sorted(diff.elements(), key=lambda s: (s.start is None, s.start or 0, s.code or "")):
                changes.append(Change(kind, rec, span, span in report.correct.get(rec.id, set())))
    return changes


# --- showing errors ----------------------------------------------------------------------------
def line_col(text: str, offset: int) -> tuple[int, int]:
    return LineIndex(text).line_col(offset)


def context(text: str, span: Span, width: int = 40) -> str:
    """The line around a span, with the span in [[ ]], on one line, cut to about 2 * width."""
    if span.start is None:
        return ""
    ls = max(text.rfind("\n", 0, span.start), text.rfind("\r", 0, span.start)) + 1
    m = re.compile(r"\r|\n").search(text, span.end)
    le = m.start() if m else len(text)
    left = text[max(ls, span.start - width):span.start]
    right = text[span.end:min(le, span.end + width)]
    mid = text[span.start:span.end]
    pre = "..." if span.start - width > ls else ""
    post = "..." if span.end + width < le else ""
    return " ".join(f"{pre}{left}[[{mid}]]{right}{post}".split())


def error_dict(e, excerpts: bool = True) -> dict:
    out = {"id": e.record.id, "doc_type": e.record.doc_type, "category": e.span.category,
           "code": e.span.code, "doc": e.span.doc, "start": e.span.start, "end": e.span.end}
    if not e.span.doc:
        out["line"], out["column"] = line_col(e.record.text, e.span.start)
        if excerpts:
            out["context"] = context(e.record.text, e.span)
    if isinstance(e, Change):
        out["change"] = e.kind
        out["correct"] = e.correct
    return out


def error_line(e, excerpts: bool = True) -> str:
    d = error_dict(e, excerpts)
    where = f"{d['id']} ({d['doc_type']})" + ("" if e.span.doc else f" {d['line']}:{d['column']}")
    what = f"{d['code'] + ' ' if d['code'] else ''}[{d['category']}]"
    if e.span.doc:
        return f"  {where}: {what} (whole record)"
    return f"  {where}: {what}" + (f" {d['context']}" if excerpts else "")


# --- text output -------------------------------------------------------------------------------
def table(rows: dict, first: str = "category", extra=None) -> list[str]:
    width = max([len(first)] + [len(k) for k in rows]) + 1
    head = f"{first:{width}} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}"
    out = [head]
    for key, r in rows.items():
        line = (f"{key:{width}} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
                f" {r['predicted']:6d} {r['gold']:6d}")
        if extra:
            line += extra(key, r)
        out.append(line)
    return out


def format_report(report: Report, show_errors: int = 10, excerpts: bool = True) -> list[str]:
    out = ["Per category (spans overlap, same category; document findings by category):"]
    out += table({**report.categories, "micro": report.micro})
    out += ["", "Per rule (its findings against all gold findings of its category):"]
    out += table(report.rules, "rule", lambda code, r: f"  {r['category']}" + (f" ({r['name']})" if r["name"] else ""))
    if report.unscored:
        out += ["", "Not scored (categories this gold file never labels): "
                + "; ".join(f"{c} ({', '.join(sorted(codes))})" for c, codes in sorted(report.unscored.items()))]
    if show_errors:
        for title, errs in (("False positives (reported, not labelled)", report.false_positives),
                            ("False negatives (labelled, not reported)", report.false_negatives)):
            shown = errs[:show_errors]
            out += ["", f"{title}: {len(errs)}" + (f", first {len(shown)}" if len(shown) < len(errs) else "")]
            out += [error_line(e, excerpts) for e in shown]
    return out


def format_comparison(base: Report, other: Report, changes: list[Change], names: tuple[str, str],
                      show_errors: int = 10, excerpts: bool = True) -> list[str]:
    a, b = names
    out = [f"A: {a}", f"B: {b}", ""]
    for title, ra, rb, first in (("Per category", {**base.categories, "micro": base.micro},
                                  {**other.categories, "micro": other.micro}, "category"),
                                 ("Per rule", base.rules, other.rules, "rule")):
        keys = list(ra) + [k for k in rb if k not in ra]
        width = max([len(first)] + [len(k) for k in keys]) + 1
        out += [f"{title}:",
                f"{first:{width}} {'P(A)':>6} {'R(A)':>6} {'F1(A)':>6}   {'P(B)':>6} {'R(B)':>6} {'F1(B)':>6}"
                f" {'dF1':>7}"]
        for k in keys:
            x, y = ra.get(k), rb.get(k)
            def cells(r):
                return (f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}" if r
                        else f"{'-':>6} {'-':>6} {'-':>6}")
            delta = f"{y['f1'] - x['f1']:+7.3f}" if x and y else f"{'':>7}"
            out.append(f"{k:{width}} {cells(x)}   {cells(y)} {delta}")
        out.append("")
    added = [c for c in changes if c.kind == "added"]
    removed = [c for c in changes if c.kind == "removed"]
    out.append(f"Changed findings: {len(added)} added in B ({sum(c.correct for c in added)} correct), "
               f"{len(removed)} removed in B ({sum(c.correct for c in removed)} were correct)")
    for title, group in (("Added in B", added), ("Removed in B", removed)):
        shown = group[:show_errors] if show_errors else []
        if shown:
            out.append(f"{title}:" + (f" first {len(shown)} of {len(group)}" if len(shown) < len(group) else ""))
            for c in shown:
                mark = "correct" if c.correct else "wrong"
                out.append(error_line(c, excerpts) + f"  <{mark}>")
    return out
