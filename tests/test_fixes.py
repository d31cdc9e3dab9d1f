"""Suggested fixes: the person rewrite engine, applying edits, and `recordlint fix`."""
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from recordlint.cli import main
from recordlint.findings import Edit, Finding, Fix, Severity
from recordlint.fixes.apply import apply_edits, apply_fixes, choose_edits
from recordlint.fixes.grammar import at_sentence_start, plural_to_third_singular, third_singular_to_plural

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "tests" / "fixtures" / "rewrites-own.jsonl"
SHARED_PAIRS = ROOT.parent / "shared" / "corpus" / "rewrites.jsonl"


def rewrite(linter, text, doc_type, child, author=None, unsafe=False):
    findings = linter.lint(text, doc_type, child, fixes=True, author=author)
    return apply_fixes(text, [f for f in findings if f.category.startswith("person")], unsafe)[0]


# --- grammar ---------------------------------------------------------------------------------

@pytest.mark.parametrize("third, plural", [("enjoys", "enjoy"), ("has", "have"), ("is", "are"), ("was", "were"),
                                           ("does", "do"), ("goes", "go"), ("tries", "try"), ("watches", "watch"),
                                           ("misses", "miss"), ("uses", "use"), ("fixes", "fix")])
def test_agreement_tables_both_ways(third, plural):
    assert third_singular_to_plural(third) == plural
    if plural not in ("were",):
        assert plural_to_third_singular(plural) == third


def test_plural_form_is_not_a_third_singular():
    assert third_singular_to_plural("go") is None


def test_sentence_start_after_bullets_bars_and_full_stops():
    text = "Seen. she\n- I will\n12/02 | I rang\n03.09.25 - I saw\nand I - you"
    assert at_sentence_start(text, text.index("she"))
    assert at_sentence_start(text, text.index("I saw"))
    assert at_sentence_start(text, text.index("I will"))
    assert at_sentence_start(text, text.index("I rang"))
    assert not at_sentence_start(text, text.rindex("I"))
    assert not at_sentence_start(text, text.rindex("you"))  # a dash inside a sentence


# --- to the child (RL103) ----------------------------------------------------------------------

LEAH = {"name": "Leah", "pronouns": "she/her"}


def test_issue_example_verbs_agree(linter):
    text = "Leah enjoys her new school and she has made two friends."
    assert rewrite(linter, text, "care_plan", LEAH) == "You enjoy your new school and you have made two friends."


def test_other_peoples_pronouns_and_quotes_stay(linter):
    text = 'Leah\'s mum said she is proud. Leah said: "She is kind to me."'
    assert rewrite(linter, text, "care_plan", LEAH) == 'Your mum said she is proud. You said: "She is kind to me."'


def test_negation_contractions_and_reflexives(linter):
    text = "Leah doesn't like loud places and she isn't keen on the canteen. She makes lunch herself."
    assert rewrite(linter, text, "care_plan", LEAH) == (
        "You don't like loud places and you aren't keen on the canteen. You make lunch yourself.")


def test_clitic_s_is_or_has(linter):
    text = "Leah's been picked for the team and she's really excited."
    assert rewrite(linter, text, "care_plan", LEAH) == "You've been picked for the team and you're really excited."


def test_greeting_and_heading_names_stay(linter):
    text = "Dear Leah,\nLeah's Care Plan\nLeah goes to the youth club."
    assert rewrite(linter, text, "care_plan", LEAH) == "Dear Leah,\nLeah's Care Plan\nYou go to the youth club."


def test_binding_object_pronoun_is_not_the_subject(linter):
    # her is not Janet (she would be "herself"): it is the child.
    text = "Leah's carer, Janet, takes her to swimming. Janet says she is proud of Leah."
    assert rewrite(linter, text, "care_plan", LEAH) == (
        "Your carer, Janet, takes you to swimming. Janet says she is proud of you.")


def test_fix_is_safe_and_shared_by_the_sentence(linter):
    findings = linter.lint("Leah enjoys her new school.", "care_plan", LEAH, fixes=True)
    person = [f for f in findings if f.code == "RL103"]
    assert len(person) == 2 and all(f.fix is not None for f in person)
    assert person[0].fix == person[1].fix
    assert person[0].fix.applicability == "safe"
    assert [e.to_dict() for e in person[0].fix.edits] == [
        {"start": 0, "end": 4, "text": "You"}, {"start": 5, "end": 11, "text": "enjoy"},
        {"start": 12, "end": 15, "text": "your"}]


def test_no_fix_without_asking_and_json_unchanged(linter):
    findings = linter.lint("Leah enjoys her new school.", "care_plan", LEAH)
    assert all(f.fix is None for f in findings)
    assert all("fix" not in f.to_dict() for f in findings)


def test_clean_record_has_no_fixes(linter):
    findings = linter.lint("You enjoy your new school.", "care_plan", LEAH, fixes=True)
    assert [f for f in findings if f.fix is not None] == []


