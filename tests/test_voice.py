"""RL401 voice.child: the child's wishes, feelings or words."""
from __future__ import annotations

import pytest

from conftest import findings_of
from recordlint import Linter
from recordlint.config import load_config

VOICE = "voice.child"
KAI = {"name": "Kai Smith", "age": 9, "pronouns": "he/him"}
MIA = {"name": "Mia", "age": 15, "pronouns": "she/her"}


def flagged(linter, text, doc_type, child):
    return bool(findings_of(linter, text, doc_type, child, category=VOICE))


@pytest.mark.parametrize("text,doc_type,child", [
    ("Home visit. Kai showed me his room. He told me he likes his new bed.", "visit_record", KAI),
    ("Home visit. Mia said she wants to stay at home.", "visit_record", MIA),
    ('Home visit. "I like my room," said Mia.', "visit_record", MIA),
    ("Home visit. The young person told me she is happy at school.", "visit_record", MIA),
    ("Wishes and feelings: Mia would like to see her brother every week.", "assessment", MIA),
    ("Views of the child\nMia wants to stay with her nan and feels safe there.", "assessment", MIA),
    ("This is your plan.\n\nYou told me you want to play football.", "care_plan", MIA),
    ("This is your plan.\nMy views: I want to live with my nan.", "care_plan", MIA),
    ("Dear Mia, this is your review.\nYou said: \"I don't want to move.\"", "review_record", MIA),
    ("This is your pathway plan. You are worried about the fitness test.", "pathway_plan", MIA),
])
def test_voice_present(linter, text, doc_type, child):
    assert not flagged(linter, text, doc_type, child)


@pytest.mark.parametrize("text,doc_type,child", [
    ("Home visit. Mum said she is tired. She wants more help.", "visit_record", KAI),
    ("Home visit. Mia was at school. Mum said she wants more help.", "visit_record", MIA),
    ("Home visit. Mia's mum said the house is calm.", "visit_record", MIA),
    ("This is your plan.\nYou go to school every day.\nYour mum said you are doing well.", "care_plan", MIA),
    ("Dear Mia,\nMrs Aziz said you can now write your name. Denise says you help her bake.", "review_record", MIA),
    ("Statutory visit. Kai seen alone in his room. Room clean and tidy.\n\nSW to visit again by 02/04/2026.",
     "visit_record", KAI),
])
def test_voice_missing(linter, text, doc_type, child):
    found = findings_of(linter, text, doc_type, child, category=VOICE)
    assert found == [("RL401", VOICE, None)]


def test_voice_is_a_document_finding_with_the_childs_name(linter):
    found = [f for f in linter.lint("Home visit. Room tidy.", "visit_record", KAI) if f.category == VOICE]
    assert found[0].doc and "Kai" in found[0].message


@pytest.mark.parametrize("doc_type", ["case_note", "chronology", "supervision"])
def test_not_required_in_other_doc_types(linter, doc_type):
    assert not flagged(linter, "Phone call with school. Attendance 95%.", doc_type, KAI)


def test_doc_types_are_config(tmp_path):
    cfg = tmp_path / "recordlint.yaml"
    cfg.write_text("extends: default\nrules:\n  RL401:\n    doc_types: [case_note]\n", encoding="utf-8")
    linter = Linter(config=load_config(str(cfg), search=False))
    assert findings_of(linter, "Phone call with school. Attendance 95%.", "case_note", KAI, category=VOICE)
    assert not findings_of(linter, "Home visit. Room tidy.", "visit_record", KAI, category=VOICE)


def test_rule_examples_are_correct(linter):
    from recordlint.checks import voice

    for cls in voice.RULES:
        rule = cls()
        for ex in rule.examples:
            got = [f for f in linter.lint(ex.text, ex.doc_type, ex.child) if f.code == rule.code]
            assert bool(got) == ex.flagged, (rule.code, ex.text)


