"""Batch readers: CSV (encodings, BOM, blank and malformed rows, column options), JSONL, folders."""
from __future__ import annotations

import csv
import json

import pytest

from recordlint.batch.readers import Columns, Stream, open_source, sniff_encoding
from recordlint.errors import InputError

HEADER = ["RecordID", "PersonID", "FormName", "Team", "WorkerRole", "RecordDate", "ChildFirstName",
          "ChildAge", "RecordText"]


def write_csv(path, rows, encoding="utf-8", header=HEADER, raw_tail=""):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow(r)
        fh.write(raw_tail)
    return path


def row(i, text, form="Case Note - Phone Call", team="CIN South"):
    return [f"R{i}", f"P{i}", form, team, "Social Worker", "01/02/2026", "Kayla", "9", text]


def records(path, **kw):
    notes = []
    src = open_source(str(path), notes.append, **kw)
    return list(src.records()), notes, src


def test_default_columns_and_meta(tmp_path):
    p = write_csv(tmp_path / "e.csv", [row(1, "Visited Kayla at home.\nShe was happy.")])
    recs, notes, src = records(p)
    assert len(recs) == 1
    r = recs[0]
    assert r.id == "R1" and r.doc_type == "Case Note - Phone Call"
    assert r.text == "Visited Kayla at home.\nShe was happy."
    assert r.child == {"name": "Kayla", "age": "9"}
    assert r.meta == {"PersonID": "P1", "Team": "CIN South", "WorkerRole": "Social Worker",
                      "RecordDate": "01/02/2026"}
    assert r.where == "e.csv row 2"


def test_cp1252_is_detected_and_noted(tmp_path):
    text = "Mum said “it’s fine” – café at 3pm, £5."
    p = write_csv(tmp_path / "e.csv", [row(1, text)], encoding="cp1252")
    recs, notes, src = records(p)
    assert src.encoding == "cp1252"
    assert recs[0].text == text
    assert any("cp1252" in n for n in notes)
    assert not any(text in n for n in notes)


def test_utf8_bom(tmp_path):
    p = write_csv(tmp_path / "e.csv", [row(1, "Zoë’s visit")], encoding="utf-8-sig")
    recs, notes, src = records(p)
    assert src.encoding == "utf-8-sig"
    assert src.header[0] == "RecordID"          # no BOM glued to the first column name
    assert recs[0].id == "R1" and recs[0].text == "Zoë’s visit"
    assert notes == []


def test_blank_rows_skipped_and_row_numbers_kept(tmp_path):
    p = tmp_path / "e.csv"
    with open(p, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerow(row(1, "first"))
        fh.write("\r\n,,,,,,,,\r\n")
        w.writerow(row(2, "second"))
    recs, _, _ = records(p)
    assert [r.id for r in recs] == ["R1", "R2"]
    assert recs[1].where == "e.csv row 5"


def test_malformed_row_becomes_error_and_reading_goes_on(tmp_path):
    p = tmp_path / "e.csv"
    with open(p, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerow(row(1, "first"))
        w.writerow(["R2", "P2", "CIN Plan"])            # too few fields
        w.writerow(row(3, "third"))
    recs, _, _ = records(p)
    assert [r.id for r in recs] == ["R1", "R2", "R3"]
    bad = recs[1]
    assert bad.text is None and bad.error.startswith("row 3")
    assert "expected 9 fields, found 3" in bad.error
    assert recs[2].error is None and recs[2].text == "third"


def test_large_field(tmp_path):
    big = "word " * 100_000                               # 500 KB, over csv's default limit
    p = write_csv(tmp_path / "e.csv", [row(1, big), row(2, "small")])
    recs, _, _ = records(p)
    assert len(recs[0].text) == len(big) and recs[1].text == "small"


def test_column_options_and_semicolons(tmp_path):
    p = tmp_path / "e.csv"
    with open(p, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["NoteRef", "Kind", "Body", "Name", "Team"])
        w.writerow(["N1", "CIN Plan", "You will see Mum, weekly.", "Amara", "T1"])
    recs, _, src = records(p, columns=Columns(id="NoteRef", type="Kind", text="Body", child_name="Name"))
    assert src.delimiter == ";"
    assert (recs[0].id, recs[0].doc_type, recs[0].text) == ("N1", "CIN Plan", "You will see Mum, weekly.")
    assert recs[0].child == {"name": "Amara"} and recs[0].meta == {"Team": "T1"}


def test_unknown_column_option_and_no_text_column(tmp_path):
    p = write_csv(tmp_path / "e.csv", [row(1, "x")])
    with pytest.raises(InputError, match="no column 'Nope'"):
        open_source(str(p), lambda m: None, Columns(text="Nope"))
    q = write_csv(tmp_path / "f.csv", [["1", "2"]], header=["A", "B"])
    with pytest.raises(InputError, match="--text-column"):
        open_source(str(q), lambda m: None)


def test_input_file_not_modified(tmp_path):
    p = write_csv(tmp_path / "e.csv", [row(1, "x"), ["bad"]], encoding="cp1252")
    before = p.read_bytes()
    records(p)
    assert p.read_bytes() == before


def test_jsonl_reader_with_bad_line(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "hello", "doc_type": "CIN Plan", "meta": {"team": "T"}})
                 + "\n\n{oops\n" + json.dumps({"id": "c", "text": "bye"}) + "\n", encoding="utf-8-sig")
    recs, _, _ = records(p)
    assert [r.id for r in recs] == ["a", "r.jsonl:3", "c"]
    assert recs[0].doc_type == "CIN Plan" and recs[0].meta == {"team": "T"}
    assert recs[1].error.startswith("line 3: not JSON")


def test_folder_reader(tmp_path):
    d = tmp_path / "notes"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("one", encoding="utf-8")
    (d / "sub" / "b.md").write_bytes("caf\xe9".encode("cp1252"))
    (d / "c.pdf").write_bytes(b"%PDF")
    (d / "~$lock.docx").write_bytes(b"x")
    (d / "bad.txt").write_bytes(b"\x00\x01binary")
    notes = []
    src = open_source(str(d), notes.append)
    recs = list(src.records())
    assert [r.id for r in recs] == ["a.txt", "bad.txt", "sub/b.md"]
    assert recs[2].text == "café"
    assert recs[1].error and "binary" in recs[1].error
    assert any("not .txt" in n for n in notes)


def test_stream_positions_and_sniff(tmp_path):
    a = write_csv(tmp_path / "a.csv", [row(1, "x")])
    b = write_csv(tmp_path / "b.csv", [row(2, "y")])
    st = Stream([open_source(str(a), print), open_source(str(b), print)])
    recs = list(st)
    assert [r.id for r in recs] == ["R1", "R2"]
    assert recs[-1].pos <= st.total_bytes
    assert sniff_encoding(a) == "utf-8"
