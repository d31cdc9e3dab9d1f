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
from .words import acronym_fix, jargon_fix

DEFAULT_AUTHOR = "the social worker"
# What ``recordlint explain`` says about each fixable rule.
FIXABLE = {
    "RL101": "safe when the parse is clear: the sentence is rewritten in the third person "
             "(I -> the author, named from --author; verbs agree)",
    "RL102": "safe when the child's name and pronouns are known: the sentence is rewritten with "
             "the child's name, then their pronoun (verbs agree)",
    "RL103": "safe when the parse is clear: the sentence is rewritten to speak to the child "
             "(name, pronouns and verbs: 'Leah enjoys her' -> 'You enjoy your')",
    "RL201": "unsafe (the meaning may change): the first plain alternative, when it is a drop-in "
             "replacement (no '[name]' placeholder or instruction)",
    "RL202": "safe: spelled out on first use from the acronym lexicon ('Independent Reviewing "
             "Officer (IRO)')",
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


def attach_fixes(rec, findings: list, author: str | None = None, parse_many=None, ruleset=None,
                 tokenize=None) -> None:
    """Set ``fix`` on the findings that a fixer can rewrite. ``parse_many(texts)``: parse many
    sentences in one pass (else one at a time with the record's parser); ``ruleset``: for the
    acronym lexicon (RL202)."""
    person = [f for f in findings if f.code in PERSON_CODES and not f.doc and f.start is not None]
    if person:
        _person_fixes(rec, person, author or DEFAULT_AUTHOR, parse_many, tokenize)
    acronyms = ruleset.get("RL202") if ruleset is not None else None
    seen: set[str] = set()
    for f in findings:
        if f.doc or f.start is None:
            continue
        if f.code == "RL202" and acronyms is not None and hasattr(acronyms, "known"):
            f.fix = acronym_fix(f, rec.text, acronyms, seen)
        elif f.code == "RL201":
            f.fix = jargon_fix(f, rec.text, third_person=not rec.doc_type.to_child)


def parse_by_sentence(rec, parse_many=None, needed: set[int] | None = None, tokenize=None):
    """The record parsed one sentence at a time (same text, same offsets). The regex sentences
    of the record are more reliable than the small model's own splits, which can cut "Georgia /
    is 17" after a heading. Tags and dependencies only (no lemmas: the agreement tables do not
    need them). ``parse_many(texts)`` parses them in one pass; with ``tokenize``, only the
    sentences in ``needed`` (numbers) are parsed and the others only tokenised. None without
    a model."""
    if rec.parser is None or rec.doc.has_annotation("DEP"):
        return rec.parse()
    from spacy.tokens import Doc

    cuts = sorted({0, *(s for s, _ in rec.sentences)}) + [len(rec.text)]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    number = sentence_numberer(rec)
    keep = [needed is None or tokenize is None or number(a) in needed for a, _ in spans]
    wanted = [rec.text[a:b] for (a, b), k in zip(spans, keep, strict=True) if k]
    parsed = iter(parse_many(wanted) if parse_many else [rec.parser(t, "deps") for t in wanted])
    docs = [next(parsed) if k else tokenize(rec.text[a:b]) for (a, b), k in zip(spans, keep, strict=True)]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"]) if docs else None


def needed_sentences(rec, findings) -> set[int]:
    """The sentences a person rewrite reads: those with a finding, the three before them (where
    a pronoun finds its antecedent) and the two after (pronouns the rule left to the parse)."""
    number = sentence_numberer(rec)
    return {n + d for f in findings for n in (number(f.start),) for d in range(-3, 3)}


def _person_fixes(rec, findings: list, author: str, parse_many=None, tokenize=None) -> None:
    doc = parse_by_sentence(rec, parse_many, needed_sentences(rec, findings), tokenize)
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
    rec = comp.record_of(doc)

    def parse_many(texts):
        """Parse sentences in one pass (with the component's parse cache, when it keeps one)."""
        return comp.analyse_texts(texts, "deps")

    attach_fixes(rec, doc._.findings, author or default_author(linter.config), parse_many, linter.ruleset,
                 comp.nlp.make_doc)
    check_word_fixes(linter, doc, rec)


def check_word_fixes(linter, doc, rec) -> None:
    """A spelled-out acronym makes the sentence longer: when the record, checked again with
    them, has a finding of a new kind (a sentence too long for a child), the expansions in
    those sentences need a person to rephrase: they become unsafe."""
    from .apply import apply_edits

    safe = [f for f in doc._.findings if f.code == "RL202" and f.fix and f.fix.applicability == "safe"]
    if not safe or not rec.doc_type.to_child:  # the readability rules check records to the child
        return
    edits = sorted((e for f in safe for e in f.fix.edits), key=lambda e: e.start)
    again = linter.lint(apply_edits(rec.text, edits), doc._.recordlint_doc_type, doc._.recordlint_child)
    had = {(f.code, f.doc) for f in doc._.findings}
    for g in again:
        if (g.code, g.doc) in had and g.code != "RL502" or g.category == "language.jargon":
            continue
        lo, hi = (0, len(rec.text)) if g.doc else (old_offset(edits, g.start), old_offset(edits, g.end))
        for f in safe:
            if any(lo <= e.start < hi or lo < e.end <= hi for e in f.fix.edits) and \
                    not any(h.code == g.code and h.start == lo for h in doc._.findings):
                f.fix.applicability = "unsafe"


def old_offset(edits, pos: int) -> int:
    """An offset in the edited text, mapped back to the text before the edits."""
    shift = 0
    for e in edits:
        if e.start + shift + len(e.text) > pos:
            break
        shift += len(e.text) - (e.end - e.start)
    return pos - shift


def default_author(config) -> str:
    """The config's ``fixes: {author: ...}``, else "the social worker"."""
    fixes = (getattr(config, "raw", None) or {}).get("fixes") or {}
    return str(fixes.get("author") or DEFAULT_AUTHOR)


def author_for_role(config, role: str | None) -> str | None:
    """A worker-role value ("TM", "Social Worker") as the author phrase: the config's
    ``fixes: {roles: {TM: the team manager}}`` (case ignored), else "the" + the role in lower
    case; None when there is no role."""
    if role is None or not str(role).strip():
        return None
    role = str(role).strip()
    roles = ((getattr(config, "raw", None) or {}).get("fixes") or {}).get("roles") or {}
    for key, phrase in roles.items():
        if str(key).strip().lower() == role.lower():
            return phrase
    return "the " + (role if role.isupper() else role.lower())
