/**
 * How ptp-mcp reaches a cluster, set once by whoever starts it (CLI flags, server options, environment),
 * never by a tool call: a tool may name a context, but paths and credentials stay out of its arguments.
 */
export interface KubeSettings {
  /** A kubeconfig file; by default $KUBECONFIG, ~/.kube/config, then the in-cluster service account. */
  kubeconfig?: string;
  /** The context `--source cluster` uses; the kubeconfig's current one by default. */
  context?: string;
  /** The PTP operator's namespace. */
  namespace: string;
  /** Per request; a request that takes longer is abandoned and retried or reported. */
  requestTimeoutMs: number;
  /**
   * A whole read of the cluster (every request, retry and log stream): what is not read by then is cut
   * and reported, the rest is diagnosed.
   */
  readTimeoutMs: number;
  /** Retries of a request answered 429 or 5xx (Retry-After honoured, capped), or cut off. */
  retries: number;
  /** Nodes read at the same time. */
  concurrency: number;
  /** A log stream that sends nothing for this long is ended with a warning (a body cut short). */
  logIdleTimeoutMs: number;
  /**
   * Whether ptp-mcp may ask the API server for pods/exec (pmc, ethtool, the rendered configs): a server
   * without --allow-exec never does (docs: contracts, issue 13.6).
   */
  exec: boolean;
}

export const DEFAULT_KUBE_SETTINGS: KubeSettings = {
  namespace: 'openshift-ptp',
  requestTimeoutMs: 30_000,
  readTimeoutMs: 120_000,
  retries: 3,
  concurrency: 8,
  logIdleTimeoutMs: 30_000,
  exec: true,
};
