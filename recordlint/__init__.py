"""recordlint: lint children's social-care case records against recording guidance.

``Linter`` and ``lint_text`` (and ``__version__``) are looked up on first use, so that
commands which never load the model (``batch``'s main process, ``report``, ``sample``,
``--help``) do not pay for importing spaCy.
"""
__all__ = ["Linter", "lint_text", "Finding", "Severity", "__version__"]

_LAZY = {"Linter": "api", "lint_text": "api", "Finding": "findings", "Severity": "findings"}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("recordlint")
    except PackageNotFoundError:  # running from a source checkout without installing
        return "0.0.0+local"


def __getattr__(name: str):
    if name == "__version__":   # importlib.metadata takes longer to import than the rest of the CLI
        globals()[name] = _version()
        return globals()[name]
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'recordlint' has no attribute {name!r}")
