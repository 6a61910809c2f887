import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenariosDir } from '../../../plugins/snapshot/index.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';
import { FakePublisher } from '../../../simulate/cloud-event-publisher.js';
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
    session = await stdioClient(['--kubeconfig', kubeconfig, '--allow-exec']);
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

/** get_current_state on the live cluster asks each node's publisher (O-RAN CurrentState). */
describe('get_current_state with the live events followed (serve --events-listen)', () => {
  let simulator: Simulator;
  let publisher: FakePublisher;
  let session: Awaited<ReturnType<typeof stdioClient>>;
  const events = readFileSync(join(scenariosDir(), 'demo', 'nodes', 'bc-2', 'cloud-events.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map(
      (line) => JSON.parse(line) as { source: string; time: string; data: { values: { value: string }[] } },
    );

  beforeAll(async () => {
    simulator = await startSimulator({
      source: new SnapshotFolderSource(join(scenariosDir(), 'demo'), 'scenario:demo'),
    });
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-mcp-state-')), 'kubeconfig');
    writeFileSync(kubeconfig, simulator.kubeconfig);
    publisher = new FakePublisher('bc-2');
    const url = await publisher.start();
    // Published before the server subscribes: only the publisher knows them.
    for (const event of events) await publisher.publish(event);
    session = await stdioClient([
      '--kubeconfig',
      kubeconfig,
      '--events-listen',
      '127.0.0.1:0',
      '--events-publisher',
      url,
    ]);
  });
  afterAll(async () => {
    await session.close();
    await publisher.stop();
    await simulator.close();
  });

  it('answers from the publisher what no event heard yet told', async () => {
    const result = await session.client.callTool({ name: 'get_current_state', arguments: { node: 'bc-2' } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const { states } = result.structuredContent as {
      states: { resource: string; state: string | null; time: string; origin: string }[];
    };
    const lastLock = events.filter((e) => e.source.endsWith('/lock-state')).at(-1)!;
    expect(states.find((s) => s.resource === 'lock-state')).toMatchObject({
      origin: 'publisher',
      state: lastLock.data.values[0]!.value,
      time: lastLock.time,
    });
    expect(states.every((s) => s.origin === 'publisher')).toBe(true);
  });

  it('says which publisher did not answer, and shows what was heard instead', async () => {
    await publisher.stop();
    const result = await session.client.callTool({
      name: 'get_current_state',
      arguments: { node: 'bc-2', resource: 'lock-state' },
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const { states, warnings } = result.structuredContent as { states: unknown[]; warnings: string[] };
    expect(states).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^bc-2 lock-state: http:\/\/127\.0\.0\.1:\d+\/api\/ocloudNotifications\/v2\/cluster\/node\/bc-2\/sync\/ptp-status\/lock-state\/CurrentState: .*; the last event heard is shown$/,
    );
  });
});
