"""Issue 11, round 5: classes of plan language (RL301, RL302) seen on unseen real text. Invented
paraphrases, each with the flagged and the clean case."""
from __future__ import annotations

from conftest import plan_findings_of


def plan_findings(linter, text, doc_type="care_plan", child=None):
    return plan_findings_of(linter, text, doc_type, child)


def rl301(linter, text, doc_type="supervision"):
    return [t for c, t in plan_findings(linter, text, doc_type) if c == "RL301"]


# --- frequencies and spans written in other ways are timescales --------------------------------------------
def test_a_count_with_x_is_a_frequency(linter):
    assert rl301(linter, "Actions:\n- Kai will go to the swimming club 2x per week.") == []
    assert rl301(linter, "Actions:\n- Kai will go to the swimming club 3x/week.") == []
    assert rl301(linter, "Actions:\n- Kai will go to the swimming club.") == ["Kai will go to the swimming club."]


def test_over_a_period_of_some_days_is_a_span(linter):
    assert rl301(linter, "Actions:\n- Kai will keep a sleep diary over a period of 14 days.") == []
    assert rl301(linter, "Actions:\n- Kai will keep a sleep diary over a long period.") == [
        "Kai will keep a sleep diary over a long period."]


def test_so_many_hours_a_week_is_a_frequency(linter):
    assert rl301(linter, "Actions:\n- Kai will do the agreed hours per week at the youth club.") == []
    assert rl301(linter, "Actions:\n- Kai will do the agreed hours at the youth club.") == [
        "Kai will do the agreed hours at the youth club."]
    # "a week later" places an event; it is not a frequency
    assert rl301(linter, "Actions:\n- Kai will ring Nan the day a week later than planned.") == [
        "Kai will ring Nan the day a week later than planned."]


# --- units with the shape of a step that are not one (nonsteps.py) ----------------------------------------
def test_an_action_marked_as_done_is_not_a_step(linter):
    assert rl301(linter, "Action: Jo to send the letter to the school (completed).") == []
    assert rl301(linter, "Actions:\n- Jo to send the letter to the school - done") == []
    assert rl301(linter, "Actions:\n- Jo sent the letter; Jo to ring the school, completed on 3 May") == []
    assert rl301(linter, "Action: Jo to send the letter to the school.") == ["Jo to send the letter to the school."]
    # a step about completing something is still a step
    assert rl301(linter, "Actions:\n- Jo to complete the form for Kai's passport") == [
        "Jo to complete the form for Kai's passport"]


def test_a_pointer_to_read_on_is_not_a_step(linter):
    text = "Kai's story shows how missing and exploitation are linked. Read Kai's story to find out more."
    assert rl301(linter, text, "assessment") == []
    assert rl301(linter, "Actions:\n- Visit our website for more information.") == []
    assert rl301(linter, "Actions:\n- Read the school report with Kai.") == ["Read the school report with Kai."]


def test_a_hedged_modal_is_a_possibility_not_a_commitment(linter):
    assert rl301(linter, "Actions:\n- The worker may need to speak with their manager to decide the next step.") == []
    assert rl301(linter, "Actions:\n- You might want to ask the school for a mentor.") == []
    assert rl301(linter, "Actions:\n- The worker will need to speak with their manager to decide the next step.") == [
        "The worker will need to speak with their manager to decide the next step."]
    # a firm step before the hedge is still a step
    assert rl301(linter, "Actions:\n- Jo will ring Mum, who may need to bring the letter.") == [
        "Jo will ring Mum, who may need to bring the letter."]


def test_the_effect_of_a_step_is_not_a_step(linter):
    text = "Actions:\n- Jo will book the dentist by 3 May. This will ensure that Kai's teeth are checked."
    assert plan_findings(linter, text, "supervision") == []
    text = "Actions:\n- Jo will book the dentist by 3 May. It will help Kai to feel less worried."
    assert plan_findings(linter, text, "supervision") == []
    # "This will happen by ..." still times the step before it; a named doer is a step of its own
    text = "Jo will book the dentist. This will happen by 3 May."
    assert plan_findings(linter, text, "supervision") == []
    text = "Jo will book the dentist by 3 May. Mum will help Kai to feel less worried."
    assert rl301(linter, text) == ["Mum will help Kai to feel less worried."]


