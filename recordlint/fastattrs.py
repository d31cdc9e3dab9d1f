"""Fast stand-ins for the model's attribute_ruler (on tagged-only text) and lemmatizer.

en_core_web_sm's attribute_ruler maps fine-grained tags to POS and morphology
with a spaCy Matcher, which costs about as much as the parser. On text that is
only tagged (no dependencies), almost all of its patterns are single tokens
keyed on TAG and/or the lowercase form, so a dictionary lookup gives the same
result; the few multi-token and dependency patterns are left out here (the full
parse level still runs the real attribute_ruler).
"""
from __future__ import annotations

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

_KEEP = object()  # the morphology is left as it is


class FastAttributes:
    def __init__(self, ruler):
        self.by_tag: dict[str, dict] = {}
        self.by_tag_lower: dict[tuple[str, str], dict] = {}
        self.by_lower: dict[str, dict] = {}
        for entry in ruler.patterns:
            for pattern in entry["patterns"]:
                if len(pattern) != 1:
                    continue
                tok = pattern[0]
                keys = set(tok)
                attrs = entry["attrs"]
                tags, lowers = _values(tok.get("TAG")), _values(tok.get("LOWER"))
                if keys == {"TAG"}:
                    for tag in tags:
                        self.by_tag.setdefault(tag, {}).update(attrs)
                elif keys == {"TAG", "LOWER"}:
                    for tag in tags:
                        for low in lowers:
                            self.by_tag_lower.setdefault((tag, low), {}).update(attrs)
                elif keys == {"LOWER"}:
                    for low in lowers:
                        self.by_lower.setdefault(low, {}).update(attrs)

        self._memo: dict[tuple[int, int], tuple] = {}   # (tag, lower) -> what to set, as hashes

    def __call__(self, doc: Doc) -> Doc:
        memo = self._memo
        for tok in doc:
            key = (tok.tag, tok.lower)
            todo = memo.get(key)
            if todo is None:
                todo = memo[key] = self._settings(doc.vocab, tok.tag_, tok.lower_)
            pos, morph, lemma = todo
            if pos is not None:
                tok.pos = pos
            if morph is not _KEEP:
                tok.set_morph(morph)
            if lemma is not None:
                tok.lemma = lemma
        return doc

    def _settings(self, vocab, tag: str, low: str) -> tuple:
        """(POS id, morphology key, lemma hash) the patterns for this tag and word set, in the
        order the attribute ruler applies them (tag, then word, then both); None/_KEEP: unset."""
        pos = lemma = None
        morph = _KEEP
        for attrs in (self.by_tag.get(tag), self.by_lower.get(low), self.by_tag_lower.get((tag, low))):
            if not attrs:
                continue
            if "POS" in attrs:
                pos = POS_IDS[attrs["POS"]]
            if "MORPH" in attrs:
                morph = vocab.morphology.add(attrs["MORPH"]) if attrs["MORPH"] != "_" else None
            if "LEMMA" in attrs:
                lemma = vocab.strings.add(attrs["LEMMA"])
        return pos, morph, lemma

    def pipe(self, docs, batch_size: int = 256):
        for doc in docs:
            yield self(doc)


class MemoLemmas:
    """The model's rule lemmatizer, remembering each (word, POS, morphology) it has seen.

    spaCy's rule lemmatizer caches only the words it changes: every base form (most nouns
    and verbs) is worked out again, token by token. Its answer depends on nothing but the
    word, its POS and its morphology, so remembering it gives the same lemmas. The memory
    is bounded (``size`` entries, then it starts again) so a long batch does not grow.
    """

    def __init__(self, lemmatizer, size: int = 100_000):
        self.lemmatizer = lemmatizer
        self.size = size
        self.memo: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        lem, memo = self.lemmatizer, self.memo
        for tok in doc:
            if lem.overwrite or tok.lemma == 0:
                key = (tok.orth, tok.pos, tok.morph.key)
                lemma = memo.get(key)
                if lemma is None:
                    if len(memo) >= self.size:
                        memo.clear()
                    lemma = memo[key] = lem.lemmatize(tok)[0]
                tok.lemma_ = lemma
        return doc

    def pipe(self, docs, batch_size: int = 256):
        for doc in docs:
            yield self(doc)


def _values(value) -> list[str]:
    """A pattern value: a string, or {"IN": [...]}; anything else matches nothing here."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("IN"), list):
        return [v for v in value["IN"] if isinstance(v, str)]
    return []
