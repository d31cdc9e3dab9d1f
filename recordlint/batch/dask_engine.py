"""``recordlint batch --engine dask``: the same batch, its chunks linted on a Dask cluster.

The main process (the Dask client) reads the inputs and writes the results exactly as
``--jobs`` does (``runner.run_batch``: same chunks, same per-record results, same order,
same ``--resume``); only where a chunk is linted changes. ``DaskExecutor`` stands in for the
local process pool:

- a worker plugin (``LinterPlugin``) loads one Linter per worker process, once, with the
  client's config (shipped with the plugin, so workers need recordlint installed, not the
  config file), and again on a worker that joins or is restarted later;
- each chunk is one task (``_on_worker``) running the runner's ``_lint_chunk``; at most a
  few chunks per worker are in flight, so the client streams the input;
- a worker that dies mid-run: the scheduler reruns its chunks on other workers (the client
  holds each chunk's future and writes results in input order, so nothing is lost or
  written twice). A chunk that kills workers again and again (``KilledWorker``) is retried
  record by record; a record that still kills its worker gets an ``error`` line.

Tasks never raise: a worker's log would show the failed task's arguments, which hold record
text. They return an error marker instead, which the client turns into a one-line error.

Without ``--scheduler`` a local cluster is started on 127.0.0.1 with ``--jobs`` worker
processes of one thread each (no dashboard). Needs ``pip install 'recordlint[dask]'``.
"""
from __future__ import annotations

import logging
import signal
import threading
import uuid
from concurrent.futures import Executor

from .runner import StartError, _init_worker, _lint_chunk, _W, keep_freed_memory

try:
    import dask
    import distributed
    from distributed import WorkerPlugin
except ImportError:   # the error says how to install it when the engine is asked for
    distributed = None
    WorkerPlugin = object

# Worker settings for the local cluster (docs/scale-out.md gives the same for `dask worker`).
# Measured on 300 export records, one worker: Dask's defaults cost ~30% more CPU per chunk than
# a plain process. Its statistical profiler samples the task thread's stack every 10 ms, and
# MALLOC_TRIM_THRESHOLD_=64k makes malloc hand memory back to the system so often that system
# time doubles (spaCy allocates and frees a lot); every worker also overrides it when it loads
# the Linter (runner.keep_freed_memory), so `dask worker` needs no setting for it.
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,   # None: not set
}

MISSING = "the dask engine needs Dask and distributed: pip install 'recordlint[dask]'"
KILLED = "could not be checked (the worker process checking it stopped, repeatedly: out of memory?)"

_LOCK = threading.RLock()   # one chunk at a time per worker process, whatever its thread count


# --- worker side ------------------------------------------------------------------------------

class LinterPlugin(WorkerPlugin):
    """Loads a Linter in each worker process (``setup``), kept on the plugin (one per run)."""

    def __init__(self, name: str, config, fast: bool, excerpts: bool, batch_size: int):
        self.name = name
        self.args = (config, fast, excerpts, batch_size)
        self.state: dict | None = None

    def setup(self, worker=None) -> None:
        self.load()

    def teardown(self, worker=None) -> None:
        self.state = None

    def load(self) -> dict:
        with _LOCK:
            if self.state is None:
                keep_freed_memory()   # as local workers do: no page faults for every chunk's memory
                _init_worker(*self.args, ignore_sigint=False)
                self.state = dict(_W)
            return self.state


