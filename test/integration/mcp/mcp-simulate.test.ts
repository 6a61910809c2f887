import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenariosDir } from '../../../plugins/snapshot/index.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';
import { type Simulator, startSimulator } from '../../../simulate/simulator.js';
import { stdioClient, textOf } from './mcp-client.js';
import { CALLS } from './tool-calls.js';

/** Every tool through the live path: the built server reads the `simulate` cluster with client-node. */
describe('MCP tools on a live (simulated) cluster', () => {
  let simulator: Simulator;
  let session: Awaited<ReturnType<typeof stdioClient>>;

  beforeAll(async () => {
    simulator = await startSimulator({
      source: new SnapshotFolderSource(join(scenariosDir(), 'demo'), 'scenario:demo'),
    });
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-mcp-sim-')), 'kubeconfig');
    writeFileSync(kubeconfig, simulator.kubeconfig);
    session = await stdioClient(['--kubeconfig', kubeconfig]);
  });
  afterAll(async () => {
    await session.close();
    await simulator.close();
  });

  it('defaults to the cluster of the kubeconfig', () => {
    expect(session.stderr()).toContain('default source cluster');
  });

  for (const [name, args] of Object.entries(CALLS)) {
    it(`${name} answers from the cluster`, async () => {
      const result = await session.client.callTool({ name, arguments: args });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(result.structuredContent).toBeDefined();
    });
  }

  it('reads the same facts as from the recording, and lists the kubeconfig’s context', async () => {
    const hierarchy = await session.client.callTool({ name: 'get_clock_hierarchy', arguments: {} });
    expect(textOf(hierarchy)).toBe('gm-1 → bc-1 → worker-1, worker-2\nbc-2 → worker-3');
    const contexts = await session.client.callTool({ name: 'list_contexts', arguments: {} });
    expect(contexts.structuredContent).toEqual({
      contexts: [
        { name: 'ptp-mcp-simulate', cluster: 'ptp-mcp-simulate', namespace: 'openshift-ptp', current: true },
      ],
    });
    const refused = await session.client.callTool({
      name: 'exec_ptp_command',
      arguments: { node: 'bc-1', command: ['cat', '/etc/shadow'] },
    });
    expect(refused.isError).toBe(true);
    expect(simulator.stats.byKind.exec).toBeGreaterThan(0);
  });
});
