import type { LogReport, ProcessReport } from '../../../core/reports/log-report.js';
import type { PresentedTime } from '../../../core/reports/time-format.js';
import { formatNumber, renderTable } from './table.js';

const LIST_LIMIT = 15;

/** The human form of `logs analyze`: totals, one row per process instance, then what changed. */
export function renderLogReport(report: LogReport): string {
  const { lines } = report;
  const out: string[] = [];
  if (report.source) out.push(`log: ${report.source}`);
  out.push(
    `lines: ${lines.total} total, ${lines.parsed} parsed (${lines.specific} specific, ${lines.generic} generic), ` +
      `${lines.unparsed} unparsed, ${lines.blank} blank${lines.truncated ? `, ${lines.truncated} truncated` : ''}`,
  );
  out.push(`time range: ${when(report.timeRange.first)} .. ${when(report.timeRange.last)}`);
  if (report.yearlessUnresolved > 0) {
    out.push(
      `note: ${report.yearlessUnresolved} dates carry no year and none was found in the log; pass --year`,
    );
  }
  out.push('');
  out.push(
    renderTable(
      [
        'PROCESS',
        'CONFIG',
        'LINES',
        'SERVO s0/s1/s2/s3',
        'OFFSET ns min/mean/max',
        'STDDEV',
        'P99|x|',
        'FAULTS',
      ],
      report.processes.map((p) => [
        p.name,
        p.configTag ?? '-',
        p.lines,
        p.offset.count > 0 ? `${p.servo.s0}/${p.servo.s1}/${p.servo.s2}/${p.servo.s3}` : '-',
        p.offset.count > 0
          ? `${formatNumber(p.offset.min)}/${formatNumber(p.offset.mean, 1)}/${formatNumber(p.offset.max)}`
          : p.rms
            ? `rms ${formatNumber(p.rms.rmsMean, 1)} max ${formatNumber(p.rms.maxAbs)}`
            : '-',
        formatNumber(p.offset.stddev, 1),
        formatNumber(p.offset.p99Abs),
        p.faults.length,
      ]),
    ),
  );
  for (const process of report.processes) out.push(...renderEvents(process));
  if (report.unparsedExamples.length > 0) {
    out.push('', 'unparsed lines (first ones):');
    for (const example of report.unparsedExamples) out.push(`  ${example.line}: ${example.text}`);
  }
  return `${out.join('\n')}\n`;
}

function renderEvents(process: ProcessReport): string[] {
  const events: [PresentedTime, string][] = [
    ...process.portTransitions.map((t): [PresentedTime, string] => [
      t,
      `port ${t.port ?? '?'}${t.iface ? ` (${t.iface})` : ''}: ${t.from} -> ${t.to}${t.event ? ` on ${t.event}` : ''}${t.fault ? ` (${t.fault})` : ''}`,
    ]),
    ...process.faults
      .filter((f) => f.kind !== 'portFaulty')
      .map((f): [PresentedTime, string] => [f, `fault ${f.kind}: ${f.detail}`]),
    ...process.gmChanges.map((g): [PresentedTime, string] => [
      g,
      `grandmaster ${g.gmIdentity}${g.local ? ' (local clock)' : ''}`,
    ]),
    ...process.clockClassChanges.map((c): [PresentedTime, string] => [
      c,
      `clock class ${c.previous ?? '-'} -> ${c.clockClass}`,
    ]),
    ...process.stateChanges.map((s): [PresentedTime, string] => [
      s,
      `${s.iface ?? ''} state ${s.from ?? '-'} -> ${s.to}${s.offset !== undefined ? ` (offset ${s.offset})` : ''}`,
    ]),
    ...process.fsmTransitions.map((f): [PresentedTime, string] => [f, `${f.machine} ${f.from} -> ${f.to}`]),
    ...process.statusChanges.map((s): [PresentedTime, string] => [s, `process ${s.up ? 'UP' : 'DOWN'}`]),
  ];
  if (events.length === 0) return [];
  events.sort((a, b) => sortKey(a[0]) - sortKey(b[0]));
  const shown = events.slice(0, LIST_LIMIT).map(([time, text]) => `  ${when(time)}  ${text}`);
  if (events.length > LIST_LIMIT) shown.push(`  … ${events.length - LIST_LIMIT} more (see --format json)`);
  return ['', `${process.name} ${process.configTag ?? ''}`.trimEnd(), ...shown];
}

function when(time: PresentedTime): string {
  if (time.time) return time.time;
  return time.mono !== undefined ? `mono ${time.mono.toFixed(3)}` : '-';
}

function sortKey(time: PresentedTime): number {
  return time.time ? Date.parse(time.time) : (time.mono ?? 0);
}
