"""Run the rules' own examples (pylint's documentation tests): every flagged example must be
flagged by its rule, every clean one must not. ``recordlint test-rules`` and the test suite
both call ``check_examples``, so a council's own rule file is tested the same way."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ExampleResult:
    code: str
    flagged: bool          # the example says the rule should fire
    text: str
    doc_type: str
    codes: list[str]       # the codes that fired

    @property
    def ok(self) -> bool:
        return (self.code in self.codes) == self.flagged


def doc_type_for(linter, rule, example) -> str:
    """The example's own doc type, else the first doc type the rule runs on."""
    if example.doc_type:
        return example.doc_type
    cfg = linter.config
    for name in [cfg.default_doc_type, *cfg.doc_types]:
        if any(r is rule for r, _ in linter.ruleset.active(name)):
            return name
    return cfg.default_doc_type


def selected_rules(linter, select: list[str] | None = None) -> list:
    rules = sorted(linter.ruleset.rules, key=lambda r: r.code)
    if select:
        wanted = {s.strip().upper() for s in select} | {s.strip().lower() for s in select}
        rules = [r for r in rules if r.code in wanted or r.name in wanted or r.origin in select]
    return rules


def check_examples(linter, rules) -> list[ExampleResult]:
    out = []
    for rule in rules:
        for example in rule.examples:
            doc_type = doc_type_for(linter, rule, example)
            codes = [f.code for f in linter.lint(example.text, doc_type, example.child)]
            out.append(ExampleResult(rule.code, example.flagged, example.text, doc_type, codes))
    return out


def missing_examples(rules) -> list[str]:
    """Rules without a flagged or without a clean example."""
    return [r.code for r in rules if not any(e.flagged for e in r.examples)
            or not any(not e.flagged for e in r.examples)]
