"""The local draft-check API (recordlint serve), through Starlette's TestClient."""
from __future__ import annotations

import json
import logging

import jsonschema
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from recordlint.cli import main
from recordlint.cli_serve import is_loopback
from recordlint.server import MAX_BODY, create_app
from recordlint.server.app import StripQuery, load_openapi

SECRET = "Zebedee-7731 told me the placement is going well"
TRACE_MARKERS = ("Traceback", 'File "', "line ", "Error:")


@pytest.fixture(scope="module")
def app(linter):
    return create_app(linter)


@pytest.fixture
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post("/api/check", content=data, headers={"Content-Type": content_type})


def assert_json_error(resp, status, *words):
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error", "status"} and body["status"] == status
    for w in words:
        assert w in body["error"]
    assert not any(m in body["error"] for m in ("Traceback", 'File "'))
    return body


def schema_for(name: str):
    spec = load_openapi()
    return {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}


# --- valid requests -----------------------------------------------------------------------------

def test_check_returns_one_record_like_check_json(client, linter):
    text = "We talked about the placement. Jo said she likes school."
    resp = post(client, {"text": text, "doc_type": "case_note", "child": {"name": "Jo", "age": 9}})
    assert resp.status_code == 200
    rec = resp.json()
    assert rec["doc_type"] == "case_note" and rec["id"] is None
    jsonschema.validate(rec, schema_for("CheckResult"))
    # The findings are exactly what the library (and so `check --format json`) gives.
    expected = [f.to_dict() for f in linter.lint(text, "case_note", {"name": "Jo", "age": 9})]
    assert [{k: v for k, v in f.items() if k != "fix"} for f in rec["findings"]] == expected
    jargon = [f for f in rec["findings"] if f["code"] == "RL201" and f["text"] == "placement"]
    assert jargon and "home" in jargon[0]["suggestion"]
    f = jargon[0]
    assert text[f["start"]:f["end"]] == "placement"
    assert rec["summary"]["findings"] == len(rec["findings"])
    assert set(rec["summary"]["by_group"]) >= {"person", "language", "planning", "voice", "readability"}
    assert rec["summary"]["by_group"]["language"] >= 1


def test_same_shape_as_cli_json(client, tmp_path):
    text = "The placement is going well."
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    cli = CliRunner().invoke(main, ["check", "--format", "json", "--fixes", "-t", "case_note", str(path)])
    cli_rec = json.loads(cli.stdout)["records"][0]
    api_rec = post(client, {"text": text, "doc_type": "case_note"}).json()
    for f in api_rec["findings"]:  # the page's preview of each fix is the API's only addition
        f.get("fix", {}).pop("sentence", None)
    assert api_rec["findings"] == cli_rec["findings"]
    assert api_rec["doc_type"] == cli_rec["doc_type"]
    assert set(cli_rec) <= set(api_rec)


def test_second_person_in_third_person_record_and_doc_type_switch(client):
    # Person rules: RL102 person.second in third-person records; RL103 person.third in
    # records written to the child.
    text = "You told me the placement is going well. Jo said she likes school."
    note = post(client, {"text": text, "doc_type": "case_note", "child": {"name": "Jo"}}).json()
    codes = {f["code"] for f in note["findings"]}
    assert "RL102" in codes
    assert any(f["category"] == "person.second" and f["text"] == "You" for f in note["findings"])
    plan = post(client, {"text": text, "doc_type": "care_plan", "child": {"name": "Jo"}}).json()
    plan_codes = {f["code"] for f in plan["findings"]}
    assert plan["perspective"] == "to_child"
    assert "RL102" not in plan_codes and "RL103" in plan_codes
    assert "RL201" in plan_codes


def test_doc_type_alias_default_and_id(client):
    rec = post(client, {"text": "The placement.", "doc_type": "CIN Plan", "id": "draft-1"}).json()
    assert rec["doc_type"] == "care_plan" and rec["id"] == "draft-1"
    rec = post(client, {"text": "The placement."}).json()
    assert rec["doc_type"] == "case_note"
    rec = post(client, {"text": "", "doc_type": "case_note", "child": None}).json()
    assert isinstance(rec["findings"], list)


