"""Rewrite first and second person (RL101, RL102) into the third person.

  I / me / myself -> the author ("The social worker" at the start of a sentence);
  my / mine -> "the social worker's"; verbs agree: I am -> is, I have -> has, I visit -> visits.
  we / us -> "the social worker and [child]" when the sentence (or the two before it) has the
  author and the child together, else "the council" (the plain word for the local authority, which is jargon:
  rules/lexicon/jargon.yaml); our -> their / its.
  you / your / yourself -> the person addressed: the child unless a sentence opens by naming
  someone else ("Kirsty, you have done well"); their name the first time in a sentence,
  then their pronoun; verbs agree (you are -> Kayla is, you go -> she goes).
"""
from __future__ import annotations

import re

from .grammar import (IRREGULAR_PAST, SAME_PAST, at_sentence_start, capitalise, clitic_written_out,
                      plural_to_third_singular)
from .person import CLITICS, Sentence, agreeing_verbs
from .resolve import governor

FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
SECOND = {"you", "your", "yours", "yourself", "yourselves"}
ORG_WORDS = re.compile(r"\b(?:children'?s services|social care|the council|local authority|the department"
                       r"|the service|our service|our team|the team|children's social care)\b", re.IGNORECASE)
READER_ASIDE = re.compile(r"\b[Aa]s you (?:know|will know|may know|can see|will see|will remember|are aware)"
                          r"\b,?[ \t]*")
VOCATIVE = re.compile(r"^([A-Z][\w'’-]+),[ \t]+")
PRONOUNS = {  # subject, object, possessive, standalone, reflexive
    "she": ("she", "her", "her", "hers", "herself"),
    "he": ("he", "him", "his", "his", "himself"),
    "they": ("they", "them", "their", "theirs", "themselves"),
}


def possessive(phrase: str) -> str:
    return phrase + ("'" if phrase.endswith("s") and phrase[:1].isupper() and " " not in phrase else "'s")


