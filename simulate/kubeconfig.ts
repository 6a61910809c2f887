import { stringify } from 'yaml';

/** One simulated cluster as a kubeconfig names it: cluster, user and context all take its name. */
export interface KubeconfigEntry {
  name: string;
  server: string;
  token: string;
  namespace: string;
}

/** A kubeconfig for the simulated cluster: one cluster, one user with the simulator's bearer token. */
export function simulatorKubeconfig(server: string, token: string, namespace: string): string {
  return kubeconfigOf([{ name: 'ptp-mcp-simulate', server, token, namespace }]);
}

/** A kubeconfig of several simulated clusters, a context each; the first is the current one. */
export function kubeconfigOf(entries: readonly KubeconfigEntry[]): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // Plain HTTP on loopback: client-node only allows http:// with TLS verification switched off.
    clusters: entries.map((e) => ({
      name: e.name,
      cluster: { server: e.server, 'insecure-skip-tls-verify': true },
    })),
    users: entries.map((e) => ({ name: e.name, user: { token: e.token } })),
    contexts: entries.map((e) => ({
      name: e.name,
      context: { cluster: e.name, user: e.name, namespace: e.namespace },
    })),
    'current-context': entries[0]?.name,
  });
}
