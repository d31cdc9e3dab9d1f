"""benchmarks/agreement.py --differences: the labels two labellers gave a passage, matched as score.py matches
them (same category, overlapping spans; document labels by category), on invented passages."""
import importlib.util
import json
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "agreement.py"
_SPEC = importlib.util.spec_from_file_location("agreement", _PATH)
agreement = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(agreement)

TEXT = "Mum failed to attend the LAC review. Jo will ring the school. Kai said he likes his new room."


def _write(path: Path, findings: list[dict], rid: str = "x1") -> str:
    rec = {"id": rid, "doc_type": "case_note", "child": {"name": "Kai", "pronouns": "he/him"}, "meta": {},
           "source": "invented", "text": TEXT, "findings": findings}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return str(path)


def test_differences_lists_agreed_and_each_labellers_own_labels(tmp_path):
    first = _write(tmp_path / "a.jsonl", [
        {"category": "language.jargon", "quote": "LAC review"},
        {"category": "language.blaming", "quote": "failed to attend"},
        {"category": "plan.timescale", "quote": "Jo will ring the school."}])
    second = _write(tmp_path / "b.jsonl", [
        {"category": "language.jargon", "quote": "LAC"},                     # overlaps "LAC review": agreed
        {"category": "plan.specific", "quote": "Jo will ring the school."},  # same words, other category
        {"category": "voice.child", "doc": True}])
    assert agreement.differences(first, second) == [
        "== x1 (case_note)",
        "  AGREED      language.jargon    'LAC review' #1",
        "  FIRST-ONLY  language.blaming   'failed to attend' #1",
        "  FIRST-ONLY  plan.timescale     'Jo will ring the school.' #1",
        "  SECOND-ONLY plan.specific      'Jo will ring the school.' #1",
        "  SECOND-ONLY voice.child        (document)",
    ]


def test_differences_of_the_same_labels_are_all_agreed_and_other_passages_are_counted(tmp_path):
    labels = [{"category": "language.jargon", "quote": "LAC"}, {"category": "voice.child", "doc": True}]
    first = tmp_path / "a.jsonl"
    _write(first, labels)
    with first.open("a", encoding="utf-8") as out:   # a passage the second labeller did not label
        out.write(json.dumps({"id": "x2", "doc_type": "case_note", "text": "Nothing.", "findings": []}) + "\n")
    second = _write(tmp_path / "b.jsonl", labels)
    assert agreement.differences(str(first), second) == [
        "== x1 (case_note)",
        "  AGREED      language.jargon    'LAC' #1",
        "  AGREED      voice.child        (document)",
        "(1 passages of the first file are not in the second: not compared)",
    ]
