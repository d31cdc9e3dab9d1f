"""Clauses: is one unit an action, and whose, with which verb? Reads tagged tokens.

The unit's tokens come from a region tagged at level "tag" (tags, POS, lemmas). An action
has an anchor: a modal ("Kelly will ..."), "need(s) to", "is going to", "is/are to", or an
early infinitive of intent ("Social worker to ..."); or, where imperatives are allowed
(bullets, tables, plan sections), it starts with a verb ("Book the dentist"). Then:

  owner    the words before the anchor ("If X, Y will ..." -> Y), or a passive's "by" agent
  verb     the main verb (through "continue to", "keep on"), and whether it is vague
  passive  "will be arranged"
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..phrases import PlanningPhrases
from .timescale import CLEAR_RE, MONTH
from .units import AUTHOR_AGREED, AUTHOR_WOULD as _AUTHOR_WOULD, BASE_VERBS, DIRECTED, MINUTED_REQUEST, \
    RECOMMEND_GERUND, LineSlot, is_minutes, plan_slots, verb_only


@dataclass
class Action:
    start: int
    end: int
    kind: str                       # modal, infinitive, imperative, hoped, table, field
    owner: str | None = None        # who is responsible, as written
    verb: str | None = None         # the main verb (lemma)
    passive: bool = False
    vague: str | None = None        # the vague verb or phrase, if any
    no_owner_phrase: str | None = None
    vague_soft: bool = False        # vague only without a clear timescale ("review", "have")
    when: tuple[int, int] | None = None   # a When column / By when field
    context: list[tuple[int, int]] = field(default_factory=list)  # where its timescale may be
    line: tuple[int, int] | None = None


_FINITE = {"VBD", "VBZ", "VBP"}
_SUBORD = {"that", "what", "which", "who", "whom", "whether", "if", "when", "where", "because", "so", "and",
           "or", "but", "how", "why", "until", "while", "as", "than", "once", "after", "before", "whose"}
NOT_OWNER = {"it", "there", "this", "that", "these", "those", "which", "what"}
_MODALS = {"will", "'ll", "’ll", "shall", "must", "should"}
# Verbs of commitment in the present: "The school promises to send ...", "Jo undertakes to ring ..." (the past,
# "Mum promised to ...", tells a story)
_PROMISING = {"promise", "promises", "undertake", "undertakes", "pledge", "pledges"}
_TIME_OPENINGS = {"when", "once"}   # "When X, Y will ...": Y (with the conditional openings)
# What a body is for or made of, told with "would" in minutes: its remit, not a decision to act
_REMIT = re.compile(r"(?:(?:also|mainly|largely|primarily|then)\s+)?(?:focus|concentrate|consist|comprise|"
                    r"bring\s+together|be\s+made\s+up|be\s+responsible|cover|represent|serve\s+as|act\s+as)\b")
_NEXT = object()   # _anchor_at: no anchor at this token, look further
_UNDECIDED = object()   # _before_to: not a word that makes "to" a modal


class ClauseReader:
    """Reads one unit of a record (start, end) into an Action, or None."""

    def __init__(self, rec, ph: PlanningPhrases):
        self.rec, self.ph, self.text = rec, ph, rec.text
        self.plan_item = False   # the unit is an item of a plan list ("Recommendations: 1. ...")
        self.recommends = False  # ... of a list of recommendations
        self.in_section = False  # the unit is anywhere in a plan section (an item or running text under "Plan")

    def read(self, region, s: int, e: int, kind: str | None, imperative_ok: bool) -> Action | None:
        toks = [t for t in region.span if not t.is_space]
        if not toks or _prohibition(toks):
            return None  # "Do not presume that ...", "Never leave ...": a rule, not a step
        no_owner = self.ph.no_owner.search(self.text[s:e])
        told = self._promised_or_requested(toks, region, s, e)
        if told is not _NEXT:
            return told
        anchor = self._anchor(toks)
        if anchor is not None and imperative_ok and (_modal_in_relative(toks, anchor[1], self.ph) or
                                                     _order_then_effect(toks, anchor[1], self.ph)):
            # "Develop rules which will then be checked": the order is the step, if it is one
            act = self._without_anchor(toks, region, s, e, kind, imperative_ok, no_owner)
            if act is not None:
                return act
        if anchor is None:
            return self._without_anchor(toks, region, s, e, kind, imperative_ok, no_owner)
        a_idx = anchor[1]
        if self.rec.in_speech(region.start_of(toks[a_idx])):
            return None
        # reported: "Mum said she will call" - a speech or thought verb before the anchor
        for t in toks[:a_idx]:
            if (t.lemma_.lower() in self.ph.reporting or t.lower_ in self.ph.reporting_forms) and \
                    t.tag_ in _FINITE | {"VBN", "VBG"} and not no_owner and not self._recommended(toks, a_idx):
                return None   # not "The ombudsman said the council should pay ...": a reported recommendation
        act = self._build(toks, region, s, e, anchor, kind, no_owner)
        if act is None and no_owner:  # "Regular check-ins will be necessary": a step no one owns
            return self._no_owner_step(toks, region, s, e, no_owner)
        return act

    def _without_anchor(self, toks, region, s, e, kind, imperative_ok, no_owner) -> Action | None:
        """A unit with no modal or infinitive of intent: a telegraphic step, a no-owner step, a bare
        verb in a plan list, or an imperative."""
        if imperative_ok is True:
            toks = _after_list_label(toks)  # "Financial Support: Facilitate access ...": the step
        # a step with no verb of its own: "Increased monitoring required"
        step = read_telegraphic(toks, region, self.ph, self.text, s, e, kind)
        if step is None:
            step = self._recommended_doing(toks, region, s, e) or self._subjunctive_passive(toks, region, s, e)
        if step is None and no_owner and _RECOMMENDED.search(no_owner.group(0)):
            step = self._recommended_that(toks, region, s, e, no_owner)
        if step is None and no_owner and _that_statement(toks, region, s + no_owner.end()):
            return None  # "It is important that plans are based on ...": a principle, not a step
        if step is None and no_owner:
            step = self._no_owner_step(toks, region, s, e, no_owner)
        if step is None and imperative_ok is True:
            step = self._bare_step(toks, region, s, e, kind)
        if step is None and self.plan_item:
            step = self._gerund_item(toks, region, s, e)   # "exploring the feasibility of ..."
        if step is not None or not imperative_ok:
            return step
        if self.plan_item and _opens_with_to(toks):
            return self._aim(toks, region, s, e)   # "To create a clear pathway of support ..."
        return self._imperative(toks, region, s, e, kind, no_owner, prose=imperative_ok == "prose")

    # -- the anchor -------------------------------------------------------------------------
    def _anchor(self, toks) -> tuple[str, int, int] | None:
        """(kind, index of the anchor word, index of the first verb after it) or None."""
        low = [t.lower_ for t in toks]
        for i in range(len(toks)):
            if low[i] == "to" and low[i - 2:i] == ["in", "order"]:
                continue   # "In order to keep Kai safe, Mum will ...": a purpose; the anchor comes later
            found = self._anchor_at(toks, low, i)
            if found is not _NEXT:
                return found
        return None

    def _anchor_at(self, toks, low, i):
        t, w, n, nxt = toks[i], low[i], len(toks), i + 1
        if self._modal(toks, i):
            return ("modal", i, nxt)
        urged = self._urged(toks, low, i)
        urged = urged if urged is not None else self._undertaken(toks, low, i)
        if urged is not None:
            return ("modal", i, urged)
        found = self._before_to(toks, low, i) if i > 0 and nxt < n and low[nxt] == "to" else _UNDECIDED
        if found is not _UNDECIDED:
            return found
        if w == "to" and t.tag_ == "TO" and nxt < n and toks[nxt].tag_ in ("VB", "VBP", "NN") and i > 0:
            if self._infinitive_prefix_ok(toks, i) and _no_finite_after(toks, nxt):
                return ("infinitive", i, nxt)
            return _NEXT if _joined_modal_clause(low, nxt) else None
        if t.tag_ in _FINITE | {"MD"} and self._verbish(toks, i):
            return self._finite_first(toks, low, i)
        return _NEXT

    def _before_to(self, toks, low, i):
        """A word before "to" that makes it a modal of intent ("needs to", "is going to", "is to", "promises to"):
        the anchor, None (not an action), _NEXT (read on) or _UNDECIDED (not such a word)."""
        t, w, n, nxt = toks[i], low[i], len(toks), i + 1
        if w in ("need", "needs"):   # not "together with the need to provide training": a noun there
            return _NEXT if _need_after_preposition(toks, i) else ("modal", i, nxt + 1)
        if w in _PROMISING and t.tag_ in ("VBZ", "VBP"):
            return ("modal", i, nxt + 1)   # "Their manager promises to send someone": a commitment
        if w == "going" and low[i - 1] in ("is", "are", "am", "'s", "'re"):
            return ("modal", i, nxt + 1) if nxt + 1 < n and toks[nxt + 1].tag_ == "VB" else None
        if w in ("is", "are") and nxt + 1 < n and toks[nxt + 1].tag_ == "VB":
            if any(t2.lemma_.lower() in self.ph.abstract_subjects for t2 in toks[:i]):
                return None  # "My job is to make sure ...": a statement of role, not an action
            return ("modal", i, nxt + 1)
        return _UNDECIDED

    def _modal(self, toks, i: int) -> bool:
        """A modal of intent; in minutes, "would" too: "will" reported ("Officers would review ..."), but not
        a body's remit ("That group would focus on ...", "The subgroup would bring together ...")."""
        t = toks[i]
        if t.tag_ != "MD":
            return False
        if t.lower_ != "would":
            return t.lower_ in _MODALS
        after = " ".join(x.lower_ for x in toks[i + 1:i + 5])
        return is_minutes(self.rec) and _REMIT.match(after) is None

    def _urged(self, toks, low, i) -> int | None:
        """"Health practitioners are urged to consider ...", "Schools are expected to share ...": a directive in
        the passive, its subject the owner (the index of the verb after "to"); told in the past ("Members were
        encouraged to attend") only in minutes, where it reports a decision, not a story."""
        if i == 0 or low[i] not in ("is", "are", "was", "were") or toks[i - 1].tag_ in ("WDT", "WP"):
            return None   # "... identify what is expected to change": a noun clause names no one directed
        j = i + 2 if low[i + 1:i + 2] == ["also"] else i + 1
        if low[j:j + 1] and low[j] in DIRECTED and low[j + 1:j + 2] == ["to"] and j + 2 < len(toks) and \
                toks[j + 2].tag_ == "VB" and (low[i] in ("is", "are") or is_minutes(self.rec)):
            return j + 2
        return None

    def _undertaken(self, toks, low, i) -> int | None:
        """In minutes, "The Town Clerk agreed to highlight ...", "Jo and the school had agreed to do a piece of
        work": someone's undertaking, minuted in the past, a step they own (the index of the verb after "to").
        Not "it was agreed to ..." (no one named), nor outside minutes, where "Mum agreed to ..." is a story; but
        in the present perfect, in any record, an undertaking still to be done: "The Council has agreed to pay"."""
        if low[i] != "agreed" or i == 0 or low[i - 1] in ("was", "were", "is", "been") or \
                low[i + 1:i + 2] != ["to"] or i + 2 >= len(toks) or not _base_verb_after_to(toks[i + 2]):
            return None
        perfect = low[i - 1] in ("has", "have") or (i > 1 and low[i - 1] in ("now", "also") and
                                                    low[i - 2] in ("has", "have"))
        return i + 2 if perfect or is_minutes(self.rec) else None

    def _finite_first(self, toks, low, i):
        """A finite verb before any anchor: narrative ("The plan is for you to ..."), unless a
        modal follows in the same clause."""
        w, n = low[i], len(toks)
        if w in ("need", "needs", "has", "have", "is", "are", "am") and i + 1 < n and low[i + 1] in ("to", "going"):
            return _NEXT
        if w in ("has", "have", "had") and low[i + 1:i + 3] == ["agreed", "to"]:
            return _NEXT   # "Jo had agreed to do a piece of work": _undertaken reads it (in minutes)
        later = [j for j in range(i + 1, n) if low[j] in _MODALS or low[j] in ("need", "needs") or
                 (low[j] in ("has", "have") and low[j + 1:j + 3] == ["agreed", "to"] and
                  ("and" in low[i + 1:j] or "," in low[i + 1:j]))]
        if not later:
            return None   # (a next clause's "..., the Council has agreed to pay £500" is an undertaking too)
        # "It is a plan for how you will ...": the modal is in a subordinate clause
        if any((low[j] in _SUBORD and low[j] not in ("and", "or", "but"))
               or toks[j].tag_ in ("WDT", "WP", "WRB") for j in range(i + 1, later[0])) \
                and not self.ph.no_owner.search(" ".join(low[:later[0]])):
            return _NEXT if self._recommended(toks, later[0]) else None
        return _NEXT

    def _recommended(self, toks, a_idx: int) -> bool:
        """"The review has highlighted that staff should be given more support": a review's recommendation,
        reported (planning.yaml's review_subjects and recommending_verbs); not "should have acted"."""
        before = toks[:a_idx]
        verb = next((j for j, t in enumerate(before) if t.tag_ in ("VBD", "VBZ", "VBP", "VBN")
                     and t.lemma_.lower() in self.ph.recommending_verbs), None)
        if verb is None or toks[a_idx].lower_ not in ("should", "must") or \
                (a_idx + 1 < len(toks) and toks[a_idx + 1].lower_ == "have"):
            return False
        nouns = [t for t in before[:verb] if t.pos_ in ("NOUN", "PROPN")]
        # "that" after the verb, or none after "said" / "found" ("The ombudsman said the council should pay")
        bare = before[verb].lemma_.lower() in ("say", "find") and verb + 1 < len(before) and \
            before[verb + 1].tag_ in ("DT", "NNP", "NNPS", "NNS", "NN", "PRP$")
        return bool(nouns) and any(t.lemma_.lower() in self.ph.review_subjects for t in nouns) and \
            (bare or any(t.lower_ == "that" for t in before[verb + 1:]))

    def _recommended_start(self, toks, a_idx: int) -> int:
        """Where the recommended clause starts: after its "that", or after "said" / "found" with none."""
        that = [i for i in range(a_idx) if toks[i].lower_ == "that"]
        if that:
            return that[-1] + 1
        return next(i for i in range(a_idx) if toks[i].lemma_.lower() in ("say", "find")) + 1

    def _verbish(self, toks, i) -> bool:
        """A finite or base verb, not a name the tagger took for one ("Ian/VB to take ...")."""
        t, ph = toks[i], self.ph
        if t.tag_ not in _FINITE | {"MD", "VB"} or t.text.isupper():
            return False
        if t.text[:1].isupper() and i + 1 < len(toks) and toks[i + 1].lower_ in ("to", "and", ",", "&") and \
                t.lower_ not in ph.imperatives and t.lower_ not in ph.vague_verbs and \
                t.lower_ not in ph.pass_through and t.lower_ not in ph.reporting:
            return False
        return True

    def _infinitive_prefix_ok(self, toks, end) -> bool:
        prefix = toks[:end]
        if not prefix or len(prefix) > 10:
            return False
        words = [t for t in prefix if not t.is_punct]
        if not words:
            return False
        if words[0].lower_ in ("in", "order", "how", "what", "where", "when", "about", "going", "want", "wants",
                               "agreed", "asked", "is", "are", "was", "were", "plan", "aim", "goal", "need",
                               "needs"):
            return False
        if _gerund_step(words, toks, end):
            return True   # "Counselling to be arranged for Kai", "Further tutoring to be provided": a step
        if self._no_doer_before(words):
            return False
        if words[0].tag_ == "VBG" and words[0].lemma_.lower() in BASE_VERBS and \
                not any(t.text == "," for t in prefix):
            return False  # "Collating ideas to share with the board discussed": a topic, not a step
        if any(t.tag_ in ("VBN", "VBD") for t in words) or _gerund_after_preposition(prefix) or \
                self._object_of_preposition(prefix, words):
            return False  # "Follow-up scheduled for tomorrow to check ...": the "to" is a purpose
        if words[0].lower_ in self.ph.abstract_subjects and any(t.text == ":" for t in prefix):
            return False  # "Purpose of visit: to see Kayla": a label, not a step
        colon = max((i for i, t in enumerate(prefix) if t.text == ":"), default=None)
        if colon is not None and colon + 1 < len(prefix) and prefix[colon + 1].lower_ in self.ph.imperatives:
            return False  # "Financial Support: Facilitate access to programs to ...": an imperative, not its owner
        return not any(self._verbish(toks, i) for i in range(end))

    def _object_of_preposition(self, prefix, words) -> bool:
        """"Aside from the general support to help her ...", "With the money to buy a bike, ...": the noun
        after a preposition is its object, not a doer; the "to" completes that noun. Not after a comma ("After
        the review, Jo to call Mum"), nor a person ("After the review the social worker to call Mum")."""
        from .person import people_words   # person.py reads units: imported when first needed
        if len(words) > 2 and words[0].tag_ == "DT" and words[1].lemma_.lower() in self.ph.abstract_subjects and \
                words[2].lower_ in ("for", "of"):
            return True   # "The need for leaders to enable ...", "the chance for Kai to ...": the noun's own "to"
        last, opening = words[-1], words[1] if words[0].tag_ == "RB" and len(words) > 2 else words[0]
        if opening.tag_ != "IN" or len(words) < 2 or any(t.text == "," for t in prefix) or \
                last.tag_ not in ("NN", "NNS"):
            return False
        people = people_words(self.rec.config)
        return not ({last.lower_, last.lemma_.lower()} & (people.singular | people.plural))

    def _no_doer_before(self, words) -> bool:
        """The word before "to" is no one who acts: "Mother struggling to cope" (a concern), "great to meet
        you" (a feeling), "The father's intentions to seek support ...", "Opportunity to meet peers"."""
        last = words[-1]
        if last.tag_ == "VBG" or (last.tag_ == "JJ" and last.text.islower()):
            return True
        lemma = last.lemma_.lower()
        return last.tag_ in ("NN", "NNS") and lemma in self.ph.abstract_subjects and \
            (len(words) > 1 or lemma not in BASE_VERBS)

    # -- the action -------------------------------------------------------------------------
    def _imperative(self, toks, region, s, e, kind, no_owner, prose: bool = False) -> Action | None:
        words = _order_words(toks)
        if not words:
            return None
        first = words[0]
        if prose and not _clear_imperative(words, self.ph, toks):
            return None  # in running text only a clear imperative is a step: "Monitor closely."
        w = first.lower_
        second = words[1] if len(words) > 1 else None
        two = f"{w} {second.lower_}" if second is not None else w
        listed = w in self.ph.imperatives or two in self.ph.imperatives
        if self._orders(first, listed, kind) or prose or \
                (listed and (second is None or second.tag_ in _IMPERATIVE_NEXT + ("VBG",))):
            if _not_an_order(words, listed):
                return None
            act = Action(s, e, "imperative" if kind is None else kind)
            act.verb = first.lemma_.lower() if first.tag_ == "VB" else w   # a verb-only word is its own lemma
            self._judge_verb(act, words, 0, region, e)
            if no_owner:
                act.no_owner_phrase = no_owner.group(0)
            return act
        if no_owner:
            return Action(s, e, "hoped", no_owner_phrase=no_owner.group(0))
        return None

    def _orders(self, first, listed: bool, kind: str | None) -> bool:
        """A base verb first orders a step in a plan list, a table or a field, or when a plan list names the
        verb; outside a plan, a bullet with any other verb describes ("Both children-" / "• Wear dirty clothes")."""
        return _verb_first(first) and (listed or self.plan_item or kind is not None)

    def _aim(self, toks, region, s, e) -> Action | None:
        """A plan-list item that opens with an infinitive ("To develop a specialist service with dedicated
        staff"): a step that names no one; not an outcome hoped for ("To feel safe at home", "To be happier")."""
        lemma = toks[1].lemma_.lower()
        if lemma == "be" or (lemma in self.ph.stative_verbs and not self._step_after_all(toks, 1, lemma)):
            return None
        act = Action(s, e, "step")
        self._judge_verb(act, toks, 1, region, e)
        return act

    def _build(self, toks, region, s, e, anchor, kind, no_owner) -> Action | None:
        a_kind, a_idx, v_idx = anchor
        v_idx = _skip_adverbs(toks, v_idx)
        if v_idx >= len(toks) or _ability(toks, a_idx, v_idx):
            return None
        v_idx = _past_be_able(toks, v_idx)
        passive, v_idx = _passive(toks, _have_to_be(toks, v_idx))
        if passive is None:
            return None  # "will be 18", "will be on 2 May": a statement, not an action
        v = toks[v_idx]
        if v.tag_ not in ("VB", "VBN", "VBP", "NN", "VBZ", "JJ") and v.pos_ not in ("VERB", "AUX"):
            return None
        if self._statement(toks, a_idx, v_idx, passive):
            return None
        act = Action(s, e, kind or ("imperative" if a_kind == "modal" and not _words_before(toks, a_idx) else a_kind))
        act.passive = passive
        if passive:
            act.owner = self._agent(toks, v_idx, region)
        else:
            act.owner = self._subject(toks, region, s, a_kind, a_idx, no_owner)
            if a_kind == "infinitive" and _names_a_step(self.ph, toks[:a_idx]):
                # "Referral to ...", "Regular home visits to check ...": no one named
                act.owner, act.kind = None, "step"
            elif act.kind == "modal" and act.owner is None and not any(t.lower_ in NOT_OWNER for t in toks[:a_idx]):
                act.kind = "imperative"   # "Oops, nearly forgot, must call ...": no subject, no one named
        if no_owner:
            act.no_owner_phrase = no_owner.group(0)
        if self._recommended(toks, a_idx):   # its timescale is in the recommendation, not in "published today"
            that = self._recommended_start(toks, a_idx) - 1
            act.context = [(region.start_of(toks[that]), e)]
        self._judge_verb(act, toks, _have_to(toks, v_idx), region, e)
        return act

    def _bare_step(self, toks, region, s, e, kind) -> Action | None:
        """In a plan list, a singular name or role and a base verb with no "will" or "to": "Early Help
        Service lead a review of the guidance", "Mum attend every appointment" (a recommendation, or a
        step written short). A plural subject with its verb ("Parents attend ...") is a statement."""
        words = [t for t in toks if not t.is_punct or t.tag_ == "POS"]
        j = next((i for i, t in enumerate(words[:6]) if t.tag_ in ("VB", "VBP")), None)
        heads = ("NNP", "NN", "NNS", "NNPS") if self.recommends else ("NNP", "NN")
        if not j or any(t.tag_ not in ("NNP", "NN", "NNPS", "NNS", "POS", "JJ", "DT") for t in words[:j]) or \
                words[j - 1].tag_ not in heads or words[j].lemma_.lower() == "be" or \
                words[j - 1].lower_ in self.ph.general_subjects:
            return None   # under "Recommendations", "prescribing services consider ..." recommends too
            # (not "Parents attend the group": a rule for all of a kind; nor "Clothing Are the clothes
            # adequate": a form's question)
        act = Action(s, e, kind or "modal", owner=" ".join(t.text for t in words[:j]))
        self._judge_verb(act, words, j, region, e)
        return act

    def _gerund_item(self, toks, region, s, e) -> Action | None:
        """A plan-list item that opens with an -ing verb and its object ("exploring the feasibility of ...",
        "reviewing the guidance on neglect"): a step no one owns. Not a clause with a verb of its own
        ("Visiting Nan is fun"). Joined -ing verbs share the object ("Reviewing, developing and commissioning
        an early help offer")."""
        words = [t for t in toks if not t.is_punct]
        j = 1
        while j < len(words) - 1 and words[j].tag_ in ("CC", "VBG"):
            j += 1   # "Reviewing and commissioning ...", "Reviewing, developing and commissioning ..."
        if len(words) < 2 or words[0].tag_ != "VBG" or words[0].lemma_.lower() not in BASE_VERBS or \
                words[j].tag_ not in _GERUND_OBJECT or _finite_before_clause(words[j:]):
            return None
        act = Action(s, e, "step")
        self._judge_verb(act, words, 0, region, e)
        return act

    def _promise(self, toks, region, s, e, m) -> Action | None:
        """"I assured Remy that I would notify staff", "I ... agree to find out about grants": the author's
        own step, reported."""
        group = "verb" if "verb" in m.groupdict() else "agreed"
        verb = next((i for i, t in enumerate(toks) if region.start_of(t) >= m.start(group)), None)
        if verb is None:
            return None
        act = Action(s, e, "modal", owner=m.group("who" if group == "verb" else "agreer"))
        self._judge_verb(act, toks, verb, region, e)
        return act

    def _promised_or_requested(self, toks, region, s, e):
        """The author's promise ("I assured Remy that I would ..."), a request ("Please ring ..."), a meeting's
        request ("The Panel requested that Jo draft ..."): the Action (or None), or _NEXT when none is there."""
        promised = _AUTHOR_WOULD.search(self.text, s, e) or AUTHOR_AGREED.search(self.text, s, e)
        if promised and not self.rec.in_speech(promised.start()):
            return self._promise(toks, region, s, e, promised)
        if _REQUEST.match(self.text, s, e) and not self.rec.doc_type.to_child and toks[1:2] and toks[1].tag_ == "VB":
            return self._request(toks, region, s, e)
        requested = self._minuted_request(toks, region, s, e) or self._recommendation(toks, region, s, e)
        return _NEXT if requested is None else requested

    def _minuted_request(self, toks, region, s, e) -> Action | None:
        """In minutes, "The Committee requested that the manager develop a briefing": a meeting's decision in
        the subjunctive, its owner the subject of the "that" clause (not "requested that this was sent")."""
        request = MINUTED_REQUEST.search(self.text[s:e]) if is_minutes(self.rec) else None
        if request is None or self.rec.in_speech(s + request.start()):
            return None
        return self._recommended_that(toks, region, s, e, request)

    def _recommendation(self, toks, region, s, e) -> Action | None:
        """A recommendation in the subjunctive, in any record: "I recommend that the Department consider ...",
        "The report recommends social workers better understand ...", "It recommends teams be set up ..." (owned
        by no one); a call for action: "The review has called for staff to better identify neglect", "is calling
        on the council to ..." (not in the simple past, which tells a story: "Mum called for Kai to come in")."""
        m = re.compile(_RECOMMENDS, re.IGNORECASE).search(self.text, s, e)
        if m is None or self.rec.in_speech(m.start()) or self._family_view(self.text[s:m.start()]):
            return None
        after = [i for i, t in enumerate(toks) if region.start_of(t) >= m.end()]
        call = next((t for t in toks if region.start_of(t) == m.start("call")), None) if m.group("call") else None
        if not after or (call is not None and call.tag_ == "VBD"):
            return None
        verb = _subjunctive_verb(toks, after[0], to=bool(m.group("call")))
        if verb is None:
            return None
        v_idx, owner, passive = verb
        act = Action(s, e, "modal", owner=owner, passive=passive)
        act.context = [(region.start_of(toks[after[0]]), e)]   # its timescale is in the recommended clause
        self._judge_verb(act, toks, v_idx, region, e)
        return act

    def _family_view(self, before: str) -> bool:
        """The child or a family member recommends ("Kai recommends that his friends try the club", "Mum has
        called for Dad to leave"): their view, reported, not a recommendation of the record."""
        from .person import people_words   # person.py reads this module's neighbours: imported when first needed
        people = people_words(self.rec.config)
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", before)[-3:]}   # the subject: the words just before
        name = (self.rec.child.first_name or "").lower()
        return bool(words & (people.female | people.male | {"he", "she"})) or (bool(name) and name in words)

    def _request(self, toks, region, s, e) -> Action:
        """"Please talk to him and ring his parents": a request to whoever the record is for, a step they
        are asked to take (not on a page to the child, where "please" is advice)."""
        act = Action(s, e, "modal", owner="the reader")
        self._judge_verb(act, toks, 1, region, e)
        return act

    def _recommended_doing(self, toks, region, s, e) -> Action | None:
        """"Recommendations include connecting the children with ...": a step no one owns."""
        m = RECOMMEND_GERUND.search(self.text, s, e)
        verb = next((i for i, t in enumerate(toks) if m and region.start_of(t) == m.start("verb")), None)
        if verb is None:
            return None
        act = Action(s, e, "step")
        self._judge_verb(act, toks, verb, region, e)
        return act

    def _subjunctive_passive(self, toks, region, s, e) -> Action | None:
        """"The Committee agreed that this suggestion be taken forward", "The panel recommended that the
        guidance be reviewed": a decision's step in the subjunctive passive, owned by no one."""
        that = next((i for i, t in enumerate(toks) if t.lower_ == "that" and t.tag_ in ("IN", "WDT", "DT")), None)
        if that is None or that == 0 or toks[that - 1].tag_ not in ("VBD", "VBZ", "VBP", "VBN") or \
                toks[that - 1].lemma_.lower() not in self.ph.recommending_verbs | _DECIDING:
            return None
        be = next((i for i in range(that + 1, min(that + 7, len(toks))) if toks[i].lower_ == "be"), None)
        if be is None or be == that + 1 or be + 1 >= len(toks) or toks[be + 1].tag_ != "VBN" or \
                any(toks[i].tag_ not in _SUBJECT_TAGS for i in range(that + 1, be)):
            return None   # "... so that Kai could be happy": a modal before "be", not a subjunctive
        act = Action(s, e, "modal", passive=True)
        act.context = [(region.start_of(toks[that]), e)]   # its timescale is in the decision
        self._judge_verb(act, toks, be + 1, region, e)
        return act

    def _recommended_that(self, toks, region, s, e, no_owner) -> Action | None:
        """"It is recommended that social services collaborate with ...": a step in the subjunctive, its
        owner the subject of the "that" clause."""
        after = s + no_owner.end()
        rest = [i for i, t in enumerate(toks) if region.start_of(t) >= after and not t.is_punct]
        if len(rest) < 3 or toks[rest[0]].lower_ != "that":
            return None
        verb = next((i for i in rest[1:] if toks[i].tag_ in ("VB", "VBP")), None)
        if verb is None or verb == rest[1] or \
                any(toks[i].tag_ not in _SUBJECT_TAGS for i in rest[1:] if i < verb):
            return None
        act = Action(s, e, "modal", owner=" ".join(toks[i].text for i in rest[1:] if i < verb))
        self._judge_verb(act, toks, verb, region, e)
        return act

    def _no_owner_step(self, toks, region, s, e, no_owner) -> Action:
        """"It is essential to continue monitoring ...": a step that names no one."""
        act = Action(s, e, "hoped", no_owner_phrase=no_owner.group(0))
        after = s + no_owner.end()
        to = next((i for i, t in enumerate(toks) if region.start_of(t) >= after and t.lower_ == "to"), None)
        if to is not None and to + 1 < len(toks):
            self._judge_verb(act, toks, to + 1, region, e)
        return act

    # -- statements that look like actions ----------------------------------------------------
    def _statement(self, toks, a_idx: int, v_idx: int, passive: bool) -> bool:
        """A clause with an anchor that is not a plan step: what a document says ("This plan will
        tell you ..."), a state or arrangement ("You will live in halls"), a conclusion ("must have
        made"), a general rule ("Nobody should ...") or a list item that is a noun clause ("where
        you'll live")."""
        ph = self.ph
        subject = [t for t in toks[:a_idx] if not t.is_punct]
        lemma = toks[v_idx].lemma_.lower()
        if subject and subject[0].tag_ in ("WDT", "WP", "WRB") and \
                not any(t.text == "," or t.tag_ in _FINITE for t in toks[1:a_idx]):
            return True  # "where you'll live", "who will look after you": what the plan is about
        head = _subject_head(subject)
        if head is not None and head.lemma_.lower() in ph.document_subjects and not self._situation(head) and \
                (lemma in ph.content_verbs or passive or head.pos_ in ("NOUN", "PROPN")):
            return True  # "The care plan should say ...", "It will be reviewed", "The record will establish ..."
        if not passive and self._offers(head, lemma):
            return True  # "This webinar will give an overview ...", "The website will help schools ...": its offer
        if any(t.lower_ in ph.standing_adverbs for t in toks[a_idx + 1:v_idx]):
            return True  # "I will never tell them ...", "It will usually be chaired by ...": a rule or a habit
        if self._process(toks[:a_idx], lemma):
            return True  # "The conference will decide ...", "Everyone involved will work with you ..."
        if not passive and lemma in ph.stative_verbs and not self._step_after_all(toks, v_idx, lemma):
            return True  # "You will live in halls", "You will always have a say"
        if passive and lemma == "involve":
            return True  # "You will be involved in making the plan"
        return self._conclusion_or_rule(toks, a_idx, v_idx, passive, subject, head)

    def _offers(self, head, lemma: str) -> bool:
        """An event or a resource (planning.yaml's resource_subjects) that gives, helps, covers ...: what it offers."""
        return head is not None and head.lemma_.lower() in self.ph.resource_subjects and \
            (lemma in self.ph.content_verbs or lemma in ("provide", "offer"))

    def _situation(self, head) -> bool:
        """"it" in a record not written to the child is the matter in hand, not the plan: "The parents reject
        the concerns, but it has to be monitored" is a step no one owns (to the child, "It will be reviewed" is
        the plan)."""
        return head.lower_ == "it" and not self.rec.doc_type.to_child

    def _conclusion_or_rule(self, toks, a_idx: int, v_idx: int, passive: bool, subject, head) -> bool:
        """"... must have made their lives bewildering" (a conclusion); a procedure's agentless rule; a
        general rule ("Nobody should ...")."""
        if toks[a_idx].lower_ == "must" and toks[v_idx].lower_ == "have" and v_idx + 1 < len(toks) and \
                toks[v_idx + 1].tag_ == "VBN":
            return True
        if self._recommended(toks, a_idx):
            return False  # "The review recommends that schools should ...": a recommended step
        if passive and toks[a_idx].lower_ in ("should", "must", "is", "are") and self._procedure():
            return True  # "During these visits the child should be seen alone": a procedure's rule
        return self._general_rule(toks, a_idx, subject, head)

    def _process(self, before, lemma: str) -> bool:
        """The process as the doer: a meeting or court that decides or chairs, or everyone."""
        if _together(before) and lemma in self.ph.process_verbs:
            return True   # "Together they will decide with you whether ...": the meeting, told to the child
        chunk = _first_chunk(before)
        if not chunk:
            return False
        head = chunk[-1].lemma_.lower()
        if head == "it" and before[-1].lower_ != "it":
            return False  # "It is hoped that you will see ...": "it" is not the doer
        return (head in self.ph.process_subjects and lemma in self.ph.process_verbs) or \
            " ".join(t.lower_ for t in chunk) in self.ph.universal_subjects

    def _general_rule(self, toks, a_idx: int, subject, head) -> bool:
        """"Nobody should ...", "Parents should ...", "Home visits must be made ...": a rule for everyone
        of a kind (a listed subject, or a bare plural when the sentence does not name the child)."""
        if toks[a_idx].lower_ not in ("should", "must", "has", "have", "can", "need") and \
                not _directed(toks, a_idx):
            return False   # "Pupils are expected to wear uniform": a directive in the passive is a rule too
        words = " ".join(t.lower_ for t in subject)
        if words in self.ph.general_subjects or (head is not None and head.lower_ in self.ph.general_subjects):
            # in a list of recommendations, a group that acts is who the recommendation is for ("Staff should
            # allow enough time ..."); everyone or no one stays a rule ("Nobody should ...")
            return not (self.recommends and head is not None and head.lower_ not in _EVERYONE)
        return (_bare_plural(toks[:a_idx]) or _every(subject) or
                (_any_one(subject, toks[a_idx]) and not self.in_section)) and \
            not self._names_the_child(toks) and not self.plan_item

    def _procedure(self) -> bool:
        """A record about no one child, about children in general ("the child", "a child", "children"),
        with no plan section, table or fields: procedures and guidance, whose agentless "should be" /
        "is to be" sentences are its rules (a visit report's "Recommended actions" are steps)."""
        if "procedure" not in self.rec.cache:
            self.rec.cache["procedure"] = not self.rec.child.first_name and \
                _ANY_CHILD.search(self.text) is not None and \
                all(isinstance(slot, LineSlot) and not slot.in_plan for slot in plan_slots(self.rec, self.ph))
        return self.rec.cache["procedure"]

    def _names_the_child(self, toks) -> bool:
        name = self.rec.child.first_name
        return bool(name) and any(t.text == name for t in toks)

    def _step_after_all(self, toks, v_idx: int, lemma: str) -> bool:
        """"need to claim", "have to go", "remember to bring" (the step is the next verb); "have a dental check"
        (an event)."""
        nxt = toks[v_idx + 1:v_idx + 5]
        if nxt and nxt[0].lower_ == "to" and lemma in ("need", "have", "get", "remember"):
            return self._step_after_to(toks, v_idx + 2)
        if lemma == "receive" and v_idx and toks[v_idx - 1].lower_ in ("should", "must"):
            # "Social workers in training should receive regular supervision": someone is to provide a service
            return any(t.lemma_.lower() in self.ph.had_events or t.lemma_.lower() in _SERVICES
                       for t in toks[v_idx + 1:v_idx + 7])
        return lemma == "have" and any(t.lemma_.lower() in self.ph.had_events for t in nxt)

    def _step_after_to(self, toks, v_idx: int) -> bool:
        """The verb after "need to": a step unless it is a state too ("will need to stay at home", "will
        need to feel safe"; "need to have a drug test" is a step)."""
        if v_idx >= len(toks) or toks[v_idx].tag_ != "VB":
            return True
        lemma = toks[v_idx].lemma_.lower()
        return lemma not in self.ph.stative_verbs or self._step_after_all(toks, v_idx, lemma)

    def _subject(self, toks, region, s, a_kind, a_idx, no_owner) -> str | None:
        """Who: the words before the anchor (not "It is hoped that ...")."""
        n = len(toks)
        start_i = 0
        if no_owner:
            ne = s + no_owner.end()
            start_i = next((i for i, t in enumerate(toks) if region.start_of(t) >= ne), n)
            if start_i < n and toks[start_i].lower_ == "that":
                start_i += 1
        if self._recommended(toks, a_idx):   # "The review recommends that schools should ...": schools
            start_i = self._recommended_start(toks, a_idx)
        subj = [t for t in toks[start_i:a_idx] if not t.is_punct and t.lower_ not in ("and", "then", "also")]
        opening = subj[0].lower_ if subj else None
        if a_kind == "modal" and (opening in self.ph.condition_words or opening in _TIME_OPENINGS):
            # "If X, Y will ..." - the subject is after the last comma
            commas = [i for i in range(start_i, a_idx) if toks[i].text == ","]
            if commas:
                subj = [t for t in toks[commas[-1] + 1:a_idx] if not t.is_punct]
        elif a_kind == "modal":
            subj = _own_clause_subject(toks, start_i, a_idx, subj)
        owner = " ".join(t.text for t in subj) if subj else None
        return None if owner and owner.lower() in NOT_OWNER else owner

    def _agent(self, toks, v_idx, region) -> str | None:
        for j in range(v_idx + 1, len(toks)):
            if toks[j].lower_ == "by" and j + 1 < len(toks):
                at = region.start_of(toks[j])
                rest = self.text[at:at + 60]
                if CLEAR_RE.match(rest) or _BY_TIME.match(rest):
                    continue
                return " ".join(t.text for t in toks[j + 1:j + 4])
        return None

    def _judge_verb(self, act: Action, toks, v_idx: int, region, e: int) -> None:
        """Set act.verb and act.vague: a verb or phrase that says nothing measurable."""
        ph = self.ph
        continued = toks[v_idx].lemma_.lower() == "continue"
        v_idx = _through_pass_verbs(toks, v_idx, ph)
        if v_idx >= len(toks):
            return
        v = toks[v_idx]
        lemma = v.lemma_.lower() if v.tag_.startswith("VB") else v.lower_
        act.verb = lemma
        rest = self.text[region.start_of(v):_own_clause_end(toks, v_idx, region, e)]
        if lemma in ph.vague_verbs and not _states_outcome(toks, v_idx, lemma):
            act.vague = v.text
            return
        measured = re.search(r"\d|%", rest) or CLEAR_RE.search(rest)
        if lemma in ph.vague_unless and not measured and not _makes_a_document(toks, v_idx, lemma):
            act.vague = v.text
            act.vague_soft = True  # not vague after all when the action has a clear timescale
            return
        # "work closely with", "look carefully into": the phrase with a manner adverb in it is as vague
        m = ph.vague_phrases.search(rest) or ph.vague_phrases.search(re.sub(_MANNER_ADVERB, "", rest))
        if m:
            act.vague = m.group(0)
            return
        m = ph.vague_measures.search(rest)
        if m and not re.search(r"\d", rest):
            act.vague = m.group(0)
        elif continued and not measured and not _makes_a_document(toks, v_idx, lemma):
            # "continue to help Kai ...": more of the same, nothing to check (GUIDELINES), whatever the verb
            act.vague, act.vague_soft = "continue to " + v.text, True


