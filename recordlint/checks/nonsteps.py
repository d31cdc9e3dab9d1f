"""Units that read as actions but are not steps anyone has to take. Text only: no model.

clauses.py reads a unit with an anchor ("will", "need to", an order) into an Action; these are the
classes of language that have the shape of a step and are something else:

  done        an action marked as done: "(completed)", "- done", "completed on 3 May"
  pointer     a web page's call to read on: "Read Gia's story to find out more", "Click here"
  hedged      a possibility, not a commitment: "may need to", "might want to", "could consider"
  effect      what a step will bring about, its subject a pronoun that points back:
              "This will ensure that ...", "It will help you to ..."
  noting      a meeting taking in what it was told: "(ii) to note that the case is ...", "To receive the
              notes for information"
  example     an illustration in guidance of the kind of step meant: "For example, Dad will ...", "As an
              example, the outcome is what ...", "For instance, ..."
  outcome     on a line labelled as an outcome the child or family is to reach: "Outcome: Sylvia will take
              Paolo to the park", "Objective/Benchmark #1: When given a story, Andre will read ...", "Aim: ..."
  empty       a field's value that says there is nothing: "Recommendations: N/A", "Actions: None"
  standard    the standard a thing must meet, or how a step before is to be done: "The apology should meet the
              standards set out in ...", "Good planning should follow the SMART principles", "This needs to be
              done with careful regard for ...", "It needs to be supported by reasons"
  naming      the author saying how the text will name someone: "The complainant, whom I will call Mrs X,
              complained ...", "I shall refer to her as Ms B"
  fixture     when a meeting is held, not a step anyone takes: "The next meeting of the Panel will be held on
              11 June", "A review will take place in March" (not "Jo will hold a meeting", "Jo will book the
              review")
  content     what a document must say or contain: "The report needs to reflect that ...",
              "It is essential in the plan that ..."; guidance to whoever writes a plan: "Write the
              desired outcome as ...", "Describe what will happen if ...", "For each action, detail ..."

``not_a_step`` names the class of a unit that is not a step (None for a unit that may be one);
actions.is_plan_step is the one place that asks it.
"""
from __future__ import annotations

import re

# "(completed)", "(done 3/5)", "- done.", ": actioned", "completed on 14 May", "✓": the step is already taken
# (not a deadline: "(complete by 3 May)", "to be completed on 3 May", "once the form is done on Monday")
_DONE = re.compile(r"\(\s*(?:completed|done|actioned|achieved|closed)\b[^)]{0,30}\)|"
                   r"[-–—:]\s*(?:completed?|done|actioned|achieved)\s*[.!]?\s*$|"
                   r"(?<!\bis\s)(?<!\bbe\s)(?<!\bare\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)"
                   r"\b(?:completed|done|actioned)\s+on\s+(?:\d|[A-Z][a-z]+day\b)|[✓✔☑]\s*$", re.IGNORECASE)
# "Read Gia's story to find out more", "Visit our website for more information", "Click here", "Find out more"
# (not "See the GP for further advice", "Visit Nan for more than an hour": steps)
_POINTER = re.compile(r"^\W*(?:please\s+)?(?:(?:read|see|visit|click|watch|download|view|look\s+at|listen\s+to|"
                      r"go\s+to|check\s+out)\b[^.!?\n]*?\b(?:to\s+(?:find\s+out|learn|read|hear|know)\s+more|"
                      r"for\s+(?:more|further)\s+(?:information|details|info)|click\s+here)\b|"
                      r"(?:click\s+here|find\s+out\s+more|read\s+more|learn\s+more)\b)", re.IGNORECASE)
# "may need to", "might have to", "could want to", "may wish to", "might consider", "could think about":
# before any firm modal in the unit ("Jo will call; Mum may need to come" is split at the semicolon)
_HEDGED = re.compile(r"^[^.;!?]*?\b(?P<hedge>may|might|could)\s+(?:also\s+|well\s+|then\s+)?(?:need\s+to|have\s+to|"
                     r"want\s+to|wish\s+to|like\s+to|consider|think\s+about|try\s+to)\b", re.IGNORECASE)
_FIRM = re.compile(r"\b(?:will|shall|must|should|needs?\s+to|has\s+to|is\s+to|are\s+to)\b|['’]ll\b", re.IGNORECASE)
# "This will ensure that ...", "It will help you ...", "That would mean ...": a pronoun that points back to the
# step before, and an active verb (a passive, "This will be done by Jo", is read as a step of its own; "This
# will happen by May" times the step before: actions.py)
_EFFECT = re.compile(r"^\W*(?:and\s+|so\s+)?(?:this|that|these|those|it|which)\s+(?:will|would|should|can|could|"
                     r"may|might|is\s+going\s+to)\s+(?:also\s+|then\s+|hopefully\s+)?(?!be\b|have\s+to\b|need\s+to\b|happen|take|start|begin)"
                     r"[a-z]+\b", re.IGNORECASE)
