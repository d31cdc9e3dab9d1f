"""``recordlint report``: how often each problem occurs, with 95% intervals, by group and over time.

The measure is the share of checked records with at least one finding of a
category (or rule), out of all checked records (records skipped or with errors
are counted separately and left out of the denominator). Intervals are 95% Wilson
score intervals; the change from an earlier round is the difference of the two
shares with Newcombe's hybrid score interval. Groups of fewer than 5 records are
shown but marked.

By default a report holds no record text: only codes, rule names, categories,
counts, and group values from ``meta`` (team, worker role...). Finding messages
are left out too, as some quote the matched words. ``--excerpts`` adds examples.
"""
from __future__ import annotations

import csv
import html
import io
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import InputError
from .readers import norm_col
from .stats import newcombe, wilson

SMALL = 5
MAX_EXAMPLES = 5


@dataclass
class Round:
    """One results file, reduced to what the report needs."""
    path: str
    checked: int = 0
    skipped: int = 0
    errors: int = 0
    # per record: (group values by column, categories hit, rule codes hit)
    records: list = field(default_factory=list)
    rules: dict = field(default_factory=dict)        # code -> (name, category)
    examples: dict = field(default_factory=lambda: defaultdict(list))  # code -> [(id, text)]
    columns: set = field(default_factory=set)


def _group_value(result: dict, col: str) -> str | None:
    key = norm_col(col)
    if key in ("doctype", "type"):
        return result.get("doc_type")
    for k, v in (result.get("meta") or {}).items():
        if norm_col(k) == key:
            return "" if v is None else str(v)
    return None


def _is_result(r) -> bool:
    findings = r.get("findings") if isinstance(r, dict) else None
    return isinstance(findings, list) and all(isinstance(f, dict) and "code" in f and "category" in f
                                              for f in findings)


def load_round(path: str | Path, by: list[str], excerpts: bool = False) -> Round:
    rnd = Round(path=str(path))
    try:
        fh = open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                if not line.endswith("\n"):
                    continue      # a half-written last line (interrupted run)
                raise InputError(f"{path}: line {n} is not JSON; is this a 'recordlint batch' results file?") \
                    from None
            if not _is_result(r):
                raise InputError(f"{path}: line {n} is not a 'recordlint batch' result (a result's findings "
                                 "each have a rule 'code' and 'category'; a labelled file has none)")
            if r.get("error"):
                rnd.errors += 1
                continue
            if r.get("skipped"):
                rnd.skipped += 1
                continue
            rnd.checked += 1
            groups = {}
            for col in by:
                v = _group_value(r, col)
                if v is not None:
                    rnd.columns.add(col)
                groups[col] = v if v not in (None, "") else "(blank)"
            cats, codes = set(), set()
            for f in r.get("findings") or []:
                cats.add(f["category"])
                codes.add(f["code"])
                rnd.rules.setdefault(f["code"], (f.get("name", ""), f["category"]))
                if excerpts and f.get("text") and len(rnd.examples[f["code"]]) < MAX_EXAMPLES:
                    rnd.examples[f["code"]].append((r.get("id"), f["text"]))
            rnd.records.append((groups, frozenset(cats), frozenset(codes)))
    return rnd


@dataclass
class Row:
    by: str                 # "" for overall
    group: str              # "" for overall
    kind: str               # "any", "category", "rule"
    key: str                # category or rule code ("any": "")
    label: str
    category: str
    n: int
    k: int
    n0: int | None = None   # earlier round
    k0: int | None = None

    @property
    def share(self) -> float:
        return self.k / self.n if self.n else math.nan

    @property
    def ci(self) -> tuple[float, float]:
        return wilson(self.k, self.n)

    @property
    def small(self) -> bool:
        return self.n < SMALL

    @property
    def earlier(self) -> float | None:
        return self.k0 / self.n0 if self.n0 else None

    @property
    def change(self) -> tuple[float, float, float] | None:
        if not self.n0 or not self.n:
            return None
        return newcombe(self.k, self.n, self.k0, self.n0)

    @property
    def verdict(self) -> str:
        c = self.change
        if c is None:
            return ""
        if c[2] < 0:
            return "fewer"
        if c[1] > 0:
            return "more"
        return "no clear change"


@dataclass
class Report:
    title: str
    current: Round
    earlier: Round | None
    by: list[str]
    rows: list[Row]
    excerpts: bool
    generated: str


