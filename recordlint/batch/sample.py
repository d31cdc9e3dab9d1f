"""``recordlint sample``: a reproducible random sample of records, in the input's own format.

Simple random sampling draws ``n`` records from all readable records not excluded.
Proportional stratified sampling splits ``n`` across the values of one column in
proportion to their sizes (largest-remainder rounding, ties broken by stratum
name), then draws at random within each stratum. The same input, seed and options
always give the same sample (Python's ``random.Random`` seeded with the seed, and
with the seed and stratum name for each stratum). Records are written in input
order: a CSV sample is a CSV with the same encoding, separator and columns; a JSONL
sample keeps the original lines; a folder sample copies the chosen files.
"""
from __future__ import annotations

import csv
import json
import random
import shutil
from collections import defaultdict
from pathlib import Path
from collections.abc import Callable

from .readers import Columns, CsvSource, FolderSource, JsonlSource, norm_col, open_source


class SampleError(Exception):
    pass


def read_ids(path: str | Path) -> set[str]:
    """Ids from a file: one per line, or JSON lines with an "id" (e.g. earlier batch results)."""
    ids = set()
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        for line in fh:
            s = line.strip()
            if not s:
                continue
            if s.startswith("{"):
                try:
                    obj = json.loads(s)
                    if isinstance(obj, dict) and "id" in obj:
                        ids.add(str(obj["id"]))
                        continue
                except json.JSONDecodeError:
                    pass
            ids.add(s)
    return ids


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Proportional allocation of n over strata (largest remainder), never more than a stratum holds."""
    total = sum(sizes.values())
    n = min(n, total)
    if total == 0:
        return {k: 0 for k in sizes}
    quotas = {k: n * v / total for k, v in sizes.items()}
    alloc = {k: int(q) for k, q in quotas.items()}
    left = n - sum(alloc.values())
    order = sorted(sizes, key=lambda k: (-(quotas[k] - alloc[k]), -sizes[k], k))
    for k in order[:left]:
        alloc[k] += 1
    return alloc


def choose(keys: list[tuple[int, str]], n: int, seed: int, stratified: bool) -> tuple[set[int], dict]:
    """The chosen record positions, and per stratum (chosen, total)."""
    if not stratified:
        pool = [i for i, _ in keys]
        return set(random.Random(seed).sample(pool, min(n, len(pool)))), {}
    groups: dict[str, list[int]] = defaultdict(list)
    for i, s in keys:
        groups[s].append(i)
    alloc = allocate({k: len(v) for k, v in groups.items()}, n)
    chosen: set[int] = set()
    for name in sorted(groups):
        rng = random.Random(f"{seed}:{name}")
        chosen.update(rng.sample(groups[name], alloc[name]))
    return chosen, {k: (alloc[k], len(v)) for k, v in groups.items()}


def _stratum_getter(source, column: str):
    key = norm_col(column)
    if isinstance(source, CsvSource):
        idx = next((i for i, h in enumerate(source.header) if norm_col(h) == key), None)
        if idx is None:
            raise SampleError(f"--stratify: no column {column!r} (columns: {', '.join(source.header)})")
        return lambda rec: (rec.raw[idx].strip() if idx < len(rec.raw) else "") or "(blank)"
    if isinstance(source, JsonlSource):
        def get(rec):
            if key in ("doctype", "form"):
                return rec.doc_type or "(blank)"
            for k, v in (rec.meta or {}).items():
                if norm_col(k) == key:
                    return str(v) if v not in (None, "") else "(blank)"
            return "(blank)"
        return get
    if isinstance(source, FolderSource):
        if key != "folder":
            raise SampleError("--stratify for a folder: only 'folder' (the sub-folder a file is in)")
        return lambda rec: str(Path(rec.id).parent)
    raise SampleError("--stratify needs a CSV, JSONL or folder input")


def draw_sample(input_path: str, out: str, *, n: int, seed: int, stratify: str | None = None,
                exclude_path: str | None = None, columns: Columns | None = None,
                encoding: str | None = None, note: Callable[[str], None] = lambda m: None) -> dict:
    source = open_source(input_path, note, columns, encoding)
    if source.kind == "file":
        raise SampleError(f"{input_path}: one record; sample from a CSV, a JSONL file or a folder")
    outp = Path(out)
    if outp.resolve() == Path(input_path).resolve():
        raise SampleError("--out must not be the input file")
    exclude = read_ids(exclude_path) if exclude_path else set()
    stratum_of = _stratum_getter(source, stratify) if stratify else None

    keys: list[tuple[int, str]] = []
    excluded = unreadable = 0
    for i, rec in enumerate(source.records(keep_raw=True)):
        if rec.error:
            unreadable += 1
            continue
        if rec.id in exclude:
            excluded += 1
            continue
        keys.append((i, stratum_of(rec) if stratum_of else ""))
    if n > len(keys):
        note(f"asked for {n:,} records but only {len(keys):,} are eligible: taking them all")
    chosen, strata = choose(keys, n, seed, bool(stratify))

    picked = (rec for i, rec in enumerate(source.records(keep_raw=True)) if i in chosen)
    if isinstance(source, CsvSource):
        enc = source.encoding
        errors = "replace" if enc.lower().replace("-", "") in ("cp1252", "windows1252") else "strict"
        with open(outp, "w", encoding=enc, errors=errors, newline="") as fh:
            w = csv.writer(fh, delimiter=source.delimiter, lineterminator="\r\n")
            w.writerow(source.raw_header)
            for rec in picked:
                w.writerow(rec.raw)
    elif isinstance(source, JsonlSource):
        enc = "utf-8" if source.encoding == "utf-8-sig" else source.encoding
        with open(outp, "w", encoding=enc, newline="") as fh:
            for rec in picked:
                fh.write(rec.raw if rec.raw.endswith("\n") else rec.raw + "\n")
    else:
        if outp.exists() and any(outp.iterdir()):
            raise SampleError(f"{out}: folder is not empty")
        for rec in picked:
            dest = outp / rec.id
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(rec.raw, dest)
    return {"sampled": len(chosen), "eligible": len(keys), "excluded": excluded,
            "unreadable": unreadable, "strata": strata}
