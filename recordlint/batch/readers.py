"""Read exported records for batch runs: CSV, JSONL, or a folder of .txt/.md/.docx files.

Everything is streamed (one record in memory at a time) so a run's memory does not
grow with the size of the export. Input files are opened read-only and never changed.

CSV exports come from case systems (Liquidlogic, Mosaic, Eclipse) through SQL or
Excel: UTF-8 with or without a BOM, cp1252, or UTF-16 ("Unicode text" from Excel);
comma, semicolon or tab separated; fields with line breaks and very long fields.
Blank rows are passed over. A row that cannot be read becomes a record with an
``error`` naming its row number (as Excel numbers rows: the header is row 1), and
reading goes on. Nothing in this module logs record text.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterator

from ..errors import InputError
from ..io.readers import InputRecord, decode_bytes, errors_for, read_docx, read_jsonl, sniff_encoding

# Allow fields as large as a case note can be (the default limit is 128 KB).
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

FOLDER_SUFFIXES = {".txt", ".md", ".docx"}
CSV_SUFFIXES = {".csv", ".tsv", ".txt"}

# Column names recognised without options (compared lower-case, letters and digits only).
DEFAULT_COLUMNS = {
    "id": ["recordid", "id", "casenoteid", "factcasenoteid", "noteid", "documentid", "formid",
           "eventid"],
    "text": ["recordtext", "text", "notetext", "casenotetext", "casenotedetail", "narrative",
             "body", "note", "details", "content"],
    "type": ["formname", "doctype", "recordtype", "form", "casenotetype", "documenttype",
             "notetype", "worksteptype", "type"],
    "child_name": ["childfirstname", "childname", "childforename", "firstname", "forename"],
    "child_age": ["childage", "age", "ageatevent"],
    "child_pronouns": ["childpronouns", "pronouns"],
    "author": [],   # a worker-role column, only when named (--author-column)
}


def norm_col(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


@dataclass
class Columns:
    """Which CSV column holds what (None: detect from the header)."""
    id: str | None = None
    text: str | None = None
    type: str | None = None
    child_name: str | None = None
    child_age: str | None = None
    child_pronouns: str | None = None
    author: str | None = None       # a worker role ("TM", "IRO"): the author phrase of fixes


# One record type for every reader (``io.readers.InputRecord``); the old name is kept.
BatchRecord = InputRecord


# --- sources -------------------------------------------------------------------------------

class Source:
    """One input argument: a CSV file, a JSONL file, a folder, or a single text/docx file."""

    kind = ""

    def __init__(self, path: Path, warn: Callable[[str], None]):
        self.path = path
        self.warn = warn

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def records(self, keep_raw: bool = False) -> Iterator[BatchRecord]:
        raise NotImplementedError


class CsvSource(Source):
    kind = "csv"

    def __init__(self, path: Path, warn, columns: Columns | None = None, encoding: str | None = None):
        super().__init__(path, warn)
        self.encoding = sniff_encoding(path, encoding)
        self.errors = errors_for(self.encoding)
        with open(path, "rb") as fh:
            if b"\x00" in fh.read(8192) and not codecs.lookup(self.encoding).name.startswith("utf-16"):
                raise InputError(f"{path}: looks like a binary file, not a CSV export")
        with self._open() as fh:
            first = ""
            for line in fh:
                if line.strip():
                    first = line
                    break
        if not first:
            raise InputError(f"{path}: empty CSV file (no header row)")
        counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
        self.delimiter = max(counts, key=lambda d: (counts[d], d == ","))
        with self._open() as fh:
            reader = csv.reader(fh, delimiter=self.delimiter)
            header = []
            self.header_row = 0
            for row in reader:
                self.header_row += 1
                if any(c.strip() for c in row):
                    header = row
                    break
        self.raw_header = header
        self.header = self._unique([h.strip() for h in header])
        self.map = self._map_columns(columns or Columns())
        if codecs.lookup(self.encoding).name == "cp1252":
            warn(f"{path}: not valid UTF-8; read as cp1252 (Windows-1252)")

    @staticmethod
    def _unique(names: list[str]) -> list[str]:
        out, seen = [], {}
        for i, n in enumerate(names):
            n = n or f"column{i + 1}"
            if n in seen:
                seen[n] += 1
                n = f"{n}_{seen[n]}"
            else:
                seen[n] = 1
            out.append(n)
        return out

    def _map_columns(self, columns: Columns) -> dict[str, int | None]:
        index = {}
        for i, h in enumerate(self.header):
            index.setdefault(norm_col(h), i)
        found: dict[str, int | None] = {}
        for key, candidates in DEFAULT_COLUMNS.items():
            given = getattr(columns, key)
            if given:
                if norm_col(given) not in index:
                    raise InputError(f"{self.path}: no column {given!r} for --{key.replace('_', '-')}-column "
                                     f"({header_note(self.header)})")
                found[key] = index[norm_col(given)]
            else:
                found[key] = next((index[c] for c in candidates if c in index
                                   and index[c] not in found.values()), None)
        if found["text"] is None:
            raise InputError(f"{self.path}: cannot tell which column holds the record text; "
                             f"use --text-column ({header_note(self.header)})")
        return found

    def describe(self) -> str:
        names = {k: self.header[i] for k, i in self.map.items() if i is not None}
        return ", ".join(f"{k}={v}" for k, v in names.items())

    def _open(self):
        return open(self.path, encoding=self.encoding, errors=self.errors, newline="")

    def records(self, keep_raw: bool = False) -> Iterator[BatchRecord]:
        with open(self.path, "rb") as raw, \
                io.TextIOWrapper(raw, encoding=self.encoding, errors=self.errors, newline="") as fh:
            tap = _LineTap(fh)
            reader = csv.reader(tap, delimiter=self.delimiter)
            for _ in range(self.header_row):
                next(reader)
            rowno = self.header_row
            while True:
                tap.lines.clear()
                first_line = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    row = exc
                rowno += 1
                rec = self._record(row, rowno, (first_line, reader.line_num), tap.lines, keep_raw)
                if rec is not None:
                    rec.pos = raw.tell()
                    yield rec

    def _record(self, row, rowno: int, lines: tuple[int, int], raw_lines: list[str],
                keep_raw: bool) -> BatchRecord | None:
        """The record for one CSV row (an error record if it cannot be read; None for a blank row)."""
        name, m, width = self.path.name, self.map, len(self.header)
        where = f"{name} row {rowno}"
        span = f"lines {lines[0]}-{lines[1]}" if lines[1] > lines[0] else f"line {lines[1]}"
        bad = BatchRecord(id=f"{name}:row{rowno}", text=None, where=where, source=str(self.path),
                          raw=row if keep_raw else None)
        if isinstance(row, csv.Error):
            bad.error = f"row {rowno}: unreadable CSV ({row})"
            return bad
        if not any(c.strip() for c in row):
            return None   # a blank row
        rid = row[m["id"]].strip() if m["id"] is not None and m["id"] < len(row) else ""
        bad.id = rid = rid or bad.id
        if len(raw_lines) > 1 and _quote_never_closed(raw_lines, self.delimiter):
            bad.error = (f"row {rowno} ({span}): a quote opened in this row is never closed, so every "
                         "line after it was read into this one row; it was not checked (fix the quote)")
            return bad
        if len(row) > width and not any(c.strip() for c in row[width:]):
            row = row[:width]       # trailing empty fields
        if len(row) != width:
            hint = " (an unbalanced quote may have joined rows)" if len(row) > width else ""
            bad.error = f"row {rowno} ({span}): expected {width} fields, found {len(row)}{hint}"
            return bad

        def col(key):
            i = m[key]
            return row[i].strip() if i is not None else None

        child = {k: v for k, v in (("name", col("child_name")), ("age", col("child_age")),
                                   ("pronouns", col("child_pronouns"))) if v}
        mapped = [i for k, i in m.items() if k != "author"]   # the role column stays in meta too
        meta = {self.header[i]: row[i] for i in range(width) if i not in mapped}
        return BatchRecord(id=rid, text=row[m["text"]], doc_type=col("type") or None, child=child,
                           meta=meta, where=where, source=str(self.path), raw=row if keep_raw else None,
                           role=col("author") or None)


class _LineTap:
    """The lines of a text file, remembering those read for the current CSV row."""

    def __init__(self, fh):
        self.fh = fh
        self.lines: list[str] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.fh)
        self.lines.append(line)
        return line


def _quote_never_closed(lines: list[str], delimiter: str) -> bool:
    """True when a quoted field in these lines runs to the end of the file (Python's csv module
    then reads every remaining line into that field, without an error)."""
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


_COLUMN_NAME = re.compile(r"[A-Za-z_][\w .()/#&'-]{0,39}")


def header_note(header: list[str]) -> str:
    """The column names, when the first row looks like a header row; else never its content
    (a CSV without a header row would show a child's record)."""
    if header and all(_COLUMN_NAME.fullmatch(h) for h in header):
        return f"columns: {', '.join(header)}"
    return (f"the first row ({len(header)} fields) does not look like a header row of column names; "
            "the export needs one")


class JsonlSource(Source):
    """One JSON object per line: {"id", "text", "doc_type" (or "form"), "child", "meta"}."""

    kind = "jsonl"

    def __init__(self, path: Path, warn, encoding: str | None = None):
        super().__init__(path, warn)
        self.encoding = sniff_encoding(path, encoding)
        if codecs.lookup(self.encoding).name.startswith("utf-16"):
            raise InputError(f"{path}: UTF-16 JSONL is not supported; save it as UTF-8")
        if codecs.lookup(self.encoding).name == "cp1252":
            warn(f"{path}: not valid UTF-8; read as cp1252 (Windows-1252)")

    def records(self, keep_raw: bool = False) -> Iterator[BatchRecord]:
        yield from read_jsonl(self.path, lambda m: None, self.encoding, keep_raw)  # warned above


class FolderSource(Source):
    """Every .txt, .md and .docx file under a folder (sorted; hidden and Office lock files skipped).
    The record id is the path relative to the folder."""

    kind = "folder"

    def __init__(self, path: Path, warn):
        super().__init__(path, warn)
        self.files = []
        other = 0
        for p in sorted(path.rglob("*")):
            rel = p.relative_to(path)
            if any(part.startswith((".", "~$")) for part in rel.parts) or not p.is_file():
                continue
            if p.suffix.lower() in FOLDER_SUFFIXES:
                self.files.append(p)
            else:
                other += 1
        if other:
            warn(f"{path}: {other} file(s) that are not .txt, .md or .docx were left out")

    @property
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.files)

    def records(self, keep_raw: bool = False) -> Iterator[BatchRecord]:
        pos = 0
        cp1252 = 0
        for p in self.files:
            rel = p.relative_to(self.path).as_posix()
            pos += p.stat().st_size
            try:
                if p.suffix.lower() == ".docx":
                    text = read_docx(p)
                else:
                    notes = []
                    text = decode_bytes(p.read_bytes(), rel, notes.append)
                    cp1252 += bool(notes)
            except (InputError, OSError) as exc:
                msg = str(exc) if isinstance(exc, InputError) else f"cannot read ({exc.strerror})"
                yield BatchRecord(id=rel, text=None, where=rel, pos=pos, source=str(p),
                                  error=msg.replace(str(p), rel).replace(rel + ": ", ""), raw=p)
                continue
            yield BatchRecord(id=rel, text=text, where=rel, pos=pos, source=str(p), raw=p)
        if cp1252:
            self.warn(f"{self.path}: {cp1252} file(s) were not valid UTF-8; read as cp1252")


