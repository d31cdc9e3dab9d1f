"""Lexicons: care-system words with child-friendly alternatives and a source each.

Entry keys (YAML): term, variants, alternatives, source, note, and optional
context: case_sensitive, not_before / not_after (next / previous words that
mean the plain, non-care sense: "contact me", "I will contact"), not_with (a
word among the next four that gives the plain sense: "not complying with his
licence conditions"), only_with (the care sense needs one of these among the next four words: "placed in an
emergency foster home", not "placed in the hall"), with_plain (heads of a "with" phrase right after it that
give the plain sense: "contact with your friends", unless it also names one of
with_family: "contact with his dad and friends"), manner_plain (the plain sense in a clause of manner:
"how you are being looked after"), perspective (only in records written this
way), singular_only (not in the plural the matcher adds: "local authorities" is a kind of body in general),
not_in_guides (not on a guide to the process: a page written to the child that names no one,
ruletypes._about_no_one), person_subject (not when the verb's subject is a court, service or worker:
"the judge refused the application" is no family's refusal), pos (only when the model tags the word so,
e.g. NOUN), expansion (acronyms).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import yaml
from spacy.tokens import Doc

from .errors import ConfigError
from .resources import load_yaml, rules_dir


@dataclass
class Term:
    term: str
    variants: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    source: str = ""
    note: str = ""
    case_sensitive: bool = False
    not_before: set[str] = field(default_factory=set)
    not_after: set[str] = field(default_factory=set)
    pos: list[str] | None = None
    expansion: str | None = None
    perspective: str | None = None   # only in records written this way (third_person / to_child)
    manner_plain: bool = False   # plain sense in a clause of manner ("how you are being looked after")
    not_with: set[str] = field(default_factory=set)   # words in the next four that give a plain sense
    only_with: set[str] = field(default_factory=set)   # the care sense needs one of these in the next four
    with_plain: set[str] = field(default_factory=set)   # heads of a "with" phrase after it that give a plain sense
    with_family: set[str] = field(default_factory=set)   # ... unless the phrase also names one of these
    not_in_guides: bool = False   # not on a to-child page about no one (a guide names the process's meetings)
    not_in_condition: bool = False   # not inside an "if"/"unless"/"whether" clause: nothing happened
    singular_only: bool = False   # not the plural written_forms adds ("local authorities": a kind of body)
    person_subject: bool = False   # not when its subject is a court, service or worker (blaming.institution_subject)

    @property
    def forms(self) -> list[str]:
        return [self.term] + [v for v in self.variants if v]

    @property
    def suggestion(self) -> str | None:
        return " / ".join(self.alternatives[:3]) if self.alternatives else None


# British and American spellings, and writers' variants, of the same word: a term written one way is matched
# written the other way too ("behaviour support plan" / "behavior support plan", "personal adviser" / "advisor",
# "children's guardian" / "children’s guardian"). Parts of words, each way round; one change at a time.
_SPELLINGS = (("iour", "ior"), ("adviser", "advisor"), ("centre", "center"), ("programme", "program"),
              ("judgement", "judgment"), ("paediatric", "pediatric"), ("isation", "ization"), ("ageing", "aging"),
              ("’", "'"))


def spellings(form: str) -> list[str]:
    """``form`` and its other spellings (_SPELLINGS), ``form`` first."""
    out = [form]
    low = form.lower()
    for a, b in _SPELLINGS:
        for old, new in ((a, b), (b, a)):
            if old not in low:
                continue  # most forms have none of the table's parts: no regex for them
            def swap(m, new=new):
                return new[0].upper() + new[1:] if m.group()[0].isupper() else new
            other = re.sub(re.escape(old), swap, form, flags=re.IGNORECASE)
            if other != form and other not in out:
                out.append(other)
    return out


def _plural(form: str) -> str:
    """A term of several words with its last word made plural ("designated teachers"); a form that is
    not a noun phrase gives a word no text has ("looked afters")."""
    if form.endswith(("s", "x", "sh", "ch")):
        return form if form.endswith("s") else form + "es"
    if form.endswith("y") and len(form) > 1 and form[-2] not in "aeiou":
        return form[:-1] + "ies"
    return form + "s"


def written_forms(nlp, form: str) -> list:
    """Docs of ``form`` as written and as writers also join its words: with spaces between all of them
    ("multi agency"), and with hyphens between them all but the last ("child-in-need plan"; two words:
    "looked-after"); a form of several words also with its last word plural ("designated teachers").
    The form is tokenized once; the others are built from its tokens."""
    doc = nlp.make_doc(form)
    words: list[list[str]] = [[]]   # the form's words, each a run of tokens ("children", "'s")
    for tok in doc:
        if tok.text == "-" and words[-1]:
            words.append([])
            continue
        words[-1].append(tok.text)
        if tok.whitespace_:
            words.append([])
    words = [w for w in words if w]
    if len(words) == 1:
        return [doc]
    joined = {tuple(t for w in words for t in w)}                      # all spaces
    if len(words) == 2:
        joined.add(tuple(_join(words, 1)))                            # "looked-after", "pre-birth"
    else:
        joined.add(tuple(_join(words[:-1], len(words) - 2)) + tuple(words[-1]))  # "child-in-need plan"
    joined.discard(tuple(t.text for t in doc))
    tokens = [[t.text for t in doc]] + [list(j) for j in sorted(joined)]
    tokens += [t[:-1] + [_plural(t[-1])] for t in tokens]
    return [doc] + [Doc(nlp.vocab, words=t) for t in tokens[1:]]


def _join(words: list[list[str]], hyphens: int) -> list[str]:
    """The tokens of ``words`` with a hyphen token after each of the first ``hyphens`` words."""
    out: list[str] = []
    for i, word in enumerate(words):
        out += word
        if i < hyphens:
            out.append("-")
    return out


ENTRY_KEYS = {"term", "variants", "alternatives", "source", "note", "case_sensitive",
              "not_before", "not_after", "pos", "expansion", "category", "perspective",
              "manner_plain", "not_with", "only_with", "with_plain", "with_family", "not_in_guides",
              "not_in_condition", "singular_only", "person_subject"}


def term_from_dict(entry: dict, where: str) -> Term:
    if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) or not entry["term"].strip():
        raise ConfigError(f"{where}: each entry needs a 'term'")
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise ConfigError(f"{where}: term {entry['term']!r}: unknown key(s) {', '.join(sorted(unknown))}")
    def words(key):
        value = entry.get(key) or []
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value]
    return Term(
        term=entry["term"].strip(),
        variants=words("variants"),
        alternatives=words("alternatives"),
        source=str(entry.get("source") or ""),
        note=str(entry.get("note") or ""),
        case_sensitive=bool(entry.get("case_sensitive", False)),
        not_before={w.lower() for w in words("not_before")},
        not_after={w.lower() for w in words("not_after")},
        pos=words("pos") or None,
        expansion=entry.get("expansion"),
        perspective=entry.get("perspective") or None,
        manner_plain=bool(entry.get("manner_plain", False)),
        not_with={w.lower() for w in words("not_with")},
        only_with={w.lower() for w in words("only_with")},
        with_plain={w.lower() for w in words("with_plain")},
        with_family={w.lower() for w in words("with_family")},
        not_in_guides=bool(entry.get("not_in_guides", False)),
        not_in_condition=bool(entry.get("not_in_condition", False)),
        singular_only=bool(entry.get("singular_only", False)),
        person_subject=bool(entry.get("person_subject", False)),
    )


# "contact with your friends", "contact with a number of universal and targeted services": the people or bodies
# after "with" say the sense. A head word of the entry's with_plain in the phrase (up to nine words, to the end of
# its clause) gives the plain sense, unless the phrase also names family (with_family: "contact with his dad and
# friends", "contact with family and friends" take in time with family).
_WITH_AFTER = re.compile(r"[ \t]+with[ \t]+([^.;:!?()\n]*)", re.IGNORECASE)
_CLAUSE_WORDS = {"who", "which", "that", "when", "where", "because", "but", "since", "for", "from", "until",
                 "to", "at", "on", "in", "was", "were", "is", "are", "has", "had", "will", "would", "should"}


def plain_with(text: str, end: int, heads: set[str], family: set[str]) -> bool:
    """The "with" phrase right after text[:end] names one of ``heads`` and none of ``family`` (see above)."""
    m = _WITH_AFTER.match(text, end)
    if not m:
        return False
    found = False
    for word in re.findall(r"[\w’'-]+", m.group(1))[:9]:
        low = word.lower()
        if low in _CLAUSE_WORDS:
            break
        if low in family:
            return False
        found = found or low in heads
    return found


# "how you are being looked after", "the way he is cared for": a clause of manner asks how well the care is
# given, the plain sense of the words, not the legal status; so does one whose verb has a modal or "going to"
# before it ("how you are going to be looked after", "how you will be looked after"). "How long / often ..."
# asks about time, not manner.
_MANNER_BEFORE = re.compile(r"\b(?:how(?![ \t]+(?:long|often|soon|much|many|far)\b)|the[ \t]+way)[ \t]+"
                            r"(?:[\w’']+[ \t]+){1,5}?(?:is|are|am|was|were|be)[ \t]+(?:being[ \t]+)?$", re.IGNORECASE)


def in_manner_clause(text: str, start: int) -> bool:
    """True when the words just before ``start`` open a clause of manner ("how you are being")."""
    return bool(_MANNER_BEFORE.search(text[max(0, start - 50):start]))


# "if they refuse someone to attend", "unless Mum refuses": a condition, so no refusal is recorded
_CONDITION_BEFORE = r"\b(?:if|unless|whether)\b[^.,;:!?\n]{0,60}$"


# "accused Mr C of a failure to engage", "accusing the worker of being hostile": what follows "of" is the
# accusation someone made, reported, not the writer's own verdict
_ACCUSATION_BEFORE = r"\baccus(?:e|es|ed|ing)\b[^.;:!?\n]{0,60}?\bof\b[^.;:!?\n]{0,60}$"


def in_accusation(text: str, start: int) -> bool:
    """True when ``start`` is inside what someone is accused of ("accused X of ...", to the end of the clause)."""
    return bool(re.search(_ACCUSATION_BEFORE, text[max(0, start - 130):start], re.IGNORECASE))


# "A. Aggressive behaviours are those actions which ...", "Disruptive behaviour is defined as ...": a sentence
# that opens by defining a kind of behaviour (after a list marker at most) says what words mean, of no one
_DEFINITION = (r"[ \t]*(?:(?:[A-Za-z0-9]{1,3}[.)]|[-•*])[ \t]*)?(?:[\w-]+[ \t]+){0,3}?behaviou?rs?[ \t]+(?:is|are)"
               r"[ \t]+(?:defined[ \t]+as|those|any[ \t]+(?:actions?|acts?|behaviou?rs?)[ \t]+(?:that|which))\b")


def in_definition(text: str, start: int) -> bool:
    """True when ``start`` is in a sentence that opens by defining a kind of behaviour (_DEFINITION)."""
    line = text.rfind("\n", 0, start) + 1
    sentence = max(line, text.rfind(". ", line, start) + 2)
    return any(re.match(_DEFINITION, text[at:at + 200], re.IGNORECASE) for at in (line, sentence))


def in_condition(text: str, start: int) -> bool:
    """True when ``start`` is inside a clause opened by "if", "unless" or "whether" (to the next comma)."""
    return bool(re.search(_CONDITION_BEFORE, text[max(0, start - 80):start], re.IGNORECASE))


def care_acronyms(config=None) -> list[Term]:
    """The care acronyms (rules/lexicon/acronyms.yaml) with the config's ``lexicon: {acronyms: ...}`` changes."""
    changes = (getattr(config, "lexicon", None) or {}).get("acronyms")
    return load_lexicon(rules_dir() / "lexicon" / "acronyms.yaml", changes)


