// The event panel: every field with the evidence behind it highlighted in the article text, the claims and
// their sources, every report, the history, and (for analysts) the review desk. Built with textContent only.
import { h, clear, colourOf } from "./dom.js";
import { call } from "./api.js";

const FIELDS = [
  ["event_type", "type"], ["sub_event_type", "sub-type"], ["disorder_type", "disorder"],
  ["event_date", "date"], ["time_precision", "time precision"], ["location", "place"], ["admin1", "region"],
  ["country", "country"], ["geo_precision", "geo precision"], ["latitude", "latitude"], ["longitude", "longitude"],
  ["actor1", "actor 1"], ["assoc_actor_1", "with actor 1"], ["actor2", "actor 2"], ["assoc_actor_2", "with actor 2"],
  ["interaction", "interaction"], ["fatalities", "deaths"], ["certainty", "certainty"], ["notes", "notes"],
];
// Which evidence spans stand behind a field shown in the table.
const EVIDENCE_OF = { latitude: ["location"], longitude: ["location"], admin1: ["location"], country: ["location"],
                      geo_precision: ["location"], time_precision: ["event_date"], disorder_type: ["sub_event_type", "event_type"],
                      fatalities: ["fatalities", "fatalities_low", "fatalities_high"] };
const PRECISION = { 1: "1 · town", 2: "2 · near a town / part of a region", 3: "3 · region" };

function show(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

function display(event, name) {
  if (name === "fatalities" && event.fatalities !== null && event.fatalities !== undefined
      && event.fatalities_low !== event.fatalities_high && event.fatalities_high !== null) {
    return `${event.fatalities} (${show(event.fatalities_low)}–${show(event.fatalities_high)})`;
  }
  if (name === "geo_precision" && PRECISION[event[name]]) return PRECISION[event[name]];
  return show(event[name]);
}

// Split the text at every span boundary; each piece inside spans becomes a <mark> naming its fields.
export function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { cuts.add(sp.start); cuts.add(sp.end); }
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const out = h("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const over = spans.filter((sp) => sp.start <= a && sp.end >= b);
    if (!over.length) { out.append(document.createTextNode(piece)); continue; }
    const fields = [...new Set(over.filter((sp) => sp.field).map((sp) => sp.field))];
    const cls = fields.length ? "evidence" : "claim";
    out.append(h("mark", { class: cls, "data-fields": fields.join(" "), title: fields.join(", ") || "claim",
                           text: piece }));
  }
  return out;
}

function focusField(panel, name) {
  const wanted = EVIDENCE_OF[name] || [name];
  for (const row of panel.querySelectorAll("tr")) row.classList.toggle("focus", row.dataset.field === name);
  let first = null;
  for (const mark of panel.querySelectorAll("mark.evidence")) {
    const on = mark.dataset.fields.split(" ").some((f) => wanted.includes(f));
    mark.classList.toggle("focus", on);
    if (on && !first) first = mark;
  }
  if (first) first.scrollIntoView({ block: "nearest" });
}

function fieldTable(panel, detail) {
  const event = detail.event;
  const have = new Set(detail.evidence.map((e) => e.field));
  const edited = new Set(detail.review ? detail.review.fields : []);
  const rows = FIELDS.map(([name, label]) => {
    const hasEvidence = (EVIDENCE_OF[name] || [name]).some((f) => have.has(f));
    const machine = detail.machine[name];
    const row = h("tr", { "data-field": name, class: [hasEvidence ? "has-evidence" : "", edited.has(name) ? "edited" : ""].join(" ").trim() || null,
                          title: edited.has(name) ? `reviewed; the machine said: ${show(machine)}` : null },
      h("th", { text: label }), h("td", { text: display(event, name) }));
    if (hasEvidence) row.addEventListener("click", () => focusField(panel, name));
    return row;
  });
  return h("table", {}, h("tbody", {}, rows));
}

