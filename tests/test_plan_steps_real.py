"""Issue 11, plan steps on real records: classes seen in published visit reports, case-review
summaries and guidance (paraphrased, never copied from a test set). Each test has the flagged and
the clean case."""
from __future__ import annotations

from conftest import findings_of

PLAN = {"plan.timescale", "plan.specific"}


def plan_findings(linter, text, doc_type="visit_record", child=None):
    child = child if child is not None else {"name": "Kai"}
    return [(c, t) for c, cat, t in findings_of(linter, text, doc_type, child) if cat in PLAN]


def rl301(linter, text, doc_type="visit_record"):
    return [t for c, t in plan_findings(linter, text, doc_type) if c == "RL301"]


# --- a numbered recommendation: "Topic: imperative ..." ----------------------------------------------
def test_a_topic_label_before_an_imperative_step(linter):
    text = ("Recommended actions\n\n1. Housing: Arrange for a visit from the housing officer to look at the damp.\n"
            "2. School Support: Encourage attendance at the homework club.\n")
    assert rl301(linter, text) == [
        "Housing: Arrange for a visit from the housing officer to look at the damp.",
        "School Support: Encourage attendance at the homework club."]


def test_a_topic_label_before_an_observation_is_not_a_step(linter):
    text = ("Observations\n\n1. Home Conditions: The flat was warm and tidy.\n"
            "2. Mood: Kai seemed settled and chatted about football.\n")
    assert plan_findings(linter, text) == []


# --- "Recommendations include: A; B; C" ------------------------------------------------------------------
def test_an_inline_list_of_recommendations_split_at_semicolons(linter):
    text = ("Recommendations include: the partnership to review its guidance on neglect; "
            "and develop training for health visitors; consider a single referral form.")
    assert rl301(linter, text, "assessment") == [
        "the partnership to review its guidance on neglect",
        "and develop training for health visitors",
        "consider a single referral form."]


def test_an_inline_list_that_is_not_a_plan_is_not_steps(linter):
    text = ("Themes include: neglect; develop late in life; consider the family history as a whole.")
    assert rl301(linter, text, "assessment") == []


# --- a plan-list item named by its noun ----------------------------------------------------------------
def test_a_plan_list_item_named_by_its_noun_is_a_step(linter):
    text = ("Next steps\n\n1. Referral to a family support service specialising in blended families.\n"
            "2. Regular home visits to check on the children and support Mum with routines.\n"
            "3. Liaison with the school nurse every fortnight.\n")
    found = plan_findings(linter, text)
    assert ("RL301", "Referral to a family support service specialising in blended families.") in found
    assert ("RL302", "Referral to a family support service specialising in blended families.") in found
    assert ("RL301", "Regular home visits to check on the children and support Mum with routines.") in found
    assert [c for c, t in found if t.startswith("Liaison")] == ["RL302"]   # timed, but no one named


def test_a_noun_item_that_is_done_or_not_in_a_plan_is_not_a_step(linter):
    plan = "Next steps\n\n1. Referral made to CAMHS on 3 May.\n2. Home visits have gone well.\n"
    assert plan_findings(linter, plan) == []
    observations = "Observations\n\n- Regular visits from Nan.\n- Assessment of the home by the health visitor.\n"
    assert plan_findings(linter, observations) == []


# --- a lead-in line opens the list ----------------------------------------------------------------------
def test_a_lead_in_line_opens_a_plan_list(linter):
    text = ("Follow-up\nHaving seen the family today, I recommend:\n\n"
            "1. Weekly phone calls with Mum.\n2. Regular visits to review the bedtime routine.\n")
    assert rl301(linter, text) == ["Regular visits to review the bedtime routine."]


def test_a_line_ending_in_a_colon_is_not_a_lead_in(linter):
    text = "Having seen the family today, I noticed:\n\n1. Regular visits to the park.\n"
    assert plan_findings(linter, text) == []


# --- "It is recommended that X do Y": a step, and X its owner -----------------------------------------------
def test_it_is_recommended_that_someone_do_something(linter):
    text = "It is recommended that the school nurse meet Kai to talk about his sleep."
    found = plan_findings(linter, text)
    assert found == [("RL301", text)]   # the school nurse is named: specific, but no timescale


def test_it_is_important_that_is_still_a_principle(linter):
    assert plan_findings(linter, "It is important that records are accurate and kept up to date.") == []


