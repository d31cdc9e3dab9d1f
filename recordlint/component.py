"""The spaCy component: ``nlp.add_pipe("recordlint")`` in any English pipeline.

It reads the record's doc type and child from ``doc._.recordlint_doc_type`` and
``doc._.recordlint_child`` (set them on ``nlp.make_doc(text)`` before calling
``nlp(doc)``; defaults: the config's default doc type, no child details) and
puts the findings on ``doc._.findings``. When the doc arrives already parsed, the
rules use that parse; otherwise the component runs the pipeline's own tagger and
parser (even when disabled) only on the parts of the text a rule needs.
"""
from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .cache import AnalysisCache
from .config import Config, load_config
from .errors import RuleError
from .fastattrs import FastAttributes, MemoLemmas
from .record import Child, Record
from .registry import build_ruleset
from .resources import pipeline_settings

# What each analysis level runs (models/pipeline.yaml). "tag": tags, POS and lemmas (action
# detection); "deps": tags, POS and dependencies, no lemmas (pronoun resolution); "parse": all.
LEVELS = {level: tuple(names) for level, names in pipeline_settings()["levels"].items()}

for _name, _default in (("findings", None), ("recordlint_doc_type", None), ("recordlint_child", None),
                         ("recordlint_text", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.factory(
    "recordlint",
    default_config={"config_path": None, "doc_type": None, "fast": False},
)
def make_recordlint(nlp: Language, name: str, config_path: str | None, doc_type: str | None, fast: bool):
    return RecordlintComponent(nlp, load_config(config_path, search=False), doc_type, fast)


class RecordlintComponent:
    def __init__(self, nlp: Language, config: Config, doc_type: str | None = None, fast: bool = False):
        self.nlp = nlp
        self.fast = fast
        self.default_doc_type = doc_type
        self._cache_size = 0
        self._stand_ins: dict = {}  # fast stand-ins for model components, made on first use
        self.configure(config)

    def configure(self, config: Config) -> None:
        """Use ``config``. Its rules are built on first use (``ruleset``), so that a pipeline
        made with the default config and then configured builds its rules once, not twice."""
        self.config = config
        self._ruleset = None
        if self.default_doc_type:
            config.resolve_doc_type(self.default_doc_type)

    @property
    def ruleset(self):
        if self._ruleset is None:
            self._ruleset = build_ruleset(self.config, self.nlp)
        return self._ruleset

    def enable_parse_cache(self, size: int | None = 2048, max_tokens: int | None = None) -> AnalysisCache:
        """Keep the analyses of recent regions in memory (never on disk), at most ``size`` of them
        and, when given, at most ``max_tokens`` tokens, so that checking a draft again after an
        edit analyses only the sentences that changed. For the local draft-check service; off by
        default (a batch never repeats text)."""
        self._cache = AnalysisCache(max_entries=size, max_tokens=max_tokens)
        self._cache_size = size or max_tokens or 1   # on
        return self._cache

    def _cached(self, text: str, level: str) -> Doc | None:
        doc = self._cache.get((text, level)) if self._cache_size else None
        if doc is not None:
            self._cache.move_to_end((text, level))
        return doc

    def _remember(self, text: str, level: str, doc: Doc) -> None:
        if self._cache_size:
            self._cache[(text, level)] = doc   # the cache keeps itself within its bounds

    def _parser(self):
        """``parse(text, level)`` with the pipeline's statistical components, or None (fast profile).
        ``level`` is one of LEVELS."""
        if self.fast:
            return None
        if not any(name == "parser" for name, _ in self.nlp.components):
            return None

        def parse_text(text: str, level: str = "parse") -> Doc:
            doc = self._cached(text, level)
            if doc is None:
                doc = next(self._analyse([self.nlp.make_doc(text)], level, [text]))
                self._remember(text, level, doc)
            return doc

        return parse_text

    def _analyse(self, docs: list[Doc], level: str, texts: list[str]):
        """Run the statistical components a level needs over many docs at once (see LEVELS);
        ``texts``: the docs' texts (as given to make_doc: doc.text would join the tokens again)."""
        names = LEVELS[level]
        procs = []
        for name, proc in self.nlp.components:
            if name not in names:
                continue
            if name == "attribute_ruler" and level != "parse":
                # Without dependency-based patterns the attribute ruler reduces to lookups.
                proc = self._fast("attrs", FastAttributes, proc)
            elif name == "lemmatizer" and getattr(proc, "mode", None) == "rule":
                proc = self._fast("lemmas", MemoLemmas, proc)  # the same lemmas, remembered
            procs.append(proc)
        for doc, text in zip(docs, texts, strict=True):
            # A line break always ends a sentence (headings, bullets, table rows); the
            # parser respects boundaries set before it runs.
            if "\n" in text or "\r" in text:
                after_break = False
                for tok in doc:
                    if after_break:
                        tok.is_sent_start = True
                    after_break = "\n" in tok.text or "\r" in tok.text
        stream = iter(docs)
        for proc in procs:
            stream = proc.pipe(stream, batch_size=256) if hasattr(proc, "pipe") else map(proc, stream)
        return stream

    def _fast(self, key: str, make, proc):
        """The stand-in for a component (fastattrs.py), made once."""
        if key not in self._stand_ins:
            self._stand_ins[key] = make(proc)
        return self._stand_ins[key]

    def analyse_texts(self, texts: list[str], level: str) -> list[Doc]:
        """Analyse many texts at ``level`` in one pass, reusing the parse cache when one is kept
        (the draft-check service: a re-check analyses only the sentences that changed)."""
        docs = {t: self._cached(t, level) for t in texts} if self._cache_size else {}
        todo = [t for t in dict.fromkeys(texts) if docs.get(t) is None]
        for t, d in zip(todo, self._analyse([self.nlp.make_doc(t) for t in todo], level, todo), strict=True):
            self._remember(t, level, d)
            docs[t] = d
        return [docs[t] for t in texts]

    def record_of(self, doc: Doc) -> Record:
        """The Record the rules saw for a checked doc (with the model's parser, if any)."""
        return self._record(doc, self._parser())

    def _record(self, doc: Doc, parser) -> Record:
        doc_type = self.config.resolve_doc_type(doc._.recordlint_doc_type or self.default_doc_type)
        # doc.text joins every token: take the text as given when the Linter attached it
        text = doc._.recordlint_text if doc._.recordlint_text is not None else doc.text
        return Record(text=text, doc=doc, doc_type=doc_type, child=Child.from_any(doc._.recordlint_child),
                      config=self.config, parser=parser)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = 64):
        """Check a stream of docs. Per batch: ask the rules which regions they need analysed,
        analyse them all in one pass through the statistical components, then run each rule
        once per record."""
        parser = self._parser()
        for batch in minibatch(docs, size=batch_size):
            recs = [self._record(doc, parser) for doc in batch]
            if parser is not None:
                self._preparse(recs)
            for doc, rec in zip(batch, recs, strict=True):
                doc._.findings = self._check(rec)
                yield doc

    def _preparse(self, recs: list[Record]) -> None:
        """Ask every active rule which regions of each record it needs analysed (text only),
        then analyse all of them, level by level, in one pass over the batch."""
        wanted: dict[str, list[tuple[Record, int, int]]] = {level: [] for level in LEVELS}
        for rec in recs:
            if rec.doc.has_annotation("DEP") or not rec.text.strip():
                continue
            asked = [r for rule, _ in self.ruleset.active(rec.doc_type.name, self.fast) for r in rule.regions(rec)]
            for start, end, level in dict.fromkeys(asked):
                wanted[level].append((rec, start, end))
        for level, items in wanted.items():
            todo = []
            for rec, s, e in items:
                sub = self._cached(rec.text[s:e], level)
                if sub is None:
                    todo.append((rec, s, e))
                else:
                    rec.add_region(s, e, level, sub)
            texts = [rec.text[s:e] for rec, s, e in todo]
            docs = [self.nlp.make_doc(t) for t in texts]
            for (rec, s, e), sub in zip(todo, self._analyse(docs, level, texts), strict=True):
                self._remember(rec.text[s:e], level, sub)
                rec.add_region(s, e, level, sub)

    def _check(self, rec: Record) -> list:
        findings = []
        # An empty record has nothing to check (not even a missing contingency or voice).
        active = self.ruleset.active(rec.doc_type.name, self.fast) if rec.text.strip() else []
        for rule, severity in active:
            try:
                for f in rule.check(rec):
                    f.severity = severity
                    findings.append(f)
            except Exception as exc:  # a bug in one rule must not lose the record or the run
                # The exception's text may quote the record: name only its type.
                raise RuleError(f"internal error in rule {rule.code} ({type(exc).__name__}); "
                                "please report it") from exc
        findings.sort(key=lambda f: (f.doc, f.start or 0, f.end or 0, f.code))
        return findings
