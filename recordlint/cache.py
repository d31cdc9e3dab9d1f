"""The analysis cache: analysed Docs by (region text, level), least recently used first.

Off by default (a batch never repeats text); the draft-check service turns it on so that a
re-check after an edit analyses only the sentences that changed. It is bounded by the number
of entries, by the tokens the Docs hold (what their memory follows), or both; an entry over
the whole token budget is not kept. Nothing is ever written to disk.
"""
from __future__ import annotations

from collections import OrderedDict


class AnalysisCache(OrderedDict):
    def __init__(self, max_entries: int | None = None, max_tokens: int | None = None):
        super().__init__()
        self.max_entries = max_entries
        self.max_tokens = max_tokens
        self.tokens = 0

    def __setitem__(self, key, doc) -> None:
        if key in self:
            self.tokens -= len(OrderedDict.__getitem__(self, key))
        OrderedDict.__setitem__(self, key, doc)
        self.tokens += len(doc)
        while self and self._over():
            self.popitem(last=False)

    def _over(self) -> bool:
        return (self.max_entries is not None and len(self) > self.max_entries) or \
            (self.max_tokens is not None and self.tokens > self.max_tokens)

    def popitem(self, last: bool = True):
        key, doc = super().popitem(last=last)
        self.tokens -= len(doc)
        return key, doc
