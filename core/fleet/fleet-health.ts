import { z } from 'zod';
import { mapWithConcurrency } from '../concurrency.js';
import type { Diagnosis } from '../model/diagnosis.js';
import { Health, healthRank } from '../model/finding.js';
import { ClusterHealth, clusterHealth } from './cluster-health.js';

/** Clusters read at the same time by default: each reads its nodes KubeSettings.concurrency at a time. */
export const FLEET_CONCURRENCY = 4;

/** A fleet's health: each cluster answered, and each one that could not be read as a warning. */
export const FleetHealth = z.object({
  /** The worst health of the clusters answered; UNKNOWN at least when one could not be read. */
  health: Health,
  clusters: z.array(ClusterHealth),
  /** A warning per cluster that could not be read, saying why: the others are answered all the same. */
  warnings: z.array(z.object({ context: z.string(), message: z.string() })),
  nodes: z.number().int(),
  readMs: z.number(),
});
export type FleetHealth = z.infer<typeof FleetHealth>;

interface Unread {
  context: string;
  message: string;
  unread: true;
}

export interface FleetRequest {
  /** Kubeconfig contexts, one cluster each (repeats are read once). */
  contexts: readonly string[];
  /** Clusters read at once. */
  concurrency?: number;
  /** Diagnoses the cluster of a context (a server's shared cache, or a service). */
  diagnose(context: string): Promise<Diagnosis>;
  /** Called as clusters are done, for progress. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads every cluster of a fleet, a few at once, and keeps of each only its summary (a fleet of fifty
 * clusters of forty nodes never holds fifty diagnoses). A cluster that cannot be read is a warning,
 * never the failure of the whole answer.
 */
export async function fleetHealth(request: FleetRequest): Promise<FleetHealth> {
  const started = performance.now();
  const contexts = [...new Set(request.contexts)];
  let done = 0;
  const results = await mapWithConcurrency(
    contexts,
    request.concurrency ?? FLEET_CONCURRENCY,
    async (context): Promise<ClusterHealth | Unread> => {
      try {
        return clusterHealth(context, await request.diagnose(context));
      } catch (error) {
        return { context, message: (error as Error).message, unread: true };
      } finally {
        request.onProgress?.(++done, contexts.length);
      }
    },
  );
  const clusters = results.filter((r): r is ClusterHealth => !('unread' in r));
  const warnings = results
    .filter((r): r is Unread => 'unread' in r)
    .map(({ context, message }) => ({ context, message }));
  let health: Health = warnings.length > 0 ? 'UNKNOWN' : 'HEALTHY';
  for (const cluster of clusters)
    if (healthRank(cluster.health) > healthRank(health)) health = cluster.health;
  return {
    health,
    clusters,
    warnings,
    nodes: clusters.reduce((sum, c) => sum + c.nodes, 0),
    readMs: Math.round(performance.now() - started),
  };
}
