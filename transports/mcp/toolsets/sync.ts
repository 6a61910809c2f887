import { z } from 'zod';
import { TrendBucket } from '../../../core/analysis/offset-trend.js';
import { parseDuration } from '../../../core/duration.js';
import { HoldoverEpisode, SyncLossEpisode } from '../../../core/model/episode.js';
import { NodeStatus, PortStatus, ProcessStatus } from '../../../core/model/node-status.js';
import { frequencyDriftOf } from '../../../core/queries/frequency-drift.js';
import { offsetTrendOf } from '../../../core/queries/offset-trend.js';
import { present, presentedSchema } from '../../../core/reports/presented-schema.js';
import { defineTool, lastArg, nodeArg, sourceArgs, sourceOf } from '../tool.js';
import { diagnosisFor, iso } from './diagnosis-args.js';

const common = { ...sourceArgs, node: nodeArg, last: lastArg };
const SyncFields = ProcessStatus.pick({
  name: true,
  configTag: true,
  state: true,
  servo: true,
  stateSince: true,
  lastSeen: true,
  up: true,
  restarts: true,
});
const StabilityFields = ProcessStatus.pick({
  name: true,
  configTag: true,
  servo: true,
  offset: true,
  offsetEstimated: true,
  rms: true,
  recent: true,
});

