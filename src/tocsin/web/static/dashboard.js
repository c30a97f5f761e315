// The dashboard: filters, the map, the event list and panel, the timeline, sign-in, and live updates (polling).
import { h, s, clear, colourOf, TYPE_COLOURS } from "./dom.js";
import { call, get } from "./api.js";
import { EventMap } from "./map.js";
import { renderPanel } from "./panel.js";
import { drawTimeline } from "./timeline.js";

const PAGE = 2000;
const $ = (sel) => document.querySelector(sel);
const state = { features: [], total: 0, selected: null, user: null, role: null, meta: null, fingerprint: null };
let map;

function showError(message) {
  const box = $("#error");
  box.hidden = !message;
  box.textContent = message || "";
}

function filterQuery() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($("#filters")).entries()) {
    if (String(value).trim()) params.set(name, String(value).trim());
  }
  return params;
}

async function loadSession() {
  const me = await get("/api/session");
  state.user = me.user;
  state.role = me.role;
  $("#whoami").textContent = me.user ? `${me.user} (${me.role})` : "";
  $("#signin").hidden = Boolean(me.user);
  $("#signout").hidden = !me.user;
}

async function loadMeta() {
  state.meta = await get("/api/meta");
  const types = $("#filters select[name=type]");
  const certainty = $("#filters select[name=certainty]");
  for (const sel of [types, certainty]) while (sel.options.length > 1) sel.remove(1);
  for (const t of Object.keys(state.meta.event_types)) types.append(h("option", { value: t, text: t }));
  for (const c of state.meta.certainty) certainty.append(h("option", { value: c, text: c }));
}

async function loadBorders() {
  try {
    const response = await fetch("/static/vendor/countries-50m.json", { cache: "force-cache" });
    if (!response.ok || !window.topojson) throw new Error("missing");
    const topology = await response.json();
    map.setBorders(window.topojson.feature(topology, topology.objects.countries));
  } catch (err) {
    const note = $("#mapnote");
    note.hidden = false;
    note.textContent = "Country borders are not installed (run make setup); events are drawn without them.";
  }
}

function listItem(f) {
  const p = f.properties;
  const dead = p.fatalities === null || p.fatalities === undefined ? "" : ` · ${p.fatalities} dead`;
  const swatch = h("span", { class: "swatch" });
  swatch.style.background = colourOf(p.event_type);
  const li = h("li", { tabindex: 0, "data-event-id": f.id },
    swatch, h("strong", { text: `${p.sub_event_type} — ${p.location || "place unknown"}` }),
    p.review_status ? h("span", { class: "badge " + (p.reviewed ? "reviewed" : p.review_status), text: p.review_status }) : null,
    h("div", { class: "meta", text: `${p.event_date || "date unknown"}${dead} · ${p.certainty || "certainty unknown"}` +
                                     (f.geometry ? "" : " · not on the map") }));
  li.addEventListener("click", () => openEvent(f.id));
  li.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(f.id); });
  return li;
}

function renderList(only) {
  const list = clear($("#list"));
  for (const f of only || state.features) list.append(listItem(f));
  const shown = state.features.length;
  $("#summary").textContent = only ? `${only.length} event(s) at this place`
    : state.total > shown ? `${shown} of ${state.total} events (newest first)` : `${shown} event(s)`;
}

function renderLegend() {
  const legend = clear($("#legend"));
  const present = new Set(state.features.map((f) => f.properties.event_type));
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    if (!present.has(type)) continue;
    legend.append(h("li", {}, s("svg", { viewBox: "0 0 12 12" }, s("circle", { cx: 6, cy: 6, r: 5, fill: colour })), type));
  }
  legend.append(h("li", { class: "muted", text: "● town  ◌ area · size = deaths" }));
}

async function loadEvents({ fit = false } = {}) {
  const query = filterQuery();
  $("#csv").href = `/api/export.csv?${query}`;
  $("#geojson").href = `/api/export.geojson?${query}`;
  query.set("limit", String(PAGE));
  const data = await get(`/api/events?${query}`);
  state.features = data.features;
  state.total = data.total;
  map.setEvents(state.features);
  if (fit) map.fit();
  renderList();
  renderLegend();
  drawTimeline($("#timeline"), state.features, (since, until) => {
    $("#filters input[name=since]").value = since;
    $("#filters input[name=until]").value = until;
    loadEvents({ fit: true }).catch((e) => showError(e.message));
  });
  document.body.dataset.loaded = "true";
}

function closePanel() {
  state.selected = null;
  $("#panel").hidden = true;
  $("#list").hidden = false;
  map.select(null);
  if (location.hash) history.replaceState(null, "", location.pathname);
}

async function openEvent(eventId) {
  const detail = await get(`/api/events/${encodeURIComponent(eventId)}`);
  state.selected = eventId;
  const panel = $("#panel");
  renderPanel(panel, detail, {
    meta: state.meta,
    canReview: state.role === "analyst" || state.role === "admin",
    onBack: closePanel,
    act: async (send, messageEl) => {
      try {
        const result = await send();
        await loadEvents();
        await openEvent(result.event.event_id);
      } catch (err) {
        messageEl.textContent = err.message;
      }
    },
  });
  panel.hidden = false;
  $("#list").hidden = true;
  map.select(eventId);
  if (location.hash !== `#event=${eventId}`) history.replaceState(null, "", `#event=${encodeURIComponent(eventId)}`);
}

async function poll() {
  try {
    const status = await get("/api/status");
    const fingerprint = `${status.events}|${status.changed}`;
    if (state.fingerprint !== null && fingerprint !== state.fingerprint) {
      await loadEvents();
      if (state.selected) await openEvent(state.selected);
    }
    state.fingerprint = fingerprint;
  } catch (err) {
    /* the next poll tries again */
  }
}

async function start() {
  showError("");
  await loadSession();
  if (!state.role) {
    $("#summary").textContent = "Sign in with your API token to see events.";
    return;
  }
  await loadMeta();
  await loadEvents({ fit: true });
  const match = /^#event=(.+)$/.exec(location.hash);
  if (match) await openEvent(decodeURIComponent(match[1]));
}

function bindControls() {
  $("#filters").addEventListener("submit", (e) => {
    e.preventDefault();
    loadEvents({ fit: true }).catch((err) => showError(err.message));
  });
  $("#filters").addEventListener("reset", () => setTimeout(() => loadEvents({ fit: true }).catch((err) => showError(err.message)), 0));
  $("#signin").addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await call("POST", "/api/session", { token: new FormData(e.target).get("token") });
      e.target.reset();
      await start();
      if (state.selected) await openEvent(state.selected);
    } catch (err) {
      showError(err.message);
    }
  });
  $("#signout").addEventListener("click", async () => {
    await call("DELETE", "/api/session").catch(() => null);
    closePanel();
    await start().catch((err) => showError(err.message));
  });
  $("#zoomin").addEventListener("click", () => map.zoomBy(2));
  $("#zoomout").addEventListener("click", () => map.zoomBy(0.5));
  $("#zoomfit").addEventListener("click", () => map.fit());
}

function main() {
  map = new EventMap($("#map"), {
    onSelect: (id) => openEvent(id).catch((err) => showError(err.message)),
    onCluster: (members) => { closePanel(); renderList(members); },
  });
  window.tocsin = { map, state, openEvent };
  bindControls();
  loadBorders();
  start().catch((err) => {
    if (err.status === 401) $("#signin").hidden = false;
    showError(err.message);
  });
  setInterval(poll, Number(document.body.dataset.pollMs) || 5000);
}

main();
