"""Rules without code, in the spirit of Vale's rule types.

A YAML rule file is a list of rules; each has ``code``, ``name``, ``type``,
``category``, ``severity``, ``message`` (placeholders: {text}, {suggestion},
{count}, {max}), ``summary``, ``why``, ``source``, ``perspective`` or
``doc_types``, ``exceptions`` (phrases that, when they contain a match, cancel
it) and ``examples`` (``flagged`` and ``clean``). Types:

  existence     ``tokens``: words or phrases to flag
  substitution  ``swap``: {phrase: replacement}, or ``lexicon``: a lexicon file
  sequence      ``patterns``: spaCy Matcher token patterns (LOWER, LEMMA, POS, DEP...)
  occurrence    ``tokens`` or ``patterns`` with ``max`` per ``scope`` (record or sentence)

All are compiled into spaCy PhraseMatcher / Matcher patterns once, at load time.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from spacy.matcher import Matcher, PhraseMatcher
from spacy.util import filter_spans

from .errors import ConfigError
from .findings import Severity
from .lexicon import Term, load_lexicon
from .rule import Example, Rule

RULE_KEYS = {"code", "name", "type", "category", "severity", "message", "summary", "why", "source",
             "perspective", "doc_types", "exceptions", "examples", "tokens", "swap", "lexicon",
             "lexicon_name", "patterns", "max", "scope", "exempt_speech", "case_sensitive",
             "explained_ok", "options"}
TYPES = {"existence", "substitution", "sequence", "occurrence"}
MODEL_ATTRS = {"POS", "TAG", "DEP", "LEMMA", "MORPH", "ENT_TYPE", "IS_SENT_START"}


def load_rule_file(path: Path, config) -> list[Rule]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        raise ConfigError(f"{path}: rule file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    if isinstance(data, dict):
        data = data.get("rules", [])
    if not isinstance(data, list):
        raise ConfigError(f"{path}: a rule file is a list of rules")
    return [YamlRule(spec, Path(path), config) for spec in data]


class YamlRule(Rule):
    def __init__(self, spec: dict, path: Path, config):
        super().__init__()
        self.path = path
        where = f"{path}: rule {spec.get('code', '?') if isinstance(spec, dict) else '?'}"
        if not isinstance(spec, dict):
            raise ConfigError(f"{path}: each rule is a mapping")
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
        self.examples = [Example.parse(e, True) for e in ex.get("flagged", []) or []] + \
                        [Example.parse(e, False) for e in ex.get("clean", []) or []]
        self.config = config
        self.terms: list[Term] = []
        self._term_by_key: dict[str, Term] = {}

    # --- compile ---------------------------------------------------------------------------
    def setup(self, nlp, config) -> None:
        vocab = nlp.vocab
        spec, where = self.spec, self.where
        self.exceptions = PhraseMatcher(vocab, attr="LOWER")
        exc = spec.get("exceptions") or []
        if exc:
            self.exceptions.add("EXC", [nlp.make_doc(p) for p in exc])
        if self.type in ("existence", "substitution") or (self.type == "occurrence" and "tokens" in spec):
            self._compile_phrases(nlp, config)
        else:
            self._compile_patterns(vocab)
        if self.type == "occurrence":
            if not isinstance(spec.get("max"), int) or spec["max"] < 0:
                raise ConfigError(f"{where}: occurrence needs 'max', a whole number")
            if spec.get("scope", "record") not in ("record", "sentence"):
                raise ConfigError(f"{where}: scope must be record or sentence")

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
            docs = [nlp.make_doc(f) for f in term.forms]
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
            first = str(exc).strip().splitlines()
            detail = " ".join(line.strip() for line in first[:4] if line.strip())
            raise ConfigError(f"{where}: invalid pattern: {detail}") from None
        attrs = {str(k).upper() for p in patterns for tok in p if isinstance(tok, dict) for k in tok}
        self.needs_model = bool(attrs & MODEL_ATTRS)

    # --- run -------------------------------------------------------------------------------
    def _matches(self, rec):
        """(start_char, end_char, term or None) for every match, longest first, speech skipped."""
        if self.type in ("sequence",) or (self.type == "occurrence" and "tokens" not in self.spec):
            doc = rec.parse() if self.needs_model else rec.doc
            if doc is None:
                return []
            spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
            found = [(sp.start_char, sp.end_char, None) for sp in spans]
            exc_doc = doc
        else:
            doc = rec.doc
            raw = [(k, s, e) for k, s, e in self.matcher_lower(doc)] + \
                  [(k, s, e) for k, s, e in self.matcher_orth(doc)]
            by_span = {}
            for k, s, e in raw:
                by_span[(s, e)] = doc.vocab.strings[k]
            spans = filter_spans([doc[s:e] for (s, e) in by_span])
            found = []
            for sp in spans:
                term = self._term_by_key[by_span[(sp.start, sp.end)]]
                if self._context_excludes(term, doc, sp, rec):
                    continue
                found.append((sp.start_char, sp.end_char, term))
            exc_doc = doc
        if self.exempt_speech:
            found = [f for f in found if not rec.in_speech(f[0])]
        if len(self.exceptions):
            blocked = [(exc_doc[s:e].start_char, exc_doc[s:e].end_char) for _, s, e in self.exceptions(exc_doc)]
            found = [f for f in found if not any(bs <= f[0] and f[1] <= be for bs, be in blocked)]
        return sorted(found, key=lambda f: f[0])

    def _context_excludes(self, term: Term, doc, span, rec) -> bool:
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        if prev in term.not_after or nxt in term.not_before:
            return True
        if term.pos:
            region = rec.parse_region(*rec.sentence_of(span.start_char))
            if region is not None:
                sub, offset = region
                head = span[-1].idx
                for tok in sub:
                    if tok.idx + offset == head:
                        return tok.pos_ not in term.pos
        return False

    def check(self, rec):
        matches = self._matches(rec)
        if self.type == "occurrence":
            yield from self._check_occurrence(rec, matches)
            return
        for start, end, term in matches:
            suggestion = term.suggestion if term is not None else None
            fmt = {"text": rec.text[start:end], "suggestion": suggestion or "",
                   "term": term.term if term else rec.text[start:end], "source": term.source if term else ""}
            yield rec.finding(self, start, end, _format(self.message, fmt), suggestion)

    def _check_occurrence(self, rec, matches):
        limit = self.spec["max"]
        if self.spec.get("scope", "record") == "record":
            if len(matches) > limit:
                yield rec.finding(self, None, None, _format(self.message, {"count": len(matches), "max": limit,
                                                                           "text": ""}))
            return
        for s, e in rec.sentences:
            inside = [m for m in matches if s <= m[0] < e]
            if len(inside) > limit:
                yield rec.finding(self, s, e, _format(self.message, {"count": len(inside), "max": limit,
                                                                     "text": rec.text[s:e]}))


class _Blank(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _format(message: str, values: dict) -> str:
    return message.format_map(_Blank(values))
