"""recordlint serve with worker processes (issue 12, fault 6): same answers, bounded cache."""
from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from recordlint.server import create_app
from recordlint.server.pool import CheckPool, TokenBoundedCache, bounded_cache

DRAFT = ("You said the placement was going well. Her contact with mum is on Tuesday.\n"
         "The social worker will support Leah with sleep.\nWe will review the plan soon.")
BODY = {"text": DRAFT, "doc_type": "care_plan", "child": {"name": "Leah", "age": 12, "pronouns": "she/her"}}


def test_token_bounded_cache_drops_the_least_recently_used():
    cache = TokenBoundedCache(max_tokens=10)
    cache[("a", "tag")] = [1] * 4
    cache[("b", "tag")] = [1] * 4
    cache.move_to_end(("a", "tag"))          # a was used again
    cache[("c", "tag")] = [1] * 4            # 12 tokens: b goes
    assert list(cache) == [("a", "tag"), ("c", "tag")] and cache.tokens == 8
    cache[("d", "tag")] = [1] * 20           # over the whole budget: nothing is kept
    assert list(cache) == [] and cache.tokens == 0


def test_bounded_cache_holds_the_linters_analyses(linter):
    comp = linter.nlp.get_pipe("recordlint")
    saved = (comp._cache_size, getattr(comp, "_cache", None))
    try:
        cache = bounded_cache(linter, max_tokens=40)
        first = linter.lint(DRAFT, "care_plan", BODY["child"])
        assert 0 < cache.tokens <= 40
        assert [f.to_dict() for f in linter.lint(DRAFT, "care_plan", BODY["child"])] == [f.to_dict() for f in first]
    finally:
        comp._cache_size, comp._cache = saved


@pytest.fixture(scope="module")
def pool(linter):
    p = CheckPool(linter.config, workers=2, cache_mb=10)
    yield p
    p.close()


def test_pool_answers_as_the_server_process_does(linter, pool):
    assert len(pool.pids) == 2
    local = TestClient(create_app(linter)).post("/api/check", json=BODY)
    pooled = TestClient(create_app(linter, check_one=pool.check)).post("/api/check", json=BODY)
    assert local.status_code == pooled.status_code == 200
    assert pooled.json() == local.json() and pooled.json()["findings"]


def test_pool_reports_a_bad_record_as_400(linter, pool):
    client = TestClient(create_app(linter, check_one=pool.check))
    resp = client.post("/api/check", content=b'{"text": "Bad \\ud800 text", "doc_type": "case_note"}',
                       headers={"content-type": "application/json"})
    assert resp.status_code == 400 and "lone surrogate" in resp.json()["error"]


def test_pool_fixes_as_the_server_process_does(linter, pool):
    body = {**BODY, "unsafe": True}
    local = TestClient(create_app(linter)).post("/api/fix", json=body)
    pooled = TestClient(create_app(linter, check_one=pool.check, fix_one=pool.fix)).post("/api/fix", json=body)
    assert local.status_code == pooled.status_code == 200
    assert pooled.json() == local.json() and pooled.json()["edits"]
    assert pooled.json()["text"] != DRAFT


def test_pool_reports_a_bad_fix_request_as_400(linter, pool):
    client = TestClient(create_app(linter, check_one=pool.check, fix_one=pool.fix))
    resp = client.post("/api/fix", content=b'{"text": "Bad \\ud800 text", "doc_type": "case_note"}',
                       headers={"content-type": "application/json"})
    assert resp.status_code == 400 and "lone surrogate" in resp.json()["error"]
