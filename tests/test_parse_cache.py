"""The analysis cache (used by `recordlint serve`) gives the same findings as no cache."""
import json
from pathlib import Path

import pytest

from recordlint import Linter

DEV = Path(__file__).resolve().parent / "fixtures" / "heldout.jsonl"


@pytest.fixture(scope="module")
def cached_linter():
    linter = Linter(search=False)
    linter.nlp.get_pipe("recordlint").enable_parse_cache(64)
    return linter


def test_cached_parse_gives_the_same_findings(linter, cached_linter):
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    for rec in records:
        plain = [f.to_dict() for f in linter.lint(rec["text"], rec["doc_type"], rec["child"])]
        for _ in range(2):  # cold, then from the cache
            cached = [f.to_dict() for f in cached_linter.lint(rec["text"], rec["doc_type"], rec["child"])]
            assert cached == plain, rec["id"]


def test_cache_is_bounded(cached_linter):
    comp = cached_linter.nlp.get_pipe("recordlint")
    for i in range(100):
        cached_linter.lint(f"Dear Kiera,\n\nKiera says she likes school {i}.\n\n", "care_plan",
                           {"name": "Kiera", "pronouns": "she/her"})
    assert len(comp._cache) <= 64