def test_missed_school_is_not_the_childs_voice(linter):
    text = ("Dear Matilda,\n\nThis is the record of your review. Mandy said you are sleeping well.\n"
            "You have missed 9 days of school.")
    found = [c for _, c, _ in findings_of(linter, text, "review_record", {"name": "Matilda"}, category="voice.child")]
    assert found == ["voice.child"]
    text2 = "Dear Matilda,\n\nYou missed your mum when she was in hospital."
    assert findings_of(linter, text2, "review_record", {"name": "Matilda"}, category="voice.child") == []


# --- issue 11: pronouns inferred, reported and indirect voice, a pronoun column in batch ---------
@pytest.mark.parametrize("text,child", [
    ("Kayla is 9. She told me she misses her dad.", {"name": "Kayla"}),         # no pronouns given
    ("Leo is 7. He asked why he cannot go home yet.", {"name": "Leo"}),          # a question he asked
    ("Leo is 7. He was worried about his mum.", {"name": "Leo"}),               # a feeling he had
    ("Leo expressed sadness about the move.", {"name": "Leo"}),                  # indirect voice
    ("Leo talked about his new bike.", {"name": "Leo"}),
    ("Visited Sam at school. They reported feeling safe at home.", {"name": "Sam", "pronouns": "they/them"}),
    ("Visited Sam at school. They reported feeling safe at home.", {"name": "Sam"}),
])
def test_reported_voice_and_inferred_pronouns_count(linter, text, child):
    assert not flagged(linter, text, "visit_record", child)


@pytest.mark.parametrize("text,child", [
    ("Visited Kayla at home. Mum was present. She told me she misses her dad.", {"name": "Kayla"}),
    ("Leo lives with Mum. She said he is doing well at school.", {"name": "Leo"}),
    ("Visited Sam at school. The teacher said he is doing well.", {"name": "Sam", "pronouns": "he/him"}),
])
def test_someone_elses_words_are_not_the_childs_voice(linter, text, child):
    assert flagged(linter, text, "visit_record", child)


def test_infer_pronouns_from_how_the_record_refers_back():
    from recordlint.checks.voice import infer_pronouns, voice_phrases

    others = voice_phrases().others
    assert infer_pronouns("Kayla is 9. She likes school. Kayla has a cat; her cat is old.", "Kayla", others) == {"she"}
    assert infer_pronouns("Sam is 12. They like art.", "Sam", others) == {"they"}
    assert infer_pronouns("Leo lives with Mum. She works nights.", "Leo", others) == set()   # Mum came first
    assert infer_pronouns("Leo is 7.", "Leo", others) == set()


def test_batch_pronoun_column_and_inference(tmp_path):
    import csv
    import json

    from click.testing import CliRunner

    from recordlint.cli import main

    src = tmp_path / "export.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Ref", "Form", "Name", "Who", "Note"])
        text = "Home visit. Robin is 12. They said the new school is fine."
        w.writerow(["A1", "Home Visit", "Robin", "they/them", text])
        w.writerow(["A2", "Home Visit", "Robin", "he/him", text])    # the column wins: "they" is not Robin
        w.writerow(["A3", "Home Visit", "Robin", "", text])          # no pronouns given: inferred
        w.writerow(["A4", "Home Visit", "Kayla", "", "Kayla is 9. She told me she misses her dad."])
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(main, ["batch", str(src), "--out", str(out), "--id-column", "Ref",
                                    "--text-column", "Note", "--type-column", "Form",
                                    "--child-name-column", "Name", "--child-pronouns-column", "Who"])
    assert res.exit_code in (0, 1), res.output
    got = {r["id"]: {f["code"] for f in r["findings"]} for r in map(json.loads, open(out, encoding="utf-8"))}
    assert "RL401" not in got["A1"]     # the pronoun column says "they" is Robin
    assert "RL401" in got["A2"]         # the column says "he": "They said" is someone else
    assert "RL401" not in got["A3"]     # no pronouns: "They" inferred from "Robin is 12. They ..."
    assert "RL401" not in got["A4"]     # "She" inferred from "Kayla is 9. She ..."


# --- pages for any child, records written to the child whatever their type, no name given ---------
LEAFLET = ("What is a review?\n\nAt your review you can say what you think and what you want to happen. "
           "You will be asked about your wishes and feelings.")


