"""The Finding: one problem found in one record."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import IntEnum


class Severity(IntEnum):
    info = 1
    warning = 2
    error = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[str(value).lower()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected info, warning or error)") from None


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with ``text`` (offsets into the record text as given)."""
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Fix:
    """A suggested rewrite: edits applied together. "safe" keeps the meaning (the parse was
    unambiguous); "unsafe" may change it and needs a person to check it."""
    edits: list[Edit]
    applicability: str  # "safe" | "unsafe"
    description: str

    def to_dict(self) -> dict:
        return {"edits": [e.to_dict() for e in self.edits], "applicability": self.applicability,
                "description": self.description}


@dataclass
class Finding:
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    text: str | None = None
    end_line: int | None = None     # where the match ends: the line and column just after it
    end_column: int | None = None
    suggestion: str | None = None
    doc: bool = False
    fix: Fix | None = None  # set only when fixes are asked for (recordlint.fixes)

    def to_dict(self, excerpts: bool = True) -> dict:
        out = {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.name,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text if excerpts else None,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.doc:
            out["doc"] = True
        if self.fix is not None:
            fix = self.fix.to_dict()
            if not excerpts:  # the replacement text quotes the record
                fix["edits"] = [{**e, "text": None} for e in fix["edits"]]
            out["fix"] = fix
        return out


class LineIndex:
    """Maps character offsets to 1-based (line, column); CRLF, LF and CR each end a line."""

    _BREAK = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in self._BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def place(self, finding: Finding) -> Finding:
        """Set a span finding's line/column and end_line/end_column (1-based; the end is the
        position just after the match, as SARIF's endColumn) from its start and end offsets."""
        if finding.start is not None:
            finding.line, finding.column = self.line_col(finding.start)
            finding.end_line, finding.end_column = self.line_col(finding.end)
        return finding
