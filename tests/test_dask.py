"""batch --engine dask: the same results as --jobs, on a real distributed scheduler and two
worker processes (`dask scheduler` / `dask worker` on 127.0.0.1), through a worker killed
mid-run, with --resume, and on a local cluster; a clear error without the extra."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from recordlint.cli import main

distributed = pytest.importorskip("distributed", reason="needs the [dask] extra")

HELDOUT = Path(__file__).parent / "fixtures" / "heldout.jsonl"
N = 300


def dask_command(*args) -> list[str]:
    exe = Path(sys.executable).with_name("dask")
    return [str(exe), *args] if exe.exists() else [shutil.which("dask") or "dask", *args]


def make_records(path: Path, n: int = N) -> Path:
    """n records cycled from the held-out set (every doc type, children with names, ages and
    pronouns), with an unmapped form name, an empty text and a malformed line among them."""
    base = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = []
    for i in range(n):
        r = base[i % len(base)]
        rec = {"id": f"r{i:04d}", "doc_type": r["doc_type"], "child": r["child"], "meta": {"n": i},
               "text": r["text"]}
        if i == 7:
            rec["doc_type"] = "Strange Form"
        if i == 8:
            rec["text"] = "  "
        lines.append(json.dumps(rec) if i != 9 else '{"id": "r0009", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def batch(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)])


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    return make_records(tmp_path_factory.mktemp("records") / "records.jsonl")


@pytest.fixture(scope="module")
def reference(records, tmp_path_factory):
    """The --jobs 2 engine's results for the same records."""
    out = tmp_path_factory.mktemp("ref") / "jobs2.jsonl"
    res = batch(records, "--out", out, "--jobs", "2", "--batch-size", "8")
    assert res.exit_code == 0, res.output
    return out


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """A `dask scheduler` and two `dask worker` processes (one thread each) on 127.0.0.1."""
    d = tmp_path_factory.mktemp("dask")
    sched_file = d / "scheduler.json"
    procs = []

    def start(*args):
        procs.append(subprocess.Popen(dask_command(*args), cwd=d, stdout=subprocess.DEVNULL,
                                      stderr=open(d / f"log{len(procs)}.txt", "wb"), start_new_session=True))

    start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(sched_file))
    try:
        deadline = time.time() + 60
        while not sched_file.exists() and time.time() < deadline:
            time.sleep(0.1)
        for name in ("w1", "w2"):
            start("worker", "--scheduler-file", str(sched_file), "--host", "127.0.0.1", "--nthreads", "1",
                  "--nworkers", "1", "--no-dashboard", "--name", name)
        client = distributed.Client(scheduler_file=str(sched_file), timeout=60)
        client.wait_for_workers(2, timeout=120)
        yield client
        client.close()
    finally:
        for p in reversed(procs):
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()


def test_same_output_as_jobs_on_a_real_scheduler(scheduler, records, reference, tmp_path):
    out = tmp_path / "dask.jsonl"
    res = batch(records, "--out", out, "--engine", "dask", "--scheduler", scheduler.scheduler.address,
                "--batch-size", "8")
    assert res.exit_code == 0, res.output
    assert out.read_bytes() == reference.read_bytes()
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in got] == [f"r{i:04d}" if i != 9 else "records.jsonl:10" for i in range(N)]
    assert got[7]["skipped"] == "unmapped form name" and got[8]["skipped"] == "no text"
    assert got[9]["error"] == "line 10: not JSON (Expecting value)"
    assert sum(len(r["findings"]) for r in got) > N            # findings, not empty results
    assert "300 records: 297 checked, 2 skipped, 1 errors" in res.stderr


def test_resume_on_the_dask_engine(scheduler, records, reference, tmp_path):
    out = tmp_path / "resumed.jsonl"
    ref_lines = reference.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(ref_lines[:123]) + ref_lines[123][:20])      # killed mid-line
    res = batch(records, "--out", out, "--engine", "dask", "--scheduler", scheduler.scheduler.address,
                "--resume", "--batch-size", "8")
    assert res.exit_code == 0, res.output
    assert "123 from before" in res.stderr
    assert out.read_bytes() == reference.read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_a_worker_killed_mid_run_loses_and_repeats_nothing(scheduler, records, reference, tmp_path):
    out = tmp_path / "killed.jsonl"
    cmd = [sys.executable, "-m", "recordlint", "batch", str(records), "--out", str(out), "--engine", "dask",
           "--scheduler", scheduler.scheduler.address, "--batch-size", "1"]   # small tasks: still running at the kill
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 40):
        time.sleep(0.05)
    pids = scheduler.run(os.getpid)                 # {worker address: pid}
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)
    written_at_kill = out.read_bytes().count(b"\n")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()[-2000:]
    assert 40 <= written_at_kill < N                 # the kill came mid-run
    assert out.read_bytes() == reference.read_bytes()  # every record once, same results
    scheduler.wait_for_workers(2, timeout=120)       # the nanny restarted the killed worker
    assert victim not in scheduler.run(os.getpid).values()


