"""Person rules RL101-RL103: exact findings on fixture texts, flagged and clean."""
import pytest
from conftest import findings_of

SHE = {"name": "Kiera", "pronouns": "she/her"}
HE = {"name": "Abdi", "pronouns": "he/him"}
THEY = {"name": "Jordan", "pronouns": "they/them"}


def test_first_person_in_third_person_record(linter):
    text = "I visited Summer at home. She showed me her goldfish and we sat on the floor."
    assert findings_of(linter, text, "visit_record", category="person.first") == [
        ("RL101", "person.first", "I"), ("RL101", "person.first", "me"), ("RL101", "person.first", "we")]


def test_first_person_inside_quotes_and_reported_speech_is_not_a_slip(linter):
    text = ('Kayla said "I miss my mum but I like it here."\n'
            "Courtney said: I'd rather stay with my nan.\n"
            "In Reece's words: I look after Kacey in the mornings.\n"
            "Noor told the social worker \u201cI\u2019m sad I can\u2019t live with Mummy.\u201d")
    assert findings_of(linter, text, "assessment", category="person.first") == []


def test_first_and_second_person_are_fine_in_records_written_to_the_child(linter):
    text = "I am Grace, your social worker. We wrote this plan with you on 2 February 2026."
    found = findings_of(linter, text, "care_plan", SHE)
    assert [f for f in found if f[1] in ("person.first", "person.second")] == []


def test_second_person_in_third_person_record(linter):
    text = "Reggie, your dad rang today. I will ask you about the shirt."
    assert findings_of(linter, text, "case_note", category="person.second") == [
        ("RL102", "person.second", "your"), ("RL102", "person.second", "you")]


def test_second_person_in_quotes_is_clean(linter):
    text = 'Mum said "Thank you for telling me." The social worker told Zara "You can ring me any time."'
    assert findings_of(linter, text, "case_note", category="person.second") == []


def test_us_in_capitals_is_not_a_pronoun(linter):
    assert findings_of(linter, "Dad moved to the US in 2024.", "case_note", category="person.first") == []


def test_third_person_name_and_pronouns_of_the_child(linter):
    text = ("Kiera, this is your care plan.\n\n"
            "Views: Kiera says she likes living with Dan and Leroy and wants to stay.\n"
            "Reading is below the level expected for her age.")
    assert findings_of(linter, text, "care_plan", SHE, category="person.third") == [
        ("RL103", "person.third", "Kiera"), ("RL103", "person.third", "she"), ("RL103", "person.third", "her")]


def test_pronouns_that_refer_to_someone_else_are_clean(linter):
    text = ("Dear Kiera,\n\nYou see Mum every other Sunday and she has not missed a visit.\n"
            "Ask Mum if she can come to your netball match. Jo will have Kobi round to her house.\n"
            "Mr Patel chairs your reviews. He will ring you by 5 May 2026.")
    assert findings_of(linter, text, "care_plan", SHE, category="person.third") == []


def test_greetings_titles_and_form_fields_are_not_slips(linter):
    text = ("Kiera's Pathway Plan\nName: Kiera Smith\nChild: Kiera (9)\n\n"
            "Hi Kiera. This plan is about you. Well done, Kiera!")
    assert findings_of(linter, text, "pathway_plan", SHE, category="person.third") == []


def test_heading_with_a_verb_is_third_person(linter):
    text = "Where Kiera lives: you live with Dan and Leroy."
    assert findings_of(linter, text, "care_plan", SHE, category="person.third") == [
        ("RL103", "person.third", "Kiera")]


def test_the_young_person_yp_and_cyp(linter):
    text = "The young person lives in a flat. YP to open a bank account. CYP attends Ridgeway School."
    assert findings_of(linter, text, "pathway_plan", HE, category="person.third") == [
        ("RL103", "person.third", "The young person"), ("RL103", "person.third", "YP"),
        ("RL103", "person.third", "CYP")]


