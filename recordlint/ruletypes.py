"""Rules without code, in the spirit of Vale's rule types.

A YAML rule file is a list of rules; each has ``code``, ``name``, ``type``,
``category``, ``severity``, ``message`` (placeholders: {term}, {suggestion} and
{source} for existence/substitution, {count} and {max} for occurrence; never the
record's own text, which is in the finding's ``text`` field), ``summary``, ``why``, ``source``, ``perspective`` or
``doc_types``, ``exceptions`` (phrases that, when they contain a match, cancel
it) and ``examples`` (``flagged`` and ``clean``). Types:

  existence     ``tokens``: words or phrases to flag
  substitution  ``swap``: {phrase: replacement}, or ``lexicon``: a lexicon file
  sequence      ``patterns``: spaCy Matcher token patterns (LOWER, LEMMA, POS, DEP...)
  occurrence    ``tokens``, ``swap``, ``lexicon`` or ``patterns`` with ``max`` per ``scope``
                (record or sentence)

All are compiled into spaCy PhraseMatcher / Matcher patterns once, at load time.
"""
from __future__ import annotations

import re
import string
from pathlib import Path

import yaml
from spacy.matcher import Matcher, PhraseMatcher
from spacy.util import filter_spans

from .errors import ConfigError
from .findings import Severity
from .lexicon import (Term, drop_explained, drop_names, drop_page_topics, in_accusation, in_condition, in_definition,
                      in_manner_clause, load_lexicon, plain_with, quoted_term, spellings, written_forms)
from .resources import load_yaml
from .rule import Example, Rule

RULE_KEYS = {"code", "name", "type", "category", "severity", "message", "summary", "why", "source",
             "perspective", "doc_types", "exceptions", "examples", "tokens", "swap", "lexicon",
             "lexicon_name", "patterns", "max", "scope", "exempt_speech", "case_sensitive",
             "explained_ok", "names_ok", "quoted_terms", "accusations_ok", "definitions_ok",
             "record_quotes", "options"}
TYPES = {"existence", "substitution", "sequence", "occurrence"}
MODEL_ATTRS = {"POS", "TAG", "DEP", "LEMMA", "MORPH", "ENT_TYPE", "IS_SENT_START"}
PHRASE_KEYS = ("tokens", "swap", "lexicon")
PLACEHOLDERS = {"existence": {"term", "suggestion", "source"},
                "substitution": {"term", "suggestion", "source"},
                "sequence": set(), "occurrence": {"count", "max"}}
EXAMPLE_KEYS = {"text", "doc_type", "child"}


def load_rule_file(path: Path, config) -> list[Rule]:
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        raise ConfigError(f"{path}: rule file not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}:" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}:{where} invalid YAML: {problem}") from None
    if isinstance(data, dict):
        data = data.get("rules", [])
    if not isinstance(data, list):
        raise ConfigError(f"{path}: a rule file is a list of rules")
    return [YamlRule(spec, Path(path), config, i) for i, spec in enumerate(data, 1)]


