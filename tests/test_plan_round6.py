"""Issue 11, round 6: classes of plan language (RL301, RL302) seen on real text. Invented paraphrases,
each with the flagged and the clean case."""
from __future__ import annotations

from conftest import plan_findings_of


def plan_findings(linter, text, doc_type="case_note", child=None):
    return plan_findings_of(linter, text, doc_type, child)


def rl302(linter, text, doc_type="case_note"):
    return [t for c, t in plan_findings(linter, text, doc_type) if c == "RL302"]


# --- who: the subject of the modal's own clause ---------------------------------------------------------
def test_a_modal_with_no_subject_names_no_one(linter):
    # a diary's note to self: the words before "must" are an aside, not who does it
    assert rl302(linter, "Oh, nearly forgot, must chase the GP letter by Friday.") == [
        "Oh, nearly forgot, must chase the GP letter by Friday."]
    assert rl302(linter, "Busy day, but Jo must chase the GP letter by Friday.") == []


def test_the_owner_is_in_the_clause_of_the_modal(linter):
    # a clause before the modal's own ("The review is done and ...") does not hide who acts
    assert rl302(linter, "The review is done and Kai's worker will book the dentist by 3 May.") == []
    assert rl302(linter, "With Nan's help in place, we will take Kai swimming every Saturday.") == []
    # a verb phrase joined by "and" keeps its subject
    assert rl302(linter, "Jo has read the report and will ring the school by 3 May.") == []


def test_a_passive_after_have_to_names_no_one(linter):
    assert rl302(linter, "Kai's dental check will have to be booked before 3 May.") == [
        "Kai's dental check will have to be booked before 3 May."]
    assert rl302(linter, "Kai's dental check will have to be booked by Jo before 3 May.") == []


# --- an order in running text may hold a clause of its own --------------------------------------------
def rl301(linter, text, doc_type="case_note"):
    return [t for c, t in plan_findings(linter, text, doc_type) if c == "RL301"]


def test_an_order_with_a_that_clause_is_a_step(linter):
    assert rl301(linter, "Kai's worker visited. Check that the smoke alarm works.") == [
        "Check that the smoke alarm works."]
    text = ("Strengthen oversight of visits so that managers check that every child is seen alone.\n"
            "Ensure that return interviews are offered to every child who goes missing.")
    assert rl301(linter, text, "supervision") == [
        "Strengthen oversight of visits so that managers check that every child is seen alone.",
        "Ensure that return interviews are offered to every child who goes missing."]
    assert rl301(linter, "Ensure that return interviews are offered to every child who goes missing within "
                         "72 hours.", "supervision") == []


def test_a_verb_of_thought_before_a_that_clause_is_not_an_order(linter):
    assert rl301(linter, "Kai was quiet today. Note that Mum was upset when he left.") == []
    assert rl301(linter, "Kai is settling. Remember that he is only six.") == []
    assert rl301(linter, "Dear Kai, know that we are all proud of you.", "care_plan") == []


# --- a plan's parts as the subject: what a good plan holds, not a step ----------------------------------
def test_a_plans_part_as_subject_is_guidance_not_a_step(linter):
    text = ("The target must describe the skills the young person will learn.\n"
            "The outcomes should come from the assessment of the child's needs.")
    assert rl301(linter, text, "supervision") == []
    # a person who sets a target, or plans, still takes a step
    assert rl301(linter, "Kai's worker will set a reading target with him.", "supervision") == [
        "Kai's worker will set a reading target with him."]
    assert rl301(linter, "Kai's worker visited. The transition planning will begin as soon as possible.") == [
        "The transition planning will begin as soon as possible."]


# --- "continue to": more of the same, whatever the verb after it ------------------------------------------
def test_continue_to_any_verb_is_vague_without_a_measure(linter):
    assert rl302(linter, "Actions:\n- Jo will continue to help Kai with his reading.", "care_plan") == [
        "Jo will continue to help Kai with his reading."]
    # a clear timescale or a measure makes it checkable
    assert rl302(linter, "Actions:\n- Jo will continue to help Kai with his reading every Tuesday.", "care_plan") == []
    assert rl302(linter, "Actions:\n- Jo will help Kai with his reading.", "care_plan") == []


# --- an action table's header may name other columns too ------------------------------------------------
def test_a_header_with_other_columns_is_still_an_action_tables_header(linter):
    head = "Outcome/Target | Why | How | Who will be responsible? | When\n"
    row = "Kai to read with his carer each night | He wants to read | Shared books | Sam, his carer | "
    timed = head + row + "01-Mar-2026"
    assert rl301(linter, timed, "care_plan") == []   # the header is no step; the row is timed by its column
    assert rl301(linter, head + row + "ongoing", "care_plan") == [row + "ongoing"]


# --- guidance to whoever writes a plan about what to put in it (nonsteps.py, content) ----------------------
def test_an_order_about_what_to_write_in_a_plan_is_not_a_step(linter):
    text = ("How to write the plan:\n- Describe what will happen if the plan does not work.\n"
            "- For each action, state who will do it.\n- Write the goal as something the child will be able to do.")
    assert rl301(linter, text, "supervision") == []
    # writing to someone, or describing something to the child, is a step
    text = "Actions:\n- Write to Kai's school about the trip.\n- Describe the new house to Kai."
    assert rl301(linter, text, "supervision") == ["Write to Kai's school about the trip.",
                                                  "Describe the new house to Kai."]


# --- a meeting taking in information: "to note", "to receive" (nonsteps.py, noting) -----------------------
def test_to_note_or_to_receive_is_not_a_step(linter):
    text = ("The Committee resolved:\n(i) to note that the review of Kai's case is not yet finished;\n"
            "(ii) to receive the annual report of the fostering service.")
    assert rl301(linter, text, "supervision") == []
    text = "The Committee resolved:\n(i) to ask the manager to write to every foster carer."
    assert rl301(linter, text, "supervision") == ["(i) to ask the manager to write to every foster carer."]


# --- "develop" a thing made, named by a compound noun ----------------------------------------------------
def test_develop_a_compound_named_product_is_specific(linter):
    assert rl302(linter, "Actions:\n- The council will develop a local early help framework.",
                 "supervision") == []
    assert rl302(linter, "Actions:\n- The council will develop a family support strategy.",
                 "supervision") == []
    # growth stays vague without a measure
    assert rl302(linter, "Actions:\n- The council will develop staff confidence in early help.", "supervision") == [
        "The council will develop staff confidence in early help."]


# --- "it" in a third-person record is the matter in hand, not the plan ------------------------------------
def test_it_in_a_third_person_record_is_not_the_document(linter):
    text = "Mum says the rent is paid. It will have to be confirmed in writing."
    assert rl302(linter, text) == ["It will have to be confirmed in writing."]
    assert rl302(linter, "Mum says the rent is paid. It will have to be confirmed in writing by Jo before 3 May.") == []
    # written to the child, "it" is the plan
    assert plan_findings(linter, "This is your plan. It will be reviewed in May.", "care_plan") == []
