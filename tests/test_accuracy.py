"""Accuracy floors on the labelled records: a rule change that costs accuracy fails here.

dev.jsonl (../shared/corpus) was used to tune the rules; heldout.jsonl (tests/fixtures) was
written and labelled independently of them, so its floors are the ones that say the rules
generalise. public.jsonl (tests/fixtures) is real public text (council pages written to children,
published example records, case-study excerpts), labelled before the rules were tuned on it
(issue 11). The scoring is score.py's (tests/test_evaluate.py checks that evaluate agrees).
"""
from pathlib import Path

import pytest

from recordlint.evaluate import evaluate

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "corpus" / "dev.jsonl"
HELDOUT = HERE / "fixtures" / "heldout.jsonl"
PUBLIC = HERE / "fixtures" / "public.jsonl"

# The issues ask for F1 >= 0.85 per category (0.90 for contingency and voice) and a micro-F1
# >= 0.88 on dev. Held-out floors sit a little under today's numbers (README, Accuracy).
DEV_FLOORS = {"person.first": 0.85, "person.second": 0.85, "person.third": 0.85, "language.jargon": 0.85,
              "language.blaming": 0.85, "plan.timescale": 0.85, "plan.specific": 0.85,
              "plan.contingency": 0.90, "voice.child": 0.90, "micro": 0.88}
HELDOUT_FLOORS = {"person.first": 0.90, "person.second": 0.90, "person.third": 0.90, "language.jargon": 0.90,
                  "language.blaming": 0.85, "plan.timescale": 0.90, "plan.specific": 0.85,
                  "plan.contingency": 0.80, "voice.child": 0.80, "micro": 0.93}


# Issue 11: no category below 0.95 on dev, every category >= 0.85 on held-out records; on real
# text micro-F1 >= 0.85 and RL301 precision >= 0.70. Public per-category floors sit a little under
# today's numbers (README, Accuracy); blaming has only 9 labels there, so its floor is loose.
DEV_ISSUE11 = 0.95
HELDOUT_ISSUE11 = 0.85
PUBLIC_FLOORS = {"person.first": 0.95, "person.second": 0.90, "person.third": 0.80, "language.jargon": 0.75,
                 "language.blaming": 0.60, "plan.timescale": 0.85, "plan.specific": 0.75,
                 "plan.contingency": 0.90, "voice.child": 0.90, "micro": 0.85}


def f1_by_category(linter, path):
    _, report = evaluate(linter, path)
    return {**{c: row["f1"] for c, row in report.categories.items()}, "micro": report.micro["f1"]}


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev.jsonl not present")
def test_dev_set_meets_the_issue_targets(linter):
    got = f1_by_category(linter, DEV)
    assert {c: got[c] for c in DEV_FLOORS if got[c] < DEV_FLOORS[c]} == {}


def test_held_out_set_meets_its_floors(linter):
    got = f1_by_category(linter, HELDOUT)
    assert {c: got[c] for c in HELDOUT_FLOORS if got[c] < HELDOUT_FLOORS[c]} == {}


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev.jsonl not present")
def test_no_dev_category_below_095(linter):
    got = f1_by_category(linter, DEV)
    assert {c: f for c, f in got.items() if f < DEV_ISSUE11} == {}


def test_every_held_out_category_at_least_085(linter):
    got = f1_by_category(linter, HELDOUT)
    assert {c: f for c, f in got.items() if f < HELDOUT_ISSUE11} == {}


def test_public_real_text_meets_its_floors(linter):
    _, report = evaluate(linter, PUBLIC)
    got = {**{c: row["f1"] for c, row in report.categories.items()}, "micro": report.micro["f1"]}
    assert {c: got[c] for c in PUBLIC_FLOORS if got[c] < PUBLIC_FLOORS[c]} == {}
    assert report.rules["RL301"]["precision"] >= 0.70


# public-holdout.jsonl: 31 more passages of real public text from other sources, labelled by the
# same labeller and kept from the people who tuned the rules (issue 11). First scored after that
# tuning: micro-F1 0.788 (0.549 before it). Its errors then showed four general classes that were
# fixed with tests of their own, so it is no longer entirely unseen. Its floors sit under today's.
HOLDOUT = HERE / "fixtures" / "public-holdout.jsonl"


