import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { SourceError } from '../../../core/sources/source-error.js';
import { FolderFiles } from '../../../plugins/snapshot/folder-files.js';
import { scenarioNames, scenariosDir, snapshotFolderSource } from '../../../plugins/snapshot/index.js';
import { readManifestFile } from '../../../plugins/snapshot/manifest-file.js';
import { createService } from '../../../transports/composition-root.js';
import { closeHostileSockets, writeHostileInput } from '../../hostile/hostile-inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-hostile-snapshot-'));
afterAll(async () => {
  await closeHostileSockets();
  rmSync(dir, { recursive: true, force: true });
});

let copies = 0;
/** A copy of a scenario to spoil: healthy has four nodes and every file kind, gnss-loss has findings. */
function scenarioCopy(scenario = 'healthy'): string {
  const root = join(dir, `snapshot-${++copies}`);
  cpSync(join(packageRoot(), 'fixtures', 'clusters', scenario), root, { recursive: true });
  return root;
}

const DAEMON_LOG = join('nodes', 'bc-1', 'logs', 'linuxptp-daemon-container.log');
const strict = snapshotFolderSource();
const partial = snapshotFolderSource({ partial: true });

describe('a snapshot folder with a file that cannot be read safely', () => {
  it.each([
    ['fifo', 'is a FIFO (named pipe), not a regular file: not read'],
    ['dev-zero', 'is a link to /dev/zero, outside the snapshot folder: not read'],
    [
      'utf16le-bom',
      'is UTF-16 (little-endian) text; ptp-mcp reads UTF-8: convert it first (iconv -f UTF-16LE -t UTF-8)',
    ],
    ['binary', 'is binary data (NUL bytes), not UTF-8 text'],
  ] as const)(
    'as the daemon log (%s): a warning naming it, that node without the log, the rest loaded',
    async (kind, message) => {
      const root = scenarioCopy();
      const log = join(root, DAEMON_LOG);
      const base = readFileSync(log, 'utf8');
      rmSync(log);
      await writeHostileInput(log, kind, base);
      const raw = await strict.open(`dir:${root}`).collect();
      expect(raw.warnings).toContainEqual({ source: join(root, DAEMON_LOG), message });
      const bc1 = raw.nodes.find((n) => n.name === 'bc-1')!;
      expect(bc1.logs.daemon).toBeUndefined();
      expect(bc1.unread).toEqual([`${join(root, DAEMON_LOG)}: ${message}`]);
      expect(bc1.configs.length).toBeGreaterThan(0);
      expect(raw.nodes.filter((n) => n.logs.daemon !== undefined).map((n) => n.name)).toEqual([
        'gm-1',
        'worker-1',
        'worker-2',
      ]);
    },
  );

  it('takes a socket as metrics.prom for what it is', async () => {
    const root = scenarioCopy();
    const metrics = join(root, 'nodes', 'gm-1', 'metrics.prom');
    rmSync(metrics);
    await writeHostileInput(metrics, 'socket');
    const raw = await strict.open(`dir:${root}`).collect();
    expect(raw.warnings).toContainEqual({
      source: metrics,
      message: 'is a socket, not a regular file: not read',
    });
    expect(raw.nodes.find((n) => n.name === 'gm-1')!.metrics).toBeUndefined();
  });

  it('refuses a node folder that links out of the snapshot, ignores a stray file, and reads a link that stays inside', async () => {
    const root = scenarioCopy();
    const outside = join(dir, `outside-${copies}`);
    cpSync(join(root, 'nodes', 'worker-2'), outside, { recursive: true });
    rmSync(join(root, 'nodes', 'worker-2'), { recursive: true });
    symlinkSync(outside, join(root, 'nodes', 'worker-2'));
    const config = join(root, 'nodes', 'bc-1', 'configs', 'ptp4l.0.config');
    rmSync(config);
    symlinkSync('ptp4l.1.config', config);
    writeFileSync(join(root, 'nodes', 'README.md'), 'not a node');
    const raw = await strict.open(`dir:${root}`).collect();
    expect(raw.nodes.map((n) => n.name)).toEqual(['bc-1', 'gm-1', 'worker-1', 'worker-2']);
    expect(raw.warnings).toEqual([
      { source: join(root, 'nodes', 'README.md'), message: 'is a file, not a node folder: ignored' },
      {
        source: join(root, 'nodes', 'worker-2'),
        message: `is a link to ${outside}, outside the snapshot folder: not read`,
      },
    ]);
    expect(raw.nodes.find((n) => n.name === 'worker-2')).toMatchObject({
      configs: [],
      unread: [expect.any(String)],
    });
    expect(raw.nodes.find((n) => n.name === 'bc-1')!.configs.map((c) => c.name)).toContain(config);
  });
});