def test_a_young_person_in_general_is_not_the_child(linter):
    text = "Staying Put is when a young person keeps living with their foster carers after 18."
    assert findings_of(linter, text, "pathway_plan", THEY, category="person.third") == []


def test_they_pronouns_follow_the_child_not_other_people(linter):
    text = ("Jordan has a part-time job at a music shop. They pay their share of the bills on time.\n"
            "Bev and Lou said they are proud of you.")
    assert findings_of(linter, text, "pathway_plan", THEY, category="person.third") == [
        ("RL103", "person.third", "Jordan"), ("RL103", "person.third", "They"),
        ("RL103", "person.third", "their")]


def test_third_person_in_a_third_person_record_is_correct(linter):
    text = "Kiera says she likes living with Dan and Leroy."
    assert findings_of(linter, text, "case_note", SHE, category="person.third") == []


def test_child_name_inside_a_quote_is_clean(linter):
    text = 'You told me: "Mum calls me Kiera-bear and Kiera is my real name."'
    assert findings_of(linter, text, "care_plan", SHE, category="person.third") == []


def test_offsets_index_the_text_as_given_with_crlf_and_tabs(linter):
    text = "Case note\r\n\r\n\tThe social worker rang.  You were out.\r\nI will ring again."
    found = linter.lint(text, "case_note")
    you = next(f for f in found if f.code == "RL102")
    assert text[you.start:you.end] == "You" and (you.line, you.column) == (3, 27)
    i = next(f for f in found if f.code == "RL101")
    assert text[i.start:i.end] == "I" and (i.line, i.column) == (4, 1)


def test_fast_profile_skips_pronoun_resolution_but_keeps_names(fast_linter):
    text = "Kiera says she likes living with Dan."
    assert findings_of(fast_linter, text, "care_plan", SHE, category="person.third") == [
        ("RL103", "person.third", "Kiera")]


def test_child_name_inferred_from_the_record_when_not_given(linter):
    text = "Dear Kiera,\n\nYou are doing well. Kiera has joined the choir and she loves it."
    assert findings_of(linter, text, "review_record", None, category="person.third") == [
        ("RL103", "person.third", "Kiera"), ("RL103", "person.third", "she")]


def test_title_lines_with_full_name_and_date_are_filing(linter):
    text = ("CLA Review - Elif Brennan - 18/02/2026\nElif Brennan - 05/05/2026\n\n"
            "Dear Elif,\n\nYou came to your review. Elif Brennan has settled well.")
    assert findings_of(linter, text, "review_record", {"name": "Elif", "pronouns": "she/her"},
                       category="person.third") == [("RL103", "person.third", "Elif")]


# --- issue 11: siblings as "the children" in a record written to the child; pronouns, no name -----
def test_the_children_and_their_views_in_a_record_to_the_child(linter):
    text = ("I met you and your sisters at home. I met with the children separately to make sure "
            "their views were heard.")
    got = [t for _, _, t in findings_of(linter, text, "review_record", {"name": "Mo"}, code="RL103")]
    assert got == ["the children", "their"]


def test_the_childrens_service_is_a_name(linter):
    text = "Grace will ask the children's mental health service to see you."
    assert findings_of(linter, text, "care_plan", {"name": "Mo"}, code="RL103") == []


def test_your_childrens_hearing_names_the_tribunal_not_the_children(linter):
    # Scotland's children's hearing and its reporter are names: "your children's hearing" is the child's own
    text = ("The reporter has written to you about your children's hearing. Your social worker will come "
            "with you to the children's hearing on Monday.")
    assert findings_of(linter, text, "review_record", {"name": "Mo"}, code="RL103") == []
    text = "I met your children at home. Your children said they want more time with you."
    got = [t for _, _, t in findings_of(linter, text, "review_record", {"name": "Mo"}, code="RL103")]
    assert got == ["your children", "Your children"]


