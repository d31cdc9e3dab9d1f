"""Planning rules: SMART actions (RL301 timescale, RL302 specific) and contingency (RL303).

The actions themselves are found by ``actions.py`` (which tags only the units that may be
actions: ``regions``); the phrase lists (vague verbs, vague timescales, contingency cues) are
YAML in ``rules/phrases/planning.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..findings import Severity
from ..rule import Example, Rule
from ..phrases import phrase_regex, planning_phrases
from .actions import action_regions, find_actions, record_dated_events
from .information import is_information_text
from .timescale import Timescale, find_timescale, scheduled_events
from .units import load_base_verbs

GUIDANCE = "../shared/reference/domain.md section 2; local recording guidance point 4 (plans are SMART)"


def _when(rec, act):
    """The timescale of an action: from its When column / field, else its own words, else a standing
    schedule the record gave earlier for the event its line is about."""
    ph = planning_phrases(rec.config)
    dated = record_dated_events(rec)
    found = None
    for s, e in act.context or [(act.start, act.end)]:
        if ("timescale", s, e) not in rec.cache:  # RL301 and RL302 both ask
            rec.cache[("timescale", s, e)] = find_timescale(rec.text[s:e], ph, dated)
        ts = rec.cache[("timescale", s, e)]
        if ts.clear:
            return ts
        if found is None or (ts.vague and not found.vague):
            found = ts
    return _scheduled(rec, act) or found


def _scheduled(rec, act):
    """After "Contact visits will happen every Monday", a step whose subject is that event ("Visits will be
    supervised by Daisy") or that its line places at it ("Mobiles will be switched off" beside "... until
    after contact") is timed; not one about getting there ("Staff to encourage Amira to keep going to her
    English sessions")."""
    if "schedules" not in rec.cache:
        rec.cache["schedules"] = scheduled_events(rec.text, planning_phrases(rec.config))
    ls, le = act.line or (act.start, act.end)
    for end, event, when in rec.cache["schedules"]:
        word = re.escape(event.split()[-1].removesuffix("s")) + "s?"   # its head noun: "contact visits" -> visit(s)
        if end <= act.start and (re.match(rf"\W*(?:the\s+|all\s+|each\s+)?(?:[\w-]+\s+)?{word}\b",
                                          rec.text[act.start:act.end], re.I)
                                 or re.search(rf"\b(?:during|at|after|before|throughout)\s+(?:the\s+|each\s+|every\s+|"
                                              rf"all\s+)?{word}\b", rec.text[ls:le], re.I)):
            return Timescale(clear=when)
    return None


class PlanTimescale(Rule):
    code = "RL301"
    name = "plan-timescale"
    category = "plan.timescale"
    severity = Severity.warning
    summary = "An action with no timescale, or only a vague one (\"ongoing\", \"asap\", \"in due course\")."
    why = ("Plans must say by when each action will be done, so that success can be judged "
           "and drift is seen. Inspectors found care plans that 'lack timescales'.")
    source = GUIDANCE
    exempt_speech = False   # speech is handled by action detection: a quoted wish is not an action
    needs_model = True      # action detection uses the tagger
    analysis = "yes (tagger, on units that may be actions)"

    def setup(self, nlp, config) -> None:
        load_base_verbs(nlp)
    options = {"skip_conditional": True}
    examples = [
        Example("Actions:\n- SW to continue to support Mum with home conditions.", True, "supervision"),
        Example("Staff to help Kai with his homework - ongoing.", True, "visit_record"),
        Example("Kelly will ask the school about a tutor.", True, "case_note"),
        Example("Actions:\n- Jo will visit Kai every 6 weeks.\n- Mum to attend the parenting course by 14/03/2026.",
                False, "supervision"),
        Example("What | Who | When\nTake you to football | Dave | every Saturday", False, "care_plan"),
        Example("Kelly will call the school within 10 working days; Mum will attend the meeting on 3rd October.",
                False, "case_note"),
    ]

    def regions(self, rec):
        return action_regions(rec)

    def check(self, rec):
        for act in find_actions(rec):
            if self.opts.get("skip_conditional", True) and _conditional(rec, act):
                continue
            ts = _when(rec, act)
            if ts is not None and ts.clear:
                continue
            if ts is not None and ts.vague:
                msg = (f"Action has only a vague timescale (\"{ts.vague.strip()}\"): "
                       "say by when (a date, a span or a frequency).")
            else:
                msg = "Action has no timescale: say by when it will be done (a date, a span or a frequency)."
            yield rec.finding(self, act.start, act.end, msg,
                              "add a date (\"by 30/04/2026\"), a span (\"within 4 weeks\") "
                              "or a frequency (\"every Tuesday\")")


class PlanSpecific(Rule):
    code = "RL302"
    name = "plan-specific"
    category = "plan.specific"
    severity = Severity.warning
    summary = ("An action that is not specific: a vague verb with nothing measurable (support, monitor, "
               "explore...) or no one responsible (\"will be arranged\", \"it is hoped\").")
    why = ("Every action should say what will be done, by whom and by when. Process verbs alone "
           "('support', 'monitor', 'work with') cannot be checked, and a passive 'will be arranged' "
           "leaves no one accountable.")
    source = GUIDANCE
    exempt_speech = False
    needs_model = True
    analysis = "yes (tagger, on units that may be actions)"

    def setup(self, nlp, config) -> None:
        load_base_verbs(nlp)
    options = {"skip_conditional": True}
    examples = [
        Example("Actions:\n- Staff to monitor Connor's whereabouts.", True, "visit_record"),
        Example("A meeting will be arranged with the school nurse by 30/04/2026.", True, "supervision"),
        Example("What we agreed\n- It is hoped that you will see your sister more often.", True, "review_record"),
        Example("Actions:\n- Jo will book a dental check-up for Kai by 14/03/2026.", False, "supervision"),
        Example("Your health check will be booked by Becky before 3 May 2026.", False, "review_record"),
        Example("Who | What | When\nRose | Take you to gym club | every Saturday", False, "care_plan"),
    ]

    def regions(self, rec):
        return action_regions(rec)

    def check(self, rec):
        for act in find_actions(rec):
            if self.opts.get("skip_conditional", True) and _conditional(rec, act):
                continue
            missing = []
            ts = _when(rec, act)
            clear = ts is not None and bool(ts.clear)
            if act.vague and not (act.vague_soft and clear):
                missing.append(f"what: \"{act.vague}\" says nothing measurable")
            if act.no_owner_phrase:
                missing.append(f"who: \"{act.no_owner_phrase}\" names no one responsible")
            elif act.owner is None and (act.passive or act.kind in ("imperative", "hoped", "step")):
                if act.passive:
                    missing.append("who: the action is passive and names no one responsible")
                else:
                    missing.append("who: no one is named as responsible")
            if not missing:
                continue
            if not clear:
                missing.append("when: no clear timescale")
            yield rec.finding(self, act.start, act.end, "Action is not specific (" + "; ".join(missing) + ").",
                              "say what will be done (an observable step), by whom and by when")


def _backup_sentence(sentence: str, cues) -> bool:
    """"If ..., X will ...", "If I feel scared I will ring Nan", "Unless ..., we will ..."."""
    sent = _CONNECTIVE.sub("", _BULLET.sub("", sentence))
    if cues.condition.match(sent) and not cues.not_condition.search(sent[:40]):
        after = sent[sent.find(",") + 1:] if "," in sent else sent
        if "," in sent and _CONSEQUENCE.search(after):
            return True
        if _IF_THEN_NO_COMMA.search(sent):
            return True  # a safety-plan step, no comma
    return bool(re.search(r"\bunless\b|\bin the event that\b|\bshould (?:this|that|the plan|things)\b", sent, re.I)
                and re.search(r"\b(?:will|can|would)\b", sent, re.I))


_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s*")
# "However, if ...", "But if ...": the condition after a linking word
_CONNECTIVE = re.compile(r"^\s*(?:however|but|and|otherwise|also),?\s+(?=if\b)", re.IGNORECASE)
# What follows the condition: someone will, can, should, may ... do something ("it may be necessary to")
_CONSEQUENCE = re.compile(r"\b(?:will|can|would|could|shall|should|may|might|must|then|to)\b", re.IGNORECASE)
# "If I feel scared I will ring Nan": a condition, then someone who will (or can) do something.
_IF_THEN_NO_COMMA = re.compile(r"^\s*if\s+\S+.*?\s(?:I|we|you|he|she|they|(?-i:[A-Z][a-z]+))\s+"
                               r"(?:will|can|could|would|shall|am\s+going\s+to|are\s+going\s+to)\s+\w",
                               re.IGNORECASE)


# "I will": the child's own safety plan. Not "we will": on a page for any child that is the service's
# promise ("If you have a disability we will make sure ..."), not this child's back-up plan.
_OWN_BACKUP = re.compile(r"\bI\s+(?:will|can|would|could|shall)\b|"
                         r"\bif\s+(?:the|this|my|your)\s+(?:[\w-]+\s+){0,3}plan\s+(?:is\s+not|isn[’']t|does\s+not|"
                         r"doesn[’']t|fails|is\s+un)", re.IGNORECASE)


# On a page for any child, telling them about the back-up plan covers it: "Part of your plan will include a
# back-up plan (contingency)", "What will happen if the plan isn't working", "if (name of parent) fails to
# keep to this agreement, ..."; and a page about a safety plan, which is itself the plan for when things go
# wrong ("A safety plan can help you when you feel unsafe")
_BACKUP_MENTIONED = re.compile(
    r"\b(?:contingency|back-?up\s+plan|plan\s+b|safety\s+plans?)\b|"
    r"\bif\b[^.\n]{0,60}\b(?:plan|plan[’']s|agreement|arrangement|things)\b[^.\n]{0,40}?\b(?:is\s+not|isn[’']t|"
    r"not\s+working|does\s+not|doesn[’']t|don[’']t|fails?|is\s+un|not\s+being\s+followed|goe?s?\s+wrong)|"
    # "You can decide at any point that the arrangement is not working ... and other arrangements can be made"
    r"\b(?:decide|feel|think|find)s?\s+(?:[^.\n]{0,30}\s)?that\s+[^.\n]{0,60}\b(?:plan|agreement|arrangement)\s+"
    r"(?:is\s+not|isn[’']t)\s+working\b|"
    r"\bif\b[^.\n]{0,60}\bfails?\s+to\s+keep\b", re.IGNORECASE)


def _own_backup(sentence: str) -> bool:
    """"If this person knocks, I will call for help", "If the plan is not successful, ...": not advice."""
    return bool(_OWN_BACKUP.search(sentence))


def _conditional(rec, act) -> bool:
    """A back-up step inside "If ..., X will ..." belongs to the contingency plan
    (planning.yaml's conditional_openings)."""
    return bool(planning_phrases(rec.config).conditional.match(rec.text, act.start, act.end))


# --- contingency ------------------------------------------------------------------------------
class _ContingencyCues:
    def __init__(self, ph):
        d = ph.data
        self.headings = phrase_regex(d.get("contingency_headings", []))
        self.empty = {re.sub(r"[^a-z0-9/ -]+", "", str(x).lower()).strip() for x in d.get("contingency_empty", [])}
        conds = [*d.get("conditional_openings", []), *d.get("contingency_conditions", [])] or ["if"]
        self.condition = re.compile(r"^\s*(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in conds) + r")\b",
                                    re.IGNORECASE)
        self.not_condition = phrase_regex(d.get("contingency_not_conditions", []))