def _rows(cur: Round, old: Round | None, by_col: str, group: str | None) -> list[Row]:
    def sel(rnd):
        if rnd is None:
            return None
        return [r for r in rnd.records if group is None or r[0].get(by_col) == group]

    recs, olds = sel(cur), sel(old)
    n, n0 = len(recs), (len(olds) if olds is not None else None)
    rules = dict(cur.rules)
    if old is not None:
        for code, v in old.rules.items():
            rules.setdefault(code, v)
    cats = sorted({c for _, c in rules.values()})
    g = group or ""
    out = []

    def count(rs, test):
        return sum(1 for r in rs if test(r)) if rs is not None else None

    out.append(Row(by_col, g, "any", "", "Any finding", "", n, count(recs, lambda r: bool(r[2])),
                   n0, count(olds, lambda r: bool(r[2]))))
    for c in cats:
        out.append(Row(by_col, g, "category", c, c, c, n, count(recs, lambda r, c=c: c in r[1]),
                       n0, count(olds, lambda r, c=c: c in r[1])))
    for code in sorted(rules):
        name, cat = rules[code]
        out.append(Row(by_col, g, "rule", code, f"{code} {name}", cat, n,
                       count(recs, lambda r, code=code: code in r[2]), n0,
                       count(olds, lambda r, code=code: code in r[2])))
    return out


def build_report(results: str, by: list[str] | None = None, compare: str | None = None,
                 excerpts: bool = False, title: str = "Recording quality dip sample") -> Report:
    by = list(by or [])
    cur = load_round(results, by, excerpts)
    old = load_round(compare, by) if compare else None
    missing = [c for c in by if c not in cur.columns]
    if missing and cur.checked:
        raise InputError(f"--by {', '.join(missing)}: not in the results (use doc_type, or a meta key "
                         "such as team or worker_role)")
    rows = _rows(cur, old, "", None)
    for col in by:
        groups = sorted({r[0][col] for r in cur.records})
        for gv in groups:
            rows.extend(_rows(cur, old, col, gv))
    return Report(title=title, current=cur, earlier=old, by=by, rows=rows, excerpts=excerpts,
                  generated=datetime.now().strftime("%Y-%m-%d %H:%M"))


# --- formatting ---------------------------------------------------------------------------------

def pct(x: float | None, digits: int = 0) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return f"{100 * x:.{digits}f}%"


def pp(x: float) -> str:
    return f"{100 * x:+.0f}" if not math.isnan(x) else "-"


def render_text(rep: Report, brief: bool = False) -> str:
    cur = rep.current
    lines = [f"{cur.checked:,} records checked ({cur.skipped:,} skipped, {cur.errors:,} errors) in {cur.path}"]
    if rep.earlier:
        e = rep.earlier
        lines.append(f"earlier round: {e.checked:,} records checked in {e.path}")
    if brief:
        return "\n".join(lines)
    lines.append("")
    lines.append(f"{'':34} {'records':>8} {'share':>6} {'95% CI':>13}" + ("  change (95% CI)" if rep.earlier else ""))
    for r in rep.rows:
        if r.by or r.kind == "rule":
            continue
        lo, hi = r.ci
        line = f"{r.label[:34]:34} {r.k:>8,} {pct(r.share):>6} {pct(lo) + '-' + pct(hi):>13}"
        if r.change:
            d, a, b = r.change
            line += f"  {pp(d)} pts ({pp(a)} to {pp(b)}) {r.verdict}"
        lines.append(line)
    return "\n".join(lines)


