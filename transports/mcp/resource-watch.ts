import { createHash } from 'node:crypto';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SubscribeRequestSchema, UnsubscribeRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { alerts, nodeStatus } from './resources.js';
import type { ToolContext } from './tool.js';

/**
 * `resources/subscribe` for node statuses and alerts: every interval (or when asked, e.g. on a cloud
 * event) the subscribed resources are evaluated again from fresh data, and each one that changed is
 * announced with `notifications/resources/updated`.
 */
export class ResourceWatch {
  private readonly subscribed = new Map<string, string | null>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly server: McpServer,
    private readonly context: () => ToolContext,
    private readonly intervalMs: number,
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
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.reevaluate(), this.intervalMs);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    if (this.subscribed.size === 0) return;
    this.context().cache.clear();
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
