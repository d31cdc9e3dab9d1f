"""Issue 12: no traceback, no lost record, no record text in a message, no orphan process.

Each test here failed before the fix it names."""
from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from recordlint.cli import main
from recordlint.errors import InputError, RecordlintError

SECRET = "Zebedee"  # a word that appears only in record text


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    return result


BAD_RECORDS = [
    {"id": "p-num", "text": "She went.", "doc_type": "care_plan", "child": {"pronouns": 5}},
    {"id": "p-list", "text": "She went.", "doc_type": "care_plan", "child": {"pronouns": ["she"]}},
    {"id": "p-dict", "text": "She went.", "doc_type": "care_plan", "child": {"pronouns": {"a": 1}}},
    {"id": "c-str", "text": "She went.", "doc_type": "care_plan", "child": "Leah"},
]


def bad_jsonl(tmp_path):
    p = tmp_path / "in.jsonl"
    lines = [json.dumps(r) for r in BAD_RECORDS]
    lines.append('{"id": "surrogate", "text": "Bad \\ud800 text", "doc_type": "case_note"}')
    lines.append(json.dumps({"id": "good", "text": "I rang the school.", "doc_type": "case_note"}))
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


# --- fault 1: check goes on after a bad record; exit 3; json and sarif still printed -----------------

def test_check_reports_bad_records_and_checks_the_rest(tmp_path):
    r = run("check", str(bad_jsonl(tmp_path)), "--format", "jsonl")
    assert r.exit_code == 3
    got = [json.loads(x) for x in r.stdout.strip().splitlines()]
    assert [g["id"] for g in got] == ["p-num", "p-list", "p-dict", "c-str", "surrogate", "good"]
    assert [g.get("error") for g in got] == [
        "'child.pronouns' must be a string"] * 3 + [
        "'child' must be an object with 'name', 'age' and 'pronouns'",
        "the text is not valid Unicode: a lone surrogate (U+D800) at offset 4", None]
    assert [(f["code"], f["text"]) for f in got[-1]["findings"]] == [("RL101", "I")]
    assert r.stderr.count("recordlint: error:") == 5


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_check_json_and_sarif_printed_despite_bad_records(tmp_path, fmt):
    r = run("check", str(bad_jsonl(tmp_path)), "--format", fmt)
    assert r.exit_code == 3
    out = json.loads(r.stdout)
    if fmt == "json":
        assert out["summary"]["records"] == 6 and out["summary"]["errors"] == 5
    else:
        run_ = out["runs"][0]
        assert len(run_["invocations"][0]["toolExecutionNotifications"]) == 5
        assert [x["ruleId"] for x in run_["results"]] == ["RL101"]


def test_api_raises_only_recordlint_errors(linter):
    for rec in BAD_RECORDS:
        with pytest.raises(InputError):
            linter.lint(rec["text"], rec["doc_type"], rec["child"])
    with pytest.raises(InputError, match="lone surrogate"):
        linter.lint("Bad \ud800 text", "case_note")
    with pytest.raises(InputError, match="must be a string"):
        linter.lint(None, "case_note")
    with pytest.raises(RecordlintError):
        linter.lint("Fine.", "case_note", {"age": -5})


def test_record_over_spacys_limit_is_checked_in_pieces(fast_linter):
    line = "You rang the school.\r\n"
    text = line * 60000                 # 1.32 million characters
    assert len(text) > fast_linter.nlp.max_length
    found = fast_linter.lint(text, "case_note")
    assert len(found) == 60000 and all(f.code == "RL102" and f.text == "You" for f in found)
    last = found[-1]
    assert (last.start, last.line, last.column, last.end_line, last.end_column) == (
        len(text) - len(line), 60000, 1, 60000, 4)
    assert all(text[f.start:f.end] == f.text for f in found)


