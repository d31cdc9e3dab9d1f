"""Read records: a .txt/.md/.docx file or stdin is one record; a .jsonl file is many.

Text files are read as UTF-8 (a BOM is dropped); if that fails, cp1252, with a
note on stderr. Line endings, tabs and spacing are kept exactly as they are,
so finding offsets index the text as the case system holds it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterator

from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}


@dataclass
class InputRecord:
    id: str
    text: str | None
    doc_type: str | None = None
    child: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    source: str = ""          # path shown in text output
    error: str | None = None  # why this record could not be read (it is still reported)
    author: str | None = None  # how a third-person record names its author ("the IRO"), for fixes


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
    elif suffix == ".jsonl":
        yield from read_jsonl(p, warn)
    else:
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        yield InputRecord(id=p.name, text=decode_bytes(data, str(path), warn), source=str(path))


def read_jsonl(p: Path, warn: Callable[[str], None]) -> Iterator[InputRecord]:
    """One record per line: {"id", "text", "doc_type", "child", "meta"}; unknown keys ignored.
    A bad line becomes a record with an ``error`` (reported with its line number)."""
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    text = decode_bytes(raw, str(p), warn)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        rid = f"{p.name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputRecord(id=rid, text=None, source=f"{p}:{n}", error=f"line {n}: not JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield InputRecord(id=rid, text=None, source=f"{p}:{n}", error=f"line {n}: expected a JSON object")
            continue
        body = obj.get("text")
        if not isinstance(body, str):
            yield InputRecord(id=str(obj.get("id", rid)), text=None, source=f"{p}:{n}",
                              error=f"line {n}: 'text' is missing or not a string")
            continue
        child = obj.get("child") if isinstance(obj.get("child"), dict) else {}
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        author = obj.get("author") if isinstance(obj.get("author"), str) else None
        yield InputRecord(id=str(obj.get("id", rid)), text=body, doc_type=obj.get("doc_type"),
                          child=child, meta=meta, source=f"{p}:{n}", author=author)
