"""Shared fixtures: one Linter (model loaded once) for the whole test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from recordlint import Linter

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(search=False)


@pytest.fixture(scope="session")
def fast_linter() -> Linter:
    return Linter(search=False, fast=True)


def findings_of(linter, text, doc_type="case_note", child=None, category=None, code=None):
    """(code, category, matched text) for each finding, optionally filtered."""
    out = []
    for f in linter.lint(text, doc_type, child):
        if category and f.category != category:
            continue
        if code and f.code != code:
            continue
        out.append((f.code, f.category, f.text))
    return out


PLAN = {"plan.timescale", "plan.specific"}


def plan_findings_of(linter, text, doc_type, child=None):
    """(code, matched text) of each plan-step finding (RL301, RL302); the child is Kai unless given."""
    child = {"name": "Kai"} if child is None else child
    return [(c, t) for c, cat, t in findings_of(linter, text, doc_type, child) if cat in PLAN]


def plan_texts_of(linter, text, doc_type, code):
    """The matched text of each finding of one plan-step rule ("RL301" or "RL302"); the child is Kai."""
    return [t for c, t in plan_findings_of(linter, text, doc_type) if c == code]