_DECIDING = {"agree", "resolve", "decide", "direct", "require"}   # "The panel agreed that X be ..."
_MANNER_ADVERB = r"(?<=\s)[a-z]+ly\s+(?=[a-z])"   # "closely ", "carefully " inside a phrase (a string)
# "I recommend that", "recommends", "would recommend", "has recommended"; "calls for" / "has called on" / "is calling
# for" (the tense is checked on the tag). Not "is recommended that" (a no-owner phrase), nor "recommended" alone in
# the past (a story). A string: compiled when first used
_RECOMMENDS = (r"\b(?:recommends|(?:I|we|would|also)\s+recommend|(?:has|have)\s+recommended|"
               r"(?P<call>(?:calls|called|calling)\s+(?:for|on|upon)))\s+(?:that\s+)?(?=[A-Za-z])")


def _subjunctive_verb(toks, first: int, to: bool) -> tuple[int, str | None, bool] | None:
    """The verb recommended after ``first`` (the subject's first word), its owner and whether it is passive: "the
    Department of Communities consider" (the owner), "teams staffed by ... be set up" (passive, no owner); with
    ``to``, "staff to better identify". None when a finite verb or a modal comes first ("that Kai stays", "that
    staff should ...": read as they are) or no subject comes before the verb."""
    if toks[first].tag_ not in _SUBJECT_TAGS:
        return None
    for i in range(first + 1, min(first + 16, len(toks))):
        t = toks[i]
        if t.tag_ in ("VBZ", "VBD", "MD") or (t.is_punct and t.text not in ("-", "'", "’")) or \
                (to and t.tag_ in ("VBG", "VBN")):
            return None   # with "to", only a noun phrase calls anyone: "called for a duty requiring X to ..."
        if to:
            base = t.tag_ == "VB" and (toks[i - 1].lower_ == "to" or
                                       (toks[i - 1].tag_ in ("RB", "RBR") and toks[i - 2].lower_ == "to"))
        else:
            base = t.tag_ in ("VB", "VBP") and toks[i - 1].lower_ != "to"
        if not base:
            continue
        if t.lower_ == "be":
            return (i + 1, None, True) if i + 1 < len(toks) and toks[i + 1].tag_ == "VBN" else None
        end = i - 1 if to else i
        while end > first and toks[end - 1].tag_ in ("RB", "RBR", "TO"):
            end -= 1   # "staff to better identify": the adverb and "to" are not the owner's
        return i, " ".join(x.text for x in toks[first:end]), False
    return None


