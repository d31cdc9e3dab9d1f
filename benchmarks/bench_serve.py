"""Warm round trip of a 1,000-word draft through `recordlint serve` (target: under 100 ms).

Starts the real server (uvicorn, the same app as `recordlint serve`) on a free
127.0.0.1 port in a background thread, warms it up, then times POST /api/check
over HTTP with a keep-alive client, as the page does after an edit.

    .venv/bin/python benchmarks/bench_serve.py [--runs 50] [--words 1000] [--max-ms 100]

Prints the median (the headline number), p95, min and max, the time spent in
the linter alone, and its CPU time (what it costs on an idle machine).
Exits 1 if --max-ms is given and the median is above it.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--doc-type", default="visit_record")
    ap.add_argument("--max-ms", type=float, default=None, help="fail if the median is above this")
    ap.add_argument("--fast", action="store_true", help="the --fast profile (no statistical model)")
    ap.add_argument("--cache", action="store_true",
                    help="the analysis cache on, as `recordlint serve` runs, and one sentence edited before "
                         "each request (a re-check after an edit); without it every request is analysed afresh")
    args = ap.parse_args()

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
