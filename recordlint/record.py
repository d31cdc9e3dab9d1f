"""Everything the rules need to know about one record, computed once.

A Record wraps the text exactly as given (offsets are never normalised), its
spaCy Doc, the doc type profile, what is known about the child, the lines and
sentences, and the quoted or reported speech that person and language rules
leave alone. The dependency parse is produced on demand (``parse``), only for
the parts of the text a rule needs it for.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from collections.abc import Callable

from spacy.tokens import Doc, Span

from .config import Config, DocType
from .errors import InputError
from .findings import Finding, LineIndex, Severity
from .speech import speech_ranges

PRONOUN_SETS = {
    "she": {"she", "her", "hers", "herself"},
    "he": {"he", "him", "his", "himself"},
    "they": {"they", "them", "their", "theirs", "themselves", "themself"},
}


@dataclass
class Child:
    name: str | None = None
    age: float | None = None
    pronouns: str | None = None

    @classmethod
    def from_any(cls, value) -> Child:
        if isinstance(value, Child):
            return value
        value = {} if value is None else value
        if not isinstance(value, dict):
            raise InputError("'child' must be an object with 'name', 'age' and 'pronouns'")
        for key in ("name", "pronouns"):
            if value.get(key) is not None and not isinstance(value[key], str):
                raise InputError(f"'child.{key}' must be a string")
        age = value.get("age")
        try:
            age = float(age) if age not in (None, "") else None
        except (TypeError, ValueError, OverflowError):
            age = None
        if age is not None and not 0 <= age <= 120:
            raise InputError("'child.age' must be a number of years from 0 to 120")
        name = value.get("name")
        return cls(name=str(name).strip() or None if name else None, age=age,
                   pronouns=value.get("pronouns") or None)

    @property
    def first_name(self) -> str | None:
        return self.name.split()[0] if self.name else None

    @property
    def pronoun_words(self) -> set[str]:
        """Pronoun forms that may refer to the child ("she/her" -> she, her, hers, herself)."""
        if not self.pronouns:
            return set()
        words = set()
        for part in re.split(r"[/,\s]+", self.pronouns.lower()):
            for key, forms in PRONOUN_SETS.items():
                if part in forms:
                    words |= PRONOUN_SETS[key]
        return words

    def to_dict(self) -> dict:
        return {"name": self.name, "age": self.age, "pronouns": self.pronouns}


_BREAK = re.compile(r"\r\n|\r|\n")
_SENT_END = re.compile(r"(?<=[.!?])[\"”’')]*[ \t]+(?=[\"“‘'(]?[A-Z0-9])")


@dataclass
class Region:
    """An analysed part of a record: its tokens (``span``) and where they sit in the record.
    ``start_of(tok)`` is a token's offset in the record text."""
    span: Span
    offset: int

    def start_of(self, tok) -> int:
        return tok.idx + self.offset