def test_given_pronouns_without_a_name(linter):
    text = "This plan makes sure that he has a safe home. You and your carers agreed it."
    got = [t for _, _, t in findings_of(linter, text, "care_plan", {"pronouns": "he/him"}, code="RL103")]
    assert got == ["he"]
    assert findings_of(linter, "Your dad says he is proud of you.", "care_plan", {"pronouns": "he/him"},
                       code="RL103") == []


def test_the_child_then_they_in_a_record_to_the_child(linter):
    text = "The child can choose who they want at the meeting."
    got = [t for _, _, t in findings_of(linter, text, "review_record", {"name": "Mo"}, code="RL103")]
    assert got == ["The child", "they"]


@pytest.mark.parametrize("text, doc_type, child, flagged_at", [
    # "the child protection plan", "the child looked after review" name a process or a meeting, not the child
    ("This explains the child protection plan to you. The child will be safe.", "care_plan", {"name": "Ava"},
     "The child will"),
    ("The child looked after review meeting will be chaired by your IRO. The child will be there.",
     "review_record", {"name": "Mo"}, "The child will"),
])
def test_a_process_named_after_the_child_is_not_the_child(linter, text, doc_type, child, flagged_at):
    found = [(f.start, f.text) for f in linter.lint(text, doc_type, child) if f.code == "RL103"]
    assert found == [(text.index(flagged_at), "The child")]


# --- "they" for the child's group or "the child" whatever the child's own pronouns; "your child" -----
def test_the_children_then_their_when_the_childs_pronouns_are_given(linter):
    text = ("I met you and your brother at home. I met with the children separately to make sure "
            "their views were heard.")
    got = [t for _, _, t in findings_of(linter, text, "review_record", HE, code="RL103")]
    assert got == ["the children", "their"]


def test_they_meaning_other_people_is_not_the_child_whose_pronouns_are_given(linter):
    # "they" here is Abdi's parents, and Abdi is "he": no "they" finding even though the record says
    # "the child" elsewhere
    text = ("The child will live with Aunt Sara. Your parents came to the meeting. "
            "They said they want to see you every week.")
    got = [t for _, _, t in findings_of(linter, text, "care_plan", HE, code="RL103")]
    assert got == ["The child"]
    text = "Abdi went to see his grandparents. They were pleased to see him. The child is settled."
    got = [t for _, _, t in findings_of(linter, text, "care_plan", HE, code="RL103")]
    assert "They" not in got


def test_your_child_in_a_plan_written_to_the_child(linter):
    text = "We will meet you and your child every month. Your child's school will help with homework."
    got = [t for _, _, t in findings_of(linter, text, "care_plan", HE, code="RL103")]
    assert got == ["your child", "Your child"]
    # a pathway plan: the young person may be a parent ("you and your son")
    assert findings_of(linter, text, "pathway_plan", HE, code="RL103") == []
    # a case note is written about the child: RL103 does not apply
    assert findings_of(linter, "Mum said your child is welcome.", "case_note", HE, code="RL103") == []


def test_a_name_placeholder_is_the_child_in_the_third_person(linter):
    text = "We want to work with you to keep (name of child) safe. [Child's name] will see the nurse."
    got = [t for _, _, t in findings_of(linter, text, "care_plan", {}, code="RL103")]
    assert got == ["(name of child)", "[Child's name]"]
    assert findings_of(linter, "We want to work with you to keep you safe.", "care_plan", {}, code="RL103") == []


def test_your_child_phrases_that_name_a_process_or_file_the_record(linter):
    text = "CARE PLAN FOR (Child's name)\n\nWe will talk about it at your children in care review meetings."
    assert findings_of(linter, text, "care_plan", {}, code="RL103") == []


