"""Jargon, round 8 (issue 11): the long tail of care-system terms as classes - court orders and proceedings by
any jurisdiction's name, care settings and roles, school and clinical terms, care verbs - each sourced and
counted use by use over the labelled sets (RL201, RL202), with their plain senses. Texts are invented
paraphrases of the classes, never sentences of a labelled set."""
from __future__ import annotations

import pytest

from conftest import findings_of

J = "language.jargon"


def terms(linter, text, doc_type="case_note", code="RL201"):
    return [t for c, _, t in findings_of(linter, text, doc_type, category=J) if c == code]


# --- court orders and proceedings by any jurisdiction's name -------------------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("The court made a Protection Order for Mia until she turns 18.", "chronology", ["Protection Order"]),
    ("Mum asked the court for a family violence order.", "case_note", ["family violence order"]),
    ("The ministry filed custody applications for both boys.", "assessment", ["custody applications"]),
    ("A guardianship order was granted to his aunt.", "assessment", ["guardianship order"]),
    ("Dad lodged an access application in May.", "case_note", ["access application"]),
    ("The council began child protection proceedings in 2021.", "assessment", ["child protection proceedings"]),
    ("There were parallel proceedings in the criminal court.", "assessment", ["parallel proceedings"]),
    ("The judge asked for a capacity assessment of the father.", "case_note", ["capacity assessment"]),
])
def test_court_orders_and_proceedings_of_any_care_system(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("The family took legal proceedings against the landlord.", "case_note"),
    ("He was a witness in the criminal proceedings last year.", "assessment"),
    ("The nurse checked the order of the tablets in the box.", "visit_record"),
    ("The shop would not take his application for a job.", "case_note"),
    ("Jo has the capacity to grow a lot this year.", "assessment"),
])
def test_plain_court_and_order_words_are_not_flagged(linter, text, doc_type):
    assert terms(linter, text, doc_type) == []


# --- care settings, roles and care verbs -------------------------------------------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("The Guardian met Ellie at school before the hearing.", "case_note", ["Guardian"]),
    ("I agree with the guardian that Sam should stay at the unit.", "assessment", ["guardian"]),
    ("The plan is rehabilitation to the father's care by spring.", "assessment", ["rehabilitation"]),
    ("The two boys are being rehabilitated to their mother.", "case_note", ["rehabilitated"]),
    ("Jo gets on well with her peer group at college.", "assessment", ["peer group"]),
    ("The case was unallocated for three months.", "chronology", ["unallocated"]),
    ("Mum was offered non-statutory support from a charity.", "assessment", ["non-statutory"]),
    ("You can read about your statutory entitlements online.", "pathway_plan", ["statutory entitlements"]),
])
def test_care_roles_settings_and_verbs_are_flagged(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("Your parent or guardian can come to the first session.", "care_plan"),
    ("Her legal guardian signed the consent form.", "case_note"),
    ("The Office of the Public Guardian wrote to Dad in May.", "case_note"),
    ("Dad is in drug rehabilitation at a clinic in town.", "case_note"),
    ("After the accident his rehabilitation took months of physio.", "assessment"),
    ("The report follows the statutory guidance on visits.", "supervision"),
])
def test_plain_senses_of_those_words_are_not_flagged(linter, text, doc_type):
    assert terms(linter, text, doc_type) == []


# --- school, behaviour and clinical terms ----------------------------------------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Sam was internally excluded twice this term.", "case_note", ["internally excluded"]),
    ("The head offered a managed move to another school.", "assessment", ["managed move"]),
    ("Staff will use a token economy in class.", "assessment", ["token economy"]),
    ("He is taught in the least restrictive environment.", "assessment", ["least restrictive environment"]),
    ("James was enuretic for some months after the move.", "case_note", ["enuretic"]),
])
def test_school_behaviour_and_clinical_terms_are_flagged(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


@pytest.mark.parametrize("text, doc_type", [
    ("He was permanently excluded from school in May.", "chronology"),
    ("She moved to a new school after the summer.", "case_note"),
    ("James wet the bed for some months after the move.", "case_note"),
    ("He gets a sticker on his chart for each good day.", "assessment"),
])
def test_the_plain_words_for_them_are_not_flagged(linter, text, doc_type):
    assert terms(linter, text, doc_type) == []


# --- acronyms: ADHD is spelled out; "(the CEO)" after its long form explains it --------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Tim has ADHD and finds lessons hard.", "case_note", ["ADHD"]),
    ("Tim has Attention Deficit Hyperactivity Disorder (ADHD). His ADHD is managed.", "case_note", []),
    ("The girls were in the care of the Chief Executive Officer (the CEO). The CEO applied in May.",
     "chronology", []),
    ("The girls were in the care of the CEO. The CEO applied in May.", "chronology", ["CEO", "CEO"]),
    ("Your Personal Adviser (a PA) will help you with money.", "pathway_plan", []),
    ("Kayla saw her GP on Monday.", "case_note", []),
])
def test_acronyms_adhd_and_an_article_in_the_bracket(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type, code="RL202") == expected


