"""``recordlint batch``: lint every record of an export, in parallel, in input order, resumably.

The main process reads the inputs (streamed), resolves each record's form name to
a doc type, and hands chunks of ``batch_size`` records to N worker processes; each
worker loads the model once and runs ``Linter.lint_many`` (``nlp.pipe``). At most a
few chunks per worker are in flight, so memory does not grow with the input.
Results are written in input order, one JSONL line per input record, whole chunks
at a time and flushed, so an interruption leaves at most one half-written line.

``--resume`` reads the results written so far, cuts off a half-written last line,
checks that the ids written match the first records of the input (same input, same
order), and carries on from the next record: nothing is lost or written twice.

No record text is ever logged: messages name files, row numbers, ids and counts.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

from ..errors import ConfigError, InputError, RecordlintError
from .readers import BatchRecord, Stream

try:
    import resource
except ImportError:  # Windows
    resource = None


class StartError(RecordlintError):
    """The run could not start (exit 2)."""


# --- worker side ------------------------------------------------------------------------------

_W: dict = {}


def _maxrss_mb() -> float:
    if resource is None:
        return 0.0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / (1024 * 1024)


def _init_worker(config, fast: bool, excerpts: bool, batch_size: int, ignore_sigint: bool = True) -> None:
    if ignore_sigint:   # a local worker process
        _ignore_sigint()
    _W.clear()
    # One process, one core: --jobs N uses N cores, and numpy's BLAS must not start threads of
    # its own in each worker (they would fight over the same cores).
    from ..pipeline import one_blas_thread

    one_blas_thread()
    try:
        from ..api import Linter

        linter = Linter(config=config, fast=fast)
        linter.warm_up()   # what the rules load on first use: loaded once, before any fork
        _W.update(linter=linter, excerpts=excerpts, batch_size=batch_size, error=None,
                  skipped=sorted(r.code for r in linter.ruleset.rules if r.needs_model) if fast else [])
    except RecordlintError as exc:
        _W["error"] = str(exc)
    except Exception as exc:  # noqa: BLE001 - reported to the main process, which exits 2
        _W["error"] = f"could not load the linter ({type(exc).__name__}: {exc})"


def can_fork() -> bool:
    """Fork worker processes after loading the model: on Linux only (macOS's system libraries
    are not fork-safe; Windows has no fork)."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the main process handles Ctrl-C
    _exit_with_parent()


def _exit_with_parent() -> None:
    """End this worker when the main process is gone (killed with kill -9, say): a worker would
    otherwise wait for work for ever, holding its memory."""
    import threading

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="recordlint-parent-watch", daemon=True).start()


def _worker_pool(jobs: int, config, fast: bool, excerpts: bool, batch_size: int):
    """``jobs`` local worker processes, each with a Linter, or None for one job (run inline)."""
    if jobs <= 1:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if can_fork():
        # Load the model once, here, then fork the workers: they start with it loaded (pages
        # shared until written) instead of each importing spaCy and loading it again.
        _init_worker(config, fast, excerpts, batch_size, ignore_sigint=False)
        ctx, init, initargs = multiprocessing.get_context("fork"), _ignore_sigint, ()
    else:  # macOS and Windows: fork is unsafe or missing there; each worker loads the model
        ctx, init, initargs = multiprocessing.get_context("spawn"), _init_worker, (config, fast, excerpts, batch_size)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=init, initargs=initargs)


def _ready() -> dict:
    return {"error": _W.get("error"), "fast_skipped": _W.get("skipped", []), "pid": os.getpid()}


def _lint_chunk(items: list[tuple[str, str, dict]]) -> dict:
    """Findings (as dicts) or an error for each (text, doc_type, child), and this worker's stats."""
    if _W.get("error"):
        raise StartError(_W["error"])
    linter, excerpts = _W["linter"], _W["excerpts"]
    out: list = []
    t0 = time.perf_counter()
    try:
        for findings in linter.lint_many(items, batch_size=_W["batch_size"]):
            out.append([f.to_dict(excerpts) for f in findings])
    except Exception:  # noqa: BLE001 - one bad record must not sink the chunk: retry one by one
        out = []
        for text, dt, child in items:
            try:
                out.append([f.to_dict(excerpts) for f in linter.lint(text, dt, child)])
            except Exception as exc:  # noqa: BLE001 - the type only: a message might quote the text
                out.append(f"could not be checked (internal error: {type(exc).__name__})")
    words = sum(len(t.split()) for t, _, _ in items)
    return {"results": out, "words": words, "seconds": time.perf_counter() - t0,
            "pid": os.getpid(), "maxrss_mb": _maxrss_mb()}


