"""Issue 11: statements that look like plan steps are not actions (RL301, RL302), and timescales
given as ranges and event anchors count. Sentences are short paraphrases of the classes seen on
public council pages written to children (Middlesbrough, Barnsley, Lambeth 'Your care plan' pages)
and published case-study text; none is copied from a test set."""
from __future__ import annotations

import pytest

from conftest import findings_of

PLAN = {"plan.timescale", "plan.specific"}


def plan_findings(linter, text, doc_type="care_plan", child=None):
    """Plan findings; a record written to the child names the child (a nameless one is a page of
    information, tested at the end)."""
    child = child if child is not None else {"name": "Kai"}
    return [(c, t) for c, cat, t in findings_of(linter, text, doc_type, child) if cat in PLAN]


@pytest.mark.parametrize("text", [
    # the document or the process as subject
    "This plan will tell you where you will live.",
    "The care plan should say who looks after you.",
    "It will be reviewed.",
    "Your plan should be written in a way you understand.",
    # noun-clause list items: what the plan is about
    "The plan covers:\n- where you'll live\n- who will look after you\n- how people will keep you safe",
    # arrangements and states, not commitments
    "You will live in halls in term time.",
    "You will always have a say.",
    "You will need a bigger place when the baby comes.",
    "You will be involved in making the plan.",
    # a conclusion, a general rule
    "So many moves must have made their lives bewildering.",
    "Nobody should ever hurt me.",
    # concerns and labels, headings in capitals
    "Concerns\n- Mother struggling to cope with the children.",
    "Purpose of visit: to see Kayla and talk about school.",
    "Actions\nCARE PLAN REVIEW",
])
def test_statements_are_not_actions(linter, text):
    assert plan_findings(linter, text) == []


@pytest.mark.parametrize("text, expected", [
    # a real step with a stative-looking verb is still a step
    ("Kiera to have a dental check.", ["Kiera to have a dental check."]),
    ("As you get older you will need to open a bank account.",
     ["As you get older you will need to open a bank account."]),
    ("The school review will be chased.", ["The school review will be chased."]),
    ("Your social worker, your parents and you will decide who you live with.",
     ["Your social worker, your parents and you will decide who you live with."]),
])
def test_steps_that_look_like_statements_are_still_actions(linter, text, expected):
    assert [t for c, t in plan_findings(linter, text) if c == "RL301"] == expected


@pytest.mark.parametrize("when", [
    "every 3-6 months",
    "every 3 to 6 months",
    "before every review",
    "before the meeting",
    "upon release",
    "within the term",
    "whenever something changes",
])
def test_ranges_and_event_anchors_are_timescales(linter, when):
    text = f"Actions\n- Jo will visit you {when}."
    assert [c for c, _ in plan_findings(linter, text)] == []


def test_next_review_without_a_date_is_still_vague(linter):
    text = "Actions\n- Jo will visit you before the next review."
    assert [c for c, _ in plan_findings(linter, text)] == ["RL301"]


# --- telegraphic plan steps in running text: reported with no owner ------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Money worries affecting the family. Link the family to a food bank. Monitor closely.",
     [("RL301", "Link the family to a food bank."), ("RL302", "Link the family to a food bank."),
      ("RL301", "Monitor closely."), ("RL302", "Monitor closely.")]),
    ("Low mood reported. Closer monitoring required.",
     [("RL301", "Closer monitoring required."), ("RL302", "Closer monitoring required.")]),
    ("Sleep getting worse - extra support needed.",
     [("RL301", "Sleep getting worse - extra support needed."),
      ("RL302", "Sleep getting worse - extra support needed.")]),
    ("School visit scheduled.", [("RL301", "School visit scheduled."), ("RL302", "School visit scheduled.")]),
    ("Need to follow up urgently.", [("RL301", "Need to follow up urgently."),
                                     ("RL302", "Need to follow up urgently.")]),
    # timed, but no one named
    ("Weekly check-in needed.", [("RL302", "Weekly check-in needed.")]),
    ("Follow-up booked for Friday to check on the rent arrears.",
     [("RL302", "Follow-up booked for Friday to check on the rent arrears.")]),
    ("Daily follow-up this week.", [("RL302", "Daily follow-up this week.")]),
    ("3-week follow-up.", [("RL302", "3-week follow-up.")]),
    ("Plan to ring the school in two days.", [("RL302", "Plan to ring the school in two days.")]),
    ("Will visit Mum at home tomorrow.", [("RL302", "Will visit Mum at home tomorrow.")]),
])
def test_telegraphic_steps_are_actions(linter, text, expected):
    assert plan_findings(linter, text, "case_note") == expected


