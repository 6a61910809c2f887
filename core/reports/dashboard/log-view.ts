import type { LogAnalyzer } from '../../analysis/log-analyzer.js';
import { logAnalysisWarnings } from '../../analysis/log-warnings.js';
import type { LogAnalysis } from '../../model/log-analysis.js';
import type { SampleSeries } from '../../model/sample-series.js';
import { seriesKey } from '../../model/snapshot.js';
import { timelineView } from './timeline-view.js';
import type { LogView } from './view-schema.js';

/** Offset samples an analyzer keeps per process for the plot of `logs analyze --format html`. */
export const LOG_PLOT_SAMPLES = 65_536;

/**
 * One log on one time axis: each process' |offset| (min and max per pixel column), servo states, port
 * transitions, daemon states and faults; the analyzer must have kept samples (`maxSamples`).
 */
export function logView(
  analysis: LogAnalysis,
  analyzer: LogAnalyzer,
  source: string,
  width?: number,
): LogView {
  const series = new Map<string, SampleSeries>();
  for (const process of analysis.processes) {
    const offsets = analyzer.samplesOf(process.name, process.configTag);
    const rms = analyzer.rmsSamplesOf(process.name, process.configTag);
    if (offsets) series.set(seriesKey(process.name, process.configTag), offsets);
    if (rms) series.set(seriesKey(process.name, process.configTag, 'rms'), rms);
  }
  const first = analysis.timeRange.first?.wall;
  const last = analysis.timeRange.last?.wall;
  return {
    kind: 'log',
    source,
    dataTime: { first: first ?? null, last: last ?? null, recordedAt: null },
    lines: { total: analysis.lines.total, parsed: analysis.lines.parsed, unparsed: analysis.lines.unparsed },
    timeline: timelineView({
      range: first !== undefined && last !== undefined ? { from: first, to: last } : null,
      processes: analysis.processes,
      series,
      clockClassChanges: analysis.processes.flatMap((p) => p.clockClassChanges),
      width,
    }),
    faults: analysis.processes
      .flatMap((p) =>
        p.faults.map((f) => ({
          time: f.time.wall ?? null,
          process: `${p.name}${p.configTag ? ` ${p.configTag}` : ''}`,
          kind: f.kind,
          detail: f.detail,
        })),
      )
      .sort((a, b) => (a.time ?? 0) - (b.time ?? 0)),
    warnings: logAnalysisWarnings(analysis),
  };
}
