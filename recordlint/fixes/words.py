"""Word fixes: spell an acronym out on first use (RL202) and swap jargon for a plain word (RL201).

  RL202  "IRO" -> "Independent Reviewing Officer (IRO)", from the acronym lexicon, on the
         first unexplained use only (later uses are then explained): safe.
  RL201  "placement" -> "home": the lexicon's first plain alternative, only when it is a
         drop-in (no "[name]" placeholder, no instruction such as "explain ..."): unsafe,
         because the plain word may not mean quite the same here.
"""
from __future__ import annotations

import re

from ..findings import Edit, Fix
from .grammar import at_sentence_start, capitalise

NOT_DROP_IN = re.compile(r"[\[\](/]|\.\.\.|^(?:explain|say|describe|use|name|write|ask)\b", re.IGNORECASE)
PERSON_WORDS = re.compile(r"\b(?:you|your|yours|yourself|I|me|my|we|us|our)\b", re.IGNORECASE)


def acronym_fix(finding, text: str, rule, seen: set[str]) -> Fix | None:
    """Spell out the first unexplained use of a lexicon acronym."""
    word = text[finding.start:finding.end]
    key = rule._key(word)
    term = rule.known.get(key)
    plural = False
    if term is None and key.endswith("S"):
        term, plural = rule.known.get(key[:-1]), True
        key = key[:-1]
    if term is None or not term.expansion or key in seen:
        return None
    seen.add(key)
    long = re.sub(r"\s*\(.*?\)", "", term.expansion).strip() + ("s" if plural else "")
    if at_sentence_start(text, finding.start):
        long = capitalise(long)
    return Fix([Edit(finding.start, finding.end, f"{long} ({word})")], "safe",
               f"Spell it out on first use: {long} ({word})")


def jargon_fix(finding, text: str, third_person: bool) -> Fix | None:
    """The first plain alternative, when it can stand in the sentence as it is."""
    if not finding.suggestion:
        return None
    alt = finding.suggestion.split(" / ")[0].strip()
    if not alt or NOT_DROP_IN.search(alt):
        return None
    if third_person and PERSON_WORDS.search(alt):
        return None  # "where you live" would put the record in the second person
    matched = text[finding.start:finding.end]
    if matched[:1].isupper():
        alt = capitalise(alt)
    return Fix([Edit(finding.start, finding.end, alt)], "unsafe", f"Use a plain word: {alt}")
