import { randomBytes } from 'node:crypto';
import type { PtpDataSource } from '../core/sources/raw-cluster.js';
import type { FaultPlan } from './faults.js';
import { fleetOf } from './fleet.js';
import { type KubeApiServer, startKubeApiServer } from './kube-api-server.js';
import { simulatorKubeconfig } from './kubeconfig.js';
import { SimulatedCluster } from './simulated-cluster.js';

export interface SimulatorOptions {
  /** Where the cluster's data comes from: a built-in scenario or a snapshot folder. */
  source: PtpDataSource;
  /** Copies of the snapshot's nodes up to this many (a fleet for scale tests). */
  nodes?: number;
  host?: string;
  port?: number;
  faults?: FaultPlan;
  /** The API server dies after this many requests (see KubeApiServerOptions). */
  stopAfterRequests?: number;
  /** The bearer token; a random one by default. */
  token?: string;
}

export interface Simulator extends KubeApiServer {
  kubeconfig: string;
  token: string;
  namespace: string;
  nodeNames: string[];
}

/** Starts a simulated Kubernetes API over a snapshot and returns its URL and a kubeconfig for it. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  let raw = await options.source.collect();
  if (options.nodes !== undefined) raw = fleetOf(raw, options.nodes);
  const namespace = raw.manifest.spec.namespace;
  const cluster = new SimulatedCluster(
    raw.manifest.spec.cluster ?? raw.manifest.metadata.name,
    namespace,
    raw,
  );
  const token = options.token ?? randomBytes(24).toString('base64url');
  // "Now" for sinceSeconds is when the snapshot was recorded, never the clock of this machine.
  const recordedAt = raw.manifest.spec.recordedAt ? Date.parse(raw.manifest.spec.recordedAt) : Number.NaN;
  const server = await startKubeApiServer({
    cluster,
    token,
    host: options.host,
    port: options.port,
    faults: options.faults,
    stopAfterRequests: options.stopAfterRequests,
    now: Number.isNaN(recordedAt) ? undefined : recordedAt,
  });
  return {
    ...server,
    token,
    namespace,
    kubeconfig: simulatorKubeconfig(server.url, token, namespace),
    nodeNames: [...cluster.nodes.keys()],
  };
}
