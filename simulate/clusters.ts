import type { RawCluster } from '../core/sources/raw-cluster.js';
import { kubeconfigOf } from './kubeconfig.js';
import { type Simulator, type SimulatorOptions, startSimulator } from './simulator.js';

export interface SimulatedFleet {
  /** One simulator per cluster, in context order. */
  clusters: (Simulator & { context: string })[];
  /** One kubeconfig with a context per cluster (`ptp-mcp-simulate-1` …), the first current. */
  kubeconfig: string;
  /** Requests served by all clusters. */
  requests(): number;
  close(): Promise<void>;
}

/**
 * `count` simulated clusters at once, each its own API server on loopback serving the same source
 * (with `nodes` copies of its nodes if given) under its own name: a fleet for tests and benchmarks. The
 * source is read once; the clusters share its raw material (logs stream from the same files).
 */
export async function startSimulatedFleet(
  options: SimulatorOptions & { clusters: number },
): Promise<SimulatedFleet> {
  const raw = await options.source.collect();
  const clusters: SimulatedFleet['clusters'] = [];
  try {
    for (let i = 1; i <= options.clusters; i++) {
      const context = `ptp-mcp-simulate-${i}`;
      const simulator = await startSimulator({ ...options, source: named(options.source, raw, context) });
      clusters.push({ ...simulator, context });
    }
  } catch (error) {
    await Promise.all(clusters.map((c) => c.close()));
    throw error;
  }
  return {
    clusters,
    kubeconfig: kubeconfigOf(
      clusters.map((c) => ({ name: c.context, server: c.url, token: c.token, namespace: c.namespace })),
    ),
    requests: () => clusters.reduce((sum, c) => sum + c.stats.requests, 0),
    close: async () => {
      await Promise.all(clusters.map((c) => c.close()));
    },
  };
}

/** The source's raw material under a cluster name of its own (what its objects and warnings say). */
function named(
  source: SimulatorOptions['source'],
  raw: RawCluster,
  cluster: string,
): SimulatorOptions['source'] {
  const manifest = { ...raw.manifest, spec: { ...raw.manifest.spec, cluster } };
  return {
    description: `${source.description} as ${cluster}`,
    collect: async () => ({ ...raw, manifest }),
    run: source.run.bind(source),
  };
}
