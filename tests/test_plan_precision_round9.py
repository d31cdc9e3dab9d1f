"""Issue 11, round 9 (precision pass): units that read as plan steps and are not. Invented sentences, each class
with the flagged and the clean case."""
from __future__ import annotations

from conftest import plan_findings_of, plan_texts_of


def rl301(linter, text, doc_type="supervision"):
    return plan_texts_of(linter, text, doc_type, "RL301")


def rl302(linter, text, doc_type="supervision"):
    return plan_texts_of(linter, text, doc_type, "RL302")


# --- when a meeting is held: a fixture of the calendar, not a step --------------------------------------------
def test_when_a_meeting_is_held_is_not_a_step(linter):
    minutes = ("The Panel discussed the annual fostering report.\n\n"
               "The next meeting of the Fostering Panel would be held on 4 May 2026, where the Panel would "
               "consider the annual report.\n\n"
               "A review will take place in March.\n")
    assert rl301(linter, minutes) == []
    assert rl302(linter, minutes) == []


def test_someone_who_books_or_holds_the_meeting_takes_a_step(linter):
    minutes = ("The Panel discussed the annual fostering report.\n\n"
               "Jo will book the next review meeting for Kai.\n")
    assert rl301(linter, minutes) == ["Jo will book the next review meeting for Kai."]


# --- a page for every child: a place or a service named after "in" is not a person ---------------------------
_PAGE = ("Care leavers in Sefton told us what matters to them.\n\n"
         "Young people already supported in {name} helped us write this page.\n\n"
         "Your personal adviser will help you find somewhere to live.\n")


def unnamed(linter, text):
    """Plan findings of a pathway plan given with no child."""
    return plan_findings_of(linter, text, "pathway_plan", child={})


def test_a_place_named_twice_after_in_leaves_a_page_for_every_child(linter):
    assert unnamed(linter, _PAGE.format(name="Sefton")) == []


def test_a_person_named_twice_makes_it_a_record_for_one_child(linter):
    record = ("Care leavers told us what matters to them, and so did Ayo.\n\n"
              "Young people like Ayo helped us write this page.\n\n"
              "Your personal adviser will help you find somewhere to live.\n")
    step = "Your personal adviser will help you find somewhere to live."
    assert unnamed(linter, record) == [("RL301", step)]


# --- a greeting is not the child's name -----------------------------------------------------------------------
def test_a_writer_who_says_hi_names_no_child(linter):
    page = ("Hi, I'm Sam, a youth worker.\n\n"
            "You'll meet with your worker at home or at school, wherever you feel comfortable.\n\n"
            "What is an assessment?\n\nWho will be there?\n")
    assert unnamed(linter, page) == []


def test_a_letter_that_greets_the_child_by_name_has_steps(linter):
    letter = ("Hi Kiera, this is your plan.\n\n"
              "You'll meet with your worker at home or at school, wherever you feel comfortable.\n\n"
              "What is an assessment?\n\nWho will be there?\n")
    step = "You'll meet with your worker at home or at school, wherever you feel comfortable."
    assert unnamed(linter, letter) == [("RL301", step)]
