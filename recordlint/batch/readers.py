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
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterator

from ..errors import InputError
from ..io.readers import InputRecord, decode_bytes, read_docx

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


@dataclass
class BatchRecord(InputRecord):
    form: str | None = None     # the form name / doc type as the export gives it
    where: str = ""             # "export.csv row 17": for messages (never record text)
    pos: int = 0                # bytes of input read so far, for progress
    raw: object = None          # the row / line as read (only with keep_raw, for sampling)


# --- encodings -----------------------------------------------------------------------------

def sniff_encoding(path: Path, forced: str | None = None) -> str:
    """The file's encoding: a BOM decides; else UTF-8 if the whole file is valid UTF-8; else cp1252."""
    if forced:
        try:
            codecs.lookup(forced)
        except LookupError:
            raise InputError(f"unknown encoding {forced!r}") from None
        return forced
    with open(path, "rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
            return "utf-16"
        fh.seek(0)
        dec = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := fh.read(1 << 20):
                dec.decode(chunk)
            dec.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def _errors_for(encoding: str) -> str:
    # cp1252 leaves five bytes undefined; they become U+FFFD (one character each, so
    # offsets still match) rather than stopping the run.
    return "replace" if codecs.lookup(encoding).name == "cp1252" else "strict"


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
        self.errors = _errors_for(self.encoding)
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
                                     f"(columns: {', '.join(self.header)})")
                found[key] = index[norm_col(given)]
            else:
                found[key] = next((index[c] for c in candidates if c in index
                                   and index[c] not in found.values()), None)
        if found["text"] is None:
            raise InputError(f"{self.path}: cannot tell which column holds the record text; "
                             f"use --text-column (columns: {', '.join(self.header)})")
        return found

    def describe(self) -> str:
        names = {k: self.header[i] for k, i in self.map.items() if i is not None}
        return ", ".join(f"{k}={v}" for k, v in names.items())

    def _open(self):
        return open(self.path, encoding=self.encoding, errors=self.errors, newline="")

    def records(self, keep_raw: bool = False) -> Iterator[BatchRecord]:
        raw = open(self.path, "rb")
        fh = io.TextIOWrapper(raw, encoding=self.encoding, errors=self.errors, newline="")
        name = self.path.name
        m = self.map
        meta_cols = [i for i in range(len(self.header)) if i not in m.values()]
        width = len(self.header)
        try:
            reader = csv.reader(fh, delimiter=self.delimiter)
            rowno = 0
            while rowno < self.header_row:
                next(reader)
                rowno += 1
            while True:
                line_before = reader.line_num
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    rowno += 1
                    yield BatchRecord(id=f"{name}:row{rowno}", text=None, where=f"{name} row {rowno}",
                                      error=f"row {rowno}: unreadable CSV ({exc})", pos=raw.tell(),
                                      source=str(self.path))
                    continue
                rowno += 1
                if not any(c.strip() for c in row):
                    continue   # a blank row
                where = f"{name} row {rowno}"
                rid = row[m["id"]].strip() if m["id"] is not None and m["id"] < len(row) else ""
                rid = rid or f"{name}:row{rowno}"
                if len(row) > width and not any(c.strip() for c in row[width:]):
                    row = row[:width]       # trailing empty fields
                if len(row) != width:
                    lines = f"lines {line_before + 1}-{reader.line_num}" if reader.line_num > line_before + 1 \
                        else f"line {reader.line_num}"
                    hint = " (an unbalanced quote may have joined rows)" if len(row) > width else ""
                    yield BatchRecord(id=rid, text=None, where=where, pos=raw.tell(), source=str(self.path),
                                      error=f"row {rowno} ({lines}): expected {width} fields, "
                                            f"found {len(row)}{hint}",
                                      raw=row if keep_raw else None)
                    continue

                def col(key, row=row):
                    i = m[key]
                    return row[i].strip() if i is not None else None

                child = {k: v for k, v in (("name", col("child_name")), ("age", col("child_age")),
                                           ("pronouns", col("child_pronouns"))) if v}
                meta = {self.header[i]: row[i] for i in meta_cols}
                yield BatchRecord(id=rid, text=row[m["text"]], form=col("type") or None, child=child,
                                  meta=meta, where=where, pos=raw.tell(), source=str(self.path),
                                  raw=row if keep_raw else None)
        finally:
            fh.close()


class JsonlSource(Source):
    """One JSON object per line: {"id", "text", "doc_type" (or "form"), "child", "meta"}."""

    kind = "jsonl"

    def __init__(self, path: Path, warn, encoding: str | None = None):
        super().__init__(path, warn)
        self.encoding = sniff_encoding(path, encoding)
        if self.encoding == "utf-16":
            raise InputError(f"{path}: UTF-16 JSONL is not supported; save it as UTF-8")
        self.errors = _errors_for(self.encoding)
        if codecs.lookup(self.encoding).name == "cp1252":
            warn(f"{path}: not valid UTF-8; read as cp1252 (Windows-1252)")

    def records(self, keep_raw: bool = False) -> Iterator[BatchRecord]:
        name = self.path.name
        enc = "utf-8" if self.encoding == "utf-8-sig" else self.encoding
        with open(self.path, "rb") as fh:
            pos = 0
            for n, bline in enumerate(fh, 1):
                pos += len(bline)
                line = bline.decode(enc, self.errors)
                if n == 1:
                    line = line.lstrip("\ufeff")
                if not line.strip():
                    continue
                where = f"{name} line {n}"
                rid = f"{name}:{n}"
                raw = line if keep_raw else None

                def bad(msg, rid=rid, where=where, raw=raw, pos=pos, n=n):
                    return BatchRecord(id=rid, text=None, where=where, pos=pos, source=str(self.path),
                                       error=f"line {n}: {msg}", raw=raw)

                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield bad(f"not JSON ({exc.msg})")
                    continue
                if not isinstance(obj, dict):
                    yield bad("expected a JSON object")
                    continue
                if obj.get("id") not in (None, ""):
                    rid = str(obj["id"])
                body = obj.get("text")
                if not isinstance(body, str):
                    yield bad("'text' is missing or not a string", rid=rid)
                    continue
                child = obj.get("child") if isinstance(obj.get("child"), dict) else {}
                meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
                form = obj.get("doc_type") or obj.get("form")
                yield BatchRecord(id=rid, text=body, form=str(form) if form else None, child=child,
                                  meta=meta, where=where, pos=pos, source=str(self.path), raw=raw)


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