_GERUND_OBJECT = ("DT", "PRP$", "PRP", "NN", "NNS", "JJ", "IN", "RP", "NNP", "CD")
_IMPERATIVE_NEXT = ("DT", "PRP$", "PRP", "IN", "RP", "TO", "NNP", "CD", "JJ", "NN", "NNS")
_BY_TIME = re.compile(r"by\s+(?:the\s+)?(?:(?:end|start|time|next|then|" + MONTH + r")\b|\d)", re.I)
_PASSIVE_SENSE = ("given", "offered", "supported", "asked", "referred", "invited")


# Things made that either exist or do not: "develop a brief presentation", "develop a leaflet for parents"
_MADE_THINGS = {"presentation", "briefing", "leaflet", "guide", "version", "policy", "protocol", "questionnaire",
                "toolkit", "report", "note", "letter", "plan", "template", "checklist", "form", "booklet", "website",
                "video", "poster", "flowchart", "pathway", "procedure", "survey", "workbook", "timetable",
                "framework", "strategy"}


def _makes_a_document(toks, v_idx: int, lemma: str) -> bool:
    """"develop a brief presentation": "develop" that makes a thing (its object a document or a product) is
    measurable, as "write" is; "develop her confidence" is growth, and stays vague without a measure."""
    if lemma != "develop":
        return False
    head = None   # the last noun of the object's first run of nouns ("a national outcomes framework": framework)
    for t in toks[v_idx + 1:v_idx + 7]:
        if t.tag_ in ("NN", "NNS"):
            head = t
        elif head is not None or t.tag_ not in ("DT", "JJ", "PRP$", "CD", "HYPH", ",", "VBN", "NNP"):
            break
    return head is not None and head.lemma_.lower() in _MADE_THINGS


