"""RL212 blaming-judgement: a person judged through grammar, not only through a fixed word.

RL211 (rules/language.yaml) flags words that blame wherever they stand ("refused", "manipulative").
Many judgements are ordinary words that blame only when they are said of a person:

  - "failed to" + a verb with a person as its subject ("Mum failed to provide meals", "Dad's failure
    to protect"), not a service or thing ("The bus failed to arrive") and not an outcome ("failed to
    pass his test");
  - an evaluative word from ``rules/lexicon/judgements.yaml`` (each with a source) said of a person,
    their conduct or their home: the predicate of "is/was/seems" ("Dad was drunk", "the flat was
    squalid", "He became increasingly violent"), a word describing a person or their conduct ("a
    terrible parent", "his violent behaviour"), in apposition ("Mum, a heavy drinker, ..."), or a verb
    phrase with a person as its subject ("Mum isn't coping"); degree words before it are part of the
    finding.

Never when negated ("was not drunk", "is not a dangerous person") or averted ("nearly became violent"),
inside someone's words ("Mum said she was not coping": her account), or about a thing or an event ("a
filthy mattress", "a violent storm"). Who counts as a person, a home or a person's conduct, and the verbs
of saying, are lists in ``rules/phrases/blaming.yaml``.
"""
from __future__ import annotations

import functools
import re

from ..findings import Severity
from ..lexicon import Term, care_acronyms, in_accusation, in_definition, load_lexicon, spellings
from ..phrases import SPEECH_FILE, load_phrases
from ..resources import rules_dir
from ..rule import Example, Rule
from .person import people_words

PHRASE_FILE = "phrases/blaming.yaml"
_FAILED = re.compile(r"(?<![\w-])fail(?:ed|s|ing|ure)?\s+to\s+[a-z]", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "you"}
_POSSESSIVES = {"his", "her", "their", "your"}   # "her poor parenting": a person's conduct
_SUBJECTS = {"nsubj", "nsubjpass"}
_NOT = {"not", "n't", "never", "n’t"}
_ADVICE = {"should", "must", "ought", "may", "might", "can", "could", "need"}
_WARY = {"reluctant", "unwilling", "hesitant", "reluctance", "unwillingness", "hesitance", "hesitancy"}


def blaming_lists(config=None) -> dict:
    """blaming.yaml's lists; "people" adds people.yaml's words for people and "speech_verbs"
    speech.yaml's (each list is written once, in its own file)."""
    data = load_phrases(PHRASE_FILE, config)
    people = people_words(config)
    speech = load_phrases(SPEECH_FILE, config)

    def words(source: dict, key: str) -> set[str]:
        return {str(w).lower() for w in source.get(key, []) or []}

    lists = {key: words(data, key) for key in ("homes", "appearance", "conduct", "not_people", "copulas",
                                                 "failed_outcomes", "did_not_happen", "generic_quantifiers",
                                                 "generic_markers", "telling_verbs", "child_words",
                                                 "professionals", "not_professionals", "finding_verbs",
                                                 "documents")}
    lists["people"] = words(data, "more_people") | people.singular | people.plural
    lists["speech_verbs"] = words(data, "account_verbs") | words(speech, "speech_verbs")
    lists["service_acronyms"] = ServiceAcronyms(config, words(data, "acronym_people"))
    return lists


class ServiceAcronyms:
    """The forms, as written, of the care acronyms (lexicon/acronyms.yaml) that name a service, meeting,
    plan or order rather than a person (the last word of the expansion is not one of ``person_words``).
    Read when a word in capitals is first asked about: most records never need it (~12 ms of start-up)."""

    def __init__(self, config, person_words: set[str]):
        self.config, self.person_words, self.forms = config, person_words, None

    def __contains__(self, word: str) -> bool:
        if self.forms is None:
            self.forms = {form for t in care_acronyms(self.config) if t.expansion and t.expansion.split()[-1].lower()
                          not in self.person_words for form in t.forms if form.isupper()}
        return word in self.forms


_LETTERS = re.compile(r"[^\W\d_]+")
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+|\s*,\s*")  # judgements joined: "dirty and unkempt"


def _forms_regex(forms) -> re.Pattern:
    forms = sorted(set(forms), key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) or r"(?!x)x"
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", re.IGNORECASE)


