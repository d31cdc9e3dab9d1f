"""Read records: a .txt/.md/.docx file or stdin is one record; a .jsonl file is many; a .csv
export is many (the batch reader, ``batch/readers.py``).

Text files are read as UTF-8 (a BOM is dropped); if that fails, cp1252, with a
note on stderr. Line endings, tabs and spacing are kept exactly as they are,
so finding offsets index the text as the case system holds it.

``read_jsonl`` is the one JSONL reader (``check``, ``batch``, ``sample`` and, through
``jsonl_lines``, ``evaluate``): a line ends at a line feed only, so U+2028, U+2029 and
U+0085, which are valid inside JSON strings, stay in the record's text.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class InputRecord:
    """One record as read, before it is checked. Nothing here is ever logged but ``where``."""
    id: str
    text: str | None
    doc_type: str | None = None  # the doc type or form name the record gives (None: the default)
    child: object = field(default_factory=dict)  # as given; checked when the record is checked
    meta: dict = field(default_factory=dict)
    source: str = ""          # path shown in text output ('in.jsonl:3' for a JSONL line)
    error: str | None = None  # why this record could not be read (it is still reported)
    where: str = ""           # "export.csv row 17": for messages (never record text)
    pos: int = 0              # bytes of input read so far, for progress
    raw: object = None        # the row / line as read (only with keep_raw, for sampling)
    author: str | None = None  # how a third-person record names its author ("the IRO"), for fixes
    role: str | None = None    # a worker role (batch --author-column), mapped to the author for fixes


def decode_bytes(data: bytes, where: str, warn: Callable[[str], None]) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(f"{where}: not UTF-8 or cp1252 text") from None
    warn(f"{where}: not valid UTF-8; read as cp1252 (Windows-1252)")
    return text


def sniff_encoding(path: Path, forced: str | None = None) -> str:
    """The file's encoding: a BOM decides; else UTF-8 if the whole file is valid UTF-8; else cp1252."""
    if forced:
        try:
            codecs.lookup(forced)
        except LookupError:
            raise InputError(f"unknown encoding {forced!r}") from None
        return forced
    try:
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
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return "utf-8"


def errors_for(encoding: str) -> str:
    # cp1252 leaves five bytes undefined; they become U+FFFD (one character each, so
    # offsets still match) rather than stopping the run.
    return "replace" if codecs.lookup(encoding).name == "cp1252" else "strict"


def read_docx(path: Path) -> str:
    try:
        import docx  # python-docx
        document = docx.Document(str(path))
    except Exception as exc:  # a corrupt or non-docx file
        raise InputError(f"{path}: cannot read as .docx ({type(exc).__name__})") from None
    return "\n".join(p.text for p in document.paragraphs)


def read_path(path: str, warn: Callable[[str], None], stdin_bytes: Callable[[], bytes] | None = None
              ) -> Iterator[InputRecord]:
    """Yield the records in one CLI argument (a file path or '-')."""
    if path == "-":
        data = stdin_bytes() if stdin_bytes else b""
        yield InputRecord(id="-", text=decode_bytes(data, "<stdin>", warn), source="<stdin>")
        return
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a folder; give files (or use 'recordlint batch' for folders)")
    if not p.exists():
        raise InputError(f"{path}: no such file")
    suffix = p.suffix.lower()
    if suffix == ".docx":
        yield InputRecord(id=p.name, text=read_docx(p), source=str(path))
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(p, warn)
    elif suffix in (".csv", ".tsv"):
        from ..batch.readers import CsvSource  # a CSV export: one record per row

        yield from CsvSource(p, warn).records()
    else:
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        yield InputRecord(id=p.name, text=decode_bytes(data, str(path), warn), source=str(path))


def jsonl_lines(path: Path, warn: Callable[[str], None], encoding: str | None = None
                ) -> Iterator[tuple[int, int, str]]:
    """(line number, bytes read so far, line) for each non-blank line of a JSONL file.
    Lines end at a line feed only; the encoding is sniffed (``sniff_encoding``)."""
    enc = sniff_encoding(path, encoding)
    if codecs.lookup(enc).name.startswith("utf-16"):
        raise InputError(f"{path}: UTF-16 JSONL is not supported; save it as UTF-8")
    if codecs.lookup(enc).name == "cp1252":
        warn(f"{path}: not valid UTF-8; read as cp1252 (Windows-1252)")
    errors = errors_for(enc)
    enc = "utf-8" if enc == "utf-8-sig" else enc
    with open(path, "rb") as fh:
        pos = 0
        for n, bline in enumerate(fh, 1):
            pos += len(bline)
            try:
                line = bline.decode(enc, errors)
            except UnicodeDecodeError:
                line = "\x00"  # reported below as not JSON (never its bytes)
            if n == 1:
                line = line.lstrip("\ufeff")
            if line.strip():
                yield n, pos, line


def read_jsonl(path: Path, warn: Callable[[str], None], encoding: str | None = None,
               keep_raw: bool = False) -> Iterator[InputRecord]:
    """One record per line: {"id", "text", "doc_type" (or "form"), "child", "meta"}; other keys are
    ignored. A bad line becomes a record with an ``error`` naming its line number."""
    for n, pos, line in jsonl_lines(path, warn, encoding):
        yield jsonl_record(path, n, pos, line, keep_raw)


def jsonl_record(path: Path, n: int, pos: int, line: str, keep_raw: bool = False) -> InputRecord:
    rec = InputRecord(id=f"{path.name}:{n}", text=None, source=f"{path}:{n}", where=f"{path.name} line {n}",
                      pos=pos, raw=line if keep_raw else None)
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        rec.error = f"line {n}: not JSON ({getattr(exc, 'msg', 'nested too deeply')})"
        return rec
    if not isinstance(obj, dict):
        rec.error = f"line {n}: expected a JSON object"
        return rec
    if obj.get("id") not in (None, ""):
        rec.id = str(obj["id"])
    doc_type = obj.get("doc_type") or obj.get("form")
    if isinstance(obj.get("text"), str):
        rec.text = obj["text"]
    else:
        rec.error = f"line {n}: 'text' is missing or not a string"
    if doc_type is not None and not isinstance(doc_type, str):
        rec.error = rec.error or f"line {n}: 'doc_type' must be a string (a doc type or form name)"
    else:
        rec.doc_type = doc_type or None
    rec.child = obj.get("child") if obj.get("child") is not None else {}
    rec.meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    rec.author = obj.get("author") if isinstance(obj.get("author"), str) else None
    return rec