def test_pieces_map_offsets_and_keep_record_wide_findings_seen_in_every_piece(linter, monkeypatch):
    text = "Jo said she was fine.\nThe social worker will visit.\n" * 40
    whole = linter.lint(text, "care_plan")
    monkeypatch.setattr(linter, "max_chars", 300)
    pieced = linter.lint(text, "care_plan")
    key = [(f.code, f.start, f.end, f.line, f.column, f.text) for f in whole if not f.doc]
    assert [(f.code, f.start, f.end, f.line, f.column, f.text) for f in pieced if not f.doc] == key
    assert sorted(f.code for f in pieced if f.doc) == sorted(f.code for f in whole if f.doc)


def test_pieces_carry_their_fixes_mapped_onto_the_whole_text(linter, monkeypatch):
    from recordlint.fixes.apply import apply_edits, choose_edits

    text = "Jo said she was fine.\nJo will see her nan on Friday.\n" * 30
    child = {"name": "Jo", "pronouns": "she/her"}
    whole = linter.lint(text, "care_plan", child, fixes=True)
    monkeypatch.setattr(linter, "max_chars", 300)
    pieced = linter.lint(text, "care_plan", child, fixes=True)
    fixes = [(f.code, f.start, f.fix.to_dict()) for f in whole if f.fix is not None]
    assert fixes and [(f.code, f.start, f.fix.to_dict()) for f in pieced if f.fix is not None] == fixes
    rewritten = apply_edits(text, choose_edits(pieced, False)[0])
    assert rewritten == apply_edits(text, choose_edits(whole, False)[0]) and "You will see" in rewritten


# --- fault 2: one JSONL reader, line separators inside strings --------------------------------------

