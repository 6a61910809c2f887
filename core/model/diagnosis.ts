import { z } from 'zod';
import { ClockHierarchy } from './clock-hierarchy.js';
import { NodeStatus } from './node-status.js';
import { Snapshot } from './snapshot.js';
import { SourceWarning } from './snapshot-manifest.js';

/** What `diagnose` establishes about a deployment; the rule engine adds findings and health to it. */
export const Diagnosis = z.object({
  meta: Snapshot.shape.meta,
  window: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
  nodes: z.array(NodeStatus),
  hierarchy: ClockHierarchy,
  warnings: z.array(SourceWarning),
});
export type Diagnosis = z.infer<typeof Diagnosis>;
