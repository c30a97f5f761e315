// The offline map: country borders from world-atlas (TopoJSON, installed from npm) drawn as SVG in a Web
// Mercator projection, with event markers sized by deaths, coloured by type, clustered when dense, and shaped
// by how exactly the place is known (a town pin, or a dashed circle for "near a town" or a region).
import { s, clear, colourOf } from "./dom.js";

const WORLD = 256;            // width of the world at scale 1, in projected units
const MAX_LAT = 85.05;
const MIN_SPAN_DEG = 1.0;     // never zoom closer than this span when fitting events
const CLUSTER_PX = 26;        // markers closer than this on screen share a cluster
const MAX_SCALE = 2 ** 15;

export function project(lon, lat) {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  const x = ((lon + 180) / 360) * WORLD;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD;
  return [x, y];
}

export function radiusOf(props) {
  const dead = Math.max(0, Number(props.fatalities) || 0);
  return Math.min(30, 7 + 2.2 * Math.sqrt(dead));
}

function ringPath(ring) {
  let d = "";
  let prevLon = null;
  for (const [lon, lat] of ring) {
    const [x, y] = project(lon, lat);
    const jump = prevLon !== null && Math.abs(lon - prevLon) > 180;
    d += (d === "" || jump ? "M" : "L") + x.toFixed(3) + "," + y.toFixed(3);
    prevLon = lon;
  }
  return d + "Z";
}

function geometryPath(geometry) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.map((rings) => rings.map(ringPath).join("")).join("");
}

export class EventMap {
  constructor(svg, { onSelect, onCluster }) {
    this.svg = svg;
    this.land = svg.querySelector("#land");
    this.layer = svg.querySelector("#markers");
    this.onSelect = onSelect;
    this.onCluster = onCluster;
    this.features = [];
    this.selected = null;
    this.k = 1; this.tx = 0; this.ty = 0;
    this.pending = false;
    this.bindGestures();
    new ResizeObserver(() => this.redraw()).observe(svg);
  }

  size() {
    const box = this.svg.getBoundingClientRect();
    return [Math.max(box.width, 1), Math.max(box.height, 1)];
  }

  screenOf(lon, lat) {
    const [x, y] = project(lon, lat);
    return [x * this.k + this.tx, y * this.k + this.ty];
  }

  setBorders(collection) {
    clear(this.land);
    for (const country of collection.features) {
      const d = geometryPath(country.geometry);
      const name = (country.properties || {}).name || "";
      if (d) this.land.append(s("path", { d, "data-name": name }, s("title", { text: name })));
    }
    this.redraw();
  }

  setEvents(features) {
    this.features = features.filter((f) => f.geometry && f.geometry.type === "Point");
    this.redraw();
  }

  select(eventId) {
    this.selected = eventId;
    this.redraw();
  }

  minScale() {
    return this.size()[0] / WORLD;
  }