# Issue 11 (behaviour labels, "not complying", sourced care-system terms; none copied from it) took it
# from 0.835 to 0.874: blaming 0.462 -> 0.947 (10 labels, so its floor is loose), jargon 0.776 -> 0.829;
# with RL103's reading of "they" and placeholders (person.third 0.808 -> 0.924) it is at 0.894; after the
# third round (plan steps, jargon, the child's voice) 0.935.
HOLDOUT_FLOORS = {"language.blaming": 0.80, "language.jargon": 0.80, "micro": 0.91}


def test_public_holdout_keeps_its_floor(linter):
    _, report = evaluate(linter, HOLDOUT)
    got = {**{c: row["f1"] for c, row in report.categories.items()}, "micro": report.micro["f1"]}
    assert {c: got[c] for c in HOLDOUT_FLOORS if got[c] < HOLDOUT_FLOORS[c]} == {}


# public-plans.jsonl: 40 passages of real public text about plans (procedures, guidance, explainers,
# safety plans, minutes, a case-review action plan), labelled before any run. The first 35 were then tuned
# on for RL301 and RL302 (issue 11); the last 5 (minutes) were kept back. Real steps are few there
# (7 steps); what it measures is mostly the warnings on descriptions of the process, rules and guidance:
# 24 RL301 and 16 RL302 findings before, 6 and 6 after the second round, 2 and 1 (all right) after the third.
PLANS = HERE / "fixtures" / "public-plans.jsonl"


def test_public_plans_keeps_its_floor(linter):
    _, report = evaluate(linter, PLANS)
    assert report.micro["f1"] >= 0.79
    assert report.rules["RL301"]["predicted"] <= 4 and report.rules["RL302"]["predicted"] <= 4
    assert report.rules["RL301"]["recall"] >= 0.33 and report.rules["RL302"]["recall"] >= 0.2