# --- "X is/are required to ...": a step no one owns ------------------------------------------------------
def test_action_required_to_do_something_is_a_step(linter):
    text = "Further support is needed to help Mum manage the rent arrears."
    assert sorted(c for c, t in plan_findings(linter, text)) == ["RL301", "RL302"]


def test_a_requirement_without_a_purpose_or_with_a_verb_is_not_a_step(linter):
    assert plan_findings(linter, "Consent is required.") == []
    assert plan_findings(linter, "Mum said more help was needed to cope with the twins.") == []


# --- an arrangement timed by a schedule given earlier in the record ------------------------------------------
AGREEMENT = ("When and where\n\nFamily time visits will happen every Saturday from 10 to 12 at the family centre.\n\n"
             "Visits will be supervised by Jo Bell.\n\n"
             "Mum will bring a snack - any worries about the plan will wait until after the visit.\n\n"
             "Staff will encourage Kai to keep going to his visits.\n")


def test_an_arrangement_timed_by_an_earlier_schedule(linter):
    # the visits and what happens at them are timed; getting Kai to go to them is a step of its own
    assert rl301(linter, AGREEMENT, "care_plan") == ["Staff will encourage Kai to keep going to his visits."]


def test_a_schedule_given_later_or_for_another_event_does_not_time_a_step(linter):
    later = ("Visits will be supervised by Jo Bell.\n\n"
             "Family time visits will happen every Saturday from 10 to 12 at the family centre.\n")
    assert rl301(linter, later, "care_plan") == ["Visits will be supervised by Jo Bell."]
    other = "Kai goes to swimming every Saturday.\n\nVisits will be supervised by Jo Bell.\n"
    assert rl301(linter, other, "care_plan") == ["Visits will be supervised by Jo Bell."]


# --- the chair of a meeting doing its job is the process, not a step -------------------------------------
def test_what_the_chair_does_at_a_meeting_is_not_a_step(linter):
    text = "At the end of the meeting the chairperson will go over what has been agreed."
    assert plan_findings(linter, text, "review_record") == []
    named = "At the end of the meeting Jo will send you the notes."
    assert rl301(linter, named, "review_record") == [named]


# --- duties quoted from regulations, advice to the reader, what someone means to do ----------------------
def test_a_list_of_duties_is_not_plan_steps(linter):
    duties = ("Planning\n\nThe registered provider must ensure that:\n\n"
              "• Review each young person's plan with them;\n• Keep records of every visit.\n")
    assert plan_findings(linter, duties, "care_plan", {"name": "Kai"}) == []
    steps = "Actions\n\nJo will make sure that:\n\n• Review Kai's plan with him;\n• Keep a record of what Kai says.\n"
    assert len(rl301(linter, steps, "care_plan")) == 2


def test_advice_to_the_reader_of_a_third_person_record_is_not_a_step(linter):
    advice = ("You should write the note on the same day. Then you need to add the time. "
              "Make sure you write down the child's own words.")
    assert plan_findings(linter, advice, "case_note") == []
    # a supervision record directs the worker: those are steps
    assert rl301(linter, "You need to ring Mum about the school run.", "supervision") == [
        "You need to ring Mum about the school run."]


def test_what_someone_means_to_do_is_not_a_step(linter):
    text = "Dad's attempts to find work and training show how much he cares about Kai."
    assert plan_findings(linter, text) == []
    assert rl301(linter, "Dad to find work.") == ["Dad to find work."]   # an infinitive of intent is a step


# --- the author's own promise, reported with "would" ----------------------------------------------------
def test_the_authors_reported_promise_is_a_step(linter):
    text = "I assured Kai that I would tell his teacher about the bike."
    assert rl301(linter, text, "case_note") == [text]


def test_someone_elses_would_or_a_wish_is_not_a_step(linter):
    assert plan_findings(linter, "Mum said that she would call the school.", "case_note") == []
    assert plan_findings(linter, "I told Kai that I would like to see his room.", "case_note") == []
    assert plan_findings(linter, "I explained that I would need to speak to my manager.", "case_note") == []


# --- terse notes' next contact: "Next: 2 weeks." ------------------------------------------------------------
def test_next_and_a_timescale_is_a_timed_step_no_one_owns(linter):
    assert plan_findings(linter, "Client seen at home. Next: 2 weeks.", "case_note") == [("RL302", "Next: 2 weeks.")]


def test_next_with_something_else_is_not_a_step(linter):
    assert plan_findings(linter, "Next: review meeting.", "case_note") == []
    assert plan_findings(linter, "Next visit: 14.11.2024", "case_note") == []


