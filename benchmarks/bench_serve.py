"""Warm round trip of a 1,000-word draft through `recordlint serve` (target: under 100 ms),
and (issue 12) many practitioners at once, a huge hostile body, and memory.

Single client (default): starts the app (uvicorn, the same app as `recordlint serve`) on a
free 127.0.0.1 port in a background thread, warms it up, then times POST /api/check over
HTTP with a keep-alive client, as the page does after an edit.

    .venv/bin/python benchmarks/bench_serve.py [--runs 50] [--words 1000] [--max-ms 100]

Prints the median (the headline number), p95, min and max, the time spent in
the linter alone, and its CPU time (what it costs on an idle machine).
Exits 1 if --max-ms is given and the median is above it.

Many clients (``--clients N``) and the busy server (``--busy``) run the real command,
``recordlint serve`` (a subprocess, with ``--workers`` and ``--cache-mb`` passed on), so that
the clients here do not share the server's interpreter:

    .venv/bin/python benchmarks/bench_serve.py --clients 8 [--runs 20] [--edit]
    .venv/bin/python benchmarks/bench_serve.py --busy

``--clients N``: N threads, each a practitioner with their own 1,000-word draft, each sending
``--runs`` checks one after another (every sentence of every request new, so nothing comes
from the cache; ``--edit``: one sentence changed per request, as when re-checking after an
edit); prints p50 and p95 over all requests (target: p95 <= 350 ms for 8 clients on 2 cores)
and the resident memory of the server's processes after the run and after ``--fill`` more
distinct drafts (bounded by ``--cache-mb``). ``--busy``: one client posts a 1 MB body of
unspaced symbols while another asks GET /healthz every 50 ms; prints the slowest /healthz
(target: <= 100 ms) and how long the big check took.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time

PARAGRAPHS = [
    "Home visit to Jo at her placement after school. Jo showed me her bedroom and the drawings on "
    "her wall. She said she likes her room and that her carer makes pancakes on Saturdays.",
    "You told me that school is going better this term and that you have a new friend called Amir. "
    "We talked about the next contact with mum and what Jo would like to happen.",
    "Jo said \"I want to see my sister more. I miss her at bedtime.\" She was quiet when we talked "
    "about her dad and looked at the floor; I did not push her to say more.",
    "The carer reported that Jo's behaviour was challenging at the weekend and that she refused to "
    "go to swimming. The carer thinks Jo was tired after the late contact on Friday.",
    "The IRO will review the care plan. Support will be provided to the family. The LAC nurse will "
    "complete the health assessment and the PEP will be updated in due course.",
    "Jo's social worker will ask the contact centre by 30 April whether Saturday sessions are "
    "possible, so that Jo can see her sister every other weekend starting in May.",
    "We discussed the letterbox contact with dad. Jo said she would like to write a card for his "
    "birthday and would like her carer to help her choose it at the shop on Tuesday.",
    "Management oversight: the plan remains appropriate. Monitoring will continue and the case "
    "will be reviewed at the next supervision. Consider a referral to CAMHS if sleep does not improve.",
]


def make_draft(words: int) -> str:
    out, n, i = [], 0, 0
    while n < words:
        para = PARAGRAPHS[i % len(PARAGRAPHS)]
        if i >= len(PARAGRAPHS):  # vary repeats a little so nothing is trivially cached
            para = para.replace("Saturday", ["Sunday", "Monday", "Friday"][i % 3])
        out.append(para)
        n += len(para.split())
        i += 1
    text = "\n\n".join(out)
    return " ".join(text.split(" ")[:words]) if len(text.split()) > words else text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(args) -> tuple:
    """``recordlint serve`` on a free port, once /healthz answers: (process, base URL)."""
    import httpx

    port = free_port()
    cmd = [sys.executable, "-m", "recordlint", "serve", "--port", str(port), "--no-access-log",
           "--cache-mb", str(args.cache_mb)]
    if args.workers is not None:
        cmd += ["--workers", str(args.workers)]
    if args.fast:
        cmd.append("--fast")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def tree_rss_mb(pid: int) -> list[float]:
    """Resident memory (MB) of the server process, then of each of its workers."""
    import psutil

    main = psutil.Process(pid)
    procs = [main] + [c for c in main.children(recursive=True) if "resource_tracker" not in " ".join(c.cmdline())]
    return [round(p.memory_info().rss / 2**20) for p in procs]


def percentile(times: list[float], q: float) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, int(round(q * (len(times) - 1))))]


def client_draft(base: str, client: int, request: int, edit: bool) -> str:
    if edit:   # one sentence changed per request
        return base.replace(". ", f". Edit {request} by {client}. ", 1)
    return base.replace(". ", f" ref{client}x{request}. ")   # every sentence new


def run_clients(args) -> int:
    import httpx

    proc, url = start_server(args)
    try:
        bases = [make_draft(args.words).replace("Jo", name) for name in
                 ["Jo", "Kai", "Leah", "Amir", "Maya", "Reece", "Zara", "Tom", "Ava", "Sam"] * (args.clients // 10 + 1)]
        child = {"name": "Jo", "age": 9, "pronouns": "she/her"}
        times: list[float] = []
        barrier = threading.Barrier(args.clients)

        def practitioner(c: int) -> None:
            with httpx.Client(timeout=120) as client:
                client.post(url + "/api/check", json={"text": bases[c], "doc_type": args.doc_type, "child": child})
                barrier.wait()
                for i in range(args.runs):
                    body = {"text": client_draft(bases[c], c, i, args.edit), "doc_type": args.doc_type,
                            "child": child}
                    t = time.perf_counter()
                    client.post(url + "/api/check", json=body).raise_for_status()
                    times.append((time.perf_counter() - t) * 1000)

        t0 = time.perf_counter()
        threads = [threading.Thread(target=practitioner, args=(c,)) for c in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        rss = tree_rss_mb(proc.pid)
        print(f"{args.clients} clients x {args.runs} checks of their own {args.words}-word drafts "
              f"({'one sentence edited' if args.edit else 'every sentence new'} per request), {args.doc_type}: "
              f"p50 {statistics.median(times):.0f} ms, p95 {percentile(times, 0.95):.0f} ms, "
              f"max {max(times):.0f} ms; {len(times) / wall:.1f} checks/s")
        print(f"resident memory (MB): server {rss[0]}, workers {rss[1:]}, total {sum(rss)} "
              f"(--cache-mb {args.cache_mb})")
        if args.fill:
            with httpx.Client(timeout=120) as client:
                for i in range(args.fill):
                    client.post(url + "/api/check", json={"text": client_draft(bases[0], 99, i, False),
                                                          "doc_type": args.doc_type, "child": child})
            rss = tree_rss_mb(proc.pid)
            print(f"after {args.fill} more distinct drafts: server {rss[0]}, workers {rss[1:]}, total {sum(rss)} MB")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"p95_ms={percentile(times, 0.95):.0f}")
        return 0
    finally:
        proc.terminate()
        proc.wait(30)


def run_busy(args) -> int:
    import random

    import httpx

    proc, url = start_server(args)
    try:
        rng = random.Random(3)
        text = "".join(rng.choice("€$£%&*!?#@+=~^()[]{}<>|-_.,;:→←≠≤✨") for _ in range(args.busy_chars))
        body = json.dumps({"text": text, "doc_type": args.doc_type}, ensure_ascii=False).encode("utf-8")
        if len(body) > 1_000_000:
            raise SystemExit(f"the body is {len(body):,} bytes, over the 1 MB limit: lower --busy-chars")
        big: dict = {}

        def post_big():
            t = time.perf_counter()
            r = httpx.post(url + "/api/check", content=body, headers={"content-type": "application/json"},
                           timeout=600)
            big.update(status=r.status_code, seconds=time.perf_counter() - t)

        thread = threading.Thread(target=post_big)
        thread.start()
        health = []
        with httpx.Client(timeout=30) as client:
            time.sleep(0.3)   # the big body is being checked
            while thread.is_alive():
                t = time.perf_counter()
                client.get(url + "/healthz").raise_for_status()
                health.append((time.perf_counter() - t) * 1000)
                time.sleep(0.05)
        thread.join()
        print(f"a {len(body):,}-byte body of unspaced symbols: status {big['status']}, checked in "
              f"{big['seconds']:.1f} s; meanwhile {len(health)} GET /healthz: median "
              f"{statistics.median(health):.1f} ms, slowest {max(health):.1f} ms")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"healthz_max_ms={max(health):.1f}")
        return 0
    finally:
        proc.terminate()
        proc.wait(30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=0, help="run N concurrent clients against `recordlint serve`")
    ap.add_argument("--edit", action="store_true", help="with --clients: one sentence changed per request")
    ap.add_argument("--fill", type=int, default=0, help="with --clients: then N more distinct drafts (memory)")
    ap.add_argument("--busy", action="store_true", help="GET /healthz while a 1 MB hostile body is checked")
    ap.add_argument("--busy-chars", type=int, default=700_000, help="characters (up to 3 bytes each)")
    ap.add_argument("--workers", type=int, default=None, help="passed to recordlint serve (default: its own)")
    ap.add_argument("--cache-mb", type=int, default=200, help="passed to recordlint serve")
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--doc-type", default="visit_record")
    ap.add_argument("--max-ms", type=float, default=None, help="fail if the median is above this")
    ap.add_argument("--fast", action="store_true", help="the --fast profile (no statistical model)")
    ap.add_argument("--cache", action="store_true",
                    help="the analysis cache on, as `recordlint serve` runs, and one sentence edited before "
                         "each request (a re-check after an edit); without it every request is analysed afresh")
    args = ap.parse_args()
    if args.clients:
        return run_clients(args)
    if args.busy:
        return run_busy(args)
    return run_single(args)


def run_single(args) -> int:
    """One client, the app in this process (the original benchmark of issue 6)."""
    import httpx
    import uvicorn

    from recordlint import Linter
    from recordlint.pipeline import one_blas_thread
    from recordlint.server import create_app, warm_up

    one_blas_thread()  # as the command line does
    t0 = time.perf_counter()
    linter = Linter(search=False, fast=args.fast)
    if args.cache:
        linter.nlp.get_pipe("recordlint").enable_parse_cache()
    warm_up(linter)
    load_s = time.perf_counter() - t0
    port = free_port()
    config = uvicorn.Config(create_app(linter), host="127.0.0.1", port=port, log_level="warning",
                            access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)

    draft = make_draft(args.words)
    body = {"text": draft, "doc_type": args.doc_type, "child": {"name": "Jo", "age": 9, "pronouns": "she/her"}}
    url = f"http://127.0.0.1:{port}/api/check"
    times, lint_times, n_findings = [], [], 0
    try:
        with httpx.Client(timeout=30) as client:
            for _ in range(5):  # warm: first requests, connection, caches
                client.post(url, json=body).raise_for_status()
            for i in range(args.runs):
                if args.cache:  # the worker edits one sentence, then the page checks again
                    body = {**body, "text": draft.replace(". ", f". Edit number {i}. ", 1)}
                t = time.perf_counter()
                resp = client.post(url, json=body)
                times.append((time.perf_counter() - t) * 1000)
                resp.raise_for_status()
                n_findings = len(resp.json()["findings"])
        cpu_times = []
        for _ in range(min(args.runs, 20)):
            t, c = time.perf_counter(), time.process_time()
            linter.lint(draft, args.doc_type, body["child"])
            lint_times.append((time.perf_counter() - t) * 1000)
            cpu_times.append((time.process_time() - c) * 1000)
    finally:
        server.should_exit = True
        thread.join(timeout=10)

    times.sort()
    median = statistics.median(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"draft: {len(draft.split())} words, {len(draft)} characters, {n_findings} findings "
          f"({args.doc_type}{', --fast' if args.fast else ''}{', cache, one edit per request' if args.cache else ''}); "
          f"model load + warm-up {load_s:.1f} s")
    print(f"POST /api/check round trip over HTTP, warm, {len(times)} runs: "
          f"median {median:.1f} ms, p95 {p95:.1f} ms, min {times[0]:.1f} ms, max {times[-1]:.1f} ms")
    lint_median = statistics.median(lint_times)
    print(f"linter alone (in process): median {lint_median:.1f} ms; "
          f"HTTP + JSON + server overhead about {max(0.0, median - lint_median):.1f} ms")
    # CPU time is what the check costs on an idle machine (wall time also counts waiting
    # for a busy CPU).
    print(f"linter CPU time: median {statistics.median(cpu_times):.1f} ms; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"median_ms={median:.1f}")
    if args.max_ms is not None and median > args.max_ms:
        print(f"FAIL: median {median:.1f} ms is above {args.max_ms:.0f} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
