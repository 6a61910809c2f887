import { frequencyDrift } from '../analysis/offset-trend.js';
import type { Diagnosis } from '../model/diagnosis.js';
import { type Snapshot, seriesKey } from '../model/snapshot.js';

/** One process' frequency adjustment and its drift over the window (an ageing oscillator, a temperature swing). */
export interface ProcessFrequency {
  node: string;
  name: string;
  configTag: string | null;
  meanPpb: number | null;
  stddevPpb: number | null;
  driftPpbPerHour: number | null;
  samples: number;
}

/**
 * "How does each servo's frequency drift?": per process with frequency samples, the mean and spread of
 * the adjustment (from the diagnosis) and its least-squares drift over the window, which ends where the
 * node's data ends (`lastMs` before it, else from its first line): never the reader's clock.
 */
export function frequencyDriftOf(
  diagnosis: Diagnosis,
  snapshot: Snapshot,
  lastMs?: number,
): ProcessFrequency[] {
  return diagnosis.nodes.flatMap((status) => {
    const node = snapshot.nodes.find((n) => n.name === status.node);
    const end = status.timeRange.last?.wall;
    const start =
      lastMs === undefined ? status.timeRange.first?.wall : end === undefined ? undefined : end - lastMs;
    return status.processes
      .filter((process) => process.freq.count > 0)
      .map((process) => {
        const series = node?.series.get(seriesKey(process.name, process.configTag));
        const drift =
          series && end !== undefined && start !== undefined
            ? frequencyDrift(series, start, end)
            : { samples: 0, ppbPerHour: null };
        return {
          node: status.node,
          name: process.name,
          configTag: process.configTag,
          meanPpb: process.freq.mean,
          stddevPpb: process.freq.stddev,
          driftPpbPerHour: drift.ppbPerHour,
          samples: drift.samples,
        };
      });
  });
}
