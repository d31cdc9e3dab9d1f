"""CLI: formats, exit codes, and bad input (one clear line, never a traceback)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from recordlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert "Traceback" not in result.output
    return result


def test_text_output_exit_1_and_location(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("The social worker rang.\nYou were out.\n")
    r = run("check", str(p), "--doc-type", "case_note")
    assert r.exit_code == 1
    assert f"{p}:2:1: RL102 [person.second]" in r.output


def test_clean_record_exit_0(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("The social worker rang Kayla's foster carer, Michelle, on 3 March 2026.\n")
    r = run("check", str(p), "--doc-type", "case_note")
    assert r.exit_code == 0, r.output


def test_fail_on_error_ignores_warnings(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("You were out.")
    assert run("check", str(p), "--fail-on", "error").exit_code == 0


def test_stdin_is_one_record():
    r = run("check", "-", "--doc-type", "care_plan", "--child-name", "Kiera", "--child-pronouns", "she/her",
            "--format", "json", input="Kiera says she likes school.")
    data = json.loads(r.stdout)
    assert [(f["code"], f["text"]) for f in data["records"][0]["findings"] if f["code"] == "RL103"] == [
        ("RL103", "Kiera"), ("RL103", "she")]
    assert data["summary"]["records"] == 1


def test_jsonl_output_shape_and_no_excerpts(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "doc_type": "Case Note", "text": "I rang.", "extra": 1}) + "\n")
    r = run("check", str(src), "--format", "jsonl", "--no-excerpts")
    line = json.loads(r.stdout.strip())
    assert line["id"] == "a1" and line["doc_type"] == "case_note"
    f = line["findings"][0]
    assert {k: f[k] for k in ("code", "name", "category", "start", "end", "line", "column", "text")} == {
        "code": "RL101", "name": "first-person", "category": "person.first", "start": 0, "end": 1,
        "line": 1, "column": 1, "text": None}
    assert "I rang" not in r.stdout


def test_one_bad_jsonl_line_is_reported_and_the_rest_checked(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "ok1", "doc_type": "case_note", "text": "You rang."}\n{not json\n'
                   '{"id": "ok2", "doc_type": "care_plan", "text": "You rang."}\n')
    r = run("check", str(src), "--format", "jsonl")
    assert r.exit_code == 3   # some records could not be checked (2: usage, config, unreadable input)
    lines = [json.loads(x) for x in r.stdout.strip().splitlines()]
    assert [x["id"] for x in lines] == ["ok1", "in.jsonl:2", "ok2"]
    assert "line 2: not JSON" in lines[1]["error"]
    assert "line 2: not JSON" in r.stderr


def test_missing_file():
    r = run("check", "no/such/file.txt")
    assert r.exit_code == 2 and "no/such/file.txt: no such file" in r.stderr


def test_binary_file(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"\x00\x01\x02binary")
    r = run("check", str(p))
    assert r.exit_code == 2 and "binary" in r.stderr


def test_cp1252_text_is_read_with_a_note(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes("Kayla\u2019s foster carer rang. You were out.".encode("cp1252"))
    r = run("check", str(p), "--format", "json")
    assert "read as cp1252" in r.stderr
    data = json.loads(r.stdout)
    f = [f for f in data["records"][0]["findings"] if f["code"] == "RL102"][0]
    assert f["text"] == "You"


def test_utf8_bom_is_dropped_and_offsets_follow_the_text(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"\xef\xbb\xbfYou rang.")
    data = json.loads(run("check", str(p), "--format", "json").stdout)
    assert data["records"][0]["findings"][0]["start"] == 0


def test_empty_file_is_an_empty_record(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    r = run("check", str(p), "--doc-type", "care_plan")
    assert r.exit_code == 0


def test_unknown_doc_type_is_exit_2():
    r = run("check", "-", "--doc-type", "Referral", input="hello")
    assert r.exit_code == 2 and "unknown doc type 'Referral'" in r.stderr


def test_bad_config_is_exit_2_with_file_named(tmp_path):
    cfg = tmp_path / "recordlint.yaml"
    cfg.write_text("rules: [oops")
    r = run("check", "-", "--config", str(cfg), input="hello")
    assert r.exit_code == 2 and str(cfg) in r.stderr and "invalid YAML" in r.stderr


def test_docx_is_one_record(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Home visit")
    d.add_paragraph("I visited Summer at home.")
    p = tmp_path / "visit.docx"
    d.save(str(p))
    r = run("check", str(p), "--doc-type", "visit_record", "--format", "jsonl")
    f = json.loads(r.stdout)["findings"][0]
    assert (f["code"], f["line"], f["text"]) == ("RL101", 2, "I")


def test_corrupt_docx(tmp_path):
    p = tmp_path / "bad.docx"
    p.write_bytes(b"PK not really a zip")
    r = run("check", str(p))
    assert r.exit_code == 2 and "cannot read as .docx" in r.stderr


def test_rules_and_explain():
    r = run("rules")
    assert r.exit_code == 0
    assert any(line.startswith("RL101  first-person") for line in r.output.splitlines())
    e = run("explain", "RL103")
    assert "third-person-to-child" in e.output and "## Flagged" in e.output and "## Clean" in e.output
    assert run("explain", "RL999").exit_code == 2


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and "recordlint" in r.output


def test_input_file_is_not_modified(tmp_path):
    p = tmp_path / "note.txt"
    raw = b"You rang.\r\n\tI answered.  \r\n"
    p.write_bytes(raw)
    run("check", str(p))
    assert p.read_bytes() == raw


def test_installed_command_runs_from_any_directory(tmp_path):
    exe = Path(sys.executable).parent / "recordlint"
    if not exe.exists():
        pytest.skip("recordlint console script not installed next to this Python")
    example = ROOT / "examples" / "case-note.txt"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = subprocess.run([str(exe), "check", str(example), "--doc-type", "case_note"], cwd=tmp_path,
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1, r.stderr
    assert "RL102 [person.second]" in r.stdout


@pytest.mark.skipif(not DEV.exists(), reason="shared dev corpus not present")
def test_dev_corpus_feeds_directly():
    r = run("check", str(DEV), "--format", "jsonl")
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 120 and r.exit_code == 1
