"""Issue 11, precision of plan steps (RL301, RL302) on real text: classes of language that are not
steps, or that give a step its owner or timescale from elsewhere. Invented paraphrases, each with the
flagged and the clean case."""
from __future__ import annotations

from conftest import findings_of

PLAN = {"plan.timescale", "plan.specific"}


def plan_findings(linter, text, doc_type="care_plan"):
    return [(c, t) for c, cat, t in findings_of(linter, text, doc_type, {"name": "Kai"}) if cat in PLAN]


# --- a list's lead-in line names who and by when for its items ---------------------------------------------
def test_a_lead_in_line_gives_its_items_an_owner_and_a_timescale(linter):
    text = "Over the term of this plan, we will:\n- make sure every child has a health passport\n- book a dentist"
    assert plan_findings(linter, text) == []
    text = "Within the next six months, Jo will:\n- book a dental check for Kai\n\n- support Mum"
    assert plan_findings(linter, text) == [("RL302", "support Mum")]   # still vague


def test_items_under_a_lead_in_with_no_timescale_or_no_one_are_still_flagged(linter):
    assert plan_findings(linter, "Jo will:\n- book a dental check for Kai") == [
        ("RL301", "book a dental check for Kai")]
    assert plan_findings(linter, "It will:\n- book a dental check for Kai") == [
        ("RL301", "book a dental check for Kai"), ("RL302", "book a dental check for Kai")]


def test_a_lead_in_ends_at_the_next_line_that_is_not_an_item(linter):
    text = "Over the term of this plan, we will:\n- book a dentist\nOther things\n- book a dentist"
    assert plan_findings(linter, text) == [("RL301", "book a dentist"), ("RL302", "book a dentist")]


def test_the_items_of_a_purpose_lead_in_are_aims_not_steps(linter):
    text = "The team will run a campaign in order to:\n1. Support parents in spotting neglect;\n2. Help teachers."
    assert [t for c, t in plan_findings(linter, text, "assessment") if "parents" in t or "teachers" in t] == []
    text = "The team will run a campaign. It will:\n1. Support parents in spotting neglect;\n2. Help teachers."
    assert ("RL302", "Support parents in spotting neglect") in plan_findings(linter, text, "assessment")


def test_provide_support_is_vague_like_offer_support(linter):
    assert plan_findings(linter, "Jo will provide more support to Mum by May 2027.") == [
        ("RL302", "Jo will provide more support to Mum by May 2027.")]
    assert plan_findings(linter, "Jo will provide a laptop to Mum by May 2027.") == []


# --- an "Action:" field whose value is only who -----------------------------------------------------------
def test_an_action_field_naming_only_people_is_not_a_step(linter):
    text = "The chair asked for a report on housing by May 2027.\n\nAction: Jo Bloggs/Clerk"
    assert plan_findings(linter, text, "supervision") == []
    assert plan_findings(linter, "Action: Chair and Jo Bloggs", "supervision") == []


def test_an_action_field_with_a_step_is_still_read(linter):
    assert plan_findings(linter, "Action: Book Dentist", "supervision") == [("RL301", "Book Dentist")]
    assert plan_findings(linter, "Action: Review Plan", "supervision") == [
        ("RL301", "Review Plan"), ("RL302", "Review Plan")]


# --- feeling and keeping are states, not steps ------------------------------------------------------------
def test_a_feeling_verb_after_will_is_not_a_step(linter):
    assert plan_findings(linter, "Kai gave me a drawing. I will cherish it always.", "case_note") == []
    assert plan_findings(linter, "You will miss your friends at first.") == []


def test_remember_to_do_something_and_keeping_a_thing_are_steps(linter):
    text = "Kai will remember to pack his swimming kit."
    assert plan_findings(linter, text, "case_note") == [("RL301", text)]
    text = "Kai will keep the letters from his dad."
    assert plan_findings(linter, text, "case_note") == [("RL301", text)]