def _states_outcome(toks, v_idx: int, lemma: str) -> bool:
    """"ensure that staff are trained in the new guidance": the "that" clause says what will be true, and is
    judged on its own words (vague phrases, measures); "ensure the best outcome" is vague."""
    return lemma == "ensure" and v_idx + 2 < len(toks) and toks[v_idx + 1].lower_ == "that"


_CLAUSE_OPENERS = {"that", "whether", "if", "when", "where", "how", "because", "while", "once", "until"}


def _clear_imperative(words, ph, toks) -> bool:
    """A sentence of running text that is an order: a base verb first and no finite verb after it.
    A listed plan verb the tagger took for a name or noun counts ("Monitor/NNP closely"), and so does
    a short line whose last word the tagger took for a verb ("Refer supports/VBZ")."""
    first = words[0]
    if first.tag_ != "VB" and not (first.lower_ in ph.imperatives and first.tag_ in ("NNP", "NN")
                                   and not any(t.text in (":", "-", "–") for t in toks)):
        return False  # "Review meeting: 21/01/2026" is a label
    if len(words) > 1 and words[1].tag_ in ("IN", "TO") and ph.step_nouns.fullmatch(first.lower_):
        return False  # "Call from the children's home.", "Visit to Tanisha": an event named, not a step
    # not in a relative or a subordinate clause ("... clients who attend", "Ensure that staff are trained")
    rel = next((i for i, t in enumerate(words) if t.tag_ in ("WDT", "WP") or (i and t.lower_ in _CLAUSE_OPENERS)),
               len(words))
    finite = [t for t in words[1:rel] if t.tag_ in _FINITE]
    return not finite or (len(words) <= 3 and finite == [words[-1]] and words[-1].tag_ == "VBZ")


