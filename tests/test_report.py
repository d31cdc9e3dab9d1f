"""recordlint report: numbers against hand-computed ones, no record text by default, HTML/CSV."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from recordlint.batch.report import build_report
from recordlint.batch.stats import newcombe, wilson
from recordlint.cli import main

SECRET = "Zebedee-Quartz"


def finding(code, cat, text=SECRET):
    return {"code": code, "name": f"rule-{code}", "category": cat, "severity": "warning", "start": 0,
            "end": 5, "line": 1, "column": 1, "text": text, "message": f"'{text}' is a problem",
            "suggestion": text}


def write_results(path, spec):
    """spec: list of (team, [codes]) for checked records; plus one skipped and one error record."""
    cats = {"RL1": "person.first", "RL2": "language.jargon", "RL3": "language.jargon"}
    with open(path, "w", encoding="utf-8") as fh:
        for i, (team, codes) in enumerate(spec):
            fh.write(json.dumps({"id": f"R{i}", "doc_type": "case_note",
                                 "findings": [finding(c, cats[c]) for c in codes],
                                 "meta": {"Team": team, "WorkerRole": "SW"}}) + "\n")
        fh.write(json.dumps({"id": "S", "doc_type": None, "findings": [], "skipped": "unmapped form name",
                             "form": "Odd", "meta": {"Team": "A"}}) + "\n")
        fh.write(json.dumps({"id": "E", "doc_type": None, "findings": [], "error": "row 9: bad"}) + "\n")
    return path


# 10 records in team A (3 with RL1, 4 with jargon: RL2 x2, RL3 x1, RL2+RL3 x1), 3 in team B (1 with RL1)
SPEC = ([("A", ["RL1"])] * 3 + [("A", ["RL2"])] * 2 + [("A", ["RL3"]), ("A", ["RL2", "RL3"])]
        + [("A", [])] * 3 + [("B", ["RL1", "RL1"]), ("B", []), ("B", [])])


def test_wilson_and_newcombe_hand_computed():
    lo, hi = wilson(3, 10)          # p=.3, z=1.96: centre .3555, half .2477
    assert lo == pytest.approx(0.1078, abs=1e-4) and hi == pytest.approx(0.6032, abs=1e-4)
    assert wilson(0, 10) == (0.0, pytest.approx(0.2775, abs=1e-4))
    d, lo, hi = newcombe(56, 70, 48, 80)   # Newcombe (1998), method 10 example: .0524 to .3339
    assert d == pytest.approx(0.2) and lo == pytest.approx(0.0524, abs=1e-4) and hi == pytest.approx(0.3339, abs=1e-4)


def test_report_numbers(tmp_path):
    res = write_results(tmp_path / "r.jsonl", SPEC)
    rep = build_report(str(res), by=["team"])
    assert (rep.current.checked, rep.current.skipped, rep.current.errors) == (13, 1, 1)
    rows = {(r.by, r.group, r.kind, r.key): r for r in rep.rows}
    jar = rows[("", "", "category", "language.jargon")]
    assert (jar.k, jar.n) == (4, 13)
    assert jar.ci == pytest.approx(wilson(4, 13))
    first = rows[("", "", "category", "person.first")]
    assert (first.k, first.n) == (4, 13)         # RL1 twice in one record counts once
    assert (rows[("", "", "rule", "RL2")].k, rows[("", "", "rule", "RL3")].k) == (3, 2)
    assert rows[("", "", "any", "")].k == 8
    a = rows[("team", "A", "category", "person.first")]
    assert (a.k, a.n, a.small) == (3, 10, False)
    assert a.ci == pytest.approx((0.1078, 0.6032), abs=1e-4)
    b = rows[("team", "B", "category", "person.first")]
    assert (b.k, b.n, b.small) == (1, 3, True)


def test_compare_with_earlier_round(tmp_path):
    now = write_results(tmp_path / "now.jsonl", [("A", ["RL1"])] * 9 + [("A", [])] * 1)
    old = write_results(tmp_path / "old.jsonl", [("A", ["RL1"])] * 3 + [("A", [])] * 7)
    rep = build_report(str(now), compare=str(old))
    r = next(r for r in rep.rows if r.kind == "category" and r.key == "person.first")
    d, lo, hi = r.change
    assert d == pytest.approx(0.6)
    assert (lo, hi) == pytest.approx(newcombe(9, 10, 3, 10)[1:])
    assert r.verdict == "more"


def test_default_report_has_no_record_text_and_excerpts_add_it(tmp_path):
    res = write_results(tmp_path / "r.jsonl", SPEC)
    html_p, csv_p = tmp_path / "r.html", tmp_path / "r.csv"
    out = CliRunner().invoke(main, ["report", str(res), "--html", str(html_p), "--csv", str(csv_p),
                                    "--by", "team,worker_role,doc_type"])
    assert out.exit_code == 0, out.output
    page = html_p.read_text(encoding="utf-8")
    table = csv_p.read_bytes()
    for content in (page, table.decode("utf-8-sig"), out.output):
        assert SECRET not in content
        assert "is a problem" not in content         # messages can quote record text
    # self-contained: no external scripts, stylesheets, fonts or links
    assert not re.search(r"<script|<link|@import|url\(|https?://", page, re.I)
    assert "<svg" in page and "&dagger;" in page
    assert table.startswith(b"\xef\xbb\xbf")         # Excel: UTF-8 with a BOM
    rows = list(csv.reader(io.StringIO(table.decode("utf-8-sig"))))
    assert rows[0][:4] == ["breakdown", "group", "level", "code_or_category"]
    assert ["overall", "", "category", "language.jargon"] == rows[2][:4] or any(
        r[:4] == ["overall", "", "category", "language.jargon"] for r in rows)
    with_ex = tmp_path / "x.html"
    out = CliRunner().invoke(main, ["report", str(res), "--html", str(with_ex), "--excerpts"])
    assert out.exit_code == 0
    assert SECRET in with_ex.read_text(encoding="utf-8")


def test_unknown_by_column_exit_2(tmp_path):
    res = write_results(tmp_path / "r.jsonl", SPEC)
    out = CliRunner().invoke(main, ["report", str(res), "--by", "nonsense"])
    assert out.exit_code == 2