class FormsFinder:
    """Every lexicon form in a text, longest first at each place, as one big alternation would find them.

    One regex per first word, tried only where a word of the text is that first word: a pass over the
    words with a dict look-up each, instead of trying dozens of alternatives at every character
    (benchmarks/bench_candidates.py; tests/test_blaming.py checks both find the same). A form that does
    not start with a letter (a council's own "1st offender") makes it use the one alternation instead.
    Each first word's regex is compiled when a text first has that word: a one-record check meets a
    few of the ~300, and compiling them all took ~40 ms of its start-up.
    """

    def __init__(self, terms: list[Term]):
        forms = {f.lower() for t in terms for f in t.forms}
        self.forms_by_first: dict[str, list[str]] = {}
        for form in forms:
            first = _LETTERS.match(form)
            self.forms_by_first.setdefault(first.group() if first else "", []).append(form)
        self.whole = _forms_regex(forms) if "" in self.forms_by_first else None
        self.regexes: dict[str, re.Pattern] = {}

    def _regex(self, first: str) -> re.Pattern | None:
        """The regex of the forms starting with ``first`` (compiled once), or None when none does."""
        regex = self.regexes.get(first)
        if regex is None and first in self.forms_by_first:
            regex = self.regexes[first] = _forms_regex(self.forms_by_first[first])
        return regex

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        end = len(text) if end is None else end
        if self.whole is not None:
            return [m.span() for m in self.whole.finditer(text, start, end)]
        spans, last = [], -1
        for word in _LETTERS.finditer(text, start, end):
            if word.start() < last:
                continue
            regex = self._regex(word.group().lower())
            if regex is None:
                continue
            m = regex.match(text, word.start(), end)
            if m:  # leftmost, then longest (the regex tries longer forms first); no overlaps
                spans.append(m.span())
                last = m.end()
        return spans