# --- "Recommendations include doing ...", a label before an imperative with a "to", "it" as the doer ------
def test_recommendations_include_doing_is_a_step_no_one_owns(linter):
    text = "Recommended actions\n1. Social Support: Recommendations include linking Kai with a youth club."
    assert sorted(c for c, t in plan_findings(linter, text)) == ["RL301", "RL302"]
    assert plan_findings(linter, "Recommendations from the last review were met.") == []


def test_a_label_before_an_imperative_is_not_its_owner(linter):
    text = "Recommended actions\n1. Housing: Facilitate access to grants to pay for a new cooker."
    assert sorted(c for c, t in plan_findings(linter, text)) == ["RL301", "RL302"]   # no one named


def test_it_as_the_doer_is_the_process(linter):
    assert plan_findings(linter, "It will decide whether anything needs to change.", "review_record") == []
    hoped = plan_findings(linter, "It is hoped that you will see your sister more often.", "review_record")
    assert [c for c, t in hoped] == ["RL301", "RL302"]


# --- RL303 on a page for any child: telling them about the back-up plan covers it ------------------------
def test_a_page_that_tells_the_child_about_the_back_up_plan_has_one(linter):
    page = ("What is a care plan?\n\nYour plan says where you will live and who will help you.\n"
            "It will also say what will happen if the plan isn't working.")
    assert findings_of(linter, page, "care_plan", {}, category="plan.contingency") == []
    backup = ("What is a pathway plan?\n\nYour plan will include a back-up plan, so it is not the end of the world "
              "if things change.")
    assert findings_of(linter, backup, "pathway_plan", {}, category="plan.contingency") == []


def test_a_page_that_never_mentions_a_back_up_plan_is_flagged(linter):
    page = ("What is a care plan?\n\nYour plan says where you will live and who will help you.\n"
            "If you are unhappy, you can ring us.")
    assert findings_of(linter, page, "care_plan", {}, category="plan.contingency") == [
        ("RL303", "plan.contingency", None)]


# --- a procedure about children in general: its agentless "should be" sentences are rules ----------------
PROCEDURE = ("Visits to children on a plan\n\nVisits should take place at least every 10 working days. "
             "During each visit the child should be seen alone. The names of everyone present should be recorded.")


def test_agentless_rules_in_a_procedure_are_not_steps(linter):
    assert plan_findings(linter, PROCEDURE, "visit_record", {}) == []


def test_agentless_should_be_in_a_visit_report_with_a_plan_is_a_step(linter):
    report = ("Visit to the family\n\nThe children were settled.\n\nRecommended actions\n"
              "1. Referral: A parenting course should be found for Mum.\n")
    assert sorted(c for c, t in plan_findings(linter, report, "visit_record", {})) == ["RL301", "RL302"]
    named = "The child should be seen alone at the next visit."
    assert sorted(c for c, t in plan_findings(linter, named, "visit_record", {"name": "Kai"})) == ["RL301", "RL302"]


# --- "need to be able to VERB": the step is VERB --------------------------------------------------------
def test_need_to_be_able_to_do_something_is_a_step(linter):
    text = "Jo needs to be able to explain the plan to Mum."
    assert rl301(linter, text, "case_note") == [text]


def test_will_be_able_to_in_the_past_or_a_state_is_not_a_step(linter):
    assert plan_findings(linter, "Kai will be 18 in June.", "case_note") == []
    assert plan_findings(linter, "Kai was able to explain what happened.", "case_note") == []


# --- a step noun before an infinitive is not its owner ----------------------------------------------------
def test_a_step_noun_before_to_names_no_one(linter):
    text = "Actions\n- Regular home visits to check on the baby.\n- Social worker to ring the school."
    found = plan_findings(linter, text)
    assert ("RL302", "Regular home visits to check on the baby.") in found
    assert ("RL302", "Social worker to ring the school.") not in found   # a role is named


def test_a_noun_step_names_its_owner_with_by(linter):
    text = "Recommendations:\n- Assessment of Mum's health by the GP.\n- Assessment of Dad's health by the end of May."
    found = plan_findings(linter, text)
    assert found == [("RL301", "Assessment of Mum's health by the GP."),
                     ("RL302", "Assessment of Dad's health by the end of May.")]


# --- a bare plural with "should": a rule in running text or learning points, a step in a recommendations list --
def test_a_bare_plural_should_in_a_recommendations_list_is_a_step(linter):
    text = "Recommendations include: schools should record every absence; health visitors should ask about fathers."
    assert rl301(linter, text, "assessment") == ["schools should record every absence",
                                                 "health visitors should ask about fathers."]


