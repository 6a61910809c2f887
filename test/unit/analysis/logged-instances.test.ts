import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeStatus } from '../../../core/analysis/node-status.js';
import type { PtpInstance } from '../../../core/model/clock-hierarchy.js';
import { buildSnapshot } from '../../../core/snapshot/build-snapshot.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-logged-instances-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of a recording, changed by `edit`, and its nodes' ptp4l instances. */
async function instancesOf(
  recording: string,
  edit: (copy: string) => void,
): Promise<Record<string, PtpInstance[]>> {
  const copy = mkdtempSync(join(dir, 'copy-'));
  cpSync(recording, copy, { recursive: true });
  edit(copy);
  const snapshot = await buildSnapshot(await new SnapshotFolderSource(copy, 'test').collect(), {
    origin: 'test',
  });
  return Object.fromEntries(
    snapshot.nodes.map((node) => [node.name, nodeStatus(node, snapshot).ptpInstances]),
  );
}

/** What the logs can tell of an instance, and where it came from. */
const told = (instance: PtpInstance | undefined) =>
  instance && {
    source: instance.source,
    clockIdentity: instance.clockIdentity,
    parentPortIdentity: instance.parentPortIdentity,
    grandmasterIdentity: instance.grandmasterIdentity,
    stepsRemoved: instance.stepsRemoved,
    ports: instance.ports,
  };

describe('ptp4l instances the logs describe where pmc was not asked', () => {
  it('a grandmaster of real ptp4l 3.1.1: its log gives what its pmc answered (identity, itself as parent, ports)', async () => {
    const lab = 'fixtures/lab/gm-class-degrades';
    const asked = await instancesOf(lab, () => {});
    // Its one port was MASTER all along (its log), as a serverOnly port always is: the config now says so.
    const unasked = await instancesOf(lab, (copy) => {
      appendFileSync(join(copy, 'nodes/gm/configs/ptp4l.0.config'), 'masterOnly 1\n');
      rmSync(join(copy, 'nodes/gm/pmc'), { recursive: true });
    });
    expect(told(unasked.gm![0])).toEqual({ ...told(asked.gm![0]), source: 'logs' });
    expect(unasked.gm![0]).toMatchObject({
      clockIdentity: 'de7b86.fffe.3757d4',
      parentPortIdentity: 'de7b86.fffe.3757d4-0',
    });
    // What only pmc says stays unknown.
    expect(unasked.gm![0]).toMatchObject({ domainNumber: null, offsetFromMaster: null, gmPresent: null });
  });

  it('a T-BC’s controlled ptp4l: the grandmaster and steps the daemon set it (EXTERNAL_GRANDMASTER_PROPERTIES_NP)', async () => {
    const demo = 'fixtures/clusters/demo';
    const asked = await instancesOf(demo, () => {});
    const unasked = await instancesOf(demo, (copy) => {
      for (const node of ['gm-1', 'bc-1', 'bc-2']) rmSync(join(copy, `nodes/${node}/pmc/ptp4l.0.config.txt`));
    });
    for (const node of ['gm-1', 'bc-1', 'bc-2']) {
      const instance = unasked[node]!.find((i) => i.configFile === 'ptp4l.0.config');
      expect(told(instance), node).toEqual({ ...told(asked[node]![0]), source: 'logs' });
    }
    // bc-1 follows gm-1 (stepsRemoved 1); bc-2 announces itself in holdover (stepsRemoved 0).
    expect(unasked['bc-1']![0]).toMatchObject({ grandmasterIdentity: 'b49691.fffe.05f38c', stepsRemoved: 1 });
    expect(unasked['bc-2']![0]).toMatchObject({ grandmasterIdentity: '40a6b7.fffe.d89238', stepsRemoved: 0 });
    expect(unasked['bc-1']!.map((i) => `${i.configFile} ${i.source}`)).toEqual([
      'ptp4l.0.config logs',
      'ptp4l.1.config pmc',
    ]);
  });

  it('makes up nothing beside a time receiver pmc did not answer for, nor for a clock whose log never named it', async () => {
    const demo = 'fixtures/clusters/demo';
    const unasked = await instancesOf(demo, (copy) => {
      rmSync(join(copy, 'nodes/bc-1/pmc'), { recursive: true });
      rmSync(join(copy, 'nodes/gm-1/pmc'), { recursive: true });
      const log = join(copy, 'nodes/gm-1/logs/linuxptp-daemon-container.log');
      const lines = readFileSync(log, 'utf8').split('\n');
      writeFileSync(log, lines.filter((line) => !line.includes('selected local clock')).join('\n'));
    });
    expect(unasked['bc-1']).toEqual([]);
    expect(unasked['gm-1']).toEqual([]);
    expect(unasked['bc-2']!.every((i) => i.source === 'pmc')).toBe(true);
  });
});
