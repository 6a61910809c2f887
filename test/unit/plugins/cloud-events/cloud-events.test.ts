import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../core/package-root.js';
import { EventConsumer } from '../../../../plugins/cloud-events/event-consumer.js';
import {
  PTP_RESOURCES,
  type PtpResource,
  resourceAddress,
} from '../../../../plugins/cloud-events/o-ran-api.js';
import { PublisherClient } from '../../../../plugins/cloud-events/publisher-client.js';
import { SubscriptionKeeper } from '../../../../plugins/cloud-events/subscription-keeper.js';
import { FakePublisher } from '../../../../simulate/cloud-event-publisher.js';
import { describeCorpus, readCorpus } from '../../../corpus.js';

/** The demo's bc-2 events as cloud-event-proxy sent them (its holdover: lock-state, clock-class 135 …). */
const BC2_EVENTS = readFileSync(
  join(packageRoot(), 'fixtures', 'clusters', 'demo', 'nodes', 'bc-2', 'cloud-events.jsonl'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { source: string; id: string });

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function setUp(version: 'v1' | 'v2' = 'v2') {
  const publisher = new FakePublisher('bc-2');
  const url = await publisher.start();
  const consumer = new EventConsumer({ historySize: 50 });
  const endpoint = await consumer.start();
  stops.push(
    () => publisher.stop(),
    () => consumer.stop(),
  );
  return { publisher, consumer, endpoint, client: new PublisherClient(url, version, 1000) };
}

describe('the O-RAN client against the fake publisher (real HTTP on loopback)', () => {
  for (const version of ['v2', 'v1'] as const) {
    it(`${version}: subscribes to the five PTP resources, receives their events, reads CurrentState`, async () => {
      const { publisher, consumer, endpoint, client } = await setUp(version);
      expect(await client.health()).toBe(true);
      expect((await client.publishers()).map((p) => p.resource)).toEqual(
        Object.keys(PTP_RESOURCES).map((r) => resourceAddress('bc-2', r as PtpResource)),
      );
      const keeper = new SubscriptionKeeper(client, 'bc-2', endpoint);
      expect(await keeper.check()).toBe(5);
      expect(await keeper.check()).toBe(0);
      expect(publisher.subscriptionCount()).toBe(5);
      for (const event of BC2_EVENTS) await publisher.publish(event);
      const received = consumer.events('bc-2');
      expect(received).toHaveLength(BC2_EVENTS.length);
      expect(received.filter((e) => e.kind === 'clock-class').map((e) => e.metric)).toContain(135);
      const lock = await client.currentState(resourceAddress('bc-2', 'lock-state'));
      expect(lock).toMatchObject({ kind: 'lock-state', node: 'bc-2', state: 'HOLDOVER' });
    });
  }

  it('drops duplicates (the same id, or a replay with a new id) and keeps a bounded history', async () => {
    const { publisher, consumer, endpoint, client } = await setUp();
    await new SubscriptionKeeper(client, 'bc-2', endpoint).check();
    const first = BC2_EVENTS[0]!;
    await publisher.publish(first);
    await publisher.publish(first);
    const replayed = { ...first, id: 'replayed-with-a-new-id' };
    await publisher.publish(replayed);
    expect(consumer.events('bc-2')).toHaveLength(1);
    expect(consumer.duplicates).toBe(2);
    const template = consumer.events('bc-2')[0]!;
    for (let i = 0; i < 80; i++)
      consumer.add({ ...template, id: `e${i}`, time: `2026-11-20T09:${String(i).padStart(2, '0')}:00Z` });
    expect(consumer.events('bc-2')).toHaveLength(50);
    expect(consumer.events('bc-2').at(-1)!.id).toBe('e79');
    expect(consumer.jsonLines('bc-2').split('\n')).toHaveLength(50);
  });

  it('subscribes again after the publisher restarts (it forgets its subscriptions)', async () => {
    const { publisher, consumer, endpoint, client } = await setUp();
    const keeper = new SubscriptionKeeper(client, 'bc-2', endpoint);
    await keeper.check(0);
    await publisher.stop();
    expect(await keeper.check(1)).toBe(0);
    expect(keeper.warnings.at(-1)!.message).toMatch(
      /^cloud events: http:\/\/127\.0\.0\.1:\d+\/api\/ocloudNotifications\/v2\/subscriptions: publisher unreachable \(.+\)$/,
    );
    await publisher.start();
    // Backing off: the check right after a failure waits; the next one subscribes again.
    expect(await keeper.check(1)).toBe(0);
    expect(await keeper.check(2)).toBe(5);
    await publisher.publish(BC2_EVENTS[1]!);
    expect(consumer.events('bc-2')).toHaveLength(1);
  });

  it('a publisher that does not answer is a warning within the time-out, never a hang', async () => {
    const silent = await import('node:http').then(({ createServer }) => createServer(() => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    stops.push(async () => {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const port = (silent.address() as { port: number }).port;
    const keeper = new SubscriptionKeeper(
      new PublisherClient(`http://127.0.0.1:${port}`, 'v2', 300),
      'bc-2',
      'http://127.0.0.1:1/event',
    );
    const started = performance.now();
    expect(await keeper.check()).toBe(0);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(keeper.warnings[0]!.message).toContain('publisher unreachable (no answer in 0.3 s)');
  });

  it('refuses what is not an event at the consumer: 400, counted, nothing kept', async () => {
    const { consumer, endpoint } = await setUp();
    const response = await fetch(endpoint, { method: 'POST', body: '{"hello":1}' });
    expect(response.status).toBe(400);
    expect(consumer.rejected).toBe(1);
    expect(consumer.events('bc-2')).toEqual([]);
  });
});

describeCorpus('the documented payloads', () => {
  it('reads each CurrentState example of the OpenShift documentation as an event of its resource', async () => {
    const { publisher } = await setUp();
    for (const [file, kind] of [
      ['currentstate_lock-state.json', 'lock-state'],
      ['currentstate_clock-class.json', 'clock-class'],
      ['currentstate_os-clock-sync-state.json', 'os-clock-sync-state'],
      ['currentstate_sync-state.json', 'sync-state'],
      ['currentstate_gnss-sync-state.json', 'gnss-sync-status'],
    ] as const) {
      const documented = JSON.parse(readCorpus('openshift-docs', 'events-v2', file)) as {
        source: string;
        subject?: string;
      };
      const address = documented.subject ?? documented.source;
      // The documentation's node, served by a publisher of that node.
      const node = /\/cluster\/node\/([^/]+)\//.exec(address)![1]!;
      const other = new FakePublisher(node);
      const url = await other.start();
      stops.push(() => other.stop());
      await other.publish(documented);
      const event = await new PublisherClient(url).currentState(address);
      expect(event.kind, file).toBe(kind);
    }
    expect(publisher.subscriptionCount()).toBe(0);
  });
});