@pytest.mark.parametrize("text", [
    "No further action required.",                       # a decision, not a step
    "Mum said more help was needed with the baby.",      # someone's account
    "Referral made to the food bank last week.",         # done
    "Call from the children's home about the weekend.",  # an event named
    "Review meeting: 21/01/2026, at the family centre",  # a label
    "Contact went ahead on Saturday.",                   # narrative
    "Kelly will ring Mum on Monday. Follow-up booked for Friday.",
])
def test_not_telegraphic_steps(linter, text):
    got = plan_findings(linter, text, "case_note")
    assert all(c == "RL302" and "Follow-up booked" in t for c, t in got)


# --- a page about the process, written to any child, has no plan steps ----------------------------
LEAFLET = ("What does a personal adviser do?\n\nYour personal adviser will help you get ready to live on "
           "your own. They will talk to you about what support you need.\n\nAt the meeting\n"
           "- Come to the meeting\n- ring the reviewing officer before the review")


def test_information_for_any_child_has_no_actions(linter):
    assert plan_findings(linter, LEAFLET, "pathway_plan", child={}) == []


def test_the_same_text_for_a_named_child_has_actions(linter):
    assert [c for c, _ in plan_findings(linter, LEAFLET, "pathway_plan", child={"name": "Kai"}) if c == "RL301"]


def test_naming_a_person_makes_it_a_record():
    from recordlint.checks.information import names_people

    assert names_people("Mr Johal will meet Lacy on Monday.")
    assert names_people("You live with Dawn. Your nan and Dawn are friends.")
    assert names_people("Actions\n- Jo will take you to school.")
    assert not names_people("Your Personal Adviser will help you. Your Personal Adviser is kind.")
    assert not names_people("The Review is in May. Your Review is in May.")
    assert not names_people("You have a review. Your Review is soon, then another Review.")


def test_essential_to_is_a_step_with_no_owner(linter):
    text = "It is essential to keep checking on Kai's sleep. Regular check-ins will be necessary."
    assert plan_findings(linter, text, "assessment") == [
        ("RL301", "It is essential to keep checking on Kai's sleep."),
        ("RL302", "It is essential to keep checking on Kai's sleep."),
        ("RL301", "Regular check-ins will be necessary."),
        ("RL302", "Regular check-ins will be necessary.")]


def test_a_stop_word_before_a_comma_is_not_the_childs_name():
    from recordlint.checks.person import infer_child_name

    assert infer_child_name("Together, we will look at your plan.") is None
    assert infer_child_name("Kiera, this is your plan.") == "Kiera"


@pytest.mark.parametrize("when", ["by Easter", "before Christmas", "over the summer holidays"])
def test_holidays_are_timescales(linter, when):
    assert [c for c, _ in plan_findings(linter, f"Actions\n- Jo will take you swimming {when}.")] == []


def test_a_nameless_record_with_agreed_steps_is_not_information(linter):
    text = "What we agreed\n- We will talk about your bedroom again at the next review."
    assert [c for c, _ in plan_findings(linter, text, "review_record", child={})] == ["RL301"]