class ToThird:
    def __init__(self, rec, doc, findings, sent_no, author: str):
        self.rec, self.doc, self.text = rec, doc, rec.text
        self.sent_no = sent_no
        self.author = author
        self.findings = sorted((f for f in findings if f.code in ("RL101", "RL102") and f.start is not None),
                               key=lambda f: f.start)
        child = rec.child
        self.child_name = child.first_name
        pron = child.pronoun_words
        self.child_pron = next((k for k in ("she", "he", "they") if k in pron), None)
        self.addressee: tuple[str, str | None] | None = None  # (name, pronoun key) of a vocative
        self.pair_sents: set[int] = set()

    # --- whole record ---------------------------------------------------------------------------
    def plan(self, sentences: dict) -> None:
        groups: dict[int, list] = {}
        for f in self.findings:
            groups.setdefault(self.sent_no(f.start), []).append(f)
        for sno in sorted(groups):
            self._sentence(sno, groups[sno], sentences.setdefault(sno, Sentence()))

    def _bounds(self, sno: int) -> tuple[int, int]:
        return self.rec.sentences[sno] if 0 <= sno < len(self.rec.sentences) else (0, len(self.text))

    def _sentence(self, sno, found, sent: Sentence) -> None:
        s, e = self._bounds(sno)
        force_cap = self._vocative(s, e, found, sent)
        for m in READER_ASIDE.finditer(self.text, s, e):
            sent.put(m.start(), m.end(), "")
            sent.done.update(t.i for t in self.doc.char_span(m.start(), m.end(), alignment_mode="expand"))
            if at_sentence_start(self.text, m.start()):
                force_cap = m.end()
        state = {"named": False, "start": force_cap if force_cap is not None else s, "force": force_cap}
        for f in found:
            span = self.doc.char_span(f.start, f.end, alignment_mode="expand")
            if span is None or span.root.i in sent.done:
                continue
            self._token(span.root, sno, sent, state)
        if force_cap is not None and not any(k[0] == force_cap for k in sent.edits):
            self._capitalise_word(force_cap, sent)

    def _capitalise_word(self, pos: int, sent: Sentence) -> None:
        m = re.match(r"[a-z]", self.text[pos:pos + 1])
        if m:
            sent.put(pos, pos + 1, self.text[pos].upper())

    def _vocative(self, s, e, found, sent: Sentence) -> int | None:
        """'Kirsty, you have ...': the sentence names who it speaks to; drop the name and speak
        of them. Returns where the sentence now starts, or None."""
        m = VOCATIVE.match(self.text[s:e])
        if not m or not any(self.text[f.start:f.end].lower() in SECOND for f in found):
            return None
        span = self.doc.char_span(s, s + len(m.group(1)), alignment_mode="expand")
        if span is None or span.root.pos_ != "PROPN":
            return None
        name = m.group(1)
        self.addressee = None if name == self.child_name else (name, None)
        sent.put(s, s + m.end(), "")
        return s + m.end()

    # --- one word ---------------------------------------------------------------------------
    def _token(self, tok, sno, sent: Sentence, state) -> None:
        low = tok.lower_
        cap = at_sentence_start(self.text, tok.idx) or tok.idx == state["force"]
        if low in FIRST_SINGULAR:
            word = self.author if low not in ("my", "mine") else possessive(self.author)
            self._put(tok, word, cap, sent)
            if low == "i":
                self._agree(tok, sent, singular=True, pronoun=False)
        elif low in FIRST_PLURAL:
            self._we(tok, sno, sent, state, cap)
        elif low in SECOND:
            self._you(tok, sent, state, cap)

    def _put(self, tok, word: str, cap: bool, sent: Sentence) -> None:
        sent.put(tok.idx, tok.idx + len(tok), capitalise(word) if cap else word)
        sent.done.add(tok.i)

    def _agree(self, subj, sent: Sentence, singular: bool, pronoun: bool) -> None:
        """Make the finite verbs agree with the new subject (a noun phrase unless ``pronoun``)."""
        for v in agreeing_verbs(subj):
            if v.i in sent.done:
                continue
            sent.done.add(v.i)
            low = v.lower_.replace("’", "'")
            if low in CLITICS:
                full = clitic_written_out(low, lemma_have=v.i + 1 < len(v.doc) and v.nbor(1).tag_ == "VBN")
                if singular:
                    full = plural_to_third_singular(full) if full in ("am", "are", "have") else full
                new = ("'s" if low in ("'re", "'ve", "'m") and singular else v.text) if pronoun else " " + full
            elif low in IRREGULAR_PAST:
                continue
            elif singular and low in SAME_PAST:
                sent.unsafe = True  # "I read": present or past?
                continue
            elif singular and (v.tag_ == "VBP" or low in ("am", "are", "were")):
                new = "was" if low == "were" else plural_to_third_singular(v.text)
            else:
                continue
            sent.put(v.idx, v.idx + len(v), new)

    # --- we ---------------------------------------------------------------------------------
    def _we(self, tok, sno, sent: Sentence, state, cap: bool) -> None:
        low = tok.lower_
        if state.get("we") is None and low in ("we", "us"):
            state["we"] = "pair" if self._pair(tok, sno) else "la"
        pair = (state.get("we") or ("pair" if sno - 1 in self.pair_sents else "la")) == "pair"
        if pair:
            self.pair_sents.add(sno)
            phrase = f"{self.author} and {self.child_name or 'the child'}"
            word = {"our": "their", "ours": "theirs", "ourselves": "themselves"}.get(low, phrase)
        else:
            la, its = "the council", "its" if state.get("we") == "la" else "the council's"
            word = {"our": its, "ours": its, "ourselves": "itself"}.get(low, la)
        self._put(tok, word, cap, sent)
        if low == "we":
            self._agree(tok, sent, singular=not pair, pronoun=False)

    def _pair(self, tok, sno) -> bool:
        """Does this 'we' mean the author and the child? Yes when the child takes part in the
        same clause or the next one ("Jude wanted to go, so we walked"), or the sentences just
        before, on the same line, had the author and the child together."""
        s, e = self._bounds(sno)
        if ORG_WORDS.search(self.text, s, e) or self.addressee is not None:
            return False
        span = self.doc.char_span(s, e, alignment_mode="expand")
        we_verbs = {governor(t).i for t in span if t.lower_ in ("we", "us") and not self.rec.in_speech(t.idx)}
        if any(self._child_here(t, we_verbs) for t in span):
            return True
        line = self.rec.line_of(s)
        for back in (1, 2):
            n = sno - back
            if n < 0 or self._bounds(n)[0] < line[0]:
                break
            if n in self.pair_sents or self._author_with_child(n):
                return True
        return False

    def _child_here(self, t, we_verbs: set[int]) -> bool:
        if self.rec.in_speech(t.idx) or t.dep_ == "poss" or (t.i + 1 < len(t.doc) and t.nbor(1).tag_ == "POS"):
            return False
        is_child = (self.child_name is not None and t.text == self.child_name) or \
            (t.lower_ in SECOND and self.addressee is None)
        if not is_child:
            return False
        verb = governor(t)
        if t.dep_ in ("dobj", "dative", "pobj") and verb.i in we_verbs:
            return False  # "we met you": you are not one of "we"
        near = {verb.i, verb.head.i} | {c.i for c in verb.children}
        return bool(near & we_verbs)

    def _author_with_child(self, sno) -> bool:
        s, e = self._bounds(sno)
        words = [t for t in self.doc.char_span(s, e, alignment_mode="expand") if not self.rec.in_speech(t.idx)]
        return any(t.text in ("I", "me") for t in words) and any(t.text == self.child_name for t in words)

    # --- you --------------------------------------------------------------------------------
    def _who(self) -> tuple[str, str | None]:
        if self.addressee is not None:
            return self.addressee
        return (self.child_name or "the child", self.child_pron)

    def _you(self, tok, sent: Sentence, state, cap: bool) -> None:
        name, pron = self._who()
        if self.child_name is None or (self.addressee is None and pron is None):
            sent.unsafe = True
        named = state["named"] or bool(re.search(rf"\b{re.escape(name)}\b", self.text[state["start"]:tok.idx]))
        low = tok.lower_
        kind = "reflexive" if low.startswith("yoursel") else "possessive" if low in ("your", "yours") else \
            "subject" if tok.dep_ in ("nsubj", "nsubjpass") else "object"
        use_name = not named or pron is None
        if use_name and kind != "reflexive":
            word = possessive(name) if kind == "possessive" else name
        else:
            forms = PRONOUNS[pron or "they"]
            idx = {"subject": 0, "object": 1, "possessive": 2 if low == "your" else 3, "reflexive": 4}[kind]
            word = forms[idx]
        state["named"] = True
        self._put(tok, word, cap, sent)
        if kind == "subject":
            self._agree(tok, sent, singular=word != "they", pronoun=not use_name)
