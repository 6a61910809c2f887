import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { textOf } from '../mcp/mcp-client.js';

/**
 * What a user gets from `npm install ptp-mcp` / `npx -y ptp-mcp`: the tarball `npm pack` makes (of the
 * build `npm test` made first), installed into an empty folder with nothing of the source tree, its
 * dependencies from the registry (or npm's cache, which `npm ci` filled). Run there as a user would:
 * `npx ptp-mcp diagnose`, `lint`, and the Claude Desktop block `npx -y ptp-mcp serve --stdio`.
 */
describe('the packed package, installed into an empty folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'ptp-mcp-package-'));
  const app = join(work, 'app');
  let files: string[] = [];

  const run = (command: string, args: string[], cwd = app) =>
    spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000 });

  beforeAll(() => {
    const packed = run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
      packageRoot(),
    );
    expect(packed.status, packed.stderr).toBe(0);
    const [manifest] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    files = manifest!.files.map((file) => file.path);
    mkdirSync(app);
    // A copy of the lint fixture outside the source tree, as a user's own file would be.
    copyFileSync(
      join(packageRoot(), 'fixtures', 'lint', 'bad', 'g8275.1-domain-0.conf'),
      join(app, 'ptp4l.conf'),
    );
    const installed = run('npm', [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--no-save',
      join(work, manifest!.filename),
    ]);
    expect(installed.status, installed.stderr).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds what runs (the bundle, its WebAssembly, the packs, the demo, the licence) and no sources, maps or benchmarks', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/bundle/ptp-mcp.js',
        'dist/bundle/log-analysis-worker.js',
        'dist/core/parsers/log/line-scan.wasm',
        'rules/fault-severity.yaml',
        // The NIC vendors' data (kind NicProfiles) and the dashboard's browser script.
        'plugins/nic/vendors/ice.yaml',
        'dist/bundle/web/dashboard.js',
        'fixtures/clusters/demo/snapshot.yaml',
        'LICENSE',
        'CHANGELOG.md',
        'README.md',
      ]),
    );
    const unwanted = files.filter(
      (file) =>
        file.endsWith('.map') ||
        file.endsWith('.ts') ||
        /^(bench|test|core|transports|scripts)\//.test(file) ||
        (file.startsWith('plugins/') && !file.endsWith('.yaml')) ||
        (file.startsWith('dist/') && !file.startsWith('dist/bundle/') && !file.endsWith('.wasm')),
    );
    expect(unwanted).toEqual([]);
    // Only what the bundle leaves external is installed beside it.
    const installed = readdirSync(join(app, 'node_modules'));
    for (const bundled of ['zod', 'yaml', 'json-rules-engine', 'tsyringe'])
      expect(installed).not.toContain(bundled);
  });

  it('`npx ptp-mcp diagnose` diagnoses the built-in demo', () => {
    const result = run('npx', ['ptp-mcp', 'diagnose']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('PTP diagnosis of demo');
    expect(result.stdout).toMatch(/bc-2 +CRITICAL +T-BC +HOLDOVER/);
  });

  it('`npx ptp-mcp lint` gates a config with the built-in packs', () => {
    const result = run('npx', ['ptp-mcp', 'lint', 'ptp4l.conf']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('ptp4l.conf');
    expect(result.stdout).toContain('g8275.1');
  });

  it('the Claude Desktop block (`npx -y ptp-mcp serve --stdio`) answers an MCP client', async () => {
    const transport = new StdioClientTransport({
      command: 'npx',
      args: ['-y', 'ptp-mcp', 'serve', '--stdio'],
      cwd: app,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'ptp-mcp-package-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('check_ptp_health');
      const result = await client.callTool({ name: 'check_ptp_health', arguments: {} });
      expect(result.isError).toBeFalsy();
      expect(textOf(result)).toContain('CRITICAL');
    } finally {
      await client.close();
    }
  }, 60_000);
});
