import type { SourceWarning } from '../../core/model/snapshot-manifest.js';
import { PTP_RESOURCES, type PtpResource, resourceAddress } from './o-ran-api.js';
import type { PublisherClient } from './publisher-client.js';

/**
 * Keeps a node's five PTP subscriptions alive at its publisher: subscribes, and on each check finds out
 * whether they are still there (a restarted publisher forgets them, or is unreachable for a while) and
 * subscribes again, backing off while it is down. Problems are warnings, never exceptions.
 */
export class SubscriptionKeeper {
  readonly warnings: SourceWarning[] = [];
  subscriptions = 0;
  private failures = 0;
  private skipUntil = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: PublisherClient,
    private readonly node: string,
    private readonly endpoint: string,
    private readonly resources: readonly PtpResource[] = Object.keys(PTP_RESOURCES) as PtpResource[],
  ) {}

  /** Subscribes what is missing; returns how many subscriptions were made. */
  async check(tick = 0): Promise<number> {
    if (tick < this.skipUntil) return 0;
    try {
      const existing = await this.client.subscriptions();
      let made = 0;
      for (const resource of this.resources) {
        const address = resourceAddress(this.node, resource);
        if (existing.some((s) => s.resource === address && s.endpoint === this.endpoint)) continue;
        await this.client.subscribe(address, this.endpoint);
        made++;
      }
      this.subscriptions += made;
      this.failures = 0;
      return made;
    } catch (error) {
      this.failures++;
      // Back off 1, 2, 4 … 32 checks while the publisher stays away.
      this.skipUntil = tick + Math.min(2 ** (this.failures - 1), 32);
      this.warnings.push({
        source: `node ${this.node}`,
        message: `cloud events: ${(error as Error).message}`,
      });
      if (this.warnings.length > 100) this.warnings.shift();
      return 0;
    }
  }

  /** Checks every `intervalMs` until stopped. */
  watch(intervalMs: number): void {
    let tick = 0;
    this.timer = setInterval(() => void this.check(++tick), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
