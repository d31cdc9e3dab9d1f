"""RL301 plan.timescale, RL302 plan.specific, RL303 plan.contingency and action detection."""
from __future__ import annotations

import pytest

from conftest import findings_of

TS = "plan.timescale"
SP = "plan.specific"
CONT = "plan.contingency"


def texts(linter, text, category, doc_type="supervision", child=None):
    return [t for _, _, t in findings_of(linter, text, doc_type, child, category=category)]


# --- timescales: every clear form is clean -----------------------------------------------------
CLEAR_FORMS = [
    "on 14/03/2026",
    "by 14.3.26",
    "by 14 March 2026",
    "on 3rd October",
    "by 3rd of October",
    "within 4 weeks",
    "in the next 10 working days",
    "within two weeks",
    "every Tuesday",
    "on Saturdays",
    "weekly",
    "fortnightly",
    "monthly",
    "every 6 weeks",
    "every other Saturday",
    "once a month",
    "three times a week",
    "before the end of the summer term",
    "at your review on 2 May 2026",
    "by the end of April 2026",
    "before the February half term",
    "tomorrow",
    "before each visit",
    "by the end of the first month",
    "before the end of the second term",
]


@pytest.mark.parametrize("when", CLEAR_FORMS)
def test_clear_timescales_are_clean(linter, when):
    text = f"Actions:\n- Kelly will visit Kai at home {when}."
    assert texts(linter, text, TS) == []


@pytest.mark.parametrize("vague", ["ongoing", "as and when", "asap", "as soon as possible", "in due course",
                                   "when appropriate", "regularly"])
def test_vague_timescales_are_flagged(linter, vague):
    text = f"Actions:\n- Kelly will visit Kai at home {vague}."
    found = findings_of(linter, text, "supervision", category=TS)
    assert [t for _, _, t in found] == [f"Kelly will visit Kai at home {vague}."]


def test_no_timescale_flags_the_whole_action_without_bullet(linter):
    text = "Actions:\n- SW to complete statutory visits.\n- Mum to attend the GP on 12/05/2026."
    assert texts(linter, text, TS) == ["SW to complete statutory visits."]


def test_next_review_is_vague_without_a_review_date(linter):
    text = "What we agreed\n- We will talk about your bedroom again at the next review."
    assert texts(linter, text, TS, "review_record") == [
        "We will talk about your bedroom again at the next review."]


def test_next_review_counts_when_the_record_dates_it(linter):
    text = ("What we agreed\n- We will talk about your bedroom again at the next review.\n\n"
            "Your next review will be on 2 September 2026.")
    assert texts(linter, text, TS, "review_record") == []


def test_timescale_in_a_later_sentence_of_the_same_bullet(linter):
    text = "What will happen\n1. Rachel will ask the sleep clinic to see you. This will happen by 31 March 2026."
    assert texts(linter, text, TS, "care_plan") == []


def test_daily_logs_is_not_a_frequency(linter):
    text = "Actions:\n- Rosie to speak to the home manager about the words used in daily logs."
    assert len(texts(linter, text, TS)) == 1


# --- action detection ---------------------------------------------------------------------------
def test_semicolons_split_several_actions(linter):
    text = "Kelly will call the school by Friday; Mum will attend the parenting group; Jo to monitor attendance."
    assert texts(linter, text, TS, "case_note") == ["Mum will attend the parenting group", "Jo to monitor attendance."]
    assert texts(linter, text, SP, "case_note") == ["Jo to monitor attendance."]


def test_multi_action_line_all_clean(linter):
    text = "Kelly will call the school within 10 working days; Mum will attend the meeting on 3rd October."
    assert texts(linter, text, TS, "case_note") == []


def test_table_row_uses_its_when_column(linter):
    text = ("The plan\nWhat | Who | When\n"
            "Family time with Mama | Ewa | every Saturday at 2pm\n"
            "Set up contact with Oliwer once a month | Ewa | when appropriate\n"
            "Carol to support Jakub's wellbeing | Carol | ongoing")
    assert texts(linter, text, TS, "care_plan") == [
        "Set up contact with Oliwer once a month | Ewa | when appropriate",
        "Carol to support Jakub's wellbeing | Carol | ongoing"]
    assert texts(linter, text, SP, "care_plan") == ["Carol to support Jakub's wellbeing | Carol | ongoing"]