@dataclass
class Record:
    text: str
    doc: Doc
    doc_type: DocType
    child: Child
    config: Config
    parser: Callable[[str, str], Doc] | None = None
    speech: list[tuple[int, int]] = field(default_factory=list)
    _parsed: Doc | None = None
    _lines: list[tuple[int, int]] | None = None
    _sentences: list[tuple[int, int]] | None = None
    _index: LineIndex | None = None
    _line_starts: list[int] | None = None
    _sentence_starts: list[int] | None = None

    def __post_init__(self):
        self._doc_parsed = self.doc.has_annotation("DEP")  # scans every token: ask once
        self._regions: dict[tuple[int, int, str], Region] = {}
        self.cache: dict = {}  # per-record results that rules share (the actions found, dated events)
        self.speech = speech_ranges(self.text, self.config)
        self._speech_starts = [s for s, _ in self.speech]

    # --- structure -------------------------------------------------------------------------
    @property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every line, without its line break (CRLF, LF or CR)."""
        if self._lines is None:
            out, pos = [], 0
            if "\r" not in self.text:   # line feeds only (most records): split, no regex
                for line in self.text.split("\n"):
                    out.append((pos, pos + len(line)))
                    pos += len(line) + 1
            else:
                for m in _BREAK.finditer(self.text):
                    out.append((pos, m.start()))
                    pos = m.end()
                out.append((pos, len(self.text)))
            self._lines = out
        return self._lines

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentences within lines (a line break always ends a sentence), blank lines skipped."""
        if self._sentences is None:
            out = []
            for ls, le in self.lines:
                line = self.text[ls:le]
                if not line.strip():
                    continue
                start = 0
                for m in _SENT_END.finditer(line):
                    out.append((ls + start, ls + m.start()))
                    start = m.end()
                out.append((ls + start, le))
            self._sentences = [(s + _lead(self.text, s, e), e - _trail(self.text, s, e))
                               for s, e in out if self.text[s:e].strip()]
        return self._sentences

    def line_of(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [s for s, _ in self.lines]
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return self.lines[max(i, 0)]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence that holds ``offset`` (or its line, between sentences)."""
        if self._sentence_starts is None:
            self._sentence_starts = [s for s, _ in self.sentences]
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return self.sentences[i]
        return self.line_of(offset)

    def sentences_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences that lie wholly inside text[start:end]."""
        if self._sentence_starts is None:
            self._sentence_starts = [s for s, _ in self.sentences]
        out, sentences = [], self.sentences
        for i in range(bisect.bisect_left(self._sentence_starts, start), len(sentences)):
            s, e = sentences[i]
            if s > end:
                break
            if e <= end:
                out.append((s, e))
        return out

    def in_speech(self, start: int, end: int | None = None) -> bool:
        i = bisect.bisect_right(self._speech_starts, start) - 1
        return i >= 0 and self.speech[i][0] <= start < self.speech[i][1]

    def tokens_in(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    # --- analyses ----------------------------------------------------------------------------
    # Before the rules run, the component asks each rule which regions it needs analysed
    # (``Rule.regions``: text only) and adds them all here (``add_region``), analysed in one
    # batched pass. A region is analysed at level "tag" (tags, POS, lemmas), "deps" (tags,
    # POS, dependencies; no lemmas) or "parse" (all of them; see component.LEVELS).
    @property
    def can_parse(self) -> bool:
        return self._doc_parsed or self.parser is not None

    def parse(self) -> Doc | None:
        """The whole record tagged and parsed (same text, same offsets); None with no model."""
        if self._doc_parsed:
            return self.doc
        if self._parsed is None and self.parser is not None:
            self._parsed = self.parser(self.text, "parse")
        return self._parsed

    def parse_region(self, start: int, end: int, level: str = "parse") -> Region | None:
        """text[start:end] analysed at ``level`` ("tag", "deps" or "parse"), or the same words of
        the whole record when it is parsed already; None when no statistical model is available.
        A region a rule did not ask for in advance is analysed now."""
        whole = self.doc if self._doc_parsed else self._parsed
        if whole is not None:
            span = whole.char_span(start, end, alignment_mode="expand")
            return Region(span, 0) if span is not None else None
        if self.parser is None:
            return None
        for lvl in ("parse", level):
            if (start, end, lvl) in self._regions:
                return self._regions[(start, end, lvl)]
        self.add_region(start, end, level, self.parser(self.text[start:end], level))
        return self._regions[(start, end, level)]

    def add_region(self, start: int, end: int, level: str, sub: Doc) -> None:
        """Attach the analysis of text[start:end] (a Doc of exactly that text)."""
        if (start, end) == (0, len(self.text)) and level == "parse":
            self._parsed = sub
        self._regions[(start, end, level)] = Region(sub[:], start)

    # --- findings ----------------------------------------------------------------------------
    def finding(self, rule, start: int | None, end: int | None, message: str,
                suggestion: str | None = None, severity: Severity | None = None) -> Finding:
        if self._index is None:
            self._index = LineIndex(self.text)
        if start is None:
            return Finding(code=rule.code, name=rule.name, category=rule.category,
                           severity=severity or rule.severity, message=message, doc=True,
                           suggestion=suggestion)
        return self._index.place(Finding(code=rule.code, name=rule.name, category=rule.category,
                       severity=severity or rule.severity, message=message, start=start, end=end,
                       text=self.text[start:end], suggestion=suggestion))


def _lead(text: str, s: int, e: int) -> int:
    return len(text[s:e]) - len(text[s:e].lstrip())


def _trail(text: str, s: int, e: int) -> int:
    return len(text[s:e]) - len(text[s:e].rstrip())
