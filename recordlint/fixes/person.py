"""Person rewrites: RL103 (to the child) and RL101/RL102 (into the third person).

The rewrite of a sentence changes only the person: the words that mean the child,
the author or the reader, and the verbs that agree with them (REWRITES.md in the
shared corpus gives the conventions). Every person finding in a sentence carries
the same fix, the whole sentence's rewrite, so applying any of them leaves no
half-rewritten sentence ("You enjoy her new school").

  to the child:   Leah enjoys her new school -> You enjoy your new school
  third person:   I rang Aoife. You told me you were worried
                  -> The social worker rang Aoife. Aoife told the social worker she was worried
"""
from __future__ import annotations

from ..findings import Edit
from ..checks.person import people_words
from ..record import PRONOUN_SETS
from .grammar import (at_sentence_start, capitalise, clitic_written_out, keep_case,
                      plural_to_third_singular, third_singular_to_plural)
from .resolve import SUBJECT_DEPS, Resolver, gender_of, pronoun_kind

PERSON_CODES = {"RL101", "RL102", "RL103"}
CLITIC_S = {"'s", "’s"}
CLITICS = {"'s", "’s", "'re", "’re", "'ve", "’ve", "'m", "’m", "'ll", "’ll", "'d", "’d"}
FINITE_TAGS = {"VBZ", "VBP", "VBD", "MD"}
# Past participles that mostly describe a state: "she's worried" is "she is worried".
STATE_PARTICIPLES = {"worried", "excited", "scared", "upset", "pleased", "interested", "tired", "bored",
                     "supported", "allowed", "called", "based", "involved", "known", "married", "used",
                     "shocked", "surprised", "annoyed", "confused", "disappointed", "frightened",
                     "determined", "prepared", "amazed", "relieved", "embarrassed", "stressed", "engaged",
                     "registered", "enrolled", "booked", "signed", "placed", "housed", "employed"}


class Sentence:
    """The edits for one sentence, and whether anything in it was uncertain."""

    def __init__(self):
        self.edits: dict[tuple[int, int], str] = {}
        self.unsafe = False
        self.done: set[int] = set()  # token indexes already rewritten (e.g. a clitic)

    def put(self, start: int, end: int, text: str) -> None:
        self.edits[(start, end)] = text

    def as_edits(self, original: str) -> list[Edit]:
        return [Edit(s, e, t) for (s, e), t in sorted(self.edits.items()) if original[s:e] != t]


# --- verbs -------------------------------------------------------------------------------------

def coordinated(subj) -> bool:
    """'Nico and his carer' or 'Benji and I': the verb agrees with the pair, not the word."""
    return subj.dep_ == "conj" or any(c.dep_ == "conj" for c in subj.children)


def finite_of(verb, after: int = -1):
    """The finite verb of ``verb``'s clause: its first auxiliary, else itself (None if non-finite)."""
    chain = sorted([c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb], key=lambda t: t.i)
    for t in chain:
        if t.i > after and (t.tag_ in FINITE_TAGS or t.lower_ in CLITICS):
            return t
    return None


def agreeing_verbs(subj) -> list:
    """The finite verbs that agree with ``subj``: its own and those of conjoined verbs that share
    it ("YP is saving ... and has £420")."""
    if subj.dep_ not in SUBJECT_DEPS or coordinated(subj):
        return []
    head = subj.head
    out, todo = [], [head]
    first = finite_of(head, subj.i)
    if first is not None:
        out.append(first)
    while todo:
        v = todo.pop()
        for c in v.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > subj.i and \
                    not any(g.dep_ in (*SUBJECT_DEPS, "expl") for g in c.children):
                f = finite_of(c)
                if f is not None:
                    out.append(f)
                todo.append(c)
    return out


def clitic_s_means_has(tok) -> tuple[bool, bool]:
    """For "'s" after a subject: (means "has", certain). "'s been/got/had" is has; "'s on",
    "'s happy", "'s doing" is is; a bare participle is read as has unless it names a state."""
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and doc[j].tag_ in ("RB", "RBR") and doc[j].lower_ not in ("got",):
        j += 1
    if j >= len(doc):
        return False, True
    nxt = doc[j]
    if nxt.lower_ in ("been", "got", "had", "gotten", "made", "done", "seen", "taken", "told", "given"):
        return True, True
    if nxt.tag_ in ("VBN", "VBD"):
        if nxt.lower_ in STATE_PARTICIPLES:
            return False, True
        return True, any(c.dep_ in ("dobj", "prt") for c in nxt.children)
    return False, True


