// Charts drawn as inline SVG by the page (no library): grouped bars and lines over report intervals. Each chart has
// a title and a description for screen readers; the same figures are in the table next to it.

const NS = 'http://www.w3.org/2000/svg';
const palette = ['#0b5394', '#1e6b34', '#a61b1b', '#6a3d9a'];

function node(name, attributes = {}, text = null) {
  const element = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) { element.setAttribute(key, String(value)); }
  if (text !== null) { element.textContent = text; }
  return element;
}

/** The top of the axis: four equal steps of 1, 2, 2.5 or 5 times a power of ten (whole steps for counts). */
function niceMax(value, integer) {
  const raw = value / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map(m => m * power).find(s => s >= raw);
  if (integer) { step = Math.max(1, Math.ceil(step)); }
  return step * 4;
}

/**
 * A chart of `series` ([{ name, values, kind: 'bar' | 'line' }]) over `labels`, with an optional horizontal
 * `target` line ({ value, name }). `format` turns a value into axis text.
 */
export function chart({ id, title, labels, series, target = null, format = v => String(Math.round(v)), integer = true }) {
  const width = Math.max(420, labels.length * 44 + 90);
  const height = 260;
  const left = 56;
  const bottom = 52;
  const top = 34;
  const plotWidth = width - left - 16;
  const plotHeight = height - top - bottom;
  const all = series.flatMap(s => s.values.filter(v => v !== null && v !== undefined));
  const max = niceMax(Math.max(1, ...all, target ? target.value : 0), integer);
  const y = v => top + plotHeight - (v / max) * plotHeight;
  const slot = plotWidth / Math.max(1, labels.length);
  const svg = node('svg', { id, class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` });
  svg.append(node('title', { id: `${id}-title` }, title));
  svg.append(node('desc', { id: `${id}-desc` }, series.map(s => `${s.name}: ${s.values.map(v => v === null ? '–' : format(v)).join(', ')}`).join('; ')));
  svg.append(node('text', { x: left, y: 18, 'font-weight': 'bold' }, title));
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    svg.append(node('line', { x1: left, x2: width - 16, y1: y(value), y2: y(value), stroke: '#8a94a6', 'stroke-width': i === 0 ? 1.5 : 0.5 }));
    svg.append(node('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, format(value)));
  }
  labels.forEach((label, i) => {
    svg.append(node('text', { x: left + slot * i + slot / 2, y: height - bottom + 16, 'text-anchor': 'middle' }, label));
  });
  const bars = series.filter(s => s.kind !== 'line');
  const barWidth = Math.max(3, (slot * 0.8) / Math.max(1, bars.length));
  bars.forEach((s, b) => {
    const colour = palette[series.indexOf(s) % palette.length];
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) { return; }
      const x = left + slot * i + slot * 0.1 + b * barWidth;
      svg.append(node('rect', { x, y: y(v), width: barWidth - 1, height: top + plotHeight - y(v), fill: colour, 'data-series': s.name, 'data-value': v }));
    });
  });
  for (const s of series.filter(s => s.kind === 'line')) {
    const colour = palette[series.indexOf(s) % palette.length];
    const points = s.values.map((v, i) => (v === null || v === undefined ? null : `${left + slot * i + slot / 2},${y(v)}`)).filter(p => p !== null);
    svg.append(node('polyline', { points: points.join(' '), fill: 'none', stroke: colour, 'stroke-width': 2.5, 'data-series': s.name }));
    s.values.forEach((v, i) => { if (v !== null && v !== undefined) { svg.append(node('circle', { cx: left + slot * i + slot / 2, cy: y(v), r: 3.5, fill: colour })); } });
  }
  if (target) {
    svg.append(node('line', { x1: left, x2: width - 16, y1: y(target.value), y2: y(target.value), stroke: '#a61b1b', 'stroke-dasharray': '6 4', 'stroke-width': 2 }));
    svg.append(node('text', { x: width - 18, y: y(target.value) - 5, 'text-anchor': 'end' }, target.name));
  }
  let legendX = left;
  series.forEach((s, i) => {
    const colour = palette[i % palette.length];
    svg.append(node('rect', { x: legendX, y: height - 22, width: 12, height: 12, fill: colour }));
    svg.append(node('text', { x: legendX + 16, y: height - 12 }, s.name));
    legendX += 24 + s.name.length * 7.5;
  });
  return svg;
}
