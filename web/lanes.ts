import type { TimelineView } from '../core/reports/dashboard/view-schema.js';
import { el, stateColor, utc } from './dom.js';

const LANE_H = 20;
const LABEL_W = 230;
const AXIS_H = 22;

/**
 * States over time on one canvas, a lane each (servo, sync and GNSS/DPLL states, ports, episodes, faults),
 * on the time axis of the charts above; hovering names the state and its span.
 */
export function lanesCanvas(timeline: TimelineView, width: number): HTMLElement {
  const holder = el('div', { class: 'chart lanes', 'data-chart': 'lanes' });
  const { lanes, range } = timeline;
  if (lanes.length === 0 || !range) {
    holder.append(el('p', { class: 'muted' }, 'No state changes in the data.'));
    return holder;
  }
  const ratio = window.devicePixelRatio || 1;
  const height = lanes.length * LANE_H + AXIS_H;
  const canvas = el('canvas', {
    width: width * ratio,
    height: height * ratio,
    style: `width:${width}px;height:${height}px`,
  });
  const tip = el('div', { class: 'tip' });
  holder.append(el('h3', {}, 'states over time'), canvas, tip);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  const span = Math.max(1, range.to - range.from);
  const plotW = width - LABEL_W - 10;
  const xOf = (time: number) => LABEL_W + ((time - range.from) / span) * plotW;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  lanes.forEach((lane, index) => {
    const y = index * LANE_H;
    ctx.fillStyle = index % 2 ? '#f4f6f9' : '#ffffff';
    ctx.fillRect(0, y, width, LANE_H);
    ctx.fillStyle = '#333';
    ctx.fillText(lane.label.length > 34 ? `${lane.label.slice(0, 33)}…` : lane.label, 4, y + LANE_H / 2);
    for (const segment of lane.segments) {
      const x1 = xOf(segment.from);
      // At least a pixel: a state that lasted a moment is still seen.
      const w = Math.max(1, xOf(segment.to) - x1);
      ctx.fillStyle = stateColor(segment.state);
      ctx.fillRect(x1, y + 3, w, LANE_H - 6);
    }
    ctx.fillStyle = '#d13f3f';
    for (const mark of lane.marks) ctx.fillRect(xOf(mark.time) - 1, y + 2, 2, LANE_H - 4);
  });
  const axisY = lanes.length * LANE_H;
  ctx.fillStyle = '#555';
  for (let i = 0; i <= 4; i++) {
    const time = range.from + (span * i) / 4;
    const x = xOf(time);
    ctx.fillRect(x, axisY, 1, 5);
    ctx.textAlign = i === 0 ? 'left' : i === 4 ? 'right' : 'center';
    ctx.fillText(utc(time).slice(11), x, axisY + 14);
  }
  canvas.addEventListener('mousemove', (event) => {
    const box = canvas.getBoundingClientRect();
    const lane = lanes[Math.floor((event.clientY - box.top) / LANE_H)];
    const time = range.from + ((event.clientX - box.left - LABEL_W) / plotW) * span;
    const segment = lane?.segments.find((s) => s.from <= time && time <= s.to);
    const mark = lane?.marks.find((m) => Math.abs(xOf(m.time) - (event.clientX - box.left)) < 4);
    tip.textContent = lane
      ? `${lane.label}: ${mark ? `${mark.text} at ${utc(mark.time)}` : segment ? `${segment.state} ${utc(segment.from)} → ${utc(segment.to)}` : ''}`
      : '';
  });
  return holder;
}