def test_table_with_who_first(linter):
    text = ("Who | What | When\nRose | Take you to gym club | every Saturday\n"
            "Nadia | Work with Mummy on her visits | ongoing")
    assert texts(linter, text, SP, "care_plan") == ["Nadia | Work with Mummy on her visits | ongoing"]


def test_action_who_by_when_fields(linter):
    clean = "Action: Book a dental check for Kai / Who: Kelly / By when: 30 April 2026"
    assert texts(linter, clean, TS) == []
    vague = "Action: Book a dental check for Kai\nWho: Kelly\nBy when: ongoing"
    assert texts(linter, vague, TS) == ["Book a dental check for Kai"]


def test_needs_to_and_modal_actions(linter):
    assert texts(linter, "Mum needs to attend all appointments.", TS, "case_note") == [
        "Mum needs to attend all appointments."]
    assert texts(linter, "Mum needs to attend the GP appointment on 12/05/2026.", TS, "case_note") == []


def test_quoted_words_of_the_child_are_not_actions(linter):
    text = 'Kai said: "I will go to school if Mum lets me." Kai told me "I will be good."'
    assert texts(linter, text, TS, "visit_record") == []
    assert texts(linter, "Kai said he will try harder at school.", TS, "visit_record") == []


def test_narrative_is_not_an_action(linter):
    text = ("The plan is for Kai to stay with Nan. He is going to college three days a week. "
            "My job is to make sure your plan is right for you. You will be 18 in May.")
    assert texts(linter, text, TS, "review_record") == []


def test_conditional_back_up_steps_are_left_to_the_contingency(linter):
    text = "If things go wrong\nIf you lose your flat, Jo will help you find another one."
    assert texts(linter, text, TS, "pathway_plan") == []


# --- specific -----------------------------------------------------------------------------------
@pytest.mark.parametrize("action", [
    "SW to continue to support Mum with home conditions.",
    "Staff to monitor Connor's whereabouts.",
    "Kelly will explore a move back to Greenfield School.",
    "Parents to work with the health visitor.",
    "Mum to engage with her doctor.",
    "Claire to consider whether a legal planning meeting is needed.",
    "Staff to encourage Shannon to attend appointments.",
    "Hannah to liaise with the alcohol service.",
    "Becky to look into life story work.",
])
def test_vague_verbs_are_not_specific(linter, action):
    found = findings_of(linter, f"Actions:\n- {action}", "supervision", category=SP)
    assert [t for _, _, t in found] == [action]
    msg = linter.lint(f"Actions:\n- {action}", "supervision")
    assert any("what:" in f.message for f in msg if f.category == SP)


@pytest.mark.parametrize("action", [
    "A meeting will be arranged with the school nurse by 30/04/2026.",
    "RHA to be booked.",
    "Contact arrangements to be reviewed.",
    "It is hoped that you will see your sister more often.",
    "The housing team will be asked by 06/03/2026 to check the damp.",
])
def test_no_one_responsible_is_not_specific(linter, action):
    found = linter.lint(f"What we agreed\n- {action}", "review_record")
    spec = [f for f in found if f.category == SP]
    assert [f.text for f in spec] == [action]
    assert "who:" in spec[0].message


@pytest.mark.parametrize("action", [
    "Your health check will be booked by Becky before 3 May 2026.",
    "Neil will help you fill in your student finance form by 31 January 2026.",
    "Ian to take Reuben to the orthodontist on 4 May 2026.",
    "Folake to sign a letter by 30/04/2026 allowing Mrs Boateng to agree to treatment.",
    "SW to continue to visit Kai every 4 weeks.",
    "The social worker to ask the exploitation team to work with Rico by 13/03/2026.",
    "Steph will start a memory book for you by 28 February 2026.",
    "Kelly will review the plan with you on 4 June 2026.",
])
def test_specific_actions_are_clean(linter, action):
    text = f"Actions:\n- {action}"
    assert texts(linter, text, SP, "care_plan") == []
    assert texts(linter, text, TS, "care_plan") == []


