"""Issue 11, round 7: broad classes of plan language (RL301, RL302) seen on real text. Invented paraphrases,
each with the flagged and the clean case, tried on more than one kind of record."""
from __future__ import annotations

from conftest import plan_findings_of


def plan_findings(linter, text, doc_type="case_note", child=None):
    return plan_findings_of(linter, text, doc_type, child)


def rl301(linter, text, doc_type="case_note"):
    return [t for c, t in plan_findings(linter, text, doc_type) if c == "RL301"]


def rl302(linter, text, doc_type="case_note"):
    return [t for c, t in plan_findings(linter, text, doc_type) if c == "RL302"]


# --- "will be able to": an outcome, what someone can do, not a step ------------------------------------------
def test_will_be_able_to_is_an_outcome_not_a_step(linter):
    text = ("Outcomes\n"
            "- By the summer, Kai will be able to swim a width of the pool.\n"
            "- Jo will book a swimming assessment.\n")
    assert rl301(linter, text, "supervision") == ["Jo will book a swimming assessment."]
    assert plan_findings(linter, "Kai should be able to walk to school on his own by then. Jo will ring the "
                                 "school by 3 May.", "assessment") == []
    assert plan_findings(linter, "Dear Kai,\nYou will be able to ask your worker for help until you are 25.\n"
                                 "Your worker will book swimming lessons by 3 May.\n", "pathway_plan") == []


# --- a preposition and an -ing verb before "to": the "to" is that verb's, not an infinitive of intent ---------
def test_a_gerund_clause_takes_the_infinitive(linter):
    text = "Calls all evening.\n\nAfter advising the carer to call the police, I then had to report Kai missing.\n"
    assert plan_findings(linter, text) == []
    assert plan_findings(linter, "By asking Mum to keep a diary of his sleep, we learned a lot.") == []
    # after a comma, the doer of the infinitive is named: a step
    assert rl301(linter, "On returning to the office, Jo to call the school.") == [
        "On returning to the office, Jo to call the school."]
    assert rl301(linter, "Jo to call the school by Friday.") == []


# --- an example in guidance illustrates the kind of step meant; it is not a step of the record ----------------
def test_an_example_is_not_a_step(linter):
    text = ("Writing good plans\n"
            "For example, to keep a child safe, a father will start a drug programme straight away.\n"
            "As an example, the therapy will help the child to tell new people what he needs.\n")
    assert plan_findings(linter, text, "supervision") == []
    assert plan_findings(linter, "For instance, Mum will ring the school.", "assessment") == []
    # the same steps, not given as examples, are steps
    assert rl301(linter, "Writing good plans\nA father will start a drug programme straight away.\n",
                 "supervision") == ["A father will start a drug programme straight away."]
    assert rl301(linter, "Kai was tired. Mum will ring the school.") == ["Mum will ring the school."]


# --- the words before "to" are a prepositional phrase or an abstract noun's, not a doer -----------------------
def test_a_noun_after_a_preposition_is_not_the_doer(linter):
    text = "I visited Kai.\n\nAside from the general support to help him sleep, we have given Mum a leaflet.\n"
    assert plan_findings(linter, text) == []
    assert plan_findings(linter, "Apart from the money to pay for a laptop, nothing was agreed.") == []
    # a person after the preposition's phrase is a doer; so is anyone named after a comma
    assert rl301(linter, "After the review the social worker to call Mum.") == [
        "After the review the social worker to call Mum."]
    assert rl301(linter, "After the review, Jo to call Mum.") == ["After the review, Jo to call Mum."]


def test_an_abstract_noun_takes_its_own_infinitive(linter):
    text = ("Priorities\n"
            "- The need for leaders to enable better practice\n"
            "- The chance for Kai to meet his brother\n")
    assert plan_findings(linter, text, "supervision") == []
    assert rl301(linter, "Priorities\n- Leaders to enable better practice\n", "supervision") == [
        "Leaders to enable better practice"]


# --- minutes name who acts in a bracket after the minute -----------------------------------------------------
def test_an_owner_in_a_bracket_after_the_minute_is_named(linter):
    named = ("Minutes\n\nIt was agreed that the annual report would be presented to a future meeting. "
             "(Action: Jo Bloggs)\n")
    assert rl302(linter, named, "supervision") == []
    assert rl301(linter, named, "supervision") == [
        "It was agreed that the annual report would be presented to a future meeting."]
    unnamed = "Minutes\n\nIt was agreed that the annual report would be presented to a future meeting.\n"
    assert rl302(linter, unnamed, "supervision") == [
        "It was agreed that the annual report would be presented to a future meeting."]
    # a bracket after another sentence belongs to that sentence
    later = ("Minutes\n\nThe audit results will be followed up with the safety team. The board met. "
             "(Action: Jo Bloggs)\n")
    assert rl302(linter, later, "supervision") == ["The audit results will be followed up with the safety team."]
    assert rl302(linter, "Minutes\n\nThe audit results will be followed up with the safety team (Lead: Jo Bloggs)\n",
                 "supervision") == []


# --- a list of recommendations: its items named by a noun phrase are steps no one owns ------------------------
def test_a_recommended_item_named_by_a_noun_is_a_step(linter):
    text = ("The review found three areas of concern:\n"
            "- Weak sharing of information\n"
            "- A lack of joint assessment\n"
            "- The review makes recommendations to the Partnership as follows:\n"
            "- A new joint team for strategy meetings.\n"
            "- Better training in the use of chronologies for all staff\n")
    assert rl301(linter, text, "assessment") == [
        "A new joint team for strategy meetings.", "Better training in the use of chronologies for all staff"]
    # the same items after a lead-in that does not recommend are findings of the review, not steps
    found = ("The review found three areas of concern:\n"
             "- A new joint team with no lead.\n"
             "- Poor training in the use of chronologies for all staff\n")
    assert plan_findings(linter, found, "assessment") == []