class YamlRule(Rule):
    def __init__(self, spec: dict, path: Path, config, index: int | None = None):
        super().__init__()
        self.path = path
        nth = f"#{index}" if index else "?"
        where = f"{path}: rule {spec.get('code') or nth if isinstance(spec, dict) else nth}"
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: each rule is a mapping (code, name, type, ...)")
        unknown = set(spec) - RULE_KEYS
        if unknown:
            raise ConfigError(f"{where}: unknown key(s): {', '.join(sorted(unknown))}")
        for key in ("code", "name", "type", "category", "message"):
            if not spec.get(key):
                raise ConfigError(f"{where}: missing '{key}'")
        if spec["type"] not in TYPES:
            raise ConfigError(f"{where}: unknown type {spec['type']!r} (expected {', '.join(sorted(TYPES))})")
        self.where = where
        self.spec = spec
        self.code, self.name, self.type = spec["code"], spec["name"], spec["type"]
        self.category = spec["category"]
        try:
            self.severity = Severity.parse(spec.get("severity", "warning"))
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        self.message = spec["message"]
        self.summary = spec.get("summary", "")
        self.why = spec.get("why", "")
        self.source = spec.get("source", "")
        self.perspective = spec.get("perspective")
        if self.perspective not in (None, "third_person", "to_child"):
            raise ConfigError(f"{where}: perspective must be third_person or to_child")
        self.doc_types = spec.get("doc_types")
        self.exempt_speech = spec.get("exempt_speech", True)
        self.options = dict(spec.get("options") or {})
        self.opts = dict(self.options)
        self.origin = str(path)
        ex = spec.get("examples") or {}
        self._validate_spec(spec, where, config)
        self.examples = [Example.parse(e, True) for e in ex.get("flagged", []) or []] + \
                        [Example.parse(e, False) for e in ex.get("clean", []) or []]
        self.config = config
        self.terms: list[Term] = []
        self._term_by_key: dict[str, Term] = {}
        # set at setup: terms read only as some parts of speech (tagged), terms said only of a person (parsed for
        # their subject: person_subject), and blaming's word lists those subjects are judged by (read when first used)
        self._pos_terms = self._subject_terms = False
        self._subject_lists: dict | None = None

    @property
    def analysis(self) -> str:
        if not self.uses_phrases and self.needs_model:
            return "yes (parser)"
        needs = []
        if self._pos_terms:
            needs.append("ambiguous words only (tagger)")
        if self._subject_terms:
            needs.append("words blaming only a person (parser, for their subject)")
        if self.spec.get("record_quotes"):
            needs.append("quoted words (parser, for who tells them)")
        return "; ".join(needs) or "no"

    @property
    def uses_phrases(self) -> bool:
        return self.type in ("existence", "substitution") or any(k in self.spec for k in PHRASE_KEYS)

    def _validate_spec(self, spec: dict, where: str, config) -> None:
        """Everything that can be checked without the model, with the key that is wrong."""
        problem = (_check_types(spec) or _check_message(spec, self.type) or _check_source_keys(spec, self.type)
                   or _check_doc_types(spec, config) or _check_examples(spec.get("examples"), config))
        if problem:
            raise ConfigError(f"{where}: {problem}")

    def explain_details(self) -> list[str]:
        """Extra lines for ``recordlint explain``: the rule type and what it matches."""
        spec = self.spec
        lines = [f"Rule type: {self.type} (YAML, no code: see docs/rules.md)", f"Message: {self.message}"]
        if "lexicon" in spec:
            name = spec.get("lexicon_name") or Path(spec["lexicon"]).stem
            lines.append(f"Terms: {len(self.terms)} from {spec['lexicon']} "
                         f"(add or remove them under lexicon.{name} in recordlint.yaml)")
        elif "swap" in spec or "tokens" in spec:
            shown = [t.term for t in self.terms][:12]
            more = f", ... ({len(self.terms)} in all)" if len(self.terms) > len(shown) else ""
            lines.append("Terms: " + ", ".join(shown) + more)
        elif "patterns" in spec:
            n = len(spec["patterns"]) if not all(isinstance(p, dict) for p in spec["patterns"]) else 1
            lines.append(f"Patterns: {n} spaCy Matcher token pattern(s)")
        if self.type == "occurrence":
            lines.append(f"At most {spec['max']} per {spec.get('scope', 'record')}")
        if spec.get("exceptions"):
            lines.append("Exceptions: " + ", ".join(spec["exceptions"]))
        return lines

    # --- compile ---------------------------------------------------------------------------
    def setup(self, nlp, config) -> None:
        vocab = nlp.vocab
        spec = self.spec
        self.exceptions = PhraseMatcher(vocab, attr="LOWER")
        exc = spec.get("exceptions") or []
        if exc:
            self.exceptions.add("EXC", [nlp.make_doc(p) for p in exc])
        if self.uses_phrases:
            self._compile_phrases(nlp, config)
        else:
            self._compile_patterns(vocab)
        self._pos_terms = any(t.pos for t in self.terms)
        self._subject_terms = any(t.person_subject for t in self.terms)

    def _compile_phrases(self, nlp, config) -> None:
        spec, where = self.spec, self.where
        if "lexicon" in spec:
            lex_path = (self.path.parent / spec["lexicon"]).resolve()
            name = spec.get("lexicon_name") or Path(spec["lexicon"]).stem
            self.terms = load_lexicon(lex_path, (config.lexicon or {}).get(name))
        elif "swap" in spec:
            if not isinstance(spec["swap"], dict):
                raise ConfigError(f"{where}: 'swap' is a mapping of phrase to replacement")
            self.terms = [Term(term=str(k), alternatives=[str(v)]) for k, v in spec["swap"].items()]
        elif "tokens" in spec:
            if not isinstance(spec["tokens"], list) or not spec["tokens"]:
                raise ConfigError(f"{where}: 'tokens' is a non-empty list of words or phrases")
            self.terms = [Term(term=str(t)) for t in spec["tokens"]]
        else:
            raise ConfigError(f"{where}: {self.type} needs 'tokens', 'swap' or 'lexicon'")
        case_all = bool(spec.get("case_sensitive", False))
        self.matcher_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        for i, term in enumerate(self.terms):
            key = f"{self.code}:{i}"
            self._term_by_key[key] = term
            docs = [d for f in term.forms for v in spellings(f) for d in written_forms(nlp, v)]
            (self.matcher_orth if (term.case_sensitive or case_all) else self.matcher_lower).add(key, docs)

    def _compile_patterns(self, vocab) -> None:
        spec, where = self.spec, self.where
        patterns = spec.get("patterns")
        if not isinstance(patterns, list) or not patterns:
            raise ConfigError(f"{where}: {self.type} needs 'patterns', a list of token patterns")
        if all(isinstance(p, dict) for p in patterns):
            patterns = [patterns]  # a single pattern written as a list of token dicts
        self.matcher = Matcher(vocab, validate=True)
        try:
            self.matcher.add(self.code, patterns)
        except Exception as exc:  # spaCy raises ValueError/MatchPatternError with details
            raise ConfigError(f"{where}: invalid pattern: {_pattern_error(exc)}") from None
        attrs = {str(k).upper() for p in patterns for tok in p if isinstance(tok, dict) for k in tok}
        self.needs_model = bool(attrs & MODEL_ATTRS)

    # --- run -------------------------------------------------------------------------------
    def _matches(self, rec):
        """(start_char, end_char, term or None) for every match, longest first, speech skipped."""
        if not self.uses_phrases:
            doc = rec.parse() if self.needs_model else rec.doc
            if doc is None:
                return []
            spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
            found = [(sp.start_char, sp.end_char, None) for sp in spans]
        else:
            doc = rec.doc
            found = [(sp.start_char, sp.end_char, term) for sp, term in self._record_phrase_spans(rec)
                     if not self._context_excludes(term, doc, sp, rec)]
            found = list({(f[0], f[1]): f for f in reversed(found)}.values())  # one term a span: the first kept
        if self.exempt_speech:  # quoted_terms: "a ‘well presented’ woman" marks the writer's own term
            quoted_ok, record_ok = bool(self.spec.get("quoted_terms")), bool(self.spec.get("record_quotes"))
            found = [f for f in found if not rec.in_speech(f[0])
                     or (quoted_ok and quoted_term(rec.text, f[0], f[1], rec.config, rec.speech))
                     or (record_ok and self._record_quotation(f[0], rec))]
        if len(self.exceptions):
            blocked = [(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in self.exceptions(doc)]
            found = [f for f in found if not any(bs <= f[0] and f[1] <= be for bs, be in blocked)]
        found = sorted(found, key=lambda f: f[0])
        if self.spec.get("names_ok"):  # "the Corporate Parenting Committee": a name, not a term to rewrite
            found = drop_names(rec.text, found)
        if self.spec.get("explained_ok"):  # a term explained on first use is fine there and later
            found = drop_explained(rec.text, found)
            if found and _about_no_one(rec):  # a page about a process: its topic is what the page explains
                found = drop_page_topics(rec.text, found)
        return found

    def _record_phrase_spans(self, rec):
        """_phrase_spans of the record's doc, found once (regions() and check() both ask)."""
        key = ("phrase spans", self.code)
        if key not in rec.cache:
            rec.cache[key] = self._phrase_spans(rec.doc)
        return rec.cache[key]

    def _phrase_spans(self, doc):
        """(span, term) of every phrase match, overlaps resolved to the longest. Entries that share a form (one
        for each perspective: "local authority") each give a pair for the span, the matcher's last one first
        (the one a span kept before entries could share a form)."""
        raw = [(k, s, e) for k, s, e in self.matcher_lower(doc)] + \
              [(k, s, e) for k, s, e in self.matcher_orth(doc)]
        by_span: dict = {}
        for k, s, e in raw:
            by_span.setdefault((s, e), []).append(doc.vocab.strings[k])
        spans = filter_spans([doc[s:e] for (s, e) in by_span])
        return [(sp, self._term_by_key[key]) for sp in spans
                for key in dict.fromkeys(reversed(by_span[(sp.start, sp.end)]))]

    def _institution_subject(self, span, rec) -> bool:
        """The verb of ``span`` has a subject that is a court, service or worker in their role (its sentence parsed),
        judged by blaming's word lists."""
        region = rec.parse_region(*rec.sentence_of(span.start_char), "deps")
        if region is None:
            return False  # no model: keep the finding
        verb = next((t for t in region.span if region.start_of(t) == span[0].idx), None)
        if verb is None:
            return False
        from .checks.blaming import institution_subject  # the checks package imports this module
        return institution_subject(verb, self._blaming_lists(rec))

    def _record_quotation(self, start: int, rec) -> bool:
        """record_quotes: the quotation marks around ``start`` hold a worker's or a document's words, or an
        unattributed finding (blaming.record_quotation), not the child's or family's."""
        from .checks.blaming import record_quotation  # the checks package imports this module
        return record_quotation(rec, start, self._blaming_lists(rec))

    def _blaming_lists(self, rec) -> dict:
        """Blaming's word lists (checks.blaming.blaming_lists), read once for this rule."""
        if self._subject_lists is None:
            from .checks.blaming import blaming_lists  # the checks package imports this module
            self._subject_lists = blaming_lists(rec.config)
        return self._subject_lists

    @staticmethod
    def _word_before(doc, span) -> str:
        """The word before the term; before a hyphen that joins a word to it ("well-looked after"), that word, as
        the word before a space would be ("well looked after")."""
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.text in _HYPHENS and not prev.whitespace_ and span.start > 1 \
                and not doc[span.start - 2].whitespace_:
            prev = doc[span.start - 2]
        return prev.lower_ if prev is not None else ""

    @classmethod
    def _near_word_excludes(cls, term: Term, doc, span) -> bool:
        prev = cls._word_before(doc, span)
        if prev in _HOW_OFTEN and span.start > 1:
            prev = doc[span.start - 2].lower_   # "maintain regular contact", "in close contact": the word before
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        passive = prev in _BE and nxt in _CLAUSE_OPENERS and span[0].lower_.endswith("ed")
        if prev in term.not_after or (nxt in term.not_before and not passive):
            return True
        if term.with_plain and plain_with(doc.text, span.end_char, term.with_plain, term.with_family):
            return True  # "contact with your friends", "contact with universal services": keeping in touch
        if term.only_with and not _next_words_meet(term.only_with, doc, span.end):
            return True  # "The box was placed in the hall": no word of the care sense follows
        return bool(term.not_with) and _next_words_meet(term.not_with, doc, span.end)

    def _context_excludes(self, term: Term, doc, span, rec) -> bool:
        if self._near_word_excludes(term, doc, span):
            return True
        if term.perspective and term.perspective != rec.doc_type.perspective:
            return True  # e.g. "the local authority": jargon to a child, the plain name in a case note
        if term.manner_plain and in_manner_clause(rec.text, span.start_char):
            return True  # "how you are being looked after": how well, not the legal status
        if term.not_in_condition and in_condition(rec.text, span.start_char):
            return True  # "if they refuse someone to attend": a condition, nothing that happened
        if term.singular_only and span[-1].lower_ not in {f.split()[-1].lower() for f in term.forms}:
            return True  # "duties on local authorities": the plural names a kind of body in general
        if term.not_in_guides and rec.doc_type.to_child and _about_no_one(rec):
            return True  # a guide to the process names its meetings and plans: "A child in need plan sets out ..."
        if self.spec.get("accusations_ok") and in_accusation(rec.text, span.start_char):
            return True  # "accused Mr C of a failure to engage": the accuser's words, reported
        if self.spec.get("definitions_ok") and in_definition(rec.text, span.start_char):
            return True  # "Disruptive behaviours are those actions that ...": a definition, of no one
        if term.person_subject and self._institution_subject(span, rec):
            return True  # "the judge refused the application": a court's, service's or worker's decision
        if term.pos:
            region = rec.parse_region(*rec.sentence_of(span.start_char), "tag")
            if region is not None:
                head = span[-1].idx
                for tok in region.span:
                    if region.start_of(tok) == head:
                        return tok.pos_ not in term.pos
        return False

    def regions(self, rec):
        """A pattern on tags or dependencies needs the whole record parsed; a word that counts
        only as some parts of speech needs its sentence tagged."""
        if not self.uses_phrases:
            return [(0, len(rec.text), "parse")] if self.needs_model else []
        if not (self._pos_terms or self._subject_terms):
            return []
        out = []
        for sp, term in self._record_phrase_spans(rec):
            if (term.pos or term.person_subject) and not self._near_word_excludes(term, rec.doc, sp) and \
                    term.perspective in (None, rec.doc_type.perspective):
                out.append((*rec.sentence_of(sp.start_char), "deps" if term.person_subject else "tag"))
        return out

    def check(self, rec):
        matches = self._matches(rec)
        if self.type == "occurrence":
            yield from self._check_occurrence(rec, matches)
            return
        for start, end, term in matches:
            suggestion = term.suggestion if term is not None else None
            fmt = {"suggestion": suggestion or "", "term": term.term if term else "",
                   "source": term.source if term else ""}
            yield rec.finding(self, start, end, _format(self.message, fmt), suggestion)

    def _check_occurrence(self, rec, matches):
        limit = self.spec["max"]
        if self.spec.get("scope", "record") == "record":
            if len(matches) > limit:
                yield rec.finding(self, None, None, _format(self.message, {"count": len(matches), "max": limit}))
            return
        for s, e in rec.sentences:
            inside = [m for m in matches if s <= m[0] < e]
            if len(inside) > limit:
                yield rec.finding(self, s, e, _format(self.message, {"count": len(inside), "max": limit}))


# A passive participle takes no object: after "is/are/was" + "looked after" or "accommodated", a pronoun or a
# determiner opens the next clause ("Whilst you are looked after you will have reviews", "When a young person is
# looked after the law says ..."), it is not the object that gives the plain sense ("Nan looked after you").
_HYPHENS = frozenset({"-", "‑", "–"})   # a hyphen (or a dash typed for one) inside a compound
_BE = frozenset({"am", "is", "are", "was", "were", "be", "being", "been"})
_CLAUSE_OPENERS = frozenset({"you", "he", "she", "we", "they", "i", "it", "the", "a", "an", "your", "his", "her",
                             "their", "my", "our"})

# Adjectives of how often or how close between a not_after word and the term: "maintain regular contact with the
# family" is "maintain contact", "in close contact" is "in contact"
_HOW_OFTEN = frozenset({"regular", "frequent", "close", "daily", "weekly", "monthly", "constant", "direct", "good",
                        "ongoing", "occasional", "little"})


def _about_no_one(rec) -> bool:
    from .checks.information import about_no_one  # the checks package imports this module's loader
    return about_no_one(rec)


def _next_words_meet(words: set[str], doc, start: int, limit: int = 4) -> bool:
    """One of ``words`` is among the next ``limit`` words of the sentence ("not complying with his licence
    conditions": a breach of the court's conditions, recorded as fact)."""
    for tok in doc[start:start + limit]:
        if tok.text in ".;:!?\n" or "\n" in tok.text:
            return False
        if tok.lower_ in words:
            return True
    return False


_PATTERN_PROBLEM = re.compile(r"^- \[pattern -> (\d+)(?: -> (.*?))?\] (.*)$")


def _pattern_error(exc: Exception) -> str:
    """spaCy's pattern errors on one line: 'pattern 1, token 2, LOWER: <problem>'."""
    pattern, out = None, []
    for line in str(exc).splitlines():
        line = line.strip()
        if line.startswith("Pattern "):
            pattern = int(line.split()[1].rstrip(":")) + 1
            continue
        m = _PATTERN_PROBLEM.match(line)
        if m and not any(o.startswith(f"pattern {pattern},") for o in out):
            path = (m.group(2) or "").split(" -> ")
            attr = f", {path[0]}" if path and path[0] else ""
            out.append(f"pattern {pattern}, token {int(m.group(1)) + 1}{attr}: {m.group(3)}")
    if out:
        return "; ".join(out)
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return first.split(" Maybe ")[0]


class _Blank(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _format(message: str, values: dict) -> str:
    return message.format_map(_Blank(values))


# --- rule spec checks: each returns the problem in words, or None ----------------------------------
def _is_words(value) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


# key -> (test, problem)
_SPEC_TYPES = {
    **{k: (lambda v: isinstance(v, str), f"'{k}' must be a string")
       for k in ("code", "name", "category", "message", "summary", "why", "source")},
    "tokens": (lambda v: isinstance(v, list) and bool(v) and all(isinstance(t, str) and t.strip() for t in v),
               "'tokens' must be a non-empty list of words or phrases"),
    "swap": (lambda v: isinstance(v, dict) and bool(v), "'swap' must be a mapping of phrase to replacement"),
    "lexicon": (lambda v: isinstance(v, str), "'lexicon' must be a path to a lexicon file (relative to the rule file)"),
    "exempt_speech": (lambda v: isinstance(v, bool), "'exempt_speech' must be true or false"),
    "case_sensitive": (lambda v: isinstance(v, bool), "'case_sensitive' must be true or false"),
    "accusations_ok": (lambda v: isinstance(v, bool), "'accusations_ok' must be true or false"),
    "definitions_ok": (lambda v: isinstance(v, bool), "'definitions_ok' must be true or false"),
    "record_quotes": (lambda v: isinstance(v, bool), "'record_quotes' must be true or false"),
    "options": (lambda v: isinstance(v, dict), "'options' must be a mapping of option name to default value"),
    "exceptions": (lambda v: v is None or _is_words(v), "'exceptions' must be a list of phrases"),
    "doc_types": (lambda v: v is None or _is_words(v), "'doc_types' must be a list of doc type names"),
}


def _check_types(spec: dict) -> str | None:
    for key in ("code", "name", "category", "message", "summary", "why", "source"):
        if key in spec and not _SPEC_TYPES[key][0](spec[key]):
            return _SPEC_TYPES[key][1]
    return None


def _check_message(spec: dict, rule_type: str) -> str | None:
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(spec["message"]) if f is not None]
    except ValueError as exc:
        return f"message: {exc} (write a literal brace as {{{{ or }}}})"
    allowed = PLACEHOLDERS[rule_type]
    for f in fields:
        if f == "text":
            return ("message: {text} is not allowed: messages must not embed record text "
                    "(the matched text is in the finding's text field)")
        if f not in allowed:
            return (f"message: unknown placeholder {{{f}}} for a {rule_type} rule "
                    f"(allowed: {', '.join('{' + a + '}' for a in sorted(allowed)) or 'none'})")
    return None


def _check_source_keys(spec: dict, rule_type: str) -> str | None:
    """Which words or patterns the rule matches, and the occurrence limits."""
    present = [k for k in PHRASE_KEYS + ("patterns",) if k in spec]
    if len(present) > 1:
        return f"give only one of {', '.join(present)}"
    if rule_type in ("existence", "substitution") and (not present or present[0] == "patterns"):
        return f"{rule_type} needs 'tokens', 'swap' or 'lexicon'"
    if rule_type == "sequence" and present != ["patterns"]:
        return "sequence needs 'patterns', a list of spaCy Matcher token patterns"
    problem = _check_occurrence(spec, present) if rule_type == "occurrence" else \
        ("'max' and 'scope' belong to occurrence rules" if "max" in spec or "scope" in spec else None)
    if problem:
        return problem
    for key in ("tokens", "swap", "lexicon", "exempt_speech", "case_sensitive", "options", "exceptions"):
        if key in spec and not _SPEC_TYPES[key][0](spec[key]):
            return _SPEC_TYPES[key][1]
    return None


def _check_occurrence(spec: dict, present: list[str]) -> str | None:
    if not present:
        return "occurrence needs 'tokens', 'swap', 'lexicon' or 'patterns'"
    if "max" not in spec:
        return "occurrence needs 'max', the most matches allowed per scope"
    if not isinstance(spec["max"], int) or isinstance(spec["max"], bool) or spec["max"] < 0:
        return "'max' must be a whole number, 0 or more"
    if spec.get("scope", "record") not in ("record", "sentence"):
        return "'scope' must be record or sentence"
    return None


def _check_doc_types(spec: dict, config) -> str | None:
    dts = spec.get("doc_types")
    if dts is None:
        return None
    if not _SPEC_TYPES["doc_types"][0](dts):
        return _SPEC_TYPES["doc_types"][1]
    known = set(getattr(config, "doc_types", {}) or {})
    unknown = [d for d in dts if known and d not in known]
    if unknown:
        return f"doc_types: unknown doc type(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})"
    return None


def _check_examples(ex, config) -> str | None:
    if ex is None:
        return None
    if not isinstance(ex, dict) or set(ex) - {"flagged", "clean"}:
        return "'examples' must be a mapping with 'flagged' and 'clean' lists"
    for kind in ("flagged", "clean"):
        items = ex.get(kind) or []
        if not isinstance(items, list):
            return f"examples.{kind} must be a list"
        for i, e in enumerate(items, 1):
            problem = _check_example(e, f"examples.{kind}[{i}]", config)
            if problem:
                return problem
    return None


def _check_example(e, where: str, config) -> str | None:
    if isinstance(e, str):
        return None
    if not isinstance(e, dict) or not isinstance(e.get("text"), str) or set(e) - EXAMPLE_KEYS:
        return f"{where} must be a string or a mapping with text, doc_type, child"
    if e.get("doc_type") is not None and config is not None:
        try:
            config.resolve_doc_type(e["doc_type"])
        except ConfigError:
            return f"{where}: unknown doc type {e['doc_type']!r}"
    return None
