import { z } from 'zod';
import {
  type Finding,
  Finding as FindingSchema,
  Health,
  SEVERITIES,
  severityRank,
} from '../../../core/model/finding.js';
import { NodeStatus } from '../../../core/model/node-status.js';
import { findingsByNode } from '../../../core/reports/findings-by-node.js';
import { healthSummary } from '../../../core/reports/health-summary.js';
import { present, presentedSchema } from '../../../core/reports/presented-schema.js';
import { defineTool, lastArg, nodeArg, pageArgs, pageOutput, paginate, sourceArgs } from '../tool.js';
import { cappedFindings, cappedFindingsOutput, truncationLine } from './capped-findings.js';
import { diagnosisFor } from './diagnosis-args.js';

const NodeSummary = z.object({
  node: z.string(),
  health: Health,
  role: z.string(),
  syncState: z.string(),
  grandmaster: z.string().nullable(),
  clockClass: z.number().nullable(),
  recentMaxAbsOffsetNs: z.number().nullable(),
  holdover: z.string().nullable(),
  syncLossEpisodes: z.number().int(),
  findings: z.number().int(),
});

function findingLine(f: Finding): string {
  return `${f.severity.toUpperCase()} ${f.rule}${f.subject.node ? ` [${f.subject.node}]` : ''}: ${f.message}`;
}

