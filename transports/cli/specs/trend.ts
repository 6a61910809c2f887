import { command, LAST, NODE, PARTIAL, SOURCE, TEXT_JSON, USAGE_ERROR } from './common.js';

export const TREND = command({
  name: 'trend',
  summary: "a process' offsets over time on a node, or each servo's frequency drift (--drift)",
  maxArgs: 0,
  reads: ['cluster', 'host'],
  options: {
    source: SOURCE,
    node: { ...NODE, description: 'the node (required for the offsets; with --drift: only this node)' },
    process: {
      type: 'string',
      value: 'NAME',
      description: 'ptp4l, phc2sys or ts2phc (default ptp4l, else the first with samples)',
    },
    'config-tag': {
      type: 'string',
      value: 'TAG',
      description: 'the instance (ptp4l.0.config) when the node runs several',
    },
    last: LAST,
    buckets: {
      type: 'string',
      value: 'N',
      description: 'equal intervals the window is cut into, 1 to 200 (default 30)',
    },
    drift: {
      type: 'boolean',
      description: "per process: its servo's frequency adjustment (mean, spread) and drift per hour",
    },
    format: TEXT_JSON,
    partial: PARTIAL,
  },
  notes: [
    "The window ends where the node's data ends (--last counts back from there), never at the reader's clock.\nThe same questions as the MCP tools get_offset_trend and analyze_frequency_drift, with the same values.",
  ],
  examples: [
    'ptp-mcp trend --node worker-1',
    'ptp-mcp trend --source scenario:holdover-freerun --node bc-2 --process ts2phc --last 5m --buckets 10',
    'ptp-mcp trend --drift --format json',
  ],
  exitCodes: {
    0: 'the trend (or the drift) was computed',
    2: `a node or process the data does not have (its names listed), no samples, or a source that cannot be read; ${USAGE_ERROR}`,
  },
});
