type Child = Node | string | number | null | undefined | false;

/** An element with attributes (`on…` functions become listeners) and children; text is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | ((event: Event) => void) | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(
  tag: string,
  attributes: Record<string, string | number> = {},
  ...children: Node[]
): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/**
 * Says the page is drawn: `data-rendered` for tests, and the performance marks a benchmark reads
 * (`ptp-drawn` after the next frame, once the charts' deferred drawing ran).
 */
export function markRendered(ticket: number): void {
  document.body.dataset.rendered = String(ticket);
  performance.mark('ptp-rendered');
  requestAnimationFrame(() => {
    performance.mark('ptp-drawn');
    document.body.dataset.drawn = String(ticket);
  });
}

/** A time of the data, in UTC as the data states it. */
export function utc(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m${seconds % 60 ? ` ${seconds % 60}s` : ''}`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** Node names in natural order: worker-2 before worker-10. */
export const naturalCompare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** The colour of a health or of a state (LOCKED, SLAVE, s2 green; HOLDOVER amber; FREERUN, FAULTY red). */
export function stateColor(state: string): string {
  const s = state.toUpperCase();
  if (['HEALTHY', 'LOCKED', 'SLAVE', 'S2', 'S3', 'RECOVERED'].includes(s)) return '#2e9b4f';
  if (['MINOR'].includes(s)) return '#b3a125';
  if (['HOLDOVER', 'UNCALIBRATED', 'S1', 'MODERATE', 'PRE_MASTER'].includes(s)) return '#e0902b';
  if (['CRITICAL', 'FREERUN', 'FAULTY', 'S0', 'LOST', 'DISABLED', 'ONGOING'].includes(s)) return '#d13f3f';
  if (['MASTER', 'GRAND_MASTER'].includes(s)) return '#3a78c9';
  return '#8a94a6';
}

export function badge(text: string): HTMLElement {
  return el('span', { class: 'badge', style: `background:${stateColor(text)}` }, text);
}
