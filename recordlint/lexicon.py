"""Lexicons: care-system words with child-friendly alternatives and a source each.

Entry keys (YAML): term, variants, alternatives, source, note, and optional
context: case_sensitive, not_before / not_after (next / previous words that
mean the plain, non-care sense: "contact me", "I will contact"), pos (only
when the model tags the word so, e.g. NOUN), expansion (acronyms).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ConfigError


@dataclass
class Term:
    term: str
    variants: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    source: str = ""
    note: str = ""
    case_sensitive: bool = False
    not_before: set[str] = field(default_factory=set)
    not_after: set[str] = field(default_factory=set)
    pos: list[str] | None = None
    expansion: str | None = None

    @property
    def forms(self) -> list[str]:
        return [self.term] + [v for v in self.variants if v]

    @property
    def suggestion(self) -> str | None:
        return " / ".join(self.alternatives[:3]) if self.alternatives else None


ENTRY_KEYS = {"term", "variants", "alternatives", "source", "note", "case_sensitive",
              "not_before", "not_after", "pos", "expansion", "category"}


def term_from_dict(entry: dict, where: str) -> Term:
    if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) or not entry["term"].strip():
        raise ConfigError(f"{where}: each entry needs a 'term'")
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise ConfigError(f"{where}: term {entry['term']!r}: unknown key(s) {', '.join(sorted(unknown))}")
    def words(key):
        value = entry.get(key) or []
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value]
    return Term(
        term=entry["term"].strip(),
        variants=words("variants"),
        alternatives=words("alternatives"),
        source=str(entry.get("source") or ""),
        note=str(entry.get("note") or ""),
        case_sensitive=bool(entry.get("case_sensitive", False)),
        not_before={w.lower() for w in words("not_before")},
        not_after={w.lower() for w in words("not_after")},
        pos=words("pos") or None,
        expansion=entry.get("expansion"),
    )


def load_lexicon(path: Path, changes: dict | None = None, require_source: bool = True) -> list[Term]:
    """Load a lexicon file, then apply a config's ``add`` and ``remove``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        raise ConfigError(f"{path}: lexicon file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, list):
        raise ConfigError(f"{path}: a lexicon is a list of entries")
    terms = []
    for i, entry in enumerate(data):
        t = term_from_dict(entry, f"{path}: entry {i + 1}")
        if require_source and not t.source:
            raise ConfigError(f"{path}: term {t.term!r} has no source")
        terms.append(t)
    changes = changes or {}
    remove = {r.lower() for r in changes.get("remove", []) or []}
    if remove:
        terms = [t for t in terms if t.term.lower() not in remove]
        for t in terms:
            t.variants = [v for v in t.variants if v.lower() not in remove]
    for i, entry in enumerate(changes.get("add", []) or []):
        terms.append(term_from_dict(entry, f"config lexicon add[{i}]"))
    return terms