class FileSource(Source):
    """A single .txt/.md/.docx file: one record."""

    kind = "file"

    def records(self, keep_raw: bool = False) -> Iterator[BatchRecord]:
        folder = FolderSource.__new__(FolderSource)
        Source.__init__(folder, self.path.parent, self.warn)
        folder.files = [self.path]
        yield from folder.records(keep_raw)


def open_source(path: str, warn: Callable[[str], None], columns: Columns | None = None,
                encoding: str | None = None) -> Source:
    """The reader for one input argument; InputError if it cannot be read at all."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or folder")
    if p.is_dir():
        return FolderSource(p, warn)
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return JsonlSource(p, warn, encoding)
    if suffix in (".csv", ".tsv"):
        return CsvSource(p, warn, columns, encoding)
    if suffix in (".txt", ".md", ".docx"):
        return FileSource(p, warn)
    raise InputError(f"{path}: unknown input type (expected .csv, .tsv, .jsonl, or a folder "
                     "of .txt/.md/.docx files)")


@dataclass
class Stream:
    """All inputs in order, with bytes-read progress."""
    sources: list[Source]
    done_bytes: int = 0
    total_bytes: int = field(init=False)

    def __post_init__(self):
        self.total_bytes = sum(s.size for s in self.sources) or 1

    def __iter__(self) -> Iterator[BatchRecord]:
        base = 0
        for s in self.sources:
            for rec in s.records():
                rec.pos += base
                yield rec
            base += s.size
