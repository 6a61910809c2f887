import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeStatus } from '../../../core/analysis/node-status.js';
import { buildSnapshot } from '../../../core/snapshot/build-snapshot.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';

/**
 * A plain host's status from pmc: the pmc answers, configs and host.yaml real ptp4l 3.1.1 gave in the lab
 * (fixtures/lab/bc-upstream-loss: the T-GM's port went FAULTY, the T-BC became its own grandmaster at class
 * 248 and serves its T-TSC on the ntpshm servo), with and without the logs recorded beside them.
 */
const LAB = 'fixtures/lab/bc-upstream-loss';

describe('a plain host diagnosed from its pmc answers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-pmc-status-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The recording, each node with its logs or without them (pmc, configs and host.yaml only), edited. */
  const statuses = async (withLogs: boolean, edit: (folder: string) => void = () => undefined) => {
    const out = mkdtempSync(join(dir, 'lab-'));
    cpSync(LAB, out, { recursive: true, filter: (source) => withLogs || !source.includes('/logs') });
    if (!withLogs)
      for (const node of ['gm', 'bc', 'tsc'])
        rewrite(join(out, 'nodes', node, 'host.yaml'), (text) =>
          text.replace(/logs:\n(\s+-.*\n\s+source:.*\n?)+/, 'logs: []\n'),
        );
    edit(out);
    const raw = await new SnapshotFolderSource(out, 'lab').collect();
    const snapshot = await buildSnapshot(raw, { origin: 'test' });
    return Object.fromEntries(snapshot.nodes.map((node) => [node.name, nodeStatus(node, snapshot)]));
  };
  const rewrite = (file: string, change: (text: string) => string) =>
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  /** The T-BC's log cut before its upstream port's link went down: the log last saw it UNCALIBRATED. */
  const beforeFault = (folder: string) =>
    rewrite(join(folder, 'nodes/bc/logs/ptp4l.0.log'), (text) =>
      text.slice(0, text.indexOf('ptp4l[1830.883]')),
    );

  it('without a log: role, state, grandmaster, clock class and ports come from pmc, and the node has data', async () => {
    const { gm, bc, tsc } = await statuses(false);
    // The T-GM: free_running 1 with class 6 is LOCKED (lead decision 3), though its only port is FAULTY.
    expect(gm).toMatchObject({
      role: 'T-GM',
      hasData: true,
      syncState: 'LOCKED',
      syncSource: 'pmc ptp4l.0.config',
      clockClass: { current: 6, source: 'pmc' },
      grandmaster: { identity: 'eae539.fffe.8de6f2', local: true, changes: 0 },
    });
    expect(gm!.ports).toMatchObject([
      { configTag: 'ptp4l.0.config', port: 1, iface: 'gm-bc', state: 'FAULTY' },
    ]);
    // The T-BC lost its upstream and is its own grandmaster: class 248, not locked. Without its log it
    // is typed by its config alone: two ports, no slaveOnly.
    expect(bc).toMatchObject({
      hasData: true,
      syncState: 'FREERUN',
      clockClass: { current: 248, source: 'pmc' },
      grandmaster: { identity: '4e3d93.fffe.a2f0cc', local: true },
    });
    expect(bc!.ports.map((p) => [p.iface, p.state])).toEqual([
      ['bc-gm', 'FAULTY'],
      ['bc-tsc', 'MASTER'],
    ]);
    // The T-TSC (slaveOnly, class 255) tracks the T-BC on the ntpshm servo: UNCALIBRATED is tracking.
    expect(tsc).toMatchObject({
      role: 'T-TSC',
      hasData: true,
      syncState: 'LOCKED',
      clockClass: { current: 255, source: 'pmc' },
      grandmaster: { identity: '4e3d93.fffe.a2f0cc', local: false },
    });
    expect(tsc!.ports.map((p) => p.state)).toEqual(['UNCALIBRATED']);
    // The data of a node without a log is the moment pmc was read (host.yaml's clock anchor).
    expect(tsc!.timeRange.last?.wall).toBe(Date.parse('2026-12-02T08:25:25.875Z'));
  });

  it('with its log: the T-BC follows until its upstream fails, and the sync loss runs to when pmc was read', async () => {
    const { bc } = await statuses(true);
    expect(bc).toMatchObject({
      role: 'T-BC',
      syncState: 'FREERUN',
      clockClass: { current: 248, source: 'pmc' },
    });
    const anchor = Date.parse('2026-12-02T08:25:24.179Z');
    // Its log ends right after the fault; pmc, read later, still showed it: the node's data end is pmc's.
    expect(bc!.timeRange.last?.wall).toBe(anchor);
    const ongoing = bc!.episodes.syncLoss.filter((e) => e.ongoing);
    expect(ongoing).toHaveLength(1);
    expect(ongoing[0]!.start.wall! + ongoing[0]!.durationMs!).toBe(anchor);
  });

  it("pmc's port states, grandmaster and state are the current ones when the log stops earlier", async () => {
    const { bc } = await statuses(true, beforeFault);
    expect(bc!.ports.map((p) => [p.port, p.state, p.transitions])).toEqual([
      [1, 'FAULTY', 3],
      [2, 'MASTER', 2],
    ]);
    expect(bc!.ports[0]!.since.wall).toBe(Date.parse('2026-12-02T08:25:24.179Z'));
    expect(bc).toMatchObject({
      syncState: 'FREERUN',
      grandmaster: { identity: '4e3d93.fffe.a2f0cc', local: true, changes: 3 },
    });
  });

  it('a log line later than the pmc read is newer than pmc: the log keeps its port state', async () => {
    const { bc } = await statuses(true, (folder) => {
      beforeFault(folder);
      // The anchor moved to before the log's last line (1827.880 s), as if pmc had been read first.
      rewrite(join(folder, 'nodes/bc/host.yaml'), (text) =>
        text
          .replace(/monotonic: .*/, 'monotonic: 1827.5')
          .replace(/realtime: .*/, 'realtime: 2026-12-02T08:20:00.000Z'),
      );
    });
    expect(bc!.ports.map((p) => [p.port, p.state])).toEqual([
      [1, 'UNCALIBRATED'],
      [2, 'MASTER'],
    ]);
  });
});
