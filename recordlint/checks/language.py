"""Language rules that need Python (jargon and blaming words are YAML: rules/language.yaml).

  RL202 unexplained-acronym   an acronym not spelled out on first use in the record

An acronym is a word of two or more capital letters ("IRO", "EHCP", "YP"), a mixed form with at most
one small letter ("SENCo", "ePEP", "DfE") or with small linking words between capitals ("SofS"), or a
section of the Children Act that the lexicon lists ("S47", "s20", "s.47"; another section, "S.13", is a
reference). The letters of a reference number ("ABC/2505/789", "CS-A114")
name a records system: not an acronym there, nor, unless the lexicon knows them, elsewhere in the record.
It is explained for the rest of the record by "Independent Reviewing Officer (IRO)" or
"IRO (Independent Reviewing Officer)", where the words' first letters spell the acronym (in the bracket
after it, in any order: "YOLO (Youth Organisation of Lapland)"), by a name given to the long form
("Child Protection plans (sometimes called CP plans)", "Personal Adviser, also known as a PA"; a plural
"Independent Reviewing Officers being called IROs" as its singular), or by a
question heading whose answer spells it out ("What is an IRO?" ... "Independent Reviewing Officer").
A label for a person given in place ("her mother (MH)", "Child BS", "His mother SR", "AB (mother)"; in a
record with "Child BS", any unknown initials but those after "the") is a name, and so are the child's name
from the record's `child` field ("BDS"), null tokens ("NULL", "XXX"), redaction placeholders ("[CITY]", unless
the bracket follows the long form it spells) and a template's blanks ("[SW Name]").
Everyday acronyms a child knows (rules/lexicon/everyday-acronyms.yaml: GP, TV, NHS ...) are never
flagged, nor one of five or more letters with a letter dropped ("COVD"), nor a method's name before
its noun ("SMART targets": method_names there), nor an ordinary word of four or five letters in capitals for
emphasis ("If it's SAFE": a word of WordNet's index), nor a surname in capitals after a first name ("Kayla SMITH") or
a word among other words in capitals ("CARE PLAN") - unless it has no vowel to say it by and is read letter by
letter ("Jo Bell NCC", "CAST YCS PROJECT"); care acronyms
(rules/lexicon/acronyms.yaml) give the child-friendly suggestion. A long form may end in a generic noun
before its bracket ("multi-agency risk assessment conference process (MARAC)").
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import ConfigError
from ..findings import Severity
from ..lexicon import GENERIC_NOUNS, LONG_WORDS as _LONG_WORDS, Term, care_acronyms, spells, units as _units
from ..phrases import alternation, compiled_phrases
from ..resources import load_yaml, rules_dir
from ..rule import Example, Rule
from .person import PERSON_FILE, in_name, in_placeholder, people_words

# A word with letters, digits and inner "&" or "." ("A&E", "s.47", "L.A.C"); never after a letter or dot.
_WORD = re.compile(r"(?<![\w&.])[A-Za-z](?:[A-Za-z0-9]|[&.](?=[A-Za-z0-9]))*")
_SECTION = re.compile(r"[Ss](?:ec)?(\d{1,3})")
# Where a _WORD that holds a capital, or a section number ("s47"), may start
_MAY_BE_ACRONYM = re.compile(r"(?<![\w&.])(?=[A-Za-z])(?=[a-z0-9&.]*[A-Z]|[Ss][.ec]*\d)")
_ROMAN = re.compile(r"[IVX]+")
# Capitals joined by a small linking word: "SofS" (Signs of Safety), "DofE"
_LINKED_CAPITALS = re.compile(r"[A-Z]+(?:(?:of|and|for|in|on|to|at|the)[A-Z]+)+")
# "(IRO)" right after the long form; "(Independent Reviewing Officer)" right after the acronym.
# "(also known as a PA)", "(sometimes called CP plans)", "(we call it your PEP)" after the long form count as "(PA)".
_NAMED = (r"(?:(?:which|that|who)\s+(?:is|are)\s+)?(?:(?:also|sometimes|often|usually|commonly|normally)\s+)?"
          r"(?:known\s+as|(?:being\s+)?called|referred\s+to\s+as|shortened\s+to)|we\s+call\s+(?:it|this|them)")
_ARTICLE = r"(?:an?\s+|the\s+|your\s+|my\s+)?"
# "(the CEO)": an article alone before the acronym in the bracket names it too ("Chief Executive Officer (the CEO)")
_OPEN_BEFORE = re.compile(rf"\(\s*(?:(?:{_NAMED})\s+)?{_ARTICLE}$", re.IGNORECASE)
_CLOSE_AFTER = re.compile(r"^\s*\)")
# "(LAC review)": a word or two after the acronym, then the bracket closes
_WORDS_THEN_CLOSE = re.compile(r"[ \t]+([a-z]+(?:[ \t]+[a-z]+)?)[ \t]*\)")
# "Personal Adviser, also known as a PA," without brackets
_KNOWN_AS_BEFORE = re.compile(rf",?\s*(?:{_NAMED}|or)\s+{_ARTICLE}$", re.IGNORECASE)
# A reference number: letters then "/" or "-" and digits, maybe after one capital ("ABC/2505/789", "REF-0042",
# a review's code for a child "CS-A114")
_REFERENCE = re.compile(r"(?<![\w&.])([A-Z]{2,6})[/-][A-Z]?\d")
# A redaction placeholder: "[CITY]", "(DATE)", "<NAME>" - the whole bracket is one word in capitals.
_PLACEHOLDER = re.compile(r"[\[(<{]\s*[A-Z][A-Z0-9 _/.-]*\s*[\])>}]")
# A run of words in capitals ("CARE PLAN - Kayla"): a heading, not acronyms, unless an acronym is known.
_CAPS_NEIGHBOUR_BEFORE = re.compile(r"(?<![\w&.])[A-Z]{2,}[ \t]+$")
_CAPS_NEIGHBOUR_AFTER = re.compile(r"^[ \t]+[A-Z]{2,}(?![\w&.])")
_PAREN_AFTER = re.compile(r"^\s*\(([^()\n]{3,160})\)")
_SAYS_AFTER = re.compile(r"^[\s,]*(?:(?:which|that)\s+)?(?:stands\s+for|is\s+short\s+for)\b", re.IGNORECASE)
# An acronym alone in brackets right after a phrase ("children's social care (CSC)", "her father (FH)")
_BRACKETED = re.compile(r"\(\s*$")
# A label for an anonymised person after a people word (people.yaml) in capitals: "Child BS", "Adult B"
_LABEL_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")
_LABEL_WORDS = {"adult", "subject"}

# ... or after a possessive and a relation word: "His mother SR had ...", "her partner DB"
_RELATION_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he)[ \t]+([a-z]+)[ \t]+$")
# Null and redaction tokens of an export or a template: "NULL", "XXX" stand where a name was.
# "the CR": a person's initials take no article, so initials after "the" abbreviate a thing
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_NULL_TOKENS = {"NULL", "NIL", "NONE", "XX", "XXX", "XXXX", "YY", "YYY", "ZZ", "ZZZ"}   # "XX and YY": names blanked
# A word joined by "and" / "&" to the initials (2-3 capitals) at hand: "CS and MC", "CS & MC" (patterns, compiled by
# re's cache on first use)
_JOINED_BEFORE = r"(?<![\w&.])([A-Z][\w’'-]*)[ \t]+(?:and|&)[ \t]+$"
_JOINED_AFTER = r"[ \t]+(?:and|&)[ \t]+([A-Z][\w’'-]*)(?![\w&])"
# An acronym that begins the proper name of a place or body: "the SMART Center", "HM Treasury" (the capitalised words
# after it hold a place word of people.yaml)
_CAPITALISED_AFTER = r"(?:[ \t]+[A-Z][\w’'-]*){1,4}"
_QUESTION_BEFORE = re.compile(r"\b(?:what|who)\s+(?:is|are|does)\s+(?:an?\s+|the\s+|my\s+|your\s+)?$", re.IGNORECASE)
_IS_LONG_FORM = re.compile(r"\s+(?:is|are|means)\s+(?:an?\s+|the\s+)?((?:[A-Za-z][\w'’]*\s*){1,8})")
# A bracket after an acronym says what it is with a relative word or a kind of thing ("the team who ...")
_SAYS_WHAT_IT_IS = {"who", "that", "which", "where", "when", "whose", "means", "someone", "somebody", "plan",
                    "meeting", "group", "order", "law", "organisation", "team", "service"}
_PREV_WORD = re.compile(r"\b([A-Z][a-z]+) $")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
_EXPLAIN_START = {"the", "a", "an", "someone", "somebody", "people", "which", "this", "that", "who", "when",
                  "where", "what", "your", "our", "my", "it"}


def _sayable(word: str) -> bool:
    """The word has a vowel to say it by (a, e, i, o, u, or a "y" after its first letter: "LYNCH"). A word in
    capitals without one ("NCC", "YCS") cannot be a surname or a heading's word: it is read letter by letter."""
    low = word.lower()
    return any(c in "aeiou" for c in low) or "y" in low[1:]


