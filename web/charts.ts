import uPlot from 'uplot';
import type { TimelineView } from '../core/reports/dashboard/view-schema.js';
import { el } from './dom.js';

const PALETTE = ['#3a78c9', '#d9822b', '#7a4fc9', '#2e9b8f', '#c94f7a', '#6b8e23', '#8a6d3b'];
const UTC = (seconds: number) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC');

/** Time ticks in UTC and 24 hours, as the data and the rest of the page state times. */
const TIME_AXIS: uPlot.Axis = {
  values: (u, splits) => {
    const span = (u.scales.x!.max ?? 0) - (u.scales.x!.min ?? 0);
    const [from, to] = span > 2 * 86_400 ? [0, 10] : span > 600 ? [11, 16] : [11, 19];
    return splits.map((s) => new Date(s * 1000).toISOString().slice(from, to));
  },
};

/**
 * |offset| of each process over time, as the server reduced it (min and max per pixel column, drawn as a
 * band), with the ptpClockThreshold bound shaded: a day of 16 Hz offsets is two values per pixel.
 */
export function offsetChart(timeline: TimelineView, thresholdNs: number | null, width: number): HTMLElement {
  const holder = el('div', { class: 'chart', 'data-chart': 'offsets' });
  const offsets = timeline.offsets;
  if (offsets.length === 0 || !timeline.range) {
    holder.append(el('p', { class: 'muted' }, 'No offsets in the data.'));
    return holder;
  }
  const tables = offsets.map((s) => [s.time.map((t) => t / 1000), s.max, s.min] as uPlot.AlignedData);
  const data = tables.length === 1 ? tables[0]! : uPlot.join(tables);
  const series: uPlot.Series[] = [{}];
  const bands: uPlot.Band[] = [];
  offsets.forEach((s, index) => {
    const color = PALETTE[index % PALETTE.length]!;
    const note = s.from === 'summaries' ? ' (rms summary maxima)' : s.thinned ? ' (thinned)' : '';
    series.push(
      { label: `${s.label} max${note}`, stroke: color, width: 1, spanGaps: false },
      { label: `${s.label} min`, stroke: color, width: 1, spanGaps: false, alpha: 0.5 },
    );
    bands.push({ series: [1 + index * 2, 2 + index * 2], fill: `${color}33` });
  });
  const threshold = thresholdNs ?? 0;
  new uPlot(
    {
      width,
      height: 260,
      title: '|offset| (ns), min and max per pixel',
      tzDate: UTC,
      scales: {
        x: { time: true, min: timeline.range.from / 1000, max: timeline.range.to / 1000 },
        // arcsinh: linear near zero, logarithmic beyond, so a start-up step of a millisecond leaves
        // nanoseconds readable (a log scale cannot show an |offset| of 0).
        y: { distr: 4, asinh: 1, range: (_u, _min, max) => [0, Math.max(max, threshold * 1.2, 1)] },
      },
      series,
      bands,
      axes: [TIME_AXIS, { label: 'ns', size: 70 }],
      hooks: thresholdNs === null ? {} : { drawClear: [(u) => shadeBelow(u, threshold)] },
    },
    data,
    holder,
  );
  return holder;
}

/** The allowed |offset| region, 0 to the threshold, under the series, and its bound as a dashed line. */
function shadeBelow(u: uPlot, threshold: number): void {
  const { ctx } = u;
  const top = u.valToPos(threshold, 'y', true);
  const bottom = u.valToPos(0, 'y', true);
  ctx.save();
  ctx.fillStyle = 'rgba(46, 155, 79, 0.12)';
  ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
  ctx.strokeStyle = 'rgba(46, 155, 79, 0.9)';
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(u.bbox.left, top);
  ctx.lineTo(u.bbox.left + u.bbox.width, top);
  ctx.stroke();
  ctx.restore();
}

/** The clock class over time, in steps (a class holds until the next change). */
export function clockClassChart(timeline: TimelineView, width: number): HTMLElement {
  const holder = el('div', { class: 'chart', 'data-chart': 'clock-class' });
  const { time, value } = timeline.clockClass;
  if (time.length === 0 || !timeline.range) {
    holder.append(el('p', { class: 'muted' }, 'No clock class in the data.'));
    return holder;
  }
  new uPlot(
    {
      width,
      height: 160,
      title: 'clock class',
      tzDate: UTC,
      scales: {
        x: { time: true, min: timeline.range.from / 1000, max: timeline.range.to / 1000 },
        y: { range: (_u, min, max) => [Math.max(0, min - 10), max + 10] },
      },
      series: [
        {},
        { label: 'class', stroke: '#7a4fc9', width: 2, paths: uPlot.paths.stepped?.({ align: 1 }) },
      ],
      axes: [TIME_AXIS, { size: 70 }],
    },
    [time.map((t) => t / 1000), value],
    holder,
  );
  return holder;
}