class BlamingJudgement(Rule):
    code = "RL212"
    name = "blaming-judgement"
    category = "language.blaming"
    severity = Severity.warning
    needs_model = True
    analysis = "yes (parser, on sentences with a candidate word)"
    summary = ("A person judged rather than described: 'failed to' + a duty, or an evaluative word said of "
               "a parent, the child, the family or their home ('Dad was drunk', 'a terrible parent').")
    why = ("Records are read by the child and family, now or as adults. 'Mum failed to provide', 'Dad was "
           "drunk', 'the home was filthy' give the writer's verdict instead of what was seen or said, and "
           "stay on the record for life. Describe what happened, what was seen, and what was said.")
    source = ("rules/lexicon/judgements.yaml (a source per word: NIAAA, NIDA, Alcohol Action Ireland, Howard League, "
              "Durham SCP, Write Enough, Community Care, OK Fosters, TACT, Adoption England, Research in Practice); "
              "NSPCC 'Digging deeper than did not attend'")
    options = {"lexicon": "lexicon/judgements.yaml"}
    examples = [
        Example("Mum failed to provide meals for the children.", True, "case_note"),
        Example("Dad was drunk when the social worker arrived.", True, "visit_record"),
        Example("Mother is a terrible parent.", True, "assessment"),
        Example("The flat was squalid.", True, "visit_record"),
        Example("As he got older Tyler became increasingly violent.", True, "assessment"),
        Example("The bus failed to arrive, so the visit was moved.", False, "case_note"),
        Example("Dad was not drunk. A filthy mattress was in the garden.", False, "visit_record"),
        Example("Mum said she was not coping with the baby's crying.", False, "case_note"),
        Example("A violent storm closed the school, so the visit was moved.", False, "case_note"),
    ]

    def setup(self, nlp, config) -> None:
        changes = (config.lexicon or {}).get("judgements")
        self.terms = load_lexicon(rules_dir() / self.opts.get("lexicon", "lexicon/judgements.yaml"), changes)
        self.words = FormsFinder(self.terms)
        # verbs of the lexicon ("torments"): a judgement when a person is their active subject
        self.verbs = {f.lower() for t in self.terms if t.pos and "VERB" in t.pos for f in t.forms}
        blaming = load_lexicon(rules_dir() / "lexicon" / "blaming.yaml", (config.lexicon or {}).get("blaming"))
        # RL211 already flags these, in every spelling it matches ("problematic behavior"): not twice
        self.rl211 = FormsFinder([Term(term=v) for t in blaming for f in t.forms for v in spellings(f)])
        self.lists = blaming_lists(config)

    def _candidates(self, rec) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each "failed to" and judgement word outside speech (text only)."""
        key = ("RL212 candidates", id(self))
        if key not in rec.cache:
            text = rec.text
            found = [(s, e, "word") for s, e in self.words.spans(text)]
            low = text.lower()
            if "fail" in low:
                found += [(m.start(), m.end(), "failed") for m in _FAILED.finditer(text)]
            if "engag" in low:
                found += [(m.start(), m.end(), "engage") for m in _engage_regex().finditer(text)]
            rec.cache[key] = [(s, e, k) for s, e, k in sorted(found)
                              if (not rec.in_speech(s) or _quotation(rec, s) is not None)
                              and not in_accusation(text, s) and not in_definition(text, s)
                              and not self._overlaps_rl211(text, s, e)]
        return rec.cache[key]

    def regions(self, rec):
        """The sentences that hold a candidate, with their dependencies."""
        return sorted({(*rec.sentence_of(s), "deps") for s, _, _ in self._candidates(rec)})

    def check(self, rec):
        lists = self.lists
        found_spans: list[tuple[int, int, str, str]] = []
        for start, end, kind in self._candidates(rec):
            region = rec.parse_region(*rec.sentence_of(start), "deps")
            if region is None or (rec.in_speech(start) and not record_quotation(rec, start, lists)):
                continue  # no model, or someone's words in quotation marks (not the record's own account)
            toks = [t for t in region.span if start <= region.start_of(t) < end]
            if not toks:
                continue
            found = self._judge(kind, toks, lists, rec)
            if found is None:
                continue
            s, e = region.start_of(_degree(found[0])), region.start_of(found[1]) + len(found[1].text)
            if found_spans and _JOINED.fullmatch(rec.text, found_spans[-1][1], s) and kind == found_spans[-1][2]:
                found_spans[-1] = (found_spans[-1][0], e, kind, found_spans[-1][3])  # "dirty and unkempt": one
            elif all((s, e) != f[:2] for f in found_spans):
                found_spans.append((s, e, kind, rec.text[start:end]))
        for s, e, kind, matched in found_spans:
            yield rec.finding(self, s, e, self._message(kind), self._suggestion(kind, matched))

    def _judge(self, kind, toks, lists, rec):
        if kind == "failed":
            return self._failed(toks, lists, rec)
        if kind == "engage":
            return _not_engaged(toks, lists, rec)
        return self._judged(toks, lists, rec)

    def _overlaps_rl211(self, text: str, start: int, end: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        return any(s < end and start < e for s, e in self.rl211.spans(text, line_start, line_end))

    # --- "failed to" + a duty ------------------------------------------------------------------
    def _failed(self, toks, lists, rec):
        fail = toks[0]
        verb = next((c for c in fail.children if c.dep_ in ("xcomp", "acl") and c.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.text.lower() in lists["failed_outcomes"]:
            return None
        if fail.text.lower() == "failure":
            owner = next((c for c in fail.children if c.dep_ == "poss"), None)
        else:
            owner = _subject(fail)
        if _negated(fail, set()) or not _blamed_person(owner, fail, lists, rec):
            return None
        return fail, verb

    # --- an evaluative word said of a person or home ---------------------------------------------
    def _judged(self, toks, lists, rec):
        ids = {t.i for t in toks}
        key = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1])
        if self._owned(key, lists, rec):
            return toks[0], toks[-1]  # "her poor parenting": a person's judged conduct
        while key.dep_ == "conj" and key.head.i != key.i and key.lower_ not in self.verbs:
            key = key.head  # "filthy and squalid": judge as the first; a verb of the list is judged as itself
        if key.i not in ids and key.tag_ == "VBN" and key.dep_ == "relcl" and len(toks) == 1:
            return self._predicate(key, toks, ids, lists, rec)  # "clothes that are torn, dirty and smelly"
        if key.dep_ in ("amod", "appos", "compound"):
            return self._describes(key, toks, lists, rec)
        if key.pos_ in ("VERB", "AUX") and len(toks) == 1:
            if (key.lower_ in self.verbs and not any(c.dep_ == "auxpass" for c in key.children)) \
                    or _adjective_read_as_verb(key):
                return self._predicate(key, toks, ids, lists, rec)  # "Lucy torments her friends"
            return None  # "had drunk four cans": a word of the list used as a verb
        if key.dep_ == "dobj" and len(toks) > 1 and key.head.pos_ in ("VERB", "AUX"):
            if key.head.text.lower() in lists["speech_verbs"]:
                return None  # "Dad described his anger issues": his own account
            key = key.head  # "They make poor relationship choices": judged by what they are said to do
        if self._owned(key, lists, rec):
            return toks[0], toks[-1]
        return self._predicate(key, toks, ids, lists, rec)

    @staticmethod
    def _owned(key, lists, rec) -> bool:
        """A noun of conduct that is a person's: "her poor parenting", "reluctance on the part of her mother"."""
        owner = _owner(key, lists, rec) if key.pos_ == "NOUN" else None
        return owner is not None and not _reported(key, lists) and not _wary_of_telling(key, owner, lists, rec)

    @staticmethod
    def _describes(key, toks, lists, rec):
        """"a terrible parent", "Mum, a heavy drinker": the word describes the person it hangs on."""
        if key.dep_ == "compound":
            return None  # "Youth Offending Team", "alcoholic drinks section": names and things
        target = key.head
        about = _is_person(target, lists, rec) or _is_home(target, lists) or _is_conduct(target, lists)
        if not about or _reported(key, lists):
            return None
        if target.dep_ in ("attr", "appos") and _negated(target.head, set()):
            return None  # "He is not a dangerous person"
        end = target if key.dep_ == "amod" and target.i == toks[-1].i + 1 else toks[-1]
        return toks[0], end

    @staticmethod
    def _predicate(key, toks, ids, lists, rec):
        """"Dad was drunk", "Mum isn't coping": said of the subject of a copula or a verb phrase."""
        verb = key.pos_ in ("VERB", "AUX") and key.dep_ != "acomp"  # "was not opposed to": read as an adjective
        small = not verb and _found_so(key, lists)
        if not verb and not small and key.dep_ not in ("acomp", "attr", "ROOT", "oprd"):
            return None  # a subject or object ("the alcoholic drinks"), not a judgement
        head = key if key.dep_ == "ROOT" or verb or small else key.head
        if not verb and head is not key and head.text.lower() not in lists["copulas"]:
            return None  # "Kayla felt awful": a feeling, not a judgement
        subject = _subject(head)
        if subject is None:
            if not verb and not toks[0].text.lower().startswith(("not", "can", "unable")):
                return None  # "Awful weather": no one is judged
        elif not _judgeable(subject, lists, rec):
            return None
        if _wary_of_telling(key, subject, lists, rec):
            return None
        if _negated(head, ids) or _negated(key, ids) or _reported(head, lists) or _averted(head, key, lists):
            return None
        if any(c.dep_ == "prep" and c.text.lower() == "of" and c.i not in ids for c in key.children):
            return None  # "ignorant of the risks": what they did not know, not what they are
        return toks[0], toks[-1]

    @staticmethod
    def _message(kind: str) -> str:
        if kind == "failed":
            return "'failed to' blames a person; say what was expected, what happened and why"
        if kind == "engage":
            return "'not engaged' blames a person; say what was offered, when, and what happened"
        return "a judgement of a person or their home; describe what was seen or said instead"

    @staticmethod
    def _suggestion(kind: str, matched: str) -> str:
        if kind == "failed":
            return "did not ... (say what was expected and what happened)"
        if kind == "engage":
            return "say what was offered, when, and what happened"
        return "describe what was seen, heard or said"


