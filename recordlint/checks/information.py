"""Information about the process, not a record: a page or leaflet written to any child.

"Your social worker will write your plan", "Your PA will help you get ready to live on your own",
"Come to the meeting" describe what generally happens to children in care; they are not plan
steps anyone committed to for one child. A text is information, not a record, when it is of a
doc type written to the child, no child is named (not given, and no "Dear Kiera" or "Name:" in
the text), it has no heading of agreed steps ("What we agreed", "Actions") and it names no
person: no "Mr/Ms Name", no name that does something ("Jo will visit"),
and no capitalised name that comes back (a word also written in lower case elsewhere, a month or day, or a
word in a run of capitals, "Personal Adviser", is not a name). Action detection finds no actions
there (RL301, RL302); the child's voice and the contingency plan are still asked for.
Text only: no model.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from ..phrases import norm_heading, planning_phrases
from .person import infer_child_name
from .units import COMMON_NOUNS, FieldSlot, LineSlot, RowSlot, plan_slots

_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+[A-Z][a-z'’-]+")
_DOER = re.compile(r"(?<![\w'’-])([A-Z][a-z'’-]+)[ \t]+(?:will|shall|must|should|can|'ll)[ \t]+[a-z]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_LOWER = re.compile(r"\b[a-z][a-z'’-]+\b")
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def is_information_text(rec) -> bool:
    if "information text" not in rec.cache:
        rec.cache["information text"] = bool(rec.doc_type.to_child and about_no_one(rec) and not _plan_heading(rec))
    return rec.cache["information text"]


def _no_child_named(rec) -> bool:
    """No child given with the record, and none named in its text ("Dear Kiera", "Name: ...")."""
    return not rec.child.first_name and not infer_child_name(rec.text, rec.config)


def about_no_one(rec) -> bool:
    """A page for any reader, of any doc type: no child is named (_no_child_named) and the text names no
    person (names_people). Guidance and information pages, not a record."""
    if "about no one" not in rec.cache:
        rec.cache["about no one"] = _no_child_named(rec) and not names_people(rec.text)
    return rec.cache["about no one"]


def _plan_heading(rec) -> bool:
    """Steps under a plan heading ("What we agreed", "Actions"), an action table or "Action: / Who:"
    fields: a record of a plan, not information."""
    slots = plan_slots(rec, planning_phrases(rec.config))
    return any(isinstance(slot, (RowSlot, FieldSlot)) or (isinstance(slot, LineSlot) and slot.in_plan)
               for slot in slots)


def names_people(text: str) -> bool:
    """Whether the text names a person: "Mr Johal", a name that will do something ("Jo will visit"),
    or a capitalised name used twice mid-sentence."""
    if _TITLED.search(text):
        return True
    for m in _DOER.finditer(text):
        w, low = m.group(1), m.group(1).lower()
        if all(part in STOP_WORDS for part in low.split("-")) or low in _CALENDAR or \
                any(form in COMMON_NOUNS for form in _singulars(low)):
            continue  # "These will", "People will", "The Chair will", "Babies should": not a name
        if not re.search(rf"\b{re.escape(low)}\b", text) and not re.search(r"[A-Z][a-z]*[ \t]+$", text[:m.start()]):
            return True
    lower = set(_LOWER.findall(text))
    words = list(_WORD.finditer(text))
    seen: Counter = Counter()
    for i in range(1, len(words)):
        w = words[i].group()
        if not (len(w) > 1 and w[0].isupper() and w[1:].islower()) or not _mid_sentence(text, words, i):
            continue
        low = w.lower()
        if low in _CALENDAR or any(form in lower for form in _singulars(low) | {low + "s", low + "es"}):
            continue  # a word written in lower case elsewhere ("Need" and "needs"), a month or day: not a name
        if words[i - 1].group().lower() in _PLACE_PREPOSITIONS:
            continue  # "care leavers in Hampshire", "involved in Meitheal": a place or a service, not a person
        seen[w] += 1
    return any(n >= 2 for n in seen.values())


# Words a place or a service follows and a person does not: "in Hampshire", "across Wales", "within Meitheal"
_PLACE_PREPOSITIONS = {"in", "within", "across", "throughout", "outside", "inside"}

_IRREGULAR = {"children": "child", "people": "person", "men": "man", "women": "woman"}


def _singulars(low: str) -> set[str]:
    """The word and the singulars it may be the plural of: babies -> baby, visits -> visit."""
    forms = {low, low.rstrip("s"), _IRREGULAR.get(low, low)}
    if low.endswith("ies"):
        forms.add(low[:-3] + "y")
    if low.endswith("es"):
        forms.add(low[:-2])
    return forms


# Words a name does not follow: "a Plan", "the Conference", "your Plan" are capitalised nouns
_DETERMINERS = {"a", "an", "the", "your", "my", "our", "their", "his", "its", "this", "that", "these", "those",
                "each", "every", "any", "another", "no"}


def _mid_sentence(text: str, words: list, i: int) -> bool:
    """After a small word in the same sentence, not after a determiner ("a Plan"), and not in a run
    of capitals ("Personal Adviser", "a Care and Support plan")."""
    prev, cur = words[i - 1], words[i]
    if text[prev.end():cur.start()] not in (" ", ", ") or not prev.group()[0].islower():
        return False
    if prev.group() in _DETERMINERS:
        return False
    if prev.group() in ("and", "of") and i >= 2 and words[i - 2].group()[0].isupper() and \
            text[words[i - 2].end():prev.start()] == " ":
        return False
    if i + 1 < len(words):
        nxt = words[i + 1]
        if text[cur.end():nxt.start()] == " " and nxt.group()[0].isupper():
            return False
    return True


# A question heading: a short line that asks ("What is a care plan?", "Who will be at the meeting?"), not a
# bulleted question (a list of questions a meeting asked)
_QUESTION_HEADING = re.compile(r"[ \t]*['‘“\"]?(?:what|who|whom|why|when|where|how|which|can|could|will|would|do|"
                               r"does|did|is|are|am|should|may|must|shall)\b[^.!?\n]{0,80}\?\s*$", re.IGNORECASE)


def explains_process(rec) -> bool:
    """A page that explains the process to any reader: no child is named (given or in the text), no plan
    heading, action table or "Action:" field, and either two or more question headings ("What is a Child
    Protection Conference?", "Who will be at the Conference?") or, in a record written to the child, three or
    more of the choices a page offers its reader ("you can", "you may", "if you wish"). Its "The Social Worker
    will talk to you about this" says what generally happens, not a step for one child. Used by action
    detection only (a page for any child is_information_text for the other rules too)."""
    if "explains process" not in rec.cache:
        text = rec.text
        asks = sum(1 for s, e in rec.lines if _QUESTION_HEADING.match(text, s, e)) >= 2
        offers = rec.doc_type.to_child and len(_CHOICES.findall(text)) >= 3
        rec.cache["explains process"] = bool((asks or offers) and _no_child_named(rec) and not _plan_section(rec))
    return rec.cache["explains process"]


# The choices a page for any child offers its reader: "you can ask", "you may want to", "if you wish"
_CHOICES = re.compile(r"\byou\s+(?:can|could|may|might)\b|\bif\s+you\s+(?:wish|want|would\s+like|need|are\s+unhappy)\b",
                      re.IGNORECASE)


def _plan_section(rec) -> bool:
    """A plan heading ("Actions", "What we agreed:"), an action table or "Action:" fields (not a label that
    may name who acts, "Voluntary Care: ...", which on a page of answers is a term and its meaning)."""
    ph = planning_phrases(rec.config)
    if any(isinstance(slot, (RowSlot, FieldSlot)) for slot in plan_slots(rec, ph)):
        return True
    return any(norm_heading(rec.text[s:e].split(":", 1)[0]) in ph.plan_headings for s, e in rec.lines)