# A request: "Please talk to him ..." (not a direction about the document: "Please note / see ...", nor an
# invitation to get in touch: "Please contact me if you have any questions", "Please let us know")
_REQUEST = re.compile(r"\W*please\s+(?!(?:note|see|find|refer|read|be|do|don)\b)"
                      r"(?!(?:contact|call|ring|phone|email|e-mail|text|let|get\s+in\s+touch\s+with)\s+(?:me|us|in)\b)"
                      r"[a-z]+\b(?![^.!?\n]*\bif\s+you\b)", re.IGNORECASE)
# A no-owner phrase that a subjunctive step follows ("It is recommended that X do Y")
_RECOMMENDED = re.compile(r"recommend|advised|suggested|proposed", re.IGNORECASE)
_SUBJECT_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "DT", "JJ", "CC", "POS", "PRP$"}
_ANY_CHILD = re.compile(r"\b(?:the|a|each|every|any)\s+(?:child|young\s+person)\b|\bchildren\b", re.IGNORECASE)
_LABEL_TAGS = {"NNP", "NNPS", "NN", "NNS", "JJ", "CC", "CD", "HYPH", "POS"}


def _after_list_label(toks) -> list:
    """A list item's step after its topic label or joining word: "Financial Support: Facilitate access
    ...", "LA1 partnership: oversee a review ...", "and conduct development work ..."."""
    colon = next((i for i, t in enumerate(toks[:7]) if t.text == ":"), None)
    if colon and colon + 1 < len(toks) and all(t.tag_ in _LABEL_TAGS or t.text in ("-", "&")
                                               for t in toks[:colon]):
        toks = toks[colon + 1:]
    if len(toks) > 1 and toks[0].lower_ in ("and", "or", "also"):
        toks = toks[1:]
    comma = next((i for i, t in enumerate(toks[:12]) if t.text == ","), None)
    if comma and toks[0].tag_ == "IN" and toks[0].lower_ not in _SUBORD and comma + 1 < len(toks) and \
            toks[comma + 1].tag_ == "VB":
        toks = toks[comma + 1:]   # "In training for staff, highlight the risks ...": the step after the setting
    return toks