# "The report needs to reflect that ...", "The plan should show how ...": a thing, not a person, as subject
_CONTENT = re.compile(r"^\W*(?:the|this|that|each|every|any|a|an|your|their|our)\s+(?P<subject>[\w'’ -]{1,40}?)\s+"
                      r"(?:needs?\s+to|should|must|will|has\s+to|have\s+to)\s+(?:also\s+|clearly\s+)?"
                      r"(?:reflect|show|state|evidence|demonstrate|include|contain|outline|set\s+out|say|indicate|"
                      r"explain|specify|record|confirm)\s+(?:that|what|how|whether|why|which)\b", re.IGNORECASE)
# "It is essential in the report that ...", "It is important for the plan to ...": what a document must hold
_IN_DOCUMENT = re.compile(r"\bit\s+is\s+(?:\w+\s+)?(?:essential|important|vital|crucial|necessary|key|expected)\s+"
                          r"(?:in|for|within)\s+(?:the|this|a|an|each|every|any|your|their)\s+(?:[\w'’-]+\s+){0,3}?"
                          r"(?:plans?|reports?|records?|documents?|letters?|minutes|forms?|agreements?|assessments?|"
                          r"contracts?|notes?|chronolog(?:y|ies)|summar(?:y|ies))\b", re.IGNORECASE)


# "Write the desired outcome as ...", "Describe exactly what is expected", "For each action, detail how ...":
# an order to whoever writes a plan about what to put in it (not "Write to the school", "Describe the day to Kai":
# the object is a part of a plan or a clause). A string: compiled (and cached by re) when first used
_DRAFTING = (r"[\W\d]*(?:for\s+each\s+[a-z]+,\s*)?(?:write|describe|detail|state|specify|word|phrase|list|set\s+out|"
             r"outline|define|include)\s+(?:exactly\s+|clearly\s+|in\s+detail\s+)?(?:(?:the|each|a|an|your|any|all)\s+)?"
             r"(?:[a-z]+\s+)?(?:what|how|who|why|when|whether|outcomes?|targets?|goals?|objectives?|actions?|steps?|"
             r"timescales?)\b")


# "For example, Dad will attend ...", "As an example, ...", "For instance, ...", "e.g. the school will ...": an
# illustration of the kind of step meant (guidance, a worked example), not a step of this record. A string
_EXAMPLE = r"\W*(?:for\s+example|for\s+instance|as\s+an\s+example|by\s+way\s+of\s+example|e\.\s?g\.)\W"


# "whom I will call Mrs X", "who we shall refer to as B", "I will refer to her as Ms B" (a name after "as", not "as
# soon as"): how the text names someone
# (a string: compiled when first used)
_NAMING = (r"\b(?:(?:whom|who)\s+(?:I|we)\s+(?:will|shall|['’]ll)\s+(?:call|refer\s+to|name|describe)\b|"
           r"(?:I|we)\s+(?:will|shall|['’]ll)\s+refer\s+to\s+(?:[\w'’]+\s+){1,3}?as\s+(?-i:[A-Z\"“'‘]))")


# "(ii) to note that ...", "To receive an update from ...": a meeting's item or resolution to take in information
_NOTING = r"[\W\d]*(?:[ivx]{1,4}[.)]\s*)?to\s+(?:note|receive)\b"


# A line labelled as an outcome, a goal or a measure of progress: "Outcome: ...", "Objective/Benchmark #2: ...",
# "Short-term goal (what and by when): ...", "Success criteria: ..." - what the child or family is to reach, not a
# step someone has to take (the steps sit under "Strategies" or "Actions"). A string: compiled when first used
_OUTCOME_LABEL = (r"[^\w\n]*(?:(?P<kind>(?:short|medium|long)[- ]term|annual|expected|desired|intended|family|child|"
                  r"smart|learning|success|measurable)\s+)?"
                  r"(?P<label>outcomes?|objectives?|benchmarks?|goals?|targets?|aims?|criteri(?:a|on))"
                  r"(?:\s*/\s*(?:outcomes?|objectives?|benchmarks?|goals?|targets?|aims?))?"
                  r"(?:\s*#?\s*\d{1,2}|\s*\(\w{1,3}\)|\s*\([^()\n]{1,30}\))?\s*:[ \t]*")
# Records of events (a case note's "Outcome: SW to refer to CAMHS" is what the contact led to): there only a
# qualified outcome ("Desired outcome:") is a goal
EVENT_RECORDS = ("case_note", "visit_record", "chronology", "supervision")
# "The apology should meet the standards set out in ...", "Good planning should follow the SMART principles": a thing
# (not a person: "Mum must follow the safe sleeping guidance" is her step) held to a standard. A string
_STANDARD = (r"[^\w\n]*(?P<subject>[\w'’ -]{1,40}?)\s+(?:should|must|will|needs?\s+to|has\s+to)\s+"
             r"(?:also\s+|always\s+)?(?:meet|follow|comply\s+with|conform\s+to|adhere\s+to|accord\s+with|be\s+in\s+line\s+with|"
             r"be\s+consistent\s+with)\s+(?:[\w'’-]+\s+){0,4}?(?:standards?|guidelines|guidance|principles?|"
             r"requirements|criteria|regulations)\b")
