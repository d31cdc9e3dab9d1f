"""Voice rule: RL401 voice.child, the child's own wishes, feelings or words.

A record shows the child's voice when it has any of:
  - a section for the child's views with some content ("My views", "What you told me",
    "Kayla's wishes and feelings");
  - the child as the subject of a voice verb or feeling ("Kayla said", "You told me",
    "YP wants", "You are worried about", "he feels" when "he" is the child);
  - "said Kayla" after a quotation.
The phrase lists are YAML (``rules/phrases/voice.yaml``); which doc types need the
child's voice is the rule's ``doc_types`` (config: ``rules.RL401.doc_types``).
"""
from __future__ import annotations

import functools
import re

from ..findings import Severity
from ..rule import Example, Rule
from ..phrases import PEOPLE_FILE, SPEECH_FILE, compiled_phrases, phrase_regex
from .information import is_information_text

PHRASE_FILE = "phrases/voice.yaml"

_NOT_HEADING_CHARS = re.compile(r"[^a-z0-9' ]+")
_STRAIGHT_QUOTES = str.maketrans("’‘", "''")


def _heading_norm(text: str) -> str:
    return _NOT_HEADING_CHARS.sub("", text.lower().translate(_STRAIGHT_QUOTES)).strip()


# The patterns are compiled once per phrase file: the child's name is not built into them
# (a name-specific pattern of this size costs ~10 ms to compile, per child); the subject
# a pattern found is compared with the child's name in Python.
_NAME = r"(?-i:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)"
# the child by age when the record gives no name: "the 15-year-old", "the 9 year old"; "a 13 year old" only
# in a record that names no child (a report about the children of a service: "A 13 year old told us ...")
_AGED = r"(?:the|an?|another)\s+\d{1,2}[- ]years?[- ]old"
# a redacted child's label standing for the child: "Child A", "Young Person B", "YP C"
# The rest of one predicate, to "and" or a comma that joins the next predicate of the same subject:
# one sentence, outside quotation marks
# one sentence, outside quotation marks, with no new clause (a pronoun, "who", "that", "because" ...)
# inside it; not after a subject in a clause of its own ("He agreed that Aisha needs X and asked")
_NEW_CLAUSE = (r"(?:I|we|you|he|she|they|it|who|whom|whose|which|that|because|as|while|when|whilst|if|"
               r"where|but|so|then|until|unless|although|though)")
_LATER_PREDICATE = (rf"(?P<later>(?:\s(?!{_NEW_CLAUSE}\b)[^\s.!?;:\"“”]+){{1,20}}?(?:,|\s+and)(?:\s+and)?(?=\s))")
_IN_CLAUSE = re.compile(rf"\b{_NEW_CLAUSE}\s+$", re.IGNORECASE)


def _later_predicate_of_clause(text: str, m) -> bool:
    """A later predicate found for a subject that opens a clause of its own ("... that Aisha needs X and
    asked"): the "and" may join the main clause's predicates, not the subject's."""
    return bool(m.group("later")) and bool(_IN_CLAUSE.search(text, max(0, m.start() - 12), m.start()))
_CHILD_LABEL = re.compile(r"(?:Child|Young [Pp]erson|YP)[ \t]+[A-Z]\d?")
# a child word that is the object of a preposition, not a subject: "A mother with three children was finding ..."
# ("of" is not one: "A minority of children said", "most of the young people told us")
_AFTER_PREPOSITION = (r"\b(?:with|for|about|from|by|without|between|among)\s+"
                      r"(?:(?:the|a|an|his|her|their|two|three|four|five|six|several|some|both|\d+)\s+)*\Z")


@functools.cache
def _after_preposition() -> re.Pattern:
    return re.compile(_AFTER_PREPOSITION, re.IGNORECASE)  # compiled when a record first needs it


def _aliases(text: str, name: str | None) -> set[str]:
    """The names the record gives the child besides their own: "Kaylee (known as K)", "Jonathan (aka Jon)"."""
    if not name or "(" not in text:
        return set()
    said = rf"{re.escape(name)}\s*\((?:also\s+)?(?:known\s+as|aka|called)\s+[\"'“‘]?([A-Z][\w'’-]*)"
    return {m.group(1) for m in re.finditer(said, text)}


