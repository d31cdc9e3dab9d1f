"""Telegraphic plan steps: a step with no verb of its own, as terse case notes write them.

  need       "Increased monitoring required", "Weekly check-in needed"
  arranged   "Follow-up scheduled for tomorrow", "Next appointment scheduled", "Scheduled follow-up
             for two weeks", "Daily check-ins arranged for this week"
  timed noun "Daily follow-up this week", "Follow-up weekly", "2-week follow-up"
  opener     "Plan to follow up in one week", "Need to follow up urgently"
  referral   "Referral to a counselling service" (not "Referral made to ...": done)
  provision  "Support from a teaching assistant when needed", "Regular speech therapy sessions": a provision
             named by its noun, timed only by a vague "when" or "regular", as a line of its own or quoted
             as what a plan says (text only: vague_provisions)

None of them names who will do it (RL302); RL301 asks for a timescale when there is none. The
words are lists in ``rules/phrases/planning.yaml`` (step_needed, step_arranged, step_nouns,
step_timed_nouns, step_openers, step_referrals). A step part may follow a dash or colon ("Mental health symptoms
worsening - increased monitoring required"); "No further action required" is not a step.
"""
from __future__ import annotations

import re

from ..phrases import PlanningPhrases
from .clauses import _BY_TIME, Action
from .timescale import CLEAR_RE
from .units import verb_only

