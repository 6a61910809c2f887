import { z } from 'zod';

/** A problem met while reading a source: which file (and line), and what is wrong. Never fatal. */
export const SourceWarning = z.object({
  source: z.string(),
  line: z.number().int().optional(),
  message: z.string(),
});
export type SourceWarning = z.infer<typeof SourceWarning>;

/**
 * Whether a recording holds all it was to read. `snapshot record` writes it; absent means complete (the
 * built-in scenarios, hand-made folders). An incomplete snapshot is replayed only when asked (`--partial`).
 */
export const SnapshotStatus = z.object({
  complete: z.boolean(),
  /** What could not be read or written: the file or node, and why. */
  missing: z.array(SourceWarning).default([]),
});
export type SnapshotStatus = z.infer<typeof SnapshotStatus>;

/** `snapshot.yaml` of a snapshot folder (docs/snapshot-format.md). */
export const SnapshotManifest = z.object({
  apiVersion: z.literal('ptp-mcp/v1'),
  kind: z.literal('Snapshot'),
  metadata: z.object({ name: z.string(), description: z.string().optional() }),
  spec: z
    .object({
      cluster: z.string().optional(),
      namespace: z.string().default('openshift-ptp'),
      source: z.enum(['fixture', 'recorded', 'must-gather', 'live']).default('recorded'),
      recordedAt: z.string().optional(),
    })
    .default({ namespace: 'openshift-ptp', source: 'recorded' }),
  status: SnapshotStatus.optional(),
});
export type SnapshotManifest = z.infer<typeof SnapshotManifest>;