  // Zoom so that the given events (all of them by default; the world when there are none) are in view.
  fit(features = this.features) {
    const [width, height] = this.size();
    if (!features.length) {
      this.k = this.minScale();
      this.tx = 0;
      this.ty = (height - WORLD * this.k) / 2;
      return this.redraw();
    }
    const lons = features.map((f) => f.geometry.coordinates[0]);
    const lats = features.map((f) => f.geometry.coordinates[1]);
    let [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const padLon = Math.max(0, MIN_SPAN_DEG - (east - west)) / 2;
    const padLat = Math.max(0, MIN_SPAN_DEG - (north - south)) / 2;
    [west, east, south, north] = [west - padLon, east + padLon, south - padLat, north + padLat];
    const [x0, y0] = project(west, north);
    const [x1, y1] = project(east, south);
    const k = 0.7 * Math.min(width / Math.max(x1 - x0, 1e-9), height / Math.max(y1 - y0, 1e-9));
    this.k = Math.max(this.minScale(), Math.min(MAX_SCALE, k));
    this.tx = width / 2 - ((x0 + x1) / 2) * this.k;
    this.ty = height / 2 - ((y0 + y1) / 2) * this.k;
    this.redraw();
  }

  zoomBy(factor, cx, cy) {
    const [width, height] = this.size();
    const px = cx === undefined ? width / 2 : cx;
    const py = cy === undefined ? height / 2 : cy;
    const k = Math.max(this.minScale(), Math.min(MAX_SCALE, this.k * factor));
    this.tx = px - ((px - this.tx) * k) / this.k;
    this.ty = py - ((py - this.ty) * k) / this.k;
    this.k = k;
    this.redraw();
  }

  bindGestures() {
    let drag = null;
    this.moved = false;
    this.svg.addEventListener("pointerdown", (e) => {
      drag = { x: e.clientX, y: e.clientY, tx: this.tx, ty: this.ty };
      this.moved = false;
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!this.moved && Math.hypot(dx, dy) < 4) return;
      if (!this.moved) this.svg.setPointerCapture(e.pointerId);
      this.moved = true;
      this.svg.classList.add("dragging");
      this.tx = drag.tx + dx;
      this.ty = drag.ty + dy;
      this.redraw();
    });
    const end = () => { drag = null; this.svg.classList.remove("dragging"); };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
    this.svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const box = this.svg.getBoundingClientRect();
      this.zoomBy(Math.pow(1.2, -Math.sign(e.deltaY)), e.clientX - box.left, e.clientY - box.top);
    }, { passive: false });
  }

  redraw() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  draw() {
    this.land.setAttribute("transform", `translate(${this.tx},${this.ty}) scale(${this.k})`);
    clear(this.layer);
    const groups = this.clusters();
    const labelled = groups.length <= 40;
    for (const group of groups) {
      const single = group.members.length === 1;
      this.layer.append(single ? this.marker(group.members[0], group, labelled) : this.cluster(group));
    }
  }

  // Greedy clustering in screen space: the deadliest events claim their neighbourhood first.
  clusters() {
    const [width, height] = this.size();
    const groups = [];
    const order = [...this.features].sort((a, b) => (b.properties.fatalities || 0) - (a.properties.fatalities || 0));
    for (const f of order) {
      const [x, y] = this.screenOf(f.geometry.coordinates[0], f.geometry.coordinates[1]);
      if (x < -40 || y < -40 || x > width + 40 || y > height + 40) continue;
      const near = groups.find((g) => Math.hypot(g.x - x, g.y - y) < CLUSTER_PX && f.id !== this.selected
                                      && !g.members.some((m) => m.id === this.selected));
      if (near) near.members.push(f);
      else groups.push({ x, y, members: [f] });
    }
    return groups;
  }

  marker(f, { x, y }, labelled) {
    const p = f.properties;
    const precision = Number(p.geo_precision) || 1;
    const r = radiusOf(p);
    const kind = precision === 1 ? "town" : "region";
    const label = `${p.event_date || "?"} · ${p.sub_event_type} · ${p.location || "?"}` +
      (p.fatalities !== null && p.fatalities !== undefined ? ` · ${p.fatalities} dead` : "");
    const g = s("g", {
      class: `marker ${kind}` + (f.id === this.selected ? " selected" : ""),
      fill: colourOf(p.event_type), transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`,
      "data-event-id": f.id, "data-location": p.location || "", "data-precision": precision,
      "data-lon": f.geometry.coordinates[0], "data-lat": f.geometry.coordinates[1],
      "data-fatalities": p.fatalities ?? "", role: "button", tabindex: 0, "aria-label": label,
    }, s("title", { text: label }));
    if (kind === "town") {
      g.append(s("circle", { r }), s("circle", { class: "pin-dot", r: Math.max(1.5, r / 4) }));
    } else {
      g.append(s("circle", { r: r + (precision === 2 ? 8 : 16) }), s("circle", { r: 2.5 }));
    }
    if (labelled && p.location) {
      g.append(s("text", { class: "label", x: r + 4, y: 4, text: p.location }));
    }
    const choose = () => { if (!this.moved) this.onSelect(f.id); };
    g.addEventListener("click", choose);
    g.addEventListener("keydown", (e) => { if (e.key === "Enter") this.onSelect(f.id); });
    return g;
  }

  // A cluster opens by zooming to its members; members at one spot (same town) are listed instead.
  openCluster(members) {
    const lons = members.map((f) => f.geometry.coordinates[0]);
    const lats = members.map((f) => f.geometry.coordinates[1]);
    const spread = Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats));
    if (spread < 1e-3 && this.onCluster) this.onCluster(members);
    else this.fit(members);
  }

  cluster(group) {
    const count = group.members.length;
    const dead = group.members.reduce((sum, f) => sum + (Number(f.properties.fatalities) || 0), 0);
    const r = Math.min(34, 11 + 3 * Math.log2(count) + Math.sqrt(dead) / 2);
    const label = `${count} events` + (dead ? `, ${dead} dead` : "") + " — click to zoom in";
    const g = s("g", { class: "cluster", transform: `translate(${group.x.toFixed(1)},${group.y.toFixed(1)})`,
                       "data-count": count, role: "button", tabindex: 0, "aria-label": label },
      s("title", { text: label }), s("circle", { r }), s("text", { text: String(count) }));
    g.addEventListener("click", () => { if (!this.moved) this.openCluster(group.members); });
    return g;
  }
}
