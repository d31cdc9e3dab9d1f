"""Word feedback: a copy of a .docx with one comment per finding (``check --annotate``).

Managers return audit feedback in Word, and many drafts are written there. Each
finding becomes a Word comment by "recordlint", anchored on exactly the finding's
words (runs are split at the finding's edges, keeping their formatting), with the
message, the suggestion and, when there is a fix, the rewritten sentence. A finding
about the whole record (e.g. no contingency plan) is anchored on the first
paragraph with text. The input file is never changed.

Offsets are those of ``readers.read_docx``: the body paragraphs joined with "\\n".
"""
from __future__ import annotations

import copy
from pathlib import Path

from ..errors import InputError
from ..fixes.apply import fixed_sentence

AUTHOR, INITIALS = "recordlint", "RL"
_SIMPLE_RUN_PARTS = {"rPr", "t", "tab", "br", "cr", "noBreakHyphen", "softHyphen"}


def comment_text(f, text: str) -> str:
    out = f"{f.code} [{f.category}] {f.message}"
    if f.suggestion:
        out += f"\nTry: {f.suggestion}"
    if f.fix is not None:
        out += f"\nSuggested rewrite ({f.fix.applicability}): {fixed_sentence(text, f)}"
    return out


def _runs_with_offsets(paragraph, start: int) -> list[tuple[object, int, int]]:
    """(run, start, end) of each run of a paragraph, in record offsets (hyperlink text counts
    towards the offsets but its runs are not split)."""
    from docx.text.run import Run

    out, pos = [], start
    for item in paragraph.iter_inner_content():
        n = len(item.text)
        if isinstance(item, Run):
            out.append((item, pos, pos + n))
        pos += n
    return out


def _splittable(run) -> bool:
    return all(child.tag.split("}")[-1] in _SIMPLE_RUN_PARTS for child in run._r)


def _split(run, k: int):
    """Split ``run`` after its k-th character; returns the new second run (same formatting)."""
    from docx.text.run import Run

    text = run.text
    new_r = copy.deepcopy(run._r)
    run._r.addnext(new_r)
    second = Run(new_r, run._parent)
    run.text = text[:k]
    second.text = text[k:]
    return second


def anchor_runs(paragraph, p_start: int, s: int, e: int) -> list:
    """The runs covering exactly [s, e) of the record text, splitting runs at the edges."""
    for _ in range(2):  # split at s, then at e (each split changes the runs)
        for run, rs, re_ in _runs_with_offsets(paragraph, p_start):
            for cut in (s, e):
                if rs < cut < re_ and _splittable(run):
                    _split(run, cut - rs)
                    break
            else:
                continue
            break
    runs = [run for run, rs, re_ in _runs_with_offsets(paragraph, p_start) if rs < e and re_ > s]
    return runs


def annotate_docx(src: str | Path, dst: str | Path, text: str, findings: list) -> int:
    """Write ``dst``: ``src`` with one comment per finding. Returns the number of comments."""
    import docx

    src, dst = Path(src), Path(dst)
    if dst.exists() and dst.resolve() == src.resolve():
        raise InputError(f"{dst}: is the input file; --annotate writes a copy, name another file")
    try:
        document = docx.Document(str(src))
    except Exception as exc:  # a corrupt or non-docx file
        raise InputError(f"{src}: cannot read as .docx ({type(exc).__name__})") from None
    paragraphs = document.paragraphs
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p.text) + 1
    n = 0
    for f in findings:
        runs = _anchor(paragraphs, starts, f)
        if runs:
            document.add_comment(runs, text=comment_text(f, text), author=AUTHOR, initials=INITIALS)
            n += 1
    try:
        document.save(str(dst))
    except OSError as exc:
        raise InputError(f"{dst}: cannot write ({exc.strerror})") from None
    return n


def _anchor(paragraphs, starts, f) -> list:
    if f.doc or f.start is None:
        for p, ps in zip(paragraphs, starts, strict=True):
            if p.text.strip() and p.runs:
                return anchor_runs(p, ps, ps, ps + len(p.text))
        return []
    runs = []
    for p, ps in zip(paragraphs, starts, strict=True):
        pe = ps + len(p.text)
        if ps <= f.start < pe or (f.start < ps and f.end > ps):
            runs += anchor_runs(p, ps, max(f.start, ps), min(f.end, pe))
    return runs
