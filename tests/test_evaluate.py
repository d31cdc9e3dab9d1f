"""recordlint evaluate: the same numbers as the corpus's score.py, per rule, errors, --compare, --min-f1."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from recordlint import evaluate as ev
from recordlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SCORE = CORPUS / "score.py"
DEV = CORPUS / "dev.jsonl"

needs_corpus = pytest.mark.skipif(not SCORE.is_file(), reason="../shared/corpus/score.py not present")

GOLD = [
    {"id": "g1", "doc_type": "case_note", "child": {"name": "Kayla", "pronouns": "she/her"},
     "text": "You told me that Kayla has contact with her mum on Saturdays.\n"
             "Kayla refused to go to school on Monday. Kayla has contact with Dad too.",
     "findings": [{"category": "person.second", "quote": "You", "occurrence": 1},
                  {"category": "person.first", "quote": "me"},
                  {"category": "language.jargon", "quote": "contact", "occurrence": 2},
                  {"category": "language.blaming", "quote": "refused", "occurrence": 1}]},
    {"id": "g2", "doc_type": "care_plan", "child": {"name": "Amara", "pronouns": "she/her"},
     "text": "Amara, this is your plan. Amara will go to Brownies every Tuesday.\n"
             "Your social worker will visit you every 6 weeks.",
     "findings": [{"category": "person.third", "start": 26, "end": 31},
                  {"category": "plan.contingency", "doc": True}]},
    {"id": "g3", "doc_type": "chronology", "child": {"name": "Leon"},
     "text": "14/03/2026: Leon moved to his new school. He said he likes his teacher.",
     "findings": []},
]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result


@pytest.fixture
def gold(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no recordlint.yaml found by accident
    return write_jsonl(tmp_path / "gold.jsonl", GOLD)


def score_py(gold_path, tmp_path):
    """score.py's JSON for `recordlint check --format jsonl` output on the gold file."""
    pred = tmp_path / "pred.jsonl"
    res = run("check", "--format", "jsonl", gold_path)
    assert res.exit_code in (0, 1), res.output
    pred.write_text(res.stdout, encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORE), "score", str(gold_path), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def evaluate_json(*args):
    res = run("evaluate", *args, "--format", "json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def assert_agrees(ours, theirs):
    assert set(ours["categories"]) == set(theirs) - {"micro"}
    for cat, row in theirs.items():
        mine = ours["micro"] if cat == "micro" else ours["categories"][cat]
        for key in ("predicted", "gold"):
            assert mine[key] == row[key], (cat, key)
        for key in ("precision", "recall", "f1"):
            assert abs(mine[key] - row[key]) <= 0.001, (cat, key, mine[key], row[key])


@needs_corpus
def test_agrees_with_score_py_on_a_small_gold_file(gold, tmp_path):
    ours = evaluate_json(gold)
    assert_agrees(ours, score_py(gold, tmp_path))
    assert ours["categories"]["person.first"]["gold"] == 1
    assert "plan.contingency" in ours["categories"]


HELDOUT = ROOT / "tests" / "fixtures" / "heldout.jsonl"


@needs_corpus
@pytest.mark.parametrize("path", [DEV, HELDOUT], ids=["dev", "heldout"])
def test_agrees_with_score_py_on_the_labelled_sets(path, tmp_path, monkeypatch):
    if not path.is_file():
        pytest.skip(f"{path.name} not present")
    monkeypatch.chdir(tmp_path)
    assert_agrees(evaluate_json(path), score_py(path, tmp_path))


def test_json_shape_and_per_rule_rows(gold):
    out = evaluate_json(gold)
    assert {"categories", "micro", "rules"} <= set(out)
    for row in [*out["categories"].values(), out["micro"], *out["rules"].values()]:
        assert {"precision", "recall", "f1", "predicted", "gold"} <= set(row)
    rl101 = out["rules"]["RL101"]
    assert rl101["category"] == "person.first" and rl101["gold"] == 1
    # Every rule of a labelled category has a row, even when it reported nothing.
    assert "RL303" in out["rules"]
    # A rule's gold is its category's gold.
    for row in out["rules"].values():
        assert row["gold"] == out["categories"][row["category"]]["gold"]


def test_categories_never_labelled_are_left_out(gold, tmp_path):
    long_sentence = "Leon " + " ".join(["and his friend went to the park"] * 20) + "."
    rows = [{"id": "r1", "doc_type": "case_note", "text": long_sentence,
             "findings": [{"category": "person.first", "quote": "Leon"}]}]
    out = evaluate_json(write_jsonl(tmp_path / "r.jsonl", rows))
    assert set(out["categories"]) == {"person.first"}
    assert all(not cat.startswith("readability") for cat in out["categories"])
    assert all(r["category"] == "person.first" for r in out["rules"].values())


def test_text_output_lists_errors_with_context(gold):
    res = run("evaluate", gold, "--show-errors", "5")
    assert res.exit_code == 0
    out = res.stdout
    assert "micro" in out and "Per rule" in out
    assert "False positives" in out and "False negatives" in out
    # The first 'contact' was not labelled: a false positive with its line of context.
    assert "g1 (case_note) 1:" in out and "[[contact]]" in out


def test_no_excerpts_hides_record_text(gold):
    res = run("evaluate", gold, "--show-errors", "5", "--no-excerpts")
    assert res.exit_code == 0
    assert "[[" not in res.stdout and "Saturdays" not in res.stdout
    out = evaluate_json(gold, "--show-errors", "5", "--no-excerpts")
    assert out["false_positives"] and all("context" not in e for e in out["false_positives"])


def test_min_f1_gates_the_exit_code(gold):
    assert run("evaluate", gold, "--min-f1", "0.1").exit_code == 0
    res = run("evaluate", gold, "--min-f1", "0.99")
    assert res.exit_code == 1
    assert "below --min-f1 0.990" in res.stderr


def test_compare_shows_both_configs_and_changed_findings(gold, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text("lexicon:\n  jargon:\n    remove: [contact]\n"
                     "rules:\n  RL211: {enabled: false}\n")
    res = run("evaluate", gold, "--compare", other)
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "F1(A)" in out and "F1(B)" in out
    assert "Removed in B" in out and "RL211 [language.blaming]" in out and "<correct>" in out
    data = evaluate_json(gold, "--compare", other)
    changes = data["compare"]["changes"]
    removed = {(c["code"], c["correct"]) for c in changes if c["change"] == "removed"}
    assert ("RL211", True) in removed and ("RL201", True) in removed and ("RL201", False) in removed
    assert not [c for c in changes if c["change"] == "added"]
    assert data["compare"]["categories"]["language.blaming"]["predicted"] == 0
    assert data["categories"]["language.blaming"]["predicted"] >= 1
    # --min-f1 gates on the --compare config: a change that hurts fails CI.
    assert run("evaluate", gold, "--compare", other, "--min-f1",
               str(data["micro"]["f1"])).exit_code == 1


def test_invalid_gold_lines_are_reported_with_line_numbers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = GOLD[2]
    lines = [json.dumps(good), "{not json", json.dumps({**good, "id": "x2", "doc_type": "letter"}),
             json.dumps({**good, "id": "x3", "findings": [{"category": "person.first", "quote": "nowhere"}]}),
             json.dumps({**good, "id": "x4", "findings": [{"category": "made.up", "doc": True}]}),
             json.dumps(good)]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n")
    res = run("evaluate", path)
    assert res.exit_code == 2
    err = res.stderr
    assert f"{path}:2: not JSON" in err
    assert f"{path}:3: unknown doc_type 'letter'" in err
    assert f"{path}:4: finding 1: quote" in err and "not in text" in err
    assert "nowhere" not in err  # the quote is record text: not echoed
    assert f"{path}:5: finding 1: unknown category 'made.up'" in err
    assert f"{path}:6: duplicate id" in err
    assert "--skip-invalid" in err
    res = run("evaluate", path, "--skip-invalid", "--format", "json")
    assert res.exit_code == 0
    assert "skipped" in res.stderr
    assert json.loads(res.stdout)["micro"]["gold"] == 0


def test_scoring_matches_overlap_rules():
    rec = ev.GoldRecord(id="a", line=1, doc_type="care_plan", text="x" * 50,
                        findings=[ev.Span("plan.timescale", 0, 20), ev.Span("plan.contingency", None, None),
                                  ev.Span("person.third", 30, 35)])
    preds = {"a": [ev.Span("plan.timescale", 5, 10, "RL301"), ev.Span("plan.timescale", 15, 25, "RL301"),
                   ev.Span("plan.timescale", 20, 22, "RL301"),  # touches, does not overlap
                   ev.Span("plan.contingency", None, None, "RL303"),
                   ev.Span("person.third", 31, 33, "RL999"), ev.Span("person.first", 0, 1, "RL101"),
                   ev.Span("readability.grade", None, None, "RL501")]}
    rep = ev.score([rec], preds, [("RL301", "t", "plan.timescale"), ("RL999", "x", "person.third")])
    assert rep.categories["plan.timescale"] == {"precision": 0.667, "recall": 1.0, "f1": 0.8,
                                                "predicted": 3, "gold": 1}
    assert rep.categories["plan.contingency"]["f1"] == 1.0
    assert "person.first" not in rep.categories and "readability.grade" not in rep.categories
    assert rep.unscored == {"person.first": {"RL101"}, "readability.grade": {"RL501"}}
    assert rep.micro["predicted"] == 5 and rep.micro["gold"] == 3
    assert rep.rules["RL999"]["recall"] == 1.0
    assert [e.span.start for e in rep.false_positives] == [20]


def test_context_is_one_line_with_the_span_marked():
    text = "First line.\nSecond line with the word placement in it.\nThird."
    s = text.index("placement")
    assert ev.context(text, ev.Span("language.jargon", s, s + 9)) == \
        "Second line with the word [[placement]] in it."
    assert ev.line_col(text, s) == (2, s - 12 + 1)
