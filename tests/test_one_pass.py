"""Rules that use the parse run once per record: they declare their regions (text only) and
the component analyses them all before any rule runs (issue 10)."""
from recordlint import Linter

TEXTS = [
    ("Actions:\n- Jo will visit Kai every 6 weeks.\n- Staff to monitor Connor.", "supervision", None),
    ("You are settled at home. Mohammed has a good relationship with Nadia. He likes it.", "review_record",
     {"name": "Mohammed", "pronouns": "he/him"}),
    ("Kelly will ask the school about a tutor.", "case_note", None),
]


def _spy(linter, code, calls):
    rule = linter.ruleset.get(code)
    real = rule.check

    def check(rec):
        calls.append(code)
        yield from real(rec)
    rule.check = check


def test_each_rule_checks_each_record_once():
    linter = Linter(search=False)
    calls: list[str] = []
    for code in ("RL301", "RL302", "RL103"):
        _spy(linter, code, calls)
    results = list(linter.lint_many(TEXTS))
    assert calls.count("RL301") == 3 and calls.count("RL302") == 3
    assert calls.count("RL103") == 1  # one record written to the child
    assert [f.code for f in results[1]] == ["RL103", "RL103"]


def test_declared_regions_are_analysed_before_the_rules_run():
    linter = Linter(search=False)
    comp = linter.nlp.get_pipe("recordlint")
    on_demand: list[tuple] = []
    real = comp._parser

    def parser_factory():
        parse = real()

        def spy(text, level="parse"):
            on_demand.append(level)
            return parse(text, level)
        return spy
    comp._parser = parser_factory
    findings = linter.lint("Actions:\n- Staff to monitor Connor's whereabouts.", "visit_record")
    assert [f.code for f in findings] == ["RL301", "RL302", "RL401"]
    assert on_demand == []  # nothing was parsed outside the batched pass
