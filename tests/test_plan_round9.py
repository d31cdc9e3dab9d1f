"""Issue 11, round 9: classes of plan language (RL301, RL302) seen on real text. Invented sentences, each class
with the flagged and the clean case."""
from __future__ import annotations

from conftest import plan_findings_of, plan_texts_of


def plan_findings(linter, text, doc_type="assessment", child=None):
    return plan_findings_of(linter, text, doc_type, child)


def rl301(linter, text, doc_type="assessment"):
    return plan_texts_of(linter, text, doc_type, "RL301")


def rl302(linter, text, doc_type="assessment"):
    return plan_texts_of(linter, text, doc_type, "RL302")


# --- a lead-in that says what must change: recommendations under another name -----------------------------------
def test_items_under_what_should_change_are_recommended_steps(linter):
    decision = ("We found that the family's wishes were not recorded.\n\n"
                "What the review said needs to change:\n\n"
                "- Parents' wishes should be recorded at every planning meeting.\n"
                "- Managers should check each closing summary.\n")
    # the first names no one and has no timescale; the second names who, and has no timescale
    assert rl302(linter, decision) == ["Parents' wishes should be recorded at every planning meeting."]
    assert rl301(linter, decision) == ["Managers should check each closing summary."]
    lead = ("The audit showed the need for the following changes in practice:\n"
            "• The need for supervisors to read each chronology\n")
    assert rl301(linter, lead) == ["The need for supervisors to read each chronology"]


def test_the_same_items_with_no_such_lead_in_are_general_rules(linter):
    guidance = ("Good recording\n\n"
                "- Parents' wishes should be recorded at every planning meeting.\n"
                "- Managers should check each closing summary.\n")
    assert plan_findings(linter, guidance) == []
    # a lead-in that lists what happened is not a list of changes
    told = ("The following changes were made last year:\n"
            "• The need for supervisors to read each chronology\n")
    assert plan_findings(linter, told) == []


# --- an order whose verb English has only as a verb, which the tagger took for a noun; "What we asked X to do:" --
def test_an_order_led_by_what_we_asked_them_to_do_is_a_step(linter):
    remedy = ("We upheld the complaint.\n\n"
              "What we asked the council to do in this case:\n\n"
              "- Apologise to Mrs B for the delay in the assessment.\n")
    # the lead-in names who (the council); nothing says by when
    assert plan_findings(linter, remedy) == [("RL301", "Apologise to Mrs B for the delay in the assessment.")]
    plan = "Next steps\n\n- Enrol Kai in the holiday football scheme.\n"
    assert rl301(linter, plan, "case_note") == ["Enrol Kai in the holiday football scheme."]


def test_a_noun_first_item_or_a_report_is_not_an_order(linter):
    # "Support" is a noun too: a noun phrase under a lead-in that reports, not an order
    said = ("We upheld the complaint.\n\n"
            "Mrs B told us what she found hard:\n\n"
            "- Support from the team ending without notice.\n")
    assert plan_findings(linter, said) == []
    # a bullet in a list of what happened, not under a plan or an order lead-in
    told = "Concerns raised:\n\n- Apologise was the first word Kai wrote in his diary.\n"
    assert plan_findings(linter, told, "case_note") == []


# --- an arranged step noun that is not the head of its phrase ---------------------------------------------------
def test_planned_visits_inside_a_description_are_not_a_step(linter):
    note = "Work so far:\n- High number of planned home visits to the flat.\n"
    assert plan_findings(linter, note, "case_note") == []
    planned = "Plan:\n- Planned home visit to the flat.\n"
    assert rl301(linter, planned, "case_note") == ["Planned home visit to the flat."]
    assert rl301(linter, "Plan:\n- Home visit planned.\n", "case_note") == ["Home visit planned."]


# --- how the text names someone ---------------------------------------------------------------------------------
def test_the_author_naming_someone_is_not_a_step(linter):
    decision = ("The complaint\n- The complainant, whom I will call Mrs B, complained the council lost her file.\n"
                "- I shall refer to her son as C.\n")
    assert plan_findings(linter, decision) == []
    # a call is a step
    assert rl301(linter, "Next steps:\n- I will call Mrs B about the file.\n") == ["I will call Mrs B about the file."]


# --- the first sentence of a bullet with more than one ----------------------------------------------------------
def test_each_sentence_of_a_bullet_is_a_unit(linter):
    plan = "Actions:\n• Jo will ring the school. She will also write to Mum.\n"
    assert rl301(linter, plan, "case_note") == ["Jo will ring the school.", "She will also write to Mum."]
    # a bullet whose second sentence says when: one step, timed
    timed = "Actions:\n• Jo will ring the school. This will be done by 3 May 2026.\n"
    assert rl301(linter, timed, "case_note") == []


# --- any one of a kind with "should" or "must": a rule for all of that kind -----------------------------------------
def test_any_one_of_a_kind_with_should_or_must_is_a_rule(linter):
    principles = ("Principles\n\n"
                  "A young person's wishes must be given weight in line with their age.\n"
                  "A review should be held with the family before any change of school.\n")
    assert plan_findings(linter, principles, "case_note") == []


def test_one_named_step_or_one_in_a_plan_is_still_a_step(linter):
    # "will": a step someone is to take
    assert rl302(linter, "A meeting will be arranged with the school.", "case_note") == [
        "A meeting will be arranged with the school."]
    # in a plan section, "should" recommends
    plan = "Recommendations\n\nA review should be held with the family before any change of school.\n"
    assert rl302(linter, plan, "case_note") == ["A review should be held with the family before any change of school."]
    # naming the child: about this child
    named = "A referral for Kai should be made to the school nurse."
    assert rl302(linter, named, "case_note") == [named]


