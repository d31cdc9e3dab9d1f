"""Property-based tests (Hypothesis) of the Python API and the readers (issue 12).

For arbitrary Unicode text (surrogates, control and separator characters, long runs with
no space), arbitrary JSON values in every record field and arbitrary CSV and JSONL bytes:

* nothing raises but recordlint's own error type (``RecordlintError``);
* every finding's offsets lie within the text, ``text[start:end]`` is its text, and its
  line, column, end line and end column agree with the offsets;
* every input record yields exactly one result.

Profiles: ``ci`` (the default: a few hundred examples in all, well under a minute) and
``long`` (``HYPOTHESIS_PROFILE=long``: 100,000 examples per test; hours)."""
from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recordlint.batch.readers import CsvSource
from recordlint.errors import RecordlintError
from recordlint.findings import LineIndex
from recordlint.io.readers import InputRecord, read_jsonl
from recordlint.results import CheckOptions, check_records

settings.register_profile("ci", max_examples=80, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("long", max_examples=100_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

DOC_TYPES = ["case_note", "visit_record", "assessment", "care_plan", "review_record", "pathway_plan",
             "CIN Plan", None]
SEPARATORS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\t", " ", "\x00"]
WORDS = ["You", "I", "she", "her", "Leah", "LAC", "placement", "contact", "will", "support", "by",
         "30/04/2026", "said:", '"', "'", "“", "”", "‘", "’", ";", ".", "-", "•", "If", "then", "My views:"]

any_char = st.characters(exclude_categories=())          # surrogates and unassigned included
valid_char = st.characters(exclude_categories=("Cs",))
runs = st.builds(lambda c, n: c * n, st.sampled_from(["€", "😀", "!?", "👍🏽", "'a", ".", "\u0301", "x"]),
                 st.integers(100, 1500))
pieces = st.one_of(st.text(valid_char, max_size=20), st.sampled_from(WORDS), st.sampled_from(SEPARATORS), runs)
joiners = st.sampled_from([" ", "", "\n", " \n\n"])
valid_texts = st.builds(lambda parts, j: j.join(parts), st.lists(pieces, max_size=30), joiners)
texts = st.one_of(valid_texts, st.lists(st.one_of(pieces, st.text(any_char, max_size=10)), max_size=20).map("".join))

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.text(any_char, max_size=30))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)
children = st.one_of(json_values, st.fixed_dictionaries(
    {}, optional={"name": json_values, "age": json_values, "pronouns": json_values}))
valid_children = st.fixed_dictionaries({}, optional={
    "name": st.sampled_from(["Leah", "Jo Smith", "", " ", "Zoë-Mae"]), "age": st.floats(0, 30),
    "pronouns": st.sampled_from(["she/her", "he/him", "they/them", "", "xe", "she, they"])})
fields = st.fixed_dictionaries({}, optional={
    "id": json_values, "text": st.one_of(texts, json_values), "doc_type": st.one_of(st.sampled_from(DOC_TYPES),
                                                                                     json_values),
    "form": json_values, "child": children, "meta": json_values})


def assert_findings_point_into(text: str, findings) -> None:
    index = LineIndex(text)
    for f in findings:
        if f.doc:
            assert f.start is None and f.end is None
            continue
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert (f.line, f.column) == index.line_col(f.start)
        assert (f.end_line, f.end_column) == index.line_col(f.end)


@given(text=texts, doc_type=st.sampled_from(DOC_TYPES), child=st.one_of(valid_children, valid_children, children))
def test_api_raises_only_its_own_error_and_findings_point_into_the_text(linter, text, doc_type, child):
    try:
        found = linter.lint(text, doc_type, child)
    except RecordlintError:
        return
    assert_findings_point_into(text, found)


@given(text=texts)
def test_fast_profile_too(fast_linter, text):
    try:
        found = fast_linter.lint(text, "care_plan", {"name": "Leah", "pronouns": "she/her", "age": 9})
    except RecordlintError:
        return
    assert_findings_point_into(text, found)


@given(records=st.lists(fields, min_size=1, max_size=6), skip=st.booleans())
def test_every_jsonl_record_yields_exactly_one_result(linter, records, skip):
    lines = [json.dumps(r, ensure_ascii=True, allow_nan=True) for r in records]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        read = list(read_jsonl(path, lambda m: None))
        assert len(read) == len(records)
        results = list(check_records(linter, read, CheckOptions(skip_unmapped=skip), batch_size=4))
    assert [r.id for r in results] == [r.id for r in read]
    for rec, res in zip(read, results, strict=True):
        assert res.error or res.skipped or isinstance(rec.text, str)
        if res.checked:
            assert_findings_point_into(rec.text, res.findings)
        json.dumps(res.to_dict())   # every result can be written


@given(data=st.binary(max_size=400))
def test_arbitrary_jsonl_bytes(linter, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_bytes(data)
        try:
            read = list(read_jsonl(path, lambda m: None))
        except RecordlintError:
            return
        try:
            data.decode("utf-8")
            enc = "utf-8"
        except UnicodeDecodeError:
            enc = "cp1252"   # as the reader falls back
        lines = [x.decode(enc, "replace") for x in data.split(b"\n")]
        lines[0] = lines[0].lstrip("\ufeff")
        assert len(read) == len([x for x in lines if x.strip()])
        assert len(list(check_records(linter, read))) == len(read)


@given(data=st.binary(max_size=400))
def test_arbitrary_csv_bytes(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.csv"
        path.write_bytes(data)
        try:
            source = CsvSource(path, lambda m: None)
            for rec in source.records():
                assert isinstance(rec, InputRecord) and (rec.error or isinstance(rec.text, str))
        except RecordlintError:
            pass


cells = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)


@given(rows=st.lists(st.tuples(cells, cells), min_size=1, max_size=8), delimiter=st.sampled_from([",", ";", "\t"]))
def test_every_csv_row_is_one_record_with_its_text(rows, delimiter):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(["RecordID", "FormName", "RecordText"])
    for i, (form, text) in enumerate(rows):
        w.writerow([f"R{i}", form, text])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.csv"
        path.write_bytes(buf.getvalue().encode("utf-8"))
        read = list(CsvSource(path, lambda m: None).records())
    assert [r.id for r in read] == [f"R{i}" for i in range(len(rows))]
    assert [r.text for r in read] == [text for _, text in rows]


@pytest.mark.parametrize("age", [math.nan, math.inf, -1, 31, "12"])
def test_odd_ages(linter, age):
    try:
        linter.lint("You rang.", "care_plan", {"age": age})
    except RecordlintError:
        pass