def test_a_recommended_item_with_a_verb_or_a_label_is_read_as_such(linter):
    text = ("The panel made the following recommendations to the board:\n"
            "- Keywords: neglect, chronologies\n"
            "- The board agreed the terms of reference in May.\n")
    assert plan_findings(linter, text, "supervision") == []
    # a letter to a child: a list of what was talked about is no plan
    letter = ("Dear Kai,\nThese are the things we talked about:\n- Your new school\n- Visits to Nan\n")
    assert plan_findings(linter, letter, "care_plan") == []


# --- minutes: an undertaking minuted in the past is a step its subject owns -----------------------------------
MINUTES = "Minutes\n\nThe Board noted the report. The Panel agreed the plan.\n\n"


def test_an_undertaking_in_minutes_is_a_step(linter):
    text = MINUTES + "- The Clerk agreed to send the training dates to the Board.\n"
    assert plan_findings(linter, text, "supervision") == [
        ("RL301", "The Clerk agreed to send the training dates to the Board.")]
    assert rl301(linter, MINUTES + "- Jo and the school had agreed to send the dates to the Board.\n",
                 "supervision") == ["Jo and the school had agreed to send the dates to the Board."]
    assert plan_findings(linter, MINUTES + "- The Clerk agreed to send the dates to the Board by 3 May.\n",
                         "supervision") == []


def test_agreed_to_in_a_story_is_not_a_step(linter):
    # outside minutes "agreed to" tells what happened
    assert plan_findings(linter, "Visit to Kai at home.\n\nMum agreed to ring the school.\n") == []
    assert plan_findings(linter, "Kai was upset. He agreed to see me again when things had calmed down.",
                         "visit_record") == []


# --- "What is expected to change": a noun clause names no one directed ----------------------------------------
def test_a_directive_needs_a_subject_that_names_who(linter):
    text = "Briefings\n\nThe briefings identify what is expected to change after a review.\n"
    assert plan_findings(linter, text, "supervision") == []
    assert rl301(linter, "Briefings\n\nKai's school is expected to share the briefing with staff.\n",
                 "supervision") == ["Kai's school is expected to share the briefing with staff."]


# --- a main clause with its own modal after the clause of an early "to" ----------------------------------------
def test_a_joined_clause_with_a_modal_is_read(linter):
    text = "I visited Mum. That is a lot to ask, and we will have to test out how the new routine works."
    assert rl301(linter, text) == ["That is a lot to ask, and we will have to test out how the new routine works."]
    assert rl301(linter, "I visited Mum. That is a lot to ask, and it was a long visit.") == []
    assert plan_findings(linter, "I visited Mum. That is a lot to ask, and we will have to test out how the new "
                                 "routine works by 3 May.") == []


# --- a commitment in the present: "promises to", "undertakes to" --------------------------------------------
def test_a_promise_in_the_present_is_a_step(linter):
    text = "I rang the team. Their manager promises to send someone as soon as he can."
    assert rl301(linter, text) == ["Their manager promises to send someone as soon as he can."]
    assert rl301(linter, "I rang the team. Jo undertakes to ring Mum by Friday.") == []
    # told in the past, a promise is part of the story
    assert plan_findings(linter, "Mum made excuses but promised to send Kai to school.") == []


# --- practice advice under a heading of tips ("Do's and don'ts") is not a record's steps --------------------
def test_orders_under_a_heading_of_tips_are_advice(linter):
    text = ("Safety planning do's and don'ts\n"
            "Talk with the family in their own words about the worry.\n"
            "Example: Mum is very low and cannot get up in the morning.\n"
            "Top tips for home visits\n"
            "- Check the smoke alarm works\n")
    assert plan_findings(linter, text, "supervision") == []
    # the same orders under a plan heading, or after the advice ends at the next heading, are steps
    plan = ("Safety planning do's and don'ts\n"
            "Talk with the family in their own words about the worry.\n"
            "Next steps\n"
            "- Check the smoke alarm works\n")
    assert rl301(linter, plan, "supervision") == ["Check the smoke alarm works"]
    assert rl301(linter, "Supervision notes\nTalk with the family in their own words about the worry.\n",
                 "supervision") == ["Talk with the family in their own words about the worry."]


# --- a run-on list with lettered items: each item is a unit of its own -------------------------------------
def test_lettered_items_in_a_line_are_units(linter):
    text = ("Actions taken: a) neglect strategy now in place b) a new panel to be set up to track drift. "
            "c) letters sent to all GPs in May 2024\n")
    assert rl301(linter, text, "assessment") == ["a new panel to be set up to track drift."]
    # one "a)" is not a list; and a list of done things holds no step
    assert plan_findings(linter, "Actions taken: a) neglect strategy now in place b) letters sent to all GPs in "
                                 "May 2024\n", "assessment") == []


# --- a school year or key stage is an anchor -----------------------------------------------------------------
def test_a_school_year_or_key_stage_is_a_timescale(linter):
    text = ("Actions\n"
            "- Jo will book a tutor by the end of Key Stage 2.\n"
            "- Jo will book a reading assessment by Year 6.\n"
            "- Jo will book a tutor for the Year 9 pupils.\n")
    assert rl301(linter, text, "supervision") == ["Jo will book a tutor for the Year 9 pupils."]
