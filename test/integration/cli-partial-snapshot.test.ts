import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../core/package-root.js';
import { runBuiltCli, startSimulateCli } from './cli-run.js';
import { stdioClient, textOf } from './mcp/mcp-client.js';

/**
 * A recording that could not read everything (the simulated API server refuses every exec) is kept,
 * marked incomplete, and replayed only with --partial; a folder without a valid snapshot.yaml likewise.
 */
describe('partial snapshots (the built CLI against a simulated cluster refusing exec)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-partial-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const recorded = join(dir, 'recorded');
  let simulator: ChildProcess;

  beforeAll(async () => {
    const faults = join(dir, 'faults.yaml');
    writeFileSync(faults, 'faults:\n  - path: "pods/[^/]+/exec"\n    status: 403\n');
    simulator = (
      await startSimulateCli(['--scenario', 'gnss-loss', '--faults', faults, '--kubeconfig-out', kubeconfig])
    ).process;
  });
  afterAll(() => {
    simulator.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a recording whose execs were refused, marked incomplete, exit 2', () => {
    const result = runBuiltCli(['snapshot', 'record', '--out', recorded, '--kubeconfig', kubeconfig]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^warning: node gm-1: exec ls in \S+: forbidden \(403\)/m);
    expect(result.stderr).toContain(
      `ptp-mcp: the recording is incomplete: 2 part(s) could not be read; what was read is in ${recorded}, marked incomplete in its snapshot.yaml (status.missing lists them); replay it with --source dir:${recorded} --partial\n`,
    );
    const manifest = parse(readFileSync(join(recorded, 'snapshot.yaml'), 'utf8'));
    expect(manifest.status.complete).toBe(false);
    expect(manifest.status.missing.map((m: { source: string }) => m.source)).toEqual([
      'node gm-1',
      'node worker-1',
    ]);
    expect(readdirSync(join(recorded, 'nodes', 'gm-1', 'logs'))).toContain('linuxptp-daemon-container.log');
    // Nothing but the recording beside it: its work folder was renamed into place.
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses to replay it without --partial, naming snapshot.yaml', () => {
    const result = runBuiltCli(['diagnose', '--source', `dir:${recorded}`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^ptp-mcp: ${join(recorded, 'snapshot.yaml')} marks the recording incomplete \\(status.complete: false\\): 2 part\\(s\\) could not be recorded, first node gm-1: .*--partial reads what the folder holds, marked partial\\n$`,
      ),
    );
  });

  it('replays it with --partial, and the diagnosis and every finding say the data is partial', () => {
    const json = runBuiltCli(['diagnose', '--source', `dir:${recorded}`, '--partial', '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.meta.partial.reasons).toHaveLength(2);
    expect(report.meta.partial.reasons[0]).toMatch(/^node gm-1: exec ls in \S+: forbidden \(403\)/);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings)
      expect(finding.evidence[0].description).toMatch(
        /^partial data: this finding may be wrong, and others may be missing \(2 part\(s\) of the snapshot could not be read, first: node gm-1: /,
      );
    const text = runBuiltCli(['diagnose', '--source', `dir:${recorded}`, '--partial']);
    expect(text.stdout).toContain(
      'PARTIAL DATA: the snapshot is incomplete; findings may be wrong or missing. Missing:\n  node gm-1: exec ls',
    );
  });

  it('refuses a folder without snapshot.yaml, and reads it as partial with --partial', () => {
    const folder = join(dir, 'no-manifest');
    cpSync(join(packageRoot(), 'fixtures', 'clusters', 'gnss-loss'), folder, { recursive: true });
    rmSync(join(folder, 'snapshot.yaml'));
    const refused = runBuiltCli(['diagnose', '--source', `dir:${folder}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `ptp-mcp: ${join(folder, 'snapshot.yaml')} is missing (every snapshot folder has one): not replayed as a whole snapshot; --partial reads what the folder holds, marked partial\n`,
    );
    const asked = runBuiltCli([
      'ask',
      'is the cluster healthy?',
      '--source',
      `dir:${folder}`,
      '--partial',
      '--format',
      'json',
    ]);
    expect(asked.code).toBe(0);
    const read = runBuiltCli(['diagnose', '--source', `dir:${folder}`, '--partial', '--format', 'json']);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).meta.partial).toEqual({
      reasons: [`${join(folder, 'snapshot.yaml')}: is missing (every snapshot folder has one)`],
    });
  });

  it('never records over a snapshot unless --force, and then replaces it whole', () => {
    const again = runBuiltCli(['snapshot', 'record', '--out', recorded, '--source', 'scenario:gnss-loss']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `ptp-mcp: ${recorded} already holds a snapshot: record into a new folder, or replace it with --force\n`,
    );
    const forced = runBuiltCli([
      'snapshot',
      'record',
      '--out',
      recorded,
      '--source',
      'scenario:gnss-loss',
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(parse(readFileSync(join(recorded, 'snapshot.yaml'), 'utf8')).status).toEqual({ complete: true });
    expect(runBuiltCli(['diagnose', '--source', `dir:${recorded}`]).code).toBe(0);
  });
});

describe('partial snapshots over MCP (serve --stdio)', () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-partial-mcp-')), 'no-manifest');
  cpSync(join(packageRoot(), 'fixtures', 'clusters', 'gnss-loss'), folder, { recursive: true });
  rmSync(join(folder, 'snapshot.yaml'));
  afterAll(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

  it('answers a tool on such a folder with an error naming snapshot.yaml, unless served with --partial', async () => {
    const strict = await stdioClient(['--source', `dir:${folder}`]);
    try {
      const refused = await strict.client.callTool({ name: 'check_ptp_health', arguments: {} });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toContain(`${join(folder, 'snapshot.yaml')} is missing`);
    } finally {
      await strict.close();
    }
    const partial = await stdioClient(['--source', `dir:${folder}`, '--partial']);
    try {
      const health = await partial.client.callTool({ name: 'check_ptp_health', arguments: {} });
      expect(textOf(health)).toMatch(
        /^cluster CRITICAL \(partial data: 1 part\(s\) of the snapshot could not be read\)/,
      );
      const faults = await partial.client.callTool({ name: 'analyze_ptp_faults', arguments: {} });
      const { findings } = faults.structuredContent as {
        findings: { evidence: { description: string }[] }[];
      };
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) expect(finding.evidence[0]!.description).toMatch(/^partial data: /);
    } finally {
      await partial.close();
    }
  });
});
