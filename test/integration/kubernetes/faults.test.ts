import { describe, expect, it } from 'vitest';
import { createService } from '../../../transports/composition-root.js';
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

  it('a daemon image without tail (its exec refused): each rendered config is read with cat instead', async () => {
    const whole = await liveCluster('healthy');
    const cluster = await liveCluster('healthy', {
      faults: { faults: [{ path: 'command=tail&', status: 403 }] },
    });
    try {
      const configs = async (live: typeof cluster) =>
        (await live.service({ retries: 0 }).snapshot({ source: 'cluster' })).nodes.map((n) =>
          n.configs.map((c) => [c.file, c.text]),
        );
      const expected = await configs(whole);
      expect(expected.flat().length).toBeGreaterThan(4);
      expect(await configs(cluster)).toEqual(expected);
    } finally {
      await whole.close();
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
          /^exec pmc in linuxptp-daemon-\w+: forbidden \(403\): the account needs "create on pods\/exec" in namespace openshift-ptp$/.test(
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

  it('an API server killed mid-read is not asked again and again: after 5 refusals in a row requests fail unsent', async () => {
    const cluster = await liveCluster('demo', { stopAfterRequests: 8 });
    try {
      // Default retries (3): without the stop, each of some 50 requests would be tried four times.
      const diagnosis = await cluster.service().diagnose({ source: 'cluster' });
      const messages = diagnosis.warnings.map((w) => w.message);
      const unsent = messages.filter((m) =>
        /: not sent: the API server could not be reached \d+ times in a row \(the last: connection refused \(ECONNREFUSED/.test(
          m,
        ),
      );
      expect(unsent.length).toBeGreaterThan(0);
      expect(diagnosis.health.unknown).toHaveLength(6);
    } finally {
      await cluster.close();
    }
  });

  it('an API server killed mid-read: every node UNKNOWN (never HEALTHY), warnings say connection refused', async () => {
    // Nodes, daemonset, events, four custom resources and the pods are listed: then the server dies.
    const cluster = await liveCluster('demo', { stopAfterRequests: 8 });
    try {
      const diagnosis = await cluster.service({ retries: 1 }).diagnose({ source: 'cluster' });
      const names = diagnosis.nodes.map((n) => n.node);
      expect(names).toHaveLength(6);
      expect(diagnosis.health.unknown).toEqual(names);
      expect(Object.values(diagnosis.health.nodes)).not.toContain('HEALTHY');
      // worker-2's pod object says its daemon restarted (minor): a fault known for certain outranks UNKNOWN.
      expect(diagnosis.health.nodes).toEqual({
        'bc-1': 'UNKNOWN',
        'bc-2': 'UNKNOWN',
        'gm-1': 'UNKNOWN',
        'worker-1': 'UNKNOWN',
        'worker-2': 'MINOR',
        'worker-3': 'UNKNOWN',
      });
      // No "no locked grandmaster": gm-1 was not read, so it is not known to be unlocked.
      expect(diagnosis.health.cluster).toBe('MINOR');
      expect(diagnosis.findings.map((f) => f.rule)).not.toContain('fault/no-locked-grandmaster');
      const messages = diagnosis.warnings.map((w) => w.message);
      expect(messages.filter((m) => m.includes('HTTP 500'))).toEqual([]);
      expect(
        messages.some((m) =>
          /^read interrupted: log of linuxptp-daemon-\w+\/linuxptp-daemon-container: (not sent: the API server could not be reached \d+ times in a row \(the last: )?connection refused \(ECONNREFUSED 127\.0\.0\.1:\d+\): the API server is down/.test(
            m,
          ),
        ),
      ).toBe(true);
      expect(
        messages.some((m) =>
          /^exec ls in linuxptp-daemon-\w+: (not sent: the API server could not be reached \d+ times in a row \(the last: )?connection refused \(ECONNREFUSED/.test(
            m,
          ),
        ),
      ).toBe(true);
      const unread = diagnosis.findings.filter((f) => f.rule === 'fault/data-unread');
      expect(unread.map((f) => f.subject.node)).toEqual(names);
      expect(unread[0]!.severity).toBe('info');
      expect(unread[0]!.message).toMatch(
        /^bc-1: could not read .*connection refused \(ECONNREFUSED.*; no line of its daemon log was read: its health is UNKNOWN$/,
      );
    } finally {
      await cluster.close();
    }
  });

  it('one node whose log and metrics are refused: it alone is UNKNOWN, the cluster says 1 of 4', async () => {
    // worker-1's daemon pod in fixtures/clusters/healthy: its log and its metrics answer 503.
    const pod = 'linuxptp-daemon-nkmkv';
    const cluster = await liveCluster('healthy', {
      faults: { faults: [{ path: `pods/${pod}(/log|%3A9091/proxy)`, status: 503 }] },
    });
    try {
      const diagnosis = await cluster.service({ retries: 0 }).diagnose({ source: 'cluster' });
      expect(diagnosis.health.unknown).toEqual(['worker-1']);
      expect(diagnosis.health.nodes).toEqual({
        'bc-1': 'HEALTHY',
        'gm-1': 'HEALTHY',
        'worker-1': 'UNKNOWN',
        'worker-2': 'HEALTHY',
      });
      expect(diagnosis.health.cluster).toBe('UNKNOWN');
      const [finding, ...others] = diagnosis.findings;
      expect(others).toEqual([]);
      expect(finding!.rule).toBe('fault/data-unread');
      expect(finding!.message).toContain(
        `get http://${pod}:9091/metrics through the pod proxy: HTTP 503: simulated 503 on /api/v1/namespaces/openshift-ptp/pods/${pod}%3A9091/proxy/metrics`,
      );
      expect(finding!.message).toContain(
        `pod/${pod}/linuxptp-daemon-container: read interrupted: log of ${pod}/linuxptp-daemon-container: HTTP 503`,
      );
    } finally {
      await cluster.close();
    }
  });

  it('a slow API server: the read ends at its deadline, the reads cut are named and the time spent reported', async () => {
    const cluster = await liveCluster('demo', { faults: { faults: [{ path: '.', delayMs: 150 }] } });
    try {
      const started = performance.now();
      const diagnosis = await cluster
        .service({ readTimeoutMs: 1000, requestTimeoutMs: 400, retries: 3 })
        .diagnose({ source: 'cluster' });
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(2500);
      expect(diagnosis.readMs).toBeGreaterThanOrEqual(1000);
      expect(diagnosis.readMs).toBeLessThanOrEqual(elapsed);
      const cut = diagnosis.warnings.filter((w) => /the read's deadline of 1 s/.test(w.message));
      expect(cut.length).toBeGreaterThan(0);
      expect(
        cut.every((w) =>
          /: (not sent: past|cut at) the read's deadline of 1 s \(--source-timeout\)/.test(w.message),
        ),
      ).toBe(true);
      // What was read before the deadline is judged; a node of which nothing was read is never HEALTHY.
      for (const node of diagnosis.nodes)
        if (!node.hasData) expect(diagnosis.health.nodes[node.node]).not.toBe('HEALTHY');
    } finally {
      await cluster.close();
    }
  });

  it('a request past its time-out is retried only within what is left of the deadline', async () => {
    const cluster = await liveCluster('healthy', {
      faults: { faults: [{ path: '/proxy/metrics$', delayMs: 5000 }] },
    });
    try {
      const started = performance.now();
      const diagnosis = await cluster
        .service({ readTimeoutMs: 1500, requestTimeoutMs: 600, retries: 5 })
        .diagnose({ source: 'cluster', node: 'worker-1' });
      expect(performance.now() - started).toBeLessThan(3000);
      // 600 ms, a retry after 200 ms, 600 ms again: the next wait (400 ms) no longer fits in the 1.5 s.
      // Without the deadline: six tries of 600 ms and the waits between them.
      expect(cluster.simulator.stats.byKind.proxy).toBeLessThanOrEqual(3);
      expect(diagnosis.warnings.map((w) => w.message)).toContainEqual(
        expect.stringMatching(
          /metrics through the pod proxy: (no answer in 0\.6 s \(time-out\)|cut at the read's deadline of 1\.5 s)/,
        ),
      );
      // The log was read before the deadline: the node is judged, its metrics named as unread.
      expect(diagnosis.health.nodes['worker-1']).toBe('HEALTHY');
      expect(diagnosis.findings.map((f) => f.rule)).toEqual(['fault/data-unread']);
    } finally {
      await cluster.close();
    }
  });

  it('a name that does not resolve and a server that does not speak TLS are named as such', async () => {
    const cluster = await liveCluster('healthy');
    const { writeFileSync } = await import('node:fs');
    try {
      const server = /server: (\S+)/.exec(cluster.simulator.kubeconfig)![1]!;
      writeFileSync(
        cluster.kubeconfig,
        cluster.simulator.kubeconfig.replace(server, 'http://api.ptp-mcp-test.invalid:6443'),
      );
      await expect(cluster.service({ retries: 0 }).diagnose({ source: 'cluster' })).rejects.toThrow(
        /^cannot read the cluster ptp-mcp-simulate: .*DNS: the API server's name api\.ptp-mcp-test\.invalid does not resolve \((ENOTFOUND|EAI_AGAIN)\)/,
      );
      writeFileSync(
        cluster.kubeconfig,
        cluster.simulator.kubeconfig.replace(server, server.replace('http:', 'https:')),
      );
      await expect(cluster.service({ retries: 0 }).diagnose({ source: 'cluster' })).rejects.toThrow(
        /^cannot read the cluster ptp-mcp-simulate: .*TLS: the connection was refused/,
      );
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
    ).rejects.toThrow(
      /^cannot read the cluster ptp-mcp-simulate: .*connection refused \(ECONNREFUSED 127\.0\.0\.1:\d+\)/,
    );
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