def institution_subject(verb, lists) -> bool:
    """The subject of the verb ``verb`` (climbing as _subject does) names a court, service or body, or a worker in
    their role ("The judge refused the application", "The Council relied on and refused to change ..."): their
    decision, not a refusal by the child or family. False for a noun ("a refusal"), a verb with no subject, and a
    subject that names no institution ("the younger one refuses", "Tammy ... refused"). ``lists``: blaming_lists."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    subject = _subject(verb)
    if subject is None:
        return False
    names = {subject.lower_} | {c.lower_ for c in subject.children if c.dep_ == "compound"}
    acronym = subject.text.isupper() and subject.text in lists["service_acronyms"]
    return bool(names & lists["not_people"]) or acronym or _is_professional(subject, lists)


def _subject(tok):
    """The subject of a verb or copula, climbing from "to provide" to "failed", "who" to its noun. None when
    the subject is a clause ("Telling him about the move was difficult": a task, not a person, is judged)."""
    for _ in range(4):
        if any(c.dep_ in ("csubj", "csubjpass") for c in tok.children):
            return None
        subj = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            if subj.text.lower() == "who":
                return subj  # "who" always stands for a person, whatever the parser attached it to
            if subj.text.lower() == "that" and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ in ("xcomp", "conj", "acl", "relcl") and tok.head.i != tok.i:
            tok = tok.head
            if tok.pos_ in ("NOUN", "PROPN", "PRON"):
                return tok
            continue
        return None
    return None


def _is_person(tok, lists, rec) -> bool:
    low = tok.text.lower()
    if low == "who":
        return True
    if low == "name":  # a template's placeholder: "(name of parent / carer) fails to ..."
        return any(p.dep_ == "pobj" and _is_person(p, lists, rec)
                   for c in tok.children if c.dep_ == "prep" and c.text.lower() == "of" for p in c.children)
    if low in lists["not_people"] or (tok.text.isupper() and tok.text in lists["service_acronyms"]):
        return False  # "The MASH were reluctant": a service, not a person
    phrase = " ".join(t.text.lower() for t in tok.subtree if t.dep_ in ("compound", "amod") or t.i == tok.i)
    if low in lists["people"] or low in _PRONOUNS or phrase in lists["people"]:
        return True
    name = rec.child.first_name
    if name and tok.text == name:
        return True
    compounds = {c.text.lower() for c in tok.children if c.dep_ == "compound"}
    if compounds & lists["not_people"]:
        return False
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _generic(tok, lists) -> bool:
    """People in general, not a person in the record: a plural with a quantifier ("some parents", "many
    families"), defined by a clause ("parents who struggle"), or in a sentence about cases in general ("In
    some cases parents are unable to cope"). "the parents", "her parents", bare "Parents were ..." are the
    record's people."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ == "poss" or c.lower_ in ("the", "these", "those", "both") for c in tok.children):
        return False
    if any(c.lower_ in lists["generic_quantifiers"] for c in tok.children if c.dep_ in ("det", "amod", "predet")):
        return True
    if any(c.dep_ == "relcl" for c in tok.children):
        return True
    sentence = tok.sent.text.lower()
    return any(phrase in sentence for phrase in lists["generic_markers"])


def _wary_of_telling(key, subject, lists, rec) -> bool:
    """The child "reluctant to speak about" someone or something: wary of telling, which protects them (the
    person or the subject may not be safe to talk about), not a judgement of the child. A parent's
    reluctance to give information is still judged."""
    if key.lower_ not in _WARY or subject is None:
        return False
    if not any(c.dep_ in ("xcomp", "acl") and c.lower_ in lists["telling_verbs"] for c in key.children):
        return False
    low, child = subject.lower_, rec.child
    if child.first_name and subject.text == child.first_name:
        return True
    if low in child.pronoun_words or (not child.pronouns and low in ("he", "she", "they")):
        return True
    return low in lists["child_words"]


@functools.cache
def _engage_regex() -> re.Pattern:
    """"engage" in its forms, compiled when a text first has "engag" (as FormsFinder's regexes are)."""
    return re.compile(r"(?<![\w-])engag(?:e|ed|es|ing)(?![\w-])", re.IGNORECASE)


def _owner(noun, lists, rec):
    """The person whose conduct a noun is: "her poor parenting", "Dad's reluctance", "reluctance on the part
    of her mother" (None when it is no one's)."""
    for c in noun.children:
        if c.dep_ == "poss" and (c.text.lower() in _POSSESSIVES or _is_person(c, lists, rec)):
            return c
    for on in noun.children:  # "on the part of X": X's
        if on.dep_ != "prep" or on.lower_ != "on":
            continue
        part = next((p for p in on.children if p.dep_ == "pobj" and p.lower_ == "part"), None)
        of = next((o for o in part.children if o.dep_ == "prep" and o.lower_ == "of"), None) if part else None
        person = next((p for p in of.children if p.dep_ == "pobj"), None) if of else None
        if person is not None and _is_person(person, lists, rec):
            return person
    return None


def _not_engaged(toks, lists, rec):
    """A person who "has not engaged", "had never previously engaged" with a service: the verdict
    "failed to engage" in other words (RL211 flags its fixed forms, "did not engage"). Not a service or
    a thing ("The school has not engaged an interpreter"), not people in general, not in someone's
    words ("Mum said she had not engaged because ..."), not "no longer engaging" (no need)."""
    verb = toks[0]
    if verb.pos_ not in ("VERB", "AUX") or not _engaged_with(verb):
        return None
    neg = next((c for c in verb.children if c.dep_ == "neg" and c.lower_ in _NOT), None)
    if neg is None or neg.i > verb.i:
        return None
    return (neg, verb) if _blamed_person(_subject(verb), verb, lists, rec) else None


def _blamed_person(owner, verb, lists, rec) -> bool:
    """The doer of a "failed to" or "not engaged" is a person of the record, told in the writer's words: not
    people in general ("some parents fail to ..."), not a worker in their role ("the GP failed to ..."), not
    someone's own account ("Mum said she had not engaged because ...")."""
    return owner is not None and _is_person(owner, lists, rec) and not _generic(owner, lists) \
        and not _is_professional(_antecedent(owner, verb), lists) and not _reported(verb, lists)


def _antecedent(owner, verb):
    """Who a "he"/"she"/"they" doing ``verb`` stands for when the verb's clause is joined by "and" to one with a
    noun as its subject ("Professionals were kept at arm's length, and they failed to identify ..."): that noun;
    otherwise the owner itself."""
    if owner.lower_ not in ("he", "she", "they") or verb.dep_ != "conj":
        return owner
    first = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    return first if first is not None and first.pos_ in ("NOUN", "PROPN") else owner


def _engaged_with(verb) -> bool:
    """"engaged with" someone or something, or "engaged" alone, in a statement of what happened: not
    "engage in arguments" or "engaged in education" (taking part), "engage an interpreter" (hire), nor
    advice with a modal ("Workers should not engage with ...")."""
    if any(c.dep_ == "aux" and c.lower_ in _ADVICE for c in verb.children):
        return False
    return not any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "in") for c in verb.children)