# --- into the third person (RL101, RL102) ------------------------------------------------------

def test_first_and_second_person_to_third(linter):
    text = "I rang Aoife after school. You told me you were worried about your test."
    child = {"name": "Aoife", "pronouns": "she/her"}
    assert rewrite(linter, text, "case_note", child) == (
        "The social worker rang Aoife after school. Aoife told the social worker she was worried about her test.")


def test_author_is_named_from_the_argument(linter):
    text = "I have asked Tom to update the plan. I'll review it on Friday."
    assert rewrite(linter, text, "supervision", {"name": "Jem", "pronouns": "they/them"}, author="the team manager") \
        == "The team manager has asked Tom to update the plan. The team manager will review it on Friday."


def test_singular_they_keeps_plural_verbs(linter):
    text = "You said you are keeping busy and you have started volunteering."
    assert rewrite(linter, text, "case_note", {"name": "Dani", "pronouns": "they/them"}) == (
        "Dani said they are keeping busy and they have started volunteering.")


def test_we_with_the_child_and_we_the_council(linter):
    child = {"name": "Jude", "pronouns": "he/him"}
    assert rewrite(linter, "Jude wanted to go, so we walked to the park and ate our lunch.", "visit_record", child) \
        == "Jude wanted to go, so the social worker and Jude walked to the park and ate their lunch."
    assert rewrite(linter, "Children's services agreed to pay, and we will fund his club.", "assessment", child) \
        == "Children's services agreed to pay, and the council will fund his club."


def test_vocative_names_who_is_addressed(linter):
    text = "Kirsty, you have done really well to build trust with Gemma."
    assert rewrite(linter, text, "supervision", {"name": "Gemma", "pronouns": "she/her"}) == (
        "Kirsty has done really well to build trust with Gemma.")


def test_unknown_child_name_is_unsafe(linter):
    findings = linter.lint("You told the social worker about school.", "case_note", None, fixes=True)
    fixes = [f.fix for f in findings if f.code == "RL102"]
    assert fixes and fixes[0].applicability == "unsafe"
    assert rewrite(linter, "You told the social worker about school.", "case_note", None) == \
        "You told the social worker about school."


# --- the rewrite pairs -----------------------------------------------------------------------

def _score(path, tmp_path):
    out = tmp_path / "pred.jsonl"
    r = CliRunner().invoke(main, ["fix", str(path), "--select", "person", "--format", "jsonl", "--out", str(out)])
    assert r.exit_code == 0, r.output
    pred = {json.loads(line)["id"]: json.loads(line)["rewrite"] for line in out.read_text().splitlines()}
    norm = lambda s: "\n".join(re.sub(r"[ \t]+", " ", x).strip() for x in s.split("\n")).strip()  # noqa: E731
    right = {"to_child": [0, 0], "to_third": [0, 0]}
    for line in Path(path).read_text().splitlines():
        g = json.loads(line)
        ok = norm(pred.get(g["id"], "")) in {norm(g["rewrite"]), *(norm(a) for a in g["also"])}
        right[g["direction"]][0] += ok
        right[g["direction"]][1] += 1
    return {k: a / b for k, (a, b) in right.items()}, sum(a for a, _ in right.values()) / sum(
        b for _, b in right.values())


def test_own_rewrite_pairs(tmp_path):
    per, overall = _score(OWN, tmp_path)
    assert overall >= 0.9 and min(per.values()) >= 0.85, per


@pytest.mark.skipif(not SHARED_PAIRS.exists(), reason="shared corpus not present")
def test_shared_rewrite_pairs(tmp_path):
    per, overall = _score(SHARED_PAIRS, tmp_path)
    assert overall >= 0.9 and min(per.values()) >= 0.85, per


# --- applying edits ------------------------------------------------------------------------------

def _finding(code, category, start, edits, applicability="safe"):
    return Finding(code=code, name="x", category=category, severity=Severity.warning, message="m",
                   start=start, end=start + 1, fix=Fix([Edit(*e) for e in edits], applicability, "d"))


def test_overlaps_resolved_deterministically_person_first():
    text = "YP is here."
    acronym = _finding("RL202", "language.jargon", 0, [(0, 2, "Young person (YP)")])
    person = _finding("RL103", "person.third", 0, [(0, 2, "You"), (3, 5, "are")])
    for order in ([acronym, person], [person, acronym]):
        edits, applied = choose_edits(order)
        assert applied == [person]
        assert apply_edits(text, edits) == "You are here."


def test_identical_edits_are_shared_and_unsafe_needs_asking():
    a = _finding("RL103", "person.third", 0, [(0, 2, "You")])
    b = _finding("RL103", "person.third", 3, [(0, 2, "You")])
    c = _finding("RL201", "language.jargon", 6, [(6, 10, "home")], "unsafe")
    assert apply_fixes("YP is here.", [a, b, c]) == ("You is here.", [Edit(0, 2, "You")])
    assert apply_fixes("YP is here.", [a, b, c], unsafe=True)[0] == "You is home."


