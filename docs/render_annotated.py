"""Render docs/annotated-draft.png: a page of a draft care plan annotated by recordlint.

    .venv/bin/python docs/render_annotated.py

Needs Debian's libreoffice-writer-nogui, poppler-utils and chromium (apt-get install -y
--no-install-recommends ...). The draft (examples/care-plan-draft.txt as a .docx) is
annotated with `recordlint check --annotate`; LibreOffice renders the page and exports the
Word comments as PDF notes; pdftoppm draws the page; the comments are laid out in the
margin beside the line they are anchored on, and Chromium takes the picture. LibreOffice
7.4 cannot put comments in the margin of a PDF itself, hence the last step.
"""
from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
SCALE = 96 / 72  # pdftoppm -r 96: PDF points -> pixels


def notes(pdf: bytes) -> list[tuple[float, str]]:
    """(top in points, text) of each PDF note LibreOffice exported from a Word comment."""
    out = []
    for m in re.finditer(rb"/Subtype */Text.*?/Rect *\[([^\]]*)\].*?/Contents *<([0-9A-Fa-f]+)>", pdf, re.S):
        top = float(m.group(1).split()[3])
        out.append((top, bytes.fromhex(m.group(2).decode()).decode("utf-16")))
    return sorted(out, key=lambda n: -n[0])


def page_html(png: Path, items: list[tuple[float, str]], height: float) -> str:
    boxes, floor = [], 0.0
    for top, text in items:
        y = max((height - top) * SCALE - 8, floor)
        lines = html.escape(text).split("\n")
        body = f"<b>{lines[0]}</b>" + "".join(f"<br>{x}" for x in lines[1:])
        boxes.append(f'<div class="c" style="top:{y:.0f}px">{body}</div>')
        floor = y + 34 + 15 * len(" ".join(lines)) // 48
    return f"""<!doctype html><meta charset="utf-8"><style>
body {{ margin: 0; font: 12px/1.3 sans-serif; background: #e8e8e8; }}
.page {{ position: relative; display: flex; gap: 10px; padding: 10px; }}
img {{ box-shadow: 0 0 4px #999; background: #fff; }}
.margin {{ position: relative; width: 430px; }}
.c {{ position: absolute; left: 0; right: 0; background: #fff8c5; border-left: 4px solid #d4a300;
      padding: 3px 6px; box-shadow: 0 1px 2px #aaa; }}
.c b::after {{ content: " (recordlint)"; font-weight: 400; color: #555; }}
</style><div class="page"><img src="{png.name}"><div class="margin">{''.join(boxes)}</div></div>"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        draft, reviewed = tmp / "care-plan-draft.docx", tmp / "reviewed.docx"
        d = docx.Document()
        for line in (ROOT / "examples" / "care-plan-draft.txt").read_text().split("\n"):
            d.add_paragraph(line)
        d.save(str(draft))
        exe = Path(sys.executable).with_name("recordlint")
        subprocess.run([str(exe), "check", str(draft), "-t", "care_plan", "--child-name", "Leah",
                        "--child-pronouns", "she/her", "--child-age", "12", "--annotate", str(reviewed)],
                       check=False, capture_output=True)
        opts = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
        subprocess.run(["soffice", "--headless", "--convert-to", opts, "--outdir", str(tmp), str(reviewed)],
                       check=True, capture_output=True)
        pdf = tmp / "reviewed.pdf"
        subprocess.run(["pdftoppm", "-png", "-r", "96", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(tmp / "page")], check=True, capture_output=True)
        page = tmp / "page.html"
        page.write_text(page_html(tmp / "page.png", notes(pdf.read_bytes()), 792), encoding="utf-8")
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"])
            pg = b.new_page(viewport={"width": 1290, "height": 800})
            pg.goto(page.as_uri())
            pg.screenshot(path=str(ROOT / "docs" / "annotated-draft.png"), full_page=True)
            b.close()
    print("wrote docs/annotated-draft.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
