"""recordlint sample: reproducible, proportionally stratified, in the input's format."""
from __future__ import annotations

import csv
import json
from collections import Counter

from click.testing import CliRunner

from recordlint.batch.sample import allocate
from recordlint.cli import main

HEADER = ["RecordID", "FormName", "Team", "RecordText"]


def make_csv(path, n=100, encoding="cp1252"):
    teams = ["North"] * 6 + ["South"] * 3 + ["Leaving Care"]       # 60% / 30% / 10%
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(n):
            w.writerow([f"R{i:03d}", "CIN Plan", teams[i % 10], f"Note {i}: café “quoted”\nline two"])
        w.writerow(["BAD", "x"])
    return path


def sample(*args):
    return CliRunner().invoke(main, ["sample", *map(str, args)])


def read_rows(path, encoding):
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def test_same_seed_same_sample_other_seed_other_sample(tmp_path):
    src = make_csv(tmp_path / "e.csv")
    a, b, c = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    assert sample(src, "--n", 10, "--seed", 42, "--out", a).exit_code == 0
    assert sample(src, "--n", 10, "--seed", 42, "--out", b).exit_code == 0
    assert sample(src, "--n", 10, "--seed", 43, "--out", c).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    rows = read_rows(a, "cp1252")
    assert rows[0] == HEADER and len(rows) == 11
    ids = [r[0] for r in rows[1:]]
    assert ids == sorted(ids) and "BAD" not in ids           # input order; unreadable rows not sampled
    assert rows[1][3].endswith("café “quoted”\nline two")      # same encoding, text intact


def test_stratified_is_proportional(tmp_path):
    src = make_csv(tmp_path / "e.csv")
    out = tmp_path / "s.csv"
    res = sample(src, "--n", 20, "--seed", 1, "--stratify", "team", "--out", out)
    assert res.exit_code == 0, res.output
    teams = Counter(r[2] for r in read_rows(out, "cp1252")[1:])
    assert teams == {"North": 12, "South": 6, "Leaving Care": 2}


def test_allocation_largest_remainder():
    assert allocate({"a": 5, "b": 3, "c": 2}, 5) == {"a": 3, "b": 1, "c": 1}   # 2.5 / 1.5 / 1.0
    assert sum(allocate({"a": 7, "b": 7, "c": 7}, 10).values()) == 10
    assert allocate({"a": 1, "b": 99}, 200) == {"a": 1, "b": 99}


def test_exclude_and_jsonl_stays_jsonl(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"j{i}", "text": f"t{i}", "meta": {"team": "AB"[i % 2]}}) for i in range(20)]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    excl = tmp_path / "done.txt"
    excl.write_text("\n".join(f"j{i}" for i in range(10)) + "\n")
    out = tmp_path / "s.jsonl"
    res = sample(src, "--n", 6, "--seed", 5, "--stratify", "team", "--exclude", excl, "--out", out)
    assert res.exit_code == 0, res.output
    got = out.read_text(encoding="utf-8").splitlines()
    assert len(got) == 6 and all(line in lines for line in got)
    ids = [json.loads(x)["id"] for x in got]
    assert all(int(i[1:]) >= 10 for i in ids)
    assert Counter(json.loads(x)["meta"]["team"] for x in got) == {"A": 3, "B": 3}


def test_bom_csv_keeps_bom(tmp_path):
    src = make_csv(tmp_path / "e.csv", encoding="utf-8-sig")
    out = tmp_path / "s.csv"
    assert sample(src, "--n", 3, "--seed", 9, "--out", out).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfRecordID")
