"""Which third-person pronouns mean the child (for rewriting a record to the child).

The rule RL103 finds the pronouns that may mean the child; rewriting them needs a
stricter reading, because a wrong "you" changes who did what. This resolver walks
the record's dependency parse in order, keeps the people mentioned, and resolves
each pronoun with three well-known constraints:

- binding: an object pronoun is not its own clause's subject ("Janet takes her":
  her is not Janet; "Janet takes herself" would be);
- a reflexive is its clause's subject;
- a possessive in a verb's phrase goes to that verb's object when there is one
  ("Jack helps Vinnie with his reading"), otherwise to the latest subject.

Otherwise: the latest subject in the same sentence, else the latest mention, else the
first subject of the nearest earlier sentence (within three).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..checks.person import PREP_PLACE, People

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "dative", "pobj", "obj", "iobj"}
THEY = {"they", "them", "their", "theirs", "themselves", "themself"}
REFLEXIVE = {"herself", "himself", "themselves", "themself"}
WINDOW = 3


@dataclass
class Mention:
    i: int              # token index in the parse
    gender: str | None  # "f", "m" or None (unknown)
    plural: bool
    child: bool
    subject: bool
    sent: int           # sentence number in the record
    ent: int = -1       # the person it names (mentions of one person share it)


def gender_of(low: str) -> str | None:
    if low in ("she", "her", "hers", "herself"):
        return "f"
    if low in ("he", "him", "his", "himself"):
        return "m"
    return None


def is_subject(tok) -> bool:
    if tok.dep_ in SUBJECT_DEPS:
        return True
    return tok.dep_ in ("conj", "appos") and tok.head.dep_ in SUBJECT_DEPS


def person_mention(people: People, tok, sent: int) -> Mention | None:
    """A person other than the child named by a word or a name (after checks.person)."""
    low = tok.lower_
    subject = is_subject(tok)
    coord = any(c.dep_ == "conj" for c in tok.children)
    if low in people.singular:
        gender = "f" if low in people.female else "m" if low in people.male else None
        if low in ("mrs", "ms", "miss", "mr"):
            return Mention(tok.i, gender, False, False, subject or tok.head.dep_ in SUBJECT_DEPS, sent)
        return Mention(tok.i, gender, coord or tok.tag_ in ("NNS", "NNPS"), False, subject, sent)
    if low in people.plural or (tok.tag_ == "NNS" and tok.pos_ == "NOUN" and subject):
        return Mention(tok.i, None, True, False, subject, sent)
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.dep_ != "compound":
        if low in people.places or any(c.lower_ in people.places for c in tok.children) or \
                (tok.head.lower_ in PREP_PLACE and tok.dep_ == "pobj"):
            return None
        return Mention(tok.i, None, coord, False, subject, sent)
    return None


def pronoun_kind(tok) -> str:
    low = tok.lower_
    if low in REFLEXIVE:
        return "reflexive"
    if low in ("his", "her", "their") and (tok.tag_ == "PRP$" or tok.dep_ == "poss"):
        return "possessive"
    if low in ("she", "he", "they"):
        return "subject"
    if low in ("hers", "theirs", "his"):
        return "standalone"
    return "object"  # him, them, her: the case decides, even as the subject of "stop them feeling"


def governor(tok):
    """The verb whose clause holds ``tok`` (through prepositions and noun phrases)."""
    g = tok.head
    while g.pos_ not in ("VERB", "AUX") and g.dep_ != "ROOT" and g.head.i != g.i:
        g = g.head
    return g


def clause_subjects(verb) -> set[int]:
    """Token indexes of the subject of ``verb``'s clause, with its appositions and conjuncts;
    an infinitive without its own subject takes its controller's."""
    subs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subs and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        deps = OBJECT_DEPS if verb.dep_ == "xcomp" and any(
            c.dep_ in OBJECT_DEPS for c in verb.head.children) else SUBJECT_DEPS
        subs = [c for c in verb.head.children if c.dep_ in deps]
    out = set()
    for s in subs:
        out.add(s.i)
        out.update(c.i for c in s.children if c.dep_ in ("appos", "conj", "compound"))
    return out