# --- results file -----------------------------------------------------------------------------

def read_done(out: Path) -> list[dict]:
    """The complete lines already in a results file, after cutting off a half-written last line."""
    if not out.exists():
        return []
    data = out.read_bytes()
    cut = data.rfind(b"\n") + 1
    if cut < len(data):
        with open(out, "r+b") as fh:
            fh.truncate(cut)
    done = []
    for n, line in enumerate(data[:cut].splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            obj = None
        if not isinstance(obj, dict) or "id" not in obj:
            raise StartError(f"{out}: line {n} is not a recordlint batch result; "
                             "is this the right file?")
        done.append({k: obj.get(k) for k in ("id", "error", "skipped", "form", "findings")})
    return done


# --- the run ----------------------------------------------------------------------------------

@dataclass
class Summary:
    records: int = 0
    checked: int = 0
    skipped: int = 0
    errors: int = 0
    findings: int = 0
    resumed: int = 0
    words: int = 0
    seconds: float = 0.0
    worker_seconds: float = 0.0
    unmapped: Counter = field(default_factory=Counter)
    skip_reasons: Counter = field(default_factory=Counter)
    error_examples: list = field(default_factory=list)
    fast_skipped: list = field(default_factory=list)
    maxrss_mb: dict = field(default_factory=dict)
    interrupted: bool = False

    def count(self, result: dict) -> None:
        self.records += 1
        if result.get("error"):
            self.errors += 1
            if len(self.error_examples) < 10:
                self.error_examples.append(result["error"])
        elif result.get("skipped"):
            self.skipped += 1
            if result.get("form") is not None:
                self.unmapped[result["form"]] += 1
            else:
                self.skip_reasons[result["skipped"]] += 1
        else:
            self.checked += 1
            self.findings += len(result.get("findings") or [])

    def to_dict(self) -> dict:
        d = {k: getattr(self, k) for k in ("records", "checked", "skipped", "errors", "findings",
                                           "resumed", "words", "seconds", "worker_seconds",
                                           "fast_skipped", "interrupted")}
        d["unmapped_forms"] = dict(self.unmapped)
        d["skip_reasons"] = dict(self.skip_reasons)
        d["maxrss_mb"] = {str(k): round(v, 1) for k, v in self.maxrss_mb.items()}
        d["words_per_second"] = round(self.words / self.seconds) if self.seconds else None
        return d


class Progress:
    """A one-line progress bar on stderr (only on a terminal)."""

    def __init__(self, enabled: bool, total_bytes: int):
        self.enabled = enabled
        self.total = total_bytes
        self.t0 = time.monotonic()
        self.last = 0.0

    def update(self, records: int, pos: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.25:
            return
        self.last = now
        el = max(now - self.t0, 1e-9)
        frac = min(pos / self.total, 1.0) if self.total else 0.0
        eta = el * (1 - frac) / frac if frac > 0 else 0
        bar = "#" * int(frac * 24)
        sys.stderr.write(f"\r[{bar:<24}] {frac:5.1%}  {records:,} records  {records / el:,.0f}/s  "
                         f"ETA {_dur(eta)}   ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _dur(s: float) -> str:
    s = int(s)
    return f"{s // 3600}h{s // 60 % 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


def run_batch(stream: Stream, out: Path, config, *, jobs: int = 1, resume: bool = False,
              fast: bool = False, batch_size: int = 64, excerpts: bool = True,
              doc_type: str | None = None, progress: bool = False,
              note: Callable[[str], None] = lambda m: None, executor=None) -> Summary:
    """Lint every record of ``stream`` into ``out`` (JSONL). Raises StartError if it cannot start.

    ``executor``: run the chunks there instead of in ``jobs`` local processes (an Executor whose
    workers are set up to run ``_lint_chunk``, e.g. ``dask_engine.DaskExecutor``; ``jobs`` is then
    its number of workers). It is shut down at the end."""
    summary = Summary()
    done = read_done(out) if resume else []
    if not resume and out.exists() and out.stat().st_size > 0:
        raise StartError(f"{out} already exists; use --resume to carry on, or remove it")
    if doc_type is not None:
        try:
            config.resolve_doc_type(doc_type)
        except ConfigError as exc:
            raise StartError(str(exc)) from None

    pool = executor if executor is not None else _worker_pool(jobs, config, fast, excerpts, batch_size)
    if pool is not None:
        readies = [pool.submit(_ready) for _ in range(jobs)]
        info = [f.result() for f in readies]
        errors = [i["error"] for i in info if i["error"]]
        if errors:
            pool.shutdown(cancel_futures=True)
            raise StartError(errors[0])
        summary.fast_skipped = info[0]["fast_skipped"]

        def submit(items):
            return pool.submit(_lint_chunk, items)
    else:
        _init_worker(config, fast, excerpts, batch_size, ignore_sigint=False)
        info = _ready()
        if info["error"]:
            raise StartError(info["error"])
        summary.fast_skipped = info["fast_skipped"]

        class _Now:
            def __init__(self, items):
                self.value = _lint_chunk(items)

            def result(self):
                return self.value

        submit = _Now

    fh = open(out, "a", encoding="utf-8", newline="\n")
    bar = Progress(progress, stream.total_bytes)
    t0 = time.perf_counter()
    last_sync = time.monotonic()
    inflight: deque = deque()
    window = max(2, jobs * 3)
    resolved: dict = {}

    def prepare(rec: BatchRecord) -> dict | tuple:
        """A finished result (error / skipped) or the (text, doc_type, child) to lint."""
        base = {"id": rec.id, "doc_type": None, "findings": []}
        if rec.meta:
            base["meta"] = rec.meta
        if rec.error:
            return {**base, "error": rec.error}
        name = rec.form or doc_type
        if name not in resolved:
            try:
                resolved[name] = config.resolve_doc_type(name).name
            except ConfigError:
                resolved[name] = None
        if resolved[name] is None:
            return {**base, "skipped": "unmapped form name", "form": rec.form}
        base["doc_type"] = resolved[name]
        if not rec.text or not rec.text.strip():
            return {**base, "skipped": "no text"}
        return base, (rec.text, resolved[name], rec.child or {})

    def flush_chunk(entry) -> None:
        nonlocal last_sync
        prepared, fut, pos = entry
        res = fut.result() if fut is not None else None
        if res is not None:
            summary.words += res["words"]
            summary.worker_seconds += res["seconds"]
            summary.maxrss_mb[res["pid"]] = max(summary.maxrss_mb.get(res["pid"], 0), res["maxrss_mb"])
            found = iter(res["results"])
        lines = []
        for p in prepared:
            if isinstance(p, tuple):
                result, got = p[0], next(found)
                if isinstance(got, str):
                    result = {**result, "error": got}
                else:
                    result["findings"] = got
            else:
                result = p
            summary.count(result)
            lines.append(json.dumps(result, ensure_ascii=False) + "\n")
        fh.write("".join(lines))
        fh.flush()
        if time.monotonic() - last_sync > 5:
            os.fsync(fh.fileno())
            last_sync = time.monotonic()
        bar.update(summary.records, pos)

    def dispatch(chunk: list[BatchRecord]) -> None:
        prepared = [prepare(r) for r in chunk]
        items = [p[1] for p in prepared if isinstance(p, tuple)]
        fut = submit(items) if items else None
        inflight.append((prepared, fut, chunk[-1].pos))
        while len(inflight) > (window if pool else 0):
            flush_chunk(inflight.popleft())

    try:
        it = iter(stream)
        # Resume: the first records must be exactly the ones already written.
        for n, prev in enumerate(done, 1):
            rec = next(it, None)
            if rec is None or rec.id != prev["id"]:
                raise StartError(
                    f"{out} does not match the input at record {n} (written: id {prev['id']!r}, "
                    f"input: {'end of input' if rec is None else repr(rec.id)}); resume with the same "
                    "inputs in the same order, or start a new results file")
            summary.count(prev)
        summary.resumed = len(done)
        if done:
            note(f"resuming after {len(done):,} records already in {out}")
        chunk: list[BatchRecord] = []
        for rec in it:
            chunk.append(rec)
            if len(chunk) >= batch_size:
                dispatch(chunk)
                chunk = []
        if chunk:
            dispatch(chunk)
        while inflight:
            flush_chunk(inflight.popleft())
    except KeyboardInterrupt:
        summary.interrupted = True
    except InputError as exc:
        raise StartError(str(exc)) from None
    finally:
        bar.update(summary.records, stream.total_bytes if not summary.interrupted else 0, force=True)
        bar.close()
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        if pool is not None:
            pool.shutdown(wait=not summary.interrupted, cancel_futures=True)
        summary.seconds = time.perf_counter() - t0
    if pool is None:
        summary.maxrss_mb[os.getpid()] = _maxrss_mb()
    return summary