def test_a_bare_plural_should_in_learning_points_is_a_rule(linter):
    text = "Learning includes: practitioners should ask about fathers; agencies must share information quickly."
    assert plan_findings(linter, text, "assessment") == []


# --- a table of targets is an action table ------------------------------------------------------------
def test_a_table_of_targets_is_an_action_table(linter):
    text = ("My education plan\n\n| Target | Who will help | Review date |\n"
            "| Read a chapter book | Mrs Jones | July 2026 |\n"
            "| Make friends at lunchtime | Learning mentor | ongoing |")
    assert rl301(linter, text, "care_plan") == ["Make friends at lunchtime | Learning mentor | ongoing"]


def test_a_table_of_other_things_is_not_an_action_table(linter):
    text = "My week\n\n| Day | Club |\n| Monday | Football |\n| Tuesday | Art |"
    assert plan_findings(linter, text, "care_plan") == []


# --- support as a noun step in a plan list; as a subject it is not an order ------------------------------
def test_continued_support_in_a_plan_list_is_a_step(linter):
    text = "Recommendations\n- Continued support from the family support worker."
    assert sorted(c for c, t in plan_findings(linter, text)) == ["RL301", "RL302"]


def test_a_noun_with_its_own_verb_in_a_bullet_is_not_an_order(linter):
    assert plan_findings(linter, "Observations\n- Support from Nan is good for Kai.") == []
    assert rl301(linter, "Actions\n- Support Mum with the school run.") == ["Support Mum with the school run."]


# --- what a review found or teaches is not a step (round 2) ------------------------------------------------
def test_learning_points_and_key_issues_are_not_steps(linter):
    text = ("Learning: doctors should lead when a child sees several clinics; practitioners need to keep "
            "an open mind; the importance of supervision to ensure that drift is noticed.\n"
            "Key issues: include: lack of challenge to improve the home.\n\n"
            "Learning points\n\nStaff should check the history before a visit.")
    assert plan_findings(linter, text, "assessment") == []


def test_the_same_points_as_recommendations_are_steps(linter):
    text = "Recommendations: doctors should lead when a child sees several clinics; review the escalation guidance."
    assert rl301(linter, text, "assessment") == ["doctors should lead when a child sees several clinics",
                                                 "review the escalation guidance."]


# --- "Recommendations to X include:" names X; "the following recommendations:" opens a list -----------------
def test_recommendations_to_someone_name_the_owner(linter):
    text = "Recommendations to the council include: audit the files on neglect; evaluate the new training."
    assert plan_findings(linter, text, "assessment") == [("RL301", "audit the files on neglect"),
                                                         ("RL301", "evaluate the new training.")]
    text = "Recommendations include: audit the files on neglect."
    assert sorted(c for c, t in plan_findings(linter, text, "assessment")) == ["RL301", "RL302"]


def test_to_items_under_the_following_recommendations_are_steps(linter):
    text = ("The review made the following recommendations:\n\n• To set up a clear route to help for new parents\n\n"
            "• To train health visitors in asking about fathers by June 2027")
    assert plan_findings(linter, text, "assessment") == [
        ("RL301", "To set up a clear route to help for new parents"),
        ("RL302", "To set up a clear route to help for new parents"),
        ("RL302", "To train health visitors in asking about fathers by June 2027")]


def test_to_items_outside_a_plan_are_aims_not_steps(linter):
    text = "Aims of the session:\n\n1. To talk about how Kai feels about his new school."
    assert plan_findings(linter, text, "case_note") == []


# --- a list item that opens with its setting; a listed verb before an -ing word -------------------------
def test_a_step_after_its_setting_in_a_list(linter):
    text = "Recommendations include: in training for new staff, highlight how quickly risks move between areas; " \
           "share learning from the audit with schools."
    assert rl301(linter, text, "assessment") == [
        "in training for new staff, highlight how quickly risks move between areas",
        "share learning from the audit with schools."]


def test_a_setting_in_running_text_is_not_a_step(linter):
    text = "In training last week, staff talked about how quickly risks move between areas."
    assert plan_findings(linter, text, "assessment") == []


