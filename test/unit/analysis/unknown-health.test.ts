import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scenariosDir } from '../../../plugins/snapshot/index.js';
import { createService } from '../../../transports/composition-root.js';

/** A copy of fixtures/clusters/healthy whose worker-2 daemon log is replaced by `replace`. */
function healthyWith(replace: (log: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-unknown-'));
  cpSync(join(scenariosDir(), 'healthy'), dir, { recursive: true });
  const log = join(dir, 'nodes', 'worker-2', 'logs', 'linuxptp-daemon-container.log');
  rmSync(log);
  replace(log);
  return dir;
}

describe('a node whose daemon log could not be read is UNKNOWN, never HEALTHY', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an empty daemon log: UNKNOWN although its metrics say LOCKED; the cluster says 1 of 4', async () => {
    dir = healthyWith((log) => writeFileSync(log, ''));
    const diagnosis = await createService().diagnose({ source: `dir:${dir}` });
    expect(diagnosis.health).toEqual({
      cluster: 'UNKNOWN',
      nodes: { 'bc-1': 'HEALTHY', 'gm-1': 'HEALTHY', 'worker-1': 'HEALTHY', 'worker-2': 'UNKNOWN' },
      unknown: ['worker-2'],
    });
    expect(diagnosis.findings.map((f) => `${f.rule}@${f.subject.node} ${f.message}`)).toEqual([
      'fault/data-unread@worker-2 worker-2: could not read its daemon log: not in the source, or empty; no line of its daemon log was read: its health is UNKNOWN',
    ]);
  });

  it('a FIFO in place of the daemon log: refused, named in the finding, the node UNKNOWN', async () => {
    dir = healthyWith((log) => execFileSync('mkfifo', [log]));
    const diagnosis = await createService().diagnose({ source: `dir:${dir}` });
    expect(diagnosis.health.nodes['worker-2']).toBe('UNKNOWN');
    expect(diagnosis.health.unknown).toEqual(['worker-2']);
    const [finding] = diagnosis.findings;
    expect(finding?.rule).toBe('fault/data-unread');
    expect(finding?.message).toContain('nodes/worker-2/logs/linuxptp-daemon-container.log');
    expect(finding?.message).toMatch(/FIFO/);
  });
});
