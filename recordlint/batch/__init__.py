"""Batch dip-sampling: read case-system exports, lint them in parallel, sample, report.

  readers.py  CSV / JSONL / folder readers (streamed; encodings, BOMs, malformed rows)
  runner.py   ``recordlint batch``: worker processes, ordered output, resume
  sample.py   ``recordlint sample``: reproducible simple or stratified samples
  stats.py    Wilson and Newcombe intervals
  report.py   ``recordlint report``: HTML and CSV summaries
"""
