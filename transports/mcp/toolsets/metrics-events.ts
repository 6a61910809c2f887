import { z } from 'zod';
import { CloudEvent, CloudEventKind } from '../../../core/model/cloud-event.js';
import { PtpMetric } from '../../../core/model/metrics.js';
import { defineTool, nodeArg, pageArgs, pageOutput, paginate, sourceArgs, sourceOf } from '../tool.js';

const RESOURCES = [
  'lock-state',
  'os-clock-sync-state',
  'clock-class',
  'gnss-sync-status',
  'sync-state',
] as const;

/** What the daemon exports: its Prometheus metrics, decoded, and the O-RAN events it published. */
export const metricsEventTools = [
  defineTool({
    name: 'get_ptp_metrics',
    title: 'Get PTP metrics',
    description:
      'The openshift_ptp_* metrics of each node’s daemon (offset, max offset, frequency adjustment, delay, clock state, clock class, interface role, process status, restarts, threshold), with enumerated values decoded (LOCKED, SLAVE, FAULTY…).',
    input: {
      ...sourceArgs,
      node: nodeArg,
      metric: z
        .string()
        .optional()
        .describe('One metric without openshift_ptp_, e.g. offset_ns or clock_state'),
      ...pageArgs,
    },
    output: { metrics: z.array(PtpMetric), ...pageOutput },
    openWorld: true,
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const all = snapshot.nodes.flatMap((node) =>
        (node.metrics ?? []).map((m) => ({ ...m, node: m.node ?? node.name })),
      );
      const metrics = all.filter(
        (m) => args.metric === undefined || m.metric === args.metric.replace(/^openshift_ptp_/, ''),
      );
      const page = paginate(metrics, args.limit, args.cursor);
      const states = metrics
        .filter((m) => m.metric === 'clock_state')
        .map((m) =>
          `${m.node} ${m.process ?? ''} ${m.iface ?? ''} ${m.decoded ?? m.value}`.replace(/\s+/g, ' '),
        );
      return {
        result: { metrics: page.items, total: page.total, nextCursor: page.nextCursor },
        summary: `${page.total} sample(s)${states.length ? `; clock states: ${states.slice(0, 10).join('; ')}` : ''}`,
      };
    },
  }),

  defineTool({
    name: 'get_cloud_events',
    title: 'Get O-RAN cloud events',
    description:
      'The O-RAN O-Cloud notification events cloud-event-proxy published for each node (lock-state, clock-class, os-clock-sync-state, gnss-sync-status, sync-state), oldest first, with their time, state and value.',
    input: { ...sourceArgs, node: nodeArg, kind: CloudEventKind.optional(), ...pageArgs },
    output: { events: z.array(CloudEvent), ...pageOutput },
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const events = snapshot.nodes
        .flatMap((n) => n.cloudEvents)
        .filter((e) => args.kind === undefined || e.kind === args.kind);
      const page = paginate(events, args.limit, args.cursor);
      return {
        result: { events: page.items, total: page.total, nextCursor: page.nextCursor },
        summary: `${page.total} event(s)${args.kind ? ` of ${args.kind}` : ''}`,
      };
    },
  }),

  defineTool({
    name: 'get_current_state',
    title: 'Get the current PTP state (O-RAN CurrentState)',
    description:
      'The latest value of each O-RAN resource per node, as an O-RAN consumer’s CurrentState would answer: lock-state, os-clock-sync-state, clock-class, gnss-sync-status, sync-state.',
    input: { ...sourceArgs, node: nodeArg, resource: z.enum(RESOURCES).optional() },
    output: {
      states: z.array(
        z.object({
          node: z.string(),
          resource: z.string(),
          state: z.string().nullable(),
          value: z.number().nullable(),
          time: z.string().nullable(),
        }),
      ),
    },
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const states = snapshot.nodes.flatMap((node) =>
        RESOURCES.filter((r) => args.resource === undefined || r === args.resource).flatMap((resource) => {
          const last = node.cloudEvents.filter((e) => e.kind === resource).at(-1);
          return last
            ? [{ node: node.name, resource, state: last.state, value: last.metric, time: last.time }]
            : [];
        }),
      );
      return {
        result: { states },
        summary:
          states
            .map(
              (s) => `${s.node} ${s.resource}: ${s.state ?? s.value ?? '-'}${s.time ? ` at ${s.time}` : ''}`,
            )
            .join('\n') || 'no events recorded',
      };
    },
  }),
];
