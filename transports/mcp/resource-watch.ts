import { createHash } from 'node:crypto';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SubscribeRequestSchema, UnsubscribeRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { alerts, nodeStatus } from './resources.js';
import type { ToolContext } from './tool.js';

/**
 * `resources/subscribe` for node statuses and alerts: each time the shared readings are invalidated (the
 * server's watch loop, a cloud event) the subscribed resources are evaluated again from fresh data, and
 * each one that changed is announced with `notifications/resources/updated`.
 */
export class ResourceWatch {
  private readonly subscribed = new Map<string, string | null>();
  private unwatch: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly server: McpServer,
    private readonly context: () => ToolContext,
  ) {
    server.server.registerCapabilities({ resources: { subscribe: true, listChanged: true } });
    server.server.setRequestHandler(SubscribeRequestSchema, async (request) => {
      this.subscribed.set(request.params.uri, await this.digest(request.params.uri).catch(() => null));
      this.start();
      return {};
    });
    server.server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
      this.subscribed.delete(request.params.uri);
      if (this.subscribed.size === 0) this.stop();
      return {};
    });
  }

  /** Evaluates the subscribed resources again now; resolves when the notifications are sent. */
  reevaluate(): Promise<void> {
    // An invalidation during a check asks for one more, so that no change is missed.
    this.again = this.running !== undefined;
    this.running ??= (async () => {
      do {
        this.again = false;
        await this.check();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  stop(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  private start(): void {
    this.unwatch ??= this.context().cache.watch(() => void this.reevaluate());
  }

  private async check(): Promise<void> {
    if (this.subscribed.size === 0) return;
    for (const [uri, before] of this.subscribed) {
      const now = await this.digest(uri).catch(() => null);
      if (now === before) continue;
      this.subscribed.set(uri, now);
      await this.server.server.sendResourceUpdated({ uri });
    }
  }

  private async digest(uri: string): Promise<string> {
    const node = /^ptp:\/\/nodes\/([^/]+)\/status$/.exec(uri)?.[1];
    const value = node
      ? await nodeStatus(this.context(), decodeURIComponent(node))
      : uri === 'ptp://alerts'
        ? await alerts(this.context())
        : uri;
    return createHash('sha256').update(JSON.stringify(value)).digest('hex');
  }
}
