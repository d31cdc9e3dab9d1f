"""readability rules (issue: SMART planning, contingency, child's voice and reading age)."""
from __future__ import annotations

RULES: list = []
