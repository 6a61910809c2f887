import { z } from 'zod';
import { mapWithConcurrency } from '../../../core/concurrency.js';
import { parseDuration } from '../../../core/duration.js';
import { CloudEvent, CloudEventKind } from '../../../core/model/cloud-event.js';
import { PtpMetric } from '../../../core/model/metrics.js';
import { latest, PtpSeries, ptpSeries } from '../../../plugins/metrics/ptp-series.js';
import {
  defineTool,
  nodeArg,
  pageArgs,
  pageOutput,
  paginate,
  sourceArgs,
  sourceOf,
  ToolInputError,
} from '../tool.js';

const RESOURCES = [
  'lock-state',
  'os-clock-sync-state',
  'clock-class',
  'gnss-sync-status',
  'sync-state',
] as const;

/** How many nodes' publishers get_current_state asks at once. */
const PUBLISHERS_AT_ONCE = 8;

function stateOf(node: string, resource: string, event: CloudEvent, origin: 'publisher' | 'events') {
  return { node, resource, state: event.state, value: event.metric, time: event.time, origin };
}

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
      over: z
        .string()
        .regex(/^(\d+(\.\d+)?(s|m|h|d))+$/)
        .optional()
        .describe(
          'Series over this long up to now from Prometheus/Thanos (when the server has one), e.g. 1h',
        ),
      ...pageArgs,
    },
    output: { metrics: z.array(PtpMetric), series: z.array(PtpSeries).optional(), ...pageOutput },
    openWorld: true,
    async run(args, context) {
      if (args.over !== undefined) {
        if (!context.prometheus)
          throw new ToolInputError(
            'no Prometheus configured (serve --prometheus URL): metrics over time are not available; without over, the daemon’s last scrape',
          );
        // A live range ends now; every point carries Prometheus' own sample time.
        const to = Date.now();
        const from = to - (parseDuration(args.over) ?? 0);
        const series = await ptpSeries(context.prometheus, {
          node: args.node,
          metrics: args.metric ? [args.metric.replace(/^openshift_ptp_/, '')] : undefined,
          from,
          to,
          stepSeconds: Math.max(1, Math.round((to - from) / 1000 / 120)),
        });
        const page = paginate(series, args.limit, args.cursor);
        return {
          result: {
            metrics: latest(page.items),
            series: page.items,
            total: page.total,
            nextCursor: page.nextCursor,
          },
          summary: `${page.total} series over ${args.over} from Prometheus`,
        };
      }
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const all = snapshot.nodes.flatMap((node) =>
        (node.metrics ?? []).map((m) => ({ ...m, node: m.node ?? node.name })),
      );
      const metrics = all.filter(
        (m) => args.metric === undefined || m.metric === args.metric.replace(/^openshift_ptp_/, ''),
      );
      if (args.metric !== undefined && metrics.length === 0 && all.length > 0)
        throw new ToolInputError(
          `no metric "${args.metric}"${args.node ? ` on ${args.node}` : ''}; there are: ${[...new Set(all.map((m) => m.metric))].sort().join(', ')}`,
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
      'The latest value of each O-RAN resource per node: lock-state, os-clock-sync-state, clock-class, gnss-sync-status, sync-state. On the live cluster, when the server follows its events (serve --events-listen), each node’s publisher is asked (CurrentState); otherwise, or when a publisher does not answer, the last event heard or recorded.',
    input: { ...sourceArgs, node: nodeArg, resource: z.enum(RESOURCES).optional() },
    output: {
      states: z.array(
        z.object({
          node: z.string(),
          resource: z.string(),
          state: z.string().nullable(),
          value: z.number().nullable(),
          time: z.string().nullable(),
          origin: z
            .enum(['publisher', 'events'])
            .describe('Asked of the publisher now, or the last event heard or recorded'),
        }),
      ),
      warnings: z.array(z.string()),
    },
    async run(args, context) {
      const source = sourceOf(args, context);
      const snapshot = await context.cache.snapshot({ source, node: args.node });
      const wanted = RESOURCES.filter((r) => args.resource === undefined || r === args.resource);
      // The server follows the events of the cluster of its own context only.
      const ask = source === 'cluster' ? context.currentState : undefined;
      const warnings: string[] = [];
      const perNode = await mapWithConcurrency(snapshot.nodes, PUBLISHERS_AT_ONCE, (node) =>
        Promise.all(
          wanted.map(async (resource) => {
            if (ask) {
              try {
                return stateOf(node.name, resource, await ask(node.name, resource), 'publisher');
              } catch (error) {
                warnings.push(
                  `${node.name} ${resource}: ${(error as Error).message}; the last event heard is shown`,
                );
              }
            }
            const last = node.cloudEvents.filter((e) => e.kind === resource).at(-1);
            return last ? stateOf(node.name, resource, last, 'events') : null;
          }),
        ),
      );
      const states = perNode.flat().filter((state) => state !== null);
      return {
        result: { states, warnings },
        summary:
          [
            ...states.map(
              (s) => `${s.node} ${s.resource}: ${s.state ?? s.value ?? '-'}${s.time ? ` at ${s.time}` : ''}`,
            ),
            ...warnings,
          ].join('\n') || 'no events recorded',
      };
    },
  }),
];
