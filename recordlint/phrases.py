"""Phrase lists: the words the Python rules read, kept as YAML in ``rules/phrases/``.

A phrase file is a mapping of list name to a list of phrases (``planning.yaml``:
``vague_verbs``, ``imperative_verbs``...). ``load_phrases`` reads one file;
``phrase_regex`` compiles a list into one whole-word regex. ``planning_phrases``
is the planning lists compiled once, for action detection and the planning rules.
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from .resources import rules_dir

PLANNING_FILE = "phrases/planning.yaml"


@lru_cache(maxsize=8)
def load_phrases(name: str) -> dict:
    """The lists of one phrase file (a path under ``rules/``)."""
    path = rules_dir() / name
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def phrase_regex(phrases, flags=re.IGNORECASE) -> re.Pattern:
    """One regex for a list of phrases; edges that are letters or digits match whole words."""
    parts = []
    for p in sorted({str(p).strip() for p in phrases if str(p).strip()}, key=len, reverse=True):
        pat = re.escape(p).replace(r"\ ", r"\s+")
        if p[:1].isalnum():
            pat = r"(?<![\w-])" + pat
        if p[-1:].isalnum():
            pat = pat + r"(?![\w-])"
        parts.append(pat)
    return re.compile("|".join(parts) if parts else r"(?!x)x", flags)


def norm_heading(text: str) -> str:
    """A heading or column name as compared with the lists: lower case, letters, digits, spaces."""
    return re.sub(r"[^a-z0-9 ]+", "", re.sub(r"\s+", " ", str(text).lower())).strip()


def _words(data: dict, key: str) -> set[str]:
    return {str(v).lower() for v in data.get(key, [])}


class PlanningPhrases:
    """The planning phrase lists (``rules/phrases/planning.yaml``), compiled once."""

    def __init__(self, data: dict):
        self.data = data
        self.vague_time = phrase_regex(data.get("vague_timescales", []))
        self.clear_time = phrase_regex(data.get("clear_timescales", []))
        self.vague_verbs = _words(data, "vague_verbs")
        self.vague_unless = _words(data, "vague_unless_concrete")
        self.pass_through = _words(data, "pass_through_verbs")
        self.vague_phrases = phrase_regex(data.get("vague_phrases", []))
        self.vague_measures = phrase_regex(data.get("vague_measures", []))
        self.no_owner = phrase_regex(data.get("no_owner_phrases", []))
        self.abstract_subjects = _words(data, "abstract_subjects")
        self.false_friends = phrase_regex(data.get("not_timescales", []))
        self.imperatives = _words(data, "imperative_verbs")
        self.reporting = _words(data, "reporting_verbs")
        self.plan_headings = {norm_heading(h) for h in data.get("plan_headings", [])}
        cols = data.get("table_columns", {}) or {}
        self.columns = {role: {norm_heading(w) for w in words} for role, words in cols.items()}
        self.anchor_words = [str(w).lower() for w in data.get("relative_anchor_words", ["next"])]
        self.relative_anchor = re.compile(
            r"\b(?:at|by|before|after|until|till|from|for|in|during|on)\s+(?:the|your|his|her|their|our|my)\s+"
            r"(?:" + "|".join(map(re.escape, self.anchor_words)) + r")\s+([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)",
            re.IGNORECASE)


@lru_cache(maxsize=8)
def planning_phrases(name: str = PLANNING_FILE) -> PlanningPhrases:
    return PlanningPhrases(load_phrases(name))
