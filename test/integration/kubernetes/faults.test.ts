import { describe, expect, it } from 'vitest';
import { createService } from '../../../core/container.js';
import { liveCluster } from './simulated-cluster.js';

/**
 * A real cluster's bad days, injected by `simulate`: the client retries what can be retried (bounded,
 * Retry-After honoured), reports the rest as warnings with what was asked and what is missing, and
 * returns what it could read. Nothing crashes, nothing hangs.
 */
describe('the Kubernetes source when the API server misbehaves', () => {
  it('retries 500s and a truncated body, then succeeds without a warning', async () => {
    const cluster = await liveCluster('healthy', {
      faults: {
        faults: [
          { path: '^/api/v1/nodes$', status: 500, times: 2 },
          { path: 'ptpconfigs$', truncate: true, times: 1 },
        ],
      },
    });
    try {
      const diagnosis = await cluster.service().diagnose({ source: 'cluster' });
      expect(diagnosis.warnings).toEqual([]);
      expect(diagnosis.nodes).toHaveLength(4);
      expect(diagnosis.findings).toEqual([]);
      expect(cluster.simulator.stats.byKind.nodes).toBe(3);
      expect(cluster.simulator.stats.byKind.ptpconfigs).toBe(2);
    } finally {
      await cluster.close();
    }
  });

  it('waits as long as a 429 asks (Retry-After), then goes on', async () => {
    const cluster = await liveCluster('healthy', {
      faults: { faults: [{ path: 'daemonsets', status: 429, retryAfterSeconds: 1, times: 1 }] },
    });
    try {
      const started = performance.now();
      const diagnosis = await cluster.service().diagnose({ source: 'cluster', node: 'gm-1' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
      expect(diagnosis.warnings).toEqual([]);
    } finally {
      await cluster.close();
    }
  });

  it('gives up after the bounded retries and keeps what it read: metrics missing on every node', async () => {
    const cluster = await liveCluster('healthy', {
      faults: { faults: [{ path: '/proxy/metrics$', status: 500 }] },
    });
    try {
      const diagnosis = await cluster.service({ retries: 2 }).diagnose({ source: 'cluster' });
      expect(diagnosis.nodes.map((n) => n.syncState)).toEqual(['LOCKED', 'LOCKED', 'LOCKED', 'LOCKED']);
      expect(diagnosis.warnings.map((w) => w.message)).toContain(
        'get http://' +
          diagnosis.nodes[0]!.daemonPod!.name +
          ':9091/metrics through the pod proxy: HTTP 500: simulated 500 on /api/v1/namespaces/openshift-ptp/pods/' +
          diagnosis.nodes[0]!.daemonPod!.name +
          '%3A9091/proxy/metrics',
      );
      expect(cluster.simulator.stats.byKind.proxy).toBe(4 * 3);
    } finally {
      await cluster.close();
    }
  });

  it('a 403 names the permission the account lacks; logs still give the diagnosis', async () => {
    const cluster = await liveCluster('port-fault', {
      faults: {
        faults: [
          { path: '/exec', status: 403 },
          { path: 'ptpoperatorconfigs', status: 403 },
        ],
      },
    });
    try {
      const diagnosis = await cluster.service().diagnose({ source: 'cluster' });
      const messages = diagnosis.warnings.map((w) => w.message);
      expect(messages).toContain(
        'list ptpoperatorconfigs.ptp.openshift.io in openshift-ptp: forbidden (403): the account needs "list on ptpoperatorconfigs.ptp.openshift.io" in namespace openshift-ptp (ptpoperatorconfigs is forbidden: User "system:serviceaccount:openshift-ptp:ptp-mcp" cannot list resource "ptpoperatorconfigs" in API group "ptp.openshift.io" in the namespace "openshift-ptp")',
      );
      expect(
        messages.some((m) =>
          /^exec ls in linuxptp-daemon-\w+: forbidden \(403\): the account needs "create on pods\/exec" in namespace openshift-ptp$/.test(
            m,
          ),
        ),
      ).toBe(true);
      expect(diagnosis.findings.map((f) => f.rule)).toContain('fault/port-faults');
    } finally {
      await cluster.close();
    }
  });

  it('a request that never answers times out; a log that stalls mid-body ends with a warning', async () => {
    const cluster = await liveCluster('healthy', {
      faults: {
        faults: [
          { path: '/proxy/metrics$', delayMs: 5000 },
          { path: '/log\\?.*container=linuxptp-daemon-container', truncate: true },
        ],
      },
    });
    try {
      const started = performance.now();
      const diagnosis = await cluster
        .service({ requestTimeoutMs: 300, retries: 1, logIdleTimeoutMs: 300 })
        .diagnose({ source: 'cluster', node: 'worker-1' });
      expect(performance.now() - started).toBeLessThan(4000);
      const messages = diagnosis.warnings.map((w) => w.message);
      expect(
        messages.some((m) => m.startsWith('get http://') && m.includes('metrics through the pod proxy: ')),
      ).toBe(true);
      expect(
        messages.some((m) =>
          /log of linuxptp-daemon-\w+\/linuxptp-daemon-container: (nothing received for 0.3 s|the stream ended mid-line); the log may be cut short/.test(
            m,
          ),
        ),
      ).toBe(true);
    } finally {
      await cluster.close();
    }
  });

  it('a node of the daemon’s node selector without a daemon pod is reported and shown without data', async () => {
    const cluster = await liveCluster('healthy', { faults: { withoutDaemonPod: ['worker-2'] } });
    try {
      const diagnosis = await cluster.service().diagnose({ source: 'cluster' });
      expect(diagnosis.warnings.map((w) => w.message)).toContain(
        'node worker-2: no linuxptp-daemon pod runs there',
      );
      expect(diagnosis.nodes.find((n) => n.node === 'worker-2')?.hasData).toBe(false);
      expect(diagnosis.findings.map((f) => `${f.rule}@${f.subject.node}`)).toEqual([
        'fault/no-data@worker-2',
      ]);
    } finally {
      await cluster.close();
    }
  });

  it('an API server that refuses the token or is not there: one clear error, quickly', async () => {
    const cluster = await liveCluster('healthy');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      cluster.kubeconfig,
      cluster.simulator.kubeconfig.replace(cluster.simulator.token, 'wrong-token'),
    );
    await expect(cluster.service().diagnose({ source: 'cluster' })).rejects.toThrow(
      /^cannot read the cluster ptp-mcp-simulate: list nodes: unauthorized \(401\): the kubeconfig credentials were refused or have expired/,
    );
    await cluster.close();
    const started = performance.now();
    await expect(
      createService({ kube: { kubeconfig: cluster.kubeconfig, retries: 1 } }).diagnose({ source: 'cluster' }),
    ).rejects.toThrow(/^cannot read the cluster ptp-mcp-simulate: list nodes: .*ECONNREFUSED/);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