def _need_after_preposition(toks, i: int) -> bool:
    """"with the need to", "about their need to": the noun "need" in a prepositional phrase."""
    j = i - 1
    while j > 0 and toks[j].tag_ == "JJ":
        j -= 1
    return toks[i].tag_.startswith("NN") and j > 0 and toks[j].tag_ in ("DT", "PRP$") and toks[j - 1].tag_ == "IN"


def _order_words(toks) -> list:
    """The words of a unit read as an order, after an -ly adverb ("Regularly review the data")."""
    words = [t for t in toks if not t.is_punct]
    if len(words) > 2 and words[0].tag_ == "RB" and words[0].lower_.endswith("ly") and words[1].tag_ == "VB":
        return words[1:]
    return words


def _verb_first(first) -> bool:
    """The first word is a base verb: so tagged, or a word in capitals that English has only as a verb (in the
    model's lemma tables as a verb and never as a noun) which the tagger took for a noun or a name at the start
    of an item ("Apologise/NN to Mr C for ...", "Enrol/NNP Kai in ..."); not "Support/NN from Nan" (a noun too)."""
    if first.tag_ == "VB":
        return True
    w = first.lower_
    return first.tag_ in ("NN", "NNP") and first.text[:1].isupper() and verb_only(w)


def _not_an_order(words, listed: bool) -> bool:
    """A noun first, then a noun ("Support worker ..."), or a noun as the subject of a finite verb ("Support
    from Nan is good"), or "Next ...", "No ...", "Please ...": not an order."""
    first, second = words[0], (words[1] if len(words) > 1 else None)
    if not _verb_first(first) and second is not None and second.tag_ in ("NN", "NNS") and not listed:
        return True
    if first.tag_ in ("NN", "NNP") and not _verb_first(first) and len(words) > 3 and \
            _finite_before_clause(words[1:]):
        return True
    return first.lower_ in ("next", "no", "please")