def _dictionary_words(nlp, parts=("noun", "verb", "adj", "adv")) -> frozenset[str]:
    """The words of WordNet's index in these parts of speech (all four unless given), as the English model's
    lemmatizer ships them (its ``lemma_index`` table): ordinary words, not names or brands. Empty without that
    table."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (AttributeError, KeyError, ValueError):
        return frozenset()
    return frozenset(w for pos in parts for w in index.get(pos, ()))


def _long_form_before(text: str, start: int) -> list[str]:
    """The last words before "(" that might be a long form ("... Officer (IRO)")."""
    line_start = max(text.rfind("\n", 0, start), text.rfind(".", 0, start - 1), text.rfind(":", 0, start)) + 1
    before = re.sub(r"[’']s\b", " ", text[max(line_start, start - 160):start])  # "Officer's (IRO)", "children's social"
    return _LONG_WORDS.findall(before)[-14:]


def _spelled_before(acronym: str, words: list[str], after: int = 0) -> bool:
    """The last of ``words`` spell ``acronym``, maybe with a generic noun after them ("... conference
    process (MARAC)"), or with the ``after`` words that follow the acronym inside its bracket ("Looked
    After Children's Review meeting (LAC review)": up to ``after`` + 1 words)."""
    skips = {0, 1} if words and words[-1].lower() in GENERIC_NOUNS else {0}
    skips |= set(range(1, after + 2)) if after else set()
    for skip in sorted(skips):
        kept = words[:len(words) - skip]
        if any(spells(acronym, kept[-k:]) for k in range(1, len(kept) + 1)):
            return True
    return False


def _capitals_begin(acronym: str, words: list[str]) -> bool:
    """Two or more capitalised words right before the bracket begin the acronym and leave at most one letter
    unspelled ("Corporate Parenting (CPP)": the writer names the panel there, its last word unsaid)."""
    letters = [u[0].lower() for u in _units(acronym)]
    for k in range(2, len(letters) + 1):
        run = words[-k:]
        if len(run) < k or not all(w[0].isupper() for w in run) or len(letters) - k > 1:
            continue
        if [w[0].lower() for w in run] == letters[:k]:
            return True
    return False


def _anonymised(config) -> re.Pattern:
    """A person named by initials ("Child BS", "Adult AB"): a redaction label (person.yaml) and two or
    three capitals - a record that does so uses other initials for people too."""
    return compiled_phrases(PERSON_FILE, config, _initials_after_label)


def _initials_after_label(data: dict) -> re.Pattern:
    labels = [str(w).title() for w in data.get("redaction_labels", [])]
    return re.compile(rf"\b(?:{alternation(labels)})[ \t]+[A-Z]{{2,3}}\b")


def _spelled_after(acronym: str, after: str) -> bool:
    """Some run of words in ``after`` spells ``acronym`` (a question heading's answer spells it out)."""
    words = _LONG_WORDS.findall(after)
    size = len(_units(acronym))
    return any(spells(acronym, words[i:i + k]) for i in range(len(words))
               for k in range(size, size + 3) if words[i][0].lower() == acronym[0].lower())


_ACROSTIC_LINE = re.compile(r"[ \t]*(?:[-•*][ \t]*)?([A-Z])[ \t]*(?:[=:)–—-][ \t]*)?([A-Za-z][\w-]*)")


def _acrostic_after(acronym: str, text: str, end: int) -> bool:
    """The lines after the acronym's line spell it out letter by letter, each letter then its word ("SMART" then
    "S Specific", "M = Measurable", ...): the acronym is explained there."""
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) < 2 or not acronym.isupper():
        return False
    line_end = text.find("\n", end)
    lines = [ln for ln in text[line_end + 1:line_end + 1 + 60 * len(letters)].split("\n") if ln.strip()] \
        if line_end >= 0 else []
    if len(lines) < len(letters):
        return False
    for letter, line in zip(letters, lines[:len(letters)], strict=True):
        m = _ACROSTIC_LINE.match(line)
        if m is None or m.group(1) != letter or m.group(2)[0].upper() != letter:
            return False
    return True


