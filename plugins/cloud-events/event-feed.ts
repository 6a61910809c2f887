import type { CloudEvent } from '../../core/model/cloud-event.js';
import type { SourceWarning } from '../../core/model/snapshot-manifest.js';
import type { CloudEventHistory } from '../../core/sources/raw-cluster.js';
import { EventConsumer } from './event-consumer.js';
import { type ApiVersion, type PtpResource, resourceAddress } from './o-ran-api.js';
import { PublisherClient } from './publisher-client.js';
import { SubscriptionKeeper } from './subscription-keeper.js';

export interface EventFeedOptions {
  /** Where the consumer listens. */
  host: string;
  port: number;
  /** The URL publishers reach the consumer at (a Service in the cluster); by default the listening address. */
  endpoint?: string;
  /** The publisher of a node: `{node}` and `{namespace}` are filled in. */
  publisherUrl: string;
  namespace: string;
  version: ApiVersion;
  /** How often the subscriptions are checked (and made again after a publisher restart). */
  checkIntervalMs: number;
  historySize: number;
}

export const DEFAULT_PUBLISHER_URL =
  'http://ptp-event-publisher-service-{node}.{namespace}.svc.cluster.local:9043';

/**
 * The O-RAN events of a cluster's nodes, live: a consumer endpoint, and per node a keeper of its five
 * subscriptions. Its history feeds the snapshots of the live source; `onEvent` listeners hear each new
 * event (MCP resource re-evaluation).
 */
export class EventFeed implements CloudEventHistory {
  private readonly consumer: EventConsumer;
  private readonly keepers = new Map<string, SubscriptionKeeper>();
  private readonly clients = new Map<string, PublisherClient>();
  private readonly listeners = new Set<() => void>();
  private endpoint = '';

  constructor(private readonly options: EventFeedOptions) {
    this.consumer = new EventConsumer({
      host: options.host,
      port: options.port,
      historySize: options.historySize,
      onEvent: () => this.notify(),
    });
  }

  async start(): Promise<string> {
    const listening = await this.consumer.start();
    this.endpoint = this.options.endpoint ?? listening;
    return listening;
  }

  /** Subscribes to the nodes not followed yet; their keepers then check every interval. */
  async follow(nodes: readonly string[]): Promise<void> {
    for (const node of nodes.filter((n) => !this.keepers.has(n))) {
      const keeper = new SubscriptionKeeper(this.client(node), node, this.endpoint);
      this.keepers.set(node, keeper);
      await keeper.check();
      keeper.watch(this.options.checkIntervalMs);
    }
  }

  /** What a node's publisher holds as a resource's latest event, asked now (O-RAN CurrentState). */
  currentState(node: string, resource: PtpResource): Promise<CloudEvent> {
    return this.client(node).currentState(resourceAddress(node, resource));
  }

  jsonLines(node: string): string {
    return this.consumer.jsonLines(node);
  }

  nodes(): string[] {
    return [...this.keepers.keys()];
  }

  warnings(): SourceWarning[] {
    return [...this.keepers.values()].flatMap((k) => k.warnings);
  }

  onEvent(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    for (const keeper of this.keepers.values()) keeper.stop();
    await this.consumer.stop();
  }

  private client(node: string): PublisherClient {
    let client = this.clients.get(node);
    if (!client) {
      const url = this.options.publisherUrl
        .replaceAll('{node}', node)
        .replaceAll('{namespace}', this.options.namespace);
      client = new PublisherClient(url, this.options.version);
      this.clients.set(node, client);
    }
    return client;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
