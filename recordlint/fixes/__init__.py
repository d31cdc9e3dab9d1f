"""Suggested fixes: rewrites a practitioner can accept, never applied without being asked.

A fixer takes the record (recordlint.record.Record) and its findings and sets
``finding.fix`` (findings.Fix: edits, "safe" or "unsafe", a description). Fixes are
computed after the rules, only when asked (``Linter.lint(..., fixes=True)``), so
checking without fixes costs nothing extra.

  RL101, RL102, RL103  person.py, third.py: rewrite the sentence in the right person
  RL202                words.py: spell the acronym out on first use (safe)
  RL201                words.py: the first plain alternative, when it is a drop-in (unsafe)
"""
from __future__ import annotations

import bisect

from ..findings import Fix
from .person import PERSON_CODES, ToChild
from .third import ToThird

DEFAULT_AUTHOR = "the social worker"
# What ``recordlint explain`` says about each fixable rule.
FIXABLE = {
    "RL101": "safe when the parse is clear: the sentence is rewritten in the third person "
             "(I -> the author, named from --author; verbs agree)",
    "RL102": "safe when the child's name and pronouns are known: the sentence is rewritten with "
             "the child's name, then their pronoun (verbs agree)",
    "RL103": "safe when the parse is clear: the sentence is rewritten to speak to the child "
             "(name, pronouns and verbs: 'Leah enjoys her' -> 'You enjoy your')",
}
DESCRIPTIONS = {
    "RL101": "Rewrite the sentence in the third person",
    "RL102": "Rewrite the sentence in the third person, naming the child",
    "RL103": "Rewrite the sentence to speak to the child ('you')",
}


def sentence_numberer(rec):
    """offset -> the number of the record sentence that holds it."""
    starts = [s for s, _ in rec.sentences]

    def number(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    return number


def attach_fixes(rec, findings: list, author: str | None = None, parse_many=None) -> None:
    """Set ``fix`` on the findings that a fixer can rewrite. ``parse_many(texts)``: parse many
    sentences in one pass (else one at a time with the record's parser)."""
    person = [f for f in findings if f.code in PERSON_CODES and not f.doc and f.start is not None]
    if person:
        _person_fixes(rec, person, author or DEFAULT_AUTHOR, parse_many)


def parse_by_sentence(rec, parse_many=None):
    """The record parsed one sentence at a time (same text, same offsets). The regex sentences
    of the record are more reliable than the small model's own splits, which can cut "Georgia /
    is 17" after a heading. Tags and dependencies only (no lemmas: the agreement tables do not
    need them). ``parse_many(texts)`` parses them in one pass; None without a model."""
    if rec.parser is None or rec.doc.has_annotation("DEP"):
        return rec.parse()
    from spacy.tokens import Doc

    cuts = sorted({0, *(s for s, _ in rec.sentences)}) + [len(rec.text)]
    pieces = [rec.text[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    docs = parse_many(pieces) if parse_many else [rec.parser(p, "deps") for p in pieces]
    return Doc.from_docs(docs, ensure_whitespace=False) if docs else None


def _person_fixes(rec, findings: list, author: str, parse_many=None) -> None:
    doc = parse_by_sentence(rec, parse_many)
    if doc is None:  # no statistical model (--fast): no rewrite
        return
    sent_no = sentence_numberer(rec)
    sentences: dict = {}
    if rec.doc_type.to_child:
        ToChild(rec, doc, findings, sent_no).plan(sentences)
    else:
        ToThird(rec, doc, findings, sent_no, author).plan(sentences)
    for f, (edits, unsafe) in zip(findings, passages(findings, sentences, sent_no, rec.text), strict=True):
        if edits:
            f.fix = Fix(edits, "unsafe" if unsafe else "safe", DESCRIPTIONS[f.code])


def passages(findings, sentences: dict, sent_no, text: str) -> list[tuple[list, bool]]:
    """For each finding: the edits of its sentence, and of the sentences after it that need the
    same rewrite but hold no finding of their own (a pronoun the rule left to the parse)."""
    with_findings = sorted({sent_no(f.start) for f in findings})
    owner: dict[int, list[int]] = {n: [n] for n in with_findings}
    for n in sorted(sentences):
        if n not in owner:
            before = [m for m in with_findings if m < n]
            if before:
                owner[before[-1]].append(n)
    out = []
    for f in findings:
        parts = [sentences[n] for n in owner.get(sent_no(f.start), []) if n in sentences]
        edits = [e for p in parts for e in p.as_edits(text)]
        out.append((edits, any(p.unsafe for p in parts)))
    return out


def fix_doc(linter, doc, author: str | None = None) -> None:
    """Fixes for a Doc the linter has checked (its findings are on ``doc._.findings``)."""
    comp = linter.nlp.get_pipe("recordlint")
    rec = comp._record(doc, comp._parser())

    def parse_many(texts):
        return list(comp._analyse([comp.nlp.make_doc(t) for t in texts], "deps"))

    attach_fixes(rec, doc._.findings, author or default_author(linter.config), parse_many)


def default_author(config) -> str:
    """The config's ``fixes: {author: ...}``, else "the social worker"."""
    fixes = (getattr(config, "raw", None) or {}).get("fixes") or {}
    return str(fixes.get("author") or DEFAULT_AUTHOR)