# --- feelings, purposes and offers before "to" ------------------------------------------------------------
def test_a_feeling_or_a_purpose_before_to_is_not_a_step(linter):
    assert plan_findings(linter, "Great to meet the new foster carers today.", "case_note") == []
    assert plan_findings(linter, "But, in order to keep the notes short, I have left out the names.",
                         "case_note") == []
    assert plan_findings(linter, "The home offers:\n- Opportunity to meet other young people\n- A quiet room",
                         "assessment") == []


def test_a_step_after_a_purpose_or_a_role_before_to_is_a_step(linter):
    assert rl301(linter, "In order to keep Kai safe, Mum will lock the medicines away.", "case_note") == [
        "In order to keep Kai safe, Mum will lock the medicines away."]
    assert rl301(linter, "Actions\n- Becky to look into life story work.", "review_record") == [
        "Becky to look into life story work."]


# --- "Every X must ...", "Practitioners need to ...": rules for all of a kind ---------------------------------
def test_every_or_a_bare_plural_with_need_to_is_a_rule(linter):
    text = "Every school must appoint a designated teacher. Practitioners need to stay curious when concerns build."
    assert plan_findings(linter, text, "assessment") == []


def test_a_named_person_who_needs_to_act_is_a_step(linter):
    text = "Mum and Dad need to attend the parenting course."
    assert rl301(linter, text, "case_note") == ["Mum and Dad need to attend the parenting course."]
    text = "Recommendations: every school should appoint a lead for children in care."
    assert rl301(linter, text, "assessment") == ["every school should appoint a lead for children in care."]


# --- "will have to VERB": the step is VERB ---------------------------------------------------------------
def test_have_to_is_judged_by_the_verb_after_it(linter):
    assert plan_findings(linter, "I will have to make a visit to the home.", "case_note") == [
        ("RL301", "I will have to make a visit to the home.")]
    assert plan_findings(linter, "I will have to support Mum with the bills.", "case_note") == [
        ("RL301", "I will have to support Mum with the bills."),
        ("RL302", "I will have to support Mum with the bills.")]


# --- requests and the author's agreements (round 2) --------------------------------------------------------
def test_a_request_in_a_referral_is_a_step_of_the_reader(linter):
    text = "He threw the pens again today. Please talk to him and ring his mum if needed."
    assert plan_findings(linter, text, "case_note") == [
        ("RL301", "Please talk to him and ring his mum if needed.")]


def test_please_note_is_not_a_step(linter):
    assert plan_findings(linter, "Please note that all names have been changed.", "case_note") == []


def test_the_authors_agreement_is_a_step(linter):
    text = "I talk about the heating with their dad and agree to see if we can find a grant."
    assert plan_findings(linter, text, "case_note") == [
        ("RL301", "I talk about the heating with their dad and agree to see if we can find a grant."),
        ("RL302", "I talk about the heating with their dad and agree to see if we can find a grant.")]


def test_someone_elses_agreement_is_reported_not_the_authors_step(linter):
    assert plan_findings(linter, "I asked her and she agreed to call the school.", "case_note") == []
    assert plan_findings(linter, "I asked Mum and Dad agreed to call the school.", "case_note") == []


# --- a lead-in that ends with a colon is not itself a step ------------------------------------------------
def test_a_lead_in_to_a_list_is_not_a_step(linter):
    text = "The council must publish information about:\n\n- the help it gives care leavers"
    assert plan_findings(linter, text, "assessment") == []
    assert rl301(linter, "The council must publish its offer on its website.", "assessment") == [
        "The council must publish its offer on its website."]


# --- "when you turn 18" is an anchor; notes that should say something are the document ----------------------
def test_turning_an_age_times_a_step(linter):
    text = "When you turn 18 you will need to apply for Universal Credit. You will need to open a bank account."
    assert rl301(linter, text, "pathway_plan") == ["You will need to open a bank account."]


def test_what_the_notes_should_say_is_not_a_step(linter):
    text = "Your notes should say whether Dad was at home. Your manager should read the file."
    assert rl301(linter, text, "supervision") == ["Your manager should read the file."]


# --- a review's recommendation reported in a sentence -------------------------------------------------------
def test_a_reported_recommendation_of_a_review_is_a_step(linter):
    text = "The report published today has stressed that health visitors should be given time to ask about fathers."
    assert plan_findings(linter, text, "assessment") == [("RL301", text), ("RL302", text)]
    text = "The panel recommends that schools should record every absence by May 2027."
    assert plan_findings(linter, text, "assessment") == []


def test_a_review_judging_the_past_or_someones_opinion_is_not_a_step(linter):
    assert plan_findings(linter, "The review found that staff should have acted sooner.", "assessment") == []
    assert plan_findings(linter, "Mum said that staff should be kinder to the children.", "assessment") == []


