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

import gc
import json
import os
import sys
import time
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

from ..errors import ConfigError, InputError, RecordlintError
from ..io.readers import InputRecord
from ..io.writers import format_jsonl_line
from ..results import CheckOptions, RecordResult, finish, lint_items, prepare
from .readers import Stream

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


def die_with_parent(parent: int | None) -> None:
    """End this worker when the main process ends, even by kill -9 (as the OOM killer does):
    on Linux the kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); everywhere a thread checks
    every half second that the parent is still there."""
    if parent is None:
        return
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    import threading

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    if os.getppid() != parent:   # the parent went before the signal was armed
        os._exit(1)
    threading.Thread(target=watch, name="recordlint-parent-watch", daemon=True).start()


def _init_worker(config, fast: bool, excerpts: bool, batch_size: int, ignore_sigint: bool = True,
                 parent: int | None = None) -> None:
    if ignore_sigint:   # a local worker process
        _ignore_sigint(parent)
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


def keep_freed_memory() -> None:
    """With glibc (Linux): keep the memory a chunk frees for the next chunk, instead of handing it
    back to the system and taking it again (each chunk of 64 records did that with ~50 MB:
    ~12,000 page faults, ~10% of a worker's CPU time; benchmarks/README.md). Freed memory is
    kept up to 256 MB (M_TRIM_THRESHOLD) and blocks under 32 MB come from the heap
    (M_MMAP_THRESHOLD); the peak stays what one chunk needs. Set once in the main process, which
    local workers are forked from; elsewhere (other C libraries, other systems) nothing changes."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(-1, 256 << 20)   # M_TRIM_THRESHOLD
    mallopt(-3, 32 << 20)    # M_MMAP_THRESHOLD


def can_fork() -> bool:
    """Fork worker processes after loading the model: on Linux only (macOS's system libraries
    are not fork-safe; Windows has no fork)."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _ignore_sigint(parent: int | None = None) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the main process handles Ctrl-C
    die_with_parent(parent if parent is not None else os.getppid())


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
        ctx, init, initargs = multiprocessing.get_context("fork"), _ignore_sigint, (os.getpid(),)
    else:  # macOS and Windows: fork is unsafe or missing there; each worker loads the model
        ctx, init = multiprocessing.get_context("spawn"), _init_worker
        initargs = (config, fast, excerpts, batch_size, True, os.getpid())
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=init, initargs=initargs)


@contextmanager
def _frozen(freeze: bool):
    """While local workers are forked: every object of this process (the Linter) in the garbage
    collector's permanent generation (``gc.freeze``), so that the workers' collections never
    walk them, which would write to (and so copy) the memory pages they share with this
    process. This process's own objects are back to normal afterwards."""
    if not freeze:
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _ready() -> dict:
    return {"error": _W.get("error"), "fast_skipped": _W.get("skipped", []), "pid": os.getpid()}


def _lint_chunk(items: list[tuple[str, str, dict]], authors: list | None = None) -> dict:
    """For each (text, doc_type, child) of a chunk (prepared by the main process with
    ``results.prepare``): its findings, or why it could not be checked (a one-line message);
    and this worker's stats. ``results.finish`` turns each into the record's result.
    With ``authors`` (batch --fixes: each record's author, None for the config's default) the
    records are linted one at a time, with fixes."""
    if _W.get("error"):
        raise StartError(_W["error"])
    t0 = time.perf_counter()
    if authors is None:
        outcomes = lint_items(_W["linter"], items, _W["batch_size"])
    else:
        outcomes = [_lint_fixes(_W["linter"], item, author) for item, author in zip(items, authors, strict=True)]
    outcomes = [str(o) if isinstance(o, RecordlintError) else o for o in outcomes]
    words = sum(len(item[0].split()) for item, o in zip(items, outcomes, strict=True) if not isinstance(o, str))
    return {"results": outcomes, "words": words, "seconds": time.perf_counter() - t0,
            "pid": os.getpid(), "maxrss_mb": _maxrss_mb()}