def _modal_in_relative(toks, a_idx: int, ph) -> bool:
    """A base verb (or a listed plan verb the tagger took for a name) first, and the modal inside a relative
    clause after its object ("Write a plan that will be shared with Kai"): the modal is not the anchor."""
    words = [t for t in toks[:a_idx] if not t.is_punct]
    return len(words) > 2 and (words[0].tag_ == "VB" or words[0].lower_ in ph.imperatives) and \
        words[-1].tag_ in ("WDT", "WP") and not any(t.tag_ in _FINITE for t in words)


def _order_then_effect(toks, a_idx: int, ph) -> bool:
    """An order, a comma and what it will bring about ("Introduce the idea of goals to Kai, this will help him
    plan"): the order is the step, its effect no step of its own (nonsteps.py)."""
    words = [t for t in toks[:a_idx] if not t.is_punct]
    return a_idx >= 2 and toks[a_idx - 1].lower_ in ("this", "which", "that", "it") and toks[a_idx - 2].text == "," \
        and len(words) > 2 and (words[0].tag_ == "VB" or words[0].lower_ in ph.imperatives) and \
        not any(t.tag_ in _FINITE for t in words)


def _opens_with_to(toks) -> bool:
    """"To develop a specialist service ...": an infinitive first, then the step's verb."""
    return len(toks) > 2 and toks[0].lower_ == "to" and toks[1].tag_ == "VB"


def _finite_before_clause(words) -> bool:
    """A finite verb before any "that", "which", comma ...: the first word was the subject."""
    for t in words:
        if t.lower_ in _SUBORD or t.tag_ in ("WDT", "WP", "WRB") or t.text in (",", ":", ";", "-"):
            return False
        if t.tag_ in _FINITE:
            return True
    return False


def _words_before(toks, a_idx: int) -> list:
    """The words before the anchor ("Will visit ..." has none: no one is named)."""
    return [t for t in toks[:a_idx] if not t.is_punct]


def _prohibition(toks) -> bool:
    """A unit that opens with "Do not" / "Don't" / "Never": a rule about what not to do."""
    first = toks[0].lower_
    return first == "never" or (first == "do" and len(toks) > 1 and toks[1].lower_ in ("not", "n't"))


def _that_statement(toks, region, after: int) -> bool:
    """After "it is important", a "that" clause with a finite verb and no modal ("... that plans are
    based on visits"), or a "that:" opening a list: a statement of what matters, not a step."""
    rest = [t for t in toks if region.start_of(t) >= after]
    if not rest or rest[0].lower_ != "that":
        return False
    clause = [t for t in rest[1:] if not t.is_space]
    return not clause or clause[0].text == ":" or \
        (any(t.tag_ in _FINITE for t in clause) and not any(t.tag_ == "MD" for t in clause))


def _together(before) -> bool:
    """"Together they", "We together": people acting as one group, named only by a pronoun."""
    words = [t.lower_ for t in before if not t.is_punct]
    return "together" in words and all(w in ("together", "they", "we", "you", "all", "both") for w in words)


_CLAUSE_BREAKS = {",", "–", "—", "-", ";", ":", "and", "but", "so", "now"}
_OPENING_TAGS = {"IN", "RB", "UH", "VBD", "VBN", "VBG"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "CD"}


def _own_clause_subject(toks, start_i: int, a_idx: int, subj: list) -> list:
    """The subject of the modal's own clause, not the words of a clause or an opening phrase before it:
    "I had finished the report and it is waiting - now it will ..." (it), "The next step is your worker will
    ..." (your worker), "With your support, we will ..." (we), "Oops, nearly forgot, must call ..." (no one).
    A verb phrase joined by "and" keeps its subject ("My manager has been told and will decide")."""
    span = toks[start_i:a_idx]
    finite = [i for i, t in enumerate(span) if t.tag_ in _FINITE]
    if finite:
        return _after_clause(span, finite)
    commas = [i for i, t in enumerate(span) if t.text == ","]
    if span and span[0].tag_ in _OPENING_TAGS and span[0].lower_ not in _SUBORD and commas:
        # an opening phrase ("In addition,", "Likewise,", "At the meeting on 3 May,"): the subject follows it
        return _with_noun(t for t in span[commas[-1] + 1:] if not t.is_punct)
    return subj


def _after_clause(span, finite: list[int]) -> list:
    """The subject after a clause with its own finite verb; for a verb phrase joined by "and", the first one."""
    rest = span[finite[-1] + 1:]
    breaks = [i for i, t in enumerate(rest) if t.lower_ in _CLAUSE_BREAKS]
    after = rest[breaks[-1] + 1:] if breaks else rest if span[finite[-1]].lemma_ == "be" else []
    after = _with_noun(t for t in after if not t.is_punct)
    before = span[:finite[0]]
    return after or _with_noun(t for t in before if not t.is_punct and t.lower_ not in ("and", "then", "also"))


def _with_noun(words) -> list:
    """The words, if a noun or pronoun is among them (else none: no subject)."""
    words = list(words)
    return words if any(t.tag_ in _NOUN_TAGS for t in words) else []


def _first_chunk(before) -> list:
    """The subject's first noun group ("Staff at Orchard Court" -> Staff; "Your review" -> review); after
    an opening phrase of time or place, the last one ("At the end of the meeting the chair" -> chair)."""
    words = [t for t in before if not t.is_punct]
    if words and words[0].tag_ == "IN" and words[0].lower_ not in _SUBORD:
        last = [i for i, t in enumerate(words) if t.tag_ == "DT" and i > 0]
        words = words[last[-1]:] if last else []
    while words and words[0].tag_ in ("DT", "PRP$", "JJ"):
        words = words[1:]
    chunk = []
    for t in words:
        if t.tag_ in ("NN", "NNS", "NNP", "NNPS") or (t.pos_ == "PRON" and not chunk):
            chunk.append(t)
        else:
            break
    return chunk


def _names_a_step(ph, before) -> bool:
    """The words before an infinitive name the step, not who does it ("Regular home visits", "Referral",
    "Collaboration with the school"): the head of their first noun group is a listed step noun."""
    owned = [i for i, t in enumerate(before[:4]) if t.tag_ == "POS"]
    if owned:   # "Mother's contact to take place weekly": whose step it is, not who does it
        before = before[owned[-1] + 1:]
    chunk = _first_chunk(before)
    return bool(chunk) and step_item_noun(ph, chunk[-1].lower_)


def _bare_plural(subject) -> bool:
    """A class of people or things as subject, with no "the", "your", number or name: "Visits must be
    made ...", "Duty workers must ...", "When a concern comes in, duty workers must ...", "Short-term goals
    and action steps need to be reviewed": a general rule."""
    words = [t for t in subject if t.text not in ("(", ")")]
    colon = max((i for i, t in enumerate(words) if t.text == ":"), default=None)
    if colon is not None:
        words = words[colon + 1:]   # "Learning includes: practitioners should ...": after the label
    if words and words[0].lower_ in _SUBORD | {"during", "in", "at", "for", "after", "before"}:
        commas = [i for i, t in enumerate(words) if t.text == ","]
        words = words[commas[-1] + 1:] if commas else []
    chunk = []
    for t in words:
        if t.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ") and t.text[:1] != "'":
            chunk.append(t)
        elif chunk and (t.tag_ == "HYPH" or (t.tag_ == "CC" and chunk[-1].tag_ in ("NNS", "NNPS"))):
            continue   # "Short-term goals and action steps need to be reviewed": kinds, joined
        else:
            break
    return bool(chunk) and chunk[-1].tag_ in ("NNS", "NNPS")