# --- the items of a list each name their own owner ---------------------------------------------------------
def test_a_list_item_does_not_borrow_the_owner_of_the_item_before(linter):
    text = "Recommendations include: the school should keep a record of absences; review the guidance by May 2027."
    assert plan_findings(linter, text, "assessment") == [
        ("RL301", "the school should keep a record of absences"), ("RL302", "review the guidance by May 2027.")]


def test_a_step_joined_to_the_one_before_still_belongs_to_its_owner(linter):
    text = "Mum will ring the GP by Friday; and book the dentist by Monday."
    assert plan_findings(linter, text, "case_note") == []


# --- outside a plan, a bullet that opens with a verb no plan list names describes, it does not order ----------
def test_a_bullet_outside_a_plan_with_an_unlisted_verb_is_a_description(linter):
    text = "Clothing\nBoth children-\n• Wear dirty clothes to school\n• Arrive late most days"
    assert plan_findings(linter, text, "assessment") == []


def test_a_bullet_with_a_plan_verb_or_under_a_plan_heading_is_a_step(linter):
    assert rl301(linter, "Clothing\nBoth children-\n• Book a uniform fitting", "assessment") == [
        "Book a uniform fitting"]
    assert rl301(linter, "Next steps\n• Wear the new glasses at school", "assessment") == [
        "Wear the new glasses at school"]


def test_a_sentence_leading_into_steps_keeps_the_plan(linter):
    text = "Actions\n\nJo will make sure that:\n\n• Keep a diary of Kai's sleep;\n• Wear the new glasses at school."
    assert rl301(linter, text, "care_plan") == ["Keep a diary of Kai's sleep", "Wear the new glasses at school."]


def test_an_invitation_to_get_in_touch_is_not_a_request_for_a_step(linter):
    assert plan_findings(linter, "Please contact me if you have any questions.", "case_note") == []
    assert plan_findings(linter, "Please let us know how the weekend went.", "case_note") == []
    assert plan_findings(linter, "Please ring the school if you are worried about him.", "case_note") == []


def test_an_offer_the_author_made_is_narrative(linter):
    assert plan_findings(linter, "I offered to take Kai to the park but he said no.", "case_note") == []
    assert rl301(linter, "I promised to ring Kai after the hearing.", "case_note") == []   # timed by the event
    assert rl301(linter, "I promised to ring Kai back.", "case_note") == ["I promised to ring Kai back."]


def test_an_outcome_in_a_plan_list_is_not_a_step(linter):
    text = "My plan\n- To feel safe at home\n- To be happier at school\n- To join a football club"
    assert rl301(linter, text, "care_plan") == ["To join a football club"]


# --- agentless passive steps in case notes (round 4) -----------------------------------------------------
def test_a_passive_step_with_an_adverb_before_its_participle(linter):
    text = "Recommendations include: visits by fathers should be routinely noted in the health file."
    found = plan_findings(linter, text, "assessment")
    assert [c for c, t in found] == ["RL301", "RL302"]
    assert found[0][1] == "visits by fathers should be routinely noted in the health file."
    # an adverb before an adjective is still a state, not a step
    assert plan_findings(linter, "Kai will be really pleased with his new bike.", "case_note") == []


def test_a_passive_take_with_a_modal_is_a_step_not_an_event(linter):
    assert rl301(linter, "Court proceedings will be taken against the landlord.", "case_note") == [
        "Court proceedings will be taken against the landlord."]
    # "take place" says when something happens; "Action to be taken" is a form's label
    assert plan_findings(linter, "The hearing will take place on 3 May.", "case_note") == []
    assert plan_findings(linter, "Action to be taken / Lead agency / Target date", "case_note") == []


def test_an_ing_noun_with_a_passive_infinitive_is_a_step(linter):
    found = plan_findings(linter, "Tutoring to be arranged for Kai to help with his reading.", "case_note")
    assert [c for c, t in found] == ["RL301", "RL302"]
    assert plan_findings(linter, "Tutoring to be arranged for Kai by his teacher within 2 weeks.", "case_note") == []
    # a concern or a topic with an -ing word is not a step
    assert plan_findings(linter, "Grandad struggling to manage the stairs.", "case_note") == []


