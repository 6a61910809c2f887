import { stringify } from 'yaml';

/** A kubeconfig for the simulated cluster: one cluster, one user with the simulator's bearer token. */
export function simulatorKubeconfig(server: string, token: string, namespace: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // Plain HTTP on loopback: client-node only allows http:// with TLS verification switched off.
    clusters: [{ name: 'ptp-mcp-simulate', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'ptp-mcp-simulate', user: { token } }],
    contexts: [
      {
        name: 'ptp-mcp-simulate',
        context: { cluster: 'ptp-mcp-simulate', user: 'ptp-mcp-simulate', namespace },
      },
    ],
    'current-context': 'ptp-mcp-simulate',
  });
}