def _object_of_preposition(text: str, start: int) -> bool:
    """The words before a subject found end in a preposition: it is its object, not the subject."""
    return bool(_after_preposition().search(text, max(0, start - 60), start))


# a verb of talking, a manner adverb, and what it was about: the child's account of it, in the writer's words
_TALKED_OF = r"(?:talk(?:s|ed|ing)?|sp(?:oke|eaks?|eaking))\s+(?:[a-z]+ly\s+)?(?:about|of)\b"
# how the child finds something: "finds it difficult to go out", "had found his mum's illness hard to cope with"
_FOUND_HARD = (r"(?:finds?|finding|found)\s+(?:[\w'’-]+\s+){0,4}?"
               r"(?:hard|difficult|upsetting|scary|frightening|stressful|confusing|easier|easy)\b")


class VoicePhrases:
    """The lists RL401 reads, compiled once per phrase file and set of a config's changes:
    its own file (voice.yaml), the speech verbs (speech.yaml) and the people words (people.yaml)."""

    def __init__(self, data: dict, speech: dict, people: dict):
        self.data = data
        self.child_words = {str(w).lower() for w in data.get("child_words", [])}
        self.not_voice_after = {str(w).lower() for w in data.get("not_voice_after", [])}
        headings = [str(h) for h in [*speech.get("own_voice_headings", []), *data.get("view_headings", [])]]
        self.fixed_heads = {_heading_norm(h) for h in headings if "{name}" not in h}
        self.name_headings = [h for h in headings if "{name}" in h]   # "{name}'s views": per child
        speech_verbs = list(speech.get("speech_verbs", []))
        # the voice verbs: said (speech.yaml), wants, feels (voice.yaml), talks happily of, finds it hard
        self.verbs = (rf"{phrase_regex(speech_verbs + list(data.get('voice_verbs', []))).pattern}"
                      rf"|{_TALKED_OF}|{_FOUND_HARD}")
        self.unnamed_words = {str(w).lower() for w in data.get("unnamed_child_words", [])}
        words = phrase_regex(list(data.get("child_words", [])) + list(self.unnamed_words) + ["you"]).pattern
        between = "|".join(re.escape(w) for w in sorted(data.get("between_words", []), key=len, reverse=True))
        gap = rf"(?:\s*(?:{between})\b)*" if between else ""
        flags = re.IGNORECASE
        # "Kayla, who said ...": the child's own clause after a comma; "Kayla went to the meeting and said
        # ...", "He had moved school, was not sleeping and was worried ...": a later predicate of the same
        # subject (after "and" or a comma, with no new subject before its verb)
        gap = rf"(?:{_LATER_PREDICATE})?{gap}"
        self.subject_verb = re.compile(
            rf"(?P<subj>{words}|{_AGED}|(?<![\w'’-]){_NAME})(?:[’']s\b)?(?:\s*,\s*who\b)?{gap}\s*(?:{self.verbs})",
            flags)
        # "Kai's wishes are ...", "according to Kai": by name only ("the child's views" is mostly
        # guidance about any child: "make sure the child's views are heard")
        nouns = phrase_regex(list(data.get("view_nouns", []))).pattern
        self.views_of = re.compile(rf"(?P<subj>(?<![\w'’-]){_NAME})[’']s\s+(?:{nouns})", flags)
        self.according = re.compile(rf"\baccording to\s+(?P<subj>{words}|{_NAME})", flags)
        # '"I like it here," said Kayla': a speech verb after the closing quotation
        self.inverted = re.compile(rf"[,.!?]?[\"”’']\s*(?:{phrase_regex(speech_verbs).pattern})\s+(?P<subj>{_NAME})",
                                   flags)
        self.pronoun_verb = re.compile(rf"\b(?P<subj>he|she|they){gap}\s*(?:{self.verbs})", flags)
        # endings of a subject-verb match that are not the child's voice ("have missed")
        not_voice = data.get("not_voice", [])
        self.not_voice = re.compile(rf"(?:{phrase_regex(not_voice).pattern})$", flags) if not_voice \
            else re.compile(r"(?!x)x")
        # people other than the child: the people words of people.yaml, but for the words that
        # stand for the child here ("[Child's name]", "the young person": child_words) and those
        # plain text often uses for something else ("I will miss her": not_people_in_plain_text)
        not_others = {str(w).lower().split()[-1] for w in data.get("child_words", []) if str(w).strip()}
        not_others |= {str(w).lower() for w in people.get("not_people_in_plain_text", []) or []}
        def others_of(keys):
            return phrase_regex([w for key in keys for w in people.get(key, []) or []
                                 if str(w).lower() not in not_others])
        self.others = others_of(_PEOPLE_KEYS)
        # people a he / she / they may be (a "he" is not "the carers" or "Mum")
        self.others_for = {"he": others_of(("male_people", "neutral_people")),
                           "she": others_of(("female_people", "neutral_people")),
                           "they": self.others}
        # "my foster carers", "my social worker": people only a child in care has
        care = list(data.get("care_relations", []))
        self.care_relations = re.compile(rf"\bmy\s+(?:{phrase_regex(care).pattern})", flags)
        # and a child's family, home and school: "my mum", "my teacher"
        family = care + list(data.get("family_relations", []))
        self.own_family = re.compile(rf"\bmy\s+(?:{phrase_regex(family).pattern})", flags)
        self.testimony = re.compile(
            rf"(?<![\w'’-])I(?:\s+(?:was|am|felt|feel|have|had|really|also|still|always))*\s+(?:{self.verbs})")
        # what the children a page is for said, all together ("You told us ...": a council's pledge)
        collective = list(data.get("collective_voice", []))
        self.collective = phrase_regex(collective) if collective else re.compile(r"(?!x)x")


