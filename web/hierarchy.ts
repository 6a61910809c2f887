import type { ClusterView } from '../core/reports/dashboard/view-schema.js';
import { el, naturalCompare, stateColor, svg } from './dom.js';

const BOX_W = 180;
const BOX_H = 58;
const GAP_X = 24;
const GAP_Y = 56;
const GAP_WRAP = 14;
const MAX_PER_LINE = 6;

/**
 * The clock hierarchy as a graph: one box per node, coloured by its health, under the clock it takes its
 * time from (T-GM → T-BC → T-TSC), each edge with stepsRemoved and the grandmaster's class as received.
 */
export function hierarchyGraph(view: ClusterView, onNode: (node: string) => void): HTMLElement {
  const links = new Map(view.hierarchy.map((link) => [link.node, link]));
  const names = view.nodes.map((n) => n.node);
  const known = new Set(names);
  const depth = new Map<string, number>();
  const depthOf = (node: string, seen: Set<string>): number => {
    const cached = depth.get(node);
    if (cached !== undefined) return cached;
    const parent = links.get(node)?.parentNode;
    const value = parent && known.has(parent) && !seen.has(parent) ? depthOf(parent, seen.add(node)) + 1 : 0;
    depth.set(node, value);
    return value;
  };
  for (const name of names) depthOf(name, new Set());
  const rows: string[][] = [];
  for (const name of [...names].sort(naturalCompare)) {
    const row = depth.get(name)!;
    if (!rows[row]) rows[row] = [];
    rows[row].push(name);
  }
  const x = new Map<string, number>();
  rows.forEach((row, index) => {
    // Under their parents, in the order of the row above, so that edges cross as little as they can.
    if (index > 0)
      row.sort(
        (a, b) => (x.get(links.get(a)?.parentNode ?? '') ?? 0) - (x.get(links.get(b)?.parentNode ?? '') ?? 0),
      );
    for (const [i, name] of row.entries()) x.set(name, i);
  });
  // A level wider than the page wraps onto more lines (a fleet), left-aligned so that none is out of sight.
  const perLine = Math.max(1, Math.min(MAX_PER_LINE, Math.max(...rows.map((row) => row.length))));
  const width = perLine * (BOX_W + GAP_X) + GAP_X;
  const place = new Map<string, { left: number; top: number }>();
  let top = GAP_Y / 2;
  for (const row of rows) {
    for (const [i, name] of row.entries()) {
      if (i > 0 && i % perLine === 0) top += BOX_H + GAP_WRAP;
      place.set(name, { left: GAP_X + (i % perLine) * (BOX_W + GAP_X), top });
    }
    top += BOX_H + GAP_Y;
  }
  const height = top - GAP_Y / 2;
  const position = (name: string) => place.get(name)!;
  const edges: SVGElement[] = [];
  const boxes: SVGElement[] = [];
  const health = new Map(view.nodes.map((n) => [n.node, n.health]));
  for (const name of names) {
    const link = links.get(name);
    const at = position(name);
    if (link?.parentNode && known.has(link.parentNode) && depth.get(name)! > 0) {
      const from = position(link.parentNode);
      const [x1, y1, x2, y2] = [from.left + BOX_W / 2, from.top + BOX_H, at.left + BOX_W / 2, at.top];
      const label = [
        link.stepsRemoved === null ? null : `steps ${link.stepsRemoved}`,
        link.gmClockClass === null ? null : `class ${link.gmClockClass}`,
      ]
        .filter(Boolean)
        .join(' · ');
      edges.push(
        svg('line', { x1, y1, x2, y2, class: 'edge' }),
        svg(
          'text',
          { x: (x1 + x2) / 2 + 4, y: (y1 + y2) / 2 + 4, class: 'edge-label' },
          document.createTextNode(label),
        ),
      );
    }
    const sub = [
      link?.role ?? '',
      link?.actingGrandmaster ? 'acting GM' : link?.ownGrandmaster ? 'own GM' : '',
      link?.externalParent ? `from ${link.externalParent}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const box = svg(
      'g',
      { class: 'node-box', 'data-node': name, transform: `translate(${at.left},${at.top})` },
      // The whole of what a box cuts short, on hover.
      svg('title', {}, document.createTextNode(`${name}${sub ? `\n${sub}` : ''}`)),
      svg('rect', { width: BOX_W, height: BOX_H, rx: 6, fill: stateColor(health.get(name) ?? 'UNKNOWN') }),
      svg('text', { x: 10, y: 22, class: 'box-name' }, document.createTextNode(cut(name, 22))),
      svg('text', { x: 10, y: 42, class: 'box-sub' }, document.createTextNode(cut(sub, 30))),
    );
    box.addEventListener('click', () => onNode(name));
    boxes.push(box);
  }
  const graph = svg(
    'svg',
    { width, height, viewBox: `0 0 ${width} ${height}`, class: 'hierarchy' },
    ...edges,
    ...boxes,
  );
  return el(
    'section',
    { class: 'card', id: 'hierarchy' },
    el('h2', {}, 'Clock hierarchy'),
    el('div', { class: 'scroll' }, graph),
  );
}

function cut(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