def test_check_keeps_unicode_line_separators_inside_a_record(tmp_path):
    p = tmp_path / "in.jsonl"
    text = "The worker rang.\u2028You were out.\u2029Mum rang\u0085back."
    p.write_text(json.dumps({"id": "s1", "doc_type": "case_note", "text": text}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    r = run("check", str(p), "--format", "jsonl")
    got = [json.loads(x) for x in r.stdout.strip().splitlines()]
    assert len(got) == 1 and "error" not in got[0]
    assert [(f["code"], f["start"]) for f in got[0]["findings"]] == [("RL102", text.index("You"))]


# --- fault 3: no record text in error messages --------------------------------------------------------

def test_csv_without_header_row_does_not_show_the_record(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text(f"R1,Case Note,Leah,9,{SECRET} was seen at home today and said she was happy.\n"
                 f"R2,Case Note,Leah,9,{SECRET} again.\n", encoding="utf-8")
    for cmd in (["batch", str(p), "--out", str(tmp_path / "o.jsonl")],
                ["sample", str(p), "--n", "1", "--seed", "1", "--out", str(tmp_path / "s.csv")],
                ["batch", str(p), "--out", str(tmp_path / "o2.jsonl"), "--text-column", "Notes"]):
        r = run(*cmd)
        assert r.exit_code == 2
        assert SECRET not in r.output and "Leah" not in r.output
        assert "does not look like a header row" in r.output and "export.csv" in r.output


def test_binary_csv_bytes_are_not_echoed(tmp_path):
    p = tmp_path / "export.csv"
    p.write_bytes(b"PK\x03\x04\x00\x00SECRETBYTES,\x01\x02\x00" * 50)
    r = run("batch", str(p), "--out", str(tmp_path / "o.jsonl"))
    assert r.exit_code == 2 and "SECRETBYTES" not in r.output
    assert "looks like a binary file" in r.output


# --- fault 4: an unbalanced quote in the last record swallows the rows after it ------------------------

def test_unbalanced_quote_in_last_record_is_reported_not_merged(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text('RecordID,FormName,RecordText\nR1,Case Note,One.\nR2,Case Note,"Two.\n'
                 'R3,Case Note,Three.\nR4,Case Note,Four.\nR5,Case Note,Five.\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = run("batch", str(p), "--out", str(out))
    assert r.exit_code == 0, r.output
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == ["R1", "R2"]
    assert "error" not in got[0]
    assert got[1]["error"].startswith("row 3 (lines 3-6): a quote opened in this row is never closed")
    assert "row 3 (lines 3-6)" in r.stderr


# --- fault 7: kill -9 of the batch main process leaves no worker -----------------------------------------

@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kill -9 and /proc")
def test_kill_9_of_batch_leaves_no_worker(tmp_path):
    psutil = pytest.importorskip("psutil")
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": "I rang the school. " * 20}) + "\n"
                           for i in range(3000)), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "recordlint", "batch", str(src), "--out", str(out),
                             "--jobs", "2", "--batch-size", "4"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.1)
    assert out.exists() and out.stat().st_size > 0, "the run did not start"
    children = psutil.Process(proc.pid).children(recursive=True)
    assert len(children) >= 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    gone, alive = psutil.wait_procs(children, timeout=5)
    assert alive == [], [p.pid for p in alive]


# --- fault 8: the smaller items ------------------------------------------------------------------------

def test_negative_child_age_is_a_usage_error():
    r = run("check", "-", "--child-age", "-5", input="You rang.")
    assert r.exit_code == 2 and "--child-age" in r.output


def test_check_reads_a_csv_export_as_records(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text("RecordID,FormName,RecordText\nR1,Case Note,I rang.\nR2,Case Note,The worker rang.\n",
                 encoding="utf-8")
    r = run("check", str(p), "--format", "jsonl")
    got = [json.loads(x) for x in r.stdout.strip().splitlines()]
    assert [(g["id"], [f["code"] for f in g["findings"]]) for g in got] == [("R1", ["RL101"]), ("R2", [])]


def test_report_on_a_labelled_file_is_one_line_not_a_traceback(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps({"id": "g1", "doc_type": "case_note", "text": "I rang.",
                             "findings": [{"category": "person.first", "quote": "I"}]}) + "\n")
    r = run("report", str(p))
    assert r.exit_code == 2
    assert "line 1 is not a 'recordlint batch' result" in r.output


def test_batch_words_count_only_checked_records(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "one two three", "doc_type": "case_note"}) + "\n"
                 + json.dumps({"id": "b", "text": "four five six seven", "child": {"pronouns": 5}}) + "\n")
    stats = tmp_path / "stats.json"
    r = run("batch", str(p), "--out", str(tmp_path / "o.jsonl"), "--stats", str(stats))
    assert r.exit_code == 0, r.output
    s = json.loads(stats.read_text())
    assert (s["checked"], s["errors"], s["words"]) == (1, 1, 3)
    assert "could not check a record: b: 'child.pronouns' must be a string" in r.output


def test_folder_note_names_the_unreadable_file(tmp_path):
    d = tmp_path / "notes"
    d.mkdir()
    (d / "ok.txt").write_text("The worker rang.")
    (d / "broken.docx").write_bytes(b"not a docx")
    r = run("batch", str(d), "--out", str(tmp_path / "o.jsonl"))
    assert r.exit_code == 0
    assert "could not check a record: broken.docx: cannot read as .docx" in r.output


def test_access_log_has_no_client_address_and_no_unknown_path():
    from recordlint.server.app import StripQuery

    f = StripQuery()
    rec = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
                            ("10.1.2.3:51234", "GET", f"/api/{SECRET}?q=1", "1.1", 404), None)
    f.filter(rec)
    assert rec.getMessage() == '- - "GET (other path) HTTP/1.1" 404'
    rec = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
                            ("10.1.2.3:51234", "GET", "/healthz?x=Zeb", "1.1", 200), None)
    f.filter(rec)
    assert rec.getMessage() == '- - "GET /healthz HTTP/1.1" 200'


