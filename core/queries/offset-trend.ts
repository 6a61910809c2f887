import { offsetTrend, type TrendBucket } from '../analysis/offset-trend.js';
import type { NodeSnapshot } from '../model/snapshot.js';
import { SourceError } from '../sources/source-error.js';

export interface OffsetTrendRequest {
  /** ptp4l, phc2sys or ts2phc; by default ptp4l, else the first with samples. */
  process?: string;
  /** The instance (ptp4l.0.config) when the node runs several. */
  configTag?: string;
  /** Only the last part of the node's data, counted back from its last line. */
  lastMs?: number;
  buckets: number;
}

export interface OffsetTrendAnswer {
  process: string;
  configTag: string | null;
  /** Per-update offsets, or the maxima of rms summary lines (a process that prints only those). */
  from: 'offsets' | 'summaries';
  /** The window, in data time. */
  start: number;
  end: number;
  buckets: TrendBucket[];
}

/**
 * "How did a process' offset evolve on a node?": its offsets in equal intervals over the window, which
 * ends with the node's log. Per-update offsets first; a process that prints only rms summaries has their
 * maxima. A process without samples, or a log without wall times, is a SourceError naming what there is.
 */
export function offsetTrendOf(node: NodeSnapshot, request: OffsetTrendRequest): OffsetTrendAnswer {
  const processes = request.process ? [request.process] : ['ptp4l', 'phc2sys', 'ts2phc'];
  const keys = [...node.series.keys()].filter(
    (key) => request.configTag === undefined || key.split('|')[1] === request.configTag,
  );
  const key = processes.flatMap((process) => [
    ...keys.filter((k) => k.startsWith(`${process}|`) && !k.endsWith('|rms')),
    ...keys.filter((k) => k.startsWith(`${process}|`) && k.endsWith('|rms')),
  ])[0];
  if (!key)
    throw new SourceError(
      `no ${request.process ?? 'servo'} samples on ${node.name}; there are: ${[...node.series.keys()].map(seriesName).join(', ') || 'none'}`,
    );
  const end = node.logs?.timeRange.last?.wall;
  const first = node.logs?.timeRange.first?.wall;
  if (end === undefined || first === undefined)
    throw new SourceError(`the log of ${node.name} has no wall times to place offsets on`);
  const start = request.lastMs === undefined ? first : Math.max(first, end - request.lastMs);
  const [process, tag, kind] = key.split('|');
  return {
    process: process!,
    configTag: tag || null,
    from: kind === 'rms' ? 'summaries' : 'offsets',
    start,
    end,
    buckets: offsetTrend(node.series.get(key)!, start, end, request.buckets),
  };
}

/** A series as a user names it: `ptp4l [ptp4l.0.config] (rms summaries)`, not its internal key. */
function seriesName(key: string): string {
  const [process, tag, kind] = key.split('|');
  return `${process}${tag ? ` [${tag}]` : ''}${kind === 'rms' ? ' (rms summaries)' : ''}`;
}
