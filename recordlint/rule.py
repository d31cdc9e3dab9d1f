"""The Rule: what every check, in Python or YAML, declares about itself.

``recordlint rules`` and ``recordlint explain CODE`` are generated from these
fields, and one test runs every rule's examples (flagged must fire, clean must
not), so the documentation cannot drift from the behaviour.
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable

from .config import DocType
from .findings import Finding, Severity


@dataclass
class Example:
    text: str
    flagged: bool
    doc_type: str | None = None
    child: dict | None = None

    @classmethod
    def parse(cls, value, flagged: bool, default_doc_type: str | None = None) -> Example:
        if isinstance(value, str):
            return cls(text=value, flagged=flagged, doc_type=default_doc_type)
        return cls(text=value["text"], flagged=flagged,
                   doc_type=value.get("doc_type", default_doc_type), child=value.get("child"))


class Rule:
    code: str = ""
    name: str = ""
    category: str = ""
    severity: Severity = Severity.warning
    summary: str = ""          # one line: what it checks
    why: str = ""              # why it matters (the guidance)
    source: str = ""           # where the guidance or word list comes from
    perspective: str | None = None   # third_person / to_child / None for any doc type
    doc_types: list[str] | None = None  # explicit doc types (overrides perspective)
    exempt_speech: bool = True  # quoted and reported speech is left alone
    needs_model: bool = False   # needs the tagger/parser: skipped in the --fast profile
    analysis: str = "no"        # what it asks the model for, in words (README table, explain)
    options: dict = {}
    examples: list[Example] = []
    origin: str = "built-in"

    def __init__(self):
        self.opts = dict(self.options)

    def setup(self, nlp, config) -> None:
        """Build matchers and read options once, before any record is checked."""

    def configure(self, settings: dict) -> None:
        self.opts = {**self.options, **{k: v for k, v in settings.items()
                                         if k not in ("severity", "enabled", "doc_types")}}
        if "severity" in settings:
            self.severity = Severity.parse(settings["severity"])
        if "doc_types" in settings:
            self.doc_types = list(settings["doc_types"])

    def applies_to(self, doc_type: DocType) -> bool:
        if self.doc_types is not None:
            return doc_type.name in self.doc_types
        return self.perspective is None or self.perspective == doc_type.perspective

    def regions(self, rec) -> Iterable[tuple[int, int, str]]:
        """The parts of the record this rule needs analysed, as (start, end, level) with level
        "tag", "deps" or "parse" (see component.LEVELS). Text only: called before any analysis,
        so that a batch of records is analysed in one pass. ``check`` then finds them with
        ``rec.parse_region(start, end, level)``. Default: none."""
        return ()

    def check(self, rec) -> Iterable[Finding]:
        raise NotImplementedError

    def describe_scope(self) -> str:
        if self.doc_types is not None:
            return ", ".join(self.doc_types)
        return {"third_person": "third-person records", "to_child": "records written to the child",
                None: "all records"}[self.perspective]