# --- the command ---------------------------------------------------------------------------------

def test_fix_command_text_diff_and_never_the_input(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text("Leah enjoys her new school.\n")
    base = ["fix", str(p), "--doc-type", "care_plan", "--child-name", "Leah", "--child-pronouns", "she/her"]
    r = CliRunner().invoke(main, base)
    assert r.exit_code == 0 and r.output == "You enjoy your new school.\n"
    r = CliRunner().invoke(main, base + ["--diff"])
    assert "-Leah enjoys her new school.\n+You enjoy your new school.\n" in r.output
    r = CliRunner().invoke(main, base + ["--out", str(p)])
    assert r.exit_code == 2 and "never changes its input" in r.output and "Traceback" not in r.output
    assert p.read_text() == "Leah enjoys her new school.\n"


def test_fix_command_jsonl_remaining_and_select(tmp_path):
    p = tmp_path / "recs.jsonl"
    p.write_text(json.dumps({"id": "a", "doc_type": "care_plan", "child": LEAH, "author": "the IRO",
                             "text": "Leah enjoys her placement."}) + "\n")
    r = CliRunner().invoke(main, ["fix", str(p), "--select", "person", "--format", "jsonl"])
    row = json.loads(r.output)
    assert row["id"] == "a" and row["rewrite"] == "You enjoy your placement."
    assert [e["text"] for e in row["edits"]] == ["You", "enjoy", "your"]
    assert row["remaining"] == []  # only the selected kinds are reported
    r = CliRunner().invoke(main, ["fix", str(p), "--select", "nonsense"])
    assert r.exit_code == 2 and "not a rule code or category" in r.output


# --- words (RL202, RL201) and explain -----------------------------------------------------------

def test_acronym_spelled_out_on_first_use_only(linter):
    text = "Kayla's IRO rang today. The IRO will visit on Friday."
    findings = linter.lint(text, "case_note", {"name": "Kayla", "pronouns": "she/her"}, fixes=True)
    fixes = [f.fix for f in findings if f.code == "RL202"]
    assert fixes[0].applicability == "safe"
    assert [e.to_dict() for e in fixes[0].edits] == [
        {"start": 8, "end": 11, "text": "Independent Reviewing Officer (IRO)"}]
    assert all(fx is None for fx in fixes[1:])
    assert apply_fixes(text, findings)[0] == (
        "Kayla's Independent Reviewing Officer (IRO) rang today. The IRO will visit on Friday.")


def test_unknown_acronym_has_no_fix(linter):
    findings = linter.lint("The QWZ team rang.", "case_note", None, fixes=True)
    assert [(f.code, f.fix) for f in findings if f.code == "RL202"] == [("RL202", None)]


def test_jargon_drop_in_is_unsafe_and_never_second_person_in_third_person_records(linter):
    child = {"name": "Kayla", "pronouns": "she/her"}
    findings = linter.lint("Kayla has contact with her mum every Saturday.", "case_note", child, fixes=True)
    (jargon,) = [f for f in findings if f.code == "RL201"]
    assert jargon.fix.applicability == "unsafe" and jargon.fix.edits[0].text == "family time"
    assert apply_fixes("Kayla has contact with her mum every Saturday.", findings)[0] == \
        "Kayla has contact with her mum every Saturday."
    text = "The council holds Kayla's placing authority duties."
    findings = linter.lint(text, "case_note", child, fixes=True)
    assert [f.fix for f in findings if f.code == "RL201"] == [None]  # "the council that looks after you"
    findings = linter.lint("Your placement is going well.", "care_plan", child, fixes=True)
    assert [f.fix.edits[0].text for f in findings if f.code == "RL201"] == ["home"]


def test_explain_says_how_a_rule_fixes():
    r = CliRunner().invoke(main, ["explain", "RL202"])
    assert "Fix: safe: spelled out on first use" in r.output
    r = CliRunner().invoke(main, ["explain", "RL211"])
    assert "Fix: none" in r.output


def test_author_from_the_config_and_roles(tmp_path):
    from recordlint import Linter
    from recordlint.errors import ConfigError
    from recordlint.fixes import author_for_role

    cfg = tmp_path / "recordlint.yaml"
    cfg.write_text("fixes:\n  author: the IRO\n  roles:\n    TM: the team manager\n")
    lin = Linter(config_path=str(cfg))
    assert rewrite(lin, "I rang Kayla.", "case_note", {"name": "Kayla", "pronouns": "she/her"}) == "The IRO rang Kayla."
    assert author_for_role(lin.config, "tm") == "the team manager"
    assert author_for_role(lin.config, "Personal Adviser") == "the personal adviser"
    assert author_for_role(lin.config, "") is None
    cfg.write_text("fixes:\n  writer: me\n")
    with pytest.raises(ConfigError, match="fixes"):
        Linter(config_path=str(cfg))
