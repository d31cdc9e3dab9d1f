"""The Python API: everything the CLI does is callable from here."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .config import Config, load_config
from .findings import Finding
from .pipeline import build_pipeline
from .record import Child


class Linter:
    """Load the config and the model once; lint many records."""

    def __init__(self, config: Config | None = None, config_path: str | None = None,
                 fast: bool = False, search: bool = True):
        self.config = config or load_config(config_path, search=search)
        self.fast = fast
        self.nlp = build_pipeline(self.config, fast=fast)
        self.ruleset = self.nlp.get_pipe("recordlint").ruleset

    def make_doc(self, text: str, doc_type: str | None = None, child=None):
        """A Doc with its doc type (name or alias, checked) and child details attached."""
        dt = self.config.resolve_doc_type(doc_type)
        doc = self.nlp.make_doc(text)
        doc._.recordlint_text = text  # the text as given (the same as doc.text, without rebuilding it)
        doc._.recordlint_doc_type = dt.name
        doc._.recordlint_child = Child.from_any(child).to_dict()
        return doc

    def lint(self, text: str, doc_type: str | None = None, child=None, fixes: bool = False,
             author: str | None = None) -> list[Finding]:
        """Findings for one record; with ``fixes``, each fixable finding carries its ``fix``
        (``author``: how a third-person record names its author, e.g. "the IRO")."""
        doc = self.nlp(self.make_doc(text, doc_type, child))
        if fixes:
            from .fixes import fix_doc
            fix_doc(self, doc, author)
        return doc._.findings

    def warm_up(self) -> None:
        """Load what the rules load on first use (textstat's syllable dictionary, the stand-ins
        for the model's attribute ruler and lemmatizer) by linting a short sample of each kind
        of record: for long-running processes (``serve``, batch workers) whose first real
        record should be as quick as the rest. A one-off ``check`` does not need it."""
        sample = ("You said the placement was going well and that you would like to see your mum "
                  "more often. Her contact with mum is on Tuesday at the family centre. We will "
                  "review the plan soon. Sam to ring school by Friday.")
        for dt in {d.perspective: d for d in self.config.doc_types.values()}.values():
            self.lint(sample, dt.name, {"name": "Sam", "age": 9, "pronouns": "they/them"})

    def lint_many(self, items: Iterable[tuple[str, str | None, dict | None]],
                  batch_size: int = 32) -> Iterator[list[Finding]]:
        """Findings for each (text, doc_type, child), in order, streamed through nlp.pipe."""
        docs = (self.make_doc(t, d, c) for t, d, c in items)
        for doc in self.nlp.pipe(docs, batch_size=batch_size):
            yield doc._.findings


_default: Linter | None = None


def lint_text(text: str, doc_type: str | None = None, child: dict | None = None,
              config: str | Config | None = None) -> list[Finding]:
    """Lint one record. ``child``: {"name", "age", "pronouns"}. The default linter is cached."""
    global _default
    if config is not None:
        linter = Linter(config=config) if isinstance(config, Config) else Linter(config_path=config)
        return linter.lint(text, doc_type, child)
    if _default is None:
        _default = Linter(search=False)
    return _default.lint(text, doc_type, child)