def _found_so(key, lists) -> bool:
    """"The worker found Dad drunk", "We found the house dirty": the judgement with its own subject after
    a verb of finding or considering (a small clause), said of that subject as "Dad was drunk" is."""
    return key.dep_ in ("ccomp", "xcomp", "oprd") and key.head.lower_ in lists["finding_verbs"] \
        and any(c.dep_ in _SUBJECTS for c in key.children)


def _judgeable(subject, lists, rec) -> bool:
    """A subject whose judgement is about the child or family: a person of the record, their home, conduct
    or clothes. Not people in general ("parents who struggle are ..."; "conditions that are ..." is a home),
    nor a worker in their role."""
    if not (_is_person(subject, lists, rec) or _is_home(subject, lists) or _is_conduct(subject, lists)
            or _is_kept(subject, lists)):
        return False
    worn = _is_kept(subject, lists) and subject.dep_ not in _SUBJECTS  # "dressed in clothes that are dirty"
    if _generic(subject, lists) and not _is_home(subject, lists) and not worn:
        return False
    return not _is_professional(subject, lists)


def _is_professional(tok, lists) -> bool:
    """A worker in their role ("the GP", "the social worker", "Doctor"): a professional's omission is a
    matter of practice and accountability (a case review's finding), not a judgement of the child or family,
    which is what the guidance asks records not to blame."""
    phrase = " ".join(t.lower_ for t in tok.subtree if t.dep_ == "compound" or t.i == tok.i)
    if tok.lower_ in lists["professionals"] or phrase in lists["professionals"]:
        return True
    return tok.lower_ in ("worker", "workers", "visitor", "visitors", "officer", "officers") and any(
        c.dep_ in ("compound", "amod") and c.lower_ not in lists["not_professionals"] for c in tok.children)


