"""Check drafts concurrently on the cores the machine has, with bounded memory.

``CheckPool`` runs ``workers`` processes (default: one per core), each with its own
Linter and its own analysis cache; the web server's event loop only reads requests and
writes responses, so ``/healthz`` and the page answer at once even while a worker spends
seconds on a 1 MB body, and eight practitioners' drafts are checked side by side.

Each worker's cache of sentence analyses (what makes a re-check after an edit quick) is
bounded by the number of tokens it holds, from ``cache_mb`` shared between the workers:
about ``BYTES_PER_TOKEN`` bytes per cached token (measured: see benchmarks/README.md).
Workers end with the server process, however it ends (``batch.runner.die_with_parent``).
"""
from __future__ import annotations

import os
from ..cache import AnalysisCache

BYTES_PER_TOKEN = 2500   # resident memory per cached analysed token, measured (benchmarks/README.md)
DEFAULT_CACHE_MB = 200

_WORKER: dict = {}


# The component's analysis cache, bounded by the tokens it holds (recordlint/cache.py).
TokenBoundedCache = AnalysisCache


def bounded_cache(linter, max_tokens: int) -> AnalysisCache:
    """Turn on the linter's analysis cache, bounded by tokens rather than entries."""
    return linter.nlp.get_pipe("recordlint").enable_parse_cache(size=None, max_tokens=max_tokens)


def _init(config, fast: bool, max_tokens: int, parent: int) -> None:
    from ..api import Linter
    from ..batch.runner import die_with_parent
    from ..pipeline import one_blas_thread
    from .app import warm_up

    die_with_parent(parent)
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the server process handles Ctrl-C
    one_blas_thread()
    linter = Linter(config=config, fast=fast)
    _WORKER["cache"] = bounded_cache(linter, max_tokens) if max_tokens > 0 else None
    warm_up(linter)
    _WORKER["linter"] = linter


def _ready() -> int:
    return os.getpid()


def _check(rec):
    from ..results import CheckOptions, check_record

    return check_record(_WORKER["linter"], rec, CheckOptions(fixes=True))   # as /api/check shows fixes


def _fix(req: dict, doc_type: str) -> dict:
    from .app import fix_text

    return fix_text(_WORKER["linter"], req, doc_type)


def _cache_tokens() -> tuple[int, int]:
    cache = _WORKER.get("cache")
    return os.getpid(), (cache.tokens if cache is not None else 0)


class CheckPool:
    """``check(InputRecord) -> RecordResult`` and ``fix(request, doc_type)`` in one of ``workers``
    processes."""

    def __init__(self, config, fast: bool = False, workers: int | None = None,
                 cache_mb: int = DEFAULT_CACHE_MB):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers or os.cpu_count() or 1
        self.max_tokens = cache_mb * 1024 * 1024 // BYTES_PER_TOKEN // self.workers
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init,
                                        initargs=(config, fast, self.max_tokens, os.getpid()))
        # Start every worker now (each loads the model), not on the first requests.
        for f in [self.pool.submit(_ready) for _ in range(self.workers)]:
            f.result()
        self.pids = sorted(self.pool._processes)

    def check(self, rec):
        return self.pool.submit(_check, rec).result()

    def fix(self, req: dict, doc_type: str) -> dict:
        """An /api/fix reply (server.app.fix_text), rewritten in a worker."""
        return self.pool.submit(_fix, req, doc_type).result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
