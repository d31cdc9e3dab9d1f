"""recordlint batch --fixes: each fixable finding carries its fix; --author-column names the
author of a third-person record from a worker-role column mapped through the config."""
from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from recordlint.cli import main

TEXT = "I visited Kai at home and I will call school by 3 May 2026."
ROWS = [  # id, worker role
    ("A1", "TM"),            # mapped by the config: "the team manager"
    ("A2", "IRO"),           # not mapped: "the IRO" (a known acronym keeps its capitals)
    ("A3", ""),              # no role: the config's default author
]


@pytest.fixture
def export(tmp_path):
    src = tmp_path / "export.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["RecordID", "FormName", "WorkerRole", "ChildFirstName", "ChildPronouns", "RecordText"])
        for rid, role in ROWS:
            w.writerow([rid, "Case Note - Phone Call", role, "Kai", "he/him", TEXT])
    cfg = tmp_path / "recordlint.yaml"
    cfg.write_text("fixes:\n  author: the key worker\n  roles:\n    TM: the team manager\n")
    return src, cfg


def batch(args):
    return CliRunner().invoke(main, ["batch", *args])


def lines(path):
    return [json.loads(x) for x in open(path, encoding="utf-8")]


def person_edits(result):
    return [[e["text"] for e in f["fix"]["edits"]] for f in result["findings"] if f["code"] == "RL101"]


def test_batch_fixes_name_the_author_from_the_role_column(export, tmp_path):
    src, cfg = export
    out = tmp_path / "fixed.jsonl"
    r = batch([str(src), "--out", str(out), "--config", str(cfg), "--fixes", "--author-column", "WorkerRole"])
    assert r.exit_code == 0, r.output
    got = {row["id"]: row for row in lines(out)}
    assert list(got) == ["A1", "A2", "A3"]
    assert person_edits(got["A1"]) == [["The team manager", "the team manager"]] * 2   # both "I"s
    assert person_edits(got["A2"]) == [["The IRO", "the IRO"]] * 2
    assert person_edits(got["A3"]) == [["The key worker", "the key worker"]] * 2
    assert [e["start"] for e in got["A1"]["findings"][0]["fix"]["edits"]] == [0, 26]
    assert got["A1"]["meta"] == {"WorkerRole": "TM"}   # the role column is still reported


def test_batch_without_fixes_has_no_fix_key(export, tmp_path):
    src, cfg = export
    plain, fixed = tmp_path / "plain.jsonl", tmp_path / "fixed.jsonl"
    assert batch([str(src), "--out", str(plain), "--config", str(cfg)]).exit_code == 0
    assert batch([str(src), "--out", str(fixed), "--config", str(cfg), "--fixes"]).exit_code == 0
    plain_rows, fixed_rows = lines(plain), lines(fixed)
    assert plain_rows[0]["findings"] and all("fix" not in f for r in plain_rows for f in r["findings"])
    assert any("fix" in f for r in fixed_rows for f in r["findings"])
    # the same findings either way; --fixes only adds the fixes
    strip = [[{k: v for k, v in f.items() if k != "fix"} for f in r["findings"]] for r in fixed_rows]
    assert strip == [r["findings"] for r in plain_rows]


def test_batch_fixes_same_with_one_or_two_jobs(export, tmp_path):
    src, cfg = export
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.jsonl"
        r = batch([str(src), "--out", str(out), "--config", str(cfg), "--fixes", "--author-column", "WorkerRole",
                   "--jobs", jobs, "--batch-size", "1"])
        assert r.exit_code == 0, r.output
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    assert "The team manager" in outs[0]


def test_unknown_author_column_is_a_clear_error(export, tmp_path):
    src, _ = export
    r = batch([str(src), "--out", str(tmp_path / "o.jsonl"), "--author-column", "Nope"])
    assert r.exit_code == 2 and "--author-column" in r.output and "Traceback" not in r.output


def test_batch_fixes_jsonl_author_key(tmp_path):
    src = tmp_path / "recs.jsonl"
    child = {"name": "Kai", "pronouns": "he/him"}
    src.write_text("\n".join(json.dumps({"id": i, "doc_type": "case_note", "child": child, "text": TEXT, **a})
                             for i, a in (("k1", {"author": "the personal adviser"}), ("k2", {}))) + "\n")
    out = tmp_path / "o.jsonl"
    assert batch([str(src), "--out", str(out), "--fixes"]).exit_code == 0
    k1, k2 = lines(out)
    assert person_edits(k1)[0] == ["The personal adviser", "the personal adviser"]
    assert person_edits(k2)[0] == ["The social worker", "the social worker"]


def test_batch_fixes_on_the_dask_engine(export, tmp_path):
    pytest.importorskip("distributed", reason="needs the [dask] extra")
    src, cfg = export
    ref, out = tmp_path / "jobs1.jsonl", tmp_path / "dask.jsonl"
    common = ["--config", str(cfg), "--fixes", "--author-column", "WorkerRole", "--batch-size", "1"]
    assert batch([str(src), "--out", str(ref), "--jobs", "1", *common]).exit_code == 0
    r = batch([str(src), "--out", str(out), "--engine", "dask", "--jobs", "2", *common])
    assert r.exit_code == 0, r.output
    assert out.read_bytes() == ref.read_bytes()
    assert "The team manager" in out.read_text(encoding="utf-8")
