"""`check draft.docx --annotate reviewed.docx`: one Word comment per finding, on its words."""
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.oxml.ns import qn

from recordlint.cli import main

CHILD = ["--child-name", "Leah", "--child-pronouns", "she/her", "--child-age", "12"]


def make_draft(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Leah's Care Plan")
    p = d.add_paragraph()
    p.add_run("Leah enjoys ")
    bold = p.add_run("her new school")
    bold.bold = True
    p.add_run(" and she has made two friends. The LAC review said the placement is stable.")
    d.add_paragraph("If the plan is not working, Tina will ring your social worker the same day.")
    d.save(str(path))


def anchored_texts(path: Path) -> dict[str, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd, in document order
    (paragraphs joined with a line break)."""
    body = docx.Document(str(path)).element.body
    open_, out = {}, {}
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_[el.get(qn("w:id"))] = []
        elif el.tag == qn("w:commentRangeEnd"):
            out[el.get(qn("w:id"))] = "".join(open_.pop(el.get(qn("w:id")))).strip("\n")
        elif el.tag == qn("w:t"):
            for parts in open_.values():
                parts.append(el.text or "")
        elif el.tag == qn("w:p"):
            for parts in open_.values():
                parts.append("\n")
    return out


def test_one_comment_per_finding_on_exactly_its_words(tmp_path):
    src, dst = tmp_path / "draft.docx", tmp_path / "reviewed.docx"
    make_draft(src)
    before = src.read_bytes()
    r = CliRunner().invoke(main, ["check", str(src), "-t", "care_plan", *CHILD, "--format", "jsonl",
                                  "--annotate", str(dst)])
    assert "Traceback" not in r.output
    import json

    findings = json.loads(r.stdout.splitlines()[0])["findings"]
    assert src.read_bytes() == before  # the input is never changed
    reviewed = docx.Document(str(dst))
    comments = list(reviewed.comments)
    assert len(comments) == len(findings) >= 5
    assert {c.author for c in comments} == {"recordlint"}
    anchors = anchored_texts(dst)
    for f, c in zip(findings, comments, strict=True):
        assert c.text.startswith(f"{f['code']} [{f['category']}] {f['message']}")
        if not f.get("doc"):
            assert anchors[str(c.comment_id)] == f["text"], (f["code"], f["text"])
    by_code = {f["code"]: c.text for f, c in zip(findings, comments, strict=True)}
    assert "Suggested rewrite (safe): You enjoy your new school and you have made two friends." in by_code["RL103"]
    # the bold run was split at the finding's edge and keeps its formatting
    runs = [(r.text, r.bold) for r in reviewed.paragraphs[1].runs if r.text]
    assert ("her", True) in runs and (" new school", True) in runs
    assert "".join(t for t, _ in runs) == docx.Document(str(src)).paragraphs[1].text


def test_annotate_refuses_the_input_and_non_docx(tmp_path):
    src = tmp_path / "draft.docx"
    make_draft(src)
    r = CliRunner().invoke(main, ["check", str(src), "-t", "care_plan", "--annotate", str(src)])
    assert r.exit_code == 2 and "is the input file" in r.output
    txt = tmp_path / "draft.txt"
    txt.write_text("Leah enjoys school.")
    r = CliRunner().invoke(main, ["check", str(txt), "-t", "care_plan", "--annotate", str(tmp_path / "x.docx")])
    assert r.exit_code == 2 and "exactly one .docx" in r.output


def test_clean_draft_gets_no_comments(tmp_path):
    src, dst = tmp_path / "clean.docx", tmp_path / "out.docx"
    d = docx.Document()
    d.add_paragraph("The social worker rang Kayla's foster carer, Michelle, on 3 March 2026.")
    d.save(str(src))
    r = CliRunner().invoke(main, ["check", str(src), "-t", "case_note", "--annotate", str(dst)])
    assert r.exit_code == 0, r.output
    assert list(docx.Document(str(dst)).comments) == []


def test_batch_annotate_dir(tmp_path):
    folder, out = tmp_path / "drafts", tmp_path / "reviewed"
    folder.mkdir()
    make_draft(folder / "leah.docx")
    r = CliRunner().invoke(main, ["batch", str(folder), "--out", str(tmp_path / "res.jsonl"), "-t", "care_plan",
                                  "--annotate-dir", str(out)])
    assert r.exit_code == 0, r.output
    comments = list(docx.Document(str(out / "leah.docx")).comments)
    import json

    results = [json.loads(line) for line in (tmp_path / "res.jsonl").read_text().splitlines()]
    assert len(comments) == len(results[0]["findings"]) > 0
    r = CliRunner().invoke(main, ["batch", str(folder), "--out", str(tmp_path / "r2.jsonl"), "-t", "care_plan",
                                  "--annotate-dir", str(folder)])
    assert r.exit_code == 2 and "is an input folder" in r.output
