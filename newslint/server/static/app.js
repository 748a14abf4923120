// The editors' page: lint as you type through POST /api/v1/lint, highlight, fix in one click.
// Offsets from the server count Unicode code points; JavaScript strings count UTF-16 units,
// so every slice goes through Array.from(text).
"use strict";
const $ = (id) => document.getElementById(id);
const state = { findings: [], hidden: new Set(), timer: null, seq: 0 };

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  const data = await res.json();
  if (!res.ok) throw new Error(data.error ? data.error.message : res.statusText);
  return data;
}

function request() {
  const body = {text: $("copy").value, path: "draft.md"};
  if ($("style").value) body.style = $("style").value;
  if ($("date").value) body.date = $("date").value;
  return body;
}

function visible() { return state.findings.filter((f) => !state.hidden.has(f.category)); }

function renderFilters() {
  const counts = {};
  for (const f of state.findings) counts[f.category] = (counts[f.category] || 0) + 1;
  $("filters").innerHTML = Object.keys(counts).sort().map((c) =>
    `<label class="chip"><input type="checkbox" data-cat="${c}" ${state.hidden.has(c) ? "" : "checked"}> ${c} (${counts[c]})</label>`
  ).join("");
}

function renderPreview() {
  const chars = Array.from($("copy").value);
  const shown = visible().slice().sort((a, b) => a.offset - b.offset);
  let html = "", pos = 0;
  shown.forEach((f) => {
    if (f.offset < pos) return; // overlapping spans: the list still shows them
    const end = f.offset + Math.max(f.length, 1);
    html += escapeHtml(chars.slice(pos, f.offset).join(""));
    html += `<mark class="${f.severity}" data-i="${state.findings.indexOf(f)}" title="${escapeHtml(f.rule + ": " + f.message)}">` +
            escapeHtml(chars.slice(f.offset, end).join("") || " ") + "</mark>";
    pos = end;
  });
  html += escapeHtml(chars.slice(pos).join(""));
  $("preview").innerHTML = html;
}

function renderList() {
  $("findings").innerHTML = visible().map((f) => {
    const i = state.findings.indexOf(f);
    const fix = f.fix ? `<button type="button" class="apply" data-i="${i}">Fix: ${f.fix.replacement === "" ? "delete" : "“" + escapeHtml(f.fix.replacement) + "”"}</button>` : "";
    return `<li id="finding-${i}" data-rule="${f.rule}"><span class="cat">${f.category}</span> ` +
           `<span class="code">${f.rule} ${f.line}:${f.column}</span> ${escapeHtml(f.message)} ${fix}</li>`;
  }).join("");
  const n = visible().length;
  $("count").textContent = `(${n}${n === state.findings.length ? "" : " of " + state.findings.length})`;
}

function render() { renderFilters(); renderPreview(); renderList(); }

async function check() {
  const seq = ++state.seq;
  $("status").textContent = "Checking…";
  try {
    const data = await api("/api/v1/lint", request());
    if (seq !== state.seq) return; // a newer check is on its way
    state.findings = data.findings;
    render();
    $("status").textContent = data.findings.length ? "" : "All clear.";
  } catch (err) {
    $("status").textContent = "Error: " + err.message;
  }
}

function schedule() { clearTimeout(state.timer); state.timer = setTimeout(check, 400); }

function applyFix(i) {
  const f = state.findings[i];
  if (!f || !f.fix) return;
  const chars = Array.from($("copy").value);
  chars.splice(f.fix.offset, f.fix.length, ...Array.from(f.fix.replacement));
  $("copy").value = chars.join("");
  check();
}

async function fixAll() {
  $("status").textContent = "Fixing…";
  try {
    const data = await api("/api/v1/fix", request());
    $("copy").value = data.text;
    $("status").textContent = `${data.applied.length} fix${data.applied.length === 1 ? "" : "es"} applied.`;
    state.findings = data.remaining;
    render();
  } catch (err) {
    $("status").textContent = "Error: " + err.message;
  }
}

async function init() {
  const styles = await api("/api/v1/styles");
  $("style").innerHTML = styles.styles.map((s) => `<option${s === styles.default ? " selected" : ""}>${s}</option>`).join("");
  $("copy").addEventListener("input", schedule);
  $("style").addEventListener("change", check);
  $("date").addEventListener("change", check);
  $("check").addEventListener("click", check);
  $("fix-all").addEventListener("click", fixAll);
  $("filters").addEventListener("change", (e) => {
    const c = e.target.dataset.cat;
    if (e.target.checked) state.hidden.delete(c); else state.hidden.add(c);
    render();
  });
  $("findings").addEventListener("click", (e) => { if (e.target.classList.contains("apply")) applyFix(+e.target.dataset.i); });
  $("preview").addEventListener("click", (e) => {
    const m = e.target.closest("mark");
    if (!m) return;
    document.querySelectorAll("#findings li.focus").forEach((li) => li.classList.remove("focus"));
    const li = $("finding-" + m.dataset.i);
    if (li) { li.classList.add("focus"); li.scrollIntoView({block: "nearest"}); }
  });
  if ($("copy").value) check();
}
init();