def test_your_child_and_family_is_the_child_unless_a_service_follows(linter):
    text = "The meeting will decide if your child and family need more help."
    got = [t for _, _, t in findings_of(linter, text, "review_record", {}, code="RL103")]
    assert got == ["your child"]
    text = "The team will complete a child and family assessment. Your child and family social worker is Sam."
    assert findings_of(linter, text, "review_record", {}, code="RL103") == []


def test_their_after_your_child_is_the_child(linter):
    text = "We will do what is needed to protect your child and promote their health."
    got = [t for _, _, t in findings_of(linter, text, "review_record", {}, code="RL103")]
    assert got == ["your child", "their"]
    # "their" meaning the parents, with no "your child" to refer back to
    text = "Your parents came to the meeting and shared their views."
    assert findings_of(linter, text, "review_record", {}, code="RL103") == []


def test_that_is_and_yours_truly_are_not_pronouns_of_reader_or_author(linter):
    text = "Staff want to see more kind acts, I. e. sharing toys. Abdi gets a lift from yours truly."
    assert findings_of(linter, text, "case_note", HE, category="person.first") == []
    assert findings_of(linter, text, "case_note", HE, category="person.second") == []
    text = "I truly think Abdi is happy. This bag is yours."
    assert findings_of(linter, text, "case_note", HE, category="person.first") == [("RL101", "person.first", "I")]
    assert findings_of(linter, text, "case_note", HE, category="person.second") == [
        ("RL102", "person.second", "yours")]


# --- round 5: families in general; "the youth" as the child ------------------------------------------------
def test_their_children_in_a_sentence_about_families_in_general_is_not_the_child(linter):
    text = ("Sometimes parents ask for help because they find it hard to care for their children. "
            "In such cases the council shares the care of the children with them.")
    assert findings_of(linter, text, "care_plan", {"name": "Mo"}, code="RL103") == []


def test_the_children_of_this_family_are_still_a_slip(linter):
    text = "Your parents asked for help. I met with the children at home to hear their views."
    got = [t for _, _, t in findings_of(linter, text, "review_record", {"name": "Mo"}, code="RL103")]
    assert got == ["the children", "their"]


def test_the_child_in_a_general_sentence_is_still_the_child(linter):
    # labellers of the public sets mark "the child" in guidance to the child; only "the children" of
    # other families is general
    text = "Sometimes parents and the child disagree about the plan."
    got = [t for _, _, t in findings_of(linter, text, "care_plan", {"name": "Mo"}, code="RL103")]
    assert got == ["the child"]


def test_the_youth_in_a_plan_written_to_the_youth(linter):
    text = "This plan is written with the youth and their carer. A copy is given to the youth."
    got = [t for _, _, t in findings_of(linter, text, "care_plan", {"name": "Mo"}, code="RL103")]
    assert got == ["the youth", "the youth"]


def test_the_youth_club_and_service_are_not_the_child(linter):
    text = "You go to the youth club on Fridays. The Youth Offending Service will write to you."
    assert findings_of(linter, text, "care_plan", {"name": "Mo"}, code="RL103") == []


def test_a_frequency_word_does_not_make_the_children_general(linter):
    text = "I met you and your brother at home. Sometimes the children argue about the TV."
    got = [t for _, _, t in findings_of(linter, text, "review_record", {"name": "Mo"}, code="RL103")]
    assert got == ["the children"]


def test_first_person_under_a_family_members_label_is_their_words_not_narration(linter):
    text = ("Single assessment\n\nGrandmother's views:\nI have looked after Theo since he was two. We manage.\n\n"
            "I met Theo at school on 3 May.")
    assert findings_of(linter, text, "assessment", category="person.first") == [("RL101", "person.first", "I")]


def test_first_person_under_a_visit_label_is_still_the_authors(linter):
    text = "Visit to grandmother:\nI visited Theo's grandmother at home and we talked about school."
    assert findings_of(linter, text, "visit_record", category="person.first") == [
        ("RL101", "person.first", "I"), ("RL101", "person.first", "we")]