def test_local_cluster_when_no_scheduler_is_given(tmp_path):
    src = make_records(tmp_path / "few.jsonl", 24)
    ref, out = tmp_path / "jobs1.jsonl", tmp_path / "local.jsonl"
    assert batch(src, "--out", ref, "--jobs", "1", "--batch-size", "4").exit_code == 0
    res = batch(src, "--out", out, "--engine", "dask", "--jobs", "2", "--batch-size", "4")
    assert res.exit_code == 0, res.output
    assert out.read_bytes() == ref.read_bytes()
    assert "24 records: 21 checked, 2 skipped, 1 errors" in res.stderr


def test_clear_errors(tmp_path, monkeypatch):
    src = make_records(tmp_path / "few.jsonl", 3)
    res = batch(src, "--out", tmp_path / "o.jsonl", "--scheduler", "tcp://127.0.0.1:9")
    assert res.exit_code == 2 and res.stderr.strip() == "recordlint: error: --scheduler needs --engine dask"

    from recordlint.batch import dask_engine
    from recordlint.batch.runner import StartError
    from recordlint.config import load_config

    with pytest.raises(StartError, match="could not start on the Dask scheduler at tcp://127.0.0.1:9"):
        dask_engine.start("tcp://127.0.0.1:9", 1, load_config(None), fast=False, excerpts=True,
                          batch_size=8, timeout=2)
    monkeypatch.setattr(dask_engine, "distributed", None)       # as without the [dask] extra
    res = batch(src, "--out", tmp_path / "o.jsonl", "--engine", "dask")
    assert res.exit_code == 2
    assert res.stderr.strip() == ("recordlint: error: the dask engine needs Dask and distributed: "
                                  "pip install 'recordlint[dask]'")
    assert not (tmp_path / "o.jsonl").exists() or (tmp_path / "o.jsonl").stat().st_size == 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_ctrl_c_stops_cleanly_and_resume_finishes(scheduler, records, reference, tmp_path):
    out = tmp_path / "interrupted.jsonl"
    cmd = [sys.executable, "-m", "recordlint", "batch", str(records), "--out", str(out), "--engine", "dask",
           "--scheduler", scheduler.scheduler.address, "--batch-size", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 20):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()[-2000:]
    assert "Traceback" not in err.decode() and "run the same command with --resume" in err.decode()
    written = out.read_bytes().count(b"\n")
    assert 20 <= written < N
    res = batch(records, "--out", out, "--engine", "dask", "--scheduler", scheduler.scheduler.address,
                "--resume", "--batch-size", "4")
    assert res.exit_code == 0, res.output
    assert out.read_bytes() == reference.read_bytes()


def test_a_chunk_that_keeps_killing_workers_is_retried_record_by_record():
    """Client side of KilledWorker (no real worker dies here): a chunk whose task Dask gave up
    on is sent again one record per task; the record that still fails gets an error line."""
    from recordlint.batch import dask_engine
    from recordlint.batch.runner import _lint_chunk

    class Future:
        def __init__(self, items):
            self.items = items

        def add_done_callback(self, fn):
            fn(self)   # already done

        def result(self, timeout=None):
            if len(self.items) > 1 or self.items[0][0] == "poison":
                raise distributed.KilledWorker("task", "worker", 3)
            return {"results": [[{"code": "RL101", "for": self.items[0][0]}]], "words": 1, "seconds": 0.5,
                    "pid": 7, "maxrss_mb": 300.0}

    class Client:
        submitted = []

        def submit(self, _on_worker, _name, fn, items, pure):
            self.submitted.append(len(items))
            return Future(items)

    executor = dask_engine.DaskExecutor.__new__(dask_engine.DaskExecutor)
    executor.client, executor.plugin_name, executor.interrupted = Client(), "p", False
    items = [("a", "case_note", {}), ("poison", "case_note", {}), ("b", "case_note", {})]
    res = dask_engine.ChunkFuture(executor, _lint_chunk, (items,)).result()
    assert Client.submitted == [3, 1, 1, 1]
    assert res["results"] == [[{"code": "RL101", "for": "a"}], dask_engine.KILLED, [{"code": "RL101", "for": "b"}]]
    assert res["words"] == 2
