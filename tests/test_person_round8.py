"""Round 8 person classes (RL103) in records written to the child: who a pronoun object can mean,
the child written about as "the student", "the pupil" or "baby". Invented sentences."""
from __future__ import annotations

import pytest

from conftest import findings_of

KAI = {"name": "Kai", "pronouns": "he/him"}


def third(linter, text, doc_type="care_plan", child=KAI):
    return [t for _, _, t in findings_of(linter, text, doc_type, child, category="person.third")]


# --- a pronoun object never means the subject of its own clause (binding) ---------------------------------
@pytest.mark.parametrize("text, expected", [
    # "him" is not the father, who threatens to take him: it is Kai
    ("You have moved a lot and Kai's father has threatened to take him from school.", ["Kai", "him"]),
    ("Kai's dad talked with him about the move.", ["Kai", "him"]),
])
def test_an_object_pronoun_skips_its_own_clauses_subject(linter, text, expected):
    assert third(linter, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("You will see Dad on Saturdays. Dad said he will bring his dog with him.", []),   # him: Dad
    ("Your uncle Tom rang. Tom said Kai could stay with him at half term.", ["Kai"]),   # him: Tom, not Kai
])
def test_an_object_pronoun_still_means_someone_else_when_the_text_says_so(linter, text, expected):
    assert third(linter, text, "review_record") == expected
