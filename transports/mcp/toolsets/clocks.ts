import { z } from 'zod';
import { Traceability, timingTraceability } from '../../../core/analysis/timing-traceability.js';
import { ClockHierarchy } from '../../../core/model/clock-hierarchy.js';
import { CloudEvent } from '../../../core/model/cloud-event.js';
import { IfaceState, NodeStatus } from '../../../core/model/node-status.js';
import { present, presentedSchema } from '../../../core/reports/presented-schema.js';
import { defineTool, lastArg, nodeArg, sourceArgs, sourceOf } from '../tool.js';
import { diagnosisFor } from './diagnosis-args.js';

const common = { ...sourceArgs, node: nodeArg, last: lastArg };

/** Where time comes from: grandmasters, the hierarchy, GNSS, and whether it traces to a reference. */
export const clockTools = [
  defineTool({
    name: 'get_grandmaster_status',
    title: 'Get grandmaster status',
    description:
      'Which grandmaster each node follows (identity, whether it is the node itself, since when, how often it changed), the class it announces as each clock receives it, and the grandmaster node’s own state.',
    input: common,
    output: {
      nodes: z.array(
        z.object({
          node: z.string(),
          grandmaster: presentedSchema(NodeStatus.shape.grandmaster),
          grandmasterNode: z.string().nullable(),
          gmClockClass: z.number().nullable(),
          stepsRemoved: z.number().nullable(),
        }),
      ),
      grandmasters: z.array(
        z.object({ node: z.string(), syncState: z.string(), clockClass: z.number().nullable() }),
      ),
    },
    async run(args, context) {
      // The whole cluster: a node's grandmaster is found by following the hierarchy across nodes.
      const diagnosis = await diagnosisFor({ ...args, node: undefined }, context);
      const links = new Map(diagnosis.hierarchy.links.map((l) => [l.node, l]));
      const selected = diagnosis.nodes.filter((node) => args.node === undefined || node.node === args.node);
      const nodes = selected.map((node) => ({
        node: node.node,
        grandmaster: present(NodeStatus.shape.grandmaster, node.grandmaster),
        // A clock that lost its upstream is its own grandmaster, whatever its pmc answers last said.
        grandmasterNode: node.grandmaster?.local
          ? node.node
          : (links.get(node.node)?.grandmasterNode ?? null),
        gmClockClass: links.get(node.node)?.gmClockClass ?? null,
        stepsRemoved: links.get(node.node)?.stepsRemoved ?? null,
      }));
      const followed = new Set(nodes.map((n) => n.grandmasterNode));
      const gmNodes = diagnosis.nodes.filter(
        (n) => n.grandmaster?.local && (args.node === undefined || followed.has(n.node)),
      );
      const grandmasters = gmNodes.map((n) => ({
        node: n.node,
        syncState: n.syncState,
        clockClass: n.clockClass.current,
      }));
      return {
        result: { nodes, grandmasters },
        summary: [
          `grandmaster(s): ${grandmasters.map((g) => `${g.node} ${g.syncState} class ${g.clockClass ?? '-'}`).join(', ') || 'none in the data'}`,
          ...nodes.map(
            (n) =>
              `${n.node} follows ${n.grandmaster?.identity ?? '-'}${n.grandmasterNode ? ` (${n.grandmasterNode})` : ''}${n.gmClockClass !== null ? `, class ${n.gmClockClass}` : ''}`,
          ),
        ].join('\n'),
      };
    },
  }),

  defineTool({
    name: 'get_clock_hierarchy',
    title: 'Get the clock hierarchy',
    description:
      'Who takes time from whom across the cluster: T-GM → T-BC → T-TSC, with stepsRemoved and the grandmaster class each clock receives, from pmc (or the logs when pmc answers are missing).',
    input: { ...sourceArgs, last: lastArg },
    output: ClockHierarchy.shape,
    async run(args, context) {
      const { hierarchy } = await diagnosisFor(args, context);
      const children = (node: string) =>
        hierarchy.links.filter((l) => l.parentNode === node && l.node !== node).map((l) => l.node);
      const lines = hierarchy.roots.map(
        (root) =>
          `${root} → ${
            children(root)
              .map((c) => `${c}${children(c).length ? ` → ${children(c).join(', ')}` : ''}`)
              .join('; ') || '(no followers)'
          }`,
      );
      return { result: hierarchy, summary: lines.join('\n') || 'no hierarchy' };
    },
  }),

  defineTool({
    name: 'get_gnss_status',
    title: 'Get GNSS status',
    description:
      'The GNSS receivers of T-GM nodes as the daemon reports them (state, gnss_status fix), the DPLL and ts2phc states, and the O-RAN gnss-sync-status events.',
    input: common,
    output: {
      nodes: z.array(
        z.object({
          node: z.string(),
          gnss: z.array(presentedSchema(IfaceState)),
          dpll: z.array(presentedSchema(IfaceState)),
          ts2phcState: z.string().nullable(),
          events: z.array(presentedSchema(CloudEvent)),
        }),
      ),
    },
    async run(args, context) {
      const diagnosis = await diagnosisFor(args, context);
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const states = (node: NodeStatus, name: string) =>
        node.processes
          .filter((p) => p.name === name)
          .flatMap((p) => p.ifaceStates.map((s) => present(IfaceState, s)));
      const nodes = diagnosis.nodes
        .map((node) => ({
          node: node.node,
          gnss: states(node, 'gnss'),
          dpll: states(node, 'dpll'),
          ts2phcState: node.processes.find((p) => p.name === 'ts2phc')?.state ?? null,
          events: (snapshot.nodes.find((n) => n.name === node.node)?.cloudEvents ?? [])
            .filter((e) => e.kind === 'gnss-sync-status')
            .slice(-20)
            .map((e) => present(CloudEvent, e)),
        }))
        .filter(
          (n) => args.node !== undefined || n.gnss.length > 0 || n.dpll.length > 0 || n.events.length > 0,
        );
      return {
        result: { nodes },
        summary:
          nodes
            .map(
              (n) =>
                `${n.node}: GNSS ${n.gnss.map((g) => `${g.iface} ${g.state}`).join(', ') || '-'}; DPLL ${n.dpll.map((d) => d.state).join(', ') || '-'}`,
            )
            .join('\n') || 'no GNSS in the data (no T-GM)',
      };
    },
  }),

  defineTool({
    name: 'analyze_timing_traceability',
    title: 'Analyze timing traceability',
    description:
      'For each node, the chain of clocks up to the root of its tree and whether its time traces to a primary reference (a T-GM locked to GNSS), or to a clock in holdover or free-run.',
    input: common,
    output: { nodes: z.array(Traceability) },
    async run(args, context) {
      const diagnosis = await diagnosisFor({ ...args, node: undefined }, context);
      const nodes = timingTraceability(diagnosis.nodes, diagnosis.hierarchy).filter(
        (t) => args.node === undefined || t.node === args.node,
      );
      return {
        result: { nodes },
        summary: nodes.map((t) => `${t.node}: ${t.status} (${t.chain.join(' → ')}) — ${t.reason}`).join('\n'),
      };
    },
  }),
];
