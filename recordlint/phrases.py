"""Phrase lists: the words the Python rules read, kept as YAML in ``rules/phrases/``.

A phrase file is a mapping of list name to a list of phrases (``planning.yaml``:
``vague_verbs``, ``imperative_verbs``...). ``load_phrases`` reads one file;
``phrase_regex`` compiles a list into one whole-word regex. ``planning_phrases``
is the planning lists compiled once, for action detection and the planning rules.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import load_yaml, rules_dir

PLANNING_FILE = "phrases/planning.yaml"
SPEECH_FILE = "phrases/speech.yaml"
PEOPLE_FILE = "phrases/people.yaml"


@lru_cache(maxsize=8)
def _bundled(name: str) -> dict:
    with open(rules_dir() / name, encoding="utf-8") as fh:
        return load_yaml(fh) or {}


def load_phrases(name: str, config=None) -> dict:
    """The lists of one phrase file (a path under ``rules/``), with the config's changes:
    ``phrases: {planning: {vague_verbs: {add: [...], remove: [...]}}}`` in recordlint.yaml."""
    frozen = _frozen_changes(name, config)
    return _changed(name, frozen) if frozen else _bundled(name)


def compiled_phrases(names: str | tuple[str, ...], config, build):
    """``build(lists, ...)`` for one phrase file (or several: one argument each) with the config's
    changes, built once per set of changes (a module-level cache): the readers of a file compile
    their regexes and sets here, not per record."""
    key = (names, build)
    if not getattr(config, "phrases", None):   # the bundled lists: the common case, one dict look-up
        built = _BUNDLED_BUILT.get(key)
        if built is None:
            built = _BUNDLED_BUILT[key] = _built(tuple((n, ()) for n in _names(names)), build)
        return built
    return _built(tuple((n, _frozen_changes(n, config)) for n in _names(names)), build)


_BUNDLED_BUILT: dict = {}


def _names(names) -> tuple[str, ...]:
    return (names,) if isinstance(names, str) else tuple(names)


@lru_cache(maxsize=64)
def _built(files: tuple, build):
    return build(*(_changed(n, frozen) if frozen else _bundled(n) for n, frozen in files))


def _frozen_changes(name: str, config) -> tuple:
    changes = (getattr(config, "phrases", None) or {}).get(name.rsplit("/", 1)[-1].removesuffix(".yaml"))
    return _freeze(changes) if changes else ()


def _freeze(changes: dict) -> tuple:
    return tuple(sorted((k, tuple(v.get("add") or ()), tuple(v.get("remove") or ())) for k, v in changes.items()))


@lru_cache(maxsize=32)
def _changed(name: str, frozen: tuple) -> dict:
    data = dict(_bundled(name))
    for key, add, remove in frozen:
        gone = {str(r).lower() for r in remove}
        kept = [p for p in data.get(key, []) or [] if str(p).lower() not in gone]
        data[key] = kept + [p for p in add if p not in kept]
    return data


def phrase_regex(phrases, flags=re.IGNORECASE) -> re.Pattern:
    """One regex for a list of phrases; edges that are letters or digits match whole words.

    Longest phrases first. Neighbouring phrases with the same kinds of edges share one test of
    the edges around their alternatives: the same matches, in the same order of preference,
    several times quicker than a test on each phrase."""
    ordered = sorted({str(p).strip() for p in phrases if str(p).strip()}, key=len, reverse=True)
    groups: list[tuple[tuple[bool, bool], list[str]]] = []
    for p in ordered:
        edges = (p[:1].isalnum(), p[-1:].isalnum())
        if not groups or groups[-1][0] != edges:
            groups.append((edges, []))
        groups[-1][1].append(re.escape(p).replace(r"\ ", r"\s+"))
    parts = []
    for (word_start, word_end), pats in groups:
        parts.append((r"(?<![\w-])" if word_start else "") + "(?:" + "|".join(pats) + ")"
                     + (r"(?![\w-])" if word_end else ""))
    return re.compile("|".join(parts) if parts else r"(?!x)x", flags)


def alternation(phrases) -> str:
    """The phrases as regex alternatives (no edges), longest first; a space matches any blanks."""
    words = sorted({str(p).strip() for p in phrases if str(p).strip()}, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in words) or r"(?!x)x"


def norm_heading(text: str) -> str:
    """A heading or column name as compared with the lists: lower case, letters, digits, spaces."""
    return re.sub(r"[^a-z0-9 ]+", "", re.sub(r"[\s_]+", " ", str(text).lower())).strip()   # "case_plan": case plan


def _words(data: dict, key: str) -> set[str]:
    return {str(v).lower() for v in data.get(key, [])}


class PlanningPhrases:
    """The planning phrase lists (``rules/phrases/planning.yaml``), compiled once; with the speech
    verbs of ``speech.yaml`` (an action inside them is reported, not a plan step)."""

    def __init__(self, data: dict, speech: dict | None = None):
        self.data = data
        speech_forms = self.speech_forms = _words(speech or {}, "speech_verbs")   # "said", "told" ...: reported
        self.vague_time = phrase_regex(data.get("vague_timescales", []))
        self.clear_time = phrase_regex(data.get("clear_timescales", []))
        self.vague_verbs = _words(data, "vague_verbs")
        self.vague_unless = _words(data, "vague_unless_concrete")
        self.pass_through = _words(data, "pass_through_verbs")
        self.vague_phrases = phrase_regex(data.get("vague_phrases", []))
        self.vague_measures = phrase_regex(data.get("vague_measures", []))
        self.no_owner = phrase_regex(data.get("no_owner_phrases", []))
        self.no_owner_first = first_words(data.get("no_owner_phrases", []))
        self.abstract_subjects = _words(data, "abstract_subjects")
        self.review_subjects = _words(data, "review_subjects")
        self.recommending_verbs = _words(data, "recommending_verbs")
        self.document_subjects, self.owner_roles = _words(data, "document_subjects"), _words(data, "owner_roles")
        self.content_verbs, self.resource_subjects = _words(data, "content_verbs"), _words(data, "resource_subjects")
        self.stative_verbs = _words(data, "stative_verbs")
        self.had_events = _words(data, "had_events")
        self.step_needed = _words(data, "step_needed")
        self.step_arranged = phrase_regex(data.get("step_arranged", []))
        self.step_nouns = phrase_regex(data.get("step_nouns", []))
        self.step_timed_nouns = phrase_regex(data.get("step_timed_nouns", []))
        self.step_openers = phrase_regex(data.get("step_openers", []))
        self.step_referrals = phrase_regex(data.get("step_referrals", []))
        self.step_done = _words(data, "step_done")                          # "Referral made"
        self.step_item_nouns = phrase_regex(data.get("step_item_nouns", []))  # "Regular follow-up visits to ..."
        self.schedule_events = phrase_regex(data.get("schedule_events", []))  # "Contact visits ... every Monday"
        step_words = [w for key in ("step_needed", "step_arranged", "step_timed_nouns", "step_openers",
                                    "step_referrals") for w in data.get(key, [])]
        self.step_words = phrase_regex(step_words)
        self.step_words_first = first_words(step_words)
        self.general_subjects = _words(data, "general_subjects")
        self.standing_adverbs = _words(data, "standing_adverbs")
        self.process_subjects = _words(data, "process_subjects")
        self.process_verbs = _words(data, "process_verbs")
        self.universal_subjects = _words(data, "universal_subjects")
        self.false_friends = phrase_regex(data.get("not_timescales", []))
        self.imperatives = _words(data, "imperative_verbs")
        self.imperative_firsts = {v.split()[0] for v in self.imperatives if v.split()}
        self.reporting = _words(data, "reporting_verbs") | {b for f in speech_forms for b in base_forms(f)}
        # their regular forms too: the lemmatizer gives "hop" for "hoping", "hop" for "hoped"
        self.reporting_forms = {f for v in self.reporting for f in regular_forms(v)} | speech_forms
        # words before an early "to" that make a sentence narrative ("Kai told me to ...")
        self.narrative = _words(data, "narrative_verbs") | speech_forms
        self.conditional = _opening_regex(data.get("conditional_openings", []))
        self.condition_words = {str(c).lower() for c in data.get("conditional_openings", []) if " " not in str(c)}
        self.plan_headings = {norm_heading(h) for h in data.get("plan_headings", [])}
        self.plan_labels = {norm_heading(h) for h in data.get("plan_labels", [])}   # "Case plan: <step>"
        self.finding_labels = {norm_heading(h) for h in data.get("finding_labels", [])}
        cols = data.get("table_columns", {}) or {}
        self.columns = {role: {norm_heading(w) for w in words} for role, words in cols.items()}
        self.anchor_words = [str(w).lower() for w in data.get("relative_anchor_words", ["next"])]
        # "next review", "following meeting": an event a record may give a date for (timescale.dated_events)
        self.dated_anchor = re.compile(rf"\b(?:{'|'.join(map(re.escape, self.anchor_words))})\s+([A-Za-z][\w-]*)"
                                       r"(?:\s+([A-Za-z][\w-]*))?", re.IGNORECASE)
        self.relative_anchor = re.compile(
            r"\b(?:at|by|before|after|until|till|from|for|in|during|on)\s+(?:the|your|his|her|their|our|my)\s+"
            r"(?:" + "|".join(map(re.escape, self.anchor_words)) + r")\s+([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)",
            re.IGNORECASE)


def planning_phrases(config=None) -> PlanningPhrases:
    """The planning lists with the config's changes, compiled once per set of changes."""
    return compiled_phrases((PLANNING_FILE, SPEECH_FILE), config, PlanningPhrases)