def test_a_page_for_any_child_has_no_childs_voice(linter):
    assert flagged(linter, LEAFLET, "review_record", {})


@pytest.mark.parametrize("extra", [
    "\n\n'You should go to your review, it is about you and your views are heard,' a young person told us.",
    "\n\nWhen I first came into care I was scared, but now I feel safe.",
])
def test_a_young_persons_own_words_on_such_a_page_count(linter, extra):
    assert not flagged(linter, LEAFLET + extra, "review_record", {})


def test_a_visit_record_written_to_the_child_hears_you(linter):
    text = ("Name of child: Amy\n\nYou had not met me before, so you were unsure at first. "
            "You smiled when your nan came in and you wanted to show me your toys.")
    assert not flagged(linter, text, "visit_record", {"name": "Amy"})


def test_pronouns_without_a_name(linter):
    text = "Visit notes. [Child's name] was open during our talk. They reported feeling safe at home."
    assert not flagged(linter, text, "visit_record", {"pronouns": "they/them"})
    text2 = "Visit notes. Mum was open during our talk. They reported feeling safe at home."
    assert flagged(linter, text2, "visit_record", {"pronouns": "they/them"})


# Real records often give no name: the child is "the children", "the older child", "the 15-year-old"
# or a redacted label ("Child A"); and questions and feelings are reported in the progressive.
NO_CHILD: dict = {}
RHYS = {"name": "Rhys", "pronouns": "he/him"}


@pytest.mark.parametrize("text,child", [
    ("Home visit. The children reported feeling safe at home.", NO_CHILD),
    ("Home visit. The older child shared worries about Dad's drinking.", NO_CHILD),
    ("Home visit. The younger children talked about their new school.", NO_CHILD),
    ("Home visit. The boys are 9 and 15. The 15-year-old, who expressed feelings of isolation, goes to youth club.",
     NO_CHILD),
    ("Review of practice. Child A disclosed that Adult B hit her.", NO_CHILD),
    ("Home visit. Rhys was asking lots of questions about why he cannot see his dad.", RHYS),
    ("Home visit. Rhys, who said he likes his room, showed me his drawings.", RHYS),
])
def test_voice_of_an_unnamed_or_grouped_child(linter, text, child):
    assert not flagged(linter, text, "visit_record", child)


@pytest.mark.parametrize("text,child", [
    ("Home visit. The children were at school. Mum said the house is calm.", NO_CHILD),
    ("Home visit. The older child was asleep. Dad was asking about housing.", NO_CHILD),
    ("Review of practice. Adult B disclosed a history of violence.", NO_CHILD),
    ("Home visit. Rhys was at school. His teacher was asking for a meeting.", RHYS),
    ("Home visit. The 15-year-old was out; Mum, who said she is tired, asked for help.", NO_CHILD),
])
def test_no_voice_when_only_others_speak(linter, text, child):
    found = findings_of(linter, text, "visit_record", child, category=VOICE)
    assert found == [("RL401", VOICE, None)]


# A pronoun is the child's when the nearest person before it who could be called that is the child:
# "his foster carers" cannot be "he"; with no one named nearby, the same pronoun is followed back.
@pytest.mark.parametrize("text", [
    "Home visit. Kai lives with his foster carers. He told me he likes his room.",
    "Home visit. I have known Kai for years.\n\nWe get on well, but he is quiet about school. "
    "I know he finds maths hard, and once he talked to me a bit about this.",
])
def test_pronoun_voice_past_people_it_cannot_mean_and_back_along_the_same_pronoun(linter, text):
    assert not flagged(linter, text, "visit_record", KAI)


@pytest.mark.parametrize("text", [
    "Home visit. Kai was at school. His dad came home. He told me he is tired.",
    "Home visit. I have known Kai for years.\n\nHis uncle visited today. We get on well, but he is quiet. "
    "Once he talked to me about money.",
])
def test_pronoun_voice_of_someone_else_who_could_be_he(linter, text):
    found = findings_of(linter, text, "visit_record", KAI, category=VOICE)
    assert found == [("RL401", VOICE, None)]


