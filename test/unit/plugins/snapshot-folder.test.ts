import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../../core/sources/source-error.js';
import {
  builtInScenarioSource,
  scenarioNames,
  snapshotFolderSource,
} from '../../../plugins/snapshot/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built-in scenarios', () => {
  it('include the demo, healthy and one per fault kind', () => {
    expect(scenarioNames()).toEqual(
      expect.arrayContaining(['demo', 'healthy', 'gnss-loss', 'holdover-freerun', 'port-fault']),
    );
  });

  it('read the demo without a warning: objects, six nodes with logs, pmc, metrics, ethtool', async () => {
    const raw = await builtInScenarioSource.open('demo').collect();
    expect(raw.warnings).toEqual([]);
    expect(raw.manifest.metadata.name).toBe('demo');
    expect(raw.nodes.map((n) => n.name)).toEqual([
      'bc-1',
      'bc-2',
      'gm-1',
      'worker-1',
      'worker-2',
      'worker-3',
    ]);
    const kinds = new Set(raw.objects.map((o) => (o.object as { kind: string }).kind));
    expect(kinds).toEqual(
      new Set(['Node', 'PtpConfig', 'PtpOperatorConfig', 'NodePtpDevice', 'Pod', 'Event']),
    );
    const bc2 = raw.nodes.find((n) => n.name === 'bc-2')!;
    expect(bc2.logs.daemon?.name).toBe('scenario:demo/nodes/bc-2/logs/linuxptp-daemon-container.log');
    expect(bc2.pmc.map((p) => p.configFile)).toEqual(['ptp4l.0.config', 'ptp4l.1.config']);
    expect(bc2.ethtool.every((e) => e.driverInfo && e.timestamping)).toBe(true);
    expect(bc2.metrics?.text).toContain('openshift_ptp_clock_class');
  });

  it('read only the node asked for', async () => {
    const raw = await builtInScenarioSource.open('demo').collect({ node: 'gm-1' });
    expect(raw.nodes.map((n) => n.name)).toEqual(['gm-1']);
  });

  it('refuse an unknown scenario with the list of known ones', () => {
    expect(() => builtInScenarioSource.open('scenario:nope')).toThrow(
      /no built-in scenario "nope"; there are: .*demo/,
    );
  });
});

describe('a snapshot folder with problems', () => {
  it('says which file and line is wrong and loads the rest', async () => {
    const root = join(dir, 'broken');
    mkdirSync(join(root, 'cluster'), { recursive: true });
    mkdirSync(join(root, 'nodes', 'n1', 'ethtool'), { recursive: true });
    writeFileSync(
      join(root, 'snapshot.yaml'),
      'apiVersion: ptp-mcp/v1\nkind: Snapshot\nmetadata: { name: broken }\n',
    );
    writeFileSync(
      join(root, 'cluster', 'ptpconfigs.yaml'),
      'kind: PtpConfig\nmetadata: { name: a }\nspec: [unclosed\n',
    );
    writeFileSync(join(root, 'cluster', 'nodes.yaml'), 'kind: Node\nmetadata: { name: n1 }\n');
    writeFileSync(join(root, 'nodes', 'n1', 'ethtool', 'weird-name.txt'), 'x');
    const raw = await snapshotFolderSource().open(`dir:${root}`).collect();
    expect(raw.nodes.map((n) => n.name)).toEqual(['n1']);
    expect(raw.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: expect.stringMatching(/cluster\/ptpconfigs\.yaml$/),
          line: expect.any(Number),
        }),
        expect.objectContaining({
          source: expect.stringMatching(/weird-name\.txt$/),
          message: 'expected <iface>.i.txt or <iface>.T.txt',
        }),
      ]),
    );
  });

  it('refuses a folder that is not there', async () => {
    await expect(
      snapshotFolderSource()
        .open(`dir:${join(dir, 'absent')}`)
        .collect(),
    ).rejects.toThrow(SourceError);
  });
});
