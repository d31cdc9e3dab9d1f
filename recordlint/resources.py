"""Where the bundled rule sets and pipeline settings live.

In an installed wheel they sit inside the package (``recordlint/_data``); in a
source checkout they are the top-level ``rules/`` and ``models/`` folders.
"""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder ``rules`` or ``models``, installed or in the checkout."""
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"recordlint data folder '{name}' is missing from the installation")


def rules_dir() -> Path:
    return data_dir("rules")


def default_config_path() -> Path:
    return rules_dir() / "default.yaml"


def load_yaml(text):
    """``yaml.safe_load`` with libyaml's C parser when PyYAML has it (the same data, about
    7x quicker: the bundled rules and lexicons are read at every start-up)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def pipeline_settings() -> dict:
    """models/pipeline.yaml: the components not loaded, and what each analysis level runs."""
    with open(data_dir("models") / "pipeline.yaml", encoding="utf-8") as fh:
        return load_yaml(fh)
