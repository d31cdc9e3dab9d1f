"""Person rules: who the record speaks as, and to.

  RL101 first-person     "I/me/my/we/us/our" narrating a third-person record
  RL102 second-person    "you/your" addressing someone in a third-person record
  RL103 third-person     the child in the third person in a record written to the child

The guidance: records are written in the third person, child-centred; care plans,
the child's review records and pathway plans are written directly to the child
("you"), and there the author may speak as "I"/"we". Quoted and reported speech
is the speaker's own words and is never a slip.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..findings import Severity
from ..phrases import PEOPLE_FILE, alternation, compiled_phrases
from ..record import PRONOUN_SETS
from ..rule import Example, Rule

GUIDANCE_SOURCE = ("Recording guidance (GUIDELINES.md); Ofsted: records 'shift between the first and the "
                   "third person'; Open University WISPER: writing to the child")

FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves", "ya"}

# "Name: Kiera Smith", "Child: Kiera (9)": the child's name as a form-field value.
FORM_FIELD = re.compile(r"^[ \t]*[A-Z][\w'’ ()/&.-]{0,40}:[ \t]*")

PERSON_FILE = "phrases/person.yaml"

# A template's placeholder in square brackets: "[Your Name]", "[Your Company Name]", "[CITY]" - every word
# capitalised (small linking words aside): a blank to fill in, not words to or about anyone.
TEMPLATE_PLACEHOLDER = re.compile(
    r"\[[ \t]*[A-Z][\w'’]*(?:[ \t]+(?:[A-Z0-9][\w'’]*|of|the|and|or|for|to|an?))*[ \t]*\]")


def in_placeholder(text: str, start: int) -> bool:
    """text[start] is inside a template placeholder in square brackets."""
    bracket = text.rfind("[", max(0, start - 60), start + 1)
    if bracket < 0:
        return False
    m = TEMPLATE_PLACEHOLDER.match(text, bracket)
    return m is not None and m.end() > start


class PersonPhrases:
    """The lists of ``rules/phrases/person.yaml`` (with a config's changes), compiled once."""

    def __init__(self, data: dict):
        self.title_words = {str(w).lower() for w in data.get("title_words", [])}
        self.greetings = {str(w).lower() for w in [*data.get("greetings", []), *data.get("addressing_words", [])]}
        # "Dear Kiera", "Kiera, this is your plan", "Name: Kiera Smith": the child's name, addressed
        greet = alternation([str(w).title() for w in data.get("greetings", [])])
        self.addressed = re.compile(
            rf"^[ \t]*(?:(?:{greet})[ \t]+(?P<greet>[A-Z][\w'’-]+)"
            r"|(?P<voc>[A-Z][\w'’-]+),[ \t]+(?:this|here|I|we)\b"
            r"|(?:Child|Name|Child's name|Young person)[ \t]*:[ \t]*(?P<field>[A-Z][\w'’-]+))",
            re.MULTILINE)
        # A redacted name: "Child I", "Sibling J", "Parent A" - a label and a capital letter, not the pronoun.
        labels = [str(w).title() for w in data.get("redaction_labels", [])]
        self.redacted_name = re.compile(rf"\b(?:{alternation(labels)})[ \t]+[A-Z]{{1,3}}\b")
        # the children's mental health service, the children's home: a service named, not the children
        service = rf"[’']s\s+(?:[\w-]+\s+){{0,2}}(?:{alternation(data.get('children_services', []))})\b"
        # the child protection plan, the child in need plan: the name of a process, not the child
        process = rf"\s+(?:{alternation(data.get('child_processes', []))})\b"
        # "the youth" as a person ("given to the youth."), not "the youth club" or "the Youth Offending Service"
        youth = (r"youth(?=[ \t]*[,.;:!?)\n]"
                 r"|[ \t]+(?:and|or|is|was|will|has|had|can|should|must|may|to|in|at|who|with|for)\b)")
        # "the student" as a person, not the first word of a thing ("the student loan", "the student union")
        student = r"(?:student|pupil)(?![ \t]+(?:loans?|finance|union|card|accommodation|halls?|bursary|grants?|" \
                  r"services?|support|premium|council|voice|body))"
        self.child_phrases = re.compile(
            rf"\b(?:[Tt]he (?:child(?!{process})|young person|{youth}|children(?!{service})|{student})|C?YP)\b")
        # "baby" with no determiner, standing for the child's name ("Baby xxxx is ...", "live with baby."): not
        # "the baby", "your baby", "baby jabs", "mother-and-baby flats"
        self.bare_baby = re.compile(
            r"(?<![\w'’-])(?<![Tt]he )(?<!\ba )(?<![Yy]our )(?<![Hh]er )(?<![Hh]is )(?<![Tt]heir )(?<![Mm]y )"
            r"(?<![Oo]ur )(?<![Nn]ew )(?<![Nn]ot a )[Bb]aby(?=[ \t]+(?:x{2,}|X{2,}|[A-Z][a-z]+)\b|[ \t]*[,.;:!?)\n]"
            r"|[ \t]+(?:and|or|is|was|will|has|had|can|should|must|may|to|in|at|who|with|for)\b)")
        self.group = re.compile(rf"\b[Tt]he children\b(?!{service})")
        # a sentence about families in general ("Sometimes parents feel they cannot look after their children"):
        # its "their children" and "the children" are anyone's, not the child's (ThirdPerson._in_generic_sentence)
        markers = alternation(data.get("generic_markers", []))
        people = alternation(data.get("generic_people", []))
        self.generic = re.compile(rf"\b(?:{markers})\b|(?<![Yy]our )(?<![Tt]he )(?<![Tt]heir )\b(?:{people})\b",
                                  re.IGNORECASE)
        self.parents_child = re.compile(
            rf"\b(?:[Yy]our|[Tt]heir) (?:child|son|daughter)(?:ren)?\b(?!{process})(?!{service})")


def person_phrases(config=None) -> PersonPhrases:
    return compiled_phrases(PERSON_FILE, config, PersonPhrases)


def _name_pattern(name: str) -> str:
    """A name written the way the record may write it: its words in capitals exactly ("I", "BDS"), its
    other words in any case ("Child I" is also "child I")."""
    words = [re.escape(w) if w.isupper() else f"(?i:{re.escape(w)})" for w in name.split()]
    return r"(?<![\w'’-])" + r"[ \t]+".join(words) + r"(?![\w-])"


def name_spans(rec) -> list[tuple[int, int]]:
    """Where the record writes the child's name from its ``child`` field ("BDS", "Child I"), or a redacted
    name that it writes elsewhere with a capital ("Child I" makes "child I" the same name): a name, never
    a pronoun or an acronym."""
    if "name spans" not in rec.cache:
        names = {m.group() for m in person_phrases(rec.config).redacted_name.finditer(rec.text)}
        if rec.child.name:
            names.add(rec.child.name)
        pattern = "|".join(_name_pattern(n) for n in sorted(names, key=len, reverse=True))
        rec.cache["name spans"] = [m.span() for m in re.finditer(pattern, rec.text)] if pattern else []
    return rec.cache["name spans"]


def in_name(rec, start: int) -> bool:
    return any(s <= start < e for s, e in name_spans(rec))


def _is_heading_line(text: str, max_words: int = 6) -> bool:
    """A short line without sentence punctuation: a heading or title."""
    if len(text) > 40 * max_words:  # far too long for a heading: no need to split it
        return False
    stripped = text.strip()
    return bool(stripped) and len(stripped.split()) <= max_words and stripped[-1] not in ".!?,;"


# What follows "I" or "yours" when it is no pronoun of the reader or the author here: "I. e. behaviours",
# "a lift from yours truly"
_NOT_A_PRONOUN = {"i": re.compile(r"\.[ \t]?e\.", re.IGNORECASE), "yours": re.compile(r"[ \t]+truly\b", re.IGNORECASE)}


class _PronounRule(Rule):
    """Flags listed pronouns outside speech, in the doc types of its perspective."""

    words: set[str] = set()
    perspective = "third_person"
    _pattern: re.Pattern | None = None

    def check(self, rec):
        if self._pattern is None:
            alts = "|".join(sorted(self.words, key=len, reverse=True))
            type(self)._pattern = re.compile(rf"(?<![\w'’-])(?:{alts})(?![\w-])", re.IGNORECASE)
        for m in self._pattern.finditer(rec.text):
            word, start = m.group(), m.start()
            low = word.lower()
            if (low == "i" and word != "I") or word == "US":
                continue  # "i" as a letter or list marker; the United States
            if word == "I" and in_name(rec, start):
                continue  # "Child I" (and "child I" in a record that writes "Child I"): a redacted name
            if low in _NOT_A_PRONOUN and _NOT_A_PRONOUN[low].match(rec.text, m.end()):
                continue  # "I. e." (that is); "yours truly" (the writer, in jest)
            if rec.in_speech(start) or self._exempt(rec, start) or in_placeholder(rec.text, start):
                continue  # speech, a title, a template's "[Your Name]"
            yield rec.finding(self, start, m.end(), self.message(low), self.suggest(low))

    def _exempt(self, rec, start: int) -> bool:
        ls, le = rec.line_of(start)
        line = rec.text[ls:le]
        # A title such as "My Plan" at the top of a pasted form is filing, not narration.
        return _is_heading_line(line) and start == ls + (len(line) - len(line.lstrip())) \
            and any(w.lower().strip(":") in person_phrases(rec.config).title_words for w in line.split()[1:])

    def message(self, word: str) -> str:
        raise NotImplementedError

    def suggest(self, word: str) -> str | None:
        return None


class FirstPerson(_PronounRule):
    code = "RL101"
    name = "first-person"
    category = "person.first"
    severity = Severity.warning
    words = FIRST_PERSON
    summary = "The author narrates as I/me/my/we/us/our in a record written in the third person."
    why = ("Records other than care plans, review records and pathway plans are written in the third "
           "person, child-centred. Inspectors criticised records that 'shift between the first and the "
           "third person'. Name the worker's role instead ('the social worker visited').")
    source = GUIDANCE_SOURCE
    examples = [
        Example("I visited Summer at home after school.", True, "visit_record"),
        Example("Dylan showed me his Lego garage.", True, "chronology"),
        Example("The social worker visited Summer at home after school.", False, "visit_record"),
        Example('Kayla said "I miss my mum but I like it here."', False, "visit_record"),
        Example("In Reece's words: I look after Kacey in the mornings.", False, "assessment"),
        Example("I visited you at home and we talked about school.", False, "care_plan"),
    ]

    def message(self, word):
        shown = "I" if word == "i" else word
        return f"first person ('{shown}') in a third-person record: name who did it (e.g. 'the social worker')"

    def suggest(self, word):
        return {"i": "the social worker", "me": "the social worker", "my": "the social worker's",
                "we": "the social worker and [name]", "us": "the social worker and [name]",
                "our": "the team's"}.get(word, "the social worker")


class SecondPerson(_PronounRule):
    code = "RL102"
    name = "second-person"
    category = "person.second"
    severity = Severity.warning
    words = SECOND_PERSON
    summary = "'You/your' addresses the child or reader in a record written in the third person."
    why = ("Only care plans, the child's review records and pathway plans are written to the child. "
           "Other records are third person: switching to 'you' mid-record is the shift inspectors "
           "criticised. Use the child's name.")
    source = GUIDANCE_SOURCE
    examples = [
        Example("You told the social worker that you get worried on Sunday nights.", True, "visit_record"),
        Example("Reggie, your dad rang today.", True, "case_note"),
        Example("Kayla told the social worker that she gets worried on Sunday nights.", False, "visit_record"),
        Example('Mum said "Thank you for telling me."', False, "case_note"),
        Example("You go to Hillside Academy every day.", False, "care_plan"),
    ]

    def message(self, word):
        return f"second person ('{word}') in a third-person record: use the child's name"

    def suggest(self, word):
        return {"your": "[child's name]'s", "yours": "[child's name]'s"}.get(word, "[child's name]")


# --- RL103: the child in the third person, in records written to the child -------------------

class People:
    """The people words of ``rules/phrases/people.yaml`` (with a config's changes), as sets."""

    def __init__(self, data: dict):
        def words(key):
            return frozenset(str(w).lower() for w in data.get(key, []) or [])
        self.female, self.male = words("female_people"), words("male_people")
        self.neutral, self.plural = words("neutral_people"), words("plural_people")
        self.places = words("place_words")
        self.family_titles = words("family_titles")
        self.singular = self.female | self.male | self.neutral


def people_words(config=None) -> People:
    """The people lists with the config's changes, built once per set of changes."""
    return compiled_phrases(PEOPLE_FILE, config, People)


PREP_PLACE = {"at", "in", "to", "from", "near", "into", "towards", "outside", "inside", "around"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# "your child", "their son's": the child written about to (or as the child of) someone else:
# PersonPhrases.parents_child (it leaves out the processes, "your child protection plan")
# a form's stand-in for the child's name: "(name of child)", "[child's name]", "<young person's name>"
NAME_PLACEHOLDER = re.compile(r"[(\[<]\s*(?:name of (?:the )?(?:child|young person)|(?:the )?(?:child|young person)"
                              r"['’]?s? name)\s*[)\]>]", re.IGNORECASE)


def _child_pronouns(rec) -> set[str]:
    """The pronouns that may mean the child: the child's own, or (unknown) he and she ("they" is too
    often plural). "The children ... their views" (the child and their brothers and sisters) and
    "the child ... their needs" add they/them/their, whatever the child's own pronouns: resolution
    then credits a "they" to the child only when it refers back to such a phrase."""
    own = rec.child.pronoun_words or (PRONOUN_SETS["he"] | PRONOUN_SETS["she"])
    group = person_phrases(rec.config).group
    return own | PRONOUN_SETS["they"] if group.search(rec.text) or _THE_CHILD.search(rec.text) else own


def _may_mean_child(rec, name, name_hits, phrase_hits) -> bool:
    """Whether a pronoun can resolve to the child: only back to a mention of the child (the name,
    "the child", "the young person", YP, CYP) or, with the child's pronouns given and no name
    known, as a pronoun no one else can own (ThirdPerson._resolve_region, _means_child)."""
    return bool(name_hits or phrase_hits) or "YP" in rec.text or (bool(rec.child.pronoun_words) and not name)


def _has_pronoun(rec, pron: set[str]) -> bool:
    key = ("RL103 has pronoun", frozenset(pron))   # regions() and check() both ask
    if key not in rec.cache:
        pron_re = re.compile(r"\b(?:" + "|".join(sorted(pron)) + r")\b", re.IGNORECASE)
        rec.cache[key] = any(not rec.in_speech(m.start()) for m in pron_re.finditer(rec.text))
    return rec.cache[key]


# "the child ... their needs", "your child ... their health": a singular they for the child
_THE_CHILD = re.compile(r"\b(?:[Tt]he|[Yy]our) (?:child|young person|student|pupil)\b"
                        r"|(?<![\w-])[Bb]aby (?:x{2,}|X{2,})")


_CHILD_DETERMINERS = {"the", "young", "your", "their"}


def _means_child(tok, start: int, child_starts) -> bool:
    """The child's name, YP/CYP, or "the child" / "the young person" near a mention of the child."""
    if start in child_starts or tok.text in ("YP", "CYP"):
        return True
    return tok.lower_ in ("child", "person", "student", "pupil") and tok.i > 0 \
        and tok.nbor(-1).lower_ in _CHILD_DETERMINERS \
        and any(s <= start < s + 20 for s in child_starts)


def _own_clause_subjects(tok, offset: int) -> set[int]:
    """Where the subjects of an object pronoun's own clause start: "his father has threatened to take him" -
    "him" is not the father (a pronoun object never means the subject of its own verb, nor of the verb whose
    "to" clause it is in; a reflexive, "himself", would). Empty for subjects and possessives ("his")."""
    if tok.dep_ in SUBJECT_DEPS or tok.dep_ == "poss" or tok.lower_.endswith(("self", "selves")):
        return set()
    head = tok.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head   # "talked with him": the verb of the preposition
    found: set[int] = set()
    for _ in range(3):
        if head.pos_ not in ("VERB", "AUX"):
            break
        found |= {c.idx + offset for c in head.children if c.dep_ in SUBJECT_DEPS}
        if head.dep_ != "xcomp" or head.head.i == head.i:
            break
        head = head.head   # "threatened to take him": the subject of "threatened" takes him
    return found


def _person_word(people: People, tok, start: int, sent: int, subject: bool):
    """Mum, dad, Mrs ..., the carers: with their gender and number when the word gives them."""
    low = tok.lower_
    if low in people.singular:
        gender = "f" if low in people.female else "m" if low in people.male else None
        if low in ("mrs", "ms", "miss", "mr"):
            return _Mention(start, start, gender, False, False, subject or tok.head.dep_ in SUBJECT_DEPS, sent)
        plural = any(c.dep_ == "conj" for c in tok.children) or tok.tag_ in ("NNS", "NNPS")
        return _Mention(start, start, gender, plural, False, subject, sent)
    if low in people.plural or (tok.tag_ == "NNS" and tok.pos_ == "NOUN" and subject):
        return _Mention(start, start, None, True, False, subject, sent)
    return None


def _named_person(places: frozenset, tok, start: int, sent: int, subject: bool):
    """A proper noun that is not a place ("at Oakfield School", "to Leeds")."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.dep_ == "compound":
        return None
    low = tok.lower_
    if low in places or any(c.lower_ in places for c in tok.children) or \
            (tok.head.lower_ in PREP_PLACE and tok.dep_ == "pobj"):
        return None
    plural_coord = any(c.dep_ == "conj" for c in tok.children)
    return _Mention(start, start, None, plural_coord, False, subject, sent)


class _Mention:
    """Someone a pronoun may refer back to. ``they``: may be called they/them (a group, "the child",
    the child when their pronouns are they/them or unknown)."""
    __slots__ = ("start", "end", "gender", "plural", "child", "subject", "sent", "they")

    def __init__(self, start, end, gender, plural, child, subject, sent, they=None):
        self.start, self.end = start, end
        self.gender, self.plural, self.child = gender, plural, child
        self.subject, self.sent = subject, sent
        self.they = plural if they is None else they


class ThirdPerson(Rule):
    code = "RL103"
    name = "third-person-to-child"
    category = "person.third"
    severity = Severity.warning
    perspective = "to_child"
    analysis = "pronouns only (parser)"
    summary = ("The child is written about in the third person (name, he/she/they, 'the child', "
               "'the young person', YP) in a record written to the child.")
    why = ("Care plans, the child's review records and pathway plans are written directly to the child. "
           "Switching to 'Kiera will...' or 'he' part-way through is the shift between persons that "
           "inspectors criticised. Greetings ('Dear Kiera'), titles and form fields are fine.")
    source = GUIDANCE_SOURCE
    options = {"window_sentences": 3, "own_children_doc_types": ["pathway_plan"]}
    examples = [
        Example("You are settled at home. Mohammed has a good relationship with Nadia.", True, "review_record",
                {"name": "Mohammed", "pronouns": "he/him"}),
        Example("Kiera says she likes living with Dan and Leroy.", True, "care_plan",
                {"name": "Kiera", "pronouns": "she/her"}),
        Example("YP to open a bank account by 30 April 2026.", True, "pathway_plan",
                {"name": "Kacper", "pronouns": "he/him"}),
        Example("Dear Mohammed,\n\nThis is the record of your review.", False, "review_record",
                {"name": "Mohammed", "pronouns": "he/him"}),
        Example("Ask Mum if she can come to your netball match on 7 March.", False, "care_plan",
                {"name": "Amara", "pronouns": "she/her"}),
        Example("Kiera, this is your care plan.", False, "care_plan", {"name": "Kiera", "pronouns": "she/her"}),
    ]

    def check(self, rec):
        name, name_hits, phrase_hits = self._child_mentions(rec)
        for start, end in name_hits:
            yield rec.finding(self, start, end, "the child's name in the third person in a record written "
                              "to the child: write to them ('you')", "you / your")
        for start, end in phrase_hits:
            yield rec.finding(self, start, end, f"'{_label(rec.text[start:end])}' in a record written to the "
                              "child: write to them ('you')", "you")
        pron = _child_pronouns(rec)
        if _may_mean_child(rec, name, name_hits, phrase_hits) and _has_pronoun(rec, pron):
            yield from self._pronouns(rec, pron, name_hits, phrase_hits)

    def _child_phrases(self, rec):
        """"the child", "the young person", YP, a name placeholder; "your child" except in the doc types
        where the young person may be a parent themselves (pathway plans: "you and your son")."""
        phrases = person_phrases(rec.config)
        yield from phrases.child_phrases.finditer(rec.text)
        # a placeholder filing the record ("CARE PLAN FOR (Child's name)") is not written about the child
        yield from (m for m in NAME_PLACEHOLDER.finditer(rec.text) if not self._addressing_or_filing(rec, *m.span()))
        if rec.doc_type.name not in self.opts.get("own_children_doc_types", ()):
            yield from phrases.parents_child.finditer(rec.text)
            yield from phrases.bare_baby.finditer(rec.text)  # a young parent's own baby in a pathway plan is not

    def regions(self, rec):
        """Pronoun resolution parses the paragraphs that hold a pronoun that may mean the child;
        none when no pronoun can (text only: no mention of the child for one to refer back to)."""
        name, name_hits, phrase_hits = self._child_mentions(rec)
        pron = _child_pronouns(rec)
        if not _may_mean_child(rec, name, name_hits, phrase_hits) or not _has_pronoun(rec, pron):
            return []
        return [(s, e, "deps") for s, e in self._pronoun_regions(rec, pron)]

    def _child_mentions(self, rec):
        """(the child's name, its third-person mentions, "the child"/YP mentions), found once."""
        if "RL103 mentions" not in rec.cache:
            name = rec.child.first_name or infer_child_name(rec.text, rec.config)
            rec.cache["child name"] = name
            name_hits = self._name_mentions(rec, name) if name else []
            phrase_hits = sorted((m.start(), m.end()) for m in self._child_phrases(rec)
                                 if not rec.in_speech(m.start()) and not self._in_generic_sentence(rec, m))
            rec.cache["RL103 mentions"] = (name, name_hits, phrase_hits)
        return rec.cache["RL103 mentions"]

    @staticmethod
    def _in_generic_sentence(rec, m) -> bool:
        """"their children" or "the children" in a sentence about families in general ("In some cases parents
        ... their children"): a marker of cases in general, or parents or families in general, before it.
        "the child" and "the young person" stay the child's even there (labellers mark them)."""
        if not m.group().lower().endswith("children"):
            return False
        s, _ = rec.sentence_of(m.start())
        return bool(person_phrases(rec.config).generic.search(rec.text, s, m.start()))

    # names ------------------------------------------------------------------------------------
    def _name_mentions(self, rec, name):
        out = []
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", rec.text):
            s, e = m.start(), m.end()
            if rec.in_speech(s) or self._addressing_or_filing(rec, s, e):
                continue
            out.append((s, e))
        return out

    def _addressing_or_filing(self, rec, s, e) -> bool:
        text = rec.text
        ls, le = rec.line_of(s)
        line = text[ls:le]
        before = text[ls:s]
        after = text[e:le]
        prev_word = re.findall(r"[\w']+", before[-40:])[-1:] if before.strip() else []  # the word before
        ph = person_phrases(rec.config)
        if prev_word and prev_word[0].lower() in ph.greetings:
            return True  # "Dear Kiera", "Hi Kiera"
        sent_start = not before.strip() or re.search(r"[.!?:]\s*$", before[-40:])
        if after.startswith(",") and sent_start:
            return True  # "Kiera, this is your plan."
        if before.rstrip().endswith(",") and re.match(r"\s*[!.?]?\s*$", after):
            return True  # "Well done, Kiera!"
        field = FORM_FIELD.match(line)
        if field and s >= ls + field.end():
            value = line[field.end():]
            if len(value.split()) <= 5 and not value.rstrip().endswith("."):
                return True  # "Name: Kiera Smith", "Child: Kiera (9)"
        if _is_heading_line(line, max_words=10) and not line.rstrip().endswith(":"):
            words = {w.lower().strip("'’s:") for w in line.split()}
            if words & ph.title_words:
                return True  # "Kiera's Pathway Plan", "CLA Review - Kiera Smith - 18/02/2026"
            if re.match(r"[ \t]+[A-Z][\w'’-]+", after) and not re.search(r"\b[a-z]+s\b", after):
                return True  # "Kiera Smith - 05/05/2026": a full name filing the record
        return False

    # pronouns ---------------------------------------------------------------------------------
    def _pronouns(self, rec, pron, name_hits, phrase_hits):
        """Resolve each pronoun that could mean the child, paragraph by paragraph: only the
        lines holding such a pronoun, with the two lines before them, are parsed."""
        child_starts = {s for s, _ in name_hits} | {s for s, _ in phrase_hits}
        for start, end in self._pronoun_regions(rec, pron):
            region = rec.parse_region(start, end, "deps")  # dependencies and POS; no lemmas
            if region is not None:  # None: no model
                yield from self._resolve_region(rec, pron, child_starts, region)

    @staticmethod
    def _pronoun_regions(rec, pron) -> list[tuple[int, int]]:
        key = ("RL103 pronoun regions", frozenset(pron))   # regions() and check() both ask
        if key not in rec.cache:
            rec.cache[key] = ThirdPerson._find_pronoun_regions(rec, pron)
        return rec.cache[key]

    @staticmethod
    def _find_pronoun_regions(rec, pron) -> list[tuple[int, int]]:
        lines = [(s, e) for s, e in rec.lines if rec.text[s:e].strip()]
        regions: list[tuple[int, int]] = []
        # a pronoun as a whole run of letters (lines are bounded by line breaks: no letter outside)
        pron_re = re.compile(r"(?<![A-Za-z])(?:" + "|".join(sorted(pron)) + r")(?![A-Za-z])", re.IGNORECASE | re.ASCII)
        for i, (s, e) in enumerate(lines):
            if pron_re.search(rec.text, s, e) is None:
                continue
            first = lines[max(0, i - 2)][0]
            if regions and first <= regions[-1][1]:
                regions[-1] = (regions[-1][0], e)
            else:
                regions.append((first, e))
        return regions

    def _resolve_region(self, rec, pron, child_starts, region):
        span = region.span
        mentions: list[_Mention] = []
        window = int(self.opts.get("window_sentences", 2))
        people = people_words(rec.config)
        speech, offset, first = bool(rec.speech), region.offset, span.start
        sent = 0   # the sentence of the region a token is in (as span.sents counts them)
        for tok in span:
            if tok.is_sent_start and tok.i != first:
                sent += 1
            idx = tok.idx + offset   # region.start_of(tok)
            if speech and rec.in_speech(idx):
                continue
            low = tok.lower_
            dep = tok.dep_
            subject = dep in SUBJECT_DEPS or (dep == "conj" and tok.head.dep_ in SUBJECT_DEPS)
            if low in pron:
                bound = _own_clause_subjects(tok, offset)
                target = self._resolve([m for m in mentions if m.start not in bound], tok, low, sent, subject, window)
                # with the child's pronouns given but no name, a pronoun no one else can own is the child's
                is_child = target.child if target is not None else self._unnamed_child(rec, low)
                if is_child:
                    yield rec.finding(self, idx, idx + len(tok.text),
                                      f"'{tok.text}' refers to the child in a record written to the child: "
                                      "write to them ('you')", _you_form(low))
                mentions.append(_Mention(idx, idx + len(tok.text), _gender(low), low in
                                         ("they", "them", "their", "theirs", "themselves"), is_child,
                                         subject, sent))
                continue
            m = self._mention(rec, people, tok, idx, child_starts, sent, subject)
            if m is not None:
                mentions.append(m)

    @staticmethod
    def _unnamed_child(rec, low: str) -> bool:
        return bool(rec.child.pronoun_words) and low in rec.child.pronoun_words and not rec.cache.get("child name")

    def _mention(self, rec, people, tok, start, child_starts, sent, subject):
        """A person the pronoun may refer back to: the child, someone named, a person word."""
        if _means_child(tok, start, child_starts):
            # the child's name is "they" only when their pronouns are they/them or unknown
            own = rec.child.pronoun_words
            they = tok.text != rec.cache.get("child name") or not own or "they" in own
            return _Mention(start, start + len(tok.text), None, False, True, subject, sent, they)
        if tok.lower_ == "children" and tok.i > 0 and tok.nbor(-1).lower_ == "the" and start - 4 in child_starts:
            return _Mention(start, start + len(tok.text), None, True, True, subject, sent)  # the child and siblings
        if tok.text == rec.cache.get("child name"):
            return None  # a greeting or vocative: addressing the child, not an antecedent
        return _person_word(people, tok, start, sent, subject) or \
            _named_person(people.places, tok, start, sent, subject)

    @staticmethod
    def _compatible(m: _Mention, low: str) -> bool:
        if low in PRONOUN_SETS["they"]:
            return m.plural or (m.child and m.they)
        if m.plural:
            return False
        want = _gender(low)
        return m.gender is None or m.gender == want or m.child

    def _resolve(self, mentions, tok, low, sent, subject, window):
        """The mention a pronoun most likely refers to: subjects first, nearest first."""
        same = [m for m in mentions if m.sent == sent and self._compatible(m, low)]
        subj = [m for m in same if m.subject]
        if subj:
            return subj[-1]
        if same:
            return same[-1]
        for back in range(1, window + 1):
            prev = [m for m in mentions if m.sent == sent - back and self._compatible(m, low)]
            if prev:
                subj = [m for m in prev if m.subject]
                return subj[0] if subj else prev[0]
        return None


def infer_child_name(text: str, config=None) -> str | None:
    """The child's first name from the record itself: "Dear Kiera", "Kiera, this is your plan",
    "Name: Kiera Smith". None when the record does not say."""
    phrases = person_phrases(config)
    for m in phrases.addressed.finditer(text):
        name = m.group("greet") or m.group("voc") or m.group("field")
        if name.lower() not in STOP_WORDS and name.lower() not in phrases.greetings:
            return name  # not "Together, we will ...", "Hi, I'm Ryan": no name there
    return None


def _gender(low: str) -> str | None:
    if low in ("she", "her", "hers", "herself"):
        return "f"
    if low in ("he", "him", "his", "himself"):
        return "m"
    return None


def _you_form(low: str) -> str:
    return {"his": "your", "her": "your", "their": "your", "hers": "yours", "theirs": "yours",
            "himself": "yourself", "herself": "yourself", "themselves": "yourself"}.get(low, "you")


def _label(text: str) -> str:
    return text if text in ("YP", "CYP") else text.lower()


RULES = [FirstPerson, SecondPerson, ThirdPerson]
