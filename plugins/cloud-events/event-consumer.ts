import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudEvent } from '../../core/model/cloud-event.js';
import { parseCloudEvent } from '../../core/parsers/cloud-event.js';

export interface ConsumerOptions {
  host?: string;
  port?: number;
  /** The path subscriptions name as their endpoint. */
  path?: string;
  /** Events kept per node; the oldest go first. */
  historySize?: number;
  /** Called with each new event (not a duplicate), e.g. to re-evaluate resources. */
  onEvent?: (event: CloudEvent) => void;
}

const MAX_BODY = 1024 * 1024;

/**
 * The consumer endpoint publishers POST events to. Events are normalized, duplicates dropped (the same
 * id, or the same resource, time and values: a publisher replaying after a restart), and kept in a
 * bounded history per node.
 */
export class EventConsumer {
  private server: Server | undefined;
  private readonly history = new Map<string, CloudEvent[]>();
  private readonly seen = new Set<string>();
  private readonly seenOrder: string[] = [];
  received = 0;
  duplicates = 0;
  rejected = 0;

  constructor(private readonly options: ConsumerOptions = {}) {}

  /** Starts listening; resolves with the endpoint URL to subscribe. */
  async start(): Promise<string> {
    const path = this.options.path ?? '/event';
    this.server = createServer((request, response) => {
      if (request.method === 'GET' && request.url === '/health')
        return void response.writeHead(200).end('OK');
      if (request.method !== 'POST' || request.url !== path) return void response.writeHead(404).end();
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) request.destroy();
        else chunks.push(chunk);
      });
      request.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          this.rejected++;
          return void response.writeHead(400).end('not JSON');
        }
        const parsed = parseCloudEvent(json);
        if (!parsed.event) {
          this.rejected++;
          return void response.writeHead(400).end(parsed.error);
        }
        this.add(parsed.event);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve),
    );
    const { address, port, family } = this.server.address() as AddressInfo;
    return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}${path}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Adds an event unless it was seen; false for a duplicate. */
  add(event: CloudEvent): boolean {
    this.received++;
    const keys = [
      event.id ? `id:${event.id}` : null,
      `content:${event.source}|${event.time}|${JSON.stringify(event.values)}`,
    ].filter(Boolean) as string[];
    if (keys.some((key) => this.seen.has(key))) {
      this.duplicates++;
      return false;
    }
    for (const key of keys) this.remember(key);
    const node = event.node ?? '';
    const list = this.history.get(node) ?? [];
    list.push(event);
    if (list.length > (this.options.historySize ?? 1000)) list.shift();
    this.history.set(node, list);
    this.options.onEvent?.(event);
    return true;
  }

  /** A node's events, oldest first. */
  events(node: string): CloudEvent[] {
    return [...(this.history.get(node) ?? [])];
  }

  /** A node's events as the snapshot's cloud-events.jsonl (one normalized event per line). */
  jsonLines(node: string): string {
    return this.events(node)
      .map((event) =>
        JSON.stringify({
          specversion: '1.0',
          id: event.id,
          source: event.source,
          type: event.type,
          time: event.time,
          data: {
            version: '1.0',
            values: event.values.map((v) => ({
              ResourceAddress: v.resourceAddress,
              data_type: v.dataType,
              value_type: v.valueType,
              value: v.value,
            })),
          },
        }),
      )
      .join('\n');
  }

  /** Forget keys past ten times the history, so a long run stays bounded. */
  private remember(key: string): void {
    this.seen.add(key);
    this.seenOrder.push(key);
    const limit = 10 * (this.options.historySize ?? 1000);
    while (this.seenOrder.length > limit) this.seen.delete(this.seenOrder.shift()!);
  }
}