# --- a provision named by its noun, timed only by a vague "when" or "regular" -------------------------------------
def test_a_provision_with_only_a_vague_when_is_a_step_wherever_it_stands(linter):
    listed = ("Kai's plan was written in May. It lists:\n"
              "- Help from a learning mentor as appropriate\n"
              '- "Regular sessions with the school counsellor"\n')
    assert rl301(linter, listed, "supervision") == ["Help from a learning mentor as appropriate",
                                                    "Regular sessions with the school counsellor"]
    assert rl302(linter, listed, "supervision") == ["Help from a learning mentor as appropriate",
                                                    "Regular sessions with the school counsellor"]
    quoted = ('Plans often say things like "use of a quiet room as appropriate" and nothing more.\n\n'
              '"Time with a reading tutor where appropriate"\n')
    assert rl301(linter, quoted, "supervision") == ["use of a quiet room as appropriate",
                                                    "Time with a reading tutor where appropriate"]


def test_a_timed_provision_an_order_or_a_short_phrase_is_not_a_vague_provision(linter):
    clean = ("Kai's plan was written in May. It lists:\n"
             "- One hour a week with a learning mentor, from Ms Patel\n"
             "- Changes as appropriate\n\n"
             '"As appropriate" could mean anything.\n')
    assert plan_findings(linter, clean, "supervision") == []
    # "Regular ..." not quoted as a plan's wording says what happens
    assert plan_findings(linter, "We saw:\n- Regular visits from Kai's nan to the flat\n", "supervision") == []
    # a heading-like line that is not quoted stays a heading
    assert plan_findings(linter, "Regular contact with family\n\nKai sees his nan on Sundays.\n", "care_plan") == []


# --- "it was agreed that ... would" in a record of events: what a meeting decided, told -------------------------
def test_a_past_agreement_told_in_a_case_note_is_not_a_step(linter):
    note = "Kai's case was discussed at the panel and it was agreed that he would be referred to the youth service.\n"
    assert plan_findings(linter, note, "case_note") == []
    told = "It was agreed that short words would be used with Kai at the interview.\n"
    assert plan_findings(linter, told, "assessment") == []


def test_an_agreement_still_to_act_on_or_in_a_plan_is_a_step(linter):
    live = "At the meeting it was agreed that Jo will ring the school."
    assert rl301(linter, live, "case_note") == [live]
    plan = "It was agreed that Jo would ring the school."
    assert rl301(linter, plan, "care_plan") == [plan]


# --- an event or a resource that offers something ---------------------------------------------------------------
def test_what_an_event_or_resource_offers_is_not_a_step(linter):
    notice = ("This workshop will give carers an overview of the new guidance.\n"
              "The new leaflet will help families find local support.\n")
    assert plan_findings(linter, notice, "assessment") == []


def test_an_event_arranged_or_a_person_who_gives_is_a_step(linter):
    assert rl302(linter, "A workshop will be arranged for carers.", "assessment") == [
        "A workshop will be arranged for carers."]
    assert rl301(linter, "Jo will give carers an overview of the new guidance.", "assessment") == [
        "Jo will give carers an overview of the new guidance."]


# --- "it is important / vital to ...": what matters, outside a plan ---------------------------------------------
def test_what_matters_outside_a_plan_is_not_a_step(linter):
    guidance = ("When writing a plan, it is important to think about the child's whole week.\n"
                "It is vital that carers feel listened to.\n")
    assert plan_findings(linter, guidance, "supervision") == []


def test_a_need_or_what_matters_in_a_plan_is_a_step(linter):
    need = "It is essential to keep checking how Kai is sleeping."
    assert rl302(linter, need, "visit_record") == [need]
    # naming the child: about this child
    named = "It is important to book Kai a dental check-up."
    assert rl301(linter, named, "case_note") == [named]
    plan = "Plan\n\nIt is important to book Kai a dental check-up.\n"
    assert rl301(linter, plan, "case_note") == ["It is important to book Kai a dental check-up."]


# --- "has agreed to" in a clause after another --------------------------------------------------------------------
def test_an_undertaking_in_a_later_clause_is_a_step(linter):
    joined = "The apology was not enough and the council has agreed to pay Mrs B £300."
    assert rl301(linter, joined, "assessment") == [joined]
    after = "In recognition of the delay caused, the school has agreed to write to Mrs B."
    assert rl301(linter, after, "assessment") == [after]


def test_a_clause_with_no_undertaking_after_a_finite_verb_is_not_a_step(linter):
    told = "The apology was not enough and the council has agreed with us."
    assert plan_findings(linter, told, "assessment") == []
    past = "Mrs B said the council had agreed to pay, and it did."
    assert plan_findings(linter, past, "assessment") == []


# --- a group of people in a list of recommendations -------------------------------------------------------------
def test_a_group_in_a_list_of_recommendations_is_who_it_is_for(linter):
    recs = ("Recommendations\n\n- Staff should read the chronology before each visit to Kai.\n"
            "- Carers should keep a diary.\n")
    assert rl301(linter, recs, "assessment") == ["Carers should keep a diary."]


def test_a_group_or_everyone_outside_recommendations_is_a_rule(linter):
    rules = "House rules\n\n- Staff should knock before going into a bedroom.\n"
    assert plan_findings(linter, rules, "assessment") == []
    recs = "Recommendations\n\n- Nobody should shout at Kai.\n"
    assert plan_findings(linter, recs, "assessment") == []
