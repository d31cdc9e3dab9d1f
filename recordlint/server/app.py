"""The local draft-check service: a Starlette app around one shared Linter.

Records are special category personal data about children, so the service
keeps nothing: the text of a request lives only in memory while it is
checked; it is never written to disk or to a log (the access log carries the
method, the path without its query string, and the status, never a body);
responses are not cached; errors are short JSON messages, never a traceback.
"""
from __future__ import annotations

import json
import logging
import threading
from html import escape
from importlib import resources

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import RecordlintError
from ..io.readers import InputRecord
from ..results import CheckOptions, check_record

log = logging.getLogger("recordlint.server")

MAX_BODY = 1_000_000  # bytes: 1 MB is several hundred pages of case notes
GROUPS = ("person", "language", "planning", "voice", "readability")
GROUP_ALIASES = {"plan": "planning", "plans": "planning", "read": "readability", "child": "voice"}
GUIDANCE = {
    "third_person": "Write about the child in the third person (their name, she, he or they), "
                    "not to them.",
    "to_child": "Write to the child: use \u201cyou\u201d and words the child would use.",
}
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
     b"object-src 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"pragma", b"no-cache"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
_REPLACED = {name for name, _ in SECURITY_HEADERS} | {b"etag", b"last-modified"}


class BadRequest(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


class Guard:
    """Outermost ASGI layer: security headers on every response, and no traceback ever
    leaves the process (or reaches the log, where it might quote record text)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_wrapper(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _REPLACED]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception as exc:  # noqa: BLE001 - the whole point is to catch everything
            log.error("internal error handling %s %s: %s", scope.get("method"), scope.get("path"),
                      type(exc).__name__)
            if not started:
                response = error(500, "internal error; the text was not kept")
                await response(scope, receive, send_wrapper)


async def read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None:
        try:
            n = int(length)
        except ValueError:
            raise BadRequest(400, "invalid Content-Length header") from None
        if n > limit:
            raise BadRequest(413, f"request body too large: the limit is {limit:,} bytes")
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise BadRequest(413, f"request body too large: the limit is {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_check_request(body: bytes) -> dict:
    """Validate a /api/check body; BadRequest(400) with a message naming the field."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadRequest(400, "request body is not valid JSON (UTF-8)") from None
    if not isinstance(data, dict):
        raise BadRequest(400, "request body must be a JSON object with 'text' and 'doc_type'")
    text = data.get("text")
    if not isinstance(text, str):
        raise BadRequest(400, "'text' is missing or not a string")
    doc_type = data.get("doc_type")
    if doc_type is not None and not isinstance(doc_type, str):
        raise BadRequest(400, "'doc_type' must be a string (a doc type name or form name)")
    child = data.get("child")
    if child is None:
        child = {}
    if not isinstance(child, dict):
        raise BadRequest(400, "'child' must be an object with 'name', 'age', 'pronouns'")
    for key in ("name", "pronouns"):
        if child.get(key) is not None and not isinstance(child[key], str):
            raise BadRequest(400, f"'child.{key}' must be a string")
    age = child.get("age")
    if age == "":
        age = None
    if age is not None:
        if isinstance(age, bool) or not isinstance(age, (int, float, str)):
            raise BadRequest(400, "'child.age' must be a number of years")
        try:
            age = float(age)
        except ValueError:
            raise BadRequest(400, "'child.age' must be a number of years") from None
        if not 0 <= age <= 120:
            raise BadRequest(400, "'child.age' must be between 0 and 120")
    rid = data.get("id")
    if rid is not None and not isinstance(rid, str):
        raise BadRequest(400, "'id' must be a string")
    return {"text": text, "doc_type": doc_type, "id": rid,
            "child": {"name": (child.get("name") or "").strip() or None, "age": age,
                      "pronouns": (child.get("pronouns") or "").strip() or None}}


def group_of(category: str | None) -> str:
    """person, language, planning, voice or readability (or the category's own first part)."""
    head = (category or "").split(".")[0].lower()
    return GROUP_ALIASES.get(head, head) or "other"


def result_summary(findings: list[dict]) -> dict:
    groups = dict.fromkeys(GROUPS, 0)
    cats, sev = {}, {}
    for f in findings:
        group = group_of(f.get("category"))
        groups[group] = groups.get(group, 0) + 1
        cats[f["category"]] = cats.get(f["category"], 0) + 1
        sev[f["severity"]] = sev.get(f["severity"], 0) + 1
    return {"findings": len(findings), "by_group": groups,
            "by_category": dict(sorted(cats.items())), "by_severity": dict(sorted(sev.items()))}


def rule_info(rule, severity=None) -> dict:
    return {
        "code": rule.code, "name": rule.name, "category": rule.category,
        "group": group_of(rule.category), "severity": (severity or rule.severity).name,
        "summary": rule.summary, "why": rule.why, "source": rule.source or None,
        "applies_to": rule.describe_scope(), "needs_model": rule.needs_model,
    }


def load_openapi() -> dict:
    spec = json.loads(resources.files(__package__).joinpath("openapi.json").read_text("utf-8"))
    spec["info"]["version"] = __version__
    return spec


PERSPECTIVE_LABEL = {"third_person": "Written about the child (third person)",
                     "to_child": "Written to the child"}


def render_index(template: str, config) -> bytes:
    """The page, with the doc type options (grouped by perspective) filled in."""
    dts = list(config.doc_types.values())
    parts = []
    for perspective, label in PERSPECTIVE_LABEL.items():
        members = [d for d in dts if d.perspective == perspective]
        if not members:
            continue
        parts.append(f'      <optgroup label="{escape(label)}">')
        for d in members:
            text = d.name.replace("_", " ").capitalize()
            if d.description:
                text = f"{text} \u2013 {d.description}"
            selected = " selected" if d.name == config.default_doc_type else ""
            parts.append(f'        <option value="{escape(d.name)}" data-perspective="{escape(d.perspective)}" '
                         f'data-guidance="{escape(GUIDANCE.get(d.perspective, ""))}"{selected}>'
                         f"{escape(text)}</option>")
        parts.append("      </optgroup>")
    default = config.doc_types[config.default_doc_type]
    page = template.replace("<!--DOC_TYPE_OPTIONS-->", "\n".join(parts))
    page = page.replace("<!--DOC_TYPE_GUIDANCE-->", escape(GUIDANCE.get(default.perspective, "")))
    return page.encode("utf-8")


def add_fix_previews(result: dict, findings: list, text: str) -> None:
    """Each fix in an /api/check reply also carries ``sentence``: the finding's sentence as it
    reads with the fix applied (what the page shows next to its Apply button)."""
    from ..fixes.apply import fixed_sentence

    for f, out in zip(findings, result["findings"], strict=True):
        if f.fix is not None:
            out["fix"]["sentence"] = fixed_sentence(text, f)


def parse_fix_request(body: bytes) -> dict:
    """An /api/fix body: an /api/check body plus ``unsafe`` (bool) and ``codes`` (rule codes or
    categories to apply; all when absent)."""
    req = parse_check_request(body)
    data = json.loads(body.decode("utf-8"))
    unsafe, codes = data.get("unsafe", False), data.get("codes")
    if not isinstance(unsafe, bool):
        raise BadRequest(400, "'unsafe' must be true or false")
    if codes is not None and not (isinstance(codes, list) and all(isinstance(c, str) for c in codes)):
        raise BadRequest(400, "'codes' must be a list of rule codes or categories")
    return {**req, "unsafe": unsafe, "codes": codes}


def fix_text(linter, req: dict, doc_type: str) -> dict:
    """An /api/fix reply: ``req``'s text rewritten with its fixes (safe ones unless ``unsafe``;
    only those of ``codes`` when given). Run by the server process or a pool worker."""
    from ..fixes.apply import apply_edits, choose_edits

    findings = linter.lint(req["text"], doc_type, req["child"], fixes=True)
    codes = req["codes"]
    if codes is not None:
        findings = [f for f in findings if f.code in codes or f.category in codes
                    or f.category.split(".")[0] in codes]
    edits, applied = choose_edits(findings, req["unsafe"])
    return {"text": apply_edits(req["text"], edits), "edits": [e.to_dict() for e in edits],
            "applied": [f.to_dict() for f in applied]}


def fix_route(fix_one, config, max_body: int) -> Route:
    """``POST /api/fix``: the text rewritten with its fixes (``fix_one(req, doc_type)``: fix_text
    in this process or in a pool worker)."""

    async def fix(request: Request):
        try:
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                raise BadRequest(415, "send the request as JSON (Content-Type: application/json)")
            req = parse_fix_request(await read_body(request, max_body))
            try:
                dt = config.resolve_doc_type(req["doc_type"])
            except RecordlintError as exc:
                raise BadRequest(400, str(exc)) from None
        except BadRequest as exc:
            return error(exc.status, exc.message)
        try:
            return JSONResponse(await run_in_threadpool(fix_one, req, dt.name))
        except RecordlintError as exc:
            return error(400, str(exc))
        except Exception as exc:  # noqa: BLE001 - never a traceback; never the text in a log
            log.error("internal error fixing a record: %s", type(exc).__name__)
            return error(500, "internal error while fixing; the text was not kept")

    return Route("/api/fix", fix, methods=["POST"])


async def check(request: Request):
    """POST /api/check: one record object, as in ``check --format json`` (``results.check_record``)."""
    state = request.app.state
    try:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise BadRequest(415, "send the request as JSON (Content-Type: application/json)")
        req = parse_check_request(await read_body(request, state.max_body))
        try:
            dt = state.config.resolve_doc_type(req["doc_type"])
        except RecordlintError as exc:
            raise BadRequest(400, str(exc)) from None
    except BadRequest as exc:
        return error(exc.status, exc.message)
    rec = InputRecord(id=req["id"], text=req["text"], doc_type=dt.name, child=req["child"])
    try:
        result = await run_in_threadpool(state.check_one, rec)
    except Exception as exc:  # noqa: BLE001 - never a traceback; never the text in a log
        log.error("internal error checking a record: %s", type(exc).__name__)
        return error(500, "internal error while checking; the text was not kept")
    if result.error:
        if result.internal:
            log.error("internal error checking a record: %s", result.error)
            return error(500, "internal error while checking; the text was not kept")
        return error(400, result.error)
    out = result.to_dict()
    add_fix_previews(out, result.findings, req["text"])
    out["perspective"] = dt.perspective
    out["summary"] = result_summary(out["findings"])
    return JSONResponse(out)


async def rules(request: Request):
    linter = request.app.state.linter
    doc_type = request.query_params.get("doc_type")
    if doc_type:
        try:
            dt = linter.config.resolve_doc_type(doc_type)
        except RecordlintError as exc:
            return error(400, str(exc))
        items = [rule_info(r, sev) for r, sev in linter.ruleset.active(dt.name, fast=linter.fast)]
    else:
        items = [rule_info(r) for r in linter.ruleset.rules]
    return JSONResponse({"rules": sorted(items, key=lambda r: r["code"])})


async def doc_types(request: Request):
    config = request.app.state.config
    items = [{"name": dt.name, "perspective": dt.perspective, "description": dt.description,
              "aliases": dt.aliases, "guidance": GUIDANCE.get(dt.perspective, "")}
             for dt in config.doc_types.values()]
    return JSONResponse({"default": config.default_doc_type, "doc_types": items})


async def healthz(request: Request):
    linter = request.app.state.linter
    return JSONResponse({"status": "ok", "version": __version__,
                         "model": linter.nlp.meta.get("name"), "fast": linter.fast})


async def openapi_json(request: Request):
    return JSONResponse(request.app.state.openapi)


async def index(request: Request):
    return Response(request.app.state.index_html, media_type="text/html; charset=utf-8")


async def http_error(request: Request, exc: HTTPException):
    messages = {404: "not found", 405: "method not allowed"}
    return error(exc.status_code, messages.get(exc.status_code, exc.detail or "error"))


async def server_error(request: Request, exc: Exception):
    return error(500, "internal error; the text was not kept")


ROUTES = [
    Route("/", index, methods=["GET"]),
    Route("/api/check", check, methods=["POST"]),
    Route("/api/rules", rules, methods=["GET"]),
    Route("/api/doc-types", doc_types, methods=["GET"]),
    Route("/healthz", healthz, methods=["GET"]),
    Route("/openapi.json", openapi_json, methods=["GET"]),
    Mount("/static", StaticFiles(packages=[(__package__, "static")]), name="static"),
]


def create_app(linter, max_body: int = MAX_BODY, check_one=None, fix_one=None):
    """The ASGI app. ``linter`` is a loaded recordlint.api.Linter (rules, doc types, health);
    ``check_one(InputRecord) -> RecordResult`` checks a record and ``fix_one(request, doc_type)``
    rewrites one (default: with ``linter``, one text at a time; ``serve`` passes a pool of
    worker processes)."""
    lock = threading.Lock()  # one spaCy pipeline in this process: one text at a time
    if check_one is None:
        def check_one(rec):
            with lock:
                return check_record(linter, rec, CheckOptions(fixes=True))
    if fix_one is None:
        def fix_one(req, doc_type):
            with lock:
                return fix_text(linter, req, doc_type)

    routes = [*ROUTES[:2], fix_route(fix_one, linter.config, max_body), *ROUTES[2:]]
    app = Starlette(routes=routes, debug=False,
                    exception_handlers={HTTPException: http_error, Exception: server_error})
    static_dir = resources.files(__package__).joinpath("static")
    app.state.linter, app.state.config, app.state.max_body = linter, linter.config, max_body
    app.state.check_one = check_one
    app.state.openapi = load_openapi()
    app.state.index_html = render_index(static_dir.joinpath("index.html").read_text("utf-8"), linter.config)
    guarded = Guard(app)
    guarded.state = app.state
    return guarded


def warm_up(linter) -> None:
    """Run each kind of record once so the first real request is as quick as the rest."""
    linter.warm_up()


PATHS_LOGGED = {"/", "/api/check", "/api/rules", "/api/doc-types", "/healthz", "/openapi.json"}


def _static_paths() -> set[str]:
    return {f"/static/{p.name}" for p in resources.files(__package__).joinpath("static").iterdir()}


class StripQuery(logging.Filter):
    """Access-log lines keep method, path and status, nothing else: no client address or port,
    no query string, and a path the service does not serve is written as '(other path)' (a
    mistyped path could hold anything)."""

    def __init__(self, name: str = ""):
        super().__init__(name)
        self.known = PATHS_LOGGED | _static_paths()

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            record.args = ("-", args[1], path if path in self.known else "(other path)", *args[3:])
        return True


def h11_protocol():
    """uvicorn's HTTP/1.1 protocol, whose own replies to malformed requests (400) carry the
    same security headers as the app's."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class SecureH11Protocol(H11Protocol):
        def send_400_response(self, msg: str) -> None:
            headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close"),
                       *SECURITY_HEADERS]
            for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
                          h11.Data(data=msg.encode("ascii")), h11.EndOfMessage()):
                self.transport.write(self.conn.send(event))
            self.transport.close()

    return SecureH11Protocol


def log_config() -> dict:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"strip_query": {"()": StripQuery}},
        "formatters": {
            "default": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
            "access": {"format": "%(asctime)s %(levelname)s access: %(message)s"},
        },
        "handlers": {
            "default": {"class": "logging.StreamHandler", "formatter": "default",
                        "stream": "ext://sys.stderr"},
            "access": {"class": "logging.StreamHandler", "formatter": "access",
                       "filters": ["strip_query"], "stream": "ext://sys.stderr"},
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "uvicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
            "recordlint.server": {"handlers": ["default"], "level": "INFO", "propagate": False},
        },
    }


__all__ = ["create_app", "warm_up", "log_config", "h11_protocol", "MAX_BODY"]