# --- owners from a heading or label; a referral named by its noun --------------------------------
def test_owner_from_a_label_or_heading(linter):
    text = ("Work and Income: set up budgeting advice by 1 May 2026.\n\nHousing Options Team\n"
            "- Find a flat near college by June 2026.\n\nYour health\n- Book a dentist by May 2026.")
    assert plan_findings(linter, text, "pathway_plan") == [
        ("RL302", "Book a dentist by May 2026.")]   # "Your health" names no one


def test_owner_label_shapes():
    from recordlint.checks.units import owner_label

    assert owner_label("Work and Income") == "Work and Income"
    assert owner_label("Jo Smith") == "Jo Smith"
    assert owner_label("Your Health") is None
    assert owner_label("Next Steps") is None
    assert owner_label("Health") is None
    assert owner_label("Where you live") is None


def test_referral_named_by_its_noun(linter):
    text = "Next steps\n- Referral to a counselling service.\n- Referral to CAMHS made last week."
    assert plan_findings(linter, text, "case_note") == [
        ("RL301", "Referral to a counselling service."), ("RL302", "Referral to a counselling service.")]


# --- procedures and guidance: rules, principles and habits are not plan steps (public-plans set) --------
# Invented sentences of the classes seen on published procedures, practice guidance and safety-plan
# pages; none is copied from a test set.
@pytest.mark.parametrize("text", [
    # a bare plural subject with should/must: a rule for everyone of that kind
    "Home visits must be made at least once a month.",
    "Family support workers should record the names of everyone present.",
    "When a new referral comes in, duty managers must read it.",
    "Young carers in the scheme must be offered a break.",
    # a principle: "it is important that" with a finite clause, or a "that:" opening a list
    "It is important that reviews are held in a place the family knows.",
    "When you write the plan it is essential that:",
    # a standing rule or a habit
    "I will never give my address to people I meet online.",
    "The review will normally be chaired by the team manager.",
    # the document as the doer
    "The written agreement will make the rules clear to everyone.",
    "A decision record will establish how often visits happen.",
    # a prohibition
    "Do not assume that one worry, such as a messy house, will upset each child in the same way.",
])
def test_rules_principles_and_habits_are_not_actions(linter, text):
    assert plan_findings(linter, text) == []


@pytest.mark.parametrize("text, expected", [
    # the same shapes for one child, or with a named doer, are still steps
    ("Social workers should visit Kai at home.", ["Social workers should visit Kai at home."]),
    ("The social worker will establish how often visits happen.",
     ["The social worker will establish how often visits happen."]),
    ("I will tell Nan where I am going.", ["I will tell Nan where I am going."]),
    ("It is important to book Kai's eye test.", ["It is important to book Kai's eye test."]),
])
def test_the_same_shapes_with_a_doer_are_still_actions(linter, text, expected):
    assert [t for c, t in plan_findings(linter, text) if c == "RL301"] == expected


def test_a_prohibition_in_a_plan_list_is_a_rule_and_the_next_line_a_step(linter):
    text = "Actions\n- Do not leave Kai alone with Dad.\n- Book Kai's dental check."
    assert plan_findings(linter, text) == [("RL301", "Book Kai's dental check."),
                                           ("RL302", "Book Kai's dental check.")]


def test_a_topic_in_minutes_is_not_a_step(linter):
    assert plan_findings(linter, "Collecting ideas to share with the managers discussed.", "supervision") == []
    assert [c for c, _ in plan_findings(linter, "Family time to be arranged.", "supervision")] == ["RL301", "RL302"]


def test_a_title_after_a_label_is_not_a_step_and_plurals_are_not_names():
    from recordlint.checks.information import names_people

    assert not names_people("Babies should be seen awake.")
    assert not names_people("Children must be seen alone. Most of them live at home.")
    assert not names_people("A Child in Need plan is made when a child has needs. A Child in Need review follows.")
    assert names_people("Actions\n- Jo will take you to school.")


SAFETY_PAGE = ("Staying Safe: Safety Plan for Young People at Home\n\n"
               "- I will never open the door to someone I do not know.\n"
               "- If someone is shouting at home I will go to my room and ring my aunt.")


