import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDiagnosisReport } from '../../../core/reports/diagnosis-report.js';
import { LogAnalysisThread } from '../../../core/snapshot/log-analysis-thread.js';
import { CLI } from '../cli-run.js';
import { type LiveCluster, liveCluster } from './simulated-cluster.js';

/** The parts of a diagnosis the analysis decides (not how long the read took). */
function judged(report: Record<string, unknown>) {
  const { nodes, hierarchy, findings, health, warnings } = report;
  return JSON.parse(JSON.stringify({ nodes, hierarchy, findings, health, warnings }));
}

/** The built CLI's diagnosis of the cluster (from 16 nodes on, its logs are analyzed on a second thread) and the same diagnosis in this process, where the sources have no worker file and it stays on one thread. */
async function bothWays(cluster: LiveCluster) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'diagnose', '--source', 'cluster', '--kubeconfig', cluster.kubeconfig, '--format', 'json'],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const here = judged(toDiagnosisReport(await cluster.service().diagnose({ source: 'cluster' })));
  return { threaded: judged(JSON.parse(stdout)), here };
}

describe('a fleet diagnosed by the built CLI, its logs analyzed on a second thread', () => {
  let cluster: LiveCluster;
  beforeAll(async () => {
    cluster = await liveCluster('demo', { nodes: 24 });
  });
  afterAll(() => cluster.close());

  it('says exactly what the same diagnosis analyzed on one thread says', async () => {
    expect(existsSync(join(dirname(CLI), 'log-analysis-worker.js'))).toBe(true);
    expect(LogAnalysisThread.available).toBe(false);
    const { threaded, here } = await bothWays(cluster);
    expect(threaded.nodes).toHaveLength(24);
    expect(threaded.warnings).toEqual([]);
    expect(threaded).toEqual(here);
  });

  it('keeps what a log cut short delivered, as one thread does, and says so', async () => {
    // The simulator sends half of the first piece of each daemon log, then drops the connection.
    const cut = await liveCluster('demo', {
      nodes: 24,
      faults: { faults: [{ path: '/log\\?.*container=linuxptp-daemon-container', truncate: true }] },
    });
    try {
      const { threaded, here } = await bothWays(cut);
      const cutShort = (threaded.warnings as { message: string }[]).filter((w) =>
        /linuxptp-daemon-container: .*the log may be cut short/.test(w.message),
      );
      expect(cutShort).toHaveLength(24);
      expect(threaded).toEqual(here);
    } finally {
      await cut.close();
    }
  });
});
