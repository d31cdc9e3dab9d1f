"""Action detection: find the plan steps in any record, for the planning rules.

An action is a unit of text (a sentence, a bullet or numbered line, one part of a line
split by semicolons, a flattened table row, or an "Action: / Who: / By when:" group) that
says someone will do something:

  modal of intent      "Kelly will ...", "Mum needs to ...", "You should ..."
  infinitive of intent "Social worker to ...", "PEP to be updated."
  imperative           "Review at next supervision", "Set up family time | Ewa | weekly"
                       (in bullets, tables, field groups and plan sections only)
  hoped-for            "It is hoped that you will see Darcey more often."

The work is split by job, read top to bottom:

  units.py      the record's slots and units, and which units are worth tagging (text only)
  clauses.py    one tagged unit read into an Action: owner, verb, passive, vague
  fallback.py   the same by pattern when there is no model
  timescale.py  by when (used by the planning rules on each action's context)
  telegraphic.py steps with no verb of their own ("Increased monitoring required")
  information.py pages about the process written to any child: no actions there
  nonsteps.py   units with the shape of a step that are not one ("(completed)", "This will ensure ...")

``action_regions`` tells the component which units to tag before the rules run;
``find_actions`` then reads them, once per record (RL301 and RL302 share the result).
"""
from __future__ import annotations

import re

from ..phrases import planning_phrases
from .clauses import Action, ClauseReader
from .fallback import read_plain
from .information import explains_process, is_information_text
from .nonsteps import EVENT_RECORDS, not_a_step
from .person import people_words
from .telegraphic import may_be_noun_item, read_field_value, read_noun_item, read_recommended_item, \
    vague_provisions
from .timescale import MONTH, dated_events
from .units import BASE_VERBS, BULLET, FieldSlot, LineSlot, RowSlot, is_minutes, may_be_action, plan_slots, \
    what_owner

_YOU_ADVICE = re.compile(r"\W*(?:then\s+)?(?:make\s+sure|ensure|remember|be\s+sure)\s+(?:that\s+)?you\b", re.IGNORECASE)
# Verbs that, with no owner, only say when something happens ("This will start in May"); with a modal and
# in the passive they are steps ("Legal action will be taken"; "Action to be taken" is a form's label)
_EVENT_VERBS = ("happen", "take", "start")


def _only_timing(act: Action) -> bool:
    """"This will start in May": no owner and an event verb, only when something happens (not a step its
    subject names: "Mother's contact to take place weekly")."""
    return act.verb in _EVENT_VERBS and not (act.passive and act.kind == "modal") and act.kind != "step" and \
        (act.owner or "").lower() in ("", "this", "it", "that")


def action_regions(rec) -> list[tuple[int, int, str]]:
    """The units that may be actions, to be tagged ("tag": tags, POS, lemmas)."""
    if "action regions" not in rec.cache:  # RL301 and RL302 both ask
        ph = planning_phrases(rec.config)
        rec.cache["action regions"] = [] if _about_no_plan(rec) else [
            (s, e, "tag") for slot in plan_slots(rec, ph) for s, e, imperative_ok in slot.candidates()
            if may_be_action(rec, ph, s, e, imperative_ok)]
    return rec.cache["action regions"]


def record_dated_events(rec) -> set[str]:
    """Events the record gives a date for (cached on the record)."""
    if "dated events" not in rec.cache:
        rec.cache["dated events"] = dated_events(rec.text, planning_phrases(rec.config))
    return rec.cache["dated events"]


def find_actions(rec) -> list[Action]:
    if "actions" not in rec.cache:
        # a page about the process has no plan steps (information.py)
        rec.cache["actions"] = [] if _about_no_plan(rec) else _ActionFinder(rec).find()
    return rec.cache["actions"]


def _about_no_plan(rec) -> bool:
    """A page about the process, written to any child or answering questions about it: no plan steps."""
    return is_information_text(rec) or explains_process(rec)