_FINITE = {"VBD", "VBZ", "VBP", "MD"}
# "Next: 2 weeks." - terse notes' next contact: a bare "Next:" and a timescale
NEXT_LABEL = re.compile(r"\W*next\s*:\s*\S", re.IGNORECASE)
_CONNECTIVES = {"however", "additionally", "also", "therefore", "so", "furthermore"}
_NOUN_PHRASE = {"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "CC", "DT", "PRP$", "POS", "HYPH", "VBG"}
# where a step part may start: after a dash or colon, or after ", and" ("Kai is at risk, and further action is
# required to keep him safe")
_SEPARATOR = re.compile(r"\s+[-–—]\s+|:\s+|,\s+and\s+")
_NEGATIVE = re.compile(r"^\W*(?:no|nothing|not|none|without)\b", re.IGNORECASE)


def read_telegraphic(toks, region, ph: PlanningPhrases, text: str, s: int, e: int, kind: str | None) -> Action | None:
    """The unit text[s:e] (its tagged tokens ``toks``) read as a telegraphic step, or None."""
    part_s = _step_part(text, s, e)
    part = text[part_s:e].strip().rstrip(".;!")
    words = part.split()
    if not words or _NEGATIVE.match(part) or (len(words) > 16 and not ph.step_referrals.match(part)):
        return None
    inside = [t for t in toks if region.start_of(t) >= part_s and not t.is_punct]
    if NEXT_LABEL.match(text, s, e) and CLEAR_RE.search(text, s, e):
        return _step(s, e, kind, "next")  # "Next: 2 weeks." - the next contact, timed, no one named
    act = _opener(inside, ph, part, s, e, kind) or _needed(inside, ph, part, s, e, kind) \
        or _arranged(inside, ph, part, s, e, kind) or _timed_noun(inside, ph, part, s, e, kind) \
        or _referral(inside, ph, part, s, e, kind)
    if act is not None:
        _judge_vague(act, inside, ph)
    return act


def _step_part(text: str, s: int, e: int) -> int:
    """Where the step starts: after the last dash, colon or ", and" of the unit, if anything follows."""
    cut = s
    for m in _SEPARATOR.finditer(text, s, e):
        if text[m.end():e].strip():
            cut = m.end()
    return cut


def _step(s: int, e: int, kind: str | None, verb: str, passive: bool = False) -> Action:
    act = Action(s, e, kind or "step", verb=verb)  # "step": never takes an earlier sentence's owner
    act.passive = passive
    return act


def _finite_verbs(toks) -> list:
    return [t for t in toks if t.tag_ in _FINITE]


def _opener(toks, ph, part, s, e, kind) -> Action | None:
    """"Plan to follow up in one week": an opener, then a verb."""
    m = ph.step_openers.match(part)
    if not m or len(toks) < 3:
        return None
    verb = next((t for t in toks[2:] if t.tag_.startswith("VB")), None)
    return _step(s, e, kind, verb.lemma_.lower()) if verb is not None else None


def _needed(toks, ph, part, s, e, kind) -> Action | None:
    """"Increased monitoring required": a need word closes a short noun phrase; or, with "is/are",
    a purpose may follow ("Immediate action is required to ...", "ongoing support and monitoring are
    necessary to ensure ...")."""
    if toks and toks[0].lower_ in _CONNECTIVES:
        toks = toks[1:]
    i = next((i for i, t in enumerate(toks) if t.lower_ in ph.step_needed), None)
    if i is None or i == 0 or i > 6:
        return None
    rest = part[part.lower().find(toks[i].lower_) + len(toks[i].text):].strip()
    copula = toks[i - 1].lower_ in ("is", "are") and i > 1 and rest.startswith("to ")
    if rest and not CLEAR_RE.match(rest) and not copula:
        return None  # the need word closes the step, or a timescale follows ("required upon release")
    if _finite_verbs(toks[:i - 1] if copula else toks[:i]):
        return None  # "Mum said help was needed": a sentence, not a step
    if copula and any(t.tag_ not in _NOUN_PHRASE for t in toks[:i - 1]):
        return None  # "It is needed", "What is required": no step named
    noun = next((t for t in reversed(toks[:i]) if t.pos_ in ("NOUN", "PROPN", "VERB")), None)
    return _step(s, e, kind, noun.lower_) if noun is not None else None


def _arranged(toks, ph, part, s, e, kind) -> Action | None:
    """"Follow-up scheduled for tomorrow", "Next appointment scheduled": a step noun, arranged."""
    arranged, noun = ph.step_arranged.search(part), ph.step_nouns.search(part)
    if not arranged or not noun:
        return None
    before = part[:arranged.start()].strip(" -–:•*").lower()
    if arranged.start() < noun.start() and before not in ("", "next", "a", "the"):
        return None  # "High frequency of planned home visits": the arranged noun is not the head, nor first
        # ("Scheduled follow-up for two weeks", "Next planned visit" are steps)
    others = [t for t in _finite_verbs(toks) if t.lower_ not in arranged.group(0).lower().split()]
    if others:
        return None  # "Mum has set the table": a sentence with its own verb
    return _step(s, e, kind, noun.group(0).lower(), passive=True)


def _timed_noun(toks, ph, part, s, e, kind) -> Action | None:
    """"Daily follow-up this week", "2-week follow-up": a follow-up with a timescale, no verb."""
    noun = ph.step_timed_nouns.search(part)
    if not noun or len(part.split()) > 6 or _finite_verbs(toks):
        return None
    if not (CLEAR_RE.search(part) or ph.clear_time.search(part) or re.search(r"\d+-(?:day|week|month)", part)):
        return None
    return _step(s, e, kind, noun.group(0).lower())


def _referral(toks, ph, part, s, e, kind) -> Action | None:
    """"Referral to a counselling service": a step named by its noun, with no verb at all ("Referral
    made to CAMHS" is done; "a service specialising in blended families" is not a verb of its own)."""
    if not ph.step_referrals.match(part) or _finite_verbs(toks) or _done(toks, ph):
        return None
    return _step(s, e, kind, "refer")


def _done(toks, ph) -> bool:
    return any(t.tag_ in ("VBN", "VBD") and t.lower_ in ph.step_done for t in toks)


def step_item_noun(ph, word: str) -> bool:
    """A listed step noun, one word ("referral", "visits")."""
    return ph.step_item_nouns.fullmatch(word) is not None


def may_be_noun_item(ph, unit: str) -> bool:
    """Text only: a listed step noun in the first words of a plan-list item (worth tagging)."""
    m = ph.step_item_nouns.search(unit[:80])
    return m is not None and len(unit[:m.start()].split()) <= 4


def read_noun_item(toks, region, ph: PlanningPhrases, text: str, s: int, e: int) -> Action | None:
    """In a plan list, an item named by its noun: "Regular follow-up visits to monitor ...",
    "Collaboration with the school to ...", "Referral to a counselling service ...". Not an item with
    a verb of its own ("Visits went well"), nor one that says it is done ("Referral made")."""
    part_s = _step_part(text, s, e)
    inside = [t for t in toks if region.start_of(t) >= part_s and not t.is_punct]
    i = 0
    while i < len(inside) - 1 and (inside[i].tag_ in ("JJ", "JJR", "RB", "CD")
                                   or (i == 0 and inside[i].tag_ in ("VBN", "VBG"))):
        i += 1  # "Regular", "Further", "Additional", "Immediate"; "Continued", "Ongoing"
    if not inside or i > 3:
        return None
    m = ph.step_item_nouns.match(text, region.start_of(inside[i]), e)
    if m is None or _done(inside, ph):
        return None
    after = [t for t in inside if region.start_of(t) >= m.end()]
    cut = next((j for j, t in enumerate(after) if t.lower_ in _CLAUSE_OPENERS or t.tag_ in ("WDT", "WP", "WRB")),
               len(after))
    if _finite_verbs(after[:cut]):
        return None  # "Visits have gone well": a sentence with its own verb
    act = _step(s, e, "step", m.group(0).lower())
    act.owner = _by_agent(after[:cut], region, text)   # "Assessment of Mum's health by the GP"
    _judge_vague(act, inside, ph)
    return act


def read_field_value(toks, ph: PlanningPhrases, text: str, s: int, e: int) -> Action | None:
    """The value of a plan field named by nouns ("Plan: Immediate protection and support", "case_plan:
    Placement in temporary care and follow-up"): a step no one owns when a listed step noun is anywhere in
    it. Not a value with a verb of its own ("Plan: Kai is doing well"), nor "No further action"."""
    words = [t for t in toks if not t.is_punct]
    noun = ph.step_item_nouns.search(text, s, e)
    if not words or noun is None or len(words) > 12 or _NEGATIVE.match(text[s:e]) or _finite_verbs(words) \
            or _done(words, ph):
        return None
    act = _step(s, e, "step", noun.group(0).lower())
    _judge_vague(act, words, ph)
    return act


def read_recommended_item(toks, ph: PlanningPhrases, s: int, e: int) -> Action | None:
    """An item of a list of recommendations named by a noun phrase ("A new expert-led model for child
    protection investigation", "Changes to multi-agency inspection to ..."): a step no one owns, whatever its
    noun. Not an item with a verb of its own ("The board agreed the plan"), nor one that says it is done."""
    words = [t for t in toks if not t.is_punct]
    if not words or words[0].tag_ not in _NOUN_PHRASE_FIRST or len(words) > 30 or _done(words, ph) or \
            any(t.text == ":" for t in toks):
        return None   # "Keywords: neglect, filicide": a labelled field that ends the list, not an item of it
    cut = next((j for j, t in enumerate(words) if j and (t.lower_ in _CLAUSE_OPENERS or
                                                        t.tag_ in ("WDT", "WP", "WRB"))), len(words))
    if _finite_verbs(words[:cut]):
        return None
    head = next((t for t in words[:cut] if t.tag_ in ("NN", "NNS")), None)
    if head is None:
        return None
    act = _step(s, e, "step", head.lemma_.lower())
    _judge_vague(act, words, ph)
    return act


# A noun phrase opens with a determiner, an adjective, a number or a noun ("A new role ...", "Specific practice
# improvements ...", "Changes to ...")
_NOUN_PHRASE_FIRST = ("DT", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS")


def _by_agent(toks, region, text: str) -> str | None:
    """Who a noun step names with "by" ("by the GP", "by Jo"), not a time ("by the end of May")."""
    for j, t in enumerate(toks[:-1]):
        if t.lower_ == "by":
            rest = text[region.start_of(t):region.start_of(t) + 60]
            if not (CLEAR_RE.match(rest) or _BY_TIME.match(rest)):
                return " ".join(x.text for x in toks[j + 1:j + 4])
    return None


_CLAUSE_OPENERS = {"that", "which", "who", "so", "because", "as", "if", "when", "while", "where"}


def _judge_vague(act: Action, inside, ph) -> None:
    vague = next((t.text for t in inside if t.pos_ in ("NOUN", "VERB") and
                  ph.vague_verbs & {t.lower_, t.lemma_.lower(), t.lower_.removesuffix("ing")}), None)
    if vague:
        act.vague = vague


# --- a provision with only a vague "when" -----------------------------------------------------------------------
_VAGUE_WHEN = (r"(?:as\s+(?:and\s+when\s+)?(?:appropriate|required|needed|necessary)|"
               r"(?:when|where|if)(?:ever)?\s+(?:appropriate|needed|required|necessary))")
# a verb of its own makes it a clause, not a provision named by its noun ("Kai is seen when needed")
_CLAUSE_WORD = re.compile(r"\b(?:will|shall|should|must|can|could|may|might|would|is|are|was|were|be|been|being|has|"
                          r"have|had|do|does|did|needs?)\b|['’]ll\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“‘]([^\"“”‘’\n]{3,100}?)[\"”’]")
_MARKS = ".,;:!?-–•*❌✅ \t"   # a line's marks around a quotation
_EDGE = "\"“”‘’'" + _MARKS


def vague_provisions(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Where text[s:e] names a provision timed only vaguely: "Access to a sensory room as required", "Support
    from a teaching assistant when needed", "Regular liaison between school and parents" - the unit itself (its
    marks and quotes stripped), else each quotation in it ("Phrases such as "access to support as appropriate"
    ..."; "Regular ..." only quoted). Not "Amendments as required" (a word or two before it), nor an order
    ("Receive care when required")."""
    whole = _stripped(text, s, e)
    if whole and _vague_provision(text[whole[0]:whole[1]], _QUOTED.fullmatch(text[s:e].strip(_MARKS)) is not None):
        return [whole]
    out = []
    for m in _QUOTED.finditer(text, s, e):
        inner = _stripped(text, m.start(1), m.end(1))
        if inner and _vague_provision(text[inner[0]:inner[1]], True):
            out.append(inner)
    return out


def _stripped(text: str, s: int, e: int) -> tuple[int, int] | None:
    unit = text[s:e]
    left, right = len(unit) - len(unit.lstrip(_EDGE)), len(unit.rstrip(_EDGE))
    return (s + left, s + right) if right > left else None


def _vague_provision(phrase: str, quoted: bool) -> bool:
    """``quoted``: the phrase is quoted as a plan's wording, where "Regular ..." is all its timing too (unquoted,
    "Regular visits from Nan" says what happens)."""
    words = phrase.split()
    if not 3 <= len(words) <= 12 or _CLAUSE_WORD.search(phrase):
        return False
    first = words[0].lower()
    if verb_only(first):
        return False   # an order: "Receive medical care when required"
    when = re.search(r"\s" + _VAGUE_WHEN + r"$", phrase, re.IGNORECASE)
    if when:
        return len(phrase[:when.start()].split()) >= 3
    return quoted and first == "regular"
