"""The Python API: everything the CLI does is callable from here.

``Linter.lint`` raises only recordlint's own errors (``errors.RecordlintError``): an
invalid record (a lone surrogate in the text, a child's pronouns given as a number)
is an ``InputError``; a fault inside recordlint becomes a ``RecordlintError`` naming
the exception's type (never its message, which might quote the record).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from . import spacy_import  # noqa: F401  (first: spaCy without its command-line interface)
from spacy.util import minibatch

from .config import Config, load_config
from .errors import InputError, InternalError, RecordlintError
from .findings import Finding, LineIndex
from .pipeline import build_pipeline
from .record import Child

_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text) -> None:
    """InputError unless ``text`` is a string of valid Unicode (no lone surrogates)."""
    if not isinstance(text, str):
        raise InputError(f"the text must be a string, not {type(text).__name__}")
    m = _SURROGATE.search(text)
    if m:
        raise InputError(f"the text is not valid Unicode: a lone surrogate (U+{ord(m.group()):04X}) "
                         f"at offset {m.start()}")


def split_pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces of at most ``limit`` characters covering ``text``: cut after the last
    line break in the second half of a piece, else after the last space, else at the limit."""
    pieces, pos = [], 0
    while len(text) - pos > limit:
        window = text[pos:pos + limit]
        cut = window.rfind("\n") + 1
        if cut <= limit // 2:
            cut = max(window.rfind(" "), window.rfind("\t")) + 1
        if cut <= limit // 2:
            cut = limit
        if window[cut - 1] == "\r" and text[pos + cut:pos + cut + 1] == "\n":
            cut -= 1  # never between the two characters of a CRLF
        pieces.append((pos, pos + cut))
        pos += cut
    pieces.append((pos, len(text)))
    return pieces


class Linter:
    """Load the config and the model once; lint many records."""

    def __init__(self, config: Config | None = None, config_path: str | None = None,
                 fast: bool = False, search: bool = True):
        self.config = config or load_config(config_path, search=search)
        self.fast = fast
        self.nlp = build_pipeline(self.config, fast=fast)
        self.ruleset = self.nlp.get_pipe("recordlint").ruleset
        # Longer records are checked in pieces of at most this many characters (spaCy's limit).
        self.max_chars = self.nlp.max_length

    def make_doc(self, text: str, doc_type: str | None = None, child=None):
        """A Doc with its doc type (name or alias, checked) and child details attached."""
        check_text(text)
        if len(text) > self.max_chars:
            raise InputError(f"the text has {len(text):,} characters, over spaCy's limit of "
                             f"{self.max_chars:,}: use lint(), which checks it in pieces")
        dt = self.config.resolve_doc_type(doc_type)
        child = Child.from_any(child).to_dict()
        doc = self.nlp.make_doc(text)
        doc._.recordlint_text = text  # the text as given (the same as doc.text, without rebuilding it)
        doc._.recordlint_doc_type = dt.name
        doc._.recordlint_child = child
        return doc

    def lint(self, text: str, doc_type: str | None = None, child=None, fixes: bool = False,
             author: str | None = None) -> list[Finding]:
        """The findings for one record; RecordlintError (only) if it cannot be checked. With
        ``fixes``, each fixable finding carries its ``fix`` (``author``: how a third-person record
        names its author, e.g. "the IRO"); a record checked in pieces gets each piece's fixes."""
        try:
            if isinstance(text, str) and len(text) > self.max_chars:
                return self._lint_pieces(text, doc_type, child, fixes, author)
            doc = self.nlp(self.make_doc(text, doc_type, child))
            if fixes:
                from .fixes import fix_doc
                fix_doc(self, doc, author)
            return doc._.findings
        except RecordlintError:
            raise
        except Exception as exc:  # noqa: BLE001 - the type only: a message might quote the text
            raise InternalError(f"internal error while checking ({type(exc).__name__}); "
                                  "please report it") from exc

    def _lint_pieces(self, text: str, doc_type, child, fixes: bool = False, author: str | None = None
                     ) -> list[Finding]:
        """A record longer than ``max_chars``, checked piece by piece (cut at line breaks), with
        offsets, lines and columns (and the edits of fixes) mapped back onto the whole text. A
        record-wide finding (no contingency plan, say) is kept when every piece reports it."""
        check_text(text)
        index = LineIndex(text)
        pieces = split_pieces(text, self.max_chars)
        spans, record_wide, times = [], {}, Counter()
        for start, end in pieces:
            for f in self.lint(text[start:end], doc_type, child, fixes=fixes, author=author):
                if f.doc:
                    record_wide.setdefault(f.code, f)
                    times[f.code] += 1
                    continue
                f.start, f.end = f.start + start, f.end + start
                if f.fix is not None:
                    f.fix = replace(f.fix, edits=[replace(e, start=e.start + start, end=e.end + start)
                                                  for e in f.fix.edits])
                spans.append(index.place(f))
        checked = sum(1 for start, end in pieces if text[start:end].strip())
        whole = [f for code, f in record_wide.items() if times[code] == checked]
        return sorted(spans + whole, key=lambda f: (f.doc, f.start or 0, f.end or 0, f.code))

    def warm_up(self) -> None:
        """Load what the rules load on first use (textstat's syllable dictionary, the stand-ins
        for the model's attribute ruler and lemmatizer) by linting a short sample of each kind
        of record: for long-running processes (``serve``, batch workers) whose first real
        record should be as quick as the rest. A one-off ``check`` does not need it."""
        sample = ("You said the placement was going well and that you would like to see your mum "
                  "more often. Her contact with mum is on Tuesday at the family centre. We will "
                  "review the plan soon. Sam to ring school by Friday.")
        for dt in {d.perspective: d for d in self.config.doc_types.values()}.values():
            self.lint(sample, dt.name, {"name": "Sam", "age": 9, "pronouns": "they/them"})

    def lint_many(self, items: Iterable[tuple[str, str | None, dict | None]],
                  batch_size: int = 32) -> Iterator[list[Finding]]:
        """Findings for each (text, doc_type, child), in order, ``batch_size`` at a time through
        nlp.pipe (a batch holding a record longer than ``max_chars`` is checked record by record).
        One bad item raises (RecordlintError only) and ends the stream: ``results.check_records``
        checks such a batch again one record at a time."""
        for chunk in minibatch(items, size=batch_size):
            if any(isinstance(t, str) and len(t) > self.max_chars for t, _, _ in chunk):
                for text, doc_type, child in chunk:
                    yield self.lint(text, doc_type, child)
                continue
            try:
                docs = [self.make_doc(t, d, c) for t, d, c in chunk]
                found = [doc._.findings for doc in self.nlp.pipe(docs, batch_size=batch_size)]
            except RecordlintError:
                raise
            except Exception as exc:  # noqa: BLE001 - the type only: a message might quote the text
                raise InternalError(f"internal error while checking ({type(exc).__name__}); "
                                    "please report it") from exc
            yield from found


_default: Linter | None = None


def lint_text(text: str, doc_type: str | None = None, child: dict | None = None,
              config: str | Config | None = None) -> list[Finding]:
    """Lint one record. ``child``: {"name", "age", "pronouns"}. The default linter is cached."""
    global _default
    if config is not None:
        linter = Linter(config=config) if isinstance(config, Config) else Linter(config_path=config)
        return linter.lint(text, doc_type, child)
    if _default is None:
        _default = Linter(search=False)
    return _default.lint(text, doc_type, child)
