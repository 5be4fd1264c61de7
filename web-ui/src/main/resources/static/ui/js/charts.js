// A small SVG bar chart with the same numbers as a table for screen readers and keyboards.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * barChart({id, label, points: [{label, value, text}]}) → a figure with an SVG chart
 * (hidden from assistive technology) and a table holding the same data.
 */
export function barChart({ id, label, points }) {
  const width = 640;
  const height = 240;
  const bottom = 28;
  const top = 22;
  const max = Math.max(1, ...points.map((point) => point.value));
  const slot = width / Math.max(1, points.length);
  const bar = Math.min(48, slot * 0.6);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', 'aria-hidden': 'true', focusable: 'false' });
  svg.appendChild(s('line', { x1: 0, y1: height - bottom, x2: width, y2: height - bottom, class: 'chart-axis' }));
  points.forEach((point, index) => {
    const barHeight = Math.round(((height - bottom - top) * point.value) / max);
    const x = index * slot + (slot - bar) / 2;
    const y = height - bottom - barHeight;
    svg.appendChild(s('rect', { x, y, width: bar, height: barHeight, rx: 3, class: 'chart-bar', 'data-value': point.value }));
    svg.appendChild(s('text', { x: x + bar / 2, y: y - 6, 'text-anchor': 'middle', class: 'chart-value' }, point.value ? point.text : ''));
    svg.appendChild(s('text', { x: x + bar / 2, y: height - 8, 'text-anchor': 'middle', class: 'chart-label' }, point.label));
  });
  return h('figure', { class: 'chart-figure', id },
    svg,
    h('figcaption', { class: 'visually-hidden' }, label),
    h('table', { class: 'visually-hidden' },
      h('caption', {}, label),
      h('tbody', {}, points.map((point) => h('tr', {}, h('th', { scope: 'row' }, point.label), h('td', {}, point.text))))));
}