def _person_label(rec, start: int) -> bool:
    """A short acronym at ``start`` labels a person: "Child BS", "Adult B", "His mother SR"."""
    text, people = rec.text, people_words(rec.config)
    label = _LABEL_BEFORE.search(text, max(0, start - 14), start)
    if label:
        before = label.group(1).lower()
        if before in _LABEL_WORDS or (before in people.singular and before not in people.family_titles):
            return True  # not "Mum CAMHS" (people.yaml: family_titles)
    relation = _RELATION_BEFORE.search(text, max(0, start - 20), start)
    return bool(relation) and relation.group(1) in people.singular


class UnexplainedAcronym(Rule):
    code = "RL202"
    name = "unexplained-acronym"
    category = "language.jargon"
    severity = Severity.warning
    summary = "An acronym that is not spelled out on first use in the record."
    why = ("Children and families read their records, now or as adults; an acronym they do not know "
           "(IRO, PEP, S47, YP) shuts them out. Recording guidance: no unexplained jargon or acronyms. "
           "Spell it out the first time (\"Independent Reviewing Officer (IRO)\"), or use a plain word.")
    source = ("Recording guidance (GUIDELINES.md); acronym glossaries: Sutton CP conferences, ourpatch, "
              "Devon Stand Up Speak Up (rules/lexicon/acronyms.yaml gives a source per acronym)")
    options = {"max_unknown_letters": 5}
    examples = [
        Example("Kayla's PEP meeting is on Friday.", True, "case_note"),
        Example("The social worker will speak to the SENCo.", True, "case_note"),
        Example("S47 enquiries started on 03/10/2025.", True, "chronology"),
        Example("I am Gail, your Independent Reviewing Officer (IRO). As your IRO, I chair your review.",
                False, "review_record"),
        Example("Your PEP (Personal Education Plan) meeting is on Friday.", False, "care_plan"),
        Example("Kayla saw her GP and watched TV with her carer.", False, "case_note"),
    ]

    def setup(self, nlp, config) -> None:
        self.known: dict[str, Term] = {}
        for t in care_acronyms(config):
            for form in t.forms:
                self.known.setdefault(self._key(form), t)
        path = rules_dir() / "lexicon" / "everyday-acronyms.yaml"
        try:
            data = load_yaml(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read the everyday acronyms: {exc}") from None
        self.everyday = self._load_everyday(path, data, (config.lexicon or {}).get("everyday-acronyms"))
        self.method_names = self._load_method_names(data)
        self._nlp, self._words = nlp, None  # WordNet's words, read on the first shouted-looking word
        self._adjs = None  # WordNet's adjectives, read on the first word in capitals after a capitalised word

    @staticmethod
    def _load_everyday(path: Path, data, changes: dict | None) -> set[str]:
        words = data.get("acronyms") if isinstance(data, dict) else data
        if not isinstance(words, list):
            raise ConfigError(f"{path}: 'acronyms' is a list of acronyms")
        changes = changes or {}
        for entry in changes.get("add", []) or []:
            words.append(entry.get("term") if isinstance(entry, dict) else entry)
        remove = {str(r).upper() for r in changes.get("remove", []) or []}
        return {str(w).replace(".", "").upper() for w in words if w and str(w).upper() not in remove}

    @staticmethod
    def _load_method_names(data) -> dict[str, set[str]]:
        """{acronym: the nouns after which it names a method}: "SMART targets"."""
        methods = data.get("method_names") if isinstance(data, dict) else None
        if not isinstance(methods, dict):
            return {}
        return {str(k).upper(): {str(w).lower() for w in v or []} for k, v in methods.items()}

    def _names_method(self, text: str, key: str, end: int) -> bool:
        nouns = self.method_names.get(key)
        m = _NEXT_WORD.match(text, end) if nouns else None
        return bool(m) and m.group(1).lower() in nouns

    @staticmethod
    def _key(word: str) -> str:
        word = word.replace(".", "")
        m = _SECTION.fullmatch(word)
        return f"S{m.group(1)}" if m else word.upper()

    # --- what counts as an acronym ------------------------------------------------------------
    def _candidate(self, rec, word: str, start: int) -> tuple[str, Term | None] | None:
        """(key, lexicon term or None) when ``word`` is an acronym to check, else None."""
        bare = word.replace(".", "")
        if _SECTION.fullmatch(bare):  # a section the lexicon lists ("S47"); "S.13" of an act is a reference
            key = self._key(bare)
            return (key, self.known[key]) if key in self.known else None
        forms = [bare]
        if bare.endswith("s") and sum(map(str.isupper, bare[:-1])) >= 2:
            forms = [bare[:-1], bare]  # a plural: "PEPs", "GCSEs"
        if bare.upper() in self.everyday or (len(forms) == 2 and forms[0].upper() in self.everyday):
            return None
        for form in forms:
            key = form.upper()
            uppers = sum(map(str.isupper, form))
            lowers = sum(map(str.islower, form))
            if uppers < 2 or (lowers > 1 and not _LINKED_CAPITALS.fullmatch(form)):
                continue
            if key in self.known:
                return key, self.known[key]
            if any(c.isdigit() for c in form) or "&" in form or key in _NULL_TOKENS:
                return None
            if form.lower() in STOP_WORDS or _ROMAN.fullmatch(form):
                return None
            if len(form) > self.opts.get("max_unknown_letters", 5):
                return None  # a shouted or heading word ("ACTIONS"), not an acronym
            if self._in_heading(rec, form, start) or self._shouted_word(form) or self._misspelt(key):
                return None
            titles = people_words(rec.config).family_titles
            if _sayable(form) and (self._surname(rec.text, form, start, titles, self._adjective_words)
                                   or self._caps_run(rec.text, start, len(word))):
                return None  # "Kayla SMITH", "CARE PLAN"; not "Jo Bell NCC", "CAST YCS PROJECT"
            return key, None
        return None

    def _misspelt(self, key: str) -> bool:
        """An everyday acronym of five or more letters with one letter dropped ("COVD" for COVID): a slip of
        the keyboard, not a new acronym. Shorter ones drop a letter into another acronym (ASB, not ASBO)."""
        return len(key) >= 4 and any(len(known) == len(key) + 1 and known.isalpha()
                                     and any(known[:i] + known[i + 1:] == key for i in range(len(known)))
                                     for known in self.everyday)

    def _shouted_word(self, form: str) -> bool:
        """An ordinary English word of four or five letters written in capitals for emphasis ("If it's SAFE,
        ..."): a word of WordNet's index (``_dictionary_words``), not a care acronym (acronyms.yaml: SEND, NEET) or
        a method's name (SMART)."""
        if not form.isupper() or len(form) < 4 or form in self.method_names:
            return False
        if self._words is None:
            self._words = _dictionary_words(self._nlp)
        return form.lower() in self._words

    @staticmethod
    def _in_heading(rec, word: str, start: int) -> bool:
        ls, le = rec.line_of(start)
        line = rec.text[ls:le]
        if not any(c.islower() for c in line) and (len(re.findall(r"[A-Za-z]{2,}", line)) >= 2
                                                    or not any(c.isdigit() for c in line)):
            return True  # a line in capitals: "SUPERVISION RECORD", "NOTES" (not "GCP- 2", a score)
        before = rec.text[ls:start].strip(" \t-*•")
        after = rec.text[start + len(word):start + len(word) + 1]
        if not before and after == ":" and len(word) >= 4:
            return True  # a form label: "CHILD:", "DATE:"
        label = line.split(":", 1)[0]
        # a label of several words in capitals: "YOUNG PERSON: ...", "DATE OF BIRTH: ..."
        return ":" in line and start < ls + len(label) and len(label.split()) >= 2 and label.strip().isupper()

    @staticmethod
    def _placeholder(text: str, start: int, end: int) -> bool:
        """A redaction placeholder ("[CITY]", "(DATE)"): the word is all there is inside brackets."""
        m = _PLACEHOLDER.match(text, max(0, start - 2))
        if m is None and start > 0:
            m = _PLACEHOLDER.match(text, start - 1)
        return m is not None and m.start() < start and m.end() >= end

    @staticmethod
    def _caps_run(text: str, start: int, length: int) -> bool:
        """Two or more words in capitals side by side ("CARE PLAN"): a heading or shouted words."""
        return bool(_CAPS_NEIGHBOUR_BEFORE.search(text[max(0, start - 20):start])
                    or _CAPS_NEIGHBOUR_AFTER.match(text[start + length:start + length + 20]))

    def _adjective_words(self) -> frozenset[str]:
        if self._adjs is None:
            self._adjs = _dictionary_words(self._nlp, ("adj",))
        return self._adjs

    @staticmethod
    def _surname(text: str, word: str, start: int, family_titles: frozenset, adjectives) -> bool:
        """A surname in capitals after a first name: "Kayla SMITH", "Mrs KHAN"; not after an adjective that is
        no name ("Current IEP", "Statutory OOHC": ``adjectives()`` gives WordNet's adjectives)."""
        if len(word) < 3 or not word.isalpha():
            return False
        m = _PREV_WORD.search(text, max(0, start - 30), start)
        if not m:
            return False
        prev = m.group(1)
        if prev.lower() in STOP_WORDS or prev.lower() in family_titles:  # people.yaml
            return False
        if prev.lower() in adjectives():
            return False
        before = text[max(0, m.start(1) - 2):m.start(1)].strip()
        return before not in ("", ".", "!", "?")  # the first name does not start a sentence

    # --- explained? ------------------------------------------------------------------------------
    @classmethod
    def _explained_here(cls, text: str, word: str, start: int, end: int) -> bool:
        """The acronym, or a plural's singular ("IROs" after "Independent Reviewing Officers"), is explained here."""
        plural = word.endswith("s") and sum(map(str.isupper, word[:-1])) >= 2
        return cls._explains(text, word, start, end) or (plural and cls._explains(text, word[:-1], start, end))

    @staticmethod
    def _explains(text: str, word: str, start: int, end: int) -> bool:
        if _OPEN_BEFORE.search(text[max(0, start - 40):start]):
            closing = _CLOSE_AFTER.match(text[end:end + 3]) or _WORDS_THEN_CLOSE.match(text, end, end + 40)
            after = len(closing.group(1).split()) if closing and closing.groups() else 0
            if closing and _spelled_before(word, _long_form_before(text, text.rfind("(", 0, start)), after):
                return True
        known_as = _KNOWN_AS_BEFORE.search(text[max(0, start - 45):start])
        if known_as:
            words = _long_form_before(text, max(0, start - 45) + known_as.start())
            if any(spells(word, words[-k:]) for k in range(1, len(words) + 1)):
                return True
        m = _PAREN_AFTER.match(text[end:end + 170])
        if m:
            inner = re.split(r"[;:]|\s[-–—]\s", m.group(1))[0]
            words = _LONG_WORDS.findall(inner)
            if any(spells(word, words[:k]) for k in range(1, len(words) + 1)):
                return True
            low = {w.lower() for w in words}
            if len(words) >= 3 and words[0].lower() in _EXPLAIN_START and low & _SAYS_WHAT_IT_IS:
                return True  # "YOT (the team who ...)", not "YP (the reason he was referred)"
        if _QUESTION_BEFORE.search(text[max(0, start - 20):start]) and _spelled_after(word, text[end:end + 400]):
            return True  # "What is an IRO?" and the answer spells it out ("Independent Reviewing Officer")
        m = _IS_LONG_FORM.match(text[end:end + 120])
        if m and any(spells(word, _LONG_WORDS.findall(m.group(1))[:k]) for k in range(1, 8)):
            return True  # "An IRO is an Independent Reviewing Officer"
        return bool(_SAYS_AFTER.match(text[end:end + 40])) or _acrostic_after(word, text, end)

    @staticmethod
    def _defined_in_place(rec, word: str, start: int, end: int) -> bool:
        """The writer gives the acronym its meaning right there, even if its letters do not spell the
        long form exactly: "her mother, (MH)", "her father (FH)" and "Child BS" (labels for people; not
        "Priya Sharma (SW)", a role), "YOLO (Youth Organisation of Lapland)" (letters out of order),
        "Corporate Parenting (CPP)" (capitalised words that begin it, one letter unsaid)."""
        text = rec.text
        if len(word) <= 3 and word.isupper() and _person_label(rec, start):
            return True
        if _BRACKETED.search(text, max(0, start - 3), start) and _CLOSE_AFTER.match(text[end:end + 3]):
            before = _long_form_before(text, text.rfind("(", 0, start))
            return bool(before) and (before[-1].lower() in people_words(rec.config).singular
                                     or _capitals_begin(word, before))
        m = _PAREN_AFTER.match(text[end:end + 170]) if text.startswith("(", end + 1) or \
            text.startswith("(", end) else None
        if m:
            inside = _LONG_WORDS.findall(m.group(1))
            if len(word) <= 3 and len(inside) <= 4 and any(w.lower() in people_words(rec.config).singular
                                                           for w in inside):
                return True  # "AB (mother)", "CD (maternal grandmother)"
            letters = [u[0].lower() for u in _units(word) if not u.isdigit()]
            initials = [w[0].lower() for w in _LONG_WORDS.findall(m.group(1))[:8]]
            return bool(initials and letters) and initials[0] == letters[0] and \
                all(initials.count(c) >= letters.count(c) for c in set(letters))
        return False

    @staticmethod
    def _initials_of_people(rec, word: str, start: int, end: int) -> bool:
        """Two or three capitals that stand for a person: the initials of the child's name ("FB" in a record
        about "Fozzie B"), or initials joined by "and" / "&" to the child's name or initials ("CS and MC", "CS &
        MC" in a record about CS: two young people named alike)."""
        if not (2 <= len(word) <= 3 and word.isupper()):
            return False
        names = rec.child.name.split() if rec.child.name else []
        initials = "".join(w[0] for w in names).upper() if len(names) >= 2 else None
        if word == initials:
            return True
        text = rec.text
        before = re.search(_JOINED_BEFORE, text[max(0, start - 30):start])
        after = re.match(_JOINED_AFTER, text[end:end + 30])
        joined = [(max(0, start - 30) + before.start(1), before.group(1))] if before else []
        joined += [(end + after.start(1), after.group(1))] if after else []
        return any(in_name(rec, at) or other == initials for at, other in joined)

    @staticmethod
    def _begins_a_place_name(rec, end: int) -> bool:
        """Capitalised words after the acronym name a place or body: one of them is a place word (people.yaml:
        "Center", "School", "Treasury")."""
        m = re.match(_CAPITALISED_AFTER, rec.text[end:end + 80])
        return bool(m) and any(w.strip("’'").lower() in people_words(rec.config).places for w in m.group().split())

    def _a_name_here(self, rec, word, key, term, start, end, initials_for_people, references) -> bool:
        """The word names something rather than abbreviating care words: a placeholder, initials in a
        record that names people by initials, a records system, the start of a place's or body's name, the child's
        name, a template's blank."""
        text = rec.text
        if term is None and (self._placeholder(text, start, end) or key in references
                             or (initials_for_people and len(word) <= 3 and word.isupper()
                                 and not _THE_BEFORE.search(text, max(0, start - 5), start))):
            return True
        if _REFERENCE.match(text, start):
            return True  # "LAC/2024/113": a reference number, whatever its letters
        if term is None and self._begins_a_place_name(rec, end):
            return True  # "HM Treasury", "the SMART Center": a name the reader needs to find the place
        # the child's name from the `child` field ("BDS"); a template's blank ("[SW Name]")
        return rec.in_speech(start) or in_name(rec, start) or in_placeholder(text, start)

    def check(self, rec):
        text = rec.text
        explained: set[str] = set()
        # a record that names people by initials ("Child BS") uses other initials for people too ("MS and FP")
        initials_for_people = bool(_anonymised(rec.config).search(text))
        # the letters of a reference number ("ABC/2505/789") name a records system, there and elsewhere
        references = {m.group(1) for m in _REFERENCE.finditer(text)}
        for c in _MAY_BE_ACRONYM.finditer(text):  # most words have no capital: skip them in C
            m = _WORD.match(text, c.start())
            word, start, end = m.group(), m.start(), m.end()
            if word.islower() and not _SECTION.fullmatch(word.replace(".", "")):
                continue
            found = self._candidate(rec, word, start)
            if found is None:
                continue
            key, term = found
            if key in explained or self._names_method(text, key, end):
                continue
            if self._explained_here(text, word, start, end) or self._defined_in_place(rec, word, start, end):
                explained.add(key)
                continue
            if term is None and self._initials_of_people(rec, word, start, end):
                explained.add(key)   # a person's initials: not an acronym here or later in the record
                continue
            if self._a_name_here(rec, word, key, term, start, end, initials_for_people, references):
                continue
            if term is not None:
                message = f"'{term.term}' is an acronym that is not spelled out on first use in this record"
                if term.alternatives:
                    suggestion = " / ".join(term.alternatives[:3])
                elif term.expansion:
                    suggestion = f"spell it out: {term.expansion}"
                else:
                    suggestion = "spell it out the first time, or use a plain word"
            else:
                message = "An acronym that is not spelled out on first use in this record"
                suggestion = "spell it out the first time, or use a plain word"
            yield rec.finding(self, start, end, message, suggestion)


RULES: list = [UnexplainedAcronym]
