"""recordlint: lint children's social-care case records against recording guidance.

``Linter`` and ``lint_text`` are imported on first use, so that commands which never load
the model (``batch``'s main process, ``report``, ``sample``, ``--help``) do not pay for
importing spaCy.
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("recordlint")
except PackageNotFoundError:  # running from a source checkout without installing
    __version__ = "0.0.0+local"

__all__ = ["Linter", "lint_text", "Finding", "Severity", "__version__"]

_LAZY = {"Linter": "api", "lint_text": "api", "Finding": "findings", "Severity": "findings"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'recordlint' has no attribute {name!r}")
