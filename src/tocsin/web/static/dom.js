// DOM helpers: every node is built with createElement and textContent, never from HTML strings, because
// article text is hostile input.
const SVG_NS = "http://www.w3.org/2000/svg";

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") el.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Event-type colours (ACLED's six types and tocsin's hazard types).
export const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#8e44ad",
  "Violence against civilians": "#d35400",
  "Protests": "#2980b9",
  "Riots": "#e67e22",
  "Strategic developments": "#16a085",
  "Natural disaster": "#7f8c8d",
  "Man-made disaster": "#95a5a6",
  "Organized crime": "#6d4c41",
  "Diplomatic event": "#27ae60",
  "Attribution of responsibility": "#34495e",
};

export function colourOf(type) {
  return TYPE_COLOURS[type] || "#555";
}
