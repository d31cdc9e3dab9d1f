"""The model is a dependency, loaded offline, as models/pipeline.yaml says."""
from pathlib import Path

import yaml

from recordlint.pipeline import load_model

ROOT = Path(__file__).resolve().parent.parent


def test_model_loads_without_ner_and_matches_pipeline_definition():
    spec = yaml.safe_load((ROOT / "models" / "pipeline.yaml").read_text())
    nlp = load_model([spec["model"]["preferred"], spec["model"]["fallback"]])
    assert nlp.meta["version"] == spec["model"]["version"]
    assert set(nlp.component_names) == set(spec["components"]["loaded"])


def test_linter_runs_only_tokenizer_and_recordlint_on_every_record(linter):
    assert linter.nlp.pipe_names == ["recordlint"]
    assert "parser" in linter.nlp.component_names