/** The judgments: the whole diagnosis, health, and the faults behind it. */
export const healthTools = [
  defineTool({
    name: 'diagnose',
    title: 'Diagnose PTP',
    description:
      'The whole picture: per node its role, sync state, grandmaster, clock class, recent offsets, holdover and health; the findings of every rule pack (fault severity, clock-class fallback, and packs given) worst first; the clock hierarchy. With `node`, that node’s full details.',
    input: {
      ...sourceArgs,
      node: nodeArg,
      last: lastArg,
      packs: z
        .array(z.string())
        .optional()
        .describe('More rule packs to evaluate: built-in names, or files of the server’s packs folders'),
    },
    output: {
      cluster: z.string(),
      health: Health,
      unknown: z.array(z.string()).describe('Nodes of which no line of their daemon log could be read'),
      nodes: z.array(NodeSummary),
      ...cappedFindingsOutput,
      roots: z.array(z.string()),
      details: presentedSchema(NodeStatus).nullable(),
      warnings: z.array(z.string()),
    },
    async run(args, context) {
      const diagnosis = await diagnosisFor(args, context);
      const ofNode = findingsByNode(diagnosis.findings);
      const nodes = diagnosis.nodes.map((node) => {
        const holdover = node.episodes.holdover.at(-1);
        const recent = node.processes.find(
          (p) => p.recent && ['ptp4l', 'phc2sys', 'ts2phc'].includes(p.name),
        )?.recent;
        return {
          node: node.node,
          health: diagnosis.health.nodes[node.node] ?? ('UNKNOWN' as const),
          role: node.role,
          syncState: node.hasData ? node.syncState : 'NO DATA',
          grandmaster: node.grandmaster?.identity ?? null,
          clockClass: node.clockClass.current,
          recentMaxAbsOffsetNs: recent?.maxAbs ?? null,
          holdover: holdover ? holdover.outcome : null,
          syncLossEpisodes: node.episodes.syncLoss.length,
          findings: ofNode.get(node.node)?.length ?? 0,
        };
      });
      const capped = cappedFindings(diagnosis.findings);
      const detailNode = args.node ? diagnosis.nodes.find((n) => n.node === args.node) : undefined;
      const summary = [
        `${diagnosis.meta.cluster}: ${healthSummary(diagnosis)}, ${nodes.length} node(s)`,
        ...nodes.map(
          (n) =>
            `${n.node} ${n.role} ${n.syncState} ${n.health}${n.clockClass !== null ? ` class ${n.clockClass}` : ''}`,
        ),
        ...diagnosis.findings.slice(0, 10).map(findingLine),
        ...truncationLine(capped),
      ];
      return {
        result: {
          cluster: diagnosis.meta.cluster,
          health: diagnosis.health.cluster,
          unknown: diagnosis.health.unknown,
          nodes,
          ...capped,
          roots: diagnosis.hierarchy.roots,
          details: detailNode ? present(NodeStatus, detailNode) : null,
          warnings: diagnosis.warnings.map((w) => `${w.source}${w.line ? `:${w.line}` : ''}: ${w.message}`),
        },
        summary: summary.join('\n'),
      };
    },
  }),

  defineTool({
    name: 'check_ptp_health',
    title: 'Check PTP health',
    description:
      'Health of each node and of the cluster: the worst severity of their findings (HEALTHY, MINOR, MODERATE, CRITICAL); UNKNOWN, never HEALTHY, for a node of which no line of its daemon log could be read (and for a cluster with such a node, unless a finding is worse), those nodes listed in `unknown`; with the count of findings per severity and the worst ones.',
    input: { ...sourceArgs, node: nodeArg, last: lastArg },
    output: {
      cluster: Health,
      nodes: z.array(z.object({ node: z.string(), health: Health, worst: z.array(z.string()) })),
      unknown: z.array(z.string()).describe('Nodes of which no line of their daemon log could be read'),
      bySeverity: z.record(z.string(), z.number().int()),
    },
    async run(args, context) {
      const diagnosis = await diagnosisFor(args, context);
      const bySeverity = Object.fromEntries(
        SEVERITIES.map((s) => [s, diagnosis.findings.filter((f) => f.severity === s).length]),
      );
      const ofNode = findingsByNode(diagnosis.findings);
      const nodes = diagnosis.nodes.map((node) => ({
        node: node.node,
        health: diagnosis.health.nodes[node.node] ?? ('UNKNOWN' as const),
        worst: (ofNode.get(node.node) ?? []).slice(0, 3).map((f) => `${f.rule}: ${f.message}`),
      }));
      return {
        result: { cluster: diagnosis.health.cluster, nodes, unknown: diagnosis.health.unknown, bySeverity },
        summary: [
          `cluster ${healthSummary(diagnosis)}`,
          ...nodes.map((n) => `${n.node} ${n.health}${n.worst[0] ? ` — ${n.worst[0]}` : ''}`),
        ].join('\n'),
      };
    },
  }),

  defineTool({
    name: 'analyze_ptp_faults',
    title: 'Analyze PTP faults',
    description:
      'The findings of the rule packs at or above a severity, worst first, each with its evidence, remediation and references; and the fault events the logs state (port FAULTY, tx timestamp time-outs, clock jumps…) with their times.',
    input: {
      ...sourceArgs,
      node: nodeArg,
      last: lastArg,
      severity: z.enum(SEVERITIES).default('info').describe('At least this severe'),
      ...pageArgs,
    },
    output: {
      findings: z.array(FindingSchema),
      events: z.array(
        z.object({
          node: z.string(),
          time: z.string().nullable(),
          process: z.string(),
          kind: z.string(),
          detail: z.string(),
        }),
      ),
      eventsOmitted: z.number().int(),
      ...pageOutput,
    },
    async run(args, context) {
      const diagnosis = await diagnosisFor(args, context);
      const findings = diagnosis.findings.filter(
        (f) => severityRank(f.severity) >= severityRank(args.severity),
      );
      const page = paginate(findings, args.limit, args.cursor);
      const events = diagnosis.nodes.flatMap((node) =>
        node.faults.map((fault) => ({
          node: node.node,
          time: fault.time.wall === undefined ? null : new Date(fault.time.wall).toISOString(),
          process: fault.process,
          kind: fault.kind,
          detail: fault.detail,
        })),
      );
      const shown = events.slice(-args.limit);
      return {
        result: {
          findings: page.items,
          events: shown,
          eventsOmitted: events.length - shown.length,
          total: page.total,
          nextCursor: page.nextCursor,
        },
        summary: [
          `${page.total} finding(s) at or above ${args.severity}, ${events.length} fault event(s)`,
          ...page.items.slice(0, 10).map(findingLine),
        ].join('\n'),
      };
    },
  }),
];
