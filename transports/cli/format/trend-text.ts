import type { ProcessFrequency } from '../../../core/queries/frequency-drift.js';
import type { OffsetTrendAnswer } from '../../../core/queries/offset-trend.js';
import { formatNumber, renderTable } from './table.js';

const iso = (wall: number) => new Date(wall).toISOString();

/** The trend as get_offset_trend's structured result has it (times in ISO 8601), with its window. */
export function trendJson(node: string, trend: OffsetTrendAnswer): string {
  const { process, configTag, from, start, end } = trend;
  const buckets = trend.buckets.map((b) => ({ ...b, from: iso(b.from), to: iso(b.to) }));
  return `${JSON.stringify({ node, process, configTag, from, start: iso(start), end: iso(end), buckets }, null, 2)}\n`;
}

/** One line per interval: its start (data time), samples, offsets in ns and mean frequency in ppb. */
export function renderTrend(node: string, trend: OffsetTrendAnswer): string {
  const what = `${trend.process}${trend.configTag ? `/${trend.configTag}` : ''} on ${node}`;
  const kind = trend.from === 'summaries' ? ' (maxima of its rms summaries)' : '';
  const worst = Math.max(0, ...trend.buckets.map((b) => b.maxAbsNs ?? 0));
  return `${what}${kind}: ${trend.buckets.length} interval(s) from ${iso(trend.start)} to ${iso(trend.end)}, worst |offset| ${formatNumber(worst)} ns

${renderTable(
  ['FROM', 'SAMPLES', 'MIN NS', 'MAX NS', 'MEAN NS', 'MAX |NS|', 'FREQ PPB'],
  trend.buckets.map((b) => [
    iso(b.from),
    b.count,
    formatNumber(b.minNs),
    formatNumber(b.maxNs),
    formatNumber(b.meanNs, 1),
    formatNumber(b.maxAbsNs),
    formatNumber(b.meanFreqPpb, 1),
  ]),
)}
`;
}

/** As analyze_frequency_drift's structured result has it. */
export function driftJson(processes: ProcessFrequency[]): string {
  return `${JSON.stringify({ processes }, null, 2)}\n`;
}

/** One line per process with frequency samples: mean and spread of its adjustment, and its drift. */
export function renderDrift(processes: ProcessFrequency[]): string {
  if (processes.length === 0) return 'no servo frequency samples\n';
  return `${renderTable(
    ['NODE', 'PROCESS', 'MEAN PPB', 'STDDEV PPB', 'DRIFT PPB/H', 'SAMPLES'],
    processes.map((p) => [
      p.node,
      `${p.name}${p.configTag ? `/${p.configTag}` : ''}`,
      formatNumber(p.meanPpb, 1),
      formatNumber(p.stddevPpb, 1),
      formatNumber(p.driftPpbPerHour, 1),
      p.samples,
    ]),
  )}\n`;
}