# --- the author's text and the meeting's process ----------------------------------------------------------
def test_the_following_text_is_the_document_not_a_doer(linter):
    text = "The following will give a clearer picture of a family worker's week."
    assert plan_findings(linter, text, "case_note") == []
    text = "The following families will be offered a parenting course."
    assert plan_findings(linter, text, "case_note") == [("RL301", text), ("RL302", text)]


def test_what_is_talked_about_at_a_meeting_is_the_process(linter):
    assert plan_findings(linter, "At the review you will talk about what is going well at school.") == []
    text = "You will talk to Jo about the move."
    assert plan_findings(linter, text) == [("RL301", text)]


# --- a month followed by a purpose is still a timescale ----------------------------------------------------
def test_a_month_before_an_infinitive_of_purpose_is_a_timescale(linter):
    assert plan_findings(linter, "A survey of carers will be sent out by Jo in October to ask about respite.",
                         "supervision") == []
    text = "A survey of carers will be sent out by Jo to ask about respite."
    assert plan_findings(linter, text, "supervision") == [("RL301", text)]


# --- "need to" + a state is a state ---------------------------------------------------------------------------
def test_need_to_followed_by_a_state_is_not_a_step(linter):
    assert plan_findings(linter, "A carer will need to stay at home to look after Kai.", "assessment") == []
    assert plan_findings(linter, "You will have to live near the college.", "pathway_plan") == []


def test_need_to_followed_by_an_action_or_an_event_is_a_step(linter):
    text = "Mum will need to attend the course."
    assert plan_findings(linter, text, "assessment") == [("RL301", text)]
    text = "Mum will need to have a drug test."
    assert ("RL301", text) in plan_findings(linter, text, "assessment")


# --- a group named only as "together they" at a meeting is the process -------------------------------------
def test_together_they_decide_is_the_meeting_described(linter):
    assert plan_findings(linter, "Together they will talk with you about whether you need more help.") == []


def test_together_with_named_people_or_a_step_verb_is_a_step(linter):
    text = "Together, Mum and Jo will look at schools."
    assert plan_findings(linter, text) == [("RL301", text)]
    text = "Together we will book the dentist."
    assert plan_findings(linter, text) == [("RL301", text)]


# --- a list of standards is not a list of steps -----------------------------------------------------------
def test_the_items_under_expectations_or_values_are_not_steps(linter):
    text = ("Our values\n- be ambitious for every child\n- help keep friendships going\n\n"
            "Actions:\n- help Kai join a club")
    assert plan_findings(linter, text) == [("RL301", "help Kai join a club"), ("RL302", "help Kai join a club")]
    assert plan_findings(linter, "Expectations:\n- help keep friendships going\nPillar 2\n- help Kai join a club") == [
        ("RL301", "help Kai join a club"), ("RL302", "help Kai join a club")]


def test_a_step_that_ends_in_a_purpose_lead_in_is_still_a_step(linter):
    text = "The team will run a campaign in order to:\n1. Support parents in spotting neglect;\n2. Help teachers."
    assert plan_findings(linter, text, "assessment") == [("RL301", "The team will run a campaign in order to:")]
    assert plan_findings(linter, "The council must publish information about:\n- housing", "assessment") == []


# --- a "What X will do" heading names who does the steps under it -------------------------------------------
def test_a_what_someone_will_do_heading_names_the_owner_of_its_steps(linter):
    assert plan_findings(linter, "What your social worker will do\n- visit you every 6 weeks") == []
    assert plan_findings(linter, "What Mum and Dad are going to do:\n- book the dentist by May 2027") == []


def test_a_what_heading_that_names_no_one_gives_no_owner(linter):
    for heading in ("What will happen next", "What it will do"):
        assert plan_findings(linter, heading + "\n- book the dentist by May 2027") == [
            ("RL302", "book the dentist by May 2027")]


def test_under_a_what_someone_will_do_heading_a_passive_step_is_theirs(linter):
    text = "What Mum and Dad will do\n\nPhones will be switched off during family time on Saturdays."
    assert plan_findings(linter, text) == []
    text = "Family Time At The Centre\n\nPhones will be switched off during family time on Saturdays."
    assert plan_findings(linter, text) == [("RL302", "Phones will be switched off during family time on Saturdays.")]
