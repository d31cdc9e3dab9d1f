"""English agreement for the person rewrites: verb forms, pronoun forms, capitals.

Two directions of subject-verb agreement are needed:

  to "you" (or plural):  enjoys -> enjoy, has -> have, is -> are, was -> were, does -> do
  to a 3rd-person singular subject:  enjoy -> enjoys, have -> has, are/am -> is, were -> was

Only the finite verb agrees (the first auxiliary, or the verb itself); modals, past
tenses (other than was/were), participles and infinitives never change. Negative
contractions are separate tokens in spaCy ("does" + "n't"), so "doesn't" -> "don't"
falls out of "does" -> "do".
"""
from __future__ import annotations

import re

# Third person singular -> plural / "you" form.
TO_PLURAL = {"is": "are", "has": "have", "does": "do", "was": "were", "goes": "go"}
# Plural / "you" / "I" form -> third person singular.
TO_SINGULAR = {"are": "is", "am": "is", "have": "has", "do": "does", "were": "was", "go": "goes",
               "'re": "'s", "'ve": "'s", "'m": "'s", "’re": "’s", "’ve": "’s", "’m": "’s"}
# Clitics written out in full after a noun phrase ("I've" -> "The social worker has").
CLITIC_FULL = {"'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "'s": "is"}

_SIBILANT = re.compile(r"(?:s|sh|ch|x|z|o)$")
_CONS_Y = re.compile(r"[^aeiou]y$")


def keep_case(original: str, new: str) -> str:
    """``new`` with the first letter capitalised when ``original`` starts with a capital."""
    if original[:1].isupper() and new:
        return new[0].upper() + new[1:]
    return new


def third_singular_to_plural(word: str) -> str | None:
    """'enjoys' -> 'enjoy', 'tries' -> 'try', 'watches' -> 'watch'; None if not a 3sg form."""
    low = word.lower()
    if low in TO_PLURAL:
        return keep_case(word, TO_PLURAL[low])
    if not low.endswith("s") or len(low) < 3:
        return None
    if low.endswith("ies") and len(low) > 4:
        base = low[:-3] + "y"              # tries -> try (but dies -> die)
    elif low.endswith(("sses", "zzes", "shes", "ches", "xes", "oes")):
        base = low[:-2]                    # misses, buzzes, washes, watches, fixes, goes
    else:
        base = low[:-1]                    # enjoys, uses, closes, makes
    return keep_case(word, base)


# Past tenses the tagger sometimes reads as present ("I rang" as VBP): never given an -s.
IRREGULAR_PAST = {"rang", "sang", "went", "came", "saw", "took", "gave", "told", "said", "made", "had",
                  "got", "ran", "met", "left", "felt", "kept", "brought", "bought", "thought", "found",
                  "spoke", "wrote", "drove", "rode", "ate", "drank", "sat", "stood", "knew", "grew",
                  "threw", "began", "swam", "won", "lost", "sent", "spent", "built", "heard", "held",
                  "paid", "taught", "caught", "did", "became", "chose", "forgot", "woke",
                  "understood", "meant", "slept", "fell", "led", "fed", "sold", "showed"}
# The same form for present and past: with "I" the tense cannot be seen from the verb.
SAME_PAST = {"put", "read", "let", "set", "cut", "hit", "hurt", "shut", "cost", "quit", "spread"}


def plural_to_third_singular(word: str) -> str:
    """'enjoy' -> 'enjoys', 'try' -> 'tries', 'watch' -> 'watches', 'are' -> 'is'."""
    low = word.lower()
    if low in TO_SINGULAR:
        return keep_case(word, TO_SINGULAR[low])
    if _CONS_Y.search(low):
        return keep_case(word, low[:-1] + "ies")
    if _SIBILANT.search(low):
        return keep_case(word, low + "es")
    return keep_case(word, low + "s")


def clitic_written_out(clitic: str, lemma_have: bool = False) -> str:
    """"'ve" -> "have", "'d" -> "would" or "had" (before a past participle); for a clitic after a
    noun phrase."""
    low = clitic.lower().replace("’", "'")
    if low == "'d":
        return "had" if lemma_have else "would"
    return CLITIC_FULL.get(low, low)


_DATED = re.compile(r"^[\d./:]+\s*[-–—]$")
_BULLET = re.compile(r"(?:[-*•>|]|\d+[.)]|[a-z][.)]|\(\w\))$")


def at_sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` starts a sentence: the start of a line (after a bullet, number or
    table bar), or after . ! ? or : (and any closing quotes or brackets)."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] in "\r\n":
        return True
    before = text[max(0, i - 12):i]
    line_start = max(text.rfind("\n", 0, i), text.rfind("\r", 0, i)) + 1
    line_before = text[line_start:i].strip()
    if line_before and _BULLET.match(line_before) and len(line_before) <= 4:
        return True
    if _DATED.match(line_before):
        return True  # "03.09.25 - I saw ...": a dash after a date starts the entry
    stripped = before.rstrip("\"'”’)]")
    return bool(stripped) and stripped[-1] in ".!?:|"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
