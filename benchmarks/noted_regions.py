"""For the benchmarks that compare recordlint with the bare spaCy components on the same text:
note the text of every region recordlint's component analyses, by analysis level.

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
