"""RL212 blaming-judgement: a person judged through grammar ("failed to" + a duty, an evaluative
word said of a person or their home). The words are sourced in rules/lexicon/judgements.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import findings_of
from recordlint.lexicon import load_lexicon

B = "language.blaming"
LEXICON = Path(__file__).resolve().parent.parent / "rules" / "lexicon"


def judged(linter, text, doc_type="case_note", child=None):
    return [(code, t) for code, _, t in findings_of(linter, text, doc_type, child, category=B)]


# --- "failed to" + a duty, with a person as subject ----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Mum failed to provide meals for the children.", [("RL212", "failed to provide")]),
    ("Dad has failed to put boundaries in place.", [("RL212", "failed to put")]),
    ("She failed to keep the baby's appointments.", [("RL212", "failed to keep")]),
    ("The parents, who failed to protect him, now live apart.", [("RL212", "failed to protect")]),
    ("Dad's failure to protect the children is a worry.", [("RL212", "failure to protect")]),
    # a template's placeholder names the person
    ("If (name of parent / carer) fails to keep to the plan, we will meet.", [("RL212", "fails to keep")]),
    # RL211 already flags "failed to engage": one finding, not two
    ("Mum failed to engage with the service.", [("RL211", "failed to engage")]),
])
def test_failed_to_with_a_person_is_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "The bus failed to arrive, so the visit was moved.",
    "The school failed to send the report on time.",
    "He failed to pass his driving test in May.",          # an outcome, not a duty
    "Mum said Dad failed to pick her up on Friday.",        # her account
    "The referral failed to reach the team.",
    "If (name of school) fails to send the report, we will ask again.",  # a placeholder for a service
])
def test_failed_to_without_a_person_or_duty_is_clean(linter, text):
    assert judged(linter, text) == []


# --- an evaluative word said of a person or their home -------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Dad was drunk when the social worker arrived.", [("RL212", "drunk")]),
    ("Dad drunk on arrival.", [("RL212", "drunk")]),
    ("Mother is a terrible parent.", [("RL212", "terrible parent")]),
    ("The flat was squalid.", [("RL212", "squalid")]),
    ("The home was filthy and squalid.", [("RL212", "filthy and squalid")]),   # joined: one finding
    ("Home conditions filthy.", [("RL212", "filthy")]),
    ("He is a habitual offender.", [("RL212", "habitual offender")]),
    ("He was abusive to officers at the station.", [("RL212", "abusive to officers")]),
    ("Mum, a heavy drinker, was asleep on the sofa.", [("RL212", "heavy drinker")]),
    ("Mum isn't coping.", [("RL212", "isn't coping")]),
    ("Mother not coping.", [("RL212", "not coping")]),
    ("Dad doesn't care about the children.", [("RL212", "doesn't care")]),
    ("Kayla is making poor choices.", [("RL212", "making poor choices")]),
    ("Mum was spurning concerns raised by the school.", [("RL212", "spurning concerns")]),
    # a labelling phrase a safeguarding partnership gives as victim blaming (Durham SCP)
    ("They make poor relationship choices.", [("RL212", "poor relationship choices")]),
])
def test_judgement_of_a_person_or_home_is_flagged(linter, text, expected):
    assert judged(linter, text, child={"name": "Kayla"}) == expected


@pytest.mark.parametrize("text", [
    "Dad was arrested on Friday.",                          # plain facts
    "The home had no heating and the windows were broken.",
    "Dad was not drunk.",                                   # negated
    "Dad had drunk four cans before the visit.",            # a verb, not a label
    "A filthy mattress was in the garden.",                 # a thing, described
    "The weather was terrible.",
    "Kayla felt awful after the call.",                     # her feeling
    "Mum said she was not coping with the baby's crying.",  # her account
    "Kayla said she doesn't care about the phone.",
    "He goes to the Youth Offending Team every week.",      # a service name
    'Mum said: "He is lazy and a troublemaker."',           # quoted speech
])
def test_facts_accounts_and_things_are_clean(linter, text):
    assert judged(linter, text, child={"name": "Kayla"}) == []


# --- behaviour labels (issue 11): said of a person, of their conduct, with degree words ----------------
@pytest.mark.parametrize("text, expected", [
    ("As he got older Tyler became increasingly violent towards staff.", [("RL212", "increasingly violent")]),
    ("Given his violent behaviour he moved to a new home.", [("RL212", "violent behaviour")]),
    ("Dad has a violent temper.", [("RL212", "violent temper")]),
    ("Social care saw him as a potentially dangerous young man.", [("RL212", "potentially dangerous")]),
    ("Dad is a danger to others.", [("RL212", "a danger to others")]),
    ("Mum can be very difficult.", [("RL212", "very difficult")]),
    ("She is a challenging young person.", [("RL212", "challenging")]),
    ("He has a bad attitude towards staff.", [("RL212", "bad attitude")]),
    ("His parenting was neglectful.", [("RL212", "neglectful")]),
    ("Kayla shows feral behaviour at school.", [("RL212", "feral behaviour")]),
    ("Dad is a known drug user.", [("RL212", "drug user")]),
    ("Mum was evasive when asked about the bruise.", [("RL212", "evasive")]),
])
def test_behaviour_labels_of_a_person_are_flagged(linter, text, expected):
    assert judged(linter, text, child={"name": "Kayla"}) == expected


@pytest.mark.parametrize("text", [
    "A violent storm hit the town on Friday.",             # an event
    "He was convicted of a violent crime in 2019.",         # an offence named, not the person labelled
    "Dad was not violent.",                                 # negated
    "It angered him so much that he nearly became violent.",  # it did not happen
    "The road outside the school is dangerous.",            # a thing
    "It was a difficult time for the family.",              # a time, not a person
    "Kayla finds school difficult.",                        # her experience
    "She was struggling with difficult feelings.",
    "Kayla said Dad was violent when he drank.",            # her account
    "He is not a dangerous person.",                        # negated
    "Mum goes to a drug user support service.",             # a service, not a person described
    "The driver took evasive action.",                      # a thing
    "Mum was ignorant of the risks to the baby.",           # not knowing, not a label
])
def test_behaviour_words_about_events_things_and_accounts_are_clean(linter, text):
    assert judged(linter, text, child={"name": "Kayla"}) == []


# --- RL211 families (issue 11): not complying, not engaging, "clean" meaning drug-free --------------
@pytest.mark.parametrize("text, expected", [
    ("Mum is not complying with the plan.", [("RL211", "not complying")]),
    ("There has been a lack of engagement from Dad.", [("RL211", "lack of engagement")]),
    ("The family were difficult to engage.", [("RL211", "difficult to engage")]),
    ("Dad wants to stay clean from drug use.", [("RL211", "clean from drug use")]),
    ("Mum had a dirty drug test in May.", [("RL211", "dirty drug test")]),
])
def test_compliance_engagement_and_drug_test_labels_are_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "The room was clean and tidy, with clean bedding.",     # the plain sense of clean
    "Mum's drug test in May was negative.",
    "Dad agreed to the plan and came to every meeting.",
])
def test_plain_clean_and_agreement_are_clean(linter, text):
    assert judged(linter, text) == []


# --- the candidate search: one regex per first word finds what one big alternation finds -------------
def test_forms_finder_finds_what_one_alternation_finds():
    import json

    from recordlint.checks.blaming import FormsFinder, _forms_regex
    terms = load_lexicon(LEXICON / "judgements.yaml") + load_lexicon(LEXICON / "blaming.yaml")
    finder = FormsFinder(terms)
    one = _forms_regex(f.lower() for t in terms for f in t.forms)
    texts = [json.loads(line)["text"] for line in (Path(__file__).parent / "fixtures" / "heldout.jsonl").open()]
    texts += ["Mum was drunk, drunken and a heavy drinker; making poor choices, poor choices.",
              "ex-offender Ex-Offender  isn't coping; can't cope. A TIP, a\npigsty, non-compliant!"]
    found = 0
    for text in texts:
        assert finder.spans(text) == [m.span() for m in one.finditer(text)], text[:60]
        found += len(finder.spans(text))
        line = text.find("\n") if "\n" in text else len(text)
        assert finder.spans(text, 0, line) == [m.span() for m in one.finditer(text, 0, line)]
    assert found > 20


def test_forms_finder_takes_a_form_that_does_not_start_with_a_letter():
    from recordlint.checks.blaming import FormsFinder
    from recordlint.lexicon import Term
    finder = FormsFinder([Term(term="1st offender", source="x"), Term(term="drunk", source="x")])
    text = "Dad, a 1st offender, was drunk; drunken."
    assert [text[s:e] for s, e in finder.spans(text)] == ["1st offender", "drunk"]


def test_judgement_message_and_suggestion_do_not_quote_the_record(linter):
    f = [f for f in linter.lint("Dad was drunk.", "case_note") if f.code == "RL212"][0]
    assert "drunk" not in f.message and f.suggestion


def test_no_model_no_judgement(fast_linter):
    assert judged(fast_linter, "Dad was drunk.") == []


def test_every_judgement_entry_has_a_source_and_an_alternative():
    terms = load_lexicon(LEXICON / "judgements.yaml")
    assert len(terms) >= 10
    for t in terms:
        assert t.source.startswith("http"), t.term
        assert t.alternatives, t.term


# --- who refuses, and a judgement joined to a feeling by "and" -----------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Tyler refused to go to school.", [("RL211", "refused")]),
    ("Mum refuses to let the worker in.", [("RL211", "refuses")]),
    # "felt" reports her feeling; "failed to" is the writer's own judgement joined to it by "and"
    ("She felt low and failed to make school a priority.", [("RL212", "failed to make")]),
])
def test_refusals_and_joined_judgements_are_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "If the court orders a visit, it must take place. We cannot refuse this.",   # no refusal happened
    "I refused the request for a later visit.",                                  # the writer refuses
    "He has never refused a visit.",
    "Mum said she failed to take her tablets.",                                  # her account
])
def test_writer_refusing_no_refusal_and_accounts_are_clean(linter, text):
    assert judged(linter, text) == []


# --- labels for behaviour and parenting, and a person's judged conduct as a noun phrase -------------
@pytest.mark.parametrize("text, expected", [
    ("In every lesson she messes about.", [("RL211", "messes about")]),
    ("He was playing up at bedtime.", [("RL211", "playing up")]),
    ("I know he has issues with anger.", [("RL212", "issues with anger")]),
    ("His anger issues were discussed at school.", [("RL212", "anger issues")]),
    ("We talked about her poor parenting.", [("RL212", "poor parenting")]),
])
def test_behaviour_and_parenting_labels_are_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "Dad described his anger issues and the course he is on.",     # his own account
    "The report looked at poor parenting in the area.",             # no one's conduct
    "The course covers anger issues in teenagers.",
    "His behaviour was good all week.",
])
def test_accounts_and_general_topics_are_clean(linter, text):
    assert judged(linter, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Kayla is streetwise and knows the area.", [("RL211", "streetwise")]),
    ("Staff think she is trading sex for cigarettes.", [("RL211", "trading sex")]),
])
def test_exploitation_victim_blaming_terms_are_flagged(linter, text, expected):
    assert judged(linter, text) == expected


def test_exploitation_described_from_the_abusers_side_is_clean(linter):
    assert judged(linter, "Kayla is being sexually exploited by two adults; police are involved.") == []


# --- round 4: hygiene and clothes as the subject, conduct words, joined judgements ------------------
@pytest.mark.parametrize("text, expected", [
    ("His clothes were filthy when he came to school.", [("RL212", "filthy")]),
    ("Personal hygiene was non-existent at the visit.", [("RL212", "non-existent")]),
    ("Her hair was dirty and unkempt.", [("RL212", "dirty and unkempt")]),   # one finding for both
    ("The boys used foul language at the contact centre.", [("RL212", "foul language")]),
    ("Dad is a bad parent.", [("RL212", "bad parent")]),
    ("Kai would act out when he was angry.", [("RL211", "act out")]),
    ("There was some reluctance to engage with the parenting course.", [("RL211", "reluctance to engage")]),
    ("The parents were reluctant to give information about the children.", [("RL212", "reluctant")]),
    ("He was an unwilling participant in the group.", [("RL212", "unwilling participant")]),
    ("We talked about the squalor and the filth.", [("RL211", "squalor"), ("RL211", "filth")]),
    ("He is physically abusive towards his younger brother.", [("RL212", "physically abusive")]),
    ("She has been abusive to her mother.", [("RL212", "abusive to")]),
])
def test_hygiene_conduct_and_joined_judgements_are_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "Kai was often dressed in dirty clothes.",        # describes the clothes: what was seen
    "The mattress in the garden was dirty.",          # a thing
    "Phone contact with his father was non-existent.",
    "She had a bad night and was tired at school.",
    "The weather was foul, so the visit was moved.",
    "He had bad toothache on Monday.",
    "She reluctantly agreed to the visit.",          # an adverb: what she did
    "His room was untidy, with plates on the floor.",  # an ordinary description, the evidence given
    "The council was unwilling to pay for the taxi.",  # a service
    "She left an abusive relationship last year.",
    "Mum said Dad was abusive to her.",                # her account
])
def test_described_clothes_things_and_bad_days_are_clean(linter, text):
    assert judged(linter, text) == []


# --- round 5: generic statements, a child wary of telling, breaches of a court's conditions ----------------
@pytest.mark.parametrize("text", [
    "Some parents are unable to cope because of illness.",                     # parents in general
    "In many cases parents are not coping because of money worries.",
    "Parents who fail to get help may lose their tenancy.",                      # a class defined by a clause
])
def test_statements_about_people_in_general_are_clean(linter, text):
    assert judged(linter, text, "care_plan") == []


@pytest.mark.parametrize("text, expected", [
    ("Her parents are unable to cope with the baby's crying.", [("RL212", "unable to cope")]),
    ("The parents failed to take her to the dentist.", [("RL212", "failed to take")]),
])
def test_the_records_own_people_are_still_judged(linter, text, expected):
    assert judged(linter, text, "case_note") == expected


def test_a_child_wary_of_telling_is_not_judged(linter):
    child = {"name": "Mia", "pronouns": "she/her"}
    assert judged(linter, "Mia was reluctant to talk about her uncle.", "case_note", child) == []
    assert judged(linter, "She was unwilling to speak about the man.", "case_note", child) == []


def test_a_parent_reluctant_to_give_information_is_still_judged(linter):
    child = {"name": "Mia", "pronouns": "she/her"}
    assert judged(linter, "Dad was reluctant to give information.", "case_note", child) == \
        [("RL212", "reluctant")]


@pytest.mark.parametrize("text, expected", [
    ("He was recalled for not complying with his licence conditions.", []),     # a breach: fact
    ("She was arrested for not complying with her bail.", []),
    ("Mum is not complying with the written agreement.", [("RL211", "not complying")]),
])
def test_a_breach_of_a_courts_conditions_is_fact(linter, text, expected):
    assert judged(linter, text, "assessment") == expected


# --- round 5: opinions of what a person feels, verbs of cruelty, labels for bullying -------------------------
@pytest.mark.parametrize("text, expected", [
    ("Jay often has little to no empathy for other children.", [("RL212", "little to no empathy")]),
    ("Dad had little respect for the teacher.", [("RL212", "little respect")]),
    ("Mum didn’t have a clue about making up a bottle.", [("RL212", "didn’t have a clue")]),
    ("Jay torments the younger children for fun.", [("RL212", "torments")]),
    ("Her brother is a bully.", [("RL212", "bully")]),
])
def test_opinions_of_a_persons_feelings_and_cruelty_are_flagged(linter, text, expected):
    assert judged(linter, text, "assessment") == expected


@pytest.mark.parametrize("text", [
    "Jay was tormented by the other boys at school.",          # passive: what was done to him
    "Jay said he has no empathy for the man who hurt him.",    # his own words
    "The group talked about how empathy helps friendships.",   # not said of a person
    "The bullies at school took his bag.",                     # not said of someone
    "Worry torments Jay at night.",                            # the subject is not a person
])
def test_what_was_done_to_a_child_and_accounts_are_clean(linter, text):
    assert judged(linter, text, "assessment") == []


# --- round 5: evading and excuses said of a person; 'resisted' -----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Dad has evaded the social worker all week.", [("RL212", "evaded")]),
    ("Mum made excuses for the missed visit.", [("RL212", "made excuses")]),
    ("Jay resisted when staff asked him to come inside.", [("RL211", "resisted")]),
])
def test_evading_excuses_and_resisting_said_of_a_person_are_flagged(linter, text, expected):
    assert judged(linter, text, "case_note") == expected


@pytest.mark.parametrize("text", [
    "The answer eluded the panel for weeks.",       # not a person's conduct
    "Jay was evaded by the other boys at break.",   # passive: what was done to him
    "He was charged with assault and resisted arrest in 2024.",   # the charge, recorded as fact
])
def test_evading_and_resisting_that_judge_no_one(linter, text):
    assert judged(linter, text, "case_note") == []


@pytest.mark.parametrize("text, expected", [
    ("His hygiene was none existent at the visit.", [("RL212", "none existent")]),   # a common misspelling
    ("Her hygiene was non existent.", [("RL212", "non existent")]),
])
def test_spellings_of_non_existent_hygiene_are_flagged(linter, text, expected):
    assert judged(linter, text, "visit_record") == expected


def test_a_service_that_is_non_existent_is_not_a_judgement(linter):
    assert judged(linter, "The bus service to the village is none existent.", "visit_record") == []


def test_a_frequency_word_does_not_make_the_records_parents_general(linter):
    assert judged(linter, "Parents often fail to give Mia breakfast.", "case_note") == [("RL212", "often fail to give")]


# --- round 6: not engaging, a person's reluctance, hygiene of a home, a child's behaviour judged ------
@pytest.mark.parametrize("text, expected", [
    ("Dad has never engaged with the family support worker.", [("RL212", "never engaged")]),
    ("Mum had not previously engaged with the health visitor.", [("RL212", "not previously engaged")]),
])
def test_a_person_who_has_not_engaged_is_flagged(linter, text, expected):
    assert judged(linter, text, "assessment") == expected


@pytest.mark.parametrize("text", [
    "Workers should not engage in arguments with parents at the door.",   # advice, taking part
    "The family has never engaged a solicitor before this hearing.",      # hire: an object
    "Kai is no longer engaging with the youth club as he has moved away.",
    "Grandad said he had never engaged with a social worker before.",     # his account
    "Some fathers do not engage with services when they feel judged.",    # people in general
])
def test_not_engaging_that_blames_no_one_is_clean(linter, text):
    assert judged(linter, text, "assessment") == []


@pytest.mark.parametrize("text, expected", [
    ("There was reluctance on the part of his father to attend the parenting group.", [("RL212", "reluctance")]),
    ("Dad's unwillingness to let the worker in was noted.", [("RL212", "unwillingness")]),
    ("Theo lives in conditions that are unhygienic and cold.", [("RL212", "unhygienic")]),
    ("The bathroom was insanitary.", [("RL212", "insanitary")]),
    ("Theo was disruptive in the science lesson.", [("RL212", "disruptive")]),
    ("The children were badly behaved at the swimming pool.", [("RL212", "badly behaved")]),
    ("He misbehaves at bedtime when his brother visits.", [("RL212", "misbehaves")]),
    ("The parents are spurning the nursery's advice about his diet.", [("RL212", "spurning")]),
])
def test_reluctance_hygiene_and_behaviour_judged_of_a_person_are_flagged(linter, text, expected):
    assert judged(linter, text, "visit_record") == expected


@pytest.mark.parametrize("text", [
    "Theo's reluctance to talk about his uncle was clear.",       # wary of telling: protects him
    "There was reluctance on the part of the school to change his timetable.",   # a service
    "The roadworks outside were disruptive for the whole street.",                # an event
    "Theo said the older boys on the bus misbehave every day.",                   # his account
    "The nursery's advice was spurned by no one.",                                # passive
    "The public toilets in the park were insanitary, so the visit moved to the library.",
])
def test_reluctance_hygiene_and_behaviour_words_that_judge_no_one_are_clean(linter, text):
    assert judged(linter, text, "visit_record", {"name": "Theo", "pronouns": "he/him"}) == []


# --- a worker in their role is not the child or family ---------------------------------------------------
@pytest.mark.parametrize("text", [
    "The social worker failed to see Theo alone for six weeks.",
    "The health visitor failed to notice the bruise on his arm.",
    "Doctor fails to spot the broken wrist at the walk-in centre.",
    "The GP failed to refer him to the eating disorder clinic.",
])
def test_what_a_professional_failed_to_do_is_not_blaming_the_family(linter, text):
    assert judged(linter, text, "chronology") == []


@pytest.mark.parametrize("text, expected", [
    ("Mum failed to take Theo to the dentist.", [("RL212", "failed to take")]),   # the dentist is no subject
    ("Dad, a police officer, failed to collect Theo from school.", [("RL212", "failed to collect")]),
])
def test_a_parent_who_failed_to_is_still_flagged_beside_a_professional_word(linter, text, expected):
    assert judged(linter, text, "chronology") == expected


@pytest.mark.parametrize("text, expected", [
    ("A paranoid father kept the children indoors for weeks.", [("RL212", "paranoid father")]),
    ("Mum, a migraine sufferer, was in bed when we arrived.", [("RL212", "sufferer")]),
    ("Dad is a maniac behind the wheel.", [("RL212", "maniac")]),
])
def test_a_person_labelled_by_a_mental_health_condition_is_flagged(linter, text, expected):
    assert judged(linter, text, "assessment") == expected


@pytest.mark.parametrize("text", [
    "Mum said she felt paranoid that people were watching the house.",   # her account of a feeling
    "The crazed dog next door barks at night.",                          # not a person
    "Theo is mad about football and plays every Saturday.",               # not in the list
])
def test_mental_health_words_that_label_no_one_are_clean(linter, text):
    assert judged(linter, text, "assessment", {"name": "Theo", "pronouns": "he/him"}) == []


@pytest.mark.parametrize("text, expected", [
    ("The worker found Dad drunk on the sofa.", [("RL212", "drunk")]),
    ("We found the house dirty and smelling of urine.", [("RL212", "dirty")]),
])
def test_a_judgement_after_a_verb_of_finding_is_said_of_its_subject(linter, text, expected):
    assert judged(linter, text, "visit_record") == expected


@pytest.mark.parametrize("text", [
    "We found Theo asleep on the sofa.",         # not a judgement word
    "Theo found the film awful.",                # a thing, and his own view
])
def test_finding_someone_or_something_without_a_judgement_of_them_is_clean(linter, text):
    assert judged(linter, text, "visit_record", {"name": "Theo", "pronouns": "he/him"}) == []


# --- round 7: a care acronym that names a service, and a clause as the subject, judge no person ------
@pytest.mark.parametrize("text", [
    "The health visitor referred the baby, but the MASH were reluctant to take the referral.",
    "CAMHS were reluctant to see him again so soon.",
    "The ICPC failed to hear from the father.",
    "They are keen to move home, and persuading them to wait until the review is difficult.",
    "Telling Dad about the change of plan was difficult.",
    "Getting Mum to the appointment on time was challenging.",
])
def test_a_service_acronym_or_a_task_as_subject_judges_no_one(linter, text):
    assert judged(linter, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Mum was reluctant to let the worker in.", [("RL212", "reluctant")]),
    ("Dad is keen to help, but he can be difficult.", [("RL212", "difficult")]),
    ("Mr HOLT was reluctant to answer the door.", [("RL212", "reluctant")]),
    ("The UASC was reluctant to go to school.", [("RL212", "reluctant")]),
])
def test_a_person_beside_those_cases_is_still_judged(linter, text, expected):
    assert judged(linter, text) == expected


# --- round 7: "put themselves at risk" in every tense (Durham SCP) --------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Kayla put herself at risk by getting into the car.", [("RL211", "put herself at risk")]),
    ("He puts himself in danger when he goes to the park at night.", [("RL211", "puts himself in danger")]),
    ("Staff said they have placed themselves at risk again.", [("RL211", "placed themselves at risk")]),
    ("She was dressed provocatively, according to the note.", [("RL211", "dressed provocatively")]),
])
def test_a_child_said_to_put_themselves_at_risk_is_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "She put herself at 'happy' on the feelings thermometer.",
    "The adults who put her at risk have been arrested.",
    "We will put a safety plan in place so she is not at risk.",
])
def test_putting_a_child_at_risk_said_of_others_is_clean(linter, text):
    assert judged(linter, text) == []


# --- round 7: a person named by their drinking; an apartment or residence is a home ------------------
@pytest.mark.parametrize("text, expected", [
    ("The parents are long-term drinkers, and the children live with relatives.", [("RL212", "drinkers")]),
    ("Dad is a problem drinker.", [("RL212", "drinker")]),
    ("Workers found a filthy apartment with no food in it.", [("RL212", "filthy apartment")]),
    ("The residence was squalid.", [("RL212", "squalid")]),
])
def test_a_drinker_and_a_judged_apartment_are_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "Mum said she is a social drinker.",
    "Drinkers outside the pub shouted at the children.",
    "The residence appeared clean and tidy.",
    "Mum moved to a small apartment in town.",
])
def test_drinkers_and_apartments_that_judge_no_one_are_clean(linter, text):
    assert judged(linter, text) == []


# --- round 7: graded verdicts on engagement (Research in Practice) and "involved in" exploitation --------
@pytest.mark.parametrize("text, expected", [
    ("Mum's engagement has been poor since March.", [("RL211", "engagement has been poor")]),
    ("There has been minimal engagement from Dad.", [("RL211", "minimal engagement")]),
    ("Kayla is involved in county lines.", [("RL211", "involved in county lines")]),
    ("He has been involved in drug dealing for older males.", [("RL211", "involved in drug dealing")]),
])
def test_graded_engagement_and_involved_in_exploitation_are_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "Engagement with the school has been good.",
    "Police are involved in county lines operations.",
    "We are involved in county lines work across the city.",
    "Staff involved in CSE work met on Monday.",
])
def test_engagement_and_the_work_against_exploitation_are_clean(linter, text):
    assert judged(linter, text) == []


# --- round 7: a refusal in a condition ("if they refuse") records no refusal ----------------------------
@pytest.mark.parametrize("text", [
    "You can explain why if they refuse someone to attend.",
    "Unless Mum refuses, the visit will go ahead on Friday.",
    "We will ask whether Dad would refuse the test.",
    "If Kayla refuses to go to school again, we will meet with her.",
])
def test_a_refusal_in_a_condition_is_not_flagged(linter, text):
    assert judged(linter, text) == []


@pytest.mark.parametrize("text, expected", [
    ("If the bus was late, Kayla refused to get on.", [("RL211", "refused")]),
    ("When Kayla refuses to go to bed, carers sit with her.", [("RL211", "refuses")]),
    ("If Kayla is upset, staff wait. Kayla refused her tea.", [("RL211", "refused")]),
])
def test_a_refusal_outside_a_condition_is_still_flagged(linter, text, expected):
    assert judged(linter, text) == expected


# --- round 7: "they" in a clause joined to one about professionals stands for them -------------------------
def test_they_joined_to_professionals_is_not_the_family(linter):
    text = ("Professionals were kept at arm's length by the adults, and they failed to identify a pattern of "
            "missed appointments.")
    assert judged(linter, text) == []


@pytest.mark.parametrize("text, expected", [
    ("The parents were offered a parenting course, and they failed to attend two sessions.",
     [("RL211", "failed to attend")]),
    ("Dad moved out in May, and he failed to pay the rent for the children's home.",
     [("RL212", "failed to pay")]),
])
def test_they_joined_to_family_or_a_visit_is_still_judged(linter, text, expected):
    assert judged(linter, text) == expected


# --- round 7: a clause of time on a verb of saying is the writer's own words ---------------------------
@pytest.mark.parametrize("text, expected", [
    ("When Dad was drunk, he told me he would leave.", [("RL212", "drunk")]),
    ("When his behaviour is very challenging, he will be asked to leave the home.", [("RL212", "very challenging")]),
])
def test_a_judgement_in_a_clause_of_time_on_a_saying_verb_is_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "Mum said that when Dad was drunk he shouted.",
    "Mum told me she was not coping after the baby was born.",
])
def test_a_judgement_inside_what_was_said_is_still_their_account(linter, text):
    assert judged(linter, text) == []


# --- round 7: an -ing judgement after "was" that the tagger reads as a verb ----------------------------
@pytest.mark.parametrize("text, expected", [
    ("Kayla was challenging at school all week.", [("RL212", "challenging")]),
])
def test_an_ing_judgement_read_as_a_verb_is_still_a_judgement(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "She was challenging the decision at the panel.",
    "The new work is challenging him in a good way.",
])
def test_a_verb_with_an_object_is_not_a_judgement(linter, text):
    assert judged(linter, text) == []


# --- round 7: the did-not-attend code as a verb (NSPCC "Digging deeper than did not attend") ------------
def test_dna_as_a_verb_is_flagged_and_a_dna_test_is_not(linter):
    assert judged(linter, "Kayla DNA'd her dental appointment.") == [("RL211", "DNA'd")]
    assert judged(linter, "The DNA test results came back on Monday.") == []


# --- round 7: functioning labels and "suffers from autism" (Ambitious about Autism) ---------------------
@pytest.mark.parametrize("text, expected", [
    ("Jay is an autistic boy who is functioning at a low level.", [("RL212", "functioning at a low level")]),
    ("She is a high-functioning autistic girl.", [("RL212", "high-functioning")]),
    ("He suffers from autism and ADHD.", [("RL211", "suffers from autism")]),
])
def test_functioning_labels_and_suffering_from_autism_are_flagged(linter, text, expected):
    assert judged(linter, text) == expected


@pytest.mark.parametrize("text", [
    "The boiler is functioning at a low level, so the flat is cold.",
    "Jay is autistic and needs help with dressing and washing.",
])
def test_functioning_said_of_a_thing_is_clean(linter, text):
    assert judged(linter, text) == []
