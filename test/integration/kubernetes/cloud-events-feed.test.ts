import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { EventFeed } from '../../../plugins/cloud-events/event-feed.js';
import { FakePublisher } from '../../../simulate/cloud-event-publisher.js';
import { createService } from '../../../transports/composition-root.js';
import { type LiveCluster, liveCluster } from './simulated-cluster.js';

const EVENTS = readFileSync(
  join(packageRoot(), 'fixtures', 'clusters', 'demo', 'nodes', 'bc-2', 'cloud-events.jsonl'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { source: string });

/** Live events of a node's publisher reach the snapshot of the live source through the O-RAN consumer. */
describe('cloud events feed the live snapshot', () => {
  let cluster: LiveCluster;
  let publisher: FakePublisher;
  let feed: EventFeed;

  beforeAll(async () => {
    cluster = await liveCluster('demo');
    publisher = new FakePublisher('bc-2');
    const url = await publisher.start();
    feed = new EventFeed({
      host: '127.0.0.1',
      port: 0,
      publisherUrl: url,
      namespace: 'openshift-ptp',
      version: 'v2',
      checkIntervalMs: 60_000,
      historySize: 100,
    });
    await feed.start();
  });
  afterAll(async () => {
    await feed.stop();
    await publisher.stop();
    await cluster.close();
  });

  it('subscribes to bc-2, hears its events (listeners told), and the live snapshot of bc-2 carries them', async () => {
    let heard = 0;
    feed.onEvent(() => heard++);
    await feed.follow(['bc-2']);
    expect(publisher.subscriptionCount()).toBe(5);
    for (const event of EVENTS) await publisher.publish(event);
    expect(heard).toBe(EVENTS.length);
    const service = createService({ kube: { kubeconfig: cluster.kubeconfig }, cloudEvents: feed });
    const snapshot = await service.snapshot({ source: 'cluster', node: 'bc-2' });
    const events = snapshot.nodes[0]!.cloudEvents;
    expect(events).toHaveLength(EVENTS.length);
    expect(events.filter((e) => e.kind === 'lock-state').at(-1)?.state).toBe('HOLDOVER');
    expect(feed.warnings()).toEqual([]);
  });
});