_PEOPLE_KEYS = ("female_people", "male_people", "neutral_people", "plural_people")


def voice_phrases(config=None, phrase_file: str = PHRASE_FILE) -> VoicePhrases:
    return compiled_phrases((phrase_file, SPEECH_FILE, PEOPLE_FILE), config, VoicePhrases)


def _is_child(subject: str, name: str | None, full: str | None, child_words: set[str], to_child: bool) -> bool:
    low = subject.lower()
    if low == "you":
        return to_child
    if low in child_words or _CHILD_LABEL.fullmatch(subject):
        return True
    if re.fullmatch(_AGED, low):
        return low.startswith("the") or not name
    return bool(name) and (subject == name or subject == full or subject.split()[0] == name)


class ChildVoice(Rule):
    code = "RL401"
    name = "child-voice"
    category = "voice.child"
    severity = Severity.warning
    summary = "A record with no wishes, feelings or words of the child."
    why = ("The guidance asks that the child's own voice (wishes, feelings, words) is recorded: "
           "what they said, what they want, how they feel, in their words where possible.")
    source = "Local recording guidance point 6; Children Act 1989 s.22(4) (ascertain the child's wishes and feelings)"
    doc_types = ["visit_record", "review_record", "assessment", "care_plan", "pathway_plan"]
    exempt_speech = False
    options = {"phrases": PHRASE_FILE}
    examples = [
        Example("Statutory visit. Harley seen alone in his room. Room clean and tidy.\n\nSW to visit again by "
                "02/04/2026.", True, "visit_record", {"name": "Harley", "age": 10, "pronouns": "he/him"}),
        Example("Statutory visit. Harley said he likes his new bed.", False, "visit_record",
                {"name": "Harley", "age": 10, "pronouns": "he/him"}),
        Example("This is your plan.\n\nWhat you told me\nYou want to stay with Nan.", False, "care_plan",
                {"name": "Ava", "age": 8}),
        Example("This is your plan. Mum said she is happy with the plan.", True, "care_plan",
                {"name": "Ava", "age": 8, "pronouns": "she/her"}),
    ]

    def check(self, rec):
        ph = voice_phrases(rec.config, self.opts.get("phrases", PHRASE_FILE))
        if _own_words_plan(rec, ph) or _care_speaker_quoted(rec, ph):
            return  # the child's own plan ("I will ..."), or their own account in quotation marks
        if is_information_text(rec):
            # a page for any child: "you" is every reader; only a young person's own words count
            if _testimony(rec, ph):
                return
        elif self._has_voice(rec, ph):
            return
        who = rec.child.first_name or "the child"
        yield rec.finding(self, None, None,
                          f"No wishes, feelings or words of {who} are recorded.",
                          f"record what {who} said, wants or feels, in their own words where possible")

    # --- evidence ---------------------------------------------------------------------------
    def _has_voice(self, rec, ph: VoicePhrases) -> bool:
        name = rec.child.first_name
        return (self._views_section(rec, ph, name) or self._child_as_subject(rec, ph)
                or self._pronoun_as_subject(rec, ph))

    def _child_as_subject(self, rec, ph: VoicePhrases) -> bool:
        """"Kayla said", "YP wants", "You told me"; '"I like it here," said Kayla.'"""
        text, name, full = rec.text, rec.child.first_name, rec.child.name
        # "Children told us ...", "A young person said ...": the children of a report that names no child
        child_words = ph.child_words if name else ph.child_words | ph.unnamed_words
        to_child = rec.doc_type.to_child or _addressed(rec)
        aliases = _aliases(text, name)
        pos = 0
        while True:
            m = ph.subject_verb.search(text, pos)
            if m is None:
                break
            pos = m.start() + 1  # a name that is not the child's may hide one just after it
            subj = m.group("subj")
            # "Kayla's mum said" is not Kayla: the subject must be the whole noun
            if not (_is_child(subj, name, full, child_words, to_child) or subj in aliases) \
                    or self._possessive_other(text, m) \
                    or _later_predicate_of_clause(text, m) or _object_of_preposition(text, m.start()):
                continue
            if ph.not_voice.search(m.group(0)) or _hypothetical(text, m, ph):
                continue  # "you have missed 9 days of school": absence; "if you want ...": not a wish told
            return True
        # '"I like it here," said Kayla.' - the verb after a quotation, the child after the verb;
        # "Kai's wishes are ...", "according to Kai"
        return any(_is_child(m.group("subj"), name, full, child_words, False)
                   for pattern in (ph.inverted, ph.views_of, ph.according) for m in pattern.finditer(text))

    def _pronoun_as_subject(self, rec, ph: VoicePhrases) -> bool:
        """"he said" / "she wants" when the pronoun is the child's (third-person records)."""
        text, name = rec.text, rec.child.first_name
        prons = {p for p in rec.child.pronoun_words if p in ("he", "she", "they")}
        if not prons and name:
            prons = infer_pronouns(text, name, ph.others)
        for m in ph.pronoun_verb.finditer(text) if prons else ():
            low = m.group("subj").lower()
            if low in prons and not _later_predicate_of_clause(text, m) and \
                    self._pronoun_is_child(text, m.start(), low, name, ph.others_for[low]):
                return True
        # "Here is his story in his own words": the words that follow are the child's
        for m in _OWN_WORDS.finditer(text) if prons else ():
            low = _SUBJECT_PRONOUNS[m.group("subj").lower()]
            if low in prons and self._pronoun_is_child(text, m.start(), low, name, ph.others_for[low]):
                return True
        return False

    @staticmethod
    def _possessive_other(text: str, m) -> bool:
        frag = m.group(0)
        return bool(re.match(r"^\S+[’']s\s+(?!own\b)[a-z]", frag)) and \
            not re.match(r"^\S+[’']s\s+(?:also|always|really|still)", frag)

    @staticmethod
    def _pronoun_is_child(text: str, pos: int, pronoun: str, name: str | None, others, hops: int = 6) -> bool:
        """The nearest person before the pronoun (this or the previous sentence) is the child; with
        no name known, no one else is named there (the pronoun given for the child is theirs).
        With no one named there, the same pronoun earlier in the window is followed back ("Connor
        ... he doesn't open up. I know he has ... where he talked to me"); so is a sentence that opens
        with the same pronoun as the one before it, whoever that one names later ("She likes Sharon,
        the youth worker. She says ..."): consecutive sentences keep their subject."""
        pron = _PRONOUN_FORMS[pronoun]
        for _ in range(hops + 1):
            same_subject = _previous_subject(text, pos, pronoun)
            if same_subject is not None:
                pos = same_subject  # "She attends ... She says ...": one subject, followed back
                continue
            start = _window_start(text, pos)
            window = text[start:pos]
            last_other = max(_people_named(window, others), default=-1)
            if not name:
                return last_other < 0
            last_child = max((mm.end() for mm in re.finditer(rf"\b{re.escape(name)}\b", window)), default=-1)
            if last_child >= 0 or last_other >= 0:
                return last_child > last_other
            earlier = pron.search(window)
            if earlier is None:
                return False
            pos = start + earlier.start()
        return False

    def _views_section(self, rec, ph: VoicePhrases, name) -> bool:
        heads = ph.fixed_heads
        if name:
            heads = heads | {_heading_norm(h.replace("{name}", name)) for h in ph.name_headings}
        lines = rec.lines
        text = rec.text
        for i, (ls, le) in enumerate(lines):
            line = text[ls:le].strip()
            if not line or len(line.split()) > 12:
                continue
            head, _, rest = line.partition(":")
            if _heading_norm(head) not in heads:
                continue
            if len(rest.strip().split()) >= 3:
                return True
            if not rest.strip():
                for s2, e2 in lines[i + 1:i + 3]:
                    nxt = text[s2:e2].strip()
                    if nxt:
                        empty = re.match(r"(?i)^(?:n/?a|none|not (?:seen|asked|known))\b", nxt)
                        if len(nxt.split()) >= 3 and not empty:
                            return True
                        break
        return False


