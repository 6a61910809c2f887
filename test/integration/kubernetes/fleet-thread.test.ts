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

describe('a fleet diagnosed by the built CLI, its logs analyzed on a second thread', () => {
  let cluster: LiveCluster;
  beforeAll(async () => {
    cluster = await liveCluster('demo', { nodes: 24 });
  });
  afterAll(() => cluster.close());

  it('says exactly what the same diagnosis analyzed on one thread says', async () => {
    // The bundle has the worker; run from the TypeScript sources, the analysis stays on this thread.
    expect(existsSync(join(dirname(CLI), 'log-analysis-worker.js'))).toBe(true);
    expect(LogAnalysisThread.available).toBe(false);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [CLI, 'diagnose', '--source', 'cluster', '--kubeconfig', cluster.kubeconfig, '--format', 'json'],
      { maxBuffer: 256 * 1024 * 1024 },
    );
    const threaded = judged(JSON.parse(stdout));
    const here = judged(toDiagnosisReport(await cluster.service().diagnose({ source: 'cluster' })));
    expect(threaded.nodes).toHaveLength(24);
    expect(threaded.warnings).toEqual([]);
    expect(threaded).toEqual(here);
  });
});