def test_a_need_after_and_is_a_step_no_one_owns(linter):
    text = "The flat has no heating, and urgent action is required to make it warm."
    found = plan_findings(linter, text, "case_note")
    assert found == [("RL301", text), ("RL302", text)]
    assert plan_findings(linter, "The flat is warm again, and no further action is required.", "case_note") == []
    assert plan_findings(linter, "Mum was tired, and help was needed with the shopping.", "case_note") == []


# --- a recommendations list of -ing items and subjunctive items (round 4) ------------------------------
def test_ing_and_subjunctive_items_of_a_recommendations_list_are_steps(linter):
    text = ("Recommendations include: piloting a single front door for referrals about neglect; "
            "and youth services offer evening sessions for young carers.")
    found = plan_findings(linter, text, "assessment")
    assert ("RL301", "piloting a single front door for referrals about neglect") in found
    assert ("RL302", "piloting a single front door for referrals about neglect") in found   # no one named
    assert ("RL301", "and youth services offer evening sessions for young carers.") in found
    assert ("RL302", "and youth services offer evening sessions for young carers.") not in found


def test_ing_and_plural_items_outside_recommendations_are_not_steps(linter):
    likes = "Things Kai enjoys\n- visiting his nan on Sundays\n- playing football with his cousins"
    assert plan_findings(linter, likes, "assessment") == []
    # in a plan list that is not a recommendation, a plural subject and its verb is a statement
    assert plan_findings(linter, "Next steps\n- Parents attend the school meeting together.", "assessment") == []
    # a form's question run into its heading is not a step
    assert plan_findings(linter, "2. Housing Are the rooms warm enough, do they have beds", "assessment") == []


# --- a plan field whose value is a noun phrase (round 4) -------------------------------------------------
def test_a_plan_field_value_named_by_nouns_is_a_step(linter):
    text = "Kai rang the helpline from school.\n\ncase_plan: Urgent safeguarding and family support"
    found = plan_findings(linter, text, "case_note")
    assert found == [("RL301", "Urgent safeguarding and family support"),
                     ("RL302", "Urgent safeguarding and family support")]
    assert rl301(linter, "Plan: A move to his aunt's and weekly follow-up calls", "case_note") == []   # timed
    assert [c for c, t in plan_findings(linter, "Plan: A move to his aunt's and weekly follow-up calls",
                                        "case_note")] == ["RL302"]   # no one named


def test_a_plan_field_value_that_is_not_a_step(linter):
    for text in ("Plan: No further action.", "Case plan: Kai is settled and doing well at school.",
                 "Date of plan: 12.2.26", "Support plan: Referral made to CAMHS on 3 May."):
        assert plan_findings(linter, text, "case_note") == [], text
    # a field value with no step noun is a label, not a step
    assert plan_findings(linter, "case_plan: Kinship care with grandmother", "case_note") == []


# --- an order whose object has a relative clause with a modal; a nominal subject (round 4) ---------------
def test_an_order_with_a_modal_in_its_relative_clause_is_the_step(linter):
    text = "Next stage\n• Develop house rules which will then be checked by the family;\n• Book a room."
    found = plan_findings(linter, text, "chronology")
    assert ("RL302", "Develop house rules which will then be checked by the family") in found   # no one named
    # the modal of a sentence with its own subject is still the anchor: the family is named
    assert rl301(linter, "The family will check the house rules which Jo will draw up.", "chronology") == [
        "The family will check the house rules which Jo will draw up."]
    assert [c for c, t in plan_findings(linter, "The family will check the house rules which Jo will draw up.",
                                        "chronology")] == ["RL301"]


def test_the_involvement_or_provision_of_someone_names_no_owner(linter):
    found = plan_findings(linter, "• The involvement of a mentor to help Kai settle at college.", "chronology")
    assert [c for c, t in found] == ["RL301", "RL302"]
    assert plan_findings(linter, "The involvement of the police was helpful.", "chronology") == []


# --- what tends to happen is not a step (round 4) ----------------------------------------------------
def test_a_frequency_adverb_after_the_modal_says_what_tends_to_happen(linter):
    assert plan_findings(linter, "Plans that are unclear will often leave families confused.", "supervision") == []
    assert plan_findings(linter, "Young people will sometimes test the boundaries at first.", "supervision") == []
    assert rl301(linter, "Jo will check the boundaries with Kai.", "supervision") == [
        "Jo will check the boundaries with Kai."]


