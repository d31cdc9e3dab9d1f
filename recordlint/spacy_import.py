"""Import spaCy without its command-line interface, and let its registries find entry points quickly.

``spacy/__init__.py`` imports ``spacy.cli`` only to offer ``spacy.info``; that pulls in typer,
weasel, httpx, requests, rich and jinja2, about 0.15 s of the 1.2 s that a one-record
``recordlint check`` may take from cold (benchmarks/bench_startup.py), for code recordlint
never runs. So the first import of spaCy (the first module of recordlint that imports
spaCy imports this module before it) sees a stand-in for ``spacy.cli.info``, which is
removed again right after: ``import spacy.cli`` later imports the real one, and
``spacy.info()`` calls it. When spaCy is already imported (a host program's pipeline),
nothing changes.

spaCy's registries (catalogue) look up the entry points of a group with importlib.metadata's
``select``, which goes through every entry point of every installed distribution on each
call: ~120 calls while a model loads (the serializers ask each time), ~35 ms of CPU with the
dev extras installed. ``group_entry_points`` hands catalogue the same entry points grouped
by name once, which catalogue reads as a dict (its code path for older Pythons).
"""
from __future__ import annotations

import sys
import types
from typing import Any


def _info(*args, **kwargs):
    """``spacy.info``: the real one, imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy():
    """``import spacy``, leaving ``spacy.cli`` to be imported when something uses it."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []     # a package, so that ``spacy.cli.info`` can be looked up in sys.modules
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:   # not set by the import system; never leave it behind
        del spacy.cli
    return spacy


def group_entry_points() -> None:
    """catalogue's entry points as a dict of group -> entry points (the same ones)."""
    import catalogue

    found: Any = catalogue.AVAILABLE_ENTRY_POINTS
    if not hasattr(found, "select"):     # already a dict
        return
    if isinstance(found, dict):          # Python 3.11: grouped already (importlib.metadata.SelectableGroups)
        grouped = dict(dict.items(found))
    else:                                # 3.12+: one sequence of entry points
        grouped = {}
        for ep in found:
            grouped.setdefault(ep.group, []).append(ep)
    catalogue.AVAILABLE_ENTRY_POINTS = grouped


import_spacy()
group_entry_points()
