"""RL212 blaming-judgement: a person judged through grammar ("failed to" + a duty, an evaluative
word said of a person or their home). The words are sourced in rules/lexicon/judgements.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import findings_of
from recordlint.lexicon import load_lexicon

B = "language.blaming"
LEXICON = Path(__file__).resolve().parent.parent / "rules" / "lexicon"


def judged(linter, text, doc_type="case_note", child=None):
    return [(code, t) for code, _, t in findings_of(linter, text, doc_type, child, category=B)]


# --- "failed to" + a duty, with a person as subject ----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Mum failed to provide meals for the children.", [("RL212", "failed to provide")]),
    ("Dad has failed to put boundaries in place.", [("RL212", "failed to put")]),
    ("She failed to keep the baby's appointments.", [("RL212", "failed to keep")]),
    ("The parents, who failed to protect him, now live apart.", [("RL212", "failed to protect")]),
    ("Dad's failure to protect the children is a worry.", [("RL212", "failure to protect")]),
    # RL211 already flags "failed to engage": one finding, not two
    ("Mum failed to engage with the service.", [("RL211", "failed to engage")]),
])
def test_failed_to_with_a_person_is_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "The bus failed to arrive, so the visit was moved.",
    "The school failed to send the report on time.",
    "He failed to pass his driving test in May.",          # an outcome, not a duty
    "Mum said Dad failed to pick her up on Friday.",        # her account
    "The referral failed to reach the team.",
])
def test_failed_to_without_a_person_or_duty_is_clean(linter, text):
    assert judged(linter, text) == []


# --- an evaluative word said of a person or their home -------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Dad was drunk when the social worker arrived.", [("RL212", "drunk")]),
    ("Dad drunk on arrival.", [("RL212", "drunk")]),
    ("Mother is a terrible parent.", [("RL212", "terrible parent")]),
    ("The flat was squalid.", [("RL212", "squalid")]),
    ("The home was filthy and squalid.", [("RL212", "filthy"), ("RL212", "squalid")]),
    ("Home conditions filthy.", [("RL212", "filthy")]),
    ("He is a habitual offender.", [("RL212", "habitual offender")]),
    ("He was abusive to officers at the station.", [("RL212", "abusive to officers")]),
    ("Mum, a heavy drinker, was asleep on the sofa.", [("RL212", "heavy drinker")]),
    ("Mum isn't coping.", [("RL212", "isn't coping")]),
    ("Mother not coping.", [("RL212", "not coping")]),
    ("Dad doesn't care about the children.", [("RL212", "doesn't care")]),
    ("Kayla is making poor choices.", [("RL212", "making poor choices")]),
    ("Mum was spurning concerns raised by the school.", [("RL212", "spurning concerns")]),
    # a labelling phrase a safeguarding partnership gives as victim blaming (Durham SCP)
    ("They make poor relationship choices.", [("RL212", "poor relationship choices")]),
])
def test_judgement_of_a_person_or_home_is_flagged(linter, text, expected):
    assert judged(linter, text, child={"name": "Kayla"}) == expected


@pytest.mark.parametrize("text", [
    "Dad was arrested on Friday.",                          # plain facts
    "The home had no heating and the windows were broken.",
    "Dad was not drunk.",                                   # negated
    "Dad had drunk four cans before the visit.",            # a verb, not a label
    "A filthy mattress was in the garden.",                 # a thing, described
    "The weather was terrible.",
    "Kayla felt awful after the call.",                     # her feeling
    "Mum said she was not coping with the baby's crying.",  # her account
    "Kayla said she doesn't care about the phone.",
    "He goes to the Youth Offending Team every week.",      # a service name
    'Mum said: "He is lazy and a troublemaker."',           # quoted speech
])
def test_facts_accounts_and_things_are_clean(linter, text):
    assert judged(linter, text, child={"name": "Kayla"}) == []


def test_judgement_message_and_suggestion_do_not_quote_the_record(linter):
    f = [f for f in linter.lint("Dad was drunk.", "case_note") if f.code == "RL212"][0]
    assert "drunk" not in f.message and f.suggestion


def test_no_model_no_judgement(fast_linter):
    assert judged(fast_linter, "Dad was drunk.") == []


def test_every_judgement_entry_has_a_source_and_an_alternative():
    terms = load_lexicon(LEXICON / "judgements.yaml")
    assert len(terms) >= 10
    for t in terms:
        assert t.source.startswith("http"), t.term
        assert t.alternatives, t.term