class _ActionFinder:
    def __init__(self, rec):
        self.rec, self.ph = rec, planning_phrases(rec.config)
        self.clauses = ClauseReader(rec, self.ph)
        self._events = rec.doc_type.name in EVENT_RECORDS   # a record of events: "Outcome:" says what happened

    def find(self) -> list[Action]:
        out: list[Action] = []
        for slot in plan_slots(self.rec, self.ph):
            if isinstance(slot, LineSlot):
                out.extend(self._line(slot))
            elif isinstance(slot, (RowSlot, FieldSlot)) and self._marked_not_a_step(slot):
                continue   # "Action: Lisa to send the email (completed)"
            elif isinstance(slot, RowSlot):
                out.append(self._row(slot))
            elif isinstance(slot, FieldSlot):
                out.append(self._field(slot))
        return out

    def _marked_not_a_step(self, slot) -> bool:
        """A table row's or a field's action that is not a step (nonsteps.py: done, a pointer ...)."""
        s, e = slot.cell["action"] if isinstance(slot, RowSlot) else slot.action
        return not_a_step(self.rec.text, s, e, slot.line[1], people_words(self.rec.config), self._events) is not None

    def _unit(self, s: int, e: int, kind: str | None, imperative_ok: bool) -> Action | None:
        if not may_be_action(self.rec, self.ph, s, e, imperative_ok):
            return None  # cannot be an action: no need to tag it
        region = self.rec.parse_region(s, e, "tag")  # tags, POS and lemmas; no dependencies needed
        if region is None:
            act = read_plain(self.rec.text, self.ph, s, e, kind)
        else:
            act = self.clauses.read(region, s, e, kind, imperative_ok)
        return act if act is not None and self.is_plan_step(act) else None

    def is_plan_step(self, act: Action) -> bool:
        """The one place that decides whether a unit read as an action (clauses.py) is a plan step: not
        advice to whoever reads a third-person record, and none of the non-steps of nonsteps.py (done,
        a web pointer, hedged, an effect, a document's content). A trained classifier of units may be
        combined here."""
        if self._advice_to_reader(act) or self._agreed_in_the_past(act) or self._value_stated(act):
            return False
        line_end = self.rec.text.find("\n", act.end)
        line_end = len(self.rec.text) if line_end < 0 else line_end
        return not_a_step(self.rec.text, act.start, act.end, line_end, people_words(self.rec.config),
                          self._events) is None

    def _agreed_in_the_past(self, act: Action) -> bool:
        """In a record of events or an assessment, "it was agreed that X would / be ..." tells what a meeting
        decided, as "Mum agreed to ..." does (clauses._undertaken): "... it was agreed that Rowan would be
        accommodated under Section 20"; not "It was agreed that Jo will ring Mum by Friday" (a step still to take),
        nor a plan's or minutes' decisions (their record of what is to be done)."""
        return self.rec.doc_type.name in _TOLD_RECORDS and not is_minutes(self.rec) and \
            _AGREED_THAT.search(self.rec.text, act.start, act.end) is not None

    def _value_stated(self, act: Action) -> bool:
        """Outside a plan section, "it is important / vital (for X) to ..." states what matters, a principle or an
        opinion ("When setting outcomes, it is important to consider a range of outcomes", "It is vital that
        carers feel listened to"); "it is essential / necessary to ..." still names a step no one owns, and so does
        one that names the child ("It is important to book Kai's eye test")."""
        if act.kind != "hoped" or self.clauses.in_section or act.no_owner_phrase is None or \
                _IMPORTANT.match(act.no_owner_phrase) is None:
            return False
        name = self.rec.child.first_name
        return not (name and re.search(rf"\b{re.escape(name)}\b", self.rec.text[act.start:act.end]))

    def _advice_to_reader(self, act: Action) -> bool:
        """In a third-person record (not a supervision, which directs the worker), "you should / need to"
        and "Make sure you ..." are advice to whoever reads it ("You should make the notes as soon as
        possible"), not the child's plan steps."""
        doc = self.rec.doc_type
        if doc.to_child or doc.name == "supervision":
            return False
        return (act.owner or "").lower() == "you" or \
            _YOU_ADVICE.match(self.rec.text, act.start, act.end) is not None

    def _continues_lead_in(self, slot: LineSlot) -> bool:
        """An item under a lead-in that ends with its modal ("The board should:") or that says what someone is
        to do ("What we asked the council to do:", units.what_owner)."""
        if not slot.bullet or slot.lead_in is None:
            return False
        return _MODAL_LEAD_IN.search(self.rec.text, *slot.lead_in) is not None or \
            what_owner(self.rec.text[slot.lead_in[0]:slot.lead_in[1]]) is not None

    def _numbered_order(self, slot: LineSlot) -> bool:
        """A numbered item in a record about a named child whose numbered items open with verbs ("1. Introduce
        the idea of goals to Kai", "2. Set an action plan with him"): a numbered list of orders is a plan (not
        after a lead-in line, "I noticed these things:", which says what its items are)."""
        if not slot.bullet or not self.rec.child.first_name:
            return False
        return self.rec.text.rfind("\n", 0, slot.start) + 1 in self._numbered_orders()

    def _numbered_orders(self) -> set[int]:
        """Where the numbered lines of a list of orders start (one pass over the lines, cached)."""
        if "numbered orders" not in self.rec.cache:
            text, out = self.rec.text, set()
            verbs = [m.group(1).lower() for m in _NUMBERED.finditer(text)]
            if sum(v in BASE_VERBS for v in verbs) >= max(2, len(verbs) // 2 + 1) and not _dated_list(text):
                after_colon = False
                for s, e in self.rec.lines:
                    if _NUMBER.match(text, s, e):
                        if not after_colon:
                            out.add(s)
                    elif text[s:e].strip():
                        after_colon = text[s:e].rstrip().endswith(":")
            self.rec.cache["numbered orders"] = out
        return self.rec.cache["numbered orders"]

    def _noun_item(self, s: int, e: int, field_value: bool) -> Action | None:
        """A plan-list item named by its noun (telegraphic.read_noun_item); tagged only when a listed
        step noun is among its first words, or anywhere in a plan field's value (read_field_value)."""
        text = self.rec.text
        if self.rec.in_speech(s) or not (may_be_noun_item(self.ph, text[s:e]) or
                                         (field_value and self.ph.step_item_nouns.search(text, s, e))):
            return None
        region = self.rec.parse_region(s, e, "tag")
        if region is None:
            return None
        toks = [t for t in region.span if not t.is_space]
        if not toks:
            return None
        act = read_noun_item(toks, region, self.ph, text, s, e)
        act = act if act is not None or not field_value else read_field_value(toks, self.ph, text, s, e)
        return act if act is not None and self.is_plan_step(act) else None

    def _item_without_verb(self, slot: LineSlot, s: int, e: int) -> Action | None:
        """A plan-list item with no verb: "Referral to a counselling service", "Plan: ..." (a step noun); in a
        list of recommendations, any noun phrase ("A new role for the Panel in ...")."""
        act = self._noun_item(s, e, slot.field_value) if slot.in_plan else None
        return act if act is not None or not slot.recommends else self._recommended_item(s, e)

    def _recommended_item(self, s: int, e: int) -> Action | None:
        """An item of a list of recommendations named by a noun phrase (telegraphic.read_recommended_item)."""
        if self.rec.in_speech(s):
            return None
        region = self.rec.parse_region(s, e, "tag")
        if region is None:
            return None
        act = read_recommended_item([t for t in region.span if not t.is_space], self.ph, s, e)
        return act if act is not None and self.is_plan_step(act) else None

    def _row(self, row: RowSlot) -> Action:
        self.clauses.plan_item = self.clauses.recommends = self.clauses.in_section = False
        text, cell = self.rec.text, row.cell
        a_s, a_e = cell["action"]
        act = self._unit(a_s, a_e, "table", True) or Action(a_s, a_e, "table")
        who = cell.get("who")
        if who and text[who[0]:who[1]].strip():
            act.owner = text[who[0]:who[1]].strip()
        when = cell.get("when")
        act.start, act.end = row.cells[0][0], row.cells[-1][1]
        act.when = when if when else None
        act.context = [when] if when else [(a_s, a_e)]
        act.line = row.line
        act.kind = "table"
        return act

    def _field(self, slot: FieldSlot) -> Action:
        self.clauses.plan_item = self.clauses.recommends = self.clauses.in_section = False
        a_s, a_e = slot.action
        act = self._unit(a_s, a_e, "field", True) or Action(a_s, a_e, "field")
        act.kind = "field"
        if slot.owner:
            act.owner = slot.owner
        act.when = slot.when if slot.when is not None else act.when
        act.context = [slot.when] if slot.when is not None else [(a_s, a_e)]
        act.line = slot.line
        return act

    def _item_context(self, slot: LineSlot, s: int, e: int, imperative_ok) -> None:
        """Whether the unit is an item of a plan list (in a plan list, "Schools should record absences" is a
        recommended step, not a general rule) or of recommendations ("Recommendations include: seek ...")."""
        inline = (s, e) in slot.inline_items
        self.clauses.plan_item = (slot.in_plan or inline or self._continues_lead_in(slot) or
                                  self._numbered_order(slot)) and imperative_ok is True
        self.clauses.recommends = (slot.recommends or inline) and imperative_ok is True
        self.clauses.in_section = slot.in_plan

    def _line(self, slot: LineSlot) -> list[Action]:
        out: list[Action] = []
        prev_owner = None
        for (s, e, imperative_ok) in slot.candidates():
            self._item_context(slot, s, e, imperative_ok)
            act = self._unit(s, e, None, imperative_ok or (prev_owner is not None))
            if act is None and imperative_ok is True:
                act = self._item_without_verb(slot, s, e)
            if act is None:
                provisions = self._provisions(slot, s, e)
                if provisions:
                    out.extend(provisions)   # "Support from a teaching assistant when needed"
                    continue
            if act is None:
                # a later sentence of a bullet can carry its timescale ("The next visit is on 12 May.")
                if out and slot.bullet:
                    out[-1].context.append((s, e))
                continue
            if _only_timing(act):
                if out:
                    out[-1].context.append((s, e))
                continue
            if act.kind == "imperative" and act.owner is None and prev_owner and imperative_ok != "prose":
                act.owner = prev_owner   # not a sentence that is an order on its own ("Discuss at the next meeting.")
            _owner_from_heading(act, slot, (s, e) in slot.inline_items)
            _owner_from_marker(act, self.rec.text, slot.end)
            prev_owner = None if slot.list_items else act.owner   # list items each name their own owner
            act.line = (slot.start, slot.end)
            act.context = act.context or [(s, e)]   # a reported recommendation's own clause (clauses.py)
            out.append(act)
        if slot.bullet and slot.one_sentence_per_unit:
            # one bullet is one plan step: a timescale anywhere in it counts for all its sentences
            for act in out:
                act.context = [(slot.start, slot.end)]
        _add_lead_in(slot, out)
        if slot.bullet and out and self._reported_lead_in(slot):
            out = [act for act in out if act.kind != "imperative"]
        return out

    def _provisions(self, slot: LineSlot, s: int, e: int) -> list[Action]:
        """Provisions named by their noun and timed only vaguely, the unit or quoted in it
        (telegraphic.vague_provisions): steps no one owns."""
        out = []
        for ps, pe in vague_provisions(self.rec.text, s, e):
            act = Action(ps, pe, "step", verb="provide")
            act.line, act.context = (slot.start, slot.end), [(ps, pe)]
            if self.is_plan_step(act):
                out.append(act)
        return out

    def _reported_lead_in(self, slot: LineSlot) -> bool:
        """A list item under a lead-in line that reports what someone said ("Kai told me the rules at his
        foster home:", "The school has told us that it will:"): an item with no subject of its own is what was
        said, as "Mum said she will call" is, not an order of this record."""
        return self.rec.text.rfind("\n", 0, slot.start) + 1 in self._reported_items()

    def _reported_items(self) -> set[int]:
        """Where the list lines under a lead-in with a speech verb start (one pass over the lines, cached)."""
        if "reported items" not in self.rec.cache:
            text, out, reported = self.rec.text, set(), False
            for s, e in self.rec.lines:
                line = text[s:e].strip()
                if BULLET.match(text[s:e]):
                    if reported:
                        out.add(s)
                elif line:
                    # not "What we asked the council to do:" (what_owner): the orders it gave, not a report
                    reported = line.endswith(":") and what_owner(line) is None and \
                        any(w in self.ph.speech_forms and _past(w) for w in re.findall(r"[a-z]+", line.lower()))
            self.rec.cache["reported items"] = out
        return self.rec.cache["reported items"]


def _past(word: str) -> bool:
    """A past form ("told", "explained"): a report of what was said; not "Your plan should say:", "have your
    say", which lead into what a document holds."""
    return word.endswith("ed") or word in ("said", "told", "wrote")


# "it was agreed that ... would ...", "it had been agreed that both be referred" (no "will" after it)
_AGREED_THAT = re.compile(r"\bit\s+(?:was|had\s+been)\s+agreed\s+that\b(?![^.;\n]*\b(?:will|shall)\b|[^.;\n]*['’]ll\b)",
                          re.IGNORECASE)


_IMPORTANT = re.compile(r"it\s+(?:is|was)\s+(?:\w+\s+)?(?:important|vital)\b", re.IGNORECASE)
_TOLD_RECORDS = ("case_note", "visit_record", "chronology", "assessment")


# A lead-in that ends with its modal: "The board should:", "Over the next year we will:" - each item finishes the
# sentence, so an item that opens with a verb is an order ("ensure that staff are trained")
_MODAL_LEAD_IN = re.compile(r"\b(?:will|shall|must|should|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to|"
                            r"(?:is|are|am)\s+going\s+to)\s*:\s*$", re.IGNORECASE)


# A numbered line and the word it opens with ("2. Set an action plan ..."); the number alone
_NUMBERED = re.compile(r"^[ \t]*\(?\d{1,2}[.)][ \t]+([A-Z][a-z]+)\b", re.MULTILINE)
_NUMBER = re.compile(r"[ \t]*\(?\d{1,2}[.)](?:[ \t]|$)")


# A date of the past or future given as a month and a year ("June 2022", "3 May 2021"), not a deadline ("by June 2022")
_DATED = re.compile(r"(?<!\bby )(?<!\bbefore )(?<!\buntil )(?<!\d )\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                    r"(?:" + MONTH + r")\s+\d{4}\b", re.IGNORECASE)


def _dated_list(text: str) -> bool:
    """Most numbered lines carry a month and a year ("3. Return home to mum, June 2022."): a chronology of
    events, not a list of orders."""
    lines = [m.group(0) for m in re.finditer(r"^[ \t]*\(?\d{1,2}[.)][ \t].*$", text, re.MULTILINE)]
    return bool(lines) and sum(_DATED.search(line) is not None for line in lines) * 2 >= len(lines)


def _owner_from_heading(act: Action, slot: LineSlot, inline: bool = False) -> None:
    """Named by the heading or label above ("Work and Income: ..."): an order or a step with no subject; under
    "What Mum and Dad will do", a passive with no "by" too ("Mobiles will be switched off"); an item of
    "Recommendations for the Partnership include: ..." (``inline``), by whom they are for."""
    if act.owner is None and slot.owner and (act.kind in ("imperative", "step") or
                                             (act.passive and slot.owner_does_all)):
        act.owner = slot.owner
    if inline and act.owner is None and act.kind in ("imperative", "step"):
        act.owner = slot.inline_owner


# "... presented to a future meeting. (Action: Jo Bloggs)", "(Lead: Head of Service)": minutes name who acts in
# a bracket after the minute (a string: compiled by re when first used)
_OWNER_MARKER = r"[\s.;,]*\(\s*(?:action(?:\s+by)?|lead|owner|responsible|who)\s*[:\-–]\s*(?P<who>[^()\n]{2,60}?)\s*\)"


def _owner_from_marker(act: Action, text: str, line_end: int) -> None:
    """Named in a bracket at the end of the step or right after it, on its line: "It was agreed that the report
    would be presented to a future meeting. (Action: Jo Bloggs)" names who, whatever the words before said."""
    if act.owner is not None and not act.no_owner_phrase:
        return
    for m in re.compile(_OWNER_MARKER, re.IGNORECASE).finditer(text, act.start, line_end):
        if m.start() >= act.end or not text[m.end():act.end].strip(" .;,"):   # not one in the middle of the step
            if text[act.end:m.start()].strip(" .;,"):
                return   # another sentence comes between: the marker is that one's
            act.owner, act.no_owner_phrase = m.group("who"), None
            return


def _add_lead_in(slot: LineSlot, acts: list[Action]) -> None:
    """"Over the term of this plan, we will:" - the lead-in line can time each item under it."""
    if slot.lead_in:
        for act in acts:
            act.context.append(slot.lead_in)