_SUBJECT_PRONOUNS = {"she": "she", "her": "she", "hers": "she", "herself": "she",
                     "he": "he", "him": "he", "his": "he", "himself": "he",
                     "they": "they", "them": "they", "their": "they", "themselves": "they", "themself": "they"}
_PRONOUN_FORMS = {p: re.compile(r"\b(?:" + "|".join(w for w, s in _SUBJECT_PRONOUNS.items() if s == p) + r")\b",
                                 re.IGNORECASE) for p in ("he", "she", "they")}
_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n\s*")


_OPENER = re.compile(r"(?:[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,3},[ \t]*)?$")


# a sentence that opens with the pronoun as its subject, after at most a short opener ("Recently, she")
_OPENS_WITH = {p: re.compile(rf"(?:[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){{0,3}},[ \t]*)?({p})\b", re.IGNORECASE)
               for p in ("he", "she", "they")}


def _sentence_start(text: str, pos: int) -> int:
    ends = [m.end() for m in _BOUNDARY.finditer(text, max(0, pos - 400), pos)]
    return ends[-1] if ends else max(0, pos - 400)


def _previous_subject(text: str, pos: int, pronoun: str) -> int | None:
    """Where the sentence before opens with the same subject pronoun, when the pronoun at ``pos``
    opens its own sentence (after at most a short opener: "Recently, she ..."); else None."""
    start = _sentence_start(text, pos)
    if start == 0 or not _OPENER.fullmatch(text, start, pos):
        return None
    prev = _sentence_start(text, start - 1)
    m = _OPENS_WITH[pronoun].match(text, prev)
    return m.start(1) if m and m.start(1) < start else None