def test_specific_message_names_the_missing_parts(linter):
    found = [f for f in linter.lint("Actions:\n- Attendance to be monitored.", "supervision") if f.category == SP]
    assert len(found) == 1
    assert "what:" in found[0].message and "who:" in found[0].message and "when:" in found[0].message


def test_action_may_carry_both_findings(linter):
    cats = {c for _, c, _ in findings_of(linter, "Actions:\n- PA to support Chloe into work.", "pathway_plan")}
    assert {TS, SP} <= cats


# --- contingency ----------------------------------------------------------------------------------
PLAN = "Your plan\n- Jo will visit you every 6 weeks.\n- Nan will take you to school every day.\n"


@pytest.mark.parametrize("tail", [
    "",
    "\nContingency: N/A",
    "\nContingency plan\nNone",
    "\nContingency: see child protection plan.",
    "\nWhat happens if things go wrong\nTo be agreed.",
    "\nIf you want, Jo will bring a friend to your review.",
    "\nIf you want Jo will bring a friend to your review.",
])
def test_contingency_missing(linter, tail):
    for dt in ("care_plan", "pathway_plan"):
        assert findings_of(linter, PLAN + tail, dt, category=CONT) == [("RL303", CONT, None)]


@pytest.mark.parametrize("tail", [
    "\nContingency plan: if Nan cannot look after you, you will live with your aunt.",
    "\nIf the plan is not working\nIf you are still upset by 14 May 2026, Jo will ask CAMHS to see you.",
    "\nPlan B\nYou will stay with your aunt Carly while Jo finds a flat.",
    "\nShould the court not agree, you will live with Nan.",
    # a safety plan in the child's own words: "If ... I will ..." steps, with or without a comma
    "\nMy safety plan\n- If I feel scared I will ring Nan.\n- If Dad shouts I will go to my room.",
    "\nIf I feel unsafe at home I can go to my aunt's house.",
])
def test_contingency_present(linter, tail):
    assert findings_of(linter, PLAN + tail, "care_plan", category=CONT) == []


def test_contingency_only_for_plans(linter):
    assert findings_of(linter, PLAN, "review_record", category=CONT) == []
    assert findings_of(linter, PLAN, "case_note", category=CONT) == []


def test_rule_examples_are_correct(linter):
    from recordlint.checks import planning

    for cls in planning.RULES:
        rule = cls()
        for ex in rule.examples:
            got = [f for f in linter.lint(ex.text, ex.doc_type, ex.child) if f.code == rule.code]
            assert bool(got) == ex.flagged, (rule.code, ex.text)


def test_rows_of_a_chronology_table_are_not_actions(linter):
    text = ("Date | Event | Source\n11/07/2025 | Noah was stopped by police in town. | Police\n"
            "15/07/2025 | Referral made by the social worker. | Social care\n"
            "Social worker: Danny Pearce | Supervisor: Hayley Ormerod")
    assert texts(linter, text, "plan.timescale", "chronology") == []


def test_an_amount_per_period_is_a_frequency(linter):
    assert texts(linter, "You will keep putting £20 a month into savings.", "plan.timescale", "pathway_plan") == []


def test_a_passive_with_a_named_agent_has_an_owner(linter):
    text = "Your health check will be booked by Janine by 30 April 2026."
    assert texts(linter, text, "plan.specific", "care_plan") == []


def test_will_inside_a_subordinate_clause_is_not_an_action(linter):
    assert texts(linter, "It is a plan for how you will get ready for adult life.", "plan.timescale",
                 "pathway_plan") == []


def _tagged_regions(linter, text, doc_type):
    comp = linter.nlp.get_pipe("recordlint")
    rec = comp._record(linter.make_doc(text, doc_type), comp._parser())
    comp._preparse([rec])
    return [text[s:e] for (s, e, level) in rec._regions if level == "tag"]