class Resolver:
    """Resolve pronouns in order; ``child_pron`` are the pronoun forms that may mean the child."""

    def __init__(self, child_pron: set[str], child_gender: str | None, child_they: bool, people: People):
        self.people = people   # rules/phrases/people.yaml (checks.person.people_words)
        self.child_pron = child_pron
        self.child_gender = child_gender
        self.child_they = child_they
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        self.constrained: set[int] = set()  # pronouns a grammatical constraint resolved
        self.ent_gender: dict[int, str | None] = {}
        self._doc = None

    def add(self, m: Mention, same_as: Mention | None = None) -> None:
        """Note a mention; ``same_as``: the mention it refers back to (else its apposition's)."""
        if same_as is None and self._doc is not None:
            same_as = self._apposed_mention(self._doc[m.i])
        m.ent = same_as.ent if same_as is not None else m.i
        if m.gender and not m.plural and self.ent_gender.get(m.ent) is None:
            self.ent_gender[m.ent] = m.gender  # "the teacher, Mrs Khan": the teacher is a woman
        self.mentions.append(m)
        self.by_token[m.i] = m

    def _apposed_mention(self, tok) -> Mention | None:
        """The mention ``tok`` is in apposition to ("Mrs Khan" after "the teacher,")."""
        t = tok.head if tok.lower_ in ("mr", "mrs", "ms", "miss") and tok.dep_ == "compound" else tok
        if t.dep_ == "appos":
            return self.by_token.get(t.head.i)
        return None

    def gender(self, m: Mention) -> str | None:
        return self.ent_gender.get(m.ent, m.gender)

    def compatible(self, m: Mention, low: str) -> bool:
        if low in THEY:
            return m.plural or (m.child and self.child_they)
        if m.plural:
            return False
        want = gender_of(low)
        if m.child:
            return self.child_gender is None or self.child_gender == want
        return self.gender(m) is None or self.gender(m) == want

    def resolve(self, tok, sent: int) -> Mention | None:
        kind = pronoun_kind(tok)
        cands = [m for m in self.mentions if self.compatible(m, tok.lower_)]
        same = [m for m in cands if m.sent == sent]
        verb = governor(tok)
        if kind == "reflexive":
            subj = [m for m in same if m.i in clause_subjects(verb) or m.subject]
            return subj[-1] if subj else (same[-1] if same else None)
        narrowed = [m for m in same if m.i not in self._ruled_out(tok, kind, verb)]
        if len(narrowed) < len(same):
            self.constrained.add(tok.i)
        if kind == "possessive":
            objs = [m for m in narrowed if m.i < tok.i and self._doc[m.i].dep_ in ("dobj", "dative")
                    and governor(self._doc[m.i]).i == verb.i]
            if objs:
                self.constrained.add(tok.i)
                return objs[-1]
        return prefer(narrowed, cands, sent)

    @staticmethod
    def _ruled_out(tok, kind: str, verb) -> set[int]:
        """Mentions a grammatical constraint rules out as the pronoun's antecedent."""
        out = apposed_to(tok)  # "Joanne, her carer": her is not Joanne
        if kind == "object":
            if tok.dep_ in SUBJECT_DEPS and verb.head.i != verb.i:
                # "the visits stop them feeling": bound by "stop"
                verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else governor(verb.head)
            out |= clause_subjects(verb)
        elif kind == "subject" and is_comparative(verb) and verb.head.i != verb.i:
            out |= clause_subjects(governor(verb.head))  # "Nico catches more than he does"
        return out

    def walk(self, doc, sent_of, child_tokens: set[int], skip) -> set[int]:
        """Token indexes of the child's pronouns. ``child_tokens``: names and phrases already
        known to mean the child; ``sent_of(tok)`` the sentence number; ``skip(tok)`` for speech."""
        self._doc = doc
        found: set[int] = set()
        for tok in doc:
            if skip(tok):
                continue
            sent = sent_of(tok)
            low = tok.lower_
            if tok.i in child_tokens:
                self.add(Mention(tok.i, self.child_gender, False, True, is_subject(tok), sent))
            elif low in self.child_pron or gender_of(low) or low in THEY:
                target = self.resolve(tok, sent)
                is_child = target is not None and target.child and low in self.child_pron
                if is_child:
                    found.add(tok.i)
                gender = gender_of(low) if not is_child else self.child_gender
                plural = low in THEY and not is_child
                if target is not None or low in ("she", "he", "they"):
                    self.add(Mention(tok.i, gender, plural, is_child, is_subject(tok), sent), target)
            else:
                m = person_mention(self.people, tok, sent)
                if m is not None:
                    self.add(m)
        return found


def prefer(same: list[Mention], cands: list[Mention], sent: int) -> Mention | None:
    """The latest subject of the sentence, else its latest mention, else the first subject
    (or mention) of the nearest earlier sentence."""
    subj = [m for m in same if m.subject]
    if subj:
        return subj[-1]
    if same:
        return same[-1]
    for back in range(1, WINDOW + 1):
        prev = [m for m in cands if m.sent == sent - back]
        if prev:
            subj = [m for m in prev if m.subject]
            return subj[0] if subj else prev[0]
    return None


def is_comparative(verb) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("than", "as") for c in verb.children)


def apposed_to(tok) -> set[int]:
    """The heads that the phrase holding ``tok`` is in apposition to."""
    out, t = set(), tok
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
        if t.dep_ == "appos":
            out.add(t.head.i)
        t = t.head
    return out