def _adjective_read_as_verb(tok) -> bool:
    """An -ing judgement after "is/was" with no object, which the tagger read as a verb: "Kayla was
    challenging at school" (an adjective), not "She was challenging the decision" (a verb with an object)."""
    if not tok.lower_.endswith("ing"):
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in tok.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("is", "was", "are", "were", "been", "be", "'s") for c in tok.children)


def _is_conduct(tok, lists) -> bool:
    """A person's behaviour, attitude or lifestyle ("his violent behaviour"), not an event or thing."""
    return tok.text.lower() in lists["conduct"]


def _degree(tok):
    """The first word of a judgement with its degree words: "increasingly violent", "very difficult"."""
    first = tok
    for child in tok.lefts:
        if child.dep_ == "advmod" and child.pos_ == "ADV" and child.i == first.i - 1:
            first = child
    return first


def _is_home(tok, lists) -> bool:
    if tok.text.lower() in lists["homes"]:
        return True
    return any(c.dep_ == "compound" and c.text.lower() in lists["homes"] for c in tok.children)


def _is_kept(tok, lists) -> bool:
    """A person's hygiene or clothes as the subject of a judgement ("his clothes were filthy",
    "personal hygiene was non-existent"): how they are kept is judged of the family. Not "dressed in
    dirty clothes", which describes the clothes."""
    return tok.text.lower() in lists["appearance"]