def _window_start(text: str, pos: int) -> int:
    """The start of the sentence before the one holding ``pos`` (within 250 characters)."""
    start = max(0, pos - 250)
    ends = [m.end() for m in _BOUNDARY.finditer(text, start, pos)]
    return ends[-2] if len(ends) >= 2 else start


_PRONOUN = re.compile(r"\b(?:" + "|".join(_SUBJECT_PRONOUNS) + r")\b", re.IGNORECASE)
_NEXT_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z'’-]+")


_YOU = re.compile(r"(?<![\w'’-])(?:you|your)(?![\w'’-])", re.IGNORECASE)
_QUOTED_WORDS = re.compile(r"[A-Za-z]+")


def _addressed(rec) -> bool:
    """A record of a third-person type written to the child all the same ("You had not met me
    before"): "you" is the child there. Three or more "you/your" outside speech."""
    return sum(1 for m in _YOU.finditer(rec.text) if not rec.in_speech(m.start())) >= 3


def _testimony(rec, ph: VoicePhrases) -> bool:
    """A young person's own words on a page for any child: a quotation of six words or more, "I" with a
    voice verb or feeling ("When I first came into care I was scared"; not "I told you ...", the writer,
    nor "What if I want to ...?", the page's question), or what its children told the writers all together
    ("The three things you told us matter most are ...")."""
    for s, e in rec.speech:
        if len(_QUOTED_WORDS.findall(rec.text[s:e])) >= 6:
            return True
    if any(_told_as_young_person(rec.text, m) for m in ph.testimony.finditer(rec.text)):
        return True
    return any(not rec.in_speech(m.start()) for m in ph.collective.finditer(rec.text))


