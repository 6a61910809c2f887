import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  API,
  type ApiVersion,
  PTP_RESOURCES,
  type PtpResource,
  resourceAddress,
  type Subscription,
  writeSubscription,
} from '../plugins/cloud-events/o-ran-api.js';

/**
 * A cloud-event-proxy publisher for one node, on loopback, following the O-RAN API v2 (and v1 at its
 * path): health, publishers, subscriptions, CurrentState, and delivery of events to subscribers. It
 * publishes the events it is given (a snapshot node's cloud-events.jsonl), and can go down and come back
 * (forgetting its subscriptions) to test consumers.
 */
export class FakePublisher {
  private server: Server | undefined;
  private port = 0;
  private subscriptions: Subscription[] = [];
  private readonly latest = new Map<string, unknown>();
  delivered = 0;

  constructor(
    private readonly node: string,
    private readonly host = '127.0.0.1',
  ) {}

  get url(): string {
    return `http://${this.host}:${this.port}`;
  }

  /** Starts (again on the same port after stop(), like a restarted pod behind its service). */
  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(this.port, this.host, resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.url;
  }

  /** Stops; the subscriptions are gone, as in a publisher that restarted. */
  async stop(): Promise<void> {
    this.subscriptions = [];
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Publishes one event (the wire JSON): it becomes its resource's CurrentState and goes to its subscribers. */
  async publish(event: { source: string; subject?: string }): Promise<void> {
    // Version 0.3 events (some documentation examples) name the resource in `subject`.
    const resource = event.subject?.startsWith('/cluster/node/') ? event.subject : event.source;
    this.latest.set(resource, event);
    for (const subscription of this.subscriptions.filter((s) => s.resource === resource)) {
      const response = await fetch(subscription.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      }).catch(() => undefined);
      if (response?.ok) this.delivered++;
    }
  }

  subscriptionCount(): number {
    return this.subscriptions.length;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const version = (Object.keys(API) as ApiVersion[]).find((v) => url.pathname.startsWith(API[v].base));
    if (!version) return json(response, 404, { error: 'not an O-RAN path' });
    const path = url.pathname.slice(API[version].base.length) || '/';
    const fields = API[version].fields;
    if (path === '/health') return text(response, 200, 'OK');
    if (path === '/publishers' && request.method === 'GET') {
      const resources = Object.keys(PTP_RESOURCES) as PtpResource[];
      return json(
        response,
        200,
        resources.map((r) =>
          writeSubscription(
            {
              id: randomUUID(),
              resource: resourceAddress(this.node, r),
              endpoint: `${this.url}${API[version].base}/dummy`,
              uri: `${this.url}${API[version].base}/publishers`,
            },
            version,
          ),
        ),
      );
    }
    if (path === '/subscriptions') {
      if (request.method === 'GET')
        return json(
          response,
          200,
          this.subscriptions.map((s) => writeSubscription(s, version)),
        );
      if (request.method === 'DELETE') {
        this.subscriptions = [];
        return text(response, 204, '');
      }
      if (request.method === 'POST') {
        const body = (await readJson(request)) as Record<string, unknown> | undefined;
        const resource = String(body?.[fields.resource] ?? '');
        const endpoint = String(body?.[fields.endpoint] ?? '');
        if (!resource.startsWith(`/cluster/node/${this.node}/`) || !endpoint)
          return json(response, 400, { error: `${fields.resource} and ${fields.endpoint} are required` });
        if (this.subscriptions.some((s) => s.resource === resource && s.endpoint === endpoint))
          return json(response, 409, { error: 'subscription already exists' });
        const id = randomUUID();
        const subscription = {
          id,
          resource,
          endpoint,
          uri: `${this.url}${API[version].base}/subscriptions/${id}`,
        };
        this.subscriptions.push(subscription);
        return json(response, 201, writeSubscription(subscription, version));
      }
    }
    const one = /^\/subscriptions\/([^/]+)$/.exec(path);
    if (one) {
      const subscription = this.subscriptions.find((s) => s.id === decodeURIComponent(one[1]!));
      if (!subscription) return json(response, 404, { error: 'no such subscription' });
      if (request.method === 'DELETE') {
        this.subscriptions = this.subscriptions.filter((s) => s !== subscription);
        return text(response, 204, '');
      }
      return json(response, 200, writeSubscription(subscription, version));
    }
    const current = /^(\/cluster\/node\/.+)\/CurrentState$/.exec(path);
    if (current && request.method === 'GET') {
      const event = this.latest.get(current[1]!);
      return event
        ? json(response, 200, event)
        : json(response, 404, { error: `no event of ${current[1]} yet` });
    }
    return json(response, 404, { error: `no route ${request.method} ${path}` });
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function text(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/plain' });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