def test_a_safety_plan_page_in_the_childs_words(linter):
    """A nameless page is information (no steps), and its "If ..., I will ..." lines are its back-up plan."""
    assert plan_findings(linter, SAFETY_PAGE, child={}) == []
    assert findings_of(linter, SAFETY_PAGE, "care_plan", {}, category="plan.contingency") == []
    advice = "Staying Safe: Help for Young People\n\nIf you feel unsafe at home, you can ring Childline."
    assert findings_of(linter, advice, "care_plan", {}, category="plan.contingency") == [
        ("RL303", "plan.contingency", None)]


def test_the_services_promise_on_a_page_for_any_child_is_not_a_back_up_plan(linter):
    """"If ..., we will ..." on a nameless page is what the service does for any child, not this child's
    back-up plan; the child's own "If ..., I will ..." is (above)."""
    page = ("Your health\n\nIf you have a disability we will make sure that your plan says so.\n"
            "If all is going well, we will look at your plan with you every six months.")
    assert findings_of(linter, page, "care_plan", {}, category="plan.contingency") == [
        ("RL303", "plan.contingency", None)]
    own = page + "\nIf I feel unsafe, I will ring my aunt."
    assert findings_of(linter, own, "care_plan", {}, category="plan.contingency") == []


# --- a recommendation or a short step with a bare verb, in a plan list ----------------------------------
def test_a_bare_verb_step_in_a_plan_list(linter):
    text = ("Recommendations are as follows:\n1. The Early Help Service lead a review of its leaflets.\n"
            "2. The school nurse offer a drop-in every Tuesday in term time.\n3. Parents attend the group.")
    assert plan_findings(linter, text, "assessment") == [
        ("RL301", "The Early Help Service lead a review of its leaflets.")]


def test_a_bare_verb_outside_a_plan_list_is_not_a_step(linter):
    assert plan_findings(linter, "The Early Help Service lead a review of its leaflets.", "assessment") == []


# --- the process as the doer, in a record for a named child (issue 11's classes) -------------------------
@pytest.mark.parametrize("text", [
    "The conference will decide whether you need a plan.",
    "Your review will be chaired by an independent reviewing officer.",
    "The panel will look at the report before it agrees the match.",
    "Everyone involved will work with you to make the plan.",
    "The court should see the video.",
])
def test_the_process_as_the_doer_is_not_an_action(linter, text):
    assert plan_findings(linter, text) == []


@pytest.mark.parametrize("text", [
    "A meeting will be arranged with the school nurse.",          # someone arranges it: no one named
    "Staff at the children's home will check the fire alarm.",   # the group's head is "Staff", not "home"
])
def test_a_meeting_or_a_place_in_the_subject_can_still_be_a_step(linter, text):
    assert [c for c, _ in plan_findings(linter, text)][:1] == ["RL301"]


def test_a_capitalised_noun_after_a_determiner_is_not_a_name():
    from recordlint.checks.information import names_people

    assert not names_people("You will get a Plan. Everyone has a copy of the Plan. We read the Plan with you.")
    assert not names_people("You have a Care and Support plan. Ask about your Care and Support plan.")
    assert names_people("You live with Dawn. Your nan and Dawn are friends.")
    assert names_people("You see Dawn on Monday and stay with Dawn at the weekend.")


PAGE_WITH_TITLES = ("What is a Conference?\n\nIf the meeting decides you need help, a Plan will be put in place. "
                    "The Plan will be agreed by your parents. You will also be given a copy of the Plan.")


def test_a_page_that_capitalises_plan_is_still_a_page_for_any_child(linter):
    assert plan_findings(linter, PAGE_WITH_TITLES, "review_record", child={}) == []
    assert [c for c, _ in plan_findings(linter, PAGE_WITH_TITLES, "review_record", child={"name": "Kai"})
            if c == "RL301"]