def _lint_fixes(linter, item: tuple, author: str | None):
    try:
        return linter.lint(*item, fixes=True, author=author)
    except RecordlintError as exc:
        return exc


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
                self.error_examples.append(f"{result.get('id')}: {result['error']}")
        elif result.get("skipped"):
            self.skipped += 1
            if result.get("form") is not None:
                self.unmapped[result["form"]] += 1
            else:
                self.skip_reasons[result["skipped"]] += 1
        else:
            self.checked += 1
            self.findings += len(result.get("findings") or [])

    def add_stats(self, stats: dict) -> None:
        """A worker's figures for one chunk: words checked (records that were checked only)."""
        self.words += stats["words"]
        self.worker_seconds += stats["seconds"]
        self.maxrss_mb[stats["pid"]] = max(self.maxrss_mb.get(stats["pid"], 0), stats["maxrss_mb"])

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


class ResultsFile:
    """The JSONL results file: one line per input record, written a chunk at a time and
    flushed (synced to disk every few seconds), so an interruption leaves at most one
    half-written line, which ``--resume`` cuts off (``read_done``)."""

    def __init__(self, out: Path, resume: bool = False):
        if not resume and out.exists() and out.stat().st_size > 0:
            raise StartError(f"{out} already exists; use --resume to carry on, or remove it")
        self.out = out
        self.done = read_done(out) if resume else []
        self.fh = open(out, "a", encoding="utf-8", newline="\n")
        self.last_sync = time.monotonic()

    def write(self, results: list[RecordResult], summary: Summary, excerpts: bool) -> None:
        lines = []
        for result in results:
            d = result.to_dict(excerpts)
            summary.count(d)
            lines.append(format_jsonl_line(d) + "\n")
        self.fh.write("".join(lines))
        self.fh.flush()
        if time.monotonic() - self.last_sync > 5:
            os.fsync(self.fh.fileno())
            self.last_sync = time.monotonic()

    def close(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class ChunkRunner:
    """Where chunks are linted: in this process (one job), in ``jobs`` local worker processes,
    or on an ``executor`` (``dask_engine.DaskExecutor``) whose workers run ``_lint_chunk``.
    Records are prepared here (``results.prepare``), a few chunks per worker are in flight,
    and the results come back in input order."""

    def __init__(self, config, fast: bool, excerpts: bool, batch_size: int, jobs: int, executor=None):
        self.config = config
        if executor is None:   # this process lints, or its forked workers do
            keep_freed_memory()
        self.pool = executor if executor is not None else _worker_pool(jobs, config, fast, excerpts, batch_size)
        if self.pool is None:
            _init_worker(config, fast, excerpts, batch_size, ignore_sigint=False)
            info = [_ready()]
        else:
            with _frozen(executor is None):   # local workers are forked by the first submit
                ready = [self.pool.submit(_ready) for _ in range(jobs)]
            info = [f.result() for f in ready]
        errors = [i["error"] for i in info if i["error"]]
        if errors:
            self.close()
            raise StartError(errors[0])
        self.fast_skipped = info[0]["fast_skipped"]
        self.window = max(2, jobs * 3) if self.pool is not None else 0

    def _submit(self, items, authors=None):
        args = (items,) if authors is None else (items, authors)
        return self.pool.submit(_lint_chunk, *args) if self.pool is not None else _Done(_lint_chunk(*args))

    def _dispatch(self, chunk: list[InputRecord], options: CheckOptions):
        prepared = [prepare(self.config, rec, options) for rec in chunk]
        items = [p[1] for p in prepared if isinstance(p, tuple)]
        authors = None
        if options.fixes:   # the record's author (key or role column), else the config's default
            from ..fixes import author_for_role   # (imports spaCy: only when asked)

            authors = [rec.author or author_for_role(self.config, rec.role)
                       for rec, p in zip(chunk, prepared, strict=True) if isinstance(p, tuple)]
        return prepared, (self._submit(items, authors) if items else None), chunk[-1].pos

    @staticmethod
    def _collect(prepared, fut, pos):
        stats = fut.result() if fut is not None else None
        outcomes = iter(stats["results"] if stats else ())
        results = [p if isinstance(p, RecordResult) else finish(p[0], p[1], next(outcomes)) for p in prepared]
        return results, stats, pos

    def run(self, chunks, options: CheckOptions):
        """(results, the worker's stats or None, bytes of input read) for each chunk, in order."""
        inflight: deque = deque()
        for chunk in chunks:
            inflight.append(self._dispatch(chunk, options))
            while len(inflight) > self.window:
                yield self._collect(*inflight.popleft())
        while inflight:
            yield self._collect(*inflight.popleft())

    def close(self, wait: bool = True) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=True)


