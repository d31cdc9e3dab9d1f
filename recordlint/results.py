"""Take a record, return a result: the one per-record contract of every surface.

``check`` (the command line), ``batch`` (its workers), ``serve`` and ``evaluate`` all
turn an ``InputRecord`` into a ``RecordResult`` here, and write ``RecordResult.to_dict``:

* a record that could not be read (``InputRecord.error``) or not checked (an
  invalid child, a lone surrogate, an unknown doc type, a fault in a rule) gets an
  ``error``: one line that names the problem and never quotes the record;
* with ``skip_unmapped`` (batch), a form name that maps to no doc type, or a blank
  text, gets ``skipped`` with the reason instead;
* otherwise the findings, with offsets, lines and columns in the record's text.

Every input record yields exactly one result, in order.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .errors import InternalError, RecordlintError
from .findings import Finding
from .io.readers import InputRecord


@dataclass
class CheckOptions:
    doc_type: str | None = None     # for records that name none (check --doc-type: for every record)
    force_doc_type: bool = False    # the doc_type above wins over the record's own (check --doc-type)
    child: dict | None = None       # merged over each record's child (check --child-name etc.)
    skip_unmapped: bool = False     # batch: unmapped form names and blank texts are 'skipped'
    fixes: bool = False             # each fixable finding carries its fix (record by record)
    author: str | None = None       # with fixes: how a third-person record names its author


@dataclass
class RecordResult:
    id: str
    doc_type: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None
    form: str | None = None         # the unmapped form name of a skipped record
    meta: dict | None = None
    source: str = ""                # where the record was read from (text and SARIF output)
    words: int = 0                  # words checked (0 unless the record was checked)
    internal: bool = False          # the error is a fault in recordlint, not in the record

    @property
    def checked(self) -> bool:
        return not self.error and not self.skipped

    def to_dict(self, excerpts: bool = True) -> dict:
        out = {"id": self.id, "doc_type": self.doc_type, "findings": [f.to_dict(excerpts) for f in self.findings]}
        if self.meta:
            out["meta"] = self.meta
        for key in ("error", "skipped"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.skipped and self.form is not None:
            out["form"] = self.form
        return out


def prepare(config, rec: InputRecord, options: CheckOptions) -> RecordResult | tuple[RecordResult, tuple]:
    """A finished result (error or skipped), or the result to fill and the (text, doc_type, child)
    to lint. Needs only the config, so a batch prepares records where it reads them."""
    result = RecordResult(id=rec.id, meta=rec.meta or None, source=rec.source)
    if rec.error:
        result.error = rec.error
        return result
    name = options.doc_type if options.force_doc_type else (rec.doc_type or options.doc_type)
    try:
        result.doc_type = config.resolve_doc_type(name).name
    except RecordlintError as exc:
        if not options.skip_unmapped:
            result.error = str(exc)
        else:
            result.skipped, result.form = "unmapped form name", rec.doc_type
        return result
    if options.skip_unmapped and (not isinstance(rec.text, str) or not rec.text.strip()):
        result.skipped = "no text"
        return result
    child = rec.child
    if options.child:
        child = {**(rec.child if isinstance(rec.child, dict) else {}), **options.child}
    return result, (rec.text, result.doc_type, child)


def finish(result: RecordResult, item: tuple, outcome) -> RecordResult:
    """Fill a prepared result with what linting its item gave: the findings, or an error (a
    RecordlintError, or its message as a string when it came from a worker process)."""
    if isinstance(outcome, (RecordlintError, str)):
        result.error, result.internal = str(outcome), isinstance(outcome, InternalError)
    else:
        result.findings = outcome
        result.words = len(item[0].split())
    return result


def lint_items(linter, items: list[tuple], batch_size: int = 32) -> list:
    """For each (text, doc_type, child): its findings, or the RecordlintError it raised. The
    items go through ``nlp.pipe`` together; if one fails, they are linted one at a time."""
    try:
        return list(linter.lint_many(items, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - one bad record must not sink the others: one at a time
        pass
    out = []
    for item in items:
        try:
            out.append(linter.lint(*item))
        except RecordlintError as exc:
            out.append(exc)
    return out


def check_record(linter, rec: InputRecord, options: CheckOptions | None = None) -> RecordResult:
    """The result for one record: its findings, or why it was not checked. Never raises for a
    bad record."""
    options = options or CheckOptions()
    prepared = prepare(linter.config, rec, options)
    if isinstance(prepared, RecordResult):
        return prepared
    result, item = prepared
    try:
        return finish(result, item, linter.lint(*item, fixes=options.fixes, author=options.author or rec.author))
    except RecordlintError as exc:
        return finish(result, item, exc)


def check_records(linter, records: Iterable[InputRecord], options: CheckOptions | None = None,
                  batch_size: int = 32) -> Iterator[RecordResult]:
    """``check_record`` for many records, in order, ``batch_size`` at a time through ``nlp.pipe``
    (faster); a batch in which one record fails is checked again one record at a time."""
    options = options or CheckOptions()
    chunk: list[InputRecord] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= batch_size:
            yield from _check_chunk(linter, chunk, options, batch_size)
            chunk = []
    if chunk:
        yield from _check_chunk(linter, chunk, options, batch_size)


def _check_chunk(linter, chunk: list[InputRecord], options: CheckOptions, batch_size: int):
    if options.fixes:   # fixes are worked out record by record
        return [check_record(linter, rec, options) for rec in chunk]
    prepared = [prepare(linter.config, rec, options) for rec in chunk]
    todo = [p for p in prepared if isinstance(p, tuple)]
    for (result, item), outcome in zip(todo, lint_items(linter, [i for _, i in todo], batch_size), strict=True):
        finish(result, item, outcome)
    return [p if isinstance(p, RecordResult) else p[0] for p in prepared]