_TO_THE_READER = re.compile(r"[ \t]+(?:you|your)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _told_as_young_person(text: str, m) -> bool:
    """An "I" + voice verb of a young person's account, not the writer telling the reader ("I told you what
    I do": the worker) nor a question the page puts in its reader's mouth ("What if I want to stay?")."""
    if _TO_THE_READER.match(text, m.end()):
        return False
    end = _SENTENCE_END.search(text, m.end())
    return end is None or text[end.start()] != "?"


# "in his own words", "in their own words": what follows is the child's when the pronoun is
_OWN_WORDS = re.compile(r"\b(?P<subj>his|her|their)\s+own\s+words\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"(?<![\w'’-])I(?![\w'’-])")


_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t]*,?[ \t]*$")


def _hypothetical(text: str, match, ph: VoicePhrases) -> bool:
    """The subject "you" of ``match`` opens a condition or an offer to the reader, or is an object, not
    the child telling their wishes: "If you want to know more", "where you feel comfortable", "with you
    like a friend", "help you feel safe" (voice.yaml's not_voice_after: the word just before it). "When
    Kai feels upset he ..." is a feeling of the child's, and stays."""
    if match.group("subj").lower() != "you":
        return False
    m = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
    return bool(m) and m.group(1).lower() in ph.not_voice_after


def _own_words_plan(rec, ph: VoicePhrases) -> bool:
    """A plan written in the child's own words (a safety plan: "If my mum is hurt I will phone ..."):
    a record of a to-the-child type with two or more "I", the child's own family or school ("my mum",
    "my teacher": not a worker's "I"), and no "you" outside quotations."""
    if not rec.doc_type.to_child:
        return False
    text = rec.text
    if any(not rec.in_speech(m.start()) for m in _YOU.finditer(text)):
        return False
    return sum(1 for m in _FIRST_PERSON.finditer(text) if not rec.in_speech(m.start())) >= 2 \
        and bool(ph.own_family.search(text))


def _care_speaker_quoted(rec, ph: VoicePhrases) -> bool:
    """A quotation in the first person by someone with foster carers or a social worker of their own
    ("... my foster carers helped me ..."): in a child's record, that speaker is a child in care."""
    for s, e in rec.speech:
        quoted = rec.text[s:e]
        if len(_QUOTED_WORDS.findall(quoted)) >= 6 and _FIRST_PERSON.search(quoted) \
                and ph.care_relations.search(quoted):
            return True
    return False


_PLACE_BEFORE = re.compile(r"\b(?:at|to|from|in|into)\s+(?:the\s+)?$", re.IGNORECASE)


def _people_named(window: str, others: re.Pattern) -> list[int]:
    """Where people other than the child are named ("Mum", "the teacher"), as end offsets;
    "at school" is a place, not a person who could be "they"."""
    return [m.end() for m in others.finditer(window) if not _PLACE_BEFORE.search(window[:m.start()])]


def infer_pronouns(text: str, name: str, others: re.Pattern) -> set[str]:
    """The child's pronouns when none were given, from how the record refers back to the child's name:
    the first pronoun after each mention ("Kayla is 9. She told me ..."), in the same or the next
    sentence, with no other person named in between. The most frequent wins; a tie is no answer."""
    votes = {"she": 0, "he": 0, "they": 0}
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        window = text[m.end():m.end() + 200]
        ends = [e.end() for e in re.finditer(r"[.!?](?:\s+|$)|\n", window)]
        window = window[:ends[1]] if len(ends) > 1 else window
        p = _PRONOUN.search(window)
        if p is None:
            continue
        between = window[:p.start()]
        if _people_named(between, others) or any(n.group() != name for n in _NEXT_NAME.finditer(between)):
            continue  # someone else was named first: the pronoun may be theirs
        votes[_SUBJECT_PRONOUNS[p.group().lower()]] += 1
    best = max(votes.values())
    winners = [k for k, v in votes.items() if v == best]
    return {winners[0]} if best and len(winners) == 1 else set()


RULES: list = [ChildVoice]
