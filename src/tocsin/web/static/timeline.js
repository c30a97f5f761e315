// The timeline: events per day (or per month over long spans) as bars; clicking a bar narrows the dates.
import { s, clear } from "./dom.js";

const DAY = 86400000;

function buckets(features) {
  const dates = features.map((f) => f.properties.event_date).filter(Boolean).sort();
  if (!dates.length) return { unit: "day", bins: [] };
  const first = Date.parse(dates[0]), last = Date.parse(dates[dates.length - 1]);
  const unit = (last - first) / DAY > 120 ? "month" : "day";
  const key = (d) => (unit === "month" ? d.slice(0, 7) : d.slice(0, 10));
  const counts = new Map();
  for (const d of dates) counts.set(key(d), (counts.get(key(d)) || 0) + 1);
  const bins = [];
  if (unit === "day") {
    for (let t = first; t <= last; t += DAY) {
      const k = new Date(t).toISOString().slice(0, 10);
      bins.push({ key: k, since: k, until: k, count: counts.get(k) || 0 });
    }
  } else {
    const start = new Date(first), end = new Date(last);
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth();
         y < end.getUTCFullYear() || (y === end.getUTCFullYear() && m <= end.getUTCMonth()); m === 11 ? (y++, m = 0) : m++) {
      const k = `${y}-${String(m + 1).padStart(2, "0")}`;
      const lastDay = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
      bins.push({ key: k, since: `${k}-01`, until: lastDay, count: counts.get(k) || 0 });
    }
  }
  return { unit, bins };
}

export function drawTimeline(svg, features, onPick) {
  clear(svg);
  const { bins } = buckets(features);
  const box = svg.getBoundingClientRect();
  const width = Math.max(box.width, 100), height = Math.max(box.height, 40);
  const top = 6, bottom = 16, left = 8, right = 8;
  if (!bins.length) {
    svg.append(s("text", { x: left, y: height / 2, text: "no dated events" }));
    return;
  }
  const max = Math.max(...bins.map((b) => b.count), 1);
  const step = (width - left - right) / bins.length;
  bins.forEach((bin, i) => {
    const barHeight = ((height - top - bottom) * bin.count) / max;
    const bar = s("rect", { class: "bar", x: (left + i * step + 0.5).toFixed(1), y: (height - bottom - barHeight).toFixed(1),
                            width: Math.max(step - 1, 1).toFixed(1), height: Math.max(barHeight, bin.count ? 1 : 0).toFixed(1),
                            "data-since": bin.since, "data-until": bin.until },
      s("title", { text: `${bin.key}: ${bin.count} event(s)` }));
    bar.addEventListener("click", () => onPick(bin.since, bin.until));
    svg.append(bar);
  });
  svg.append(s("text", { x: left, y: height - 3, text: bins[0].key }));
  const end = s("text", { x: width - right, y: height - 3, text: bins[bins.length - 1].key });
  end.setAttribute("text-anchor", "end");
  svg.append(end);
}
