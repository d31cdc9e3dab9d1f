/* recordlint serve: check the draft as it is edited and show the findings in place.
   Text is only ever sent to this page's own server (/api/check, /api/fix); nothing is stored. */
(function () {
  "use strict";

  var GROUPS = ["person", "language", "planning", "voice", "readability"];
  var GROUP_LABEL = {
    person: "Person", language: "Language", planning: "Planning",
    voice: "Child's voice", readability: "Readability", other: "Other"
  };
  /* Rule categories are "group.detail"; a few groups have short names. */
  var GROUP_ALIAS = { plan: "planning", plans: "planning", read: "readability", child: "voice" };
  var DELAY_MS = 350;

  var form = document.getElementById("check-form");
  var docType = document.getElementById("doc-type");
  var guidance = document.getElementById("doc-guidance");
  var draft = document.getElementById("draft");
  var childName = document.getElementById("child-name");
  var childAge = document.getElementById("child-age");
  var childPronouns = document.getElementById("child-pronouns");
  var statusEl = document.getElementById("status");
  var view = document.getElementById("highlighted");
  var list = document.getElementById("findings");
  var clearButton = document.getElementById("clear-button");
  var applyAllButton = document.getElementById("apply-all-button");
  var undoButton = document.getElementById("undo-button");
  var fixStatus = document.getElementById("fix-status");
  var undoStack = [];

  var timer = null;
  var seq = 0;
  var controller = null;
  var shown = { text: "", findings: [] };

  function groupOf(f) {
    var g = String(f.category || "").split(".")[0].toLowerCase();
    g = GROUP_ALIAS[g] || g;
    return GROUPS.indexOf(g) >= 0 ? g : "other";
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function setStatus(message, isError) {
    statusEl.textContent = message;
    statusEl.classList.toggle("error", !!isError);
  }

  function updateGuidance() {
    var opt = docType.options[docType.selectedIndex];
    guidance.textContent = opt ? opt.getAttribute("data-guidance") || "" : "";
  }

  function payload() {
    var child = {};
    if (childName.value.trim()) { child.name = childName.value.trim(); }
    if (childAge.value.trim() && !isNaN(Number(childAge.value))) { child.age = Number(childAge.value); }
    if (childPronouns.value.trim()) { child.pronouns = childPronouns.value.trim(); }
    return { text: draft.value, doc_type: docType.value, child: child };
  }

  function schedule(delay) {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(check, delay === undefined ? DELAY_MS : delay);
  }

  function check() {
    timer = null;
    var body = payload();
    if (!body.text.trim()) {
      if (controller) { controller.abort(); controller = null; }
      render("", []);
      setStatus("Paste or type a draft to check it.");
      document.body.setAttribute("data-state", "empty");
      return;
    }
    var mine = ++seq;
    if (controller) { controller.abort(); }
    controller = new AbortController();
    var started = performance.now();
    setStatus("Checking\u2026");
    document.body.setAttribute("data-state", "checking");
    fetch("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: controller.signal,
      credentials: "same-origin",
      cache: "no-store"
    }).then(function (resp) {
      return resp.json().then(function (data) { return { ok: resp.ok, data: data }; },
        function () { return { ok: false, data: { error: "the server sent an unreadable reply (" + resp.status + ")" } }; });
    }).then(function (r) {
      if (mine !== seq) { return; }
      if (!r.ok) {
        setStatus("Could not check: " + (r.data && r.data.error ? r.data.error : "unknown error"), true);
        document.body.setAttribute("data-state", "error");
        return;
      }
      render(body.text, r.data.findings || []);
      var n = (r.data.findings || []).length;
      var ms = Math.round(performance.now() - started);
      setStatus(n === 0 ? "No findings. (" + ms + " ms)"
        : n + (n === 1 ? " finding" : " findings") + " in this " + docType.value.replace(/_/g, " ")
          + ". (" + ms + " ms)");
      document.body.setAttribute("data-state", "done");
    }).catch(function (err) {
      if (err && err.name === "AbortError") { return; }
      if (mine !== seq) { return; }
      setStatus("Could not reach the recordlint server. Is it still running?", true);
      document.body.setAttribute("data-state", "error");
    });
  }

  /* Split the text at every finding boundary; each piece is covered by zero or more findings. */
  function segments(text, spans) {
    var points = [0, text.length];
    spans.forEach(function (s) { points.push(s.start, s.end); });
    points = points.filter(function (p, i, a) { return p >= 0 && p <= text.length && a.indexOf(p) === i; })
      .sort(function (a, b) { return a - b; });
    var out = [];
    for (var i = 0; i < points.length - 1; i++) {
      var a = points[i], b = points[i + 1];
      if (a === b) { continue; }
      var covering = spans.filter(function (s) { return s.start <= a && s.end >= b; });
      out.push({ start: a, end: b, covering: covering });
    }
    return out;
  }

  function render(text, findings) {
    shown = { text: text, findings: findings };
    renderView(text, findings);
    renderList(findings);
    renderSummary(findings);
    updateFixButtons();
  }

  function renderView(text, findings) {
    view.textContent = "";
    if (!text) {
      view.appendChild(el("span", "empty", "The checked draft appears here."));
      return;
    }
    var spans = [];
    findings.forEach(function (f, i) {
      if (!f.doc && f.start !== null && f.end !== null && f.end > f.start) {
        spans.push({ start: f.start, end: f.end, index: i, group: groupOf(f) });
      }
    });
    var endsAt = {};
    spans.forEach(function (s) { (endsAt[s.end] = endsAt[s.end] || []).push(s.index); });
    var frag = document.createDocumentFragment();
    segments(text, spans).forEach(function (seg) {
      var piece = text.slice(seg.start, seg.end);
      if (!seg.covering.length) {
        frag.appendChild(document.createTextNode(piece));
      } else {
        /* The narrowest finding (e.g. a jargon word inside a vague sentence) sets the colour. */
        var top = seg.covering.reduce(function (a, b) { return (b.end - b.start) < (a.end - a.start) ? b : a; });
        var mark = el("mark", "hl g-" + top.group + (seg.covering.length > 1 ? " overlap" : ""), piece);
        var ids = seg.covering.map(function (s) { return s.index; });
        mark.setAttribute("data-findings", ids.join(" "));
        mark.title = ids.map(function (i) { return (i + 1) + ". " + findings[i].message; }).join("\n");
        frag.appendChild(mark);
      }
      (endsAt[seg.end] || []).forEach(function (i) {
        var sup = el("sup", "ref");
        var a = el("a", null, String(i + 1));
        a.href = "#finding-" + (i + 1);
        a.setAttribute("aria-label", "finding " + (i + 1));
        a.setAttribute("data-finding", String(i));
        sup.appendChild(a);
        frag.appendChild(sup);
      });
    });
    view.appendChild(frag);
  }

  function renderList(findings) {
    list.textContent = "";
    findings.forEach(function (f, i) {
      var g = groupOf(f);
      var li = el("li", "finding g-" + g);
      li.id = "finding-" + (i + 1);
      li.tabIndex = -1;
      li.setAttribute("data-code", f.code);
      li.setAttribute("data-category", f.category);
      var head = el("div", "head");
      head.appendChild(el("span", "num", (i + 1) + "."));
      head.appendChild(el("span", "sev " + f.severity, f.severity));
      head.appendChild(el("span", "group", GROUP_LABEL[g] + " \u00b7 " + f.category));
      head.appendChild(el("span", "code", f.code + " " + f.name));
      li.appendChild(head);
      if (f.doc || f.start === null) {
        li.appendChild(el("p", "where", "About the whole record"));
      } else {
        var where = el("p", "where");
        where.appendChild(el("span", "quote", "\u201c" + (f.text || "") + "\u201d"));
        where.appendChild(document.createTextNode(" \u2014 line " + f.line + " "));
        var show = el("button", "link show", "show in the draft");
        show.type = "button";
        show.setAttribute("data-finding", String(i));
        where.appendChild(show);
        li.appendChild(where);
      }
      li.appendChild(el("p", "message", f.message));
      if (f.suggestion) {
        var sug = el("p", "suggestion");
        sug.appendChild(el("strong", null, "Try:"));
        sug.appendChild(document.createTextNode(f.suggestion));
        li.appendChild(sug);
      }
      if (f.fix && f.fix.edits && f.fix.edits.length) { li.appendChild(rewriteBlock(f, i)); }
      list.appendChild(li);
    });
  }

  /* A finding's suggested rewrite: the sentence as it would read, and an Apply button. */
  function rewriteBlock(f, i) {
    var safe = f.fix.applicability === "safe";
    var p = el("p", "rewrite" + (safe ? "" : " unsafe"));
    p.appendChild(el("span", "label", safe ? "Suggested rewrite:" : "Suggested rewrite (check the meaning):"));
    p.appendChild(el("span", "sentence", f.fix.sentence || f.fix.description));
    var btn = el("button", "apply secondary", "Apply");
    btn.type = "button";
    btn.setAttribute("data-finding", String(i));
    btn.setAttribute("aria-label", "Apply the rewrite for finding " + (i + 1) + ": " + (f.fix.sentence || f.fix.description));
    p.appendChild(btn);
    return p;
  }

  function updateFixButtons() {
    var safe = shown.findings.some(function (f) { return f.fix && f.fix.applicability === "safe"; });
    applyAllButton.disabled = !safe || draft.value !== shown.text;
    undoButton.disabled = undoStack.length === 0;
  }

  /* Replace the draft (after Apply, Apply all or Undo), say so, and check it again. */
  function replaceDraft(text, message, pushUndo) {
    if (pushUndo) { undoStack.push(draft.value); }
    draft.value = text;
    fixStatus.textContent = message;
    updateFixButtons();
    document.body.setAttribute("data-state", "checking");  /* the findings shown are now stale */
    schedule(0);
  }

  function applyEdits(text, edits) {
    var sorted = edits.slice().sort(function (a, b) { return b.start - a.start; });
    sorted.forEach(function (e) { text = text.slice(0, e.start) + e.text + text.slice(e.end); });
    return text;
  }

  function applyOne(index) {
    var f = shown.findings[index];
    if (!f || !f.fix) { return; }
    if (draft.value !== shown.text) {
      fixStatus.textContent = "The draft changed since it was checked: check it again, then apply.";
      schedule(0);
      return;
    }
    replaceDraft(applyEdits(draft.value, f.fix.edits),
      "Applied the rewrite for finding " + (index + 1) + ". Checking the draft again.", true);
    undoButton.focus();
  }

  function applyAllSafe() {
    var body = payload();
    fixStatus.textContent = "Applying all safe fixes…";
    fetch("/api/fix", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store"
    }).then(function (resp) {
      return resp.json().then(function (data) { return { ok: resp.ok, data: data }; });
    }).then(function (r) {
      if (!r.ok) {
        fixStatus.textContent = "Could not apply the fixes: " + (r.data && r.data.error ? r.data.error : "unknown error");
        return;
      }
      if (draft.value !== body.text) {
        fixStatus.textContent = "The draft changed while the fixes were made: nothing was applied.";
        return;
      }
      var n = (r.data.applied || []).length;
      replaceDraft(r.data.text, "Applied " + n + (n === 1 ? " safe fix" : " safe fixes")
        + ". Checking the draft again.", true);
      undoButton.focus();
    }).catch(function () {
      fixStatus.textContent = "Could not reach the recordlint server. Is it still running?";
    });
  }

  function undo() {
    if (!undoStack.length) { return; }
    replaceDraft(undoStack.pop(), "Undone: the draft is as it was before the last fix. Checking it again.", false);
    if (undoButton.disabled) { draft.focus(); }
  }

  function renderSummary(findings) {
    var counts = {};
    var all = GROUPS.concat(["other"]);
    all.forEach(function (g) { counts[g] = 0; });
    findings.forEach(function (f) { counts[groupOf(f)] += 1; });
    all.forEach(function (g) {
      var row = document.querySelector('#summary tr[data-group="' + g + '"]');
      if (row) {
        row.querySelector(".count").textContent = String(counts[g]);
        row.classList.toggle("has-findings", counts[g] > 0);
        if (g === "other") { row.hidden = counts[g] === 0; }
      }
    });
    document.getElementById("total-count").textContent = String(findings.length);
  }

  function highlight(index, focusList) {
    Array.prototype.forEach.call(document.querySelectorAll(".current"), function (n) { n.classList.remove("current"); });
    var first = null;
    Array.prototype.forEach.call(view.querySelectorAll("mark[data-findings]"), function (m) {
      if (m.getAttribute("data-findings").split(" ").indexOf(String(index)) >= 0) {
        m.classList.add("current");
        if (!first) { first = m; }
      }
    });
    var item = document.getElementById("finding-" + (index + 1));
    if (item) { item.classList.add("current"); }
    if (focusList && item) { item.focus(); }
    else if (first) { first.scrollIntoView({ block: "nearest" }); }
  }

  /* Select the finding's text in the draft so it can be edited there. */
  function selectInDraft(index) {
    var f = shown.findings[index];
    if (!f || f.start === null) { return; }
    var start = f.start, end = f.end;
    if (draft.value.slice(start, end) !== f.text) {
      var near = draft.value.indexOf(f.text, Math.max(0, start - 200));
      if (near < 0) { near = draft.value.indexOf(f.text); }
      if (near < 0) { draft.focus(); return; }
      start = near; end = near + f.text.length;
    }
    highlight(index, false);
    draft.focus();
    draft.setSelectionRange(start, end);
  }

  view.addEventListener("click", function (ev) {
    var link = ev.target.closest("a[data-finding]");
    if (link) { ev.preventDefault(); highlight(Number(link.getAttribute("data-finding")), true); return; }
    var mark = ev.target.closest("mark[data-findings]");
    if (mark) { highlight(Number(mark.getAttribute("data-findings").split(" ")[0]), true); }
  });
  list.addEventListener("click", function (ev) {
    var btn = ev.target.closest("button.show");
    if (btn) { selectInDraft(Number(btn.getAttribute("data-finding"))); }
    var apply = ev.target.closest("button.apply");
    if (apply) { applyOne(Number(apply.getAttribute("data-finding"))); }
  });
  applyAllButton.addEventListener("click", applyAllSafe);
  undoButton.addEventListener("click", undo);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); schedule(0); });
  draft.addEventListener("input", function () { updateFixButtons(); schedule(); });
  draft.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); schedule(0); }
  });
  [childName, childAge, childPronouns].forEach(function (input) {
    input.addEventListener("input", function () { schedule(); });
  });
  docType.addEventListener("change", function () { updateGuidance(); schedule(0); });
  clearButton.addEventListener("click", function () {
    draft.value = "";
    schedule(0);
    draft.focus();
  });

  updateGuidance();
  render("", []);
  document.body.setAttribute("data-state", "ready");
  if (draft.value.trim()) { schedule(0); }
})();