def _opening_regex(phrases) -> re.Pattern:
    """Text that opens with one of the phrases (a whole word): "If ...", "In the event ..."."""
    return re.compile(rf"\s*(?:{alternation(phrases)})\b", re.IGNORECASE)


# Past tenses of speech verbs the regular rules cannot undo (English grammar, not a word list to tune)
_IRREGULAR_BASE = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak", "thought": "think",
                   "felt": "feel", "knew": "know", "heard": "hear", "rang": "ring", "sang": "sing"}


def base_forms(form: str) -> set[str]:
    """The verbs a written form may be an inflection of, to compare with the lemmatizer's answer:
    said -> say, replied -> reply, shared -> share or "shar" (a guess that is no verb does no harm)."""
    if form in _IRREGULAR_BASE:
        return {_IRREGULAR_BASE[form]}
    if form.endswith(("ied", "ies")) and len(form) > 4:
        return {form, form[:-3] + "y"}
    if form.endswith("ed") and len(form) > 4:
        return {form, form[:-2], form[:-1]}
    if form.endswith("s") and len(form) > 3:
        return {form, form[:-1], form[:-2]} if form.endswith("es") else {form, form[:-1]}
    return {form}


def regular_forms(verb: str) -> set[str]:
    """A verb's regular inflections: hope -> hope, hopes, hoped, hoping; ask -> asks, asked, asking."""
    stem = verb[:-1] if verb.endswith("e") else verb
    ending_s = "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s"
    return {verb, verb + ending_s, stem + "ed", stem + "ing"}


_TOKEN = re.compile(r"[\w']+")


def first_words(phrases) -> set[str] | None:
    """The first word of each phrase, lower case: a text can match ``phrase_regex(phrases)`` only
    if it has one of them as a word (a cheap test before the regex). None when some phrase does
    not start with a word (then the regex must always run)."""
    out = set()
    for p in phrases:
        p = str(p).strip()
        if not p:
            continue
        m = _TOKEN.match(p.lower())
        if m is None:
            return None
        out.add(m.group(0))
    return out


def words_of(text: str) -> set[str]:
    return set(_TOKEN.findall(text.lower()))
