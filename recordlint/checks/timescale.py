"""Timescales: does a plan step say by when? (RL301, RL302)

A clear timescale is a date, a span, a frequency or an anchor event (``CLEAR_PATTERNS``,
plus the ``clear_timescales`` phrase list); a vague one is from ``vague_timescales``
("ongoing", "asap"). "Before your next review" counts only when the record dates that
review (``dated_events``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..phrases import PlanningPhrases


MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_NUM = (r"(?:\d+\s*(?:-|–|to)\s*\d+|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
        r"twenty|twenty-one|twenty-eight|thirty|a couple of|a few)")
_UNIT = (r"(?:working\s+|school\s+|calendar\s+|clear\s+)?"
         r"(?:days?|nights?|weeks?|fortnights?|months?|years?|terms?|hours?)")

CLEAR_PATTERNS = [
    # dates: 14/03/2026, 14.3.26, 2026-03-14
    r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    # 14 March 2026, 3rd October, 3rd of October
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b",
    # March 14(th), March 2026
    rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    rf"\b{MONTH}\s+\d{{4}}\b",
    # by / before / in / until / end of March ("in August to gather views"; not "... in May to ..." or "June is")
    rf"\b(?:by|before|until|till|in|during|from|after|of|early|late|mid|mid-)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+|beginning\s+of\s+|middle\s+of\s+)?{MONTH}\b(?!\s+(?:have|has|will|is|are)\b)"
    r"(?:(?<!may)(?<!march)(?<!mar)(?<!june)(?<!april)(?<!jan)|(?!\s+to\b))",
    # weekdays: every Tuesday, on Saturdays, Monday to Friday, by Friday
    rf"\b(?:on|every|each|by|next|this|before|after|until|from|other|for)\s+(?:other\s+)?{_DAY}s?\b",
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
    # "1x per week", "2x a month", "3x weekly": a count written with "x"
    r"\b\d+\s?x\s*(?:(?:a|per|each|every)\s+|/\s*)?(?:day|night|week|fortnight|month|term|year|daily|weekly|"
    r"fortnightly|monthly)\b",
    # "over a period of 30 days", "for a period of six weeks"
    rf"\b(?:over|for|within|during)\s+(?:a|the)\s+(?:\w+\s+)?period\s+of\s+{_NUM}\s+{_UNIT}",
    # "the following hours per week", "sessions a month": so much of something in each period
    r"\b(?:hours?|sessions?|visits?|lessons?|meetings?|appointments?|shifts?|nights?|days?)\s+(?:per|a|each)\s+"
    r"(?:day|week|fortnight|month|term|year)\b(?!\s+(?:later|ago|before|after|earlier|on|from)\b)",
    # "£20 a month", "3 jobs a week", "2 hours per day"
    r"\b\d[\d,.]*\s+(?:[a-z]+\s+){0,2}(?:a|per|each)\s+(?:day|night|week|fortnight|month|term|year)\b",
    r"\b(?:at\s+least|a\s+minimum\s+of)\s+(?:once\s+)?every\b",
    # anchors: before the end of the summer term, by your 18th birthday, before school starts
    r"\b(?:by|before|until|till|at|for|after|during|over)\s+(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+"
    r"(?:the\s+|this\s+|next\s+)?(?:first\s+|second\s+|third\s+|final\s+)?"   # "by the end of the first month"
    r"(?:summer\s+|autumn\s+|spring\s+|winter\s+|school\s+|academic\s+|"
    r"financial\s+|calendar\s+)?(?:term|half[\s-]term|holidays?|year|month|week|course|school\s+year|key\s+stage)\b",
    # a school year or key stage as the anchor: "by Year 6", "before Key Stage 3", "by KS4"
    r"\b(?:by|before|until|till)\s+(?:year|key\s+stage|ks)\s?\d{1,2}\b",
    r"\b\d{1,2}(?:st|nd|rd|th)\s+birthday\b",
    r"\b(?:by|before|at|on)\s+(?:\w+\s+){0,2}birthday\b",
    r"\b(?:19|20)\d{2}\b",
    # until you are 18, until he turns 16
    r"\b(?:until|till|by\s+the\s+time|before|when|once|after)\s+(?:you|he|she|they|\w+)\s+(?:are|is|turn|turns|reach|reaches|"
    r"become|becomes)"
    r"\s+(?:at\s+least\s+)?(?:\d+|sixteen|seventeen|eighteen|twenty-one|twenty-five|an\s+adult)\b",
    r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b",
    # event anchors: before every review, before the meeting, upon release, whenever it changes
    r"\b(?:before|after|at|ahead\s+of|following)\s+(?:every|each)\s+(?:\w+\s+){0,2}?(?:review|meeting|visit|"
    r"appointment|session|hearing|conference|panel)s?\b",
    r"\b(?:before|after|ahead\s+of)\s+the\s+(?!next\b|following\b|upcoming\b)(?:\w+\s+){0,2}?(?:meeting|hearing|"
    r"conference|panel|court\s+date|move|operation|birth)\b",
    r"\b(?:upon|on)\s+(?:(?:his|her|their|your)\s+)?(?:release|discharge|arrival|return)\b",
    r"\b(?:whenever|every\s+time)\b",
    r"\bwithin\s+(?:the|this)\s+(?:term|week|month|year|school\s+year|half[\s-]term|holidays?)\b",
    # holidays and seasons: by Easter, before Christmas, over the summer
    r"\b(?:by|before|after|until|till|at|over|during|from|in)\s+(?:the\s+)?(?:easter|christmas|new\s+year|"
    r"summer|autumn|spring|winter)(?:\s+holidays?)?\b",
    # "during the school holidays", "over half term", "in the holidays"
    r"\b(?:by|before|after|until|till|over|during|in)\s+(?:the\s+)?(?:school\s+|next\s+|coming\s+)?"
    r"(?:holidays|half[\s-]term)\b",
    # "Next: 2 weeks." - terse notes' next contact
    rf"\bnext\s*:\s*(?:in\s+)?{_NUM}\s+{_UNIT}",
    # "2-week follow-up", "6-weekly visits"
    r"\b(?:\d+|two|three|four|six|eight|twelve)-(?:day|week|month)(?:ly|s)?\b",
]
CLEAR_RE = re.compile("|".join(f"(?:{p})" for p in CLEAR_PATTERNS), re.IGNORECASE)


@dataclass
class Timescale:
    clear: str | None = None
    vague: str | None = None


def find_timescale(text: str, ph: PlanningPhrases, dated_events: set[str]) -> Timescale:
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


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n")


def dated_events(text: str, ph: PlanningPhrases) -> set[str]:
    """Events the record dates ("Your next review will be on 2 September 2026" -> review)."""
    out = set()
    anchor = ph.dated_anchor
    if anchor.search(text) is None:
        return out  # no anchor word followed by a word anywhere: none in any sentence either
    for sent in _SENTENCE_BREAK.split(text):
        found = anchor.findall(sent)  # rare: look for a date only where an anchor word is
        if found and CLEAR_RE.search(sent):
            out.update(w.lower() for groups in found for w in groups if w)
    return out


# A frequency: "every Monday and Thursday", "each week", "weekly", "twice a month", "on Saturdays"
_FREQUENCY = re.compile(r"\b(?:every|each|weekly|fortnightly|monthly|daily|times\s+a|once\s+a|twice\s+a)\b|"
                        rf"\b{_DAY}s\b", re.IGNORECASE)


def scheduled_events(text: str, ph: PlanningPhrases) -> list[tuple[int, str, str]]:
    """Events the record gives a standing schedule for, in one sentence with a frequency ("Contact
    visits will happen every Monday and Thursday"): (where the schedule ends, event word, timescale)."""
    events = ph.schedule_events
    out: list[tuple[int, str, str]] = []
    if events.search(text) is None:
        return out  # no event named: no schedule
    pos = 0
    for sent in _SENTENCE_BREAK.split(text):
        start = text.find(sent, pos)
        pos = start + len(sent)
        m = CLEAR_RE.search(sent)
        if m and _FREQUENCY.search(m.group(0)):
            out.extend((pos, e.group(0).lower(), m.group(0)) for e in events.finditer(sent))
    return out