# "This needs to be done with careful regard for ...", "It should be handled sensitively", "It needs to be supported
# by reasons": how the step before is to be done, a pronoun pointing back and a manner (not "by" a person). A string
_MANNER = (r"[^\w\n]*(?:this|that|it|these|those)\s+(?:will|should|must|needs?\s+to|has\s+to|have\s+to)\s+"
           r"(?:also\s+|always\s+)?be\s+(?:done|carried\s+out|undertaken|handled|approached|managed|conducted|"
           r"delivered|supported|completed)\s+(?:with\b|in\s+(?:a|an)\s+[\w -]{1,30}?(?:way|manner)\b|carefully|"
           r"sensitively|thoughtfully|slowly|gently|by\s+(?:reasons?|evidence)\b)")
# "The next meeting of the Panel would be held on 11 June", "The review will take place in March": a meeting's date
# (a fixture of the calendar), not a step someone takes. A string: compiled when first used
_FIXTURE = (r"[^\w\n]*(?:the|a|an|our|your|this|that|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|review|conference|"
            r"panel|hearing|session|board)s?\b(?:\s+of\s+[^,.;:\n]{1,60}?)?\s+(?:will|would|shall|is\s+to)\s+"
            r"(?:next\s+|also\s+|then\s+)?(?:be\s+held|take\s+place|convene|meet\s+(?:on|in|at)\b)")
# A field's value that says there is nothing to do: "N/A", "None", "Nil", "Not applicable", "None identified"
_NO_VALUE = r"[^\w\n]*(?:n\s*/\s*a|none(?:\s+(?:identified|noted|made|required|needed|at\s+present))?|nil|" \
            r"not\s+applicable|no\s+(?:recommendations|actions|further\s+action))[^\w\n]*$"


def not_a_step(text: str, start: int, end: int, line_end: int, people, events: bool = False) -> str | None:
    """The class of a unit (``text[start:end]``, on a line that ends at ``line_end``) that reads as an action
    but is not a step to take, or None. ``people``: person.People, to tell a person from a thing; ``events``:
    a record of events (EVENT_RECORDS), where "Outcome:" says what happened."""
    unit = text[start:end]
    if _DONE.search(text, start, max(end, line_end)):
        return "done"
    if _POINTER.match(unit):
        return "pointer"
    hedged = _HEDGED.match(unit)
    if hedged and not _FIRM.search(unit, 0, hedged.start("hedge")):
        return "hedged"
    if _EFFECT.match(unit):
        return "effect"
    if re.match(_NOTING, unit, re.IGNORECASE):
        return "noting"
    if re.search(_NAMING, unit, re.IGNORECASE) and not _FIRM.search(re.sub(_NAMING, "", unit, flags=re.IGNORECASE)):
        return "naming"
    if re.match(_EXAMPLE, unit, re.IGNORECASE):
        return "example"
    if re.match(_NO_VALUE, unit, re.IGNORECASE):
        return "empty"
    if _outcome_line(text, start, events):
        return "outcome"
    if re.match(_FIXTURE, unit, re.IGNORECASE):
        return "fixture"
    if re.match(_MANNER, unit, re.IGNORECASE) or _thing_held_to(unit, people):
        return "standard"
    if _IN_DOCUMENT.search(unit) or _content(unit, people) or re.match(_DRAFTING, unit, re.IGNORECASE):
        return "content"
    return None


def _outcome_line(text: str, start: int, events: bool) -> bool:
    """The unit is on a line that opens with an outcome label ("Outcome: Sylvia will take ..."), and no cell or
    other field comes between ("Outcome: Kai is safe | Action: Jo to visit weekly" has a step)."""
    line_start = text.rfind("\n", 0, start) + 1
    m = re.compile(_OUTCOME_LABEL, re.IGNORECASE).match(text, line_start)
    if m is None or (events and m.group("label").lower().startswith("outcome") and not m.group("kind")):
        return False
    line_end = text.find("\n", start)
    if "|" in text[line_start:len(text) if line_end < 0 else line_end]:
        return False   # a table row: the outcome is one cell, a step may be in another
    return m.end() > start or re.search(r"\w\s*:", text[m.end():start]) is None


def _thing_held_to(unit: str, people) -> bool:
    """"The apology should meet the standards ...": a thing, not a person, held to a standard."""
    m = re.match(_STANDARD, unit, re.IGNORECASE)
    return m is not None and not _names_person(m.group("subject"), people)


def _names_person(subject: str, people) -> bool:
    """The subject's last word names a person or people (people.yaml), or is a name in capitals."""
    words = subject.split()
    head = words[-1].lower().strip("'’") if words else ""
    return bool({head, head.removesuffix("s")} & (people.singular | people.plural)) or \
        (len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in _THING_FIRST)


_THING_FIRST = {"this", "that", "it", "the", "planning", "practice"}


def _content(unit: str, people) -> bool:
    """"The report needs to reflect that ...", not "The social worker needs to show that ..." (a person)."""
    m = _CONTENT.match(unit)
    if m is None:
        return False
    head = m.group("subject").split()[-1].lower().strip("'’")
    return not ({head, head.removesuffix("s")} & (people.singular | people.plural))