function claimItem(claim) {
  const who = claim.source ? claim.source.text : "unattributed";
  const bits = [h("strong", { text: who })];
  if (claim.source_kind) bits.push(h("span", { class: "muted", text: ` (${claim.source_kind})` }));
  if (claim.cue) bits.push(` ${claim.cue.text}: `); else bits.push(": ");
  bits.push(h("q", { text: claim.content ? claim.content.text : "" }));
  bits.push(h("span", { class: "badge", text: claim.stance || "assert" }));
  if (claim.advice) bits.push(h("span", { class: "badge", text: "advice" }));
  return h("li", {}, bits);
}

function reportBlock(report) {
  const spans = report.evidence.map((e) => ({ start: e.start, end: e.end, field: e.field }));
  for (const c of report.claims) {
    if (c.content) spans.push({ start: c.content.start, end: c.content.end, field: null });
  }
  const meta = [report.outlet, report.published, report.url].filter(Boolean).join(" · ");
  return h("section", { class: "report", "data-article-id": report.id },
    h("h4", { text: report.title || report.id }),
    h("p", { class: "muted", text: meta }),
    highlighted(report.text || "", spans),
    report.claims.length ? h("ul", { class: "claims" }, report.claims.map(claimItem)) : null,
    report.flags.length ? h("ul", { class: "flags" },
      report.flags.map((f) => h("li", { class: "muted", text: `⚑ ${f.kind}: ${f.message}` }))) : null);
}

function historyList(detail) {
  return h("ol", { class: "history" }, detail.history.map((item) => {
    const what = item.action === "version" ? `machine version ${item.version}` : item.action;
    const changed = item.changes && item.changes.after ? " " + Object.entries(item.changes.after)
      .map(([k, v]) => `${k}=${show(v)}`).join(", ") : "";
    return h("li", {}, h("span", { class: "muted", text: `${item.at} · ${item.by} · ` }),
      what + changed, item.reason ? h("q", { text: item.reason }) : null);
  }));
}

export function renderPanel(panel, detail, ctx) {
  clear(panel);
  const event = detail.event;
  const status = detail.review ? detail.review.status : "unreviewed";
  panel.append(
    h("a", { href: "#", class: "back", onclick: (e) => { e.preventDefault(); ctx.onBack(); }, text: "← all events" }),
    h("h2", {}, h("span", { class: "swatch" }),
      `${event.sub_event_type} · ${event.location || "?"} · ${event.event_date || "?"}`,
      h("span", { class: "badge " + status, text: status })),
    h("p", { class: "muted", text: `event ${event.event_id} · ${event.reports.length} report(s)` }),
    fieldTable(panel, detail));
  const swatch = panel.querySelector(".swatch");
  swatch.style.background = colourOf(event.event_type);
  if (ctx.canReview && status !== "merged") panel.append(reviewDesk(detail, ctx));
  panel.append(h("h3", { text: "Reports and evidence" }), ...detail.reports.map(reportBlock));
  panel.append(h("h3", { text: "History" }), historyList(detail));
}

// The review desk

function input(name, value, attrs = {}) {
  return h("input", { name, value: value ?? "", ...attrs });
}

function select(name, options, value) {
  return h("select", { name }, options.map(([v, label]) => {
    const opt = h("option", { value: v, text: label });
    if (String(v) === String(value ?? "")) opt.selected = true;
    return opt;
  }));
}

function row(label, control) {
  return [h("label", { text: label }), control];
}

