"""Apply fixes to a record's text, resolving overlapping edits the same way every time.

Fixes are taken in a fixed order: person rewrites first (they change the most and
other fixes are written against the same words), then acronym expansions, then
word replacements; within a kind, by position. A fix is applied whole or not at
all: it is skipped when one of its edits overlaps an edit already accepted (an
identical edit, such as the shared rewrite of a sentence, is not a conflict).
"""
from __future__ import annotations

import re

from ..findings import Edit, Finding

_SENT_END = re.compile(r"[.!?][\"”’')]*[ \t]+|\r\n|\r|\n")

KIND_ORDER = {"person": 0, "language.jargon": 1}


def _order(f: Finding) -> tuple:
    kind = 0 if f.category.startswith("person") else 1 if f.code == "RL202" else 2
    first = min((e.start for e in f.fix.edits), default=0)
    return (kind, first, f.start or 0, f.code)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a == b:
        return False
    if a.start == a.end or b.start == b.end:  # insertions: clash at the same point or inside
        return a.start <= b.start < a.end or b.start <= a.start < b.end or a.start == b.start
    return a.start < b.end and b.start < a.end


def choose_edits(findings: list[Finding], unsafe: bool = False) -> tuple[list[Edit], list[Finding]]:
    """The edits to apply (sorted, no overlaps) and the findings whose fixes they come from."""
    accepted: list[Edit] = []
    applied: list[Finding] = []
    fixes = [f for f in findings if f.fix is not None and f.fix.edits
             and (unsafe or f.fix.applicability == "safe")]
    for f in sorted(fixes, key=_order):
        new = [e for e in f.fix.edits if e not in accepted]
        if any(_overlaps(e, a) for e in new for a in accepted):
            continue
        accepted.extend(new)
        applied.append(f)
    return sorted(accepted, key=lambda e: (e.start, e.end)), applied


def apply_edits(text: str, edits: list[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied (offsets index the original text)."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, list[Edit]]:
    edits, _ = choose_edits(findings, unsafe)
    return apply_edits(text, edits), edits


def fixed_sentence(text: str, finding: Finding) -> str:
    """The sentence holding ``finding``, rewritten with its fix (for showing a suggestion)."""
    start = lo = max(0, finding.start - 2000)  # a sentence is never that long: bounded work
    for m in _SENT_END.finditer(text, lo, finding.start):
        start = m.end()
    if lo > 0 and start == lo:
        start = finding.start
    m = _SENT_END.search(text, finding.end or finding.start, (finding.end or finding.start) + 2000)
    end = m.start() + len(m.group().rstrip(" \t\r\n")) if m else len(text)
    edits = [e for e in (finding.fix.edits if finding.fix else []) if start <= e.start and e.end <= end]
    return apply_edits(text[start:end], [Edit(e.start - start, e.end - start, e.text) for e in edits])