def _negated(tok, inside: set[int]) -> bool:
    """Negated by a word outside the matched phrase ("was not drunk"; "isn't coping" is the phrase)."""
    return any(c.dep_ == "neg" and c.i not in inside for c in tok.children)


def _averted(head, key, lists) -> bool:
    """"He nearly became violent", "almost lost his temper": it did not happen, so no one is judged by it."""
    return any(c.dep_ == "advmod" and c.text.lower() in lists["did_not_happen"]
               for tok in (head, key) for c in tok.children)


def _reported(tok, lists) -> bool:
    """Inside what someone said or thought ("Mum said she was not coping"); a verb joined to a
    saying verb by "and" is the writer's own statement ("She felt low and failed to ..."), and so is a
    clause of time or condition on it ("When Dad was drunk, he told me ...", "When his behaviour is
    challenging, he will be asked to leave")."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ not in ("conj", "advcl") and cur.head.text.lower() in lists["speech_verbs"]:
            return not _told_by_record(cur.head, lists)
        cur = cur.head
    return False


def _told_by_record(verb, lists) -> bool:
    """The teller of a speech verb is a worker in their role or a document ("The social worker said that she had
    indoctrinated the child", "It said she had not been engaging"; "her social worker, who said ...": the worker the
    "who" stands for): what they said is the record's account, which the guidance holds to the same standard, not the
    words of the child or family it leaves alone."""
    teller = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if teller is not None and teller.lower_ == "who" and verb.dep_ == "relcl":
        teller = verb.head
    return teller is not None and (teller.lower_ in lists["documents"] or _is_professional(teller, lists))


_QUOTES = "\"“‘'"


_WORD_BEFORE = re.compile(r"[^\W_][ \t]*$")   # "a history of “...”": the quotation goes on the writer's sentence


def _quotation(rec, start: int) -> int | None:
    """Where the quotation marks around ``start`` open (None outside them: a "said:" line, a views section)."""
    quote = next((s for s, e in rec.speech if s <= start < e), None)
    return quote if quote is not None and rec.text[quote] in _QUOTES else None


def record_quotation(rec, start: int, lists) -> bool:
    """The quotation marks around ``start`` hold the record's own account, not the child's or family's words
    (GUIDELINES exempts only theirs): the words of a worker in their role or a document ("her social worker, who
    said that Leah has a history of “attention seeking behaviour”", "the report found ...") or an unattributed
    finding ("The flat was found to be “unhygienic”", "social workers found the child in an “unhygienic” home").
    Read from the first verb of saying or finding above the quoted word in its sentence's parse; False with no
    model, outside quotation marks (a "said:" line, a views section) and with no such verb."""
    quote = _quotation(rec, start)
    if quote is None or not _WORD_BEFORE.search(rec.text, max(0, quote - 40), quote):
        return False  # a quotation of its own (after "said:", or a sentence), not words built into the writer's
    region = rec.parse_region(*rec.sentence_of(start), "deps")
    tok = None if region is None else next((t for t in region.span if region.start_of(t) == start), None)
    for _ in range(12):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lower_ in lists["speech_verbs"] or tok.lower_ in lists["finding_verbs"]:
            return _told_by_record(tok, lists) or _unattributed_finding(tok, lists)
    return False


def _unattributed_finding(verb, lists) -> bool:
    """"was found to be", "were deemed": a finding in the passive with no one named as its finder."""
    return verb.lower_ in lists["finding_verbs"] and any(c.dep_ == "nsubjpass" for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


RULES: list = [BlamingJudgement]