@lru_cache(maxsize=4)
def _contingency_cues(ph) -> _ContingencyCues:
    return _ContingencyCues(ph)


class PlanContingency(Rule):
    code = "RL303"
    name = "plan-contingency"
    category = "plan.contingency"
    severity = Severity.warning
    summary = "A care plan or pathway plan that never says what happens if the plan is not achieved."
    why = ("Statutory guidance: the care plan should 'describe the contingency arrangements if the "
           "proposed plan for the child is not achievable, in order to reduce delay'. 'N/A' is not a plan.")
    source = "Children Act 1989 guidance vol. 2 (care planning); ../shared/reference/domain.md section 2.3"
    doc_types = ["care_plan", "pathway_plan"]
    exempt_speech = False
    examples = [
        Example("My plan\n\n- Jo will visit you every 6 weeks.\n\nContingency plan\nN/A", True, "care_plan"),
        Example("Actions\n- Neil will meet you every 6 weeks.", True, "pathway_plan"),
        Example("Actions\n- Neil will meet you every 6 weeks.\n\nIf things go wrong\nIf you lose your flat, "
                "Neil will find you somewhere to live within 28 days.", False, "pathway_plan"),
        Example("Plan B: if you cannot go home, you will stay with your aunt Carly.", False, "care_plan"),
    ]

    def check(self, rec):
        cues = _contingency_cues(planning_phrases(rec.config))
        text = rec.text
        found_heading_empty = False
        lines = rec.lines
        for i, (ls, le) in enumerate(lines):
            line = text[ls:le].strip()
            if not line:
                continue
            m = cues.headings.search(line)
            if m and m.start() <= 3 and (len(line.split()) <= 10 or ":" in line):
                if ":" in line:
                    body = line.split(":", 1)[1].strip()
                elif len(line.split()) <= 10 and not line.endswith((".", "!")):
                    body = ""   # a heading alone on its line
                else:
                    body = line  # the line is itself the back-up plan sentence
                if not body:
                    # the section: the next lines, to the next blank line
                    extra = []
                    for s2, e2 in lines[i + 1:]:
                        t = text[s2:e2].strip()
                        if not t:
                            if extra:
                                break
                            continue
                        extra.append(t)
                    body = " ".join(extra)
                if self._has_content(body, cues):
                    return
                found_heading_empty = True
        # no (or an empty) heading: a back-up plan sentence anywhere ("If ..., X will ...")
        # ("If you are unhappy, you can ..." on a page for any child is advice, not this child's back-up plan)
        # but a page's own "If ..., I will ..." (a safety plan in the child's words) or "If the plan is not
        # working, ..." is a back-up plan
        info = is_information_text(rec)
        if info and _BACKUP_MENTIONED.search(text):
            return  # a page for any child that tells them about the back-up plan
        if any(_backup_sentence(text[s:e], cues) and (not info or _own_backup(text[s:e]))
               for s, e in rec.sentences if not rec.in_speech(s)):
            return
        msg = ("The contingency plan is empty: say what will happen if the plan is not achieved."
               if found_heading_empty else
               "No contingency plan: say what will happen if the plan is not achieved (a back-up plan).")
        yield rec.finding(self, None, None, msg,
                          "add a section such as 'If the plan is not working': if ..., then who will do what, by when")

    @staticmethod
    def _has_content(body: str, cues) -> bool:
        norm = re.sub(r"[^a-z0-9/ -]+", "", body.lower()).strip()
        if not norm or norm in cues.empty:
            return False
        first = re.split(r"[.;\n]", norm)[0].strip()
        if first in cues.empty and len(norm.split()) <= 6:
            return False
        # "To be agreed at your next review.": a deferral, not a plan
        if any(first.startswith(e + " ") for e in cues.empty if " " in e):
            return False
        if re.match(r"^(?:see|refer to|as per|can be found|is in|please see)\b", norm):
            return False
        return len(norm.split()) >= 3


RULES: list = [PlanTimescale, PlanSpecific, PlanContingency]