/** How well each clock holds its time: states, losses, holdovers, ports, servo and frequency. */
export const syncTools = [
  defineTool({
    name: 'analyze_sync_status',
    title: 'Analyze synchronization status',
    description:
      'Per node: its synchronization state (LOCKED, HOLDOVER, FREERUN) and which process says so, and each PTP process’ state, servo state, since when, and whether it is up.',
    input: common,
    output: {
      nodes: z.array(
        z.object({
          node: z.string(),
          role: z.string(),
          syncState: z.string(),
          syncSource: z.string().nullable(),
          processes: z.array(presentedSchema(SyncFields)),
        }),
      ),
    },
    async run(args, context) {
      const diagnosis = await diagnosisFor(args, context);
      const nodes = diagnosis.nodes.map((node) => ({
        node: node.node,
        role: node.role,
        syncState: node.hasData ? node.syncState : 'NO DATA',
        syncSource: node.syncSource,
        processes: node.processes.map((p) => present(SyncFields, SyncFields.parse(p))),
      }));
      return {
        result: { nodes },
        summary: nodes
          .map((n) => `${n.node} ${n.role} ${n.syncState}${n.syncSource ? ` (${n.syncSource})` : ''}`)
          .join('\n'),
      };
    },
  }),

  defineTool({
    name: 'detect_sync_loss',
    title: 'Detect losses of synchronization',
    description:
      'The spans in which a clock lost its time source (a slave port left SLAVE, a servo unlocked): start, end or ongoing, duration, and the event that started it.',
    input: common,
    output: { episodes: z.array(presentedSchema(SyncLossEpisode.extend({ node: z.string() }))) },
    async run(args, context) {
      const diagnosis = await diagnosisFor(args, context);
      const episodes = diagnosis.nodes.flatMap((node) =>
        node.episodes.syncLoss.map((e) => ({ node: node.node, ...present(SyncLossEpisode, e) })),
      );
      const ongoing = episodes.filter((e) => e.ongoing).map((e) => e.node);
      return {
        result: { episodes },
        summary: `${episodes.length} sync loss episode(s)${ongoing.length ? `; ongoing on ${[...new Set(ongoing)].join(', ')}` : ''}`,
      };
    },
  }),

  defineTool({
    name: 'analyze_holdover',
    title: 'Analyze holdover',
    description:
      'Holdover episodes (T-GM lost GNSS, T-BC lost its upstream): start, duration, outcome (recovered, ran out to FREERUN, ongoing), with the clock class history and the holdover findings.',
    input: common,
    output: {
      nodes: z.array(
        z.object({
          node: z.string(),
          role: z.string(),
          episodes: z.array(presentedSchema(HoldoverEpisode)),
          clockClass: presentedSchema(NodeStatus.shape.clockClass),
          findings: z.array(z.string()),
        }),
      ),
    },
    async run(args, context) {
      const diagnosis = await diagnosisFor(args, context);
      const nodes = diagnosis.nodes
        .filter((node) => args.node !== undefined || node.episodes.holdover.length > 0)
        .map((node) => ({
          node: node.node,
          role: node.role,
          episodes: node.episodes.holdover.map((e) => present(HoldoverEpisode, e)),
          clockClass: present(NodeStatus.shape.clockClass, node.clockClass),
          findings: diagnosis.findings
            .filter((f) => f.subject.node === node.node && /holdover|class|freerun/.test(f.rule))
            .map((f) => `${f.severity} ${f.rule}: ${f.message}`),
        }));
      return {
        result: { nodes },
        summary: nodes.length
          ? nodes
              .map(
                (n) =>
                  `${n.node}: ${n.episodes.map((e) => e.outcome).join(', ') || 'no holdover'}; class ${n.clockClass.current ?? '-'}`,
              )
              .join('\n')
          : 'no holdover in the data',
      };
    },
  }),

  defineTool({
    name: 'get_port_status',
    title: 'Get PTP port states',
    description:
      'Each ptp4l port: its state (SLAVE, MASTER, PASSIVE, LISTENING, FAULTY…), since when, and how many times it changed.',
    input: { ...common, interface: z.string().optional().describe('One interface, e.g. ens1f0') },
    output: { ports: z.array(presentedSchema(PortStatus.extend({ node: z.string() }))) },
    async run(args, context) {
      const diagnosis = await diagnosisFor(args, context);
      const ports = diagnosis.nodes.flatMap((node) =>
        node.ports
          .filter((p) => args.interface === undefined || p.iface === args.interface)
          .map((p) => ({ node: node.node, ...present(PortStatus, p) })),
      );
      return {
        result: { ports },
        summary:
          ports
            .map((p) => `${p.node} ${p.iface ?? p.port}: ${p.state} (${p.transitions} changes)`)
            .join('\n') || 'no ports',
      };
    },
  }),

  defineTool({
    name: 'analyze_servo_stability',
    title: 'Analyze servo stability',
    description:
      'Per process: servo state, offset statistics over the window (count, min, max, mean, stddev, p99 of |offset|, ns), the rms summaries, and |offset| of the last minute.',
    input: common,
    output: { processes: z.array(z.object({ node: z.string(), process: presentedSchema(StabilityFields) })) },
    async run(args, context) {
      const diagnosis = await diagnosisFor(args, context);
      const processes = diagnosis.nodes.flatMap((node) =>
        node.processes
          .filter((p) => p.offset.count > 0 || p.rms)
          .map((p) => ({ node: node.node, process: present(StabilityFields, StabilityFields.parse(p)) })),
      );
      return {
        result: { processes },
        summary: processes
          .map(
            ({ node, process: p }) =>
              `${node} ${p.name}${p.configTag ? `/${p.configTag}` : ''}: servo ${p.servo ?? '-'}, stddev ${p.offset.stddev ?? '-'} ns, p99 ${p.offset.p99Abs ?? '-'} ns`,
          )
          .join('\n'),
      };
    },
  }),

  defineTool({
    name: 'analyze_frequency_drift',
    title: 'Analyze frequency drift',
    description:
      'Per process: the frequency adjustment its servo applies (ppb: mean, spread) and its drift over the window (ppb per hour, least squares): an ageing oscillator or a temperature swing.',
    input: common,
    output: {
      processes: z.array(
        z.object({
          node: z.string(),
          name: z.string(),
          configTag: z.string().nullable(),
          meanPpb: z.number().nullable(),
          stddevPpb: z.number().nullable(),
          driftPpbPerHour: z.number().nullable(),
          samples: z.number().int(),
        }),
      ),
    },
    async run(args, context) {
      const lastMs = args.last === undefined ? undefined : parseDuration(args.last);
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const processes = frequencyDriftOf(await diagnosisFor(args, context), snapshot, lastMs);
      return {
        result: { processes },
        summary:
          processes
            .map(
              (p) =>
                `${p.node} ${p.name}: mean ${p.meanPpb ?? '-'} ppb, drift ${p.driftPpbPerHour ?? '-'} ppb/h`,
            )
            .join('\n') || 'no servo samples',
      };
    },
  }),

  defineTool({
    name: 'get_offset_trend',
    title: 'Get the offset trend',
    description:
      'A process’ offsets over time in equal intervals (min, max, mean, max |offset| in ns, mean frequency in ppb): how the offset evolved, e.g. before and after a fault.',
    input: {
      ...sourceArgs,
      node: z.string().describe('The node'),
      process: z
        .string()
        .optional()
        .describe('ptp4l, phc2sys or ts2phc; by default ptp4l, else the first with samples'),
      configTag: z.string().optional().describe('The instance (ptp4l.0.config) when the node runs several'),
      last: lastArg,
      buckets: z.number().int().min(1).max(200).default(30),
    },
    output: {
      node: z.string(),
      process: z.string(),
      configTag: z.string().nullable(),
      from: z
        .enum(['offsets', 'summaries'])
        .describe('Per-update offsets, or the maxima of rms summary lines'),
      buckets: z.array(TrendBucket.extend({ from: z.string().nullable(), to: z.string().nullable() })),
    },
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const node = snapshot.nodes[0]!;
      const trend = offsetTrendOf(node, {
        process: args.process,
        configTag: args.configTag,
        lastMs: args.last === undefined ? undefined : parseDuration(args.last),
        buckets: args.buckets,
      });
      const buckets = trend.buckets.map((b) => ({ ...b, from: iso(b.from), to: iso(b.to) }));
      const { process, configTag } = trend;
      const worst = Math.max(...buckets.map((b) => b.maxAbsNs ?? 0));
      return {
        result: {
          node: node.name,
          process,
          configTag,
          from: trend.from,
          buckets,
        },
        summary: `${process}${configTag ? `/${configTag}` : ''} on ${node.name}${trend.from === 'summaries' ? ' (maxima of its rms summaries)' : ''}: ${buckets.length} interval(s) from ${iso(trend.start)} to ${iso(trend.end)}, worst |offset| ${worst} ns`,
      };
    },
  }),
];