TAIL_MIN = 8   # the smallest chunk made towards the end of an input


def _chunks(records, size: int, jobs: int = 1, total_bytes: int = 0):
    """The records in chunks of ``size``, in input order. With several workers, a chunk is made
    smaller when the records left (the input's bytes left, at the bytes per record so far) would
    not give each worker two full chunks, down to TAIL_MIN records: the workers then finish
    together, instead of one linting a last full chunk (~0.3 s for 64 records) while the
    others wait, and a small input is shared between the workers from its first records."""
    chunk, limit, seen, first_pos = [], size, 0, None
    for rec in records:
        seen += 1
        first_pos = rec.pos if first_pos is None else first_pos
        if not chunk and jobs > 1 and total_bytes:
            per_record = (rec.pos - first_pos) / (seen - 1) if seen > 1 else rec.pos
            left = 1 + max(total_bytes - rec.pos, 0) / max(per_record, 1)
            limit = max(TAIL_MIN, min(size, int(left / (2 * jobs))))
        chunk.append(rec)
        if len(chunk) >= limit:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _skip_done(records, done: list[dict], summary: Summary, out: Path, note) -> object:
    """Resume: the first records must be exactly the ones already written; the rest follow."""
    it = iter(records)
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
    return it


def batch_options(config, doc_type: str | None, fixes: bool = False) -> CheckOptions:
    """The per-record options of a batch run (StartError for an unknown --doc-type)."""
    if doc_type is not None:
        try:
            config.resolve_doc_type(doc_type)
        except ConfigError as exc:
            raise StartError(str(exc)) from None
    return CheckOptions(doc_type=doc_type, skip_unmapped=True, fixes=fixes)


def run_batch(stream: Stream, out: Path, config, *, jobs: int = 1, resume: bool = False,
              fast: bool = False, batch_size: int = 64, excerpts: bool = True,
              doc_type: str | None = None, progress: bool = False,
              note: Callable[[str], None] = lambda m: None, executor=None, fixes: bool = False) -> Summary:
    """Lint every record of ``stream`` into ``out`` (JSONL). Raises StartError if it cannot start.

    ``executor``: run the chunks there instead of in ``jobs`` local processes (an Executor whose
    workers are set up to run ``_lint_chunk``, e.g. ``dask_engine.DaskExecutor``; ``jobs`` is then
    its number of workers). It is shut down at the end. ``fixes``: each fixable finding carries
    its fix (records linted one at a time)."""
    summary = Summary()
    options = batch_options(config, doc_type, fixes)
    results = ResultsFile(out, resume)
    try:
        engine = ChunkRunner(config, fast, excerpts, batch_size, jobs, executor)
    except BaseException:
        results.close()
        raise
    summary.fast_skipped = engine.fast_skipped
    bar = Progress(progress, stream.total_bytes)
    t0 = time.perf_counter()
    try:
        records = _skip_done(stream, results.done, summary, out, note)
        chunks = _chunks(records, batch_size, jobs, stream.total_bytes)
        for chunk_results, stats, pos in engine.run(chunks, options):
            if stats is not None:
                summary.add_stats(stats)
            results.write(chunk_results, summary, excerpts)
            bar.update(summary.records, pos)
    except KeyboardInterrupt:
        summary.interrupted = True
    except InputError as exc:
        raise StartError(str(exc)) from None
    finally:
        bar.update(summary.records, stream.total_bytes if not summary.interrupted else 0, force=True)
        bar.close()
        results.close()
        engine.close(wait=not summary.interrupted)
        summary.seconds = time.perf_counter() - t0
    if engine.pool is None:
        summary.maxrss_mb[os.getpid()] = _maxrss_mb()
    return summary