def name_clitic(tok):
    """The "'s" right after a name or phrase, and whether it is a verb ("Darcey's doing well")
    rather than a possessive ("Darcey's school"). None when there is none."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text not in CLITIC_S or tok.whitespace_:
        return None, False
    s = doc[tok.i + 1]
    if s.tag_ == "VBZ" or s.dep_ not in ("case", "poss"):
        return s, True
    nxt = doc[s.i + 1] if s.i + 1 < len(doc) else None
    if nxt is None or nxt.is_punct:
        return s, True
    if nxt.tag_ in ("VBG", "VBN", "VBD", "RB", "IN", "TO", "DT", "RBR"):
        return s, True
    if nxt.tag_ in ("JJ", "CD"):
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        return s, after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")
    return s, False


def misread_verb(name):
    """The small model sometimes reads "Vinnie shares a room" as a noun compound ("Vinnie
    shares") : a plural noun right after a name, followed by a determiner, a possessive, a
    preposition or an adverb, is a verb. Returns that word, or None."""
    doc = name.doc
    head = name.head
    if name.dep_ != "compound" or head.i != name.i + 1 or head.tag_ != "NNS" or head.i + 1 >= len(doc):
        return None
    return head if doc[head.i + 1].tag_ in ("DT", "PRP$", "IN", "RB", "TO", "CD") else None


# --- to the child (RL103) ------------------------------------------------------------------------

YOU_FORMS = {"she": "you", "he": "you", "they": "you", "him": "you", "them": "you",
             "hers": "yours", "theirs": "yours", "their": "your",
             "herself": "yourself", "himself": "yourself", "themselves": "yourself", "themself": "yourself"}


class ToChild:
    """Rewrite the child's name, "the child"/"YP" and their pronouns as "you"."""

    def __init__(self, rec, doc, findings, sent_no):
        self.rec, self.doc, self.text = rec, doc, rec.text
        self.sent_no = sent_no
        self.findings = [f for f in findings if f.code == "RL103" and f.start is not None]
        pron = rec.child.pronoun_words
        self.child_pron = pron or (PRONOUN_SETS["he"] | PRONOUN_SETS["she"])
        self.known_pronouns = bool(pron)
        self.gender = "f" if "she" in pron else "m" if "he" in pron else None
        self.they = "they" in pron or not pron

    def plan(self, sentences: dict) -> None:
        seeds, flagged = {}, set()
        for f in self.findings:
            span = self.doc.char_span(f.start, f.end, alignment_mode="expand")
            if span is None:
                continue
            low = self.text[f.start:f.end].lower()
            if low in self.child_pron:
                flagged.add(span.root.i)
            else:
                seeds[span.root.i] = (f.start, f.end)
        resolver = Resolver(self.child_pron, self.gender, self.they, people_words(self.rec.config))
        skip = lambda t: self.rec.in_speech(t.idx)  # noqa: E731
        pronouns = resolver.walk(self.doc, lambda t: self.sent_no(t.idx), set(seeds), skip)
        for i, (s, e) in seeds.items():
            self._name(self.doc[i], s, e, self._sentence(sentences, s))
        for i in sorted(pronouns):
            tok = self.doc[i]
            sent = self._sentence(sentences, tok.idx)
            self._pronoun(tok, sent)
            if not self.known_pronouns:
                sent.unsafe = True
        for i in flagged - pronouns - resolver.constrained:  # the rule says the child; the parse is
            # not clear either way (no binding or comparison rules it out)
            self._sentence(sentences, self.doc[i].idx).unsafe = True

    def _sentence(self, sentences, offset) -> Sentence:
        return sentences.setdefault(self.sent_no(offset), Sentence())

    def _cap(self, start: int, word: str) -> str:
        return capitalise(word) if at_sentence_start(self.text, start) else word

    def _name(self, tok, start, end, sent: Sentence) -> None:
        clitic, is_verb = name_clitic(self.doc[self.doc.char_span(start, end, alignment_mode="expand").end - 1])
        if clitic is not None:
            sent.done.add(clitic.i)
            if is_verb:
                has, certain = clitic_s_means_has(clitic)
                sent.put(start, clitic.idx + len(clitic), self._cap(start, "you've" if has else "you're"))
                sent.unsafe |= not certain
            else:
                sent.put(start, clitic.idx + len(clitic), self._cap(start, "your"))
            return
        sent.put(start, end, self._cap(start, "you"))
        verb = misread_verb(tok)
        if verb is not None:  # "Vinnie shares a room" tagged as a noun compound
            sent.done.add(verb.i)
            sent.put(verb.idx, verb.idx + len(verb), third_singular_to_plural(verb.text) or verb.text)
        if not self._agree(tok, sent):
            self._agree_next(tok, end, sent)

    def _agree_next(self, tok, end: int, sent: Sentence) -> None:
        """A name misread as an object ("... a bed mat and Lily-Mae has an appointment"): a
        finite verb right after it, with no subject of its own, agrees with it."""
        span = self.doc.char_span(tok.idx, end, alignment_mode="expand")
        j = span.end if span is not None else tok.i + 1
        if j >= len(self.doc) or j in sent.done:
            return
        v = self.doc[j]
        if (v.tag_ == "VBZ" or v.lower_ == "was") and not any(c.dep_ in SUBJECT_DEPS for c in v.children):
            new = third_singular_to_plural(v.text)
            if new is not None:
                sent.done.add(j)
                sent.put(v.idx, v.idx + len(v), new)

    def _pronoun(self, tok, sent: Sentence) -> None:
        low = tok.lower_
        kind = pronoun_kind(tok)
        if low in ("her", "his") and kind == "possessive":
            word = "your"
        elif low == "his":
            word = "yours"
        else:
            word = YOU_FORMS.get(low, "you")
        sent.put(tok.idx, tok.idx + len(tok), keep_case(tok.text, word) if not at_sentence_start(
            self.text, tok.idx) else capitalise(word))
        if low in ("she", "he"):
            self._agree(tok, sent)

    def _agree(self, subj, sent: Sentence) -> bool:
        """Make the subject's finite verbs agree with "you"; False when it has none."""
        verbs = agreeing_verbs(subj)
        for v in verbs:
            if v.i in sent.done:
                continue
            sent.done.add(v.i)
            if v.text in CLITIC_S:
                has, certain = clitic_s_means_has(v)
                sent.put(v.idx, v.idx + len(v), "'ve" if has else "'re")
                sent.unsafe |= not certain
            elif v.tag_ == "VBZ" or v.lower_ == "was":
                new = third_singular_to_plural(v.text)
                if new is not None:
                    sent.put(v.idx, v.idx + len(v), new)
        return bool(verbs)


def mentions_in(doc, words) -> list:
    return [t for t in doc if t.lower_ in words]


__all__ = ["ToChild", "Sentence", "PERSON_CODES", "agreeing_verbs", "clitic_s_means_has", "gender_of",
           "plural_to_third_singular", "clitic_written_out"]
