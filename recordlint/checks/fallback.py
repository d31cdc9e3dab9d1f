"""Action reading without a model (the --fast profile, or no parser): patterns only.

"X will/should/must/needs to/to [be] VERB ..." and the no-owner phrases ("it is hoped").
Rules that need the tagger are skipped in --fast, so this serves Python API users whose
pipeline has no parser.
"""
from __future__ import annotations

import re

from ..phrases import PlanningPhrases
from .clauses import NOT_OWNER, Action

_PLAIN = re.compile(r"^(?P<who>[\w'’ ,.&-]{0,60}?)\s*\b(?:will|shall|must|should|needs?\s+to|to)\s+"
                    r"(?P<be>be\s+)?(?P<verb>\w+)", re.IGNORECASE)


def read_plain(text: str, ph: PlanningPhrases, s: int, e: int, kind: str | None) -> Action | None:
    unit = text[s:e]
    no_owner = ph.no_owner.search(unit)
    m = _PLAIN.search(unit)
    if not m and not no_owner:
        return None
    act = Action(s, e, kind or "modal")
    if m:
        who = m.group("who").strip(" ,")
        act.owner = None if (m.group("be") or not who or who.lower() in NOT_OWNER) else who
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
