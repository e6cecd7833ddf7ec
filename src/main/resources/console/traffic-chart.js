// The overview's chart: messages per minute as stacked bars, one colour per direction and channel, drawn as
// SVG (no chart library: a few dozen lines do it and nothing is loaded from elsewhere).
const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#65a30d', '#db2777'];

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

/**
 * rows: [{minute, direction, channel, accepted, rejected}]; minutes: how many minutes the x axis spans; label: the
 * direction's word; locale: for the times.
 */
export function trafficChart(rows, minutes, label, locale) {
  const width = 900, height = 240, left = 44, bottom = 24, top = 10;
  const end = Math.floor(Date.now() / 60000);
  const series = [...new Set(rows.map(r => `${label(r.direction)} · ${r.channel}`))].sort();
  const buckets = new Map();
  for (const r of rows) {
    const x = Math.floor(Date.parse(r.minute) / 60000);
    const key = `${label(r.direction)} · ${r.channel}`;
    const bucket = buckets.get(x) ?? new Map();
    bucket.set(key, (bucket.get(key) ?? 0) + r.accepted + r.rejected);
    buckets.set(x, bucket);
  }
  const highest = Math.max(1, ...[...buckets.values()].map(b => [...b.values()].reduce((a, n) => a + n, 0)));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 30}`, class: 'chart', role: 'img', id: 'traffic-chart' });
  const slot = (width - left) / minutes;
  chart.append(svg('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis' }));
  const scale = v => (height - bottom - top) * v / highest;
  const ceiling = svg('text', { x: left - 6, y: top + 10, class: 'tick', 'text-anchor': 'end' });
  ceiling.textContent = String(highest);
  chart.append(ceiling);
  for (let i = 0; i < minutes; i++) {
    const minute = end - minutes + 1 + i;
    let y = height - bottom;
    series.forEach((name, s) => {
      const value = buckets.get(minute)?.get(name) ?? 0;
      if (value > 0) {
        const h = scale(value);
        y -= h;
        const bar = svg('rect', { x: left + i * slot + 1, y, width: Math.max(1, slot - 2), height: h,
          fill: COLOURS[s % COLOURS.length], class: 'bar' });
        const tip = svg('title', {});
        tip.textContent = `${new Date(minute * 60000).toLocaleTimeString(locale)} ${name}: ${value}`;
        bar.append(tip);
        chart.append(bar);
      }
    });
    if (i % 10 === 0) {
      const tick = svg('text', { x: left + i * slot, y: height - 6, class: 'tick' });
      tick.textContent = new Date(minute * 60000).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
      chart.append(tick);
    }
  }
  series.forEach((name, s) => {
    const x = left + s * 150;
    chart.append(svg('rect', { x, y: height + 12, width: 12, height: 12, fill: COLOURS[s % COLOURS.length] }));
    const text = svg('text', { x: x + 16, y: height + 22, class: 'legend' });
    text.textContent = name;
    chart.append(text);
  });
  return chart;
}