function editForm(detail, ctx) {
  const e = detail.event;
  const types = Object.keys(ctx.meta.event_types);
  const subSelect = select("sub_event_type", (ctx.meta.event_types[e.event_type] || [e.sub_event_type]).map((t) => [t, t]), e.sub_event_type);
  const typeSelect = select("event_type", types.map((t) => [t, t]), e.event_type);
  typeSelect.addEventListener("change", () => {
    clear(subSelect);
    for (const t of ctx.meta.event_types[typeSelect.value]) subSelect.append(h("option", { value: t, text: t }));
  });
  const message = h("p", { class: "message", role: "alert" });
  const form = h("form", { id: "edit-form" },
    row("type", typeSelect), row("sub-type", subSelect),
    row("date", input("event_date", e.event_date, { type: "date" })),
    row("place", input("location", e.location, { maxlength: 500 })),
    row("latitude", input("latitude", e.latitude, { type: "number", step: "any", min: -90, max: 90 })),
    row("longitude", input("longitude", e.longitude, { type: "number", step: "any", min: -180, max: 180 })),
    row("geo precision", select("geo_precision", [["", "—"], [1, PRECISION[1]], [2, PRECISION[2]], [3, PRECISION[3]]], e.geo_precision)),
    row("deaths", input("fatalities", e.fatalities, { type: "number", min: 0, step: 1 })),
    row("actor 1", input("actor1", e.actor1, { maxlength: 500 })),
    row("actor 2", input("actor2", e.actor2, { maxlength: 500 })),
    row("certainty", select("certainty", ctx.meta.certainty.map((c) => [c, c]), e.certainty)),
    row("why", h("textarea", { name: "reason", required: true, rows: 2, maxlength: 2000 })),
    h("div", { class: "wide actions" }, h("button", { type: "submit", text: "Save edit" })), message);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const changes = {};
    for (const [name, value] of data.entries()) {
      if (name === "reason") continue;
      const before = e[name] === null || e[name] === undefined ? "" : String(e[name]);
      if (String(value) !== before) changes[name] = value === "" ? null : value;
    }
    await ctx.act(() => call("PATCH", `/api/events/${encodeURIComponent(e.event_id)}`,
                             { changes, reason: data.get("reason") }), message);
  });
  return form;
}

function actionForm(id, fields, label, send, ctx) {
  const message = h("p", { class: "message", role: "alert" });
  const form = h("form", { id }, ...fields, row("why", h("textarea", { name: "reason", rows: 1, maxlength: 2000 })),
    h("div", { class: "wide actions" }, h("button", { type: "submit", text: label })), message);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    await ctx.act(() => send(new FormData(form)), message);
  });
  return form;
}

// Confirm or reject, with one "why" for either.
function verdictForm(id, ctx) {
  const message = h("p", { class: "message", role: "alert" });
  const form = h("form", { id: "verdict-form" },
    row("why", h("textarea", { name: "reason", rows: 1, maxlength: 2000 })),
    h("div", { class: "wide actions" },
      h("button", { type: "submit", name: "action", value: "confirm", text: "Confirm" }),
      h("button", { type: "submit", name: "action", value: "reject", text: "Reject" })), message);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const action = ev.submitter && ev.submitter.value === "reject" ? "reject" : "confirm";
    const reason = new FormData(form).get("reason") || null;
    await ctx.act(() => call("POST", `/api/events/${id}/${action}`, { reason }), message);
  });
  return form;
}

function reviewDesk(detail, ctx) {
  const id = encodeURIComponent(detail.event.event_id);
  const reports = detail.event.reports;
  return h("section", { id: "review" },
    h("h3", { text: "Review" }),
    verdictForm(id, ctx),
    h("details", {}, h("summary", { text: "Edit fields" }), editForm(detail, ctx)),
    h("details", {}, h("summary", { text: "Merge into another event" }),
      actionForm("merge-form", row("into event", input("into", "", { required: true, maxlength: 40, placeholder: "ev-…" })), "Merge",
        (d) => call("POST", `/api/events/${id}/merge`, { into: d.get("into"), reason: d.get("reason") }), ctx)),
    h("details", {}, h("summary", { text: "Split out a second incident" }),
      actionForm("split-form", reports.flatMap((r) => row(r, h("input", { type: "checkbox", name: "reports", value: r }))), "Split",
        (d) => call("POST", `/api/events/${id}/split`, { reports: d.getAll("reports"), changes: {}, reason: d.get("reason") }), ctx)));
}
