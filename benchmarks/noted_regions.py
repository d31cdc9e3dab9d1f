"""For the benchmarks that compare recordlint with the bare spaCy components on the same text:
note the text of every region recordlint's component analyses, by analysis level, and run the
bare components over the same text.

Imported by the measuring scripts of bench_batch.py and bench_overhead.py (run with this folder
on PYTHONPATH)."""
from __future__ import annotations

from recordlint.component import LEVELS


def note_regions(linter) -> dict[str, list[str]]:
    """From now on, the text of each region ``linter`` analyses is added to the list of its level."""
    comp = linter.nlp.get_pipe("recordlint")
    regions: dict[str, list[str]] = {level: [] for level in LEVELS}
    analyse = comp._analyse

    def noting(docs, level, *texts):
        regions[level].extend(d.text for d in docs)
        return analyse(docs, level, *texts)

    comp._analyse = noting
    return regions


def run_bare(nlp, record_texts, regions: dict[str, list[str]]) -> None:
    """The bare components over what recordlint analysed: every record tokenized, then each region
    through the model components of its level (component.LEVELS)."""
    for _ in nlp.tokenizer.pipe(record_texts, batch_size=64):
        pass
    for level, texts in regions.items():
        with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in LEVELS[level]]):
            for _ in nlp.pipe(texts, batch_size=256):
                pass
