"""recordlint batch: one line per record, skipped/error entries, order, resume after a kill."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from recordlint.cli import main

HEADER = ["RecordID", "FormName", "Team", "WorkerRole", "ChildFirstName", "ChildAge", "RecordText"]
SECRET = "Zebedee"   # a word that appears only in record text


def make_csv(path, n=8, extra=True, encoding="cp1252"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        forms = ["Case Note - Phone Call", "CIN Plan", "CLA Statutory Visit", "Chronology Entry"]
        for i in range(n):
            w.writerow([f"R{i:03d}", forms[i % 4], ["Team A", "Team B"][i % 2], "Social Worker", "Kayla", "9",
                        f"I visited Kayla and {SECRET} at home. Mum was resistant. Café visit {i}."])
        if extra:
            w.writerow(["X1", "Strange Form", "Team A", "IRO", "Kayla", "9", f"{SECRET} text one."])
            fh.write("\r\n")
            w.writerow(["X2", "Strange Form", "Team B", "IRO", "Kayla", "9", f"{SECRET} text two."])
            w.writerow(["X3", "CIN Plan"])                           # malformed
            w.writerow(["X4", "CIN Plan", "Team A", "IRO", "Kayla", "9", "   "])   # no text
    return path


def run(args):
    result = CliRunner().invoke(main, ["batch", *args])
    return result


def lines(path):
    return [json.loads(x) for x in open(path, encoding="utf-8")]


def test_every_record_one_line_with_skipped_and_errors(tmp_path):
    src = make_csv(tmp_path / "export.csv")
    out = tmp_path / "results.jsonl"
    res = run([str(src), "--out", str(out)])
    assert res.exit_code == 0, res.output
    got = lines(out)
    assert [r["id"] for r in got] == [f"R{i:03d}" for i in range(8)] + ["X1", "X2", "X3", "X4"]
    first = got[0]
    assert first["doc_type"] == "case_note"
    assert first["meta"] == {"Team": "Team A", "WorkerRole": "Social Worker"}
    assert any(f["code"] for f in first["findings"])
    assert all("error" not in r and "skipped" not in r for r in got[:8])
    x1, x2, x3, x4 = got[8:]
    assert x1["skipped"] == "unmapped form name" and x1["form"] == "Strange Form" and x1["findings"] == []
    assert x2["skipped"] == "unmapped form name"
    assert x3["error"].startswith("row 13") and "expected 7 fields" in x3["error"]
    assert x4["skipped"] == "no text"
    err = res.stderr
    assert err.count("Strange Form") == 1 and "2 record(s) skipped" in err
    assert "12 records: 8 checked, 3 skipped, 1 errors" in err
    assert SECRET not in err                 # no record text in logs
    assert src.read_bytes() == make_csv(tmp_path / "again.csv").read_bytes()   # input untouched


def test_no_excerpts_and_jsonl_input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"j{i}", "doc_type": "case_note", "meta": {"team": "T"},
                                         "text": f"I saw {SECRET}. Mum was resistant."})
                             for i in range(3)) + "\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    res = run([str(src), "--out", str(out), "--no-excerpts"])
    assert res.exit_code == 0, res.output
    got = lines(out)
    assert len(got) == 3 and got[0]["findings"]
    assert SECRET not in out.read_text(encoding="utf-8")
    assert all(f["text"] is None for r in got for f in r["findings"])


def test_refuses_to_overwrite_and_bad_config_exit_2(tmp_path):
    src = make_csv(tmp_path / "export.csv", n=2, extra=False)
    out = tmp_path / "r.jsonl"
    out.write_text('{"id": "x", "findings": []}\n')
    assert run([str(src), "--out", str(out)]).exit_code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("nonsense_key: 1\n")
    assert run([str(src), "--out", str(tmp_path / "o2.jsonl"), "--config", str(bad)]).exit_code == 2
    assert run([str(tmp_path / "missing.csv"), "--out", str(tmp_path / "o3.jsonl")]).exit_code == 2


def test_resume_repairs_half_written_line(tmp_path):
    src = make_csv(tmp_path / "export.csv")
    full = tmp_path / "full.jsonl"
    assert run([str(src), "--out", str(full), "--batch-size", "3"]).exit_code == 0
    data = full.read_bytes()
    nl = [i for i, b in enumerate(data) if b == ord("\n")]
    part = tmp_path / "part.jsonl"
    part.write_bytes(data[: nl[4] + 20])           # 5 whole lines and half of the 6th
    res = run([str(src), "--out", str(part), "--resume", "--batch-size", "3"])
    assert res.exit_code == 0, res.output
    assert "resuming after 5 records" in res.stderr
    assert part.read_bytes() == data               # nothing lost, nothing twice
    # resuming a finished run adds nothing
    assert run([str(src), "--out", str(part), "--resume"]).exit_code == 0
    assert part.read_bytes() == data


def test_resume_refuses_other_input(tmp_path):
    src = make_csv(tmp_path / "export.csv", n=3, extra=False)
    out = tmp_path / "r.jsonl"
    out.write_text('{"id": "other", "doc_type": null, "findings": []}\n')
    res = run([str(src), "--out", str(out), "--resume"])
    assert res.exit_code == 2 and "does not match the input" in res.stderr


def test_jobs_2_same_output_as_jobs_1(tmp_path):
    src = make_csv(tmp_path / "export.csv", n=10)
    o1, o2 = tmp_path / "o1.jsonl", tmp_path / "o2.jsonl"
    assert run([str(src), "--out", str(o1), "--batch-size", "2", "--jobs", "1"]).exit_code == 0
    res = run([str(src), "--out", str(o2), "--batch-size", "2", "--jobs", "2"])
    assert res.exit_code == 0, res.output
    assert o1.read_bytes() == o2.read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_resume_after_kill_9(tmp_path):
    n = 1000  # enough that the run is still going when it is killed
    src = make_csv(tmp_path / "export.csv", n=n, extra=False, encoding="utf-8")
    ref = tmp_path / "ref.jsonl"
    assert run([str(src), "--out", str(ref), "--batch-size", "1"]).exit_code == 0
    out = tmp_path / "killed.jsonl"
    cmd = [sys.executable, "-m", "recordlint", "batch", str(src), "--out", str(out), "--batch-size", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 3):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = out.read_bytes().count(b"\n")
    assert 3 <= written < n
    with open(out, "ab") as fh:                    # as if killed in the middle of a write
        fh.write(b'{"id": "R0')
    res = run([str(src), "--out", str(out), "--resume", "--batch-size", "1"])
    assert res.exit_code == 0, res.output
    assert out.read_bytes() == ref.read_bytes()


def test_default_jobs_is_usable_cores_capped_by_memory():
    from recordlint.batch.jobs import MB_PER_WORKER, default_jobs, usable_cores

    assert default_jobs(cores=8, memory_mb=64_000) == 8
    assert default_jobs(cores=8, memory_mb=3 * MB_PER_WORKER + 10) == 3     # memory is short
    assert default_jobs(cores=8, memory_mb=100) == 1                         # never below one
    assert default_jobs(cores=200, memory_mb=10**7) == 64
    if hasattr(os, "sched_getaffinity"):
        assert usable_cores() == len(os.sched_getaffinity(0))
