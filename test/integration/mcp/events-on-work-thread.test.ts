import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenariosDir } from '../../../plugins/snapshot/index.js';
import { FakePublisher } from '../../../simulate/cloud-event-publisher.js';
import { type LiveCluster, liveCluster } from '../kubernetes/simulated-cluster.js';
import { stdioClient, textOf } from './mcp-client.js';

/**
 * The built server reads a live cluster on a work thread, while its O-RAN consumer receives events on the
 * event loop's thread: what the consumer heard must reach the thread's reading of the cluster.
 */
describe('events the server hears, in its live readings made on a work thread (serve --events-listen)', () => {
  let cluster: LiveCluster;
  let publisher: FakePublisher;
  let session: Awaited<ReturnType<typeof stdioClient>>;
  // The demo's recorded events of bc-2, published again by a publisher the server follows.
  const recorded = readFileSync(join(scenariosDir(), 'demo', 'nodes', 'bc-2', 'cloud-events.jsonl'), 'utf8');
  const events = recorded
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { source: string; time: string });

  beforeAll(async () => {
    cluster = await liveCluster('demo');
    publisher = new FakePublisher('bc-2');
    const url = await publisher.start();
    session = await stdioClient([
      '--kubeconfig',
      cluster.kubeconfig,
      '--events-listen',
      '127.0.0.1:0',
      '--events-publisher',
      url,
    ]);
    // Subscribed once the server answers a first call (it follows the nodes before serving).
    await session.client.callTool({ name: 'list_contexts', arguments: {} });
  });
  afterAll(async () => {
    await session?.close();
    await publisher?.stop();
    await cluster?.close();
  });

  it('get_cloud_events shows every event published after the server subscribed', async () => {
    const before = await session.client.callTool({ name: 'get_cloud_events', arguments: { node: 'bc-2' } });
    expect(before.isError, textOf(before)).toBeFalsy();
    expect((before.structuredContent as { total: number }).total).toBe(0);
    for (const event of events) await publisher.publish(event);
    // Each event heard forgets the readings: the next call reads the cluster again, with them.
    const after = await session.client.callTool({
      name: 'get_cloud_events',
      arguments: { node: 'bc-2', limit: 500 },
    });
    expect(after.isError, textOf(after)).toBeFalsy();
    const answer = after.structuredContent as { total: number; events: { time: string }[] };
    expect(answer.total).toBe(events.length);
    expect(answer.events.map((e) => e.time)).toEqual(events.map((e) => e.time));
  });
});
