"""End to end: `recordlint serve` in a subprocess, driven by headless Chromium.

Uses Debian's chromium (/usr/bin/chromium; `apt-get install -y chromium`) through
the Python playwright package; `playwright install` is never run and nothing is
downloaded. Skipped, with the reason, when /usr/bin/chromium is absent.

Set RECORDLINT_SCREENSHOT=1 to also write docs/screenshot.png (the README image).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium is not installed (apt-get install -y chromium)"),
]

DRAFT = (
    "Visited Jo at her placement after school. You told me the placement is going well.\n"
    "Jo said \"I like my room and I want to see my sister more.\"\n"
    "Contact with mum will continue. The IRO will review the plan."
)

SCREENSHOT_DRAFT = (
    "Home visit, 14 March. I visited Jo at her placement after school and we talked in the kitchen.\n"
    "You told me the placement is going well and that you like your new school.\n"
    "Jo said \"I want to see my sister more. I miss her.\"\n"
    "Contact with mum will continue. The IRO will review the care plan. Jo's behaviour was "
    "challenging at the weekend and she refused to engage with the LAC nurse.\n"
    "Support will be provided to the family."
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = free_port()
    exe = Path(sys.executable).with_name("recordlint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "recordlint"]
    proc = subprocess.Popen([*cmd, "serve", "--host", "127.0.0.1", "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"recordlint serve exited early:\n{proc.stdout.read()}")
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("recordlint serve did not answer /healthz within 120 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log = proc.stdout.read() if proc.stdout else ""
        # The server log never holds record text.
        assert "placement is going well" not in log
        assert "sister" not in log


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, service_workers="block")
    pg = context.new_page()
    requests = []
    pg.on("request", lambda r: requests.append(r.url))
    console_errors = []
    pg.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-state=ready]")
    yield pg
    # Everything the page loads comes from the local server: no CDN, no other host.
    assert all(u.startswith(server) for u in requests), [u for u in requests if not u.startswith(server)]
    assert not console_errors, console_errors  # includes any Content-Security-Policy violation
    context.close()


def wait_checked(page, extra: str = "true"):
    page.wait_for_function(f"() => document.body.dataset.state === 'done' && ({extra})", timeout=20000)


def codes(page) -> list[str]:
    return page.eval_on_selector_all("#findings li.finding", "els => els.map(e => e.dataset.code)")


def test_paste_draft_shows_highlights_alternative_and_summary(page):
    page.select_option("#doc-type", "case_note")
    assert "third person" in page.inner_text("#doc-guidance")
    page.fill("#child-name", "Jo")
    page.fill("#child-age", "9")
    page.fill("#child-pronouns", "she/her")
    page.fill("#draft", DRAFT)
    wait_checked(page, "document.querySelector('#findings li[data-code=RL201]') !== null")

    # The jargon word is highlighted in place, and its finding offers the alternative.
    marked = page.eval_on_selector_all("#highlighted mark.hl", "els => els.map(e => e.textContent)")
    assert "placement" in marked
    jargon = page.locator("#findings li[data-code=RL201]", has_text="placement").first
    assert "home" in jargon.locator(".suggestion").inner_text().lower()

    # The highlighted copy is exactly the draft (plus the finding numbers).
    view_text = page.eval_on_selector(
        "#highlighted", "el => Array.from(el.childNodes).filter(n => !(n.tagName === 'SUP'))"
                        ".map(n => n.textContent).join('')")
    assert view_text == DRAFT

    # Summary by category: the five groups, with counts that add up to the list.
    total = int(page.inner_text("#total-count"))
    assert total == len(codes(page)) > 0
    assert int(page.inner_text("#summary tr[data-group=language] .count")) >= 1
    groups = page.eval_on_selector_all("#summary tbody tr:not([hidden])", "els => els.map(e => e.dataset.group)")
    assert groups == ["person", "language", "planning", "voice", "readability"]

    # Selecting a highlight selects its finding in the list (keyboard users use the numbers).
    page.click("#highlighted mark.hl >> text=placement")
    assert page.eval_on_selector("#findings li.current", "el => el.dataset.code") in {"RL201", "RL102", "RL101"}


def test_doc_type_switch_changes_person_findings(page):
    # Depends on the person rules: RL102 (person.second, 'you' in a third-person record)
    # and RL103 (person.third, the child written about in a record written to the child).
    page.fill("#child-name", "Jo")
    page.fill("#draft", DRAFT)
    wait_checked(page, "document.querySelector('#findings li[data-code=RL201]') !== null")
    third = codes(page)
    assert "RL102" in third

    page.select_option("#doc-type", "care_plan")
    assert "Write to the child" in page.inner_text("#doc-guidance")
    wait_checked(page, "document.querySelector('#findings li[data-code=RL102]') === null")
    to_child = codes(page)
    assert "RL102" not in to_child
    assert "RL103" in to_child
    assert "RL201" in to_child  # language findings do not depend on the doc type

    # And back again.
    page.select_option("#doc-type", "visit_record")
    wait_checked(page, "document.querySelector('#findings li[data-code=RL102]') !== null")
    assert "RL103" not in codes(page)


def test_keyboard_check_and_show_in_draft(page):
    page.focus("#draft")
    page.keyboard.type("We discussed the placement.")
    page.keyboard.press("Control+Enter")
    wait_checked(page, "document.querySelector('#findings li[data-code=RL201]') !== null")
    page.locator("#findings li[data-code=RL201] button.show").first.click()
    selected = page.evaluate(
        "() => { const t = document.getElementById('draft'); return t.value.slice(t.selectionStart, t.selectionEnd); }")
    assert selected == "placement"
    # Every form control has a label.
    unlabeled = page.evaluate(
        "() => Array.from(document.querySelectorAll('input, select, textarea'))"
        ".filter(e => !(e.labels && e.labels.length)).map(e => e.id)")
    assert unlabeled == []


def test_screenshot(page, tmp_path):
    page.select_option("#doc-type", "visit_record")
    page.fill("#child-name", "Jo")
    page.fill("#child-age", "9")
    page.fill("#child-pronouns", "she/her")
    page.fill("#draft", SCREENSHOT_DRAFT)
    wait_checked(page, "document.querySelectorAll('#findings li.finding').length > 3")
    page.click("#highlighted mark.hl >> text=placement")
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.evaluate("() => window.scrollTo(0, 0)")
    out = tmp_path / "screenshot.png"
    page.screenshot(path=str(out))
    assert out.stat().st_size > 10_000
    if os.environ.get("RECORDLINT_SCREENSHOT") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))


CARE_PLAN_DRAFT = (
    "Leah's Care Plan\n"
    "Leah enjoys her new school and she has made two friends.\n"
    "Leah's carer, Tina, takes her to swimming every Saturday."
)


def test_apply_a_fix_then_undo(page):
    page.select_option("#doc-type", "care_plan")
    page.fill("#child-name", "Leah")
    page.fill("#child-pronouns", "she/her")
    page.fill("#draft", CARE_PLAN_DRAFT)
    wait_checked(page, "document.querySelector('#findings li[data-code=RL103] button.apply') !== null")
    item = page.locator("#findings li[data-code=RL103]").first
    assert "You enjoy your new school and you have made two friends." in item.locator(".rewrite").inner_text()
    assert page.get_attribute("#undo-button", "disabled") is not None

    # Apply from the keyboard: focus the button, press Enter.
    item.locator("button.apply").focus()
    page.keyboard.press("Enter")
    wait_checked(page, "!document.getElementById('draft').value.includes('Leah enjoys')")
    value = page.input_value("#draft")
    assert "You enjoy your new school and you have made two friends." in value
    assert value.startswith("Leah's Care Plan\n")  # the heading keeps the name
    texts = page.eval_on_selector_all("#findings li[data-code=RL103] .quote", "els => els.map(e => e.textContent)")
    assert "\u201cLeah\u201d" in texts  # the swimming sentence still has its own finding...
    assert all(t not in texts for t in ("\u201cher\u201d", "\u201cshe\u201d"))  # ...the rewritten one has none
    assert "Applied the rewrite" in page.inner_text("#fix-status")  # announced (aria-live)
    assert page.get_attribute("#fix-status", "aria-live") == "polite"
    assert page.evaluate("document.activeElement.id") == "undo-button"

    # Undo restores the draft and its findings.
    page.keyboard.press("Enter")
    wait_checked(page, "document.getElementById('draft').value.includes('Leah enjoys')")
    assert page.input_value("#draft") == CARE_PLAN_DRAFT
    assert "Undone" in page.inner_text("#fix-status")

    # Apply all safe fixes.
    wait_checked(page, "!document.getElementById('apply-all-button').disabled")
    page.focus("#apply-all-button")
    page.keyboard.press("Enter")
    wait_checked(page, "!document.getElementById('draft').value.includes('takes her')")
    assert page.input_value("#draft") == (
        "Leah's Care Plan\n"
        "You enjoy your new school and you have made two friends.\n"
        "Your carer, Tina, takes you to swimming every Saturday.")
    assert page.eval_on_selector_all("#findings li[data-code=RL103]", "els => els.length") == 0


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """Run axe-core (bundled in axe-playwright-python; nothing downloaded) on the page.

    Returns one line per violation: its id and the CSS targets of its nodes. Node HTML
    is left out so no page text ends up in the failure message.
    """
    axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright",
                                   reason="pip install axe-playwright-python")
    results = axe_sync.Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    response = results.response
    assert response["passes"], "axe ran no passing rule: it did not check the page"
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in response["violations"]]


def test_axe_no_violations_before_and_with_findings_and_fixes(page):
    # Empty page, before any draft is pasted.
    assert axe_violations(page) == []

    # A care plan talking about the child in the third person: findings with
    # rewrites and Apply buttons, the summary, the highlighted copy.
    page.select_option("#doc-type", "care_plan")
    page.fill("#child-name", "Leah")
    page.fill("#child-pronouns", "she/her")
    page.fill("#draft", CARE_PLAN_DRAFT)
    wait_checked(page, "document.querySelector('#findings li[data-code=RL103] button.apply') !== null")
    assert page.locator("#findings li.finding .rewrite").count() > 0
    assert axe_violations(page) == []