def test_child_details_are_used(client):
    body = {"text": "Sam said he likes football.", "doc_type": "care_plan",
            "child": {"name": "Sam", "age": "12", "pronouns": "he/him"}}
    resp = post(client, body)
    assert resp.status_code == 200


def test_content_type_with_charset_is_fine(client):
    resp = post(client, {"text": "The placement."}, content_type="application/json; charset=utf-8")
    assert resp.status_code == 200


# --- limits and errors --------------------------------------------------------------------------

def test_oversized_body_is_413(client):
    big = {"text": "word " * (MAX_BODY // 5 + 10), "doc_type": "case_note"}
    body = assert_json_error(post(client, big), 413, "too large")
    assert f"{MAX_BODY:,}" in body["error"]


def test_oversized_streamed_body_without_length_is_413(client):
    def chunks():
        for _ in range(MAX_BODY // 65536 + 2):
            yield b" " * 65536
    resp = client.post("/api/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert_json_error(resp, 413, "too large")


def test_body_at_the_limit_is_accepted(client):
    prefix = '{"text": "'
    suffix = '", "doc_type": "case_note"}'
    filler = "The placement is fine. " * ((MAX_BODY - 100) // 23)
    body = (prefix + filler + suffix).encode()
    assert len(body) <= MAX_BODY
    resp = post(client, body)
    assert resp.status_code == 200


@pytest.mark.parametrize("raw", [b"{not json", b"", b'{"text": "unterminated', b"\xff\xfe\x00",
                                 b"[1, 2]", b'"just a string"', b"null", b"[" * 100_000,
                                 b'{"text": NaN}'])
def test_malformed_json_is_400(client, raw):
    assert_json_error(post(client, raw), 400)


@pytest.mark.parametrize("body,word", [
    ({"doc_type": "case_note"}, "'text'"),
    ({"text": 42}, "'text'"),
    ({"text": "x", "doc_type": 3}, "'doc_type'"),
    ({"text": "x", "child": "Jo"}, "'child'"),
    ({"text": "x", "child": {"age": "nine"}}, "child.age"),
    ({"text": "x", "child": {"age": 140}}, "child.age"),
    ({"text": "x", "child": {"name": ["Jo"]}}, "child.name"),
    ({"text": "x", "id": 5}, "'id'"),
])
def test_bad_fields_are_400(client, body, word):
    assert_json_error(post(client, body), 400, word)


def test_unknown_doc_type_is_400(client):
    body = assert_json_error(post(client, {"text": "The placement.", "doc_type": "shopping_list"}),
                             400, "unknown doc type", "shopping_list")
    assert "case_note" in body["error"]  # says what is known


def test_not_json_content_type_is_415(client):
    assert_json_error(post(client, '{"text": "x"}', content_type="text/plain"), 415, "application/json")
    resp = client.post("/api/check", data={"text": "x"})
    assert_json_error(resp, 415)


def test_unknown_path_and_method_are_json(client):
    assert_json_error(client.get("/nope"), 404, "not found")
    assert_json_error(client.get("/api/check"), 405, "method not allowed")
    assert_json_error(client.delete("/api/rules"), 405)


def test_internal_error_is_500_without_traceback_or_text(client, linter, monkeypatch, caplog):
    def boom(text, doc_type=None, child=None):
        raise RuntimeError(f"could not handle {text!r}")

    monkeypatch.setattr(linter, "lint", boom)
    with caplog.at_level(logging.DEBUG):
        resp = post(client, {"text": SECRET, "doc_type": "case_note"})
    body = assert_json_error(resp, 500, "internal error")
    assert "Zebedee" not in resp.text and "RuntimeError" not in resp.text
    assert "Zebedee" not in caplog.text and "Traceback" not in caplog.text
    assert body["error"]


def test_unexpected_exception_outside_handlers_is_contained(linter, caplog):
    """Even an exception the app does not expect leaves as a short JSON 500."""
    from recordlint.server.app import Guard

    async def broken(scope, receive, send):
        if scope["type"] == "http":
            raise ValueError(SECRET)

    with caplog.at_level(logging.DEBUG):
        resp = TestClient(Guard(broken), raise_server_exceptions=False).get("/")
    assert_json_error(resp, 500)
    assert "Zebedee" not in resp.text and "Zebedee" not in caplog.text
    assert resp.headers["cache-control"] == "no-store"


def test_no_response_ever_carries_a_traceback(client):
    responses = [
        post(client, {"text": "The placement.", "doc_type": "case_note"}),
        post(client, b"{oops"),
        post(client, {"text": "x", "doc_type": "nope"}),
        post(client, {"text": "x" * (MAX_BODY + 1)}),
        post(client, "x", content_type="text/plain"),
        client.get("/missing"),
        client.put("/api/check"),
        client.get("/api/rules?doc_type=nope"),
        client.get("/static/../app.py"),
        client.get("/static/nothing.js"),
    ]
    for r in responses:
        assert "Traceback" not in r.text, r.text
        assert 'File "' not in r.text, r.text


# --- other endpoints ----------------------------------------------------------------------------

def test_healthz(client):
    resp = client.get("/healthz")
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "ok" and body["version"]
    jsonschema.validate(body, schema_for("Health"))


def test_rules(client, linter):
    resp = client.get("/api/rules")
    assert resp.status_code == 200
    body = resp.json()
    jsonschema.validate(body, schema_for("RulesResponse"))
    codes = [r["code"] for r in body["rules"]]
    assert codes == sorted(r.code for r in linter.ruleset.rules)
    rl201 = next(r for r in body["rules"] if r["code"] == "RL201")
    assert rl201["group"] == "language" and rl201["summary"]

    note = {r["code"] for r in client.get("/api/rules", params={"doc_type": "case_note"}).json()["rules"]}
    plan = {r["code"] for r in client.get("/api/rules", params={"doc_type": "My Plan"}).json()["rules"]}
    assert "RL201" in note and "RL201" in plan
    assert "RL102" in note and "RL102" not in plan
    assert_json_error(client.get("/api/rules", params={"doc_type": "nope"}), 400, "unknown doc type")


def test_doc_types(client, linter):
    body = client.get("/api/doc-types").json()
    jsonschema.validate(body, schema_for("DocTypesResponse"))
    assert body["default"] == linter.config.default_doc_type
    by_name = {d["name"]: d for d in body["doc_types"]}
    assert "third person" in by_name["case_note"]["guidance"]
    assert "to the child" in by_name["care_plan"]["guidance"]


def test_openapi_describes_every_route(client, app):
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    from recordlint import __version__
    assert spec["info"]["version"] == __version__
    starlette_app = app.app
    paths = {r.path for r in starlette_app.routes if getattr(r, "methods", None)} - {"/"}
    assert paths <= set(spec["paths"])
    check = spec["paths"]["/api/check"]["post"]
    assert {"200", "400", "413"} <= set(check["responses"])
    # The example request in the description is a valid request.
    example = check["requestBody"]["content"]["application/json"]["example"]
    jsonschema.validate(example, schema_for("CheckRequest"))
    assert post(client, example).status_code == 200


def test_page_and_static_files(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<option value="case_note"' in html and '<option value="care_plan"' in html
    assert 'for="draft"' in html and 'for="doc-type"' in html and 'for="child-name"' in html
    # Nothing external and nothing inline (the CSP allows neither).
    assert "http://" not in html and "https://" not in html
    assert "<script>" not in html and " style=" not in html and "onclick" not in html
    for name, ctype in (("app.js", "javascript"), ("app.css", "text/css"), ("favicon.svg", "svg")):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and ctype in r.headers["content-type"]
        assert "http://" not in r.text.replace("http://www.w3.org/2000/svg", "")
        assert r.headers["cache-control"] == "no-store"
        assert "etag" not in r.headers


@pytest.mark.parametrize("method,path", [("get", "/"), ("get", "/healthz"), ("get", "/api/rules"),
                                         ("get", "/openapi.json"), ("get", "/nope"),
                                         ("post", "/api/check")])
def test_security_headers_on_every_response(client, method, path):
    kwargs = {"content": b"{}", "headers": {"Content-Type": "application/json"}} if method == "post" else {}
    resp = getattr(client, method)(path, **kwargs)
    h = resp.headers
    assert "default-src 'self'" in h["content-security-policy"]
    assert "frame-ancestors 'none'" in h["content-security-policy"]
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"
    assert h["cache-control"] == "no-store"


# --- privacy: no text in logs -------------------------------------------------------------------

def test_no_record_text_in_logs(client, caplog):
    with caplog.at_level(logging.DEBUG):
        post(client, {"text": SECRET, "doc_type": "case_note", "child": {"name": "Zebedee"}})
        post(client, {"text": SECRET, "doc_type": "nope"})
    assert "Zebedee" not in caplog.text and "placement" not in caplog.text


def test_access_log_drops_query_strings():
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5000", "GET", "/api/rules?doc_type=secret", "1.1", 200), None)
    assert StripQuery().filter(record)
    assert record.getMessage() == '- - "GET /api/rules HTTP/1.1" 200'  # no client address


# --- the command --------------------------------------------------------------------------------

def test_serve_command_is_registered():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "127.0.0.1" in result.output and "8765" in result.output


def test_serve_bad_config_fails_cleanly(tmp_path):
    bad = tmp_path / "recordlint.yaml"
    bad.write_text("nonsense: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--config", str(bad)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("host,expected", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                           ("[::1]", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                           ("example.org", False)])
def test_is_loopback(host, expected):
    assert is_loopback(host) is expected


# --- fixes ----------------------------------------------------------------------------------------

def test_check_findings_carry_fixes_with_the_rewritten_sentence(client):
    text = "Leah enjoys her new school. The LAC review is on Friday."
    rec = post(client, {"text": text, "doc_type": "care_plan", "child": {"name": "Leah", "pronouns": "she/her"}}).json()
    jsonschema.validate(rec, schema_for("CheckResult"))
    person = [f for f in rec["findings"] if f["code"] == "RL103"]
    assert person and all(f["fix"]["applicability"] == "safe" for f in person)
    assert person[0]["fix"]["sentence"] == "You enjoy your new school."
    (acronym,) = [f for f in rec["findings"] if f["code"] == "RL202"]
    assert acronym["fix"]["sentence"] == "The looked after child (LAC) review is on Friday."
    assert "fix" not in [f for f in rec["findings"] if f["code"] == "RL303"][0]


def test_fix_endpoint_rewrites_safe_fixes_unless_asked(client):
    body = {"text": "Leah enjoys her placement.", "doc_type": "care_plan",
            "child": {"name": "Leah", "pronouns": "she/her"}}
    resp = client.post("/api/fix", json=body)
    assert resp.status_code == 200
    out = resp.json()
    jsonschema.validate(out, schema_for("FixResult"))
    assert out["text"] == "You enjoy your placement."
    assert {f["code"] for f in out["applied"]} == {"RL103"}
    assert client.post("/api/fix", json={**body, "unsafe": True}).json()["text"] == "You enjoy your home."
    assert client.post("/api/fix", json={**body, "unsafe": True, "codes": ["RL201"]}).json()["text"] == \
        "Leah enjoys her home."
    bad = client.post("/api/fix", json={**body, "unsafe": "yes"})
    assert bad.status_code == 400 and "'unsafe'" in bad.json()["error"]
    assert client.post("/api/fix", content=b"{", headers={"content-type": "application/json"}).status_code == 400