# --- terms the labellers leave, counted: a person's "case", plain court words, a service named between professionals
@pytest.mark.parametrize("text, doc_type, expected", [
    ("His case was closed in May and his case worker left.", "case_note", []),
    ("The final hearing is in June; the court proceedings began in March.", "case_note", []),
    ("The Virtual School Head reported on attendance.", "supervision", []),
    ("The Virtual School helps children in care with school.", "care_plan", ["Virtual School"]),
    ("The issues resolution hearing is in June.", "case_note", ["issues resolution hearing"]),
])
def test_terms_left_out_by_their_counts(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


# --- "access" as a noun in a record about the child is family time; getting to something is plain --------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("He had had access every two weeks until May.", "case_note", ["access"]),
    ("Mum was opposed to the reduction in access and went to court.", "case_note", ["access"]),
    ("Dad has access every other Saturday.", "case_note", ["access"]),
    ("You will have access with your mum every Saturday.", "care_plan", ["access"]),
    ("Mum has access to a car now.", "case_note", []),
    ("Wheelchair access is by the side door.", "case_note", []),
    ("The family has no internet access at home.", "case_note", []),
    ("He was referred by the county's access team.", "assessment", []),
    ("She goes to open access sessions at the youth club.", "case_note", []),
    ("The police gained access through the back door.", "case_note", []),
    ("Families need better access and support from services.", "supervision", []),
    ("We will help you with access to services.", "care_plan", []),
])
def test_access_as_family_time_in_a_record_about_the_child(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


# --- "contact" with a professional or a service by any name is keeping in touch ----------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Regular contact with your caseworker helps you have a say.", "care_plan", []),
    ("Jo has regular contact with the GP about her asthma.", "case_note", []),
    ("Dad keeps in touch by contact with the school office.", "case_note", []),
    ("Kayla has contact with her mum and the school every week.", "case_note", ["contact"]),
    ("Kayla has contact with her mum every Saturday.", "case_note", ["contact"]),
])
def test_contact_with_a_professional_by_any_name(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


# --- names the labellers leave: a service's form or team named "Early Help", the aftercare worker ----------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("The family were offered Early Help in May.", "case_note", ["Early Help"]),
    ("An Early Help assessment was completed in May.", "case_note", []),
    ("The Early Help team rang Mum.", "case_note", []),
    ("Your aftercare worker will help you find a flat.", "pathway_plan", []),
    ("Your key worker will help you find a flat.", "pathway_plan", ["key worker"]),
])
def test_service_names_left_out_by_their_counts(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


# --- justice and immigration terms in records about a child's family -------------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Mum's new partner is a Schedule 1 offender.", "assessment", ["Schedule 1 offender"]),
    ("The work with Ryan focuses on desistance.", "assessment", ["desistance"]),
    ("The family have no recourse to public funds.", "case_note", ["no recourse to public funds"]),
    ("Ryan has stayed out of trouble since June.", "assessment", []),
    ("The family cannot claim benefits because of their visa.", "case_note", []),
])
def test_justice_and_immigration_terms(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


# --- legal words for a child's or a parent's standing ------------------------------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("The worker spoke with the non-custodial parent on Friday.", "visit_record", ["non-custodial parent"]),
    ("You may have this right sooner if you are Gillick competent.", "care_plan", ["Gillick competent"]),
    ("The worker spoke with Dad, who Sam does not live with, on Friday.", "visit_record", []),
])
def test_legal_words_for_standing(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected


# --- RL202: a word in capitals after an adjective is an acronym, not a surname ------------------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("Goal achievement from the Current IEP is below.", "assessment", ["IEP"]),
    ("If you are in Statutory OOHC your plan is reviewed.", "pathway_plan", ["OOHC"]),
    ("Visit with Kayla SMITH at home.", "case_note", []),
    ("Spoke with Mrs KHAN today about the move.", "case_note", []),
])
def test_capitals_after_an_adjective_are_an_acronym(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type, code="RL202") == expected


# --- a care leaver's plan named in writing about the child; a pathway plan names itself --------------------
@pytest.mark.parametrize("text, doc_type, expected", [
    ("The service must improve pathway plans for care leavers.", "case_note", ["pathway plans"]),
    ("This is your pathway plan. We will look at it again in May.", "pathway_plan", []),
])
def test_pathway_plan_only_in_third_person_records(linter, text, doc_type, expected):
    assert terms(linter, text, doc_type) == expected