def load_lexicon(path: Path, changes: dict | None = None, require_source: bool = True) -> list[Term]:
    """Load a lexicon file, then apply a config's ``add`` and ``remove``."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        raise ConfigError(f"{path}: lexicon file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, list):
        raise ConfigError(f"{path}: a lexicon is a list of entries")
    terms = []
    for i, entry in enumerate(data):
        t = term_from_dict(entry, f"{path}: entry {i + 1}")
        if require_source and not t.source:
            raise ConfigError(f"{path}: term {t.term!r} has no source")
        terms.append(t)
    changes = changes or {}
    remove = {r.lower() for r in changes.get("remove", []) or []}
    if remove:
        terms = [t for t in terms if t.term.lower() not in remove]
        for t in terms:
            t.variants = [v for v in t.variants if v.lower() not in remove]
    for i, entry in enumerate(changes.get("add", []) or []):
        terms.append(term_from_dict(entry, f"config lexicon add[{i}]"))
    return terms


# --- explained on first use ----------------------------------------------------------------
# "Staying Put, which is when ...", "A core group is a meeting where ...", "an advocate (someone who ...)",
# "This is called Staying Put", "... conference. This is a meeting ...": a term explained where it is used is
# fine there and afterwards. "(including ...)" after a term lists kinds of it, it does not explain it.
_KIND = (r"(?:special\s+|legal\s+|formal\s+)?(?:meeting|plan|person|group|way|time|place|team|service|worker"
         r"|order|letter|book|check|talk|law|rule|decision|word|name|term|visit|form)\s+"
         r"(?:where|when|who|that|which|to|for|with|about|between|of|held|led|chaired|run|made|given|written|used"
         r"|by)\b")
_EXPLAIN_AFTER = re.compile(
    r"[ \t]*(?:"
    r",?\s*(?:which|that)\s+(?:means|stands\s+for|is\s+(?:when|where|what|how|someone|somebody|called)\b"
    r"|are\s+(?:people|the\s+people)\b|is\s+(?:an?|the)\s+" + _KIND + r")"
    r"|(?:means|is\s+(?:when|where|someone|somebody|a\s+person|the\s+person)|are\s+(?:the\s+)?people)\b"
    r"|is\s+the\s+name\s+(?:for|given\s+to|of)\b"
    # "an advocate who can help you", "an advocate to help you speak": what they do, said there
    r"|,?\s+(?:who|that)\s+(?:can|will|helps?|attends?|speaks?|supports?|makes?)\b"
    # "who is ..." says what the person is, unless a word of choosing follows: "the placement that is best for you"
    # picks one of its kind, it does not say what the kind is
    r"|,?\s+(?:who|that)\s+(?:is|are)\b(?!\s+(?:the\s+)?(?:best|right|suitable|most|closest|nearest|safest"
    r"|appropriate|available|good|better|chosen|agreed|needed|planned)\b)"
    r"|\s+to\s+(?:come\s+(?:and|to)\s+)?(?:help|make\s+sure|support|speak\s+up)\b"
    r"|is\s+an?\s+" + _KIND +
    # a definition: the term, "is a", a noun (with up to two words before it) and what kind of one it is -
    # "A looked after child is a child who ...", "A care order is a legal decision that ..."
    r"|is\s+an?\s+(?:[\w’'-]+\s+){1,3}?(?:who|that|which|where|whose)\s" +
    r"|[-–—:]\s+(?:this\s+means|that\s+means|which\s+means|when|where|someone|people\s+who)\b"
    # "When a court makes a care order, this means that ...": the clause after the comma says what it is
    r"|,\s*(?:this|that)\s+means\b"
    # a glossary line: "Care order - a court order that says ...", "Advocate: a person who ..."
    r"|[-–—:]\s+an?\s+(?:[\w-]+\s+){0,2}?(?:who|that|which|where|when|for|to|made|given|used)\b"
    # a parenthesis that explains: "(the person who ...)", "(seeing your family)", "(time with Mum)"
    r"|\((?=\s*(?:the|a|an|someone|somebody|people|when|where|which|this|that|what|how|meaning|i\.e\.|time"
    r"|(?!including|excluding|according|regarding|concerning|following|pending|during|something|anything"
    r"|nothing|everything)\w+ing)\s[^)]*\))"
    # a gloss in brackets, a noun and what kind of one: "protective factors (strengths that lower the risk)"
    r"|\((?=\s*(?:[\w’'-]+\s+){1,4}?(?:who|that|which|where|whose)\s[^)]*\))"
    # the next sentence or line says what it is: "Welcome to the Family Group Conference process. This is a
    # meeting for you.", a heading "Staying Put" then "This means you can ..."
    r"|(?:[ \t]+(?:process|meeting|service|arrangement|scheme|review|conference|plan|team|order)s?)?"
    r"(?:[.?!:][ \t]*\n?|[ \t]*\n|[ \t]+[-–—])\s*(?:this|it)\s+(?:is|means)\s+"
    r"(?:an?|the|when|where|how|what|someone|somebody|people|your|you)\b"
    r"|(?:[.?!:][ \t]*\n?|[ \t]*\n)\s*(?:this|it)\s+means\s+that\b"
    r")",
    re.IGNORECASE,
)
_EXPLAIN_BEFORE = re.compile(
    # the term given as the name of what was just described: "a meeting called a core group", "people from the
    # community (called volunteer panel members)", "a children's home (sometimes called Children's Residential
    # Unit)" - one word may come between, not a person's ("he called her placement")
    r"(?:(?:\bcalled|\bknown[ \t]+as|\bwe[ \t]+call[ \t]+(?:this|it|that))[ \t]+(?:an?[ \t]+|the[ \t]+)?"
    r"(?:(?!(?:her|his|their|my|your|our|its|him|them|me|us|you|mum|mum's|dad|dad's)\b)[\w’'-]+[ \t]+)?"
    # a question heading that the text then answers: "What is a child protection conference?", "What happens
    # at a review?"; a question starts a line or a sentence (not "a child who is looked after")
    r"|(?:^|[\n.?!:•*–-][ \t]*)(?:what[ \t]+(?:is|are|does|happens[ \t]+(?:at|in|during|after)"
    # "What do we mean by 'permanence'?", "What is meant by ...?"
    r"|(?:do|does)[ \t]+(?:we|you|they|people)[ \t]+mean[ \t]+by|is[ \t]+meant[ \t]+by)"
    # "Who is the IRO?", "Who are Independent Visitors?"
    r"|why[ \t]+(?:does|do|is)|who[ \t]+(?:is|are))"
    # "What does being 'looked after' mean?": the question asks what the state of being it is
    r"[ \t]+(?:an?[ \t]+|the[ \t]+|my[ \t]+|your[ \t]+|being[ \t]+)?(?-i:[A-Z][a-z]+[ \t]+)?)[\"“‘']?$",
    re.IGNORECASE,
)


_CLOSING_QUOTES = {"'", "’", '"', "”"}
# the term's acronym in brackets between it and what explains it: "An Independent Visitor (IV) is an adult who ..."
_ACRONYM_AFTER = re.compile(r"[ \t]*\(\s*[A-Z][A-Za-z&]{1,7}\s*\)")


def explained_at(text: str, start: int, end: int) -> bool:
    """True when the term at text[start:end] is explained right there."""
    end += text[end:end + 1] in _CLOSING_QUOTES   # "‘corporate parents’ which means"
    acronym = _ACRONYM_AFTER.match(text, end)
    if _EXPLAIN_AFTER.match(text, end) or (acronym and _EXPLAIN_AFTER.match(text, acronym.end())):
        return True
    before = text[max(0, start - 40):start]
    low = before.lower()
    # every _EXPLAIN_BEFORE form has "call", "known" or a question word: skip the regex search without one
    return ("call" in low or "known" in low or "wh" in low) and bool(_EXPLAIN_BEFORE.search(before))


def drop_explained(text: str, found: list) -> list:
    """Remove matches of terms explained on (or before) that use: [(start, end, term), ...] in text order.
    A term in a heading ("Staying Put") that the text goes on to explain is explained there too, and so is
    a use that the explanation follows within _EXPLAINED_SOON sentences ("All children in care can have an
    Independent Visitor. An Independent Visitor is an adult who ...")."""
    explanations = {}   # key -> where the term is first explained
    for item in found:
        key = _key(text, item)
        if key not in explanations and explained_at(text, item[0], item[1]) \
                and not _clause_about_the_head(text, item):
            explanations[key] = item[0]
    explained: set[int] = set()
    out = []
    for item in found:
        start, end = item[0], item[1]
        key = _key(text, item)
        if key in explained:
            continue
        if key in explanations and _sentences_between(text, end, explanations[key]) <= _EXPLAINED_SOON:
            explained.add(key)
            continue
        if in_long_form(text, start, end):
            continue  # "multi-agency public protection arrangements (MAPPA)": part of a name spelled out
        out.append(item)
    return [item for item in out if not (_key(text, item) in explained and _in_heading(text, item[0]))]


# A use followed by its explanation within this many sentence ends is explained: the reader meets the
# explanation before they need it (a question heading, then the answer a line later).
_EXPLAINED_SOON = 2
_SENTENCE_BREAK = re.compile(r"(?:[.?!]+[\"”’']?[ \t]*\n*|\n+)(?=\s*\S)")


def _sentences_between(text: str, start: int, end: int) -> int:
    """How many sentence ends or line breaks text[start:end] holds (0 when the explanation is here), counted
    up to one more than _EXPLAINED_SOON (a long record need not be read to its explanation)."""
    if end <= start:
        return 0
    return sum(1 for _ in islice(_SENTENCE_BREAK.finditer(text, start, end), _EXPLAINED_SOON + 1))


# "an allocated social worker who is responsible for ...": the clause says what the social worker does,
# not what "allocated" means - a "who/that" clause explains a term only when the term ends in its own word.
_RELATIVE_AFTER = re.compile(
    r"[ \t]*,?\s+(?:who|that)\s+(?:can|will|is|are|helps?|attends?|speaks?|supports?|makes?)\b", re.IGNORECASE)


def _clause_about_the_head(text: str, item) -> bool:
    start, end, term = item[0], item[1], item[2]
    if term is None or not _RELATIVE_AFTER.match(text, end):
        return False
    last = text[start:end].split()[-1].lower()
    return not last.startswith(term.term.split()[-1].lower())


def _key(text: str, item) -> int:
    return id(item[2]) if item[2] is not None else hash(text[item[0]:item[1]].lower())


def _in_heading(text: str, start: int) -> bool:
    """The match sits in a short line with no sentence punctuation at its end: a heading."""
    line = _short_line(text, start, 8)
    return line is not None and not line[2].endswith((".", ",", ";", ":"))


def _short_line(text: str, start: int, max_words: int) -> tuple[int, int, str] | None:
    """(start, end, stripped text) of the line holding ``start`` when it has at most ``max_words`` words
    (a line far too long for that is not split: a long record may be one line)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    le = len(text) if le < 0 else le
    if le - ls > max_words * _MAX_WORD:
        return None
    line = text[ls:le].strip()
    return (ls, le, line) if len(line.split()) <= max_words else None


# --- the topic of a page ---------------------------------------------------------------------------
# A page about a process names it in its title or a heading ("Family Group Conference co-ordinator's role",
# "Setting up a Staying Put arrangement"), the first sentence under the heading takes it up at once and the text
# under it goes on about it (three uses or more after the heading): the page is there to describe it, so it is
# not unexplained jargon anywhere on that page. A heading is a short line (twelve words at most) that is not a
# list item, has no colon ("Morning: core group meeting" is a diary's time, "X expects that you will: ..." a
# form's sentence), no full stop, comma or semicolon at its end, and is not a question: "How long does a care
# order last?" asks about a term the reader is taken to know ("What is X?" is an explanation: explained_at).
# Only for a page about no one (checked by the caller): a record about one child that uses a term in a heading
# still flags it, and one passing mention under a heading ("What's in your placement plan" then one sentence)
# does not make a term the page's topic.
_TITLE_WORDS = 12
_MAX_WORD = 40   # characters: a line longer than so many words of this length is no heading
_TOPIC_USES = 3
_BULLET = re.compile(r"^(?:[-•*–]|\d+[.)])\s")
_SENTENCE_END = re.compile(r"[.?!](?=\s)|\n[ \t]*\n|$")


def _heading_span(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the line holding ``start`` when it is a title or heading (see above)."""
    found = _short_line(text, start, _TITLE_WORDS)
    if found is None:
        return None
    ls, le, line = found
    if _BULLET.match(line) or ":" in line or line.endswith((".", ",", ";", "?")):
        return None
    return ls, le


def _first_sentence_after(text: str, end: int) -> tuple[int, int]:
    """The first sentence of the text after the heading line that ends at ``end``."""
    start = end
    while start < len(text) and text[start].isspace():
        start += 1
    m = _SENTENCE_END.search(text, start)
    return start, m.start() if m else len(text)


def page_topics(text: str, found: list) -> set[int]:
    """Keys (see _key) of terms that a heading names, the first sentence under the heading uses again and the
    text after the heading uses at least _TOPIC_USES times."""
    topics: set[int] = set()
    uses: dict = {}   # key -> the start of every use, in order (one pass: a long record has many)
    for item in found:
        uses.setdefault(_key(text, item), []).append(item[0])
    for item in found:
        key = _key(text, item)
        heading = None if key in topics else _heading_span(text, item[0])
        if heading is None:
            continue
        later = [at for at in uses[key] if at >= heading[1]]
        s, e = _first_sentence_after(text, heading[1])
        if len(later) >= _TOPIC_USES and any(s <= at < e for at in later):
            topics.add(key)
    return topics


def drop_page_topics(text: str, found: list) -> list:
    """Remove every use of a term that is the topic of the page (page_topics)."""
    topics = page_topics(text, found)
    return [item for item in found if _key(text, item) not in topics]


# --- part of an organisation's name ----------------------------------------------------------------
# "the Corporate Parenting Committee", "the Leaving Care Service": a term in capitals inside the name of a
# committee, board, service or team is the name the reader needs to find it, not jargon to rewrite.
_ORGANISATION_AFTER = re.compile(
    r"(?:[ \t]+(?:[A-Z][\w’'-]*|of|and|&))*?[ \t]+(?:Committee|Board|Forum|Partnership|Services?|Team|Hub"
    r"|Department|Directorate)\b")
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?[ \t]+$")
_SMALL_WORDS = {"of", "and", "the", "in", "for", "to", "a", "an", "&"}


def in_organisation_name(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is written in capitals and goes on into an organisation's name."""
    words = text[start:end].split()
    if not words or not all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS):
        return False
    if _INDEFINITE_BEFORE.search(text, max(0, start - 4), start):
        return False  # "establish a Corporate Parenting Board": a kind of body, not the name of one
    return bool(_ORGANISATION_AFTER.match(text, end, min(len(text), end + 80)))


def drop_names(text: str, found: list) -> list:
    """Remove matches that are part of an organisation's name: [(start, end, term), ...]."""
    return [item for item in found if not in_organisation_name(text, item[0], item[1])]


# --- a term in quotation marks ----------------------------------------------------------------------
# "found a ‘well presented’ woman", "classed as \"Eligible\"": quotation marks round the term and nothing
# else mark the writer's own word (scare quotes), not speech - unless a speech word comes just before
# ("she said 'placement'", "he calls it 'contact'").
_OPENERS = {"'": "'", "‘": "’", '"': '"”', "“": "”"}
_WORDS_BEFORE = re.compile(r"[\w'’]+")
_NAMING_WORDS = {"call", "calls", "called", "describes", "described", "word", "words"}


def quoted_term(text: str, start: int, end: int, config=None, speech=()) -> bool:
    """True when text[start:end] is all that a quotation holds, that quotation is not inside a longer one
    (``speech``: the record's speech ranges), and no speech or naming word comes before it in its
    sentence (up to eight words back)."""
    if start == 0 or end >= len(text):
        return False
    closers = _OPENERS.get(text[start - 1])
    if closers is None or text[end] not in closers:
        return False
    if any(s < start - 1 < e for s, e in speech):
        return False  # inside a longer quotation: "I hate 'contact'," she said
    from .speech import speech_phrases  # the speech lists (rules/phrases/speech.yaml)
    clause = re.split(r"[.;:!?\n]", text[max(0, start - 60):start - 1])[-1]  # back to the sentence's start
    before = _WORDS_BEFORE.findall(clause)[-8:]
    before = {w.lower() for w in before}
    return not (speech_phrases(config).speech_words & before or _NAMING_WORDS & before)


# --- acronyms and their long forms -------------------------------------------------------------------
_UNITS = re.compile(r"[A-Z]|[a-z]+|\d+")
_LINKS = {"and", "of", "the", "for", "in", "to", "on", "a", "an", "with", "at", "or", "&"}
# A word that may follow a long form before its bracketed acronym: "multi-agency risk assessment
# conference process (MARAC)", "the Team Around the Family meeting (TAF)".
GENERIC_NOUNS = {"process", "processes", "meeting", "meetings", "arrangement", "arrangements", "service",
                 "services", "scheme", "programme", "framework", "procedure", "procedures", "system"}


def units(acronym: str) -> list[str]:
    return _UNITS.findall(acronym.replace(".", "").replace("&", ""))


def spells(acronym: str, words: list[str]) -> bool:
    """True when ``words`` (all of them; small linking words may be skipped) spell ``acronym``.

    Each capital of the acronym is the first letter of a word; a run of small letters continues
    the word ("SENCo": special educational needs coordinator) or starts the next one ("DfE");
    digits match a number ("S47": section 47).
    """
    letters = units(acronym)
    if not letters or not words:
        return False
    low = [w.lower() for w in words]

    def match(u: int, w: int, rest: str | None) -> bool:
        # rest: what is left of the current word after its matched part (None: between words)
        if u == len(letters):
            return all(x in _LINKS for x in low[w:])
        unit = letters[u]
        if rest is not None and unit.islower() and unit[0] in rest:
            i = rest.index(unit[0])
            if rest[i:i + len(unit)] == unit and match(u + 1, w, rest[i + len(unit):]):
                return True
        if w == len(low):
            return False
        word = low[w]
        if unit.isdigit():
            if word == unit and match(u + 1, w + 1, None):
                return True
        elif word.startswith(unit.lower()):
            if match(u + 1, w + 1, word[len(unit):]):
                return True
        return word in _LINKS and match(u, w + 1, None)

    return match(0, 0, None)


# A term inside the long form of an acronym given right after it: "multi-agency public protection
# arrangements (MAPPA)" - the words spell out a name there; later uses of the term are still checked.
# A term that is the whole long form ("Child in Need (CIN)") is spelled out, not explained: still jargon.
_ACRONYM_BRACKET = re.compile(r"((?:[ \t]+[\w'’-]+){0,8}?)[ \t]*\(\s*([A-Z][A-Za-z&]{1,7})\s*\)")
LONG_WORDS = re.compile(r"[A-Za-z]+|\d+")   # the words of a long form


def in_long_form(text: str, start: int, end: int) -> bool:
    m = _ACRONYM_BRACKET.match(text, end, min(len(text), end + 120))
    if m is None or sum(map(str.isupper, m.group(2))) < 2:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = LONG_WORDS.findall(re.sub(r"[’']s\b", " ", text[max(line_start, start - 60):start]))[-6:]
    words = LONG_WORDS.findall(re.sub(r"[’']s\b", " ", text[start:m.start(2)]))
    tries = [words, words[:-1]] if words and words[-1].lower() in GENERIC_NOUNS else [words]
    return any(_term_in_long_form(m.group(2), before, w, len(LONG_WORDS.findall(text[start:end])))
               for w in tries)


def _term_in_long_form(acronym: str, before: list[str], words: list[str], term_words: int) -> bool:
    """``words`` (the term's and the ones after it), with some of ``before``, spell ``acronym``, and the
    long form has a word besides the term that is not a small linking word."""
    whole = before + words
    for k in range(len(words), len(whole) + 1):
        outside = whole[-k:][:k - len(words)] + words[term_words:]
        if any(w.lower() not in _LINKS for w in outside) and spells(acronym, whole[-k:]):
            return True
    return False