def test_what_a_document_must_say_is_not_a_step(linter):
    assert rl301(linter, "The court report needs to reflect that the plan is subject to the panel's approval.") == []
    assert rl301(linter, "It is essential in the court report that the views of Kai are set out in full.") == []
    # a person who must show something is still a step
    assert rl301(linter, "The social worker needs to show that the plan was agreed with Kai.") == [
        "The social worker needs to show that the plan was agreed with Kai."]
    assert rl301(linter, "It is essential for the social worker to read the court report.") == [
        "It is essential for the social worker to read the court report."]


# --- a page that answers questions about the process has no plan steps (information.explains_process) ------
# (it names a person, Mr Jones: a page that names no one is information for any child already)
_PAGE = ("What is a review?\n\nA review is a meeting about your care. Mr Jones, the Reviewing Officer, will talk to "
         "you about it.\n\nWho will be at the review?\n\nYou will also be given a copy of the Plan. The Plan will be "
         "agreed by your family and the workers.")


def test_a_page_of_questions_and_answers_has_no_steps(linter):
    assert plan_findings(linter, _PAGE, "review_record", {}) == []


def test_the_same_words_for_a_named_child_or_under_a_plan_heading_are_steps(linter):
    named = plan_findings(linter, _PAGE, "review_record", {"name": "Kai"})
    assert ("RL301", "You will also be given a copy of the Plan.") in named
    planned = plan_findings(linter, _PAGE + "\n\nActions\n- Jo will ring Mum.", "review_record", {})
    assert ("RL301", "Jo will ring Mum.") in planned
    # one question is not a page of answers; nor are bulleted questions a meeting asked
    one = plan_findings(linter, _PAGE.replace("Who will be at the review?", "The people there."), "review_record", {})
    assert ("RL301", "You will also be given a copy of the Plan.") in one
    asked = _PAGE.replace("What is a review?", "- What is a review?").replace("Who will", "- Who will")
    assert ("RL301", "You will also be given a copy of the Plan.") in plan_findings(linter, asked, "review_record", {})


# --- under a plan heading, a sub-heading that names a role or body names the owner of its steps -------------
def test_a_role_sub_heading_under_actions_names_the_owner(linter):
    text = ("Actions agreed at the meeting\n\nSchool nurse\n- book a hearing test for Kai\n\n"
            "Housing department\n- find the family a bigger flat\n")
    assert plan_findings(linter, text, "case_note") == [
        ("RL301", "book a hearing test for Kai"), ("RL301", "find the family a bigger flat")]


def test_a_sub_heading_that_is_no_one_leaves_the_steps_ownerless(linter):
    text = "Actions agreed at the meeting\n\nHealth\n- book a hearing test for Kai\n"
    assert ("RL302", "book a hearing test for Kai") in plan_findings(linter, text, "case_note")
    # the child is not an owner heading; and outside a plan a role heading starts no plan
    text = "Actions agreed at the meeting\n\nThe young person\n- book a hearing test for Kai\n"
    assert ("RL302", "book a hearing test for Kai") in plan_findings(linter, text, "case_note")
    assert plan_findings(linter, "School nurse\n- hearing tests help children like Kai", "case_note") == []


def test_a_step_about_a_possibility_is_not_specific(linter):
    text = "Actions:\n- Jo will discuss the possibility of a referral with the GP by 3 May."
    assert plan_findings(linter, text, "case_note") == [
        ("RL302", "Jo will discuss the possibility of a referral with the GP by 3 May.")]
    text = "Actions:\n- Jo will discuss a referral with the GP by 3 May."
    assert plan_findings(linter, text, "case_note") == []


# --- the items of a lead-in that ends with its modal finish its sentence: an item led by a verb is an order --
def test_items_under_a_modal_lead_in_are_steps_of_its_subject(linter):
    text = ("The Youth Justice Management Board should:\n• ensure that staff were trained in the new guidance.\n"
            "• assure itself that the action plan was used across the partnership.")
    assert plan_findings(linter, text, "supervision") == [
        ("RL301", "ensure that staff were trained in the new guidance."),
        ("RL301", "assure itself that the action plan was used across the partnership.")]


def test_items_under_a_lead_in_that_is_not_a_modal_are_not_orders(linter):
    text = ("The Youth Justice Management Board found:\n• ensure that staff were trained in the new guidance.\n"
            "• assure itself that the action plan was used across the partnership.")
    assert plan_findings(linter, text, "supervision") == []


def test_ensure_that_a_clause_is_judged_by_the_clause(linter):
    text = "Actions:\n- Jo will ensure that Kai has a dental check by 3 May."
    assert plan_findings(linter, text, "supervision") == []
    text = "Actions:\n- Jo will ensure the best outcome for Kai by 3 May."
    assert plan_findings(linter, text, "supervision") == [
        ("RL302", "Jo will ensure the best outcome for Kai by 3 May.")]
    text = "Actions:\n- Jo will ensure that Kai's needs are met by 3 May."   # a vague phrase in the clause
    assert plan_findings(linter, text, "supervision") == [
        ("RL302", "Jo will ensure that Kai's needs are met by 3 May.")]


