import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { scenariosDir } from '../../../plugins/snapshot/index.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';
import type { ApiAccess } from '../../../simulate/api-access.js';
import { startSimulator } from '../../../simulate/simulator.js';
import { CLI } from '../cli-run.js';
import { stdioClient } from '../mcp/mcp-client.js';
import { CALLS } from '../mcp/tool-calls.js';
import { describeKit, grants, permission, render } from './kustomize.js';

/** The built CLI, asynchronously: the simulated API server answers from this process meanwhile. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

const asPermission = (a: ApiAccess) =>
  permission(
    a.verb,
    a.group,
    a.subresource ? `${a.resource}/${a.subresource}` : a.resource,
    a.namespace ?? 'cluster',
  );

/** The permissions a simulated demo cluster saw while `drive` used it through the kubeconfig given. */
async function recordedBy(drive: (kubeconfig: string, dir: string) => Promise<void>): Promise<string[]> {
  const simulator = await startSimulator({
    source: new SnapshotFolderSource(join(scenariosDir(), 'demo'), 'scenario:demo'),
  });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-rbac-'));
    writeFileSync(join(dir, 'kubeconfig'), simulator.kubeconfig);
    await drive(join(dir, 'kubeconfig'), dir);
    return [...new Set(simulator.access.resources().map(asPermission))].sort();
  } finally {
    await simulator.close();
  }
}

/** Every MCP tool called once on a `serve --stdio` of the cluster. */
async function everyTool(args: string[]): Promise<void> {
  const session = await stdioClient(args);
  try {
    for (const [name, toolArgs] of Object.entries(CALLS))
      await session.client.callTool({ name, arguments: toolArgs });
  } finally {
    await session.close();
  }
}

/**
 * deploy/'s roles derived from the code: every request that diagnose, snapshot record and every MCP tool
 * make of a live (simulated) cluster is recorded by the API server as RBAC sees it (verb, group, resource,
 * subresource, namespace or cluster scope); the base must grant each read and nothing else, and pods/exec
 * belongs to the exec overlay alone.
 */
describeKit('deploy/ RBAC against the requests ptp-mcp makes', () => {
  /** diagnose, snapshot record (their default reads exec) and the server of the exec overlay. */
  let recorded: string[];
  /** The server of the base: no --allow-exec. */
  let base: string[];

  beforeAll(async () => {
    recorded = await recordedBy(async (kubeconfig, dir) => {
      const cluster = ['--source', 'cluster', '--kubeconfig', kubeconfig];
      const diagnose = await runCli(['diagnose', ...cluster, '--summary']);
      expect(diagnose.code, diagnose.stderr).toBe(0);
      const record = await runCli([
        'snapshot',
        'record',
        ...cluster,
        '--out',
        join(dir, 'snap'),
        '--since',
        '1h',
      ]);
      expect(record.code, record.stderr).toBe(0);
      await everyTool(['--kubeconfig', kubeconfig, '--allow-exec']);
    });
    base = await recordedBy((kubeconfig) => everyTool(['--kubeconfig', kubeconfig]));
  }, 180_000);

  it('the base grants every read the code makes, and nothing it does not make', () => {
    const reads = recorded.filter((p) => !p.includes('pods/exec'));
    expect(reads.length).toBeGreaterThan(5);
    expect(reads.every((p) => /^(get|list|watch) /.test(p))).toBe(true);
    expect([...new Set(grants(render('base')))].sort()).toEqual(reads);
  });

  it('pods/exec (create) is asked by the exec tools and node reads, and granted by the exec overlay alone', () => {
    const execs = recorded.filter((p) => p.includes('pods/exec'));
    expect(execs).toEqual(['create core pods/exec in openshift-ptp']);
    const base = new Set(grants(render('base')));
    expect(grants(render('overlays/exec')).filter((g) => !base.has(g))).toEqual(execs);
    for (const kit of ['base', 'overlays/events', 'overlays/lightspeed'] as const)
      expect(
        grants(render(kit)).filter((g) => g.includes('pods/exec')),
        kit,
      ).toEqual([]);
  });

  it('the server of the base (no --allow-exec) asks for no exec, and for nothing the base does not grant', () => {
    expect(base.filter((p) => p.includes('pods/exec'))).toEqual([]);
    const granted = new Set(grants(render('base')));
    expect(base.filter((p) => !granted.has(p))).toEqual([]);
  });
});