# Real-text sets with a floor on micro-F1 and on RL301 precision (file, micro-F1, RL301 precision):
#
# public-unseen.jsonl: 48 passages of real public text from pages used in no other set, labelled
# from GUIDELINES.md before any recordlint run and kept from everyone tuning the rules (issue 11's
# "real text it has never seen"). Micro-F1 0.722 when first run, 0.755 after the second round. In the
# third round its errors were studied and general fixes made (0.906), so it overstates now.
#
# public-fresh.jsonl: 44 passages, 388 labels, labelled before any run; scored blind at the start of the
# third round (0.816), then studied (0.944 now): it overstates too.
#
# public-fresh2.jsonl: 34 passages, 152 labels (56 of them plan steps), labelled before any run and kept
# unseen through round 3 (0.589 at its start, 0.662 at its end). Opened for study in round 4 (0.916 then, 0.924 now):
# it overstates too.
#
# public-fresh3.jsonl: 58 passages, 370 labels (94 of them on plan steps), labelled before any run; scored
# blind at the start of round 4 (micro-F1 0.645, RL301 precision 0.391 on 23 findings), then studied
# (0.720 and 0.857 at the end of round 4; 0.791 and 0.933 after round 5).
#
# public-fresh4.jsonl: 50 passages, 297 labels (80 of them on plan steps), labelled after public-fresh3 was
# opened and kept unseen: its scores were read at the start and the end of round 4, its errors never.
# Micro-F1 0.640 at the start of round 4, 0.651 at its end; RL301 precision 0.526 -> 0.537. Opened for study
# in round 5 (0.789 and 0.941 now): it overstates too.
#
# public-fresh5.jsonl (52 passages, 322 labels) and public-fresh6.jsonl (48 passages, 243 labels): labelled
# in round 5 and kept unseen: scores read at the start and the end of round 5, errors never. These are the
# figures for real text nobody tuned on. Micro-F1 0.734 -> 0.739 and 0.737 -> 0.733; RL301 precision
# 0.689 -> 0.711 and 0.471 -> 0.517. Opened for study in round 6 (0.783 / 0.756 and 0.825 / 0.714 now): they
# overstate too.
#
# public-fresh7.jsonl (48 passages, 345 labels) and public-fresh8.jsonl (46 passages, 392 labels): labelled in
# round 6 by two labellers each, the differences settled by a third (agreement-fresh7-*.jsonl,
# ADJUDICATION-FRESH7.md), and kept unseen: scores read only at the end of round 6 (on the round-5 code and on
# round 6's), errors never. These are the figures for real text nobody tuned on: micro-F1 0.668 -> 0.668 and
# 0.647 -> 0.644; RL301 precision 0.656 -> 0.636 and 0.154 -> 0.154 (2 of 13). Issue 11's targets (0.85 and
# 0.70) are not met on them. Opened for study in round 7 (0.781 / 0.784 and 0.703 / 0.556 now): they overstate too.
#
# public-fresh9.jsonl (50 passages, 411 labels): labelled in round 7 the same way (agreement-fresh9-*.jsonl,
# ADJUDICATION-FRESH9.md) and kept unseen: scores read only at the end of round 7 (on the round-6 code and on
# round 7's); its errors were read once after that. Micro-F1 0.658 -> 0.662; RL301 precision 0.385 -> 0.407
# (11 of 27). Opened for study in round 8 (0.818 / 0.806 now): it overstates too.
#
# public-fresh10.jsonl (35 passages, 257 labels) and public-fresh11.jsonl (40 passages, 307 labels): labelled
# the same way at the end of round 7 and the start of round 8 (agreement-fresh10-*.jsonl, -fresh11-*.jsonl,
# ADJUDICATION-FRESH10.md, -FRESH11.md) and kept unseen: scores read only at the end of round 8 (on the
# round-7 code and on round 8's). These are the figures for real text nobody tuned on: micro-F1 0.593 -> 0.589
# and 0.707 -> 0.708; RL301 precision 0.444 -> 0.400 (4 of 10) and 0.467 -> 0.500 (7 of 14). Opened for study in round 9
# (0.639 / 0.571 and 0.801 / 0.774 now): they overstate too.
#
# public-fresh12.jsonl (44 passages, 213 labels) and public-fresh13.jsonl (44 passages, 310 labels): labelled
# the same way at the start of round 9 (agreement-fresh12-*.jsonl, -fresh13-*.jsonl, ADJUDICATION-FRESH12.md,
# -FRESH13.md) and kept unseen: scores read only at the end of round 9 (on the round-8 code and on round 9's).
# Micro-F1 0.621 -> 0.645 and 0.726 -> 0.725; RL301 precision 0.000 -> 0.071 (1 of 14) and 0.167 -> 0.167
# (1 of 6): the floors sit under today's figures, far under issue 11's targets.
REAL_TEXT_FLOORS = [
    ("public-unseen.jsonl", 0.90, 0.90),
    ("public-fresh.jsonl", 0.92, 0.90),
    ("public-fresh2.jsonl", 0.90, 0.90),
    ("public-fresh3.jsonl", 0.76, 0.88),
    ("public-fresh4.jsonl", 0.76, 0.88),
    ("public-fresh5.jsonl", 0.76, 0.72),
    ("public-fresh6.jsonl", 0.80, 0.68),
    ("public-fresh7.jsonl", 0.76, 0.76),
    ("public-fresh8.jsonl", 0.68, 0.50),
    ("public-fresh9.jsonl", 0.80, 0.78),
    ("public-fresh10.jsonl", 0.57, 0.35),
    ("public-fresh11.jsonl", 0.69, 0.45),
    ("public-fresh12.jsonl", 0.62, 0.05),
    ("public-fresh13.jsonl", 0.70, 0.15),
]


@pytest.mark.parametrize("name, micro_floor, rl301_precision_floor", REAL_TEXT_FLOORS)
def test_real_text_set_keeps_its_floor(linter, name, micro_floor, rl301_precision_floor):
    _, report = evaluate(linter, HERE / "fixtures" / name)
    assert report.micro["f1"] >= micro_floor
    assert report.rules["RL301"]["precision"] >= rl301_precision_floor