# --- a numbered list of orders in a record about a named child is a plan ------------------------------------
_ORDERS = ("Kai is 16 and wants to be a chef.\n\n1. Set a weekly budget with Kai.\n\n"
           "2. Introduce the idea of goal setting to Kai.\n\n3. Visit the catering college with him.")


def test_numbered_orders_about_a_named_child_are_steps(linter):
    found = plan_findings(linter, _ORDERS, "assessment", {"name": "Kai"})
    assert ("RL301", "Set a weekly budget with Kai.") not in found   # timed
    assert ("RL301", "Introduce the idea of goal setting to Kai.") in found
    assert ("RL302", "Introduce the idea of goal setting to Kai.") in found   # no one named


def test_numbered_lines_that_are_not_orders_or_name_no_child_are_not_steps(linter):
    found = plan_findings(linter, _ORDERS, "assessment", {})
    assert ("RL301", "Introduce the idea of goal setting to Kai.") not in found   # guidance for any child
    facts = ("Kai is 16.\n\n1. Introduce the idea of goal setting to Kai.\n\n2. Kai wants to cook.\n\n"
             "3. His mum works nights.")
    assert ("RL301", "Introduce the idea of goal setting to Kai.") not in plan_findings(
        linter, facts, "assessment", {"name": "Kai"})


# --- an order, a comma and its effect: the order is the step ---------------------------------------------
def test_an_order_then_its_effect_is_the_order_with_no_owner(linter):
    text = "Actions:\n- Book a taster day for Kai, this will help him choose a course."
    assert plan_findings(linter, text, "assessment") == [
        ("RL301", "Book a taster day for Kai, this will help him choose a course."),
        ("RL302", "Book a taster day for Kai, this will help him choose a course.")]
    text = "Actions:\n- Jo will book a taster day for Kai, this will help him choose a course."
    assert plan_findings(linter, text, "assessment") == [
        ("RL301", "Jo will book a taster day for Kai, this will help him choose a course.")]


# --- kinds of things, hyphenated or joined, as the subject of "need to" / "should": a general rule ----------
def test_joined_kinds_as_subject_are_a_general_rule(linter):
    text = "Short-term goals and action steps need to be reviewed regularly by the worker."
    assert plan_findings(linter, text, "supervision") == []
    text = "Kai's goals and action steps need to be reviewed regularly by the worker."
    assert ("RL301", text) in plan_findings(linter, text, "supervision")


# --- recommendations listed inside a paragraph, split by semicolons ------------------------------------------
def test_recommendations_listed_in_a_paragraph_are_steps_of_whom_they_are_for(linter):
    text = ("The review looked at Kai's school years. Learning includes: records were thin; visits were short. "
            "Recommendations for the school include: teach staff to spot neglect; write a new attendance "
            "policy; and share records with the nurse.")
    assert plan_findings(linter, text, "assessment") == [
        ("RL301", "teach staff to spot neglect"), ("RL301", "write a new attendance policy"),
        ("RL301", "and share records with the nurse.")]
    no_one = text.replace("Recommendations for the school include", "Recommendations include")
    assert ("RL302", "write a new attendance policy") in plan_findings(linter, no_one, "assessment")


def test_a_paragraph_without_a_recommendations_lead_in_has_no_such_steps(linter):
    text = ("The review looked at Kai's school years. The recommendations were discussed; staff train in "
            "spotting neglect; the school writes a new attendance policy.")
    assert plan_findings(linter, text, "assessment") == []



# --- a recommendations lead-in with words between ("The local recommendations for X include:") --------------
def test_a_recommendations_lead_in_with_words_between_opens_a_plan_list(linter):
    text = "The local recommendations for the school in Leeds include:\n\n- Rewriting the attendance policy.\n"
    assert plan_findings(linter, text, "assessment") == [("RL301", "Rewriting the attendance policy.")]


def test_findings_with_the_same_shape_are_not_a_plan_list(linter):
    text = "The local findings for the school in Leeds include:\n\n- Rewriting the attendance policy.\n"
    assert plan_findings(linter, text, "assessment") == []