def test_a_pronoun_with_a_clitic_is_followed_back_too(linter):
    # "she's" and "he'd": the pronoun is read without its clitic
    text = "Home visit. Mia is in Year 10. She's worried about her exams and she'd like help."
    assert not flagged(linter, text, "visit_record", MIA)
    assert not flagged(linter, "Home visit. I met Kai. He'd like to see his sister.", "visit_record", KAI)


# More ways records give the child's voice: their views by name, "according to", what they denied,
# admitted or voiced, and feelings ("was tearful").
@pytest.mark.parametrize("sentence", [
    "Kai's wishes are to stay with his nan.",
    "According to Kai, school is going well.",
    "Kai denied that anyone hurt him.",
    "Kai voiced concerns about moving.",
    "Kai gave his views on the new school.",
    "Kai was tearful when we talked about Dad.",
    "When I asked Kai about school, he shrugged.",
])
def test_more_forms_of_the_childs_voice(linter, sentence):
    assert not flagged(linter, "Home visit. " + sentence, "visit_record", KAI)


@pytest.mark.parametrize("sentence", [
    "Kai's mum's views are clear: she wants more help.",
    "Kai's dad was tearful about the move.",
    "We must make sure the child's views are heard at every visit.",   # guidance about any child
    "According to the school, Kai is doing well.",
])
def test_others_views_and_guidance_are_not_the_childs_voice(linter, sentence):
    found = findings_of(linter, "Home visit. " + sentence, "visit_record", KAI, category=VOICE)
    assert found == [("RL401", VOICE, None)]


# --- round 4: voice that earlier rules missed (classes seen on real text) ---------------------------
@pytest.mark.parametrize("text,doc_type,child", [
    # consecutive sentences that open with the same pronoun keep their subject, whoever they name later
    ("Mia is 15. Recently, she has had new clothes. She met Jess, the youth worker, at the club. "
     "She says her new friend is good to her.", "assessment", MIA),
    # "in his own words": what follows is the child's
    ("Kai is 9. Here is his story in his own words.\n\nWe moved a lot when I was small.", "assessment", KAI),
    # a first-person quotation by someone with foster carers of their own: a child in care
    ("\u201cWhen I first arrived my foster carers were kind and I felt much safer there.\u201d", "assessment", {}),
    # a plan in the child's own words: "I", the child's own family, no "you"
    ("My safety plan\nIf my mum is being hurt I will go to my room.\nI can phone my nan.", "care_plan", {}),
    ("Kai acknowledged that he had been angry at school.", "assessment", KAI),
])
def test_voice_present_round4(linter, text, doc_type, child):
    assert not flagged(linter, text, doc_type, child)


@pytest.mark.parametrize("text,doc_type,child", [
    # the sentence before opens with a different subject: "she" may be Jess
    ("Mia is 15. Jess, the youth worker, met her at the club. She says the club is busy.", "assessment", MIA),
    # "his own words" after his dad: the dad's words
    ("Kai is 9. His dad came to the meeting. Here is the story in his own words.\n\nWe moved a lot.",
     "assessment", KAI),
    # a first-person quotation with no carer or worker of the speaker's own
    ("\u201cWhen I first arrived my neighbours were kind and I felt much safer there.\u201d", "assessment", {}),
    # a worker's plan in the first person ("I will visit"), with no family of the writer's own
    ("I will visit Kai every month. I will refer him to the sleep clinic.", "care_plan", KAI),
    ("Kai knew that he had been angry at school.", "assessment", KAI),
])
def test_voice_missing_round4(linter, text, doc_type, child):
    assert findings_of(linter, text, doc_type, child, category=VOICE) == [("RL401", VOICE, None)]


