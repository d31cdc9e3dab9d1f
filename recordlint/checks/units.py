"""Units: where the plan steps may be. Text only: no model, no parse.

A record is walked line by line into slots, each holding the units that may be actions:

  LineSlot   an ordinary line, a bullet, or the words after a heading's colon
             ("Actions: SW to visit weekly"): its sentences, each split at semicolons
  RowSlot    a row of an action table ("Take you to football | Dave | every Saturday"),
             with its cells by role (action, who, when)
  FieldSlot  an "Action: ... / Who: ... / By when: ..." group, on one line or several

Lines under a plan heading ("Actions", "Next steps", "What we agreed") are in a plan, where
imperative lines ("Book the dentist") count as actions. Rows of tables that are not action
tables ("Date | Event | Source") become LineSlots: actions only if they say so in words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..phrases import PlanningPhrases, norm_heading, words_of

# A heading for a list of things not to do: "Do not:", "Don't:", "Avoid:", "Never:", "What to avoid"
_PROHIBITIONS = re.compile(r"^\W*(?:(?:please\s+)?(?:do\s+not|don[’']t|never|avoid)\b[^.!?]{0,40}:|"
                           r"(?:what|things)\s+(?:not\s+)?to\s+avoid\b[^.!?:]{0,20}:?)\s*$", re.IGNORECASE)
# A heading of practice advice: "Safety planning do's and don'ts", "Top tips for visits", "Practice pointers" - the
# orders under it tell any practitioner how to work, not this record's steps (a string: compiled when first used)
_GUIDANCE_HEADING = (r"\b(?:do['’]?s\s+and\s+don['’]?ts|top\s+tips|hints\s+and\s+tips|tips\s+for|"
                     r"practice\s+(?:points|pointers|tips)|pointers\s+for\s+practice)\b")
# A lead-in that quotes a duty: "The registered person must ensure:", "Providers are required to ensure that:"
# - the list that follows is what a rule requires, not plan steps
_DUTIES = re.compile(r"^\W*(?:the|all|each|every|any)\s+[\w'’ -]{1,40}?\s+(?:must|shall|is\s+required\s+to|"
                     r"are\s+required\s+to)\s+(?:ensure|make\s+sure)(?:\s+that)?\s*:\s*$", re.IGNORECASE)
# A heading for the standards a service holds itself to: "Expectations:", "Our values", "Key principles" -
# the list that follows is what it stands for, not plan steps ("- be ambitious for me")
_STANDARDS = re.compile(r"^\W*(?:our\s+|key\s+)?(?:expectations|values|principles)\s*:?\s*$", re.IGNORECASE)
# a list marker: a dash or dot, "1.", "(a)", "[ ]", or a small roman numeral in lower case ("ii.", "iv)"; "(i) to
# note ..." stays a minute's resolution, read with its number)
BULLET = re.compile(r"^[ \t]*(?:[-*•·–—▪◦‣>]|\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]|"
                    r"\[\s?\])[ \t]+")
_FIELD = re.compile(r"^[ \t]*(?:action|task|what)\s*:\s*", re.IGNORECASE)
_WHO_FIELD = re.compile(r"(?:^|[/;|]\s*|\s{2,})(?:who|by whom|responsible|lead)\s*:\s*([^/;|\n]*)", re.IGNORECASE)
_WHEN_FIELD = re.compile(r"(?:^|[/;|]\s*|\s{2,})(?:by when|when|timescale|deadline|by|date)\s*:\s*([^/;|\n]*)",
                         re.IGNORECASE)
_FIELD_CUT = re.compile(r"\s+/\s+(?=(?:who|by whom|by when|when|timescale|deadline)\s*:)|\s*[;|]\s*(?=(?:who|"
                        r"by whom|by when|when|timescale|deadline)\s*:)", re.IGNORECASE)
_FIELD_LINE = re.compile(r"^\s*(?:who|by whom|responsible|lead|by when|when|timescale|deadline|date)\s*:",
                         re.IGNORECASE)


@dataclass
class LineSlot:
    start: int
    end: int
    bullet: bool
    in_plan: bool
    units: list[tuple[int, int]] = field(default_factory=list)
    one_sentence_per_unit: bool = True   # no sentence was split at a semicolon

    prose_imperatives: set[int] = field(default_factory=set)   # units of running text led by a plan verb
    owner: str | None = None   # who the heading or label above names ("Work and Income: set up ...")
    list_items: bool = False   # one plan sentence split at semicolons: each part is a list item
    recommends: bool = False   # under a recommendations heading ("Recommendations include: ...")
    field_value: bool = False  # the value of a plan field on its label's line ("Plan: ...", "Case plan: ...")
    lead_in: tuple[int, int] | None = None   # a bullet's lead-in line, where its timescale may be
    owner_does_all: bool = False   # the owner is from "What X will do": every step under it is theirs
    inline_items: set[tuple[int, int]] = field(default_factory=set)   # "Recommendations include: A; B; C"
    inline_owner: str | None = None   # ... and whom they are for ("Recommendations for the Partnership include")

    def candidates(self):
        """(start, end, imperative_ok) of each unit, as far as the text alone can tell; "prose" for a
        unit of running text that starts with a plan verb ("Monitor closely.")."""
        for i, (s, e) in enumerate(self.units):
            if ((self.bullet or self.in_plan) and (i == 0 or self.list_items)) or (s, e) in self.inline_items:
                yield s, e, True
            else:
                yield s, e, "prose" if i in self.prose_imperatives else False


@dataclass
class RowSlot:
    line: tuple[int, int]
    cells: list[tuple[int, int]]
    cell: dict[str, tuple[int, int]]     # role -> the cell's (start, end)

    def candidates(self):
        yield (*self.cell["action"], True)


@dataclass
class FieldSlot:
    line: tuple[int, int]
    action: tuple[int, int]
    owner: str | None
    when: tuple[int, int] | None

    def candidates(self):
        yield (*self.action, True)


def plan_slots(rec, ph: PlanningPhrases) -> list:
    """Every slot of the record, in text order (cached on the record: text only)."""
    if "plan slots" not in rec.cache:
        rec.cache["plan slots"] = _Walker(rec, ph).walk()
    return rec.cache["plan slots"]


class _Walker:
    def __init__(self, rec, ph: PlanningPhrases):
        self.rec, self.ph, self.text = rec, ph, rec.text
        self.slots: list = []
        self.in_plan = False
        self.skip_items = False   # in a list that holds no steps: under "Do not:", "Our values", "... in order to:"
        self.owner: str | None = None   # the last heading that names who ("Work and Income")
        self.table_roles: list[str] | str | None = None
        self.in_findings = False   # under a "Learning" / "Key issues" heading (planning.yaml's finding_labels)
        self.recommends = False    # the plan heading above is a recommendations heading
        self.lead_in: tuple[str | None, tuple[int, int]] | None = None   # "Over this plan, we will:" (lead_in())
        self.owner_does_all = False   # the heading above is "What X will do"
        self.guidance = False   # under a heading of practice tips ("Do's and don'ts"): advice, not steps

    def walk(self) -> list:
        lines, text = self.rec.lines, self.text
        i = 0
        while i < len(lines):
            ls, le = lines[i]
            line = text[ls:le]
            if not line.strip():
                self.table_roles = None
                i += 1
            elif _is_table(line):
                self._table_line(ls, le, line)
                i += 1
            else:
                self.table_roles = None
                i += self._text_line(i, ls, le, line)
        return self.slots

    def _table_line(self, ls: int, le: int, line: str) -> None:
        roles = self._header_roles(line)
        if roles:
            self.table_roles = roles
            self.in_plan = True
        elif self.table_roles == "other" or (self.table_roles is None and _other_header(line)):
            # a table that is not an action table ("Date | Event | Source", form fields):
            # its rows are actions only if they say so in words ("Mum will ...")
            self.table_roles = "other"
            self.slots.append(self._line_slot(ls, le, False, False))
        else:
            row = _table_row(self.text, ls, le, self.table_roles)
            if row is not None:
                self.slots.append(row)

    def _text_line(self, i: int, ls: int, le: int, line: str) -> int:
        """Add the slots of a line that is not a table row; return how many lines it used."""
        bullet = BULLET.match(line)
        if _PROHIBITIONS.match(line) or _DUTIES.match(line) or _STANDARDS.match(line):
            self.skip_items = True  # "Do not:", "Expectations:" - what not to do, or what a service stands for
            return 1
        if (self.skip_items or self.guidance) and bullet:
            return 1
        self.skip_items = _PURPOSE_LEAD_IN.search(line) is not None   # "... in order to:" - aims follow
        self._note_lead_in(line, ls, le, bullet)
        findings = self._finding_label(line, bullet)
        if findings is not None:
            self.in_findings = findings   # "Learning:" alone: the lines under it are findings too
            return 1                      # "Learning: GPs should ...": what a review found, not steps
        if self.in_findings and self._heading(line, bullet) is None:
            return 1
        self.in_findings = False
        fm = _FIELD.match(line)
        if fm and len(line[fm.end():].strip()) > 0:
            return self._field_line(i, fm, line)
        heading = self._heading(line, bullet)
        if heading is not None:
            return self._heading_line(ls, le, line, heading)
        if not bullet and self._plan_label(line):
            slot = self._line_slot(ls + line.index(":") + 1, le, True, True)   # "case_plan: Placement and ..."
            slot.field_value = True
            self.slots.append(slot)
            return 1
        label = owner_label(line.split(":", 1)[0]) if ":" in line and not bullet else None
        if label and line.split(":", 1)[1].strip() and not _title(line.split(":", 1)[1]):
            # "Work and Income: set up budgeting advice" - who, then the step
            slot = self._line_slot(ls + line.index(":") + 1, le, True, True)
            slot.owner = label
            self.slots.append(slot)
            return 1
        self.slots.append(self._body_slot(ls, le, bullet))
        return 1

    def _heading_line(self, ls: int, le: int, line: str, heading: bool) -> int:
        """A heading (a plan heading if ``heading``): who it names, and any content on its line."""
        self.recommends = heading and ("recommend" in line.split(":", 1)[0].lower() or
                                       _CHANGES_LEAD_IN.search(line.strip()) is not None)
        to_whom = _RECOMMENDATIONS_TO.match(norm_heading(line.split(":", 1)[0]))
        what = None if to_whom else what_owner(line)   # "What your social worker will do"
        self.owner = to_whom.group(1) if to_whom else owner_label(line.strip().rstrip(":")) or what
        # under "Actions", a sub-heading that names who ("Public health nurse", "Work and Income") goes on
        # with the plan: the steps under it are that person's
        self.owner = self.owner or (self._role_heading(line) if self.in_plan and not heading else None)
        self.in_plan = heading or (self.in_plan and self.owner is not None)
        self.owner_does_all = what is not None
        self.guidance = not heading and re.search(_GUIDANCE_HEADING, line, re.IGNORECASE) is not None
        # "Actions: SW to visit weekly" - a heading with content on the same line
        colon = line.find(":")
        if colon >= 0 and line[colon + 1:].strip():
            slot = self._line_slot(ls + colon + 1, le, True, True)
            slot.owner = self.owner if to_whom else None   # "Recommendations to the partnership include: ..."
            slot.field_value = True
            self.slots.append(slot)
        return 1

    def _body_slot(self, ls: int, le: int, bullet) -> LineSlot:
        """An ordinary line or bullet, its owner named by the heading above, or for an item by its lead-in."""
        slot = self._line_slot(ls + (bullet.end() if bullet else 0), le, bool(bullet), self.in_plan)
        slot.owner, slot.owner_does_all = self.owner, self.owner_does_all
        if bullet and self.lead_in:
            # "Over the term of this plan, we will:" - who and by when, for each item under it
            slot.owner = self.lead_in[0] or self.owner
            slot.lead_in = self.lead_in[1]
        return slot

    def _field_line(self, i: int, fm, line: str) -> int:
        """An "Action: ..." field group (how many lines it used); not a value that only names who acts
        on the minute above ("Action: Jo Bloggs/Clerk")."""
        if self._names_only(line[fm.end():]):
            return 1
        slot, used = self._field_group(i, fm)
        self.slots.append(slot)
        return used

    def _role_heading(self, line: str) -> str | None:
        """A heading of one to five words whose last names a role or a body ("Public health nurse", "School
        principal", "Social service organisation"; people.yaml's words and planning.yaml's owner_roles);
        not a section of the child's own ("Your health") nor the child ("The young person")."""
        from .person import people_words   # person.py reads units' neighbours: imported when first needed
        words = line.strip().rstrip(":").split()
        if not 1 <= len(words) <= 5 or any(w.lower() in _NOT_OWNER_WORDS for w in words) or \
                not all(_LETTER_WORD.fullmatch(w) for w in words):
            return None
        people, head = people_words(self.rec.config), words[-1].lower()
        roles = (people.singular | people.plural | self.ph.owner_roles) - _THE_CHILD - self.ph.general_subjects
        return line.strip().rstrip(":") if head in roles or head.removesuffix("s") in roles else None

    def _directs(self) -> bool:
        """A supervision record directs the worker: a line that opens with an order is a step there."""
        return self.rec.doc_type.name == "supervision"

    def _plan_label(self, line: str) -> bool:
        """A plan field with its value on the line ("Case plan: ...", planning.yaml's plan_labels)."""
        label, colon, value = line.partition(":")
        return bool(colon) and bool(value.strip()) and len(label.split()) <= 4 and \
            norm_heading(label) in self.ph.plan_labels

    def _note_lead_in(self, line: str, ls: int, le: int, bullet) -> None:
        """Any line but an item starts or ends a lead-in ("Over the term of this plan, we will:")."""
        if not bullet:
            self.lead_in = lead_in(line, ls, le)

    def _names_only(self, value: str) -> bool:
        """A field value that is only names or roles in capitals ("Jo Bloggs/Clerk", "Chair"), its first
        word not a listed plan verb ("Review Plan" is a step)."""
        m = _NAMES_ONLY.match(value)
        return m is not None and m.group(1).lower() not in self.ph.imperatives

    def _finding_label(self, line: str, bullet) -> bool | None:
        """For a line labelled as what a review found or teaches ("Learning:", "Key issues: include: ...",
        planning.yaml's finding_labels): True for the label alone (a heading), False for a label with
        its points after it; None for any other line."""
        if bullet or (":" not in line and len(line.split()) > 4):
            return None
        label = _INCLUDE.sub("", norm_heading(line.split(":", 1)[0]))
        if label not in self.ph.finding_labels:
            return None
        return ":" not in line or not line.split(":", 1)[1].strip()

    def _header_roles(self, line: str) -> list[str] | None:
        """The role of each column of an action table's header row ("What | Who | When"), or None. A header may
        have columns of other kinds ("Outcome/Target | Why | How | Who will be responsible? | When"): two or more
        columns named for a role, every cell a short name (an "/" joins two names for one column)."""
        parts = line.split("|")
        if line.strip().startswith("|"):
            parts = parts[1:]
        if line.strip().endswith("|"):
            parts = parts[:-1]
        roles = [self._column_role(c) for c in parts]
        if len(roles) - roles.count("other") < 2 or any(len(c.split()) > 5 or re.search(r"\d", c) for c in parts):
            return None
        if "other" in roles and not all(c.strip() for c in parts):
            return None
        first_action = roles.index("action") if "action" in roles else -1
        roles = [r if r != "action" or i == first_action else "other" for i, r in enumerate(roles)]
        return roles if "action" in roles or ("who" in roles and "when" in roles) else None

    def _column_role(self, name: str) -> str:
        """A column's role by its name, or by either of two names joined by "/" ("Outcome/Target"); "other"."""
        for c in [name] + name.split("/"):
            role = next((r for r, words in self.ph.columns.items() if norm_heading(c) in words), None)
            if role is not None:
                return role
        return "other"

    def _heading(self, line: str, bullet) -> bool | None:
        """True/False for a heading (plan heading or not), None for an ordinary line."""
        if bullet:   # "- The Panel makes recommendations to Government as follows:": a list's lead-in as an item
            return True if line.rstrip().endswith(":") and _LEAD_IN.search(line.strip()) else None
        s = line.strip()
        if ":" in s:
            norm = norm_heading(s.split(":", 1)[0])
            if norm in self.ph.plan_headings or _RECOMMENDATIONS_TO.match(norm):
                return True
        if s.endswith(":") and (_LEAD_IN.search(s) or _CHANGES_LEAD_IN.search(s)):
            return True   # "Based on this visit, I recommend:" - the list that follows is the plan
        if s.endswith(":") and _CANDIDATE_MODAL.search(s):
            return None   # "Jo will make sure that:" - a sentence that leads into its steps, not a heading
        if s.endswith((".", "?", "!", ",")) or len(s.split()) > 8 or ":" in s[:-1] or _QUOTED_LINE.match(s):
            return None   # a sentence, or a quotation ('"Access to a sensory room as required"'), not a heading
        if ":" not in s:
            norm = norm_heading(s)   # only for a line that may be a heading: most lines are not
        if norm in self.ph.plan_headings or _RECOMMENDATIONS_TO.match(norm) or \
                any(norm.startswith(h + " ") for h in _PLAN_HEADING_WORDS):
            return True
        return False

    def _field_group(self, i: int, fm) -> tuple[FieldSlot, int]:
        """"Action: ... / Who: ... / By when: ..." on one line or on the next lines."""
        lines, text = self.rec.lines, self.text
        ls, le = lines[i]
        a_s = ls + fm.end()
        line = text[a_s:le]
        cut = _FIELD_CUT.search(line)
        a_e = a_s + cut.start() if cut else le
        a_e = a_s + len(text[a_s:a_e].rstrip())
        group = [(ls + fm.end() + (cut.start() if cut else len(line)), le)]
        for s, e in lines[i + 1:min(i + 4, len(lines))]:
            if not _FIELD_LINE.match(text[s:e]):
                break
            group.append((s, e))
        who = when = None
        for s, e in group:
            t = text[s:e]
            w = _WHO_FIELD.search(t)
            if w and who is None:
                who = w.group(1).strip()
            m = _WHEN_FIELD.search(t)
            if m and when is None:
                when = (s + m.start(1), s + m.start(1) + len(m.group(1).rstrip()))
        return FieldSlot((ls, le), (a_s, a_e), who or None, when), len(group)

    def _sentences_from(self, start: int, end: int) -> list[tuple[int, int]]:
        """The line's sentences from ``start`` (after its bullet or label) to ``end``: the first one cut at
        ``start``, as the record's sentences begin at the line's first character ("• Apologise to C. The apology
        should ..." has two sentences, the first from "Apologise")."""
        ls = self.text.rfind("\n", 0, start) + 1
        out = []
        for s, e in self.rec.sentences_within(ls, end):
            if e <= start:
                continue
            s = max(s, start)
            s += len(self.text[s:e]) - len(self.text[s:e].lstrip())
            if s < e:
                out.append((s, e))
        return out

    def _line_slot(self, start: int, end: int, bullet: bool, in_plan: bool) -> LineSlot:
        """One line's units: its sentences, each split at semicolons."""
        text = self.text
        sents = self._sentences_from(start, end)
        if not sents and text[start:end].strip():
            s = start + len(text[start:end]) - len(text[start:end].lstrip())
            sents = [(s, start + len(text[start:end].rstrip()))]
        units: list[tuple[int, int]] = []
        items: set[tuple[int, int]] = set()
        owner = None
        for s, e in sents:
            parts = _split_semicolons(text, s, e) if ";" in text[s:e] else [(s, e)]
            parts = [q for ps, pe in parts for q in _split_lettered(text, ps, pe)]
            lead = _inline_lead(text, s, e, parts[0][1]) if len(parts) > 1 else None
            if lead:   # "Recommendations for the Partnership include: seek ...; make ...; and review ..."
                parts[0] = (lead[0], parts[0][1])
                items.update(parts)
                owner = lead[1] or owner
            units.extend(parts)
        prose = set() if self.guidance else \
            {i for i, (s, e) in enumerate(units) if _plan_verb_first(self.ph, text[s:e])
             or (i == 0 and self._directs() and _base_verb_first(self.ph, text[s:e], text[start:end]))}
        slot = LineSlot(start, end, bullet, in_plan, units, len(units) == len(sents), prose)
        slot.recommends = in_plan and self.recommends
        # "Recommendations include: A; B; C" - in a plan, one sentence split at semicolons is a list
        slot.list_items = bullet and in_plan and len(sents) == 1 and len(units) > 1
        slot.inline_items, slot.inline_owner = items, owner
        return slot


# A line that is one quotation: '"Regular speech and language support"', '❌ "Regular sessions."'
_QUOTED_LINE = re.compile(r"^\W{0,3}[\"“][^\"“”\n]+[\"”]\W{0,2}$")
# A line that leads into a list of recommendations or actions ("Based on this visit, I recommend:",
# "The review made the following recommendations:", "The Panel makes recommendations to Government as follows:",
# "Ofsted made six recommendations to the council. These were:")
# ("Her goals are:", "An example of a goal that uses the method includes:": a list of goals, each a step)
_LEAD_IN = re.compile(r"\b(?:I|we)\s+(?:would\s+)?recommend(?:\s+the\s+following)?\s*:$|"
                      r"\bthe\s+following\s+(?:recommendations|actions|goals|targets)\b[^.!?:]{0,80}:$|"
                      r"\brecommendations\b[^.!?:]{0,80}?\sas\s+follows\s*:$|"
                      r"\b(?:recommendations|next\s+steps|actions)\b[^.!?:]{0,80}?\s(?:are|include|includes)"
                      r"(?:\s+as\s+follows)?\s*:$|"
                      r"\brecommendations\b[^!?:]{0,120}?[.;]\s+(?:these|they)\s+(?:are|were|include|included)\s*:$|"
                      r"\b(?:goals?|targets?)\b[^.!?:]{0,60}?\b(?:are|is|include|includes)"
                      r"(?:\s+as\s+follows)?\s*:$", re.IGNORECASE)
# What a review or a decision says must change, recommendations under another name: "What we said should change
# to put things right in future:", "The cases highlighted the need for the following changes in practice:"
_CHANGES_LEAD_IN = re.compile(r"^\W*what\s+(?:[\w'’ ]{1,40}?\s+)?(?:should|must|needs?\s+to)\s+(?:change|improve)\b"
                              r"[^.!?:]{0,60}:$|\bthe\s+following\s+(?:changes|improvements)\b"
                              r"(?!\s+(?:were|was|have|has|had)\b)[^.!?:]{0,60}:$",   # not "... were made:"
                              re.IGNORECASE)
# A sentence that opens with a list of recommendations, its items split by semicolons: "Recommendations for
# the Partnership include: seek assurance ...; make information available ...; and review ..."
_INLINE_RECOMMENDATIONS = re.compile(r"\W*(?:(?:key|main|our|the)\s+)?recommendations\b(?:\s+(?:for|to)\s+"
                                     r"(?P<who>[^.:;!?]{1,60}?)|[^.:;!?]{0,80}?)\s(?:include|includes|are|were)"
                                     r"(?:\s+as\s+follows)?\s*:\s*", re.IGNORECASE)
# "The Director advised that it was a positive visit, resulting in three areas for improvement: a; b; c": what is
# to improve, listed after a colon inside the sentence (its first item ends at the first semicolon). A string
_AREAS_TO_IMPROVE = (r"[^:]*?\b(?:areas?\s+(?:of|for)\s+(?:improvement|development)|improvements?\s+(?:needed|"
                     r"required)|what\s+needs\s+to\s+improve)\s*:\s*")


def _inline_lead(text: str, s: int, e: int, first_end: int) -> tuple[int, str | None] | None:
    """Where the items of a sentence that lists recommendations or areas to improve start, and whom they are
    for: "Recommendations for the Partnership include: seek ...; make ...", "..., resulting in three areas for
    improvement: staff should ...; ..." (the colon before the first semicolon)."""
    m = _INLINE_RECOMMENDATIONS.match(text, s, e)
    if m:
        return m.end(), m.group("who")
    m = re.compile(_AREAS_TO_IMPROVE, re.IGNORECASE).match(text, s, first_end)
    return (m.end(), None) if m else None


# A sentence that leads into its steps, naming who does them: "Over the term of this plan, we will:",
# "Jo will make sure that:" (the owner after the last comma, before the modal)
_LEAD_IN_OWNER = re.compile(r"(?:^|,)\s*(?P<who>[A-Za-z][\w'’ -]{0,60}?)\s+(?:will|shall|should|must|needs?\s+to|"
                            r"(?:is|are)\s+going\s+to)\b"
                            r"[^,:.]*:\s*$", re.IGNORECASE)
# A lead-in that gives the purpose of what it ends: "... campaigns in order to:" - the items are aims, not steps
_PURPOSE_LEAD_IN = re.compile(r"\b(?:in\s+order\s+to|so\s+as\s+to|with\s+the\s+aims?\s+of)\s*:\s*$", re.IGNORECASE)
# Names or roles only, each word in capitals, joined by "/", "," or "and": "Margaret Gallagher/Clerk"
_NAME_WORD = r"[A-Z][a-z'’.-]*(?:-[A-Z][a-z'’.-]*)?"
_NAMES_ONLY = re.compile(rf"^\s*({_NAME_WORD})(?:\s*(?:\s|/|,|&|\band\b)\s*{_NAME_WORD})*\s*$")
_CANDIDATE_MODAL = re.compile(r"\b(?:will|shall|must|should|needs?\s+to|has\s+to|have\s+to)\b|['’]ll\b", re.IGNORECASE)
# "Recommendations to the partnership include", "Recommendations for schools": a plan heading, its owner named
_RECOMMENDATIONS_TO = re.compile(r"^(?:(?:the|key|main|our|local|national) )*recommendations (?:to|for) "
                                 r"((?:\w+ ){0,5}?\w+)(?: (?:include|includes|are))?$")
# "Learning includes", "Key issues include": the label without its verb
_INCLUDE = re.compile(r" (?:include|includes|are|is)$")
_LINK_WORDS = {"and", "&", "of", "the", "for"}
_THE_CHILD = {"child", "baby", "person"}   # "The young person", "Child": the child, not who acts
_NOT_OWNER_WORDS = {"your", "my", "our", "his", "her", "their", "what", "who", "when", "where", "how", "why",
                    "date", "name", "time", "actions", "action", "plan", "review", "next", "steps"}


def lead_in(line: str, ls: int, le: int) -> tuple[str | None, tuple[int, int]] | None:
    """A line that leads into a list with a modal ("Over the term of this plan, we will:"): who it names
    (None for "it", "this" ...) and its span, where a timescale for the items may be; None for other lines."""
    s = line.strip()
    if not s.endswith(":") or (_CANDIDATE_MODAL.search(s) is None and what_owner(s) is None):
        return None
    m = _LEAD_IN_OWNER.search(s)
    who = what_owner(s) or (m.group("who").strip() if m else None)
    return (None if who is None or who.lower() in _LEAD_NOT_OWNER else who), (ls, le)


# "What your social worker will do", "What Mum and Dad are going to do:", "What we asked the council to do in this
# case:": a heading naming who does the steps
_WHAT_OWNER = re.compile(r"^\W*what\s+(?:(?:we|I|they)\s+(?:asked|want|wanted|expect|expected|need|needed)\s+"
                         r"(?P<asked>[\w'’&., -]{1,50}?)\s+to\s+do\b|(?P<who>[\w'’&., -]{1,50}?)\s+(?:will|shall|"
                         r"(?:is|are)\s+going\s+to)\s+do\b)[^.!?]{0,20}$", re.IGNORECASE)


def what_owner(line: str) -> str | None:
    """Who a "What X will do" heading names (None for "What will happen next", "What it will do")."""
    m = _WHAT_OWNER.match(line.strip().rstrip(":"))
    who = (m.group("who") or m.group("asked")).strip() if m else None
    return None if who is None or who.lower() in _LEAD_NOT_OWNER else who


_LEAD_NOT_OWNER = {"it", "this", "that", "there", "these", "those", "which", "what"}


def owner_label(text: str) -> str | None:
    """A heading or label that names who does the steps under it: two to five words in capitals
    ("Work and Income", "Social Worker", "Jo Smith"), not a section ("Your Health", "Next Steps")."""
    words = text.strip().split()
    caps = [w for w in words if w[:1].isupper() and w[1:].islower()]
    if not 2 <= len(words) <= 5 or len(caps) < 2 or words[0].lower() in _LINK_WORDS:
        return None
    if any(w.lower() not in _LINK_WORDS and w not in caps for w in words):
        return None
    if any(w.lower() in _NOT_OWNER_WORDS for w in words):
        return None
    return text.strip()


_LETTER_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_LOWER_LETTER = re.compile(r"[a-z]")


def _title(text: str) -> bool:
    """A title in capitals, not a step: "Keeping Safe: Safety Plan for Children at Risk"."""
    words = [w for w in _LETTER_WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words) and not text.rstrip().endswith(".")


_SMALL_WORDS = _LINK_WORDS | {"a", "an", "at", "by", "in", "on", "to", "with", "or"}


def _plan_verb_first(ph: PlanningPhrases, unit: str) -> bool:
    """A short unit of running text that starts with a listed plan verb ("Link additional resources.")."""
    first = _LETTER_WORD.search(unit)
    if first is None or first.group().lower() not in ph.imperative_firsts:
        return False  # the first word of every listed verb (one word or two): nothing else can match
    words = _LETTER_WORD.findall(unit)
    return bool(words) and len(words) <= 8 and words[0][:1].isupper() and \
        (words[0].lower() in ph.imperatives or " ".join(w.lower() for w in words[:2]) in ph.imperatives)


def _base_verb_first(ph: PlanningPhrases, unit: str, line: str) -> bool:
    """A line of running text (ending with a full stop) that opens with a capitalised base verb, perhaps
    after an -ly adverb ("Increase the share of ...", "Regularly review ..."); not "be" or a state ("Be
    prepared", "Feel ..."), nor a cell of a table run into lines (no full stop)."""
    if not line.rstrip().endswith("."):
        return False
    words = _LETTER_WORD.findall(unit)[:2]
    if words and words[0].lower().endswith("ly") and len(words) > 1:
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and words[0].lower() in BASE_VERBS and \
        words[0].lower() != "be" and words[0].lower() not in ph.stative_verbs


# An inline item marker: "a) ", "(b) " after a space or at the start (a string: compiled when first used)
_LETTER_MARK = r"(?:(?<=\s)|(?<=^))\(?([a-h])\)\s+"


def _split_lettered(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A run-on list with lettered items ("Actions taken: a) strategy in place b) panel to be developed c) ..."):
    each item is a unit of its own, as a bullet would be (markers in order, a) b) ... or b) c) ...; not a lone
    "a)"). Text before the first marker stays a unit when it has words."""
    marks = list(re.finditer(_LETTER_MARK, text[s:e]))
    if len(marks) < 2 or any(ord(b.group(1)) - ord(a.group(1)) != 1 for a, b in zip(marks, marks[1:], strict=False)):
        return [(s, e)]
    out = [(s, s + len(text[s:s + marks[0].start()].rstrip()))] if text[s:s + marks[0].start()].strip() else []
    for m, nxt in zip(marks, marks[1:] + [None], strict=True):
        ps, pe = s + m.end(), (s + nxt.start() if nxt else e)
        pe = ps + len(text[ps:pe].rstrip())
        if pe > ps:
            out.append((ps, pe))
    return out


def _split_semicolons(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, pos = [], s
    for part in text[s:e].split(";"):
        ps = pos + len(part) - len(part.lstrip())
        pe = pos + len(part.rstrip())
        if pe > ps:
            out.append((ps, pe))
        pos += len(part) + 1
    return out


def _is_table(line: str) -> bool:
    return line.count("|") >= 1 and len([c for c in line.split("|") if c.strip()]) >= 2


def _other_header(line: str) -> bool:
    """A header row of some other table, or a row of form fields ("Social worker: Ann | ...")."""
    cells = [c.strip() for c in line.split("|") if c.strip()]
    if all(re.match(r"^[A-Z][\w' ()/-]{0,30}:\s*\S", c) for c in cells):
        return True
    return all(len(c.split()) <= 3 and not re.search(r"\d", c) and not c.endswith(".") for c in cells)


def _table_row(text: str, ls: int, le: int, roles) -> RowSlot | None:
    line = text[ls:le]
    cells = []  # with absolute offsets
    pos = ls
    for part in line.split("|"):
        cells.append((pos + len(part) - len(part.lstrip()), pos + len(part.rstrip())))
        pos += len(part) + 1
    if line.strip().startswith("|"):
        cells = cells[1:]
    if line.strip().endswith("|"):
        cells = cells[:-1]
    if not roles or len(roles) != len(cells):
        roles = ["action", "who", "when"][:len(cells)] if len(cells) <= 3 else \
            ["action"] + ["other"] * (len(cells) - 1)
    cell = dict(zip(roles, cells, strict=False))
    if "action" not in cell or cell["action"][0] >= cell["action"][1]:
        return None
    return RowSlot((ls, le), cells, cell)


# --- which units are worth tagging ---------------------------------------------------------
_CANDIDATE = re.compile(
    r"\b(?:will|shall|must|should|need|needs|needed|has\s+to|have\s+to|going\s+to|hoped|hopefully|"
    r"expected|planned|intended)\b|'ll\b|’ll\b", re.IGNORECASE)
# "Social worker to visit ...": an infinitive of intent comes early in the unit
_EARLY_TO = re.compile(r"^\W*(?:\S+\s+){0,7}?to\s", re.IGNORECASE)
# The author's promise, reported: "I assured Remy that I would notify staff", "... to hear that we would
# look into it" (not "that I would like ...", "that I would be late")
_PLAN_HEADING_WORDS = ("actions", "plan", "decisions", "recommendations", "recommended")   # "Plan for Kai"
AUTHOR_WOULD = re.compile(r"\bthat\s+(?P<who>I|we)\s+would\s+(?:also\s+|then\s+)?"
                          r"(?!(?:like|love|prefer|rather|be|need|want|have|say|think|hope|not|never)\b)"
                          r"(?P<verb>[a-z]+)\b")
# ... or agreed: "I talk to Mum and agree to find out about grants", "We agreed to ring" (not "and she agreed to")
AUTHOR_AGREED = re.compile(r"\b(?P<agreer>I|we|We)\s+(?:(?:[A-Za-z’']+\s+){0,12}?and\s+|(?:also|then|have|had)\s+)?"
                           r"(?:agree|agreed|promise|promised)\s+to\s+(?P<agreed>[a-z]+)\b")
# "Recommendations include connecting the children with ...", "I recommend contacting ...": a step no one owns
RECOMMEND_GERUND = re.compile(r"\b(?:recommendations?\s+(?:include|includes|are|is)"
                              r"|(?:I|we)\s+(?:would\s+)?recommend)\s+(?P<verb>[a-z]+ing)\b", re.IGNORECASE)
_NEXT_LABEL = re.compile(r"\W*next\s*:\s*\S", re.IGNORECASE)   # "Next: 2 weeks." (telegraphic.py reads it)
# "The Committee agreed that this suggestion be taken forward": a subjunctive passive (the tagger decides)
SUBJUNCTIVE_PASSIVE = re.compile(r"\bthat\s+(?:[\w'’-]+\s+){1,5}?be\s+[a-z]+", re.IGNORECASE)
# "I recommend that the council consider ...", "The review has called for staff to ...": a recommendation, read
# by clauses._recommendation (a string: compiled when first used)
_RECOMMENDS_OR_CALLS = r"\brecommends?\b|\brecommended\s+(?!that\b)|\b(?:calls|called|calling)\s+(?:for|on|upon)\b"
# Finite forms of be and have: before an early "to" the sentence is narrative ("was to", "has to");
# so are planning.yaml's narrative_verbs and speech.yaml's speech verbs ("wanted to", "went to")
_FINITE_AUX = {"is", "was", "were", "are", "am", "has", "had", "have"}

BASE_VERBS: set[str] = set()
COMMON_NOUNS: set[str] = set()   # base forms of English nouns (the same tables): "chair" is not a name


def verb_only(word: str) -> bool:
    """A word English has only as a verb (in the model's lemma tables as a verb, never as a noun): "apologise",
    "enrol", "receive"; not "support" or "visit" (nouns too)."""
    return word in BASE_VERBS and word not in COMMON_NOUNS


def load_base_verbs(nlp) -> None:
    """Base forms of English verbs from the model's own lemmatizer tables, used to skip tagging
    plan lines that cannot be imperatives. Without a model the set stays empty (nothing skipped)."""
    if BASE_VERBS or "lemmatizer" not in getattr(nlp, "component_names", []):
        return
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        BASE_VERBS.update(index["verb"])
        COMMON_NOUNS.update(index["noun"])
    except KeyError:
        pass


# "The Panel agreed", "Members noted", "It was resolved": a meeting's decisions, reported (is_minutes)
_MINUTED = re.compile(r"\b(?:(?:committee|panel|board|members|forum|partnership|group|meeting|councillors|chair)\s+"
                      r"(?:also\s+)?(?:noted|agreed|resolved|requested|received|discussed|considered|asked|heard)|"
                      r"it\s+was\s+(?:agreed|noted|resolved|requested|suggested|reported|explained|confirmed))\b",
                      re.IGNORECASE)
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
# "The Town Clerk agreed to highlight ...": an undertaking minuted in the past (clauses._undertaken). A string
_AGREED_TO = r"\bagreed\s+to\s+[a-z]"
# "The Council has agreed to pay £500": an undertaking in the present perfect, still to be done, in any record
HAS_AGREED_TO = r"\b(?:has|have)\s+(?:now\s+|also\s+)?agreed\s+to\s+[a-z]"
# A meeting's request in the subjunctive: "The Committee requested that the manager develop a briefing" (minutes)
MINUTED_REQUEST = re.compile(r"\b(?:committee|panel|board|members|forum|partnership|group|meeting|councillors|chair)"
                             r"\s+(?:also\s+)?requested(?=\s+that\b)", re.IGNORECASE)
# A directive in the passive: "Health practitioners are urged to consider ...", "Members were encouraged to attend"
DIRECTED = ("urged", "encouraged", "expected", "required", "invited", "advised", "asked", "directed")
URGED = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+)?(?:" + "|".join(DIRECTED) + r")\s+to\s+[a-z]", re.IGNORECASE)


def is_minutes(rec) -> bool:
    """A meeting's minutes (two or more of "The Panel agreed", "Members noted", "It was resolved ..."): what
    was decided is reported, so "Officers would review the strategy" is "will" told in the past (cached)."""
    if "minutes" not in rec.cache:
        rec.cache["minutes"] = len(_MINUTED.findall(rec.text)) >= 2
    return rec.cache["minutes"]


def may_be_action(rec, ph: PlanningPhrases, s: int, e: int, imperative_ok: bool) -> bool:
    """Whether a unit is worth tagging: it has a modal, an early "to", a no-owner phrase, or may
    be an imperative plan line; and it is not a question or quoted speech. Text only (cached)."""
    key = ("may be an action", s, e, imperative_ok)
    if key not in rec.cache:
        rec.cache[key] = _may_be_action(rec, ph, rec.text[s:e], s, e, imperative_ok)
    return rec.cache[key]


def _may_be_action(rec, ph, unit: str, s: int, e: int, imperative_ok: bool) -> bool:
    if not _LOWER_LETTER.search(unit) or unit.rstrip().endswith("?") or \
            (unit.rstrip().endswith(":") and not _PURPOSE_LEAD_IN.search(unit)):
        return False  # no words, a question, a heading in capitals ("CARE PLAN REVIEW"), or a list's lead-in
        # ("The council must publish information about:" - the steps, if any, are the items; but "The team
        # will run a campaign in order to:" is a step, its items the aims)
    if rec.in_speech(s) and rec.in_speech(max(s, e - 2)):
        return False
    if _CANDIDATE.search(unit) or _early_to(ph, unit) or AUTHOR_WOULD.search(unit) or AUTHOR_AGREED.search(unit) \
            or ((_WOULD.search(unit) or MINUTED_REQUEST.search(unit) or re.search(_AGREED_TO, unit))
                and is_minutes(rec)) or URGED.search(unit) \
            or _NEXT_LABEL.match(unit) \
            or RECOMMEND_GERUND.search(unit) or SUBJUNCTIVE_PASSIVE.search(unit) \
            or re.search(HAS_AGREED_TO, unit, re.IGNORECASE) \
            or re.search(_RECOMMENDS_OR_CALLS, unit, re.IGNORECASE):
        return True
    words = words_of(unit)  # the phrase lists are long: search them only when a first word is there
    return bool(_may_hold(ph.no_owner, ph.no_owner_first, words, unit)
                or _may_hold(ph.step_words, ph.step_words_first, words, unit)
                or (imperative_ok and (_may_be_imperative(ph, unit) or _may_be_bare_step(unit))))


def _may_hold(pattern, first: set[str] | None, words: set[str], unit: str) -> bool:
    return (first is None or not first.isdisjoint(words)) and pattern.search(unit) is not None


def _early_to(ph: PlanningPhrases, unit: str) -> bool:
    """"Social worker to visit ...", not "Summer wanted to show ..." (a finite verb before "to")."""
    m = _EARLY_TO.match(unit)
    if not m:
        return False
    before = re.findall(r"[A-Za-z']+", unit[:m.end()])[:-1]
    return not any(w.lower() in _FINITE_AUX or w.lower() in ph.narrative or (len(w) > 4 and w.endswith("ed"))
                   for w in before)


# "Early Help Service lead a review ...", "Mum attend every appointment": a name and a base verb
# ("Next review in May" is a label: the verb must not be followed by a preposition or a number)
_BARE_STEP = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?(?:[A-Z][\w'’-]*\s+){1,4}([a-z]+)\b"
                        r"(?!\s+(?:in|on|at|for|from|of|by|to|\d))")


def _may_be_bare_step(unit: str) -> bool:
    """A plan line with a subject and a base verb, no "will" or "to" (text only: the tagger decides)."""
    m = _BARE_STEP.match(unit)
    return bool(m) and m.group(1) in BASE_VERBS


# A list item's topic label or joining word: "Financial Support: ", "LA1 partnership: ", "and "
# or the setting before it ("In training for staff, highlight ...")
_LIST_LABEL = re.compile(r"^\W*(?:(?:[\w'’&-]+\s+){0,4}[\w'’&-]+:\s+|(?:and|or|also)\s+|"
                         r"(?:in|at|during|through|within|across)\s[^,;:.]{1,60},\s+)", re.IGNORECASE)


def _may_be_imperative(ph, unit: str) -> bool:
    """An imperative plan line starts with a verb: "Book the dentist", "Review at next supervision"; a
    recommendation in a list may start with an -ing verb or a subject and a bare verb (the tagger decides)."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", _LIST_LABEL.sub("", unit, count=1))
    if not words:
        return False
    first = words[0].lower()
    two = " ".join(w.lower() for w in words[:2])
    return first in ph.imperatives or two in ph.imperatives or first in BASE_VERBS or not BASE_VERBS or \
        (len(first) > 5 and first.endswith("ing")) or _lower_subject_verb(words)   # "exploring ...", "schools share"


_NOT_AFTER_VERB = {"in", "on", "at", "for", "from", "of", "by", "to", "and", "or"}


def _lower_subject_verb(words: list[str]) -> bool:
    """An item that goes on a sentence, in lower case, with a subject and a base verb: "schools share data
    with ...", "prescribing services consider the ..." (not "Next review in May")."""
    if not words[0].islower():
        return False
    return any(w in BASE_VERBS and words[i + 1:i + 2] and words[i + 1] not in _NOT_AFTER_VERB
               for i, w in enumerate(words[1:5], start=1) if w.islower())