def test_only_lines_that_may_be_actions_are_tagged(linter):
    text = ("Summer wanted to show me her goldfish.\nSocial worker to visit again on 25/04/2026.\n\n"
            "Actions\n- Book the dentist by 3 May 2026.\n- Next review in May.")
    tagged = _tagged_regions(linter, text, "visit_record")
    assert "Social worker to visit again on 25/04/2026." in tagged
    assert "Book the dentist by 3 May 2026." in tagged
    assert "Summer wanted to show me her goldfish." not in tagged  # narrative: a finite verb before "to"
    assert "Next review in May." not in tagged  # a plan line that does not start with a verb


def test_a_deferred_contingency_is_missing(linter):
    text = ("Dear Aarav,\n\nWhat will happen\n- Graham will take you to cricket every Friday.\n\n"
            "Contingency\nTo be agreed at your next review.")
    assert [c for _, c, _ in findings_of(linter, text, "care_plan", category=CONT)] == [CONT]


def test_advice_on_a_page_for_any_child_is_not_a_contingency(linter):
    page = ("What is a pathway plan?\nYour pathway plan says how you will be helped.\n"
            "If you are unhappy with your plan, you can talk to your personal adviser.")
    assert findings_of(linter, page, "pathway_plan", {}, category=CONT) == [("RL303", CONT, None)]
    assert findings_of(linter, page, "pathway_plan", {"name": "Mo"}, category=CONT) == []


def test_a_list_under_do_not_is_guidance_not_steps(linter):
    text = "Do not:\n\n- Include assumptions\n- Use emotive language\n\nActions:\n- Book the dentist."
    assert [(f.code, f.text) for f in linter.lint(text, "supervision")] == [
        ("RL301", "Book the dentist."), ("RL302", "Book the dentist.")]
    assert [f.code for f in linter.lint("Avoid:\n- Blame or criticise", "supervision")] == []


def test_a_consequence_after_a_linking_word_or_with_should_is_a_contingency(linter):
    base = "Plan\n- Jo will visit you every 6 weeks.\n\n"
    for backup in ("However, if Mum cannot keep to this agreement, it may be necessary to go back to court.",
                   "If things get in the way of your plan, the adults looking after you should try and fix them."):
        assert "RL303" not in [f.code for f in linter.lint(base + backup, "care_plan", {"name": "Ava"})]
    assert "RL303" in [f.code for f in linter.lint(base + "If you want, you can ring Jo.", "care_plan",
                                                   {"name": "Ava"})]


def test_a_hope_about_someone_else_is_not_a_step(linter):
    """The lemmatizer reads 'hoping' as 'hop'; the reporting verbs' regular forms are matched too."""
    assert [f.code for f in linter.lint("I am hoping the teacher will come to the meeting.", "case_note")
            if f.category.startswith("plan")] == []
    assert [f.code for f in linter.lint("The teacher will come to the meeting.", "case_note")
            if f.category.startswith("plan")] == ["RL301"]


def test_a_page_saying_the_arrangement_may_stop_working_has_a_contingency(linter):
    page = ("What is a staying-on arrangement?\nYou can stay with your carers after you are 18.\n"
            "You can decide at any time that the arrangement is not working for you, and other plans can be made.")
    assert findings_of(linter, page, "pathway_plan", {}, category=CONT) == []
    page = ("What is a staying-on arrangement?\nYou can stay with your carers after you are 18.\n"
            "You can decide at any time where you would like to live.")
    assert findings_of(linter, page, "pathway_plan", {}, category=CONT) == [("RL303", CONT, None)]


# A page for any child (no child named) about a safety plan: the safety plan is the plan for when things go
# wrong, so RL303 is satisfied; a page for any child about the care plan still needs its back-up plan.
SAFETY_PAGE = ("A safety plan can help you when you feel frightened at home.\n\n"
               "Things to put in it:\n- the numbers of adults you trust\n- a safe place to go\n\n"
               "Keep it somewhere only you can find it.")
CARE_PAGE = ("Your care plan says where you will live and who looks after you.\n\n"
             "Things in it:\n- where you live\n- who you see\n\nYour social worker will explain it to you.")


def test_page_about_a_safety_plan_has_its_contingency(linter):
    assert findings_of(linter, SAFETY_PAGE, "care_plan", category=CONT) == []
    assert findings_of(linter, CARE_PAGE, "care_plan", category=CONT) == [("RL303", CONT, None)]
