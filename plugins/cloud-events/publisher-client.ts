import type { CloudEvent } from '../../core/model/cloud-event.js';
import { parseCloudEvent } from '../../core/parsers/cloud-event.js';
import { SourceError } from '../../core/sources/source-error.js';
import { API, type ApiVersion, readSubscription, type Subscription, writeSubscription } from './o-ran-api.js';

/** A publisher that could not be asked: its URL and what went wrong, never a crash or a hang. */
export class PublisherError extends SourceError {
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    detail: string,
  ) {
    super(`${url}: ${detail}`);
    this.name = 'PublisherError';
  }
}

/** One node's cloud-event-proxy publisher (its REST API on :9043), v2 or v1. */
export class PublisherClient {
  constructor(
    readonly baseUrl: string,
    readonly version: ApiVersion = 'v2',
    private readonly timeoutMs = 5000,
  ) {}

  /** The API's health endpoint answers 200 (with a plain `OK`, not JSON). */
  async health(): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}${API[this.version].base}/health`, {
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  }

  /** The resources the node publishes (each as a subscription-shaped entry). */
  async publishers(): Promise<Subscription[]> {
    const list = await this.request('GET', '/publishers');
    return (Array.isArray(list) ? list : []).map((item) => readSubscription(item, this.version));
  }

  async subscriptions(): Promise<Subscription[]> {
    const list = await this.request('GET', '/subscriptions');
    return (Array.isArray(list) ? list : []).map((item) => readSubscription(item, this.version));
  }

  /** Subscribes an endpoint to a resource; an existing identical subscription (409) is looked up. */
  async subscribe(resource: string, endpoint: string): Promise<Subscription> {
    try {
      const created = await this.request(
        'POST',
        '/subscriptions',
        writeSubscription({ id: '', resource, endpoint, uri: null }, this.version),
      );
      return readSubscription(created, this.version);
    } catch (error) {
      if (!(error instanceof PublisherError) || error.status !== 409) throw error;
      const existing = (await this.subscriptions()).find(
        (s) => s.resource === resource && s.endpoint === endpoint,
      );
      if (!existing) throw error;
      return existing;
    }
  }

  async unsubscribe(id: string): Promise<void> {
    await this.request('DELETE', `/subscriptions/${encodeURIComponent(id)}`);
  }

  /** The latest event of a resource, as the publisher holds it (`{ResourceAddress}/CurrentState`). */
  async currentState(resource: string): Promise<CloudEvent> {
    const json = await this.request('GET', `${resource.startsWith('/') ? '' : '/'}${resource}/CurrentState`);
    const parsed = parseCloudEvent(json);
    if (!parsed.event)
      throw new PublisherError(
        `${this.baseUrl}${API[this.version].base}${resource}/CurrentState`,
        200,
        `not a cloud event: ${parsed.error}`,
      );
    return parsed.event;
  }

  private async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = `${this.baseUrl}${API[this.version].base}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
      const detail =
        (error as Error).name === 'TimeoutError'
          ? `no answer in ${this.timeoutMs / 1000} s`
          : (cause ?? (error as Error).message);
      throw new PublisherError(url, undefined, `publisher unreachable (${detail})`);
    }
    const text = await response.text();
    if (!response.ok)
      throw new PublisherError(
        url,
        response.status,
        `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
      );
    if (text === '') return null;
    try {
      return JSON.parse(text);
    } catch {
      throw new PublisherError(url, response.status, 'the answer is not JSON');
    }
  }
}