def _on_worker(name: str, fn, *args):
    """Run the runner's ``fn`` (``_ready`` or ``_lint_chunk``) with this run's Linter."""
    try:
        from distributed import get_worker

        state = get_worker().plugins[name].load()
        with _LOCK:
            _W.clear()
            _W.update(state)
            return fn(*args)
    except StartError as exc:        # the linter could not load (a config message, no record text)
        return {"engine_error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - the type only: never the arguments (record text)
        return {"engine_error": f"a Dask worker failed ({type(exc).__name__})"}


# --- client side ------------------------------------------------------------------------------

class ChunkFuture:
    """A chunk's Dask future, whose ``result()`` is what ``_lint_chunk`` returned."""

    def __init__(self, executor: DaskExecutor, fn, args: tuple):
        self.executor, self.fn, self.args = executor, fn, args
        self.future = executor.client.submit(_on_worker, executor.plugin_name, fn, *args, pure=False)

    def result(self):
        try:
            res = self._wait()
        except distributed.KilledWorker:
            res = self._one_by_one()
        except Exception as exc:  # noqa: BLE001 - lost the scheduler, cancelled on shutdown, ...
            raise StartError(f"the Dask cluster stopped answering ({type(exc).__name__}); the results "
                             "so far are kept: run the same command with --resume to carry on") from None
        if isinstance(res, dict) and "engine_error" in res:
            raise StartError(res["engine_error"])
        return res

    def _wait(self):
        """The future's result, raising KeyboardInterrupt here (where run_batch expects it) after
        Ctrl-C: raised wherever the signal lands, Dask code could swallow it. The wait is on an
        Event the future sets when done, not on ``result(timeout=...)``: a timed ``result`` whose
        timeout races the answer on a busy machine can fail inside distributed
        (UnboundLocalError), which read as the cluster having stopped answering."""
        done = threading.Event()
        self.future.add_done_callback(lambda _future: done.set())
        while not done.wait(0.25):
            if self.executor.interrupted:
                raise KeyboardInterrupt
        return self.future.result()

    def _one_by_one(self) -> dict:
        """The chunk killed its workers: lint its records one task each; error lines for the
        ones that still do."""
        if self.fn is not _lint_chunk:
            return {"engine_error": "the Dask workers keep stopping (out of memory?)"}
        items = self.args[0]
        if len(items) == 1:
            return {"results": [KILLED], "words": 0, "seconds": 0.0, "pid": 0, "maxrss_mb": 0.0}
        singles = [ChunkFuture(self.executor, _lint_chunk, ([item],)) for item in items]
        parts = [f.result() for f in singles]
        return {"results": [p["results"][0] for p in parts], "words": sum(p["words"] for p in parts),
                "seconds": sum(p["seconds"] for p in parts), "pid": parts[-1]["pid"],
                "maxrss_mb": max(p["maxrss_mb"] for p in parts)}


class DaskExecutor(Executor):
    """The runner's process pool, on a Dask cluster (see the module docstring)."""

    def __init__(self, client, cluster, plugin_name: str):
        self.client, self.cluster, self.plugin_name = client, cluster, plugin_name
        self.workers = max(1, sum(client.nthreads().values()))
        self.interrupted = False
        self._sigint = None
        if threading.current_thread() is threading.main_thread():
            self._sigint = signal.signal(signal.SIGINT, self._on_sigint)

    def _on_sigint(self, signum, frame) -> None:
        self.interrupted = True   # acted on by ChunkFuture and submit, in the main loop

    def submit(self, fn, /, *args, **kwargs):
        if self.interrupted:
            raise KeyboardInterrupt
        return ChunkFuture(self, fn, args)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self.client is None:
            return
        if self._sigint is not None:
            signal.signal(signal.SIGINT, self._sigint)
        try:
            if self.cluster is None:   # a shared cluster: free the workers' memory of our Linter
                self.client.unregister_worker_plugin(self.plugin_name)
        except Exception:  # noqa: BLE001 - best effort on the way out
            pass
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None


def _local_cluster(jobs: int):
    """``jobs`` worker processes on 127.0.0.1, one thread each, no dashboard. They are started
    with Ctrl-C ignored (a worker inherits that), so that Ctrl-C on the terminal stops the run
    through the client (exit 130, --resume) instead of tracebacks from each worker."""
    main = threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        with dask.config.set(WORKER_CONFIG):
            return distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address=None,
                                            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                                            silence_logs=logging.ERROR)
    finally:
        if main:
            signal.signal(signal.SIGINT, old)


def start(scheduler: str | None, jobs: int, config, *, fast: bool, excerpts: bool, batch_size: int,
          timeout: float = 60.0) -> DaskExecutor:
    """Connect to ``scheduler`` (or start a local cluster of ``jobs`` processes) and load a
    Linter on every worker. Raises StartError with one line when it cannot."""
    if distributed is None:
        raise StartError(MISSING)
    cluster = None
    try:
        if scheduler:
            client = distributed.Client(scheduler, timeout=timeout)
        else:
            cluster = _local_cluster(jobs)
            client = distributed.Client(cluster)
        client.wait_for_workers(1, timeout=timeout)
    except Exception as exc:  # noqa: BLE001 - connection refused, timeout, bad address
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise StartError(f"could not start on {where} ({type(exc).__name__}: {exc})") from None
    name = f"recordlint-{uuid.uuid4().hex[:12]}"
    executor = DaskExecutor(client, cluster, name)
    try:
        client.register_plugin(LinterPlugin(name, config, fast, excerpts, batch_size), name=name)
    except Exception as exc:  # noqa: BLE001 - e.g. recordlint missing on a worker
        executor.shutdown()
        raise StartError(f"the Dask workers could not load recordlint ({type(exc).__name__}: {exc}); "
                         "install the same recordlint on every worker") from None
    return executor