def _safe_cell(v):
    """Stop Excel reading a group name such as '=SUM(..)' or '+44...' as a formula."""
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def render_csv(rep: Report) -> str:
    """A long table; write it as UTF-8 with a BOM so Excel shows accents correctly."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    head = ["breakdown", "group", "level", "code_or_category", "label", "category", "records",
            "records_with_finding", "share_pct", "ci95_low_pct", "ci95_high_pct", "small_group"]
    if rep.earlier:
        head += ["earlier_records", "earlier_with_finding", "earlier_share_pct", "change_pts",
                 "change_ci95_low_pts", "change_ci95_high_pts", "change"]
    w.writerow(head)

    def num(x):
        return "" if x is None or math.isnan(x) else round(100 * x, 1)

    for r in rep.rows:
        lo, hi = r.ci
        row = [r.by or "overall", r.group, r.kind, r.key, r.label, r.category, r.n, r.k,
               num(r.share), num(lo), num(hi), "yes" if r.small else ""]
        if rep.earlier:
            c = r.change
            row += [r.n0, r.k0, num(r.earlier)] + ([num(c[0]), num(c[1]), num(c[2]), r.verdict]
                                                   if c else ["", "", "", ""])
        w.writerow([_safe_cell(x) for x in row])
    if rep.excerpts:
        w.writerow([])
        w.writerow(["examples (record text)", "record_id", "code", "text"])
        for code, ex in sorted(rep.current.examples.items()):
            for rid, text in ex:
                w.writerow([_safe_cell(x) for x in ("example", rid, code, text)])
    return buf.getvalue()


CSS = """
body{font-family:Segoe UI,Arial,Helvetica,sans-serif;margin:2rem auto;max-width:62rem;color:#1b1b1b;
line-height:1.4;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:2px solid #1d70b8}
h3{font-size:1.05rem;margin-top:1.5rem}.muted{color:#505a5f}.note{background:#f3f2f1;padding:.7rem 1rem;
border-left:4px solid #1d70b8}table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.9rem}
th,td{border-bottom:1px solid #d8d8d8;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f2f1}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.small td{color:#6f777b;font-style:italic}.fewer{color:#00703c;font-weight:600}
.more{color:#d4351c;font-weight:600}.cards{display:flex;gap:1rem;flex-wrap:wrap}
.card{border:1px solid #d8d8d8;padding:.6rem 1rem;min-width:9rem}.card b{display:block;font-size:1.5rem}
svg text{font-family:inherit;font-size:12px}code{background:#f3f2f1;padding:0 .2rem}
@media print{body{margin:0}h2{page-break-after:avoid}}
"""


def _bar_chart(rows: list[Row], with_earlier: bool) -> str:
    """Horizontal bars (share) with 95% interval whiskers; an earlier round as a hollow diamond."""
    if not rows:
        return ""
    label_w, plot_w, row_h = 230, 420, 26
    h = row_h * len(rows) + 34
    out = [f'<svg role="img" aria-label="Share of records with each kind of finding" '
           f'width="{label_w + plot_w + 70}" height="{h}" viewBox="0 0 {label_w + plot_w + 70} {h}" '
           '>']
    for t in range(0, 101, 25):
        x = label_w + plot_w * t / 100
        out.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{h - 22}" stroke="#e5e5e5"/>'
                   f'<text x="{x:.1f}" y="{h - 6}" text-anchor="middle" fill="#505a5f">{t}%</text>')
    for i, r in enumerate(rows):
        y = 6 + i * row_h
        lo, hi = r.ci
        share = 0 if math.isnan(r.share) else r.share
        fill = "#b1b4b6" if r.small else "#1d70b8"
        out.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{html.escape(r.label[:34])}</text>')
        out.append(f'<rect x="{label_w}" y="{y + 3}" width="{plot_w * share:.1f}" height="{row_h - 10}" '
                   f'fill="{fill}"><title>{html.escape(r.label)}: {pct(r.share, 1)} '
                   f'(95% CI {pct(lo, 1)} to {pct(hi, 1)}), {r.k} of {r.n} records</title></rect>')
        if not math.isnan(lo):
            x1, x2, ym = label_w + plot_w * lo, label_w + plot_w * hi, y + row_h / 2 - 2
            out.append(f'<line x1="{x1:.1f}" y1="{ym:.1f}" x2="{x2:.1f}" y2="{ym:.1f}" stroke="#0b0c0c" '
                       f'stroke-width="1.5"/><line x1="{x1:.1f}" y1="{ym - 5:.1f}" x2="{x1:.1f}" '
                       f'y2="{ym + 5:.1f}" stroke="#0b0c0c"/><line x1="{x2:.1f}" y1="{ym - 5:.1f}" '
                       f'x2="{x2:.1f}" y2="{ym + 5:.1f}" stroke="#0b0c0c"/>')
        if with_earlier and r.earlier is not None:
            xe, ym = label_w + plot_w * r.earlier, y + row_h / 2 - 2
            out.append(f'<path d="M{xe:.1f},{ym - 6:.1f} L{xe + 6:.1f},{ym:.1f} L{xe:.1f},{ym + 6:.1f} '
                       f'L{xe - 6:.1f},{ym:.1f} Z" fill="white" stroke="#d4351c" stroke-width="2">'
                       f'<title>earlier round: {pct(r.earlier, 1)}</title></path>')
        out.append(f'<text x="{label_w + plot_w + 8}" y="{y + 15}">{pct(r.share)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _table(rows: list[Row], rep: Report, first_col: str) -> str:
    e = html.escape
    head = [first_col, "Records", "With finding", "Share", "95% interval"]
    if rep.earlier:
        head += ["Earlier share", "Change (points)", "95% interval", ""]
    out = ["<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for r in rows:
        lo, hi = r.ci
        label = r.group if first_col != "Measure" and r.group else r.label
        mark = " &dagger;" if r.small else ""
        cells = [f"<td>{e(label)}{mark}</td>", f'<td class="n">{r.n:,}</td>', f'<td class="n">{r.k:,}</td>',
                 f'<td class="n">{pct(r.share, 1)}</td>', f'<td class="n">{pct(lo, 1)} to {pct(hi, 1)}</td>']
        if rep.earlier:
            c = r.change
            cells.append(f'<td class="n">{pct(r.earlier, 1)}</td>')
            if c:
                cls = {"fewer": "fewer", "more": "more"}.get(r.verdict, "")
                cells += [f'<td class="n">{pp(c[0])}</td>', f'<td class="n">{pp(c[1])} to {pp(c[2])}</td>',
                          f'<td class="{cls}">{e(r.verdict)}</td>']
            else:
                cells += ["<td></td>"] * 3
        out.append(f'<tr class="{"small" if r.small else ""}">' + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def render_html(rep: Report) -> str:
    e = html.escape
    cur = rep.current
    overall = [r for r in rep.rows if not r.by]
    cats = [r for r in overall if r.kind in ("any", "category")]
    rules = [r for r in overall if r.kind == "rule"]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(rep.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{e(rep.title)}</h1>",
        f'<p class="muted">Generated {e(rep.generated)} by recordlint from <code>{e(Path(cur.path).name)}</code>'
        + (f", compared with <code>{e(Path(rep.earlier.path).name)}</code>" if rep.earlier else "") + ".</p>",
        '<div class="cards">'
        f'<div class="card"><b>{cur.checked:,}</b>records checked</div>'
        f'<div class="card"><b>{cur.skipped:,}</b>skipped (form not mapped, or no text)</div>'
        f'<div class="card"><b>{cur.errors:,}</b>could not be read</div>'
        + (f'<div class="card"><b>{rep.earlier.checked:,}</b>checked in the earlier round</div>'
           if rep.earlier else "") + "</div>",
        '<p class="note"><b>How to read this.</b> Each figure is the share of checked records with at least '
        "one finding of that kind. The interval is a 95% confidence interval (Wilson): with a random sample, "
        "the true share across all records is likely to lie in it. Narrow intervals need more records. "
        + ("The change is this round's share minus the earlier round's, in percentage points, with a 95% "
           "interval (Newcombe); <b>fewer</b> or <b>more</b> means the interval does not include zero. "
           if rep.earlier else "")
        + "Groups of fewer than 5 records are marked &dagger; and greyed: too few to draw conclusions. "
        "A finding is a prompt for a reader, not a judgement on the record.</p>",
        "<h2>Overall, by category</h2>", _bar_chart(cats, bool(rep.earlier)),
        _table(cats, rep, "Measure"),
        "<h2>Overall, by rule</h2>", _table(rules, rep, "Measure"),
    ]
    for col in rep.by:
        rows = [r for r in rep.rows if r.by == col]
        parts.append(f"<h2>By {e(col)}</h2>")
        for kind_rows, label in ((lambda r: r.kind == "any", "Any finding"),):
            sel = [r for r in rows if kind_rows(r)]
            parts.append(f"<h3>{e(label)}</h3>")
            parts.append(_bar_chart([_relabel(r) for r in sel], bool(rep.earlier)))
            parts.append(_table(sel, rep, col))
        for cat in sorted({r.key for r in rows if r.kind == "category"}):
            sel = [r for r in rows if r.kind == "category" and r.key == cat]
            parts.append(f"<h3>{e(cat)}</h3>")
            parts.append(_table(sel, rep, col))
    if rep.excerpts:
        parts.append("<h2>Examples (record text)</h2><p class=\"note\">This section quotes record text. "
                     "Handle this report as you would the records.</p>")
        for code, ex in sorted(cur.examples.items()):
            name = cur.rules.get(code, ("", ""))[0]
            parts.append(f"<h3>{e(code)} {e(name)}</h3><ul>")
            parts += [f"<li><code>{e(str(rid))}</code>: &ldquo;{e(text)}&rdquo;</li>" for rid, text in ex]
            parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _relabel(r: Row) -> Row:
    return Row(r.by, r.group, r.kind, r.key, r.group, r.category, r.n, r.k, r.n0, r.k0)
