"""Language rules that need Python (jargon and blaming words are YAML: rules/language.yaml)."""
from __future__ import annotations

RULES: list = []
