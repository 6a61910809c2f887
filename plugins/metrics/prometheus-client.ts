import { SourceError } from '../../core/sources/source-error.js';

export interface PrometheusOptions {
  /** Prometheus or Thanos Querier (`https://thanos-querier.openshift-monitoring.svc:9091`). */
  url: string;
  /** A bearer token, given by the operator (a file, the environment): never in messages. */
  token?: string;
  timeoutMs?: number;
  retries?: number;
}

/** One series of an instant or range query: its labels and its samples (epoch ms, value). */
export interface PromSeries {
  labels: Record<string, string>;
  samples: [number, number][];
}

/** A Prometheus API failure: the URL (without credentials), the status, the API's own error. */
export class PrometheusError extends SourceError {
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'PrometheusError';
  }
}

const MAX_RETRY_WAIT_MS = 10_000;

/**
 * The Prometheus HTTP query API (`/api/v1/query`, `/api/v1/query_range`), as Prometheus and Thanos serve
 * it: time-outs on every request, bounded retries on 429 and 503 honouring Retry-After. Times come in
 * from the caller and out from the samples; this machine's clock is never read.
 */
export class PrometheusClient {
  requests = 0;
  private readonly base: URL;

  constructor(private readonly options: PrometheusOptions) {
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    if (this.base.username || this.base.password)
      throw new PrometheusError(undefined, 'put credentials in the token, not in the Prometheus URL');
  }

  /** An instant query at `time` (epoch ms). */
  async query(promql: string, time: number): Promise<PromSeries[]> {
    const data = await this.get('api/v1/query', { query: promql, time: (time / 1000).toFixed(3) });
    return toSeries(data, promql);
  }

  /** A range query from `start` to `end` (epoch ms) every `stepSeconds`. */
  async queryRange(promql: string, start: number, end: number, stepSeconds: number): Promise<PromSeries[]> {
    const data = await this.get('api/v1/query_range', {
      query: promql,
      start: (start / 1000).toFixed(3),
      end: (end / 1000).toFixed(3),
      step: String(stepSeconds),
    });
    return toSeries(data, promql);
  }

  private async get(path: string, params: Record<string, string>): Promise<unknown> {
    const url = new URL(path, this.base);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const shown = `${url.origin}${url.pathname}`;
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: this.options.token ? { authorization: `Bearer ${this.options.token}` } : {},
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        if (attempt < retries && !timedOut) {
          await sleep(200 * 2 ** attempt);
          continue;
        }
        throw new PrometheusError(
          undefined,
          `${shown}: ${timedOut ? `no answer in ${(this.options.timeoutMs ?? 30_000) / 1000} s` : this.redact((error as Error).message)}`,
        );
      }
      if ((response.status === 429 || response.status === 503) && attempt < retries) {
        const after = response.headers.get('retry-after');
        await response.body?.cancel();
        await sleep(
          Math.min(
            after !== null && /^\d+$/.test(after) ? Number(after) * 1000 : 200 * 2 ** attempt,
            MAX_RETRY_WAIT_MS,
          ),
        );
        continue;
      }
      let body: { status?: string; data?: unknown; errorType?: string; error?: string };
      try {
        body = (await response.json()) as typeof body;
      } catch (error) {
        throw new PrometheusError(
          response.status,
          `${shown}: HTTP ${response.status}, not a Prometheus API answer (${this.redact((error as Error).message)})`,
        );
      }
      if (!response.ok || body.status !== 'success') {
        const detail = body.error ? `${body.errorType ?? 'error'}: ${body.error}` : `HTTP ${response.status}`;
        throw new PrometheusError(
          response.status,
          `${shown}: ${this.redact(detail)}${response.status === 401 || response.status === 403 ? ' (the token was refused)' : ''}`,
        );
      }
      return body.data;
    }
  }

  private redact(text: string): string {
    return this.options.token ? text.split(this.options.token).join('[token]') : text;
  }
}

function toSeries(data: unknown, promql: string): PromSeries[] {
  const { resultType, result } = (data ?? {}) as { resultType?: string; result?: unknown[] };
  if (resultType !== 'vector' && resultType !== 'matrix')
    throw new PrometheusError(undefined, `${promql}: expected a vector or matrix, got ${resultType}`);
  return (result ?? []).map((item) => {
    const { metric, value, values } = item as {
      metric: Record<string, string>;
      value?: [number, string];
      values?: [number, string][];
    };
    const samples = (values ?? (value ? [value] : [])).map(([time, text]): [number, number] => [
      Math.round(time * 1000),
      Number(text),
    ]);
    return { labels: metric, samples };
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