# --- -ing verbs joined by "and" or commas share the object: one step ---------------------------------------
def test_joined_ing_verbs_in_a_plan_list_are_one_step(linter):
    text = ("The local recommendations for the school in Leeds include:\n\n"
            "- Reviewing and rewriting the attendance policy.\n- Reviewing, updating and sharing the records.\n")
    assert plan_findings(linter, text, "assessment") == [
        ("RL301", "Reviewing and rewriting the attendance policy."),
        ("RL302", "Reviewing and rewriting the attendance policy."),   # "review" with nothing measurable
        ("RL301", "Reviewing, updating and sharing the records."),
        ("RL302", "Reviewing, updating and sharing the records.")]


def test_joined_ing_verbs_with_a_verb_of_their_own_are_a_statement(linter):
    text = "The local recommendations for the school in Leeds include:\n\n- Reviewing and rewriting is hard.\n"
    assert plan_findings(linter, text, "assessment") == []


def test_a_deadline_or_a_visit_is_not_marked_done_or_a_pointer(linter):
    from recordlint.checks.nonsteps import not_a_step
    from recordlint.checks.person import people_words

    def reason(unit):
        return not_a_step(unit, 0, len(unit), len(unit), people_words())
    assert reason("Jo will ring Mum once the form is completed on Monday.") is None
    assert reason("The form is to be completed on 3 May.") is None
    assert reason("Jo sent the form, completed on 3 May") == "done"
    assert rl301(linter, "Actions:\n- Jo to send the form (complete once Mum signs it).") == [
        "Jo to send the form (complete once Mum signs it)."]
    assert rl301(linter, "Actions:\n- See the GP for further advice about sleep.") == [
        "See the GP for further advice about sleep."]
    assert rl301(linter, "Actions:\n- Visit Nan for more than an hour.") == ["Visit Nan for more than an hour."]


def test_the_school_holidays_and_half_term_are_timescales(linter):
    assert rl301(linter, "Actions:\n- Jo will take Kai to the museum during the school holidays.") == []
    assert rl301(linter, "Actions:\n- Jo will take Kai to the museum over half term.") == []
    assert rl301(linter, "Actions:\n- Jo will take Kai to the holiday club.") == [
        "Jo will take Kai to the holiday club."]


# --- in a meeting's minutes, "would" is "will" reported ------------------------------------------------------
_MINUTES = "The Panel noted the report on school places. Members agreed the new format. "


def test_in_minutes_would_reports_a_step(linter):
    text = _MINUTES + "Officers would review the transport policy."
    assert rl301(linter, text) == ["Officers would review the transport policy."]
    text = _MINUTES + "Officers would review the transport policy by 3 May."
    assert rl301(linter, text) == []


def test_would_outside_minutes_or_for_a_wish_is_not_a_step(linter):
    assert rl301(linter, "The school noted the report. Officers would review the transport policy.") == []
    assert rl301(linter, _MINUTES + "Members would like updates on the transport policy.") == []
    assert rl301(linter, _MINUTES + "Mum said that officers would review the transport policy.") == []


# --- a page that offers its reader choices ("you can", "if you wish") explains the process -------------------
_CHOICES_PAGE = ("Your review is a meeting about your care. Mr Jones, the Reviewing Officer, will talk to you about "
                 "it. You can bring a friend if you wish. You may also write down what you want to say. "
                 "You will also be given a copy of the Plan.")


def test_a_page_offering_choices_to_any_child_has_no_steps(linter):
    assert plan_findings(linter, _CHOICES_PAGE, "review_record", {}) == []


def test_the_same_page_for_a_named_child_or_with_fewer_choices_has_steps(linter):
    named = plan_findings(linter, _CHOICES_PAGE, "review_record", {"name": "Kai"})
    assert ("RL301", "You will also be given a copy of the Plan.") in named
    fewer = _CHOICES_PAGE.replace("You may also write", "Also write")
    assert ("RL301", "You will also be given a copy of the Plan.") in plan_findings(linter, fewer, "review_record", {})


# --- a directive in the passive: its subject is the owner ------------------------------------------------
def test_a_passive_directive_is_a_step_of_its_subject(linter):
    text = "The review found gaps. Health visitors are urged to weigh babies at every contact after a concern."
    assert rl301(linter, text, "assessment") == [
        "Health visitors are urged to weigh babies at every contact after a concern."]
    assert rl301(linter, _MINUTES + "Members were encouraged to attend the training.") == [
        "Members were encouraged to attend the training."]


def test_a_past_directive_outside_minutes_is_a_story(linter):
    assert rl301(linter, "Kai was asked to leave the class after the fight.", "case_note") == []
    assert rl301(linter, "Health visitors are urged by parents.", "assessment") == []


