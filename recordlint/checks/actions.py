"""Action detection: find the plan steps in any record, for the planning rules.

An action is a unit of text (a sentence, a bullet or numbered line, one part of a
line split by semicolons, a flattened table row, or an "Action: / Who: / By when:"
group) that says someone will do something:

  modal of intent      "Kelly will ...", "Mum needs to ...", "You should ..."
  infinitive of intent "Social worker to ...", "PEP to be updated."
  imperative           "Review at next supervision", "Set up family time | Ewa | weekly"
                       (in bullets, tables, field groups and plan sections only)
  hoped-for            "It is hoped that you will see Darcey more often."

Each action records who is responsible (if anyone), its main verb, whether it is
passive and has an agent, and where to look for its timescale (the whole unit, or the
"When" column / "By when:" field when there is one). Candidate units are found with
cheap regular expressions; only those are tagged and parsed (``rec.parse_region``).
The phrase lists are YAML (``rules/phrases/planning.yaml``); this module holds the
structure only. Results are cached on the record, so RL301 and RL302 share them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from ..resources import rules_dir

PHRASE_FILE = "phrases/planning.yaml"


# --- phrase lists -------------------------------------------------------------------------
@lru_cache(maxsize=8)
def load_phrases(name: str = PHRASE_FILE) -> dict:
    path = rules_dir() / name
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def phrase_regex(phrases, flags=re.IGNORECASE) -> re.Pattern:
    """One regex for a list of phrases; edges that are letters or digits match whole words."""
    parts = []
    for p in sorted({str(p).strip() for p in phrases if str(p).strip()}, key=len, reverse=True):
        pat = re.escape(p).replace(r"\ ", r"\s+")
        if p[:1].isalnum():
            pat = r"(?<![\w-])" + pat
        if p[-1:].isalnum():
            pat = pat + r"(?![\w-])"
        parts.append(pat)
    return re.compile("|".join(parts) if parts else r"(?!x)x", flags)


class Phrases:
    """The planning phrase lists, compiled once."""

    def __init__(self, data: dict):
        self.data = data
        self.vague_time = phrase_regex(data.get("vague_timescales", []))
        self.clear_time = phrase_regex(data.get("clear_timescales", []))
        self.vague_verbs = {str(v).lower() for v in data.get("vague_verbs", [])}
        self.vague_unless = {str(v).lower() for v in data.get("vague_unless_concrete", [])}
        self.pass_through = {str(v).lower() for v in data.get("pass_through_verbs", [])}
        self.vague_phrases = phrase_regex(data.get("vague_phrases", []))
        self.vague_measures = phrase_regex(data.get("vague_measures", []))
        self.no_owner = phrase_regex(data.get("no_owner_phrases", []))
        self.abstract_subjects = {str(v).lower() for v in data.get("abstract_subjects", [])}
        self.false_friends = phrase_regex(data.get("not_timescales", []))
        self.imperatives = {str(v).lower() for v in data.get("imperative_verbs", [])}
        self.reporting = {str(v).lower() for v in data.get("reporting_verbs", [])}
        self.plan_headings = {_norm_heading(h) for h in data.get("plan_headings", [])}
        cols = data.get("table_columns", {}) or {}
        self.columns = {role: {_norm_heading(w) for w in words} for role, words in cols.items()}
        self.anchor_words = [str(w).lower() for w in data.get("relative_anchor_words", ["next"])]
        self.relative_anchor = re.compile(
            r"\b(?:at|by|before|after|until|till|from|for|in|during|on)\s+(?:the|your|his|her|their|our|my)\s+"
            r"(?:" + "|".join(map(re.escape, self.anchor_words)) + r")\s+([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)",
            re.IGNORECASE)


@lru_cache(maxsize=8)
def phrases(name: str = PHRASE_FILE) -> Phrases:
    return Phrases(load_phrases(name))


def _norm_heading(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", "", re.sub(r"\s+", " ", str(text).lower())).strip()


# --- timescales -----------------------------------------------------------------------------
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_NUM = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
        r"twenty|twenty-one|twenty-eight|thirty|a couple of|a few)")
_UNIT = (r"(?:working\s+|school\s+|calendar\s+|clear\s+)?"
         r"(?:days?|nights?|weeks?|fortnights?|months?|years?|terms?|hours?)")

CLEAR_PATTERNS = [
    # dates: 14/03/2026, 14.3.26, 2026-03-14
    r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    # 14 March 2026, 3rd October, 3rd of October
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b",
    # March 14(th), March 2026
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    rf"\b{_MONTH}\s+\d{{4}}\b",
    # by / before / in / until / end of March
    rf"\b(?:by|before|until|till|in|during|from|after|of|early|late|mid|mid-)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+|beginning\s+of\s+|middle\s+of\s+)?{_MONTH}\b(?!\s+(?:have|has|will|to|is|are)\b)",
    # weekdays: every Tuesday, on Saturdays, Monday to Friday, by Friday
    rf"\b(?:on|every|each|by|next|this|before|after|until|from|other)\s+(?:other\s+)?{_DAY}s?\b",
    rf"\b{_DAY}s\b",
    rf"\b{_DAY}\s+(?:to|-|and)\s+{_DAY}\b",
    # spans: within 4 weeks, in the next 10 working days, over the next six months
    rf"\b(?:within|in|over|for|after)\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+|first\s+)?{_NUM}\s+{_UNIT}",
    rf"\b(?:within|in)\s+(?:a|one|the\s+next)\s+{_UNIT}",
    rf"\b{_NUM}\s+{_UNIT}\s+(?:of|after|from|before)\b",
    rf"\b(?:within|in|over|during)\s+the\s+next\s+{_UNIT}",
    # frequencies: every 6 weeks, every other Saturday, each week, once a month, 3 times a week
    rf"\b(?:every|each)\s+(?:other\s+|second\s+|third\s+)?(?:{_NUM}\s+)?(?:{_UNIT}|morning|afternoon|evening|"
    r"weekend|weekday|school\s+day|term|half\s+term|holiday|session|visit|meal)\b",
    rf"\b(?:once|twice|three\s+times|four\s+times|five\s+times|\d+\s+times|{_NUM}\s+times)\s+(?:a|per|each|every)\s+"
    rf"(?:{_UNIT}|term)\b",
    r"\b(?:once|twice)\s+(?:weekly|monthly|daily|termly|a\s+fortnight)\b",
    # "£20 a month", "3 jobs a week", "2 hours per day"
    r"\b\d[\d,.]*\s+(?:[a-z]+\s+){0,2}(?:a|per|each)\s+(?:day|night|week|fortnight|month|term|year)\b",
    r"\b(?:at\s+least|a\s+minimum\s+of)\s+(?:once\s+)?every\b",
    # anchors: before the end of the summer term, by your 18th birthday, before school starts
    r"\b(?:by|before|until|till|at|for|after|during|over)\s+(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+"
    r"(?:the\s+|this\s+|next\s+)?(?:summer\s+|autumn\s+|spring\s+|winter\s+|school\s+|academic\s+|"
    r"financial\s+|calendar\s+)?(?:term|half[\s-]term|holidays?|year|month|week|course|school\s+year)\b",
    r"\b\d{1,2}(?:st|nd|rd|th)\s+birthday\b",
    r"\b(?:by|before|at|on)\s+(?:\w+\s+){0,2}birthday\b",
    r"\b(?:19|20)\d{2}\b",
    # until you are 18, until he turns 16
    r"\b(?:until|till|by\s+the\s+time|before)\s+(?:you|he|she|they|\w+)\s+(?:are|is|turn|turns|reach|reaches|become|becomes)"
    r"\s+(?:at\s+least\s+)?(?:\d+|sixteen|seventeen|eighteen|twenty-one|twenty-five|an\s+adult)\b",
    r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b",
]
CLEAR_RE = re.compile("|".join(f"(?:{p})" for p in CLEAR_PATTERNS), re.IGNORECASE)


@dataclass
class Timescale:
    clear: str | None = None
    vague: str | None = None


def find_timescale(text: str, ph: Phrases, dated_events: set[str]) -> Timescale:
    """The clear timescale in ``text`` if any, else the vague one it gives."""
    text = ph.false_friends.sub(lambda m: " " * len(m.group(0)), text)
    m = CLEAR_RE.search(text) or ph.clear_time.search(text)
    if m:
        return Timescale(clear=m.group(0))
    # "before your next review" counts only when the record says when that is
    for m in ph.relative_anchor.finditer(text):
        words = m.group(1).lower().split()
        if any(w in dated_events for w in words[:2]):
            return Timescale(clear=m.group(0))
        return Timescale(vague=m.group(0))
    v = ph.vague_time.search(text)
    return Timescale(vague=v.group(0) if v else None)


def dated_events(text: str, ph: Phrases) -> set[str]:
    """Events the record dates ("Your next review will be on 2 September 2026" -> review)."""
    out = set()
    anchor = re.compile(rf"\b(?:{'|'.join(map(re.escape, ph.anchor_words))})\s+([A-Za-z][\w-]*)"
                        r"(?:\s+([A-Za-z][\w-]*))?", re.IGNORECASE)
    for sent in re.split(r"(?<=[.!?])\s+|\n", text):
        found = anchor.findall(sent)  # rare: look for a date only where an anchor word is
        if found and CLEAR_RE.search(sent):
            out.update(w.lower() for groups in found for w in groups if w)
    return out


# --- actions --------------------------------------------------------------------------------
@dataclass
class Action:
    start: int
    end: int
    kind: str                       # modal, infinitive, imperative, hoped, table, field
    owner: str | None = None        # who is responsible, as written
    verb: str | None = None         # the main verb (lemma)
    passive: bool = False
    vague: str | None = None        # the vague verb or phrase, if any
    no_owner_phrase: str | None = None
    vague_soft: bool = False        # vague only without a clear timescale ("review", "have")
    when: tuple[int, int] | None = None   # a When column / By when field
    context: list[tuple[int, int]] = field(default_factory=list)  # where its timescale may be
    line: tuple[int, int] | None = None


_BULLET = re.compile(r"^[ \t]*(?:[-*•·–—▪◦‣>]|\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|\[\s?\])[ \t]+")
_FIELD = re.compile(r"^[ \t]*(?:action|task|what)\s*:\s*", re.IGNORECASE)
_WHO_FIELD = re.compile(r"(?:^|[/;|]\s*|\s{2,})(?:who|by whom|responsible|lead)\s*:\s*([^/;|\n]*)", re.IGNORECASE)
_WHEN_FIELD = re.compile(r"(?:^|[/;|]\s*|\s{2,})(?:by when|when|timescale|deadline|by|date)\s*:\s*([^/;|\n]*)",
                         re.IGNORECASE)
_CANDIDATE = re.compile(
    r"\b(?:will|shall|must|should|need|needs|needed|has\s+to|have\s+to|going\s+to|hoped|hopefully|"
    r"expected|planned|intended)\b|'ll\b|’ll\b", re.IGNORECASE)
# "Social worker to visit ...": an infinitive of intent comes early in the unit
_EARLY_TO = re.compile(r"^\W*(?:\S+\s+){0,7}?to\s", re.IGNORECASE)
_FINITE = {"VBD", "VBZ", "VBP"}
# Finite verbs that, before an early "to", show the sentence is narrative ("wanted to", "went to")
_FINITE_WORDS = {"is", "was", "were", "are", "am", "has", "had", "have", "wants", "want", "likes", "like", "went",
                 "goes", "go", "came", "comes", "said", "says", "told", "tells", "asked", "asks", "spoke", "talked",
                 "moved", "got", "gets", "used", "tried", "tries", "seems", "seemed", "loves", "hopes", "hoped"}


BASE_VERBS: set[str] = set()


def load_base_verbs(nlp) -> None:
    """Base forms of English verbs from the model's own lemmatizer tables, used to skip tagging
    plan lines that cannot be imperatives. Without a model the set stays empty (nothing skipped)."""
    if BASE_VERBS or "lemmatizer" not in getattr(nlp, "component_names", []):
        return
    try:
        BASE_VERBS.update(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])
    except KeyError:
        pass
_SUBORD = {"that", "what", "which", "who", "whom", "whether", "if", "when", "where", "because", "so", "and",
           "or", "but", "how", "why", "until", "while", "as", "than", "once", "after", "before", "whose"}
_NOT_OWNER = {"it", "there", "this", "that", "these", "those", "which", "what"}
_MODALS = {"will", "'ll", "’ll", "shall", "must", "should"}
_CONDITIONAL_START = re.compile(r"^\s*(?:if|unless|should|in the event|in case)\b", re.IGNORECASE)


def find_actions(rec) -> list[Action]:
    cached = rec.scratch.get("actions")
    if cached is not None:
        return cached
    finder = _Finder(rec, phrases())
    out = finder.run()
    rec.scratch["actions"] = out
    rec.scratch["dated"] = finder.dated
    return out


class _Finder:
    def __init__(self, rec, ph: Phrases):
        self.rec = rec
        self.ph = ph
        self.text = rec.text
        if "dated_events" not in rec.memo:  # depends on the text only: kept across passes
            rec.memo["dated_events"] = dated_events(rec.text, ph)
        self.dated = rec.memo["dated_events"]

    # -- structure --------------------------------------------------------------------------
    def run(self) -> list[Action]:
        out: list[Action] = []
        text = self.text
        lines = self.rec.lines
        in_plan = False
        table_roles: list[str] | None = None
        i = 0
        while i < len(lines):
            ls, le = lines[i]
            line = text[ls:le]
            stripped = line.strip()
            if not stripped:
                table_roles = None
                i += 1
                continue
            if self._is_table(line):
                roles = self._header_roles(line)
                if roles:
                    table_roles = roles
                    in_plan = True
                elif table_roles == "other" or (table_roles is None and self._other_header(line)):
                    # a table that is not an action table ("Date | Event | Source", form fields):
                    # its rows are actions only if they say so in words ("Mum will ...")
                    table_roles = "other"
                    out.extend(self._line_units(ls, le, False, False))
                else:
                    act = self._table_row(ls, le, table_roles)
                    if act:
                        out.append(act)
                i += 1
                continue
            table_roles = None
            fm = _FIELD.match(line)
            if fm and len(line[fm.end():].strip()) > 0:
                act, used = self._field_group(i, fm)
                if act:
                    out.append(act)
                i += used
                continue
            bullet = _BULLET.match(line)
            heading = self._heading(line, bullet)
            if heading is not None:
                in_plan = heading
                # "Actions: SW to visit weekly" - a heading with content on the same line
                colon = line.find(":")
                if colon >= 0 and line[colon + 1:].strip():
                    out.extend(self._line_units(ls + colon + 1, le, True, True))
                i += 1
                continue
            body_start = ls + (bullet.end() if bullet else 0)
            out.extend(self._line_units(body_start, le, bool(bullet), in_plan))
            i += 1
        return out

    @staticmethod
    def _is_table(line: str) -> bool:
        return line.count("|") >= 1 and len([c for c in line.split("|") if c.strip()]) >= 2

    @staticmethod
    def _other_header(line: str) -> bool:
        """A header row of some other table, or a row of form fields ("Social worker: Ann | ...")."""
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if all(re.match(r"^[A-Z][\w' ()/-]{0,30}:\s*\S", c) for c in cells):
            return True
        return all(len(c.split()) <= 3 and not re.search(r"\d", c) and not c.endswith(".") for c in cells)

    def _header_roles(self, line: str) -> list[str] | None:
        cells = [_norm_heading(c) for c in line.split("|")]
        cells = [c for c in cells if c] if line.strip().startswith("|") else cells
        roles = []
        for c in cells:
            role = next((r for r, words in self.ph.columns.items() if c in words), None)
            if role is None:
                return None
            roles.append(role)
        return roles if "action" in roles or ("who" in roles and "when" in roles) else None

    def _heading(self, line: str, bullet) -> bool | None:
        """True/False for a heading (plan heading or not), None for an ordinary line."""
        if bullet:
            return None
        s = line.strip()
        head = s.split(":", 1)[0] if ":" in s else s
        norm = _norm_heading(head)
        if ":" in s and norm in self.ph.plan_headings:
            return True
        if s.endswith((".", "?", "!", ",")) or len(s.split()) > 8 or ":" in s[:-1]:
            return None
        if norm in self.ph.plan_headings or any(norm.startswith(h + " ") for h in ("actions", "plan", "decisions")):
            return True
        return False

    def _table_row(self, ls: int, le: int, roles: list[str] | None) -> Action | None:
        text = self.text
        line = text[ls:le]
        # cells with absolute offsets
        cells = []
        pos = ls
        for part in line.split("|"):
            s = pos + len(part) - len(part.lstrip())
            e = pos + len(part.rstrip())
            cells.append((s, e))
            pos += len(part) + 1
        if line.strip().startswith("|"):
            cells = cells[1:]
        if line.strip().endswith("|"):
            cells = cells[:-1]
        if not roles or len(roles) != len(cells):
            if len(cells) <= 3:
                roles = ["action", "who", "when"][:len(cells)]
            else:
                roles = ["action"] + ["other"] * (len(cells) - 1)
        cell = dict(zip(roles, cells, strict=False))
        if "action" not in cell:
            return None
        a_s, a_e = cell["action"]
        if a_s >= a_e:
            return None
        row_s = cells[0][0]
        row_e = cells[-1][1]
        act = self._analyse(a_s, a_e, kind="table", imperative_ok=True)
        if act is None:
            act = Action(a_s, a_e, "table")
        who = cell.get("who")
        if who and text[who[0]:who[1]].strip():
            act.owner = text[who[0]:who[1]].strip()
        when = cell.get("when")
        act.start, act.end = row_s, row_e
        act.when = when if when else None
        act.context = [when] if when else [(a_s, a_e)]
        act.line = (ls, le)
        act.kind = "table"
        return act

    def _field_group(self, i: int, fm) -> tuple[Action | None, int]:
        """"Action: ... / Who: ... / By when: ..." on one line or on the next lines."""
        lines, text = self.rec.lines, self.text
        ls, le = lines[i]
        a_s = ls + fm.end()
        line = text[a_s:le]
        cut = re.search(r"\s+/\s+(?=(?:who|by whom|by when|when|timescale|deadline)\s*:)|\s*[;|]\s*(?=(?:who|by whom|"
                        r"by when|when|timescale|deadline)\s*:)", line, re.IGNORECASE)
        a_e = a_s + cut.start() if cut else le
        a_e = a_s + len(text[a_s:a_e].rstrip())
        who = when = None
        group = [(ls + fm.end() + (cut.start() if cut else len(line)), le)]
        used = 1
        for j in range(i + 1, min(i + 4, len(lines))):
            s, e = lines[j]
            t = text[s:e]
            if re.match(r"^\s*(?:who|by whom|responsible|lead|by when|when|timescale|deadline|date)\s*:", t, re.I):
                group.append((s, e))
                used += 1
            else:
                break
        for s, e in group:
            t = text[s:e]
            w = _WHO_FIELD.search(t)
            if w and who is None:
                who = w.group(1).strip()
            m = _WHEN_FIELD.search(t)
            if m and when is None:
                when = (s + m.start(1), s + m.start(1) + len(m.group(1).rstrip()))
        act = self._analyse(a_s, a_e, kind="field", imperative_ok=True) or Action(a_s, a_e, "field")
        act.kind = "field"
        if who:
            act.owner = who
        if when is not None:
            act.when = when
            act.context = [when]
        else:
            act.context = [(a_s, a_e)]
        act.line = (ls, le)
        return act, used

    def _line_units(self, start: int, end: int, bullet: bool, in_plan: bool) -> list[Action]:
        """The actions in one line: its sentences, each split at semicolons."""
        rec, text = self.rec, self.text
        sents = [(s, e) for s, e in rec.sentences if s >= start and e <= end]
        if not sents and text[start:end].strip():
            s = start + len(text[start:end]) - len(text[start:end].lstrip())
            sents = [(s, start + len(text[start:end].rstrip()))]
        units: list[tuple[int, int]] = []
        for s, e in sents:
            if ";" in text[s:e]:
                pos = s
                for part in text[s:e].split(";"):
                    ps = pos + len(part) - len(part.lstrip())
                    pe = pos + len(part.rstrip())
                    if pe > ps:
                        units.append((ps, pe))
                    pos += len(part) + 1
            else:
                units.append((s, e))
        out = []
        first = True
        prev_owner = None
        for s, e in units:
            imperative_ok = (bullet or in_plan) and first
            act = self._analyse(s, e, kind=None, imperative_ok=imperative_ok or (prev_owner is not None))
            first = False
            if act is None:
                # a later sentence of a bullet can carry its timescale ("The next visit is on 12 May.")
                if out and bullet:
                    out[-1].context.append((s, e))
                continue
            if act.verb in ("happen", "take", "start") and (act.owner or "").lower() in ("", "this", "it", "that"):
                if out:
                    out[-1].context.append((s, e))
                continue
            if act.kind == "imperative" and act.owner is None and prev_owner:
                act.owner = prev_owner
            prev_owner = act.owner
            act.line = (start, end)
            act.context = [(s, e)]
            out.append(act)
        if bullet and len(units) == len(sents):
            # one bullet is one plan step: a timescale anywhere in it counts for all its sentences
            for act in out:
                act.context = [(start, end)]
        return out

    # -- one unit ---------------------------------------------------------------------------
    def _analyse(self, s: int, e: int, kind: str | None, imperative_ok: bool) -> Action | None:
        rec, ph, text = self.rec, self.ph, self.text
        unit = text[s:e]
        key = ("may be an action", s, e, imperative_ok)  # the text decides: kept across both passes
        if key not in rec.memo:
            rec.memo[key] = self._may_be_action(unit, s, e, imperative_ok)
        if not rec.memo[key]:
            return None  # cannot be an action: no need to tag it
        region = rec.parse_region(s, e, "tag")  # tags, POS and lemmas; no dependencies needed
        if region is None:
            if rec.collecting:
                return None  # only noting what to analyse: the real pass comes next
            return self._analyse_plain(s, e, kind, imperative_ok)
        span, offset = region
        toks = [t for t in span if not t.is_space]
        if not toks:
            return None
        no_owner = ph.no_owner.search(unit)
        anchor = self._anchor(toks, offset)
        if anchor is None:
            if not imperative_ok:
                return None
            return self._imperative(toks, offset, s, e, kind, no_owner)
        a_kind, a_idx, v_idx = anchor
        if rec.in_speech(toks[a_idx].idx + offset):
            return None
        # reported: "Mum said she will call" - a speech or thought verb before the anchor
        for t in toks[:a_idx]:
            if t.lemma_.lower() in ph.reporting and t.tag_ in _FINITE | {"VBN", "VBG"} and not no_owner:
                return None
        return self._build(toks, offset, s, e, a_kind, a_idx, v_idx, kind, no_owner)

    def _may_be_action(self, unit: str, s: int, e: int, imperative_ok: bool) -> bool:
        """Whether a unit is worth tagging: it has a modal, an early "to", a no-owner phrase, or may
        be an imperative plan line; and it is not a question or quoted speech."""
        if not re.search(r"[A-Za-z]", unit) or unit.rstrip().endswith("?"):
            return False
        if self.rec.in_speech(s) and self.rec.in_speech(max(s, e - 2)):
            return False
        return bool(_CANDIDATE.search(unit) or self._early_to(unit) or self.ph.no_owner.search(unit)
                    or (imperative_ok and self._may_be_imperative(unit)))

    @staticmethod
    def _early_to(unit: str) -> bool:
        """"Social worker to visit ...", not "Summer wanted to show ..." (a finite verb before "to")."""
        m = _EARLY_TO.match(unit)
        if not m:
            return False
        before = re.findall(r"[A-Za-z']+", unit[:m.end()])[:-1]
        return not any(w.lower() in _FINITE_WORDS or (len(w) > 4 and w.endswith("ed")) for w in before)

    def _may_be_imperative(self, unit: str) -> bool:
        """An imperative plan line starts with a verb: "Book the dentist", "Review at next supervision"."""
        words = re.findall(r"[A-Za-z][A-Za-z'-]*", unit)
        if not words:
            return False
        first = words[0].lower()
        two = " ".join(w.lower() for w in words[:2])
        return (first in self.ph.imperatives or two in self.ph.imperatives or first in BASE_VERBS
                or not BASE_VERBS)

    def _anchor(self, toks, offset) -> tuple[str, int, int] | None:
        """(kind, index of the anchor word, index of the first verb after it) or None."""
        n = len(toks)
        low = [t.lower_ for t in toks]
        for i, t in enumerate(toks):
            w = low[i]
            nxt = i + 1
            if w in _MODALS and t.tag_ == "MD":
                return ("modal", i, nxt)
            if w in ("need", "needs") and nxt < n and low[nxt] == "to" and i > 0:
                return ("modal", i, nxt + 1)
            if w == "going" and nxt < n and low[nxt] == "to" and i > 0 and \
                    low[i - 1] in ("is", "are", "am", "'s", "'re"):
                if nxt + 1 < n and toks[nxt + 1].tag_ == "VB":
                    return ("modal", i, nxt + 1)
                return None
            if w in ("is", "are") and nxt + 1 < n and low[nxt] == "to" and toks[nxt + 1].tag_ == "VB" and i > 0:
                if any(t2.lemma_.lower() in self.ph.abstract_subjects for t2 in toks[:i]):
                    return None  # "My job is to make sure ...": a statement of role, not an action
                return ("modal", i, nxt + 1)
            if w == "to" and t.tag_ == "TO" and nxt < n and toks[nxt].tag_ in ("VB", "VBP", "NN") and i > 0:
                if self._infinitive_prefix_ok(toks, i) and self._no_finite_after(toks, nxt):
                    return ("infinitive", i, nxt)
                return None
            if t.tag_ in _FINITE | {"MD"} and self._verbish(toks, i):
                # a finite verb before any anchor: narrative ("The plan is for you to ...")
                if w in ("need", "needs", "has", "have", "is", "are", "am") and nxt < n and low[nxt] in ("to", "going"):
                    continue
                later = [j for j in range(i + 1, n) if low[j] in _MODALS or low[j] in ("need", "needs")]
                if not later:
                    return None
                # "It is a plan for how you will ...": the modal is in a subordinate clause
                if any((low[j] in _SUBORD and low[j] not in ("and", "or", "but"))
                       or toks[j].tag_ in ("WDT", "WP", "WRB") for j in range(i + 1, later[0])) \
                        and not self.ph.no_owner.search(" ".join(low[:later[0]])):
                    return None
        return None

    def _verbish(self, toks, i) -> bool:
        """A finite or base verb, not a name the tagger took for one ("Ian/VB to take ...")."""
        t = toks[i]
        if t.tag_ not in _FINITE | {"MD", "VB"} or t.text.isupper():
            return False
        if t.text[:1].isupper() and i + 1 < len(toks) and toks[i + 1].lower_ in ("to", "and", ",", "&") and \
                t.lower_ not in self.ph.imperatives and t.lower_ not in self.ph.vague_verbs and \
                t.lower_ not in self.ph.pass_through and t.lower_ not in self.ph.reporting:
            return False
        return True

    def _infinitive_prefix_ok(self, toks, end) -> bool:
        prefix = toks[:end]
        if not prefix or len(prefix) > 10:
            return False
        words = [t for t in prefix if not t.is_punct]
        if not words:
            return False
        if words[0].lower_ in ("in", "order", "how", "what", "where", "when", "about", "going", "want", "wants",
                               "agreed", "asked", "is", "are", "was", "were", "plan", "aim", "goal"):
            return False
        return not any(self._verbish(toks, i) for i in range(end))

    @staticmethod
    def _no_finite_after(toks, v_idx) -> bool:
        for j in range(v_idx + 1, len(toks)):
            t = toks[j]
            if t.lower_ in _SUBORD or t.tag_ in ("WDT", "WP", "WRB") or t.text in (",", "-", "–", ":", "(", "|"):
                return True
            if t.tag_ in _FINITE and not t.text.isupper():
                return False
        return True

    def _imperative(self, toks, offset, s, e, kind, no_owner) -> Action | None:
        first = toks[0]
        words = [t for t in toks if not t.is_punct]
        if not words:
            return None
        first = words[0]
        w = first.lower_
        second = words[1] if len(words) > 1 else None
        two = f"{w} {second.lower_}" if second is not None else w
        listed = w in self.ph.imperatives or two in self.ph.imperatives
        if first.tag_ == "VB" or (listed and (second is None or second.tag_ in ("DT", "PRP$", "PRP", "IN", "RP", "TO",
                                                                                     "NNP", "CD", "JJ", "NN", "NNS"))):
            if first.tag_ != "VB" and second is not None and second.tag_ in ("NN", "NNS") and not listed:
                return None
            if w in ("next", "no", "please"):
                return None
            act = Action(s, e, kind or "imperative")
            act.kind = "imperative" if kind is None else kind
            act.verb = first.lemma_.lower() if first.tag_ == "VB" else w
            self._judge_verb(act, words, 0, offset, e)
            if no_owner:
                act.no_owner_phrase = no_owner.group(0)
            return act
        if no_owner:
            act = Action(s, e, "hoped", no_owner_phrase=no_owner.group(0))
            return act
        return None

    def _build(self, toks, offset, s, e, a_kind, a_idx, v_idx, kind, no_owner) -> Action | None:
        n = len(toks)
        # skip adverbs between the anchor and the verb ("will also", "to then")
        while v_idx < n and (toks[v_idx].tag_ in ("RB", "RBR") or toks[v_idx].lower_ in ("also", "then", "still")):
            v_idx += 1
        if v_idx >= n:
            return None
        passive = False
        v = toks[v_idx]
        if v.lower_ == "be":
            if v_idx + 1 < n and toks[v_idx + 1].tag_ == "VBN":
                passive = True
                v_idx += 1
            elif v_idx + 1 < n and toks[v_idx + 1].lower_ in ("given", "offered", "supported", "asked", "referred",
                                                                  "invited"):
                passive = True
                v_idx += 1
            else:
                return None  # "will be 18", "will be on 2 May": a statement, not an action
        v = toks[v_idx]
        if v.tag_ not in ("VB", "VBN", "VBP", "NN", "VBZ", "JJ") and v.pos_ not in ("VERB", "AUX"):
            return None
        act = Action(s, e, kind or a_kind)
        act.passive = passive
        # who: the words before the anchor (not "It is hoped that ...")
        prefix_end = a_idx
        start_i = 0
        if no_owner:
            ne = s + no_owner.end()
            start_i = next((i for i, t in enumerate(toks) if t.idx + offset >= ne), n)
            if start_i < n and toks[start_i].lower_ == "that":
                start_i += 1
        subj = [t for t in toks[start_i:prefix_end] if not t.is_punct and t.lower_ not in ("and", "then", "also")]
        if a_kind == "modal" and subj and subj[0].lower_ in ("if", "when", "once", "unless"):
            # "If X, Y will ..." - the subject is after the last comma
            commas = [i for i in range(start_i, prefix_end) if toks[i].text == ","]
            if commas:
                subj = [t for t in toks[commas[-1] + 1:prefix_end] if not t.is_punct]
        owner = " ".join(t.text for t in subj) if subj else None
        if owner and owner.lower() in _NOT_OWNER:
            owner = None
        if passive:
            agent = self._agent(toks, v_idx, offset)
            owner = agent
        act.owner = owner
        if no_owner:
            act.no_owner_phrase = no_owner.group(0)
        self._judge_verb(act, toks, v_idx, offset, e)
        return act

    def _agent(self, toks, v_idx, offset) -> str | None:
        for j in range(v_idx + 1, len(toks)):
            if toks[j].lower_ == "by" and j + 1 < len(toks):
                rest = self.text[toks[j].idx + offset:toks[j].idx + offset + 60]
                m = CLEAR_RE.match(rest) or re.match(r"by\s+(?:the\s+)?(?:(?:end|start|time|next|then|" + _MONTH +
                                                     r")\b|\d)", rest, re.I)
                if m:
                    continue
                return " ".join(t.text for t in toks[j + 1:j + 4])
        return None

    def _judge_verb(self, act: Action, toks, v_idx: int, offset: int, e: int) -> None:
        """Set act.verb and act.vague: a verb or phrase that says nothing measurable."""
        ph = self.ph
        n = len(toks)
        # continue to / keep on: judge the next verb
        hops = 0
        while v_idx < n and toks[v_idx].lemma_.lower() in ph.pass_through and hops < 3:
            j = v_idx + 1
            while j < n and toks[j].lower_ in ("to", "on", "trying", "with") and toks[j].lower_ != "with":
                j += 1
            if j < n and toks[j].tag_ in ("VB", "VBG", "VBP"):
                v_idx = j
                hops += 1
            else:
                break
        if v_idx >= n:
            return
        v = toks[v_idx]
        lemma = v.lemma_.lower() if v.tag_.startswith("VB") else v.lower_
        act.verb = lemma
        rest = self.text[v.idx + offset:e]
        # "ask the team to work with Rico": a nested infinitive is someone else's action
        for j in range(v_idx + 1, n - 1):
            t, t2 = toks[j], toks[j + 1]
            if (t.tag_ == "TO" and t2.tag_ == "VB" and t2.lower_ != "be") or (t.text == "," and t2.lower_ == "and"):
                rest = self.text[v.idx + offset:t.idx + offset]
                break
        if lemma in ph.vague_verbs:
            act.vague = v.text
            return
        if lemma in ph.vague_unless and not re.search(r"\d|%", rest) and not CLEAR_RE.search(rest):
            act.vague = v.text
            act.vague_soft = True  # not vague after all when the action has a clear timescale
            return
        m = ph.vague_phrases.search(rest)
        if m:
            act.vague = m.group(0)
            return
        m = ph.vague_measures.search(rest)
        if m and not re.search(r"\d", rest):
            act.vague = m.group(0)

    def _analyse_plain(self, s, e, kind, imperative_ok) -> Action | None:
        """Without a model: modal / infinitive / hoped by pattern only."""
        ph, unit = self.ph, self.text[s:e]
        no_owner = ph.no_owner.search(unit)
        m = re.search(r"^(?P<who>[\w'’ ,.&-]{0,60}?)\s*\b(?:will|shall|must|should|needs?\s+to|to)\s+"
                      r"(?P<be>be\s+)?(?P<verb>\w+)", unit, re.IGNORECASE)
        if not m and not no_owner:
            return None
        act = Action(s, e, kind or "modal")
        if m:
            who = m.group("who").strip(" ,")
            act.owner = None if (m.group("be") or not who or who.lower() in _NOT_OWNER) else who
            act.passive = bool(m.group("be"))
            verb = m.group("verb").lower()
            act.verb = verb
            if verb in ph.vague_verbs:
                act.vague = m.group("verb")
            else:
                p = ph.vague_phrases.search(unit[m.start("verb"):])
                act.vague = p.group(0) if p else None
        if no_owner:
            act.no_owner_phrase = no_owner.group(0)
        return act


def is_conditional(text: str) -> bool:
    return bool(_CONDITIONAL_START.match(text))