@pytest.mark.parametrize("text,doc_type,child", [
    # a later predicate of the same subject, after "and" or a comma
    ("Kai is 9. He had moved school, was not sleeping and was worried that the boys were after him.",
     "assessment", KAI),
    ("Mia went to the meeting with her carer and said she wants to stay at the farm.", "assessment", MIA),
    # the children of a service a report is about
    ("The home was inspected in May. Young people told us that it was a good place to live.", "assessment", {}),
])
def test_voice_present_round5(linter, text, doc_type, child):
    assert not flagged(linter, text, doc_type, child)


@pytest.mark.parametrize("text,doc_type,child", [
    # the "and" joins the main clause's predicates: the dad asked, not Mia
    ("Her dad agreed that Mia needs the dental treatment and asked for a date.", "assessment", MIA),
    # a new clause inside: the people who care about her want to help
    ("Mia met several people who care about her and want to help.", "assessment", MIA),
    # another subject after the comma
    ("Kai is 9. When he lost his room, they still offered him a bed and wanted to help.", "assessment", KAI),
    ("The home was inspected in May. Staff told us that it was a good place to live.", "assessment", {}),
])
def test_voice_missing_round5(linter, text, doc_type, child):
    assert findings_of(linter, text, doc_type, child, category=VOICE) == [("RL401", VOICE, None)]


@pytest.mark.parametrize("text", [
    "This is your plan.\n\nIf you want to know more about the plan, ask Jo. We can meet wherever you feel safe.",
    "This is your plan.\n\nYou can bring someone to your meetings with you like a friend or your nan.",
    "This is your pathway plan.\n\nYour personal adviser is there to help you feel ready for living on your own.",
])
def test_you_in_a_condition_an_offer_or_as_an_object_is_not_the_childs_voice(linter, text):
    assert flagged(linter, text, "care_plan", MIA)


@pytest.mark.parametrize("text, doc_type", [
    ("This is your plan.\n\nYou told me you want to stay at your school.", "care_plan"),
    ("Home visit. When Mia feels upset she goes to her room and plays music.", "visit_record"),
])
def test_a_wish_told_and_a_feeling_of_the_child_still_count(linter, text, doc_type):
    assert not flagged(linter, text, doc_type, MIA)


@pytest.mark.parametrize("extra", [
    "\n\nChildren told the inspectors they felt safe in the home.",
    "\n\nA 12 year old told us the staff listen to her.",
    "\n\nA young person said the house rules were fair.",
])
def test_the_children_of_a_report_that_names_no_child_have_a_voice(linter, extra):
    report = "Inspection of a children's home\n\nThe home was inspected in May. Staff training was up to date."
    assert flagged(linter, report, "assessment", {})
    assert not flagged(linter, report + extra, "assessment", {})


@pytest.mark.parametrize("extra", [
    "\n\nChildren in her class said she is kind.",
    "\n\nA 12 year old at the club told staff she had seen Mia cry.",
])
def test_other_children_in_a_named_childs_record_are_not_the_childs_voice(linter, extra):
    record = "Home visit. Mia was seen with her mum. Her room was tidy."
    assert flagged(linter, record + extra, "visit_record", MIA)


def test_what_a_pages_children_told_its_writers_together_is_their_voice(linter):
    page = "Our promise to children in care\n\nThis page is for every child we look after.\n\n"
    assert flagged(linter, page + "Ask your social worker anything.", "care_plan", {})
    told = page + "You told us that having the same social worker for a long time matters most."
    assert not flagged(linter, told, "care_plan", {})


@pytest.mark.parametrize("extra", [
    "\n\nI met you at the library and I told you what my job is.",           # the writer telling the reader
    "\n\nWhat if I want to stay with my foster carers after I am 18?\nYou can ask your worker.",  # the page's question
])
def test_the_writer_and_the_pages_questions_are_not_a_young_persons_words(linter, extra):
    assert flagged(linter, LEAFLET + extra, "review_record", {})


# --- round 7: talking of something in a manner ("talks happily of", "spoke positively about") ---------
@pytest.mark.parametrize("text,child", [
    ("Leo has good memories of his old school, talks happily of his friends there.",
     {"name": "Leo", "pronouns": "he/him"}),
    ("Visited Mia. She spoke fondly of her nan.", MIA),
    ("Kai speaks of his dad most days.", KAI),
    ("Inspection of the centre. Children spoke positively about their care.", {}),
])
def test_talking_of_something_in_a_manner_is_the_childs_voice(linter, text, child):
    assert not flagged(linter, text, "assessment", child)


