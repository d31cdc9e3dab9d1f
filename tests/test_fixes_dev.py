"""Every dev record rewritten with all its safe fixes, then checked again."""
import json
from collections import Counter
from pathlib import Path

import pytest

from recordlint.fixes.apply import apply_edits, choose_edits

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev.jsonl"


def unchanged_outside(before: str, after: str, edits) -> bool:
    """Every stretch of ``before`` between the edits is in ``after``, where it should be, and
    nothing else was added: the text changed only inside the edits."""
    pos, shift = 0, 0
    for e in sorted(edits, key=lambda e: e.start):
        if after[pos + shift:e.start + shift] != before[pos:e.start]:
            return False
        shift += len(e.text) - (e.end - e.start)
        pos = e.end
    return after[pos + shift:] == before[pos:] and len(after) == len(before) + shift


@pytest.mark.skipif(not DEV.exists(), reason="shared corpus not present")
def test_safe_fixes_on_the_dev_set(linter):
    person_before = person_after = 0
    for line in DEV.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        findings = linter.lint(d["text"], d["doc_type"], d["child"], fixes=True)
        edits, _ = choose_edits(findings)  # safe fixes only
        new = apply_edits(d["text"], edits)
        again = linter.lint(new, d["doc_type"], d["child"])
        person_before += sum(f.category.startswith("person") for f in findings)
        person_after += sum(f.category.startswith("person") for f in again)
        was = Counter(f.category for f in findings if not f.category.startswith("person"))
        now = Counter(f.category for f in again if not f.category.startswith("person"))
        assert not (now - was), (d["id"], now - was)
        assert unchanged_outside(d["text"], new, edits), d["id"]
    assert person_before > 100
    assert person_after <= 0.05 * person_before, (person_before, person_after)
