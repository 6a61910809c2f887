import { z } from 'zod';
import { ClockHierarchy } from './clock-hierarchy.js';
import { Finding, Health } from './finding.js';
import { NodeStatus } from './node-status.js';
import { Snapshot } from './snapshot.js';
import { SourceWarning } from './snapshot-manifest.js';

/** What `diagnose` establishes about a deployment; the rule engine adds findings and health to it. */
export const Diagnosis = z.object({
  meta: Snapshot.shape.meta,
  window: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
  nodes: z.array(NodeStatus),
  hierarchy: ClockHierarchy,
  /** The rule packs evaluated, with what they found: the judgments of the diagnosis. */
  packs: z.array(z.object({ name: z.string(), version: z.string(), file: z.string() })),
  findings: z.array(Finding),
  suppressed: z.array(z.object({ finding: Finding, reason: z.string() })),
  /**
   * The worst severity among the findings of each node, and of the whole cluster; UNKNOWN at least for
   * a node of which no line of its daemon log could be read, and for a cluster with such a node.
   */
  health: z.object({
    cluster: Health,
    nodes: z.record(z.string(), Health),
    /** The nodes of which no line of their daemon log could be read (NodeStatus.hasData false). */
    unknown: z.array(z.string()),
  }),
  /** How long reading the source took (requests, retries and log streams), in ms. */
  readMs: z.number(),
  warnings: z.array(SourceWarning),
});
export type Diagnosis = z.infer<typeof Diagnosis>;