@pytest.mark.parametrize("text,child", [
    ("Visited Mia. Her mum spoke highly of the school.", MIA),
    ("Kai lives with his nan. The teacher talked positively about his reading.", KAI),
    ("The report speaks of progress at home for Leo.", {"name": "Leo", "pronouns": "he/him"}),
])
def test_someone_else_talking_of_something_is_not_the_childs_voice(linter, text, child):
    assert flagged(linter, text, "assessment", child)


# --- round 7: how the child finds something ("finds it difficult to go out") is a feeling of theirs -----
@pytest.mark.parametrize("text,child", [
    ("Mia looks after her brother and finds it difficult to go out with her friends.", MIA),
    ("Leo is 12. As an only child, he had found his dad's illness hard to cope with.",
     {"name": "Leo", "pronouns": "he/him"}),
    ("Kai is finding the new school scary.", KAI),
])
def test_how_the_child_finds_something_is_their_voice(linter, text, child):
    assert not flagged(linter, text, "assessment", child)


@pytest.mark.parametrize("text,child", [
    ("Mia lives with her mum. Her mum finds it difficult to get her to school.", MIA),
    ("A mother with three children was finding it difficult to get them to school.", {}),
    ("The worker found Kai difficult to reach on the phone.", KAI),
    ("Leo has a new bike. The teacher found his work hard to read.", {"name": "Leo", "pronouns": "he/him"}),
])
def test_how_someone_else_finds_something_is_not_the_childs_voice(linter, text, child):
    assert flagged(linter, text, "assessment", child)


def test_a_share_of_children_who_said_something_is_their_voice(linter):
    text = "Inspection of the centre. A minority of children said they felt lonely at weekends."
    assert not flagged(linter, text, "assessment", {})


# --- round 7: "you" in a relative clause or an indirect question tells no wish -------------------------
@pytest.mark.parametrize("text", [
    "Your worker can help you to make the changes you want in your life.",
    "You and your family will decide how long you want this support for.",
    "Do not accept anything which you don't agree with. Everything you need is in this pack.",
])
def test_you_in_a_relative_clause_is_no_wish_told(linter, text):
    assert flagged(linter, "This is your plan.\n\n" + text, "care_plan", {"name": "Ava"})


@pytest.mark.parametrize("text", [
    "You want to change school in September.",
    "You told me the changes you want: more time with Nan.",
])
def test_a_wish_you_told_still_counts(linter, text):
    assert not flagged(linter, "This is your plan.\n\n" + text, "care_plan", {"name": "Ava"})


# --- round 7: the child by the name the record says they are known by ---------------------------------
@pytest.mark.parametrize("text", [
    "Kaylee (known as K) was born in 2010. K started school at 5 and liked her teachers.",
    "Jonathan (aka Jon) lives with his nan. Jon said he wants to stay there.",
])
def test_the_name_a_child_is_known_by_is_the_child(linter, text):
    child = {"name": text.split()[0], "pronouns": "she/her" if text.startswith("K") else "he/him"}
    assert not flagged(linter, text, "assessment", child)


def test_another_persons_alias_is_not_the_child(linter):
    text = "Kaylee lives with her mother, Sharon (known as Shaz). Shaz said she wants a bigger flat."
    assert flagged(linter, text, "assessment", {"name": "Kaylee", "pronouns": "she/her"})


# --- round 7: "made a disclosure" is "disclosed" in other words -------------------------------------------
def test_a_disclosure_the_child_made_is_their_voice(linter):
    text = "Kai is 11. In October he made a disclosure to his teacher about his father."
    assert not flagged(linter, text, "assessment", KAI)
    text = "Kai is 11. In October his sister made a disclosure to her teacher about their father."
    assert flagged(linter, text, "assessment", KAI)