describe('a snapshot folder with a bad YAML file', () => {
  it.each([
    [
      'an alias bomb',
      `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
      /alias/i,
    ],
    ['a syntax error', 'kind: PtpConfig\nmetadata: { name: a }\nspec: [unclosed\n', /./],
    ['a list of strings', '- one\n- two\n', /./],
  ])(
    'as ptpconfigs.yaml (%s): a warning naming the file, every other file loaded',
    async (_what, text, message) => {
      const root = scenarioCopy();
      const file = join(root, 'cluster', 'ptpconfigs.yaml');
      writeFileSync(file, text);
      const snapshot = await createService().snapshot({ source: `dir:${root}` });
      expect(snapshot.warnings).toContainEqual(
        expect.objectContaining({ source: file, message: expect.stringMatching(message) }),
      );
      expect(snapshot.cluster.ptpConfigs).toEqual([]);
      expect(snapshot.cluster.nodes.map((n) => n.metadata.name).sort()).toEqual([
        'bc-1',
        'gm-1',
        'worker-1',
        'worker-2',
      ]);
      expect(snapshot.nodes.every((n) => n.logs !== null)).toBe(true);
    },
  );
});

describe('snapshot.yaml', () => {
  const incomplete = [
    'apiVersion: ptp-mcp/v1',
    'kind: Snapshot',
    'metadata: { name: cut }',
    'status:',
    '  complete: false',
    '  missing:',
    '    - { source: nodes/bc-1/logs/linuxptp-daemon-container.log, message: "cut short: connection reset" }',
    '',
  ].join('\n');
  it.each([
    ['missing', undefined, 'is missing (every snapshot folder has one)'],
    ['not YAML', 'apiVersion: [ptp-mcp/v1\n', 'line 2: not YAML: '],
    [
      'of another kind',
      'apiVersion: ptp-mcp/v1\nkind: PtpConfig\nmetadata: { name: x }\n',
      'not a ptp-mcp/v1 Snapshot manifest: kind: ',
    ],
    [
      'of another version',
      'apiVersion: ptp-mcp/v2\nkind: Snapshot\nmetadata: { name: x }\n',
      'not a ptp-mcp/v1 Snapshot manifest: apiVersion: ',
    ],
    [
      'marking the recording incomplete',
      incomplete,
      'marks the recording incomplete (status.complete: false): 1 part(s) could not be recorded, first nodes/bc-1/logs/linuxptp-daemon-container.log: cut short: connection reset',
    ],
  ])('%s: refused naming the file, read as partial with --partial', async (_what, text, problem) => {
    const root = scenarioCopy('gnss-loss');
    const manifest = join(root, 'snapshot.yaml');
    if (text === undefined) rmSync(manifest);
    else writeFileSync(manifest, text);
    const refusal = await strict
      .open(`dir:${root}`)
      .collect()
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SourceError);
    expect((refusal as Error).message).toContain(`${manifest} ${problem}`);
    expect((refusal as Error).message).toMatch(/--partial reads what the folder holds, marked partial$/);

    const raw = await partial.open(`dir:${root}`).collect();
    expect(raw.nodes.map((n) => n.name)).toEqual(['gm-1', 'worker-1']);
    expect(raw.manifest.status?.complete).toBe(false);
    const diagnosis = await createService({ partialSnapshots: true }).diagnose({ source: `dir:${root}` });
    expect(diagnosis.meta.partial?.reasons[0]).toMatch(
      text === incomplete
        ? /^nodes\/bc-1\/logs\/linuxptp-daemon-container\.log: cut short/
        : /snapshot\.yaml: /,
    );
    expect(diagnosis.findings.length).toBeGreaterThan(0);
    for (const finding of diagnosis.findings)
      expect(finding.evidence[0]!.description).toMatch(
        /^partial data: this finding may be wrong, and others may be missing \(1 part\(s\) of the snapshot could not be read: /,
      );
  });

  it('a whole one is not partial, and its findings carry no such note', async () => {
    const diagnosis = await createService({ partialSnapshots: true }).diagnose({
      source: `dir:${scenarioCopy()}`,
    });
    expect(diagnosis.meta.partial).toBeNull();
    for (const finding of diagnosis.findings)
      expect(finding.evidence[0]?.description ?? '').not.toMatch(/^partial data/);
  });
});

describe('the built-in scenarios', () => {
  it.each(scenarioNames())('%s has a valid, complete snapshot.yaml', async (name) => {
    const { manifest, problem } = await readManifestFile(new FolderFiles(join(scenariosDir(), name), name));
    expect(problem).toBeUndefined();
    expect(manifest?.metadata.name).toBe(name);
  });
});
