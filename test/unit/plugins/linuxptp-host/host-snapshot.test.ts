import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeStatus } from '../../../../core/analysis/node-status.js';
import { buildSnapshot } from '../../../../core/snapshot/build-snapshot.js';
import { SnapshotFolderSource } from '../../../../plugins/snapshot/snapshot-folder.js';

/** Lines as real ptp4l 3.1.1 printed them in the lab (test/lab/ptp4l-netns.test.ts), shortened. */
const PTP4L = `ptp4l[791.100]: [ptp4l.0.config] port 1: INITIALIZING to LISTENING on INIT_COMPLETE
ptp4l[791.300]: [ptp4l.0.config] port 1: new foreign master 6632ee.fffe.a6a9b7-1
ptp4l[792.000]: [ptp4l.0.config] selected best master clock 6632ee.fffe.a6a9b7
ptp4l[792.001]: [ptp4l.0.config] port 1: LISTENING to UNCALIBRATED on RS_SLAVE
ptp4l[792.200]: [ptp4l.0.config] master offset        -12 s0 freq      +0 path delay      2489
`;

describe('a plain host in a snapshot folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-host-snap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('snapshot.yaml', 'apiVersion: ptp-mcp/v1\nkind: Snapshot\nmetadata: {name: lab}\n');
  write('nodes/tsc/configs/ptp4l.0.config', '[global]\nslaveOnly 1\n[eth0]\n');
  write('nodes/tsc/logs/ptp4l.log', PTP4L);
  write(
    'nodes/tsc/host.yaml',
    'kind: LinuxptpHost\nclock: {monotonic: 800, realtime: "2026-12-02T08:00:00Z"}\nlogs: [{file: ptp4l.log, source: /x}, {file: gone.log, source: /y}]\n',
  );
  write('nodes/bad/host.yaml', 'kind: Something\n');

  it('dates ptp4l -m lines with the clock anchor and takes the role from the config', async () => {
    const raw = await new SnapshotFolderSource(dir, 'lab').collect();
    const snapshot = await buildSnapshot(raw, { origin: 'test' });
    const tsc = snapshot.nodes.find((n) => n.name === 'tsc')!;
    // The first line, 791.100 s, is 8.9 s before the anchor of 800 s.
    expect(tsc.logs?.timeRange.first?.wall).toBe(Date.parse('2026-12-02T07:59:51.100Z'));
    const status = nodeStatus(tsc, snapshot);
    expect(status.role).toBe('T-TSC');
    expect(status.ports.map((p) => p.state)).toEqual(['UNCALIBRATED']);
    expect(status.unread.join('\n')).toContain('gone.log: is missing (host.yaml lists it)');
  });

  it('a host.yaml that is not one: a warning naming it, the node still listed', async () => {
    const raw = await new SnapshotFolderSource(dir, 'lab').collect();
    expect(raw.nodes.map((n) => n.name)).toEqual(['bad', 'tsc']);
    expect(raw.warnings.map((w) => `${w.source}: ${w.message}`).join('\n')).toMatch(
      /lab\/nodes\/bad\/host\.yaml: not a LinuxptpHost record: kind/,
    );
  });

  it('a log without a config: a ptp4l whose only port never heard a master is a T-TSC that lost sync', async () => {
    // As real ptp4l 3.1.1 printed for a slaveOnly clock alone on its link (test/integration/host).
    write(
      'nodes/lone/logs/ptp4l.log',
      'ptp4l[900.100]: [ptp4l.0.config] port 1: INITIALIZING to LISTENING on INIT_COMPLETE\n' +
        'ptp4l[900.101]: [ptp4l.0.config] port 0: INITIALIZING to LISTENING on INIT_COMPLETE\n',
    );
    write(
      'nodes/lone/host.yaml',
      'kind: LinuxptpHost\nclock: {monotonic: 910, realtime: "2026-12-02T08:00:00Z"}\n',
    );
    const raw = await new SnapshotFolderSource(dir, 'lab').collect({ node: 'lone' });
    const snapshot = await buildSnapshot(raw, { origin: 'test', node: 'lone' });
    const status = nodeStatus(snapshot.nodes[0]!, snapshot);
    expect(status).toMatchObject({ role: 'T-TSC', syncState: 'FREERUN', hasData: true });
    expect(status.profiles).toMatchObject([{ name: 'ptp4l.0.config', type: 'OC', ports: ['port 1'] }]);
  });

  it('an untagged clock without slaveOnly that follows a master is a T-TSC, not a T-GM', async () => {
    write('nodes/tsc/configs/ptp4l.0.config', '[global]\n[eth0]\n');
    const raw = await new SnapshotFolderSource(dir, 'lab').collect({ node: 'tsc' });
    const snapshot = await buildSnapshot(raw, { origin: 'test', node: 'tsc' });
    expect(nodeStatus(snapshot.nodes[0]!, snapshot).role).toBe('T-TSC');
  });
});