# --- a lead-in to a list of goals (round 4) --------------------------------------------------------------
def test_a_lead_in_to_goals_opens_a_plan_list(linter):
    text = ("A goal that meets the test includes:\n\n1) Walk to school with Mum at least three times a week\n"
            "2) Improve his mood\n")
    found = plan_findings(linter, text, "supervision")
    assert [c for c, t in found if t.startswith("Walk")] == ["RL302"]   # timed, but no one named
    assert [c for c, t in found if t.startswith("Improve")] == ["RL301", "RL302"]


def test_a_lead_in_that_is_not_about_goals_is_not_a_plan_list(linter):
    assert plan_findings(linter, "I noticed these things:\n\n1) Walk to school\n2) Improve his mood\n",
                         "supervision") == []
    assert plan_findings(linter, "Examples of the objective include:\n\n1) Walk to school\n", "supervision") == []


def test_the_end_of_the_first_month_is_a_timescale(linter):
    assert rl301(linter, "Actions:\n- Jo will set up the rota by the end of the first month.", "case_note") == []
    assert rl301(linter, "Actions:\n- Jo will set up the rota for the first team.", "case_note") == [
        "Jo will set up the rota for the first team."]


# --- in a supervision record, a line that opens with an order is a direction (round 4) -------------------
def test_an_order_on_its_own_line_in_a_supervision_is_a_step(linter):
    text = ("Targets\n\nRaise the share of parents who come to the group by sending a reminder text.\n\n"
            "Reach a 10% rise in attendance over the next three months.\n\n"
            "• Review: Regularly review the attendance figures to find patterns.")
    found = plan_findings(linter, text, "supervision")
    raise_ = "Raise the share of parents who come to the group by sending a reminder text."
    assert ("RL301", raise_) in found and ("RL302", raise_) in found
    assert [c for c, t in found if t.startswith("Reach")] == ["RL302"]   # timed, but no one named
    assert [c for c, t in found if "Regularly" in t] == ["RL301", "RL302"]   # "regularly" is vague


def test_lines_that_are_not_orders_in_a_supervision_are_not_steps(linter):
    text = ("Be ready to change the plan if families say it is not working.\n\n"
            "Feel free to call the duty manager.\n\n"
            "Develop and agree the wording for urgent referrals / Lead: Jo / By 31/01/2027\n\n"
            "Setting clear targets helps workers focus.")
    assert plan_findings(linter, text, "supervision") == []
    # outside a supervision, a line like this is not read as a direction
    assert plan_findings(linter, "Raise the share of parents who come to the group by sending a reminder text.",
                         "case_note") == []


# --- "the need to" after a preposition is a noun, not a modal (round 4) ------------------------------
def test_the_noun_need_in_a_phrase_is_not_the_anchor(linter):
    text = "Recommendations include: consider a new rota together with the need to train staff."
    found = plan_findings(linter, text, "assessment")
    step = "consider a new rota together with the need to train staff."
    assert found == [("RL301", step), ("RL302", step)]   # the order is the step: "consider", no one named
    assert plan_findings(linter, "We talked about the need to keep Kai safe at night.", "case_note") == []
    assert rl301(linter, "Mum and Kai both need to attend the meeting.", "case_note") == [
        "Mum and Kai both need to attend the meeting."]


# --- a decision in the subjunctive passive (round 4) -----------------------------------------------------
def test_a_decision_that_something_be_done_is_a_step_no_one_owns(linter):
    text = "The board agreed that the leaflet be rewritten for younger children."
    assert plan_findings(linter, text, "supervision") == [("RL301", text), ("RL302", text)]
    timed = "The panel recommended that the rota be checked by 30 June 2027."
    assert plan_findings(linter, timed, "supervision") == [("RL302", timed)]


def test_that_clauses_that_are_not_decisions_are_not_steps(linter):
    for text in ("Mum asked that the visits be moved to Saturdays.", "We spoke so that Kai could be heard.",
                 "She said that it would be fine.", "I made sure that Kai was safe."):
        assert plan_findings(linter, text, "supervision") == [], text


# --- a sentence that is an order on its own does not borrow the owner before it (round 4) ----------------
def test_an_order_on_its_own_names_no_owner(linter):
    text = ("Kai is behind with reading. We should ask the school about a tutor by 3 May 2027. "
            "Discuss at the next review.")
    found = plan_findings(linter, text, "case_note")
    assert ("RL302", "Discuss at the next review.") in found   # "we" owned the sentence before, not this one
    joined = "Jo will ring the school by 3 May 2027. Then book the dentist for Kai by 10 May 2027."
    assert plan_findings(linter, joined, "case_note") == []   # "Then ..." goes on Jo's step