def _directed(toks, a_idx: int) -> bool:
    """"are expected to", "is also asked to": the anchor is a directive in the passive (ClauseReader._urged)
    that can state a standing rule ("Visitors are asked to sign in"); not "urged", which presses for a change."""
    j = a_idx + 2 if a_idx + 1 < len(toks) and toks[a_idx + 1].lower_ == "also" else a_idx + 1
    return toks[a_idx].lower_ in ("is", "are") and j < len(toks) and toks[j].lower_ in DIRECTED and \
        toks[j].lower_ != "urged"


def _every(subject) -> bool:
    """"Every PEP must contain ...", "Each school should ...": a rule for all of a kind."""
    words = [t for t in subject if t.lower_ not in ("and", "but", "so")]
    return bool(words) and words[0].lower_ in ("every", "each", "all", "any") and words[0].tag_ == "DT"


_EVERYONE = {"nobody", "one", "noone", "everyone", "everybody", "anyone", "anybody", "people"}


def _any_one(subject, anchor) -> bool:
    """"A child's view must be given due weight", "A meeting should be held with the parents": one of a kind, any one,
    with "should" or "must", is a rule for all of that kind (not "A meeting will be arranged": a step)."""
    words = [t for t in subject if t.lower_ not in ("and", "but", "so")]
    return bool(words) and words[0].lower_ in ("a", "an") and words[0].tag_ == "DT" and \
        anchor.lower_ in ("should", "must")


def _subject_head(subject):
    """The last noun or pronoun of the words before the anchor ("Your care plan" -> plan)."""
    nouns = [t for t in subject if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouns[-1] if nouns else None


def _base_verb_after_to(tok) -> bool:
    """A base verb after "to", or one the tagger took for a noun before a comma ("agreed to apologise/NN, pay ...")."""
    if tok.tag_ == "VB":
        return True
    return tok.tag_ == "NN" and tok.lower_ in BASE_VERBS and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == ","


def _joined_modal_clause(low, start: int) -> bool:
    """"That is a lot to expect, and we will have to test it out": after the clause of an early "to", a main
    clause joined by ", and" / ", but" / ", so" with a modal of its own: read on to its modal. So too after a
    fronted clause ("Where a child refuses to go home, reasonable efforts should be made to ..."): the "to" is
    the subordinate verb's, the main clause after the comma has the modal."""
    fronted = bool(low) and low[0] in _FRONTED
    for j in range(start, len(low) - 2):
        if low[j] == "," and low[j + 1] in ("and", "but", "so"):
            return any(w in _MODALS for w in low[j + 2:j + 6])
        if low[j] == "," and fronted:
            return any(w in _MODALS for w in low[j + 1:j + 6])
    return False


# Services a person receives ("should receive supervision"): with "should" or "must", a recommendation to provide
_SERVICES = {"supervision", "training", "support", "counselling", "counseling", "therapy", "advice", "help"}
_FRONTED = {"where", "when", "if", "once", "unless", "until", "while", "whenever", "wherever", "after", "before"}


def _no_finite_after(toks, v_idx) -> bool:
    for j in range(v_idx + 1, len(toks)):
        t = toks[j]
        if t.lower_ in _SUBORD or t.tag_ in ("WDT", "WP", "WRB") or t.text in (",", "-", "–", ":", "(", "|"):
            return True
        if t.tag_ in _FINITE and not t.text.isupper():
            return False
    return True


def _gerund_step(words, toks, to_idx: int) -> bool:
    """An -ing noun (perhaps after an adjective) and a passive infinitive: "Counselling to be arranged",
    "Further tutoring to be provided" (not "Mother struggling to cope", nor "Collating ideas to share")."""
    after = toks[to_idx + 1:to_idx + 3]
    return len(words) <= 2 and words[-1].tag_ == "VBG" and words[0].tag_ in ("VBG", "JJ") and \
        len(after) == 2 and after[0].lower_ == "be" and after[1].tag_ == "VBN"


def _have_to(toks, v_idx: int) -> int:
    """"will have to make a visit", "will need to book": the step is the verb after "to"."""
    if toks[v_idx].lemma_.lower() in ("have", "need") and v_idx + 2 < len(toks) and \
            toks[v_idx + 1].lower_ == "to" and toks[v_idx + 2].tag_ == "VB":
        return v_idx + 2
    return v_idx


def _have_to_be(toks, v_idx: int) -> int:
    """"will have to be changed", "will need to be booked": a passive after "have to" (not "will need to be
    18", which _passive reads as a statement)."""
    j = _have_to(toks, v_idx)
    return j if j != v_idx and toks[j].lower_ == "be" else v_idx


def _skip_adverbs(toks, v_idx: int) -> int:
    """Past adverbs between the anchor and the verb ("will also", "to then")."""
    while v_idx < len(toks) and (toks[v_idx].tag_ in ("RB", "RBR") or toks[v_idx].lower_ in ("also", "then", "still")):
        v_idx += 1
    return v_idx


def _gerund_after_preposition(prefix) -> bool:
    """"After advising the carer to call the police, I ...", "By asking Mum to keep a diary, we ...": a
    preposition and an -ing verb open a clause of their own, and the "to" is that verb's (whoever was advised
    or asked does it), not an infinitive of intent after a named doer ("On returning, Jo to call the school":
    after a comma, the doer is named)."""
    last = max((i for i, t in enumerate(prefix) if i and t.tag_ == "VBG" and prefix[i - 1].tag_ == "IN"),
               default=None)
    return last is not None and not any(t.text == "," for t in prefix[last:])


def _ability(toks, a_idx: int, v_idx: int) -> bool:
    """"By Year 6, Kai will be able to read a chapter book", "Mum should be able to drive by then": a modal and
    "be able to" say what someone can do, an outcome or a state, not a step anyone takes (as a stative main verb
    does not; "will need to be able to cook" is a step: _past_be_able)."""
    return toks[a_idx].tag_ == "MD" and [t.lower_ for t in toks[v_idx:v_idx + 3]] == ["be", "able", "to"]


def _past_be_able(toks, v_idx: int) -> int:
    """"need to be able to distinguish ...": the step is the verb after "be able to"."""
    low = [t.lower_ for t in toks[v_idx:v_idx + 4]]
    if low[:3] == ["be", "able", "to"] and len(low) == 4 and toks[v_idx + 3].tag_ == "VB":
        return v_idx + 3
    return v_idx


def _passive(toks, v_idx: int) -> tuple[bool | None, int]:
    """(passive, index of the main verb); (None, _) for "be" + not a participle (a statement)."""
    if toks[v_idx].lower_ != "be":
        return False, v_idx
    p_idx = v_idx + 1
    if p_idx + 1 < len(toks) and toks[p_idx].tag_ == "RB" and toks[p_idx].lower_.endswith("ly"):
        p_idx += 1   # "should be routinely recorded": an adverb before the participle
    nxt = toks[p_idx] if p_idx < len(toks) else None
    if nxt is not None and (nxt.tag_ == "VBN" or nxt.lower_ in _PASSIVE_SENSE):
        return True, p_idx
    return None, v_idx


def _through_pass_verbs(toks, v_idx: int, ph) -> int:
    """continue to / keep on: the verb to judge is the next one."""
    n, hops = len(toks), 0
    while v_idx < n and toks[v_idx].lemma_.lower() in ph.pass_through and hops < 3:
        j = v_idx + 1
        while j < n and toks[j].lower_ in ("to", "on", "trying"):
            j += 1
        if j < n and toks[j].tag_ in ("VB", "VBG", "VBP"):
            v_idx = j
            hops += 1
        else:
            break
    return v_idx


def _own_clause_end(toks, v_idx: int, region, e: int) -> int:
    """"ask the team to work with Rico": a nested infinitive is someone else's action."""
    for j in range(v_idx + 1, len(toks) - 1):
        t, t2 = toks[j], toks[j + 1]
        if (t.tag_ == "TO" and t2.tag_ == "VB" and t2.lower_ != "be") or (t.text == "," and t2.lower_ == "and"):
            return region.start_of(t)
    return e


# telegraphic.py reads Actions too: imported last, once Action is defined above.
from .telegraphic import read_telegraphic, step_item_noun  # noqa: E402
