import { z } from 'zod';
import { Evidence, Health, Severity } from '../../model/finding.js';

/**
 * What the dashboard and the HTML reports draw, as JSON: the browser bundle (web/) renders these and
 * nothing else, so the page served by `serve --http`, `diagnose --format html` and `logs analyze --format
 * html` show the same analysis the MCP tools answer with. Times are epoch ms of the data.
 */

/** The time span of the data shown, from the data (never the clock of the machine that shows it). */
export const DataTime = z.object({
  first: z.number().nullable(),
  last: z.number().nullable(),
  recordedAt: z.string().nullable(),
});

export const NodeRow = z.object({
  node: z.string(),
  health: Health,
  role: z.string(),
  state: z.string(),
  syncSource: z.string().nullable(),
  grandmaster: z.string().nullable(),
  grandmasterLocal: z.boolean(),
  clockClass: z.number().nullable(),
  /** |offset| over the last minute of the process that decides the node's lock state. */
  offsetAbsNs: z.number().nullable(),
  offsetProcess: z.string().nullable(),
  holdover: z
    .object({ outcome: z.string(), start: z.number().nullable(), durationMs: z.number().nullable() })
    .nullable(),
  findings: z.number().int(),
});
export type NodeRow = z.infer<typeof NodeRow>;

export const HierarchyEdge = z.object({
  node: z.string(),
  role: z.string(),
  health: Health,
  parentNode: z.string().nullable(),
  stepsRemoved: z.number().nullable(),
  /** The grandmaster's class as this clock receives it. */
  gmClockClass: z.number().nullable(),
  ownGrandmaster: z.boolean(),
  actingGrandmaster: z.boolean(),
  /** An upstream outside the data (its port identity). */
  externalParent: z.string().nullable(),
});

export const FindingView = z.object({
  severity: Severity,
  rule: z.string(),
  title: z.string(),
  node: z.string().nullable(),
  process: z.string().nullable(),
  message: z.string(),
  evidence: z.array(Evidence),
  remediation: z.string().nullable(),
});

export const ClusterView = z.object({
  kind: z.literal('cluster'),
  origin: z.string(),
  cluster: z.string(),
  dataTime: DataTime,
  health: Health,
  partial: z.array(z.string()).nullable(),
  nodes: z.array(NodeRow),
  hierarchy: z.array(HierarchyEdge),
  /** Findings about the cluster as a whole (a node's are on its page). */
  clusterFindings: z.array(FindingView),
  warnings: z.number().int(),
});
export type ClusterView = z.infer<typeof ClusterView>;

/** One process' |offset| (ns), min and max per pixel column. */
export const OffsetSeriesView = z.object({
  label: z.string(),
  /** Per-update offsets, or the maxima of rms summary lines. */
  from: z.enum(['offsets', 'summaries']),
  samples: z.number().int(),
  /** The process printed more samples than were kept (evenly thinned). */
  thinned: z.boolean(),
  time: z.array(z.number()),
  min: z.array(z.number()),
  max: z.array(z.number()),
});
export type OffsetSeriesView = z.infer<typeof OffsetSeriesView>;

/** A state over time: each segment lasts until the next one (the last until the end of the data). */
export const Lane = z.object({
  group: z.enum(['sync', 'servo', 'port', 'gnss', 'dpll', 'episode', 'fault']),
  label: z.string(),
  segments: z.array(z.object({ from: z.number(), to: z.number(), state: z.string() })),
  /** Moments (faults), drawn as marks. */
  marks: z.array(z.object({ time: z.number(), text: z.string() })),
});
export type Lane = z.infer<typeof Lane>;

/** The time-axis part of a node page and of a log report. */
export const TimelineView = z.object({
  range: z.object({ from: z.number(), to: z.number() }).nullable(),
  offsets: z.array(OffsetSeriesView),
  clockClass: z.object({ time: z.array(z.number()), value: z.array(z.number()) }),
  lanes: z.array(Lane),
});
export type TimelineView = z.infer<typeof TimelineView>;

export const NodeView = z.object({
  kind: z.literal('node'),
  origin: z.string(),
  dataTime: DataTime,
  row: NodeRow,
  /** The |offset| bound (ptpClockThreshold) the node's lock state is judged against, in ns. */
  thresholdNs: z.number(),
  thresholdDeclared: z.boolean(),
  timeline: TimelineView,
  ports: z.array(
    z.object({
      configTag: z.string().nullable(),
      port: z.string(),
      state: z.string(),
      since: z.number().nullable(),
      transitions: z.number().int(),
    }),
  ),
  states: z.array(
    z.object({
      process: z.string(),
      iface: z.string(),
      state: z.string(),
      since: z.number().nullable(),
      values: z.record(z.string(), z.number()),
    }),
  ),
  episodes: z.array(
    z.object({
      kind: z.enum(['sync loss', 'holdover']),
      what: z.string(),
      start: z.number().nullable(),
      end: z.number().nullable(),
      durationMs: z.number().nullable(),
      outcome: z.string(),
    }),
  ),
  findings: z.array(FindingView),
});
export type NodeView = z.infer<typeof NodeView>;

export const LogView = z.object({
  kind: z.literal('log'),
  source: z.string(),
  dataTime: DataTime,
  lines: z.object({ total: z.number().int(), parsed: z.number().int(), unparsed: z.number().int() }),
  timeline: TimelineView,
  faults: z.array(
    z.object({ time: z.number().nullable(), process: z.string(), kind: z.string(), detail: z.string() }),
  ),
  warnings: z.array(z.string()),
});
export type LogView = z.infer<typeof LogView>;

/** What an HTML report embeds: a diagnosis (its cluster view and every node's page) or one log. */
export const ReportData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('diagnosis'), cluster: ClusterView, nodes: z.record(z.string(), NodeView) }),
  LogView,
]);
export type ReportData = z.infer<typeof ReportData>;
