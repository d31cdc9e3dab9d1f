"""recordlint: lint children's social-care case records against recording guidance."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("recordlint")
except PackageNotFoundError:  # running from a source checkout without installing
    __version__ = "0.0.0+local"

from .api import Linter, lint_text  # noqa: E402
from .findings import Finding, Severity  # noqa: E402

__all__ = ["Linter", "lint_text", "Finding", "Severity", "__version__"]
