import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../transports/cli/io.js';
import { runCli } from '../../../transports/cli/main.js';
import { liveCluster } from './simulated-cluster.js';

/** `ptp-mcp diagnose --source cluster` in-process, its output captured. */
async function diagnose(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: Readable.from([]),
    stderrIsTty: false,
  };
  const code = await runCli(['diagnose', '--source', 'cluster', ...args], io);
  return { code, stdout, stderr };
}

describe('diagnose --source cluster when reads fail: health says what is unknown, the exit code whether anything was read', () => {
  it('no node could be read (the API server died after its lists): the report shows them UNKNOWN, exit 2', async () => {
    const cluster = await liveCluster('gnss-loss', { stopAfterRequests: 8 });
    try {
      const { code, stdout, stderr } = await diagnose([
        '--kubeconfig',
        cluster.kubeconfig,
        '--source-timeout',
        '3s',
      ]);
      expect(code).toBe(2);
      expect(stderr).toBe(
        'ptp-mcp: no line of the daemon log of any of the 2 node(s) could be read from cluster: see the warnings\n',
      );
      expect(stdout).toMatch(
        /^health: UNKNOWN, 2 of 2 node\(s\) unknown \(no line of their daemon log could be read: gm-1, worker-1\)$/m,
      );
      expect(stdout).toMatch(/^data: - \.\. - \(read in \d+\.\d s\)$/m);
      expect(stdout).toMatch(/^gm-1 +UNKNOWN +\S+ +NO DATA/m);
      expect(stdout).not.toContain('HTTP 500');
      expect(stdout).toContain('connection refused (ECONNREFUSED');
    } finally {
      await cluster.close();
    }
  });

  it('the nodes were read: exit 0 whatever the findings, the time spent in the report', async () => {
    const cluster = await liveCluster('gnss-loss');
    try {
      const { code, stdout } = await diagnose(['--kubeconfig', cluster.kubeconfig, '--format', 'json']);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      expect(report.health).toEqual({
        cluster: 'CRITICAL',
        nodes: { 'gm-1': 'CRITICAL', 'worker-1': 'HEALTHY' },
        unknown: [],
      });
      expect(report.readMs).toBeGreaterThan(0);
    } finally {
      await cluster.close();
    }
  });

  it('--source-timeout takes a duration, range-checked', async () => {
    const { code, stderr } = await diagnose(['--source-timeout', '0s']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'ptp-mcp: --source-timeout takes a duration from 1ms to 24h, such as 120s or 5m (got "0s")\n',
    );
  });
});