def test_uvicorns_own_400_carries_the_security_headers(linter):
    import uvicorn

    from recordlint.server import create_app, h11_protocol

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = uvicorn.Server(uvicorn.Config(create_app(linter), host="127.0.0.1", port=port, http=h11_protocol(),
                                           log_level="critical", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.time() + 10
        while not server.started and time.time() < deadline:
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
            c.sendall(b"GARBAGE \x00\x01 nonsense\r\n\r\n")
            reply = c.recv(65536).decode("latin-1").lower()
    finally:
        server.should_exit = True
        thread.join(10)
    assert reply.startswith("http/1.1 400")
    assert "content-security-policy:" in reply and "x-content-type-options: nosniff" in reply


def test_readme_says_how_many_browser_tests_are_skipped_without_chromium():
    import re
    from pathlib import Path

    here = Path(__file__).resolve().parent
    readme = (here.parent / "README.md").read_text(encoding="utf-8")
    count = len(re.findall(r"^def test_", (here / "test_e2e_page.py").read_text(encoding="utf-8"), re.M))
    word = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}[count]
    assert "that one test is skipped" not in readme and f"those {word} tests are skipped" in readme


# --- fault 5: time linear in the length of any input (benchmarks/bench_linear.py times it) ------------

def test_long_unspaced_runs_reach_spacys_tokenizer_in_bounded_pieces(linter, monkeypatch):
    import re

    from recordlint.pipeline import BoundedTokenizer

    tok = linter.nlp.tokenizer
    assert isinstance(tok, BoundedTokenizer)
    seen = []
    inner = tok.tokenizer

    def spy(text):
        seen.append(max((len(m) for m in re.findall(r"\S+", text)), default=0))
        return inner(text)

    monkeypatch.setattr(tok, "tokenizer", spy)
    text = "Jo said hi. " + "€" * 20000 + " 👍🏽" * 3 + "👩\u200d👧" * 3000 + " The worker rang.\n"
    doc = linter.nlp.make_doc(text)
    assert doc.text == text and [t.text for t in doc][:3] == ["Jo", "said", "hi"]
    assert [t.text for t in doc][-5:] == ["The", "worker", "rang", ".", "\n"]
    assert max(seen) <= 2 * tok.PIECE + 1
    short = "Normal text: no run is long, so spaCy sees it whole."
    seen.clear()
    assert [t.text for t in linter.nlp.make_doc(short)] == [t.text for t in inner(short)] and len(seen) == 1


def test_quotation_scan_reads_the_text_once(monkeypatch):
    from recordlint import speech

    calls = []

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, *a):
            calls.append(1)
            return self.pattern.search(*a)

    monkeypatch.setattr(speech, "_PARA_END", Counting(speech._PARA_END))
    text = " 'a" * 5000    # 5,000 single quotes that open and never close, in one paragraph
    assert speech.speech_ranges(text) == [(i, i + 1) for i in range(1, len(text), 3)]
    assert len(calls) <= 3


def test_lint_many_checks_a_long_record_in_pieces_and_keeps_order(fast_linter, monkeypatch):
    monkeypatch.setattr(fast_linter, "max_chars", 50)
    long_text = "You rang the school.\n" * 10
    items = [("I rang.", "case_note", None), (long_text, "case_note", None), ("You rang.", "case_note", None)]
    got = [[(f.code, f.start) for f in found] for found in fast_linter.lint_many(items, batch_size=2)]
    assert got == [[("RL101", 0)], [("RL102", 21 * i) for i in range(10)], [("RL102", 0)]]
    with pytest.raises(InputError, match="over spaCy's limit"):
        fast_linter.make_doc(long_text, "case_note")


def test_an_adults_age_in_an_export_is_read_not_refused(tmp_path):
    """Exports hold records of young adults and, in shared systems, adults: an age such as 45
    is a real age (only a negative or absurd one is refused)."""
    from recordlint import Linter

    assert Linter(search=False).lint("She rang.", "case_note", {"age": 45}) == []
    with pytest.raises(RecordlintError):
        Linter(search=False).lint("She rang.", "case_note", {"age": 300})
