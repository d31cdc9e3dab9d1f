"""The spaCy component: ``nlp.add_pipe("recordlint")`` in any English pipeline.

It reads the record's doc type and child from ``doc._.recordlint_doc_type`` and
``doc._.recordlint_child`` (set them on ``nlp.make_doc(text)`` before calling
``nlp(doc)``; defaults: the config's default doc type, no child details) and
puts the findings on ``doc._.findings``. When the doc arrives already parsed, the
rules use that parse; otherwise the component runs the pipeline's own tagger and
parser (even when disabled) only on the parts of the text a rule needs.
"""
from __future__ import annotations

import re
from collections import OrderedDict

from spacy.language import Language
from spacy.tokens import Doc

from .config import Config, load_config
from .errors import RuleError
from .record import Child, Record
from .registry import build_ruleset

STATISTICAL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
_PARAGRAPHS = re.compile(r"(?s).+?(?:(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)\s*|\Z)")

for _name, _default in (("findings", None), ("recordlint_doc_type", None), ("recordlint_child", None)):
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
        self.configure(config)

    def configure(self, config: Config) -> None:
        self.config = config
        self.ruleset = build_ruleset(config, self.nlp)
        if self.default_doc_type:
            config.resolve_doc_type(self.default_doc_type)

    def enable_parse_cache(self, size: int = 512) -> None:
        """Keep the parses of the last ``size`` paragraphs in memory (never on disk), so that
        checking a draft again after an edit re-parses only the paragraphs that changed.
        For the local draft-check service; off by default (a batch never repeats text)."""
        self._cache_size = size
        self._cache: OrderedDict[str, Doc] = OrderedDict()

    def _parser(self):
        """Run the pipeline's statistical components on a piece of text, or None (fast profile)."""
        if self.fast:
            return None
        procs = [proc for name, proc in self.nlp.components if name in STATISTICAL]
        if not any(name == "parser" for name, _ in self.nlp.components):
            return None

        def parse_text(text: str) -> Doc:
            doc = self.nlp.make_doc(text)
            # A line break always ends a sentence (headings, bullets, table rows); the
            # parser respects boundaries set before it runs.
            for tok in doc[1:]:
                if "\n" in doc[tok.i - 1].text or "\r" in doc[tok.i - 1].text:
                    tok.is_sent_start = True
            for proc in procs:
                doc = proc(doc)
            return doc

        if not getattr(self, "_cache_size", 0):
            return parse_text

        def parse_cached(text: str) -> Doc:
            # Paragraphs (with their trailing blank lines) partition the text exactly, so
            # the joined Doc has the same text and offsets as a parse of the whole.
            docs = []
            for para in _PARAGRAPHS.findall(text):
                doc = self._cache.get(para)
                if doc is None:
                    doc = parse_text(para)
                    self._cache[para] = doc
                    if len(self._cache) > self._cache_size:
                        self._cache.popitem(last=False)
                else:
                    self._cache.move_to_end(para)
                docs.append(doc)
            if not docs:
                return parse_text(text)
            return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)

        return parse_cached

    def __call__(self, doc: Doc) -> Doc:
        doc_type = self.config.resolve_doc_type(doc._.recordlint_doc_type or self.default_doc_type)
        child = Child.from_any(doc._.recordlint_child)
        rec = Record(text=doc.text, doc=doc, doc_type=doc_type, child=child, config=self.config,
                     parser=self._parser())
        findings = []
        # An empty record has nothing to check (not even a missing contingency or voice).
        active = self.ruleset.active(doc_type.name, self.fast) if doc.text.strip() else []
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
        doc._.findings = findings
        return doc