# --- round 5, second pass: the new recall rules stay quiet on narrative and description ---------------------
def test_in_minutes_a_bodys_remit_told_with_would_is_not_a_step(linter):
    assert rl301(linter, _MINUTES + "That forum would focus on the views of young carers.") == []
    assert rl301(linter, _MINUTES + "The new subgroup would bring together health and police leads.") == []
    assert rl301(linter, _MINUTES + "The panel would mainly consist of foster carers.") == []
    # a body's decision to act is still a step
    assert rl301(linter, _MINUTES + "That forum would write to the school about the views of young carers.") == [
        "That forum would write to the school about the views of young carers."]


def test_a_standing_rule_in_the_passive_for_a_kind_of_people_is_not_a_step(linter):
    text = "I visited Kai at school. Visitors are asked to sign in at reception, which I did."
    assert rl301(linter, text, "case_note") == []
    text = "Kai showed me the school. Pupils are expected to wear a blazer in lessons."
    assert rl301(linter, text, "visit_record") == []
    # a named person's directive is a step, and "urged" presses for a change
    text = "Kai showed me the school. His mother is expected to collect him from school."
    assert rl301(linter, text, "visit_record") == ["His mother is expected to collect him from school."]
    text = "The review found gaps. Health visitors are urged to weigh babies at every contact."
    assert rl301(linter, text, "assessment") == ["Health visitors are urged to weigh babies at every contact."]


def test_orders_under_a_lead_in_that_reports_speech_are_what_was_said(linter):
    text = ("Kai told me the rules at his foster home:\n1. Make your bed\n2. Help with the washing up\n"
            "He thinks they are fair.")
    assert rl301(linter, text, "case_note") == []
    text = "The school has told us that it will:\n- Provide a quiet room at break\n- Offer Kai a mentor"
    assert rl301(linter, text, "assessment") == []
    # an item with its own subject and modal is read as before; a lead-in that is no report leads into orders
    text = "The school has told us:\n- Jo will ring the mentor service"
    assert rl301(linter, text, "assessment") == ["Jo will ring the mentor service"]
    text = "The school will:\n- Provide a quiet room at break\n- Offer Kai a mentor"
    assert rl301(linter, text, "assessment") == ["Provide a quiet room at break", "Offer Kai a mentor"]
    text = "Your care plan should say:\n- Book a dentist appointment for Kai"
    assert rl301(linter, text, "supervision") == ["Book a dentist appointment for Kai"]


def test_in_minutes_a_meetings_request_in_the_subjunctive_is_a_step(linter):
    text = _MINUTES + "The Committee requested that the data manager draft a note on school moves."
    assert rl301(linter, text) == ["The Committee requested that the data manager draft a note on school moves."]
    assert rl301(linter, text.replace("school moves.", "school moves by 3 May.")) == []


def test_a_request_reported_in_the_past_or_outside_minutes_is_not_a_step(linter):
    assert rl301(linter, _MINUTES + "The Chair requested that the note was sent round.") == []
    assert rl301(linter, _MINUTES + "Kai requested that his mum leave the room.") == []
    text = "I met the school. The Committee requested that the data manager draft a note on school moves."
    assert rl301(linter, text, "case_note") == []


def rl302(linter, text, doc_type="supervision"):
    return [t for c, t in plan_findings(linter, text, doc_type) if c == "RL302"]


def test_develop_that_makes_a_document_is_specific(linter):
    assert rl302(linter, "Actions:\n- Jo will develop a short leaflet about school moves for Kai.") == []
    assert rl302(linter, "Actions:\n- Jo will develop a brief presentation on placement moves.") == []
    # growth, with nothing measurable, is still vague
    assert rl302(linter, "Actions:\n- Jo will develop Kai's confidence at school.") == [
        "Jo will develop Kai's confidence at school."]
    assert rl302(linter, "Actions:\n- Jo will develop better relationships with the school.") == [
        "Jo will develop better relationships with the school."]


def test_a_numbered_list_of_dated_events_is_a_chronology(linter):
    text = ("Chronology\n\n1. Move to foster placement with Mr and Mrs Lee, March 2021.\n"
            "2. Start at Hillside Primary, April 2021.\n3. Return home to mum, June 2022.")
    assert plan_findings(linter, text, "chronology") == []
    # orders with deadlines are still a plan
    text = ("Notes for Kai\n1. Book a dentist appointment by June 2026.\n2. Ring the school nurse.\n"
            "3. Send Nan the photos by 3 May 2026.")
    assert rl301(linter, text, "case_note") == ["Ring the school nurse."]
