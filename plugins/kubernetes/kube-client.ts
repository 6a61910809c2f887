import { Writable } from 'node:stream';
import {
  AppsV1Api,
  type ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  Exec,
  type KubeConfig,
  type LogOptions,
  type V1Status,
} from '@kubernetes/client-node';
import { allowCommand } from '../../core/sources/exec-allowlist.js';
import type { TextStream } from '../../core/sources/raw-cluster.js';
import type { ExecResult } from '../../core/sources/recorded-command.js';
import {
  isUnreachable,
  KubeRequestError,
  kubeRequestError,
  retryAfterMs,
  ServerUnreachable,
  statusOf,
} from './kube-errors.js';
import { HttpTimeout, KubeHttp } from './kube-http.js';
import type { KubeSettings } from './kube-settings.js';

export type KubeObject = Record<string, unknown> & {
  metadata?: Record<string, unknown> & { name?: string; namespace?: string; labels?: Record<string, string> };
};

/** The longest wait a Retry-After may impose before a retry. */
const MAX_RETRY_WAIT_MS = 10_000;

/**
 * After this many attempts in a row that could not reach the API server (refused, no such name, no route,
 * TLS), requests fail at once instead of being sent and retried, but for one probe a second: a server
 * that is down fails the rest of a read in moments, and one that comes back is used again.
 */
const UNREACHABLE_AFTER = 5;
const PROBE_EVERY_MS = 1000;

/** A request abandoned for time: past its own time-out, or cut by the read's deadline. */
class RequestTimeout extends Error {}

/**
 * Read-only access to the API server: lists, gets and exec of the allowlisted commands through
 * @kubernetes/client-node, logs and the pod proxy (thousands of requests in a fleet) as plain HTTP
 * (kube-http.ts) on the same keep-alive pool. Every request has a time-out and bounded retries (429 and 5xx,
 * Retry-After honoured), all within the read's deadline (readTimeoutMs from the client's creation: one
 * client serves one read of a source, its log streams included); failures are KubeRequestErrors naming
 * what was asked and what is missing or why nothing answered.
 */
export class KubeClient {
  /** Requests sent, retries included: what a diagnosis costs the API server. */
  requests = 0;
  /** Requests cut, or not sent, because the read's deadline had passed. */
  cutByDeadline = 0;
  private readonly core: CoreV1Api;
  private readonly apps: AppsV1Api;
  private readonly custom: CustomObjectsApi;
  private readonly exec_: Exec;
  private readonly http: KubeHttp;
  private readonly deadline: number;
  private unreachableInARow = 0;
  private lastUnreachable: unknown;
  private lastProbe = 0;
  /** The config of lists, gets, the pod proxy and logs: one keep-alive connection pool (an exec is its own WebSocket). */
  private readonly pooled: KubeConfig;

  constructor(
    config: KubeConfig,
    private readonly settings: KubeSettings,
  ) {
    this.pooled = pooledConfig(config);
    this.core = this.pooled.makeApiClient(CoreV1Api);
    this.apps = this.pooled.makeApiClient(AppsV1Api);
    this.custom = this.pooled.makeApiClient(CustomObjectsApi);
    this.exec_ = new Exec(config);
    this.http = new KubeHttp(this.pooled);
    this.deadline = performance.now() + settings.readTimeoutMs;
  }

  get namespace(): string {
    return this.settings.namespace;
  }

  async listNodes(): Promise<KubeObject[]> {
    return this.call(
      'list nodes',
      'list',
      'nodes',
      undefined,
      timed(async (options) => plain((await this.core.listNode({}, options)).items)),
    );
  }

  async listPods(labelSelector: string, fieldSelector?: string): Promise<KubeObject[]> {
    const namespace = this.namespace;
    return this.call(
      `list pods (${labelSelector}) in ${namespace}`,
      'list',
      'pods',
      namespace,
      timed(async (options) =>
        plain(
          (await this.core.listNamespacedPod({ namespace, labelSelector, fieldSelector }, options)).items,
        ),
      ),
    );
  }

  async listEvents(): Promise<KubeObject[]> {
    const namespace = this.namespace;
    return this.call(
      `list events in ${namespace}`,
      'list',
      'events',
      namespace,
      timed(async (options) => plain((await this.core.listNamespacedEvent({ namespace }, options)).items)),
    );
  }

  async getDaemonSet(name: string): Promise<KubeObject> {
    const namespace = this.namespace;
    return this.call(
      `get daemonset ${name} in ${namespace}`,
      'get',
      'daemonsets',
      namespace,
      timed(async (options) => plain(await this.apps.readNamespacedDaemonSet({ name, namespace }, options))),
    );
  }

  /** The objects of a custom resource; null when the API server does not serve it (no such CRD). */
  async listCustom(group: string, version: string, plural: string): Promise<KubeObject[] | null> {
    const namespace = this.namespace;
    try {
      return await this.call(
        `list ${plural}.${group} in ${namespace}`,
        'list',
        `${plural}.${group}`,
        namespace,
        timed(async (options) => {
          const list = (await this.custom.listNamespacedCustomObject(
            { group, version, namespace, plural },
            options,
          )) as {
            items?: KubeObject[];
          };
          return list.items ?? [];
        }),
      );
    } catch (error) {
      if (error instanceof KubeRequestError && error.status === 404) return null;
      throw error;
    }
  }

  /** `GET /api/v1/namespaces/ns/pods/pod:port/proxy/path` through the API server. */
  async podProxy(pod: string, port: number, path: string): Promise<string> {
    const namespace = this.namespace;
    return this.call(
      `get http://${pod}:${port}/${path} through the pod proxy`,
      'proxy',
      'pods/proxy',
      namespace,
      (timeoutMs) =>
        this.http.text(
          `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(`${pod}:${port}`)}/proxy/${path.split('/').map(encodeURIComponent).join('/')}`,
          timeoutMs,
        ),
    );
  }

  /**
   * A pod log as a stream that opens when read: never held whole, its response's chunks handed on as
   * they come. A log that stops sending for logIdleTimeoutMs, ends mid-line or loses its connection (a
   * body cut short), fails after what it delivered: the reader keeps that and reports the error.
   */
  logStream(pod: string, container: string, options: LogOptions): TextStream {
    const what = `log of ${pod}/${container}`;
    const path = `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/pods/${encodeURIComponent(pod)}/log?${logQuery(container, options)}`;
    const client = this;
    return {
      name: `pod/${pod}/${container}`,
      async *open() {
        const response = await client.call(what, 'log', 'pods/log', client.namespace, (timeoutMs) =>
          client.http.open(path, timeoutMs),
        );
        let stalled = false;
        let cut = false;
        const idle = setTimeout(() => {
          stalled = true;
          response.destroy();
        }, client.settings.logIdleTimeoutMs);
        const deadline = setTimeout(
          () => {
            cut = true;
            client.cutByDeadline++;
            response.destroy();
          },
          Math.max(0, client.remainingMs()),
        );
        let last = 10;
        // A body read to its end is not destroyed: its connection goes back to the pool.
        let ended = false;
        let broken = false;
        try {
          const chunks = response[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
          for (;;) {
            let next: IteratorResult<Buffer>;
            try {
              next = await chunks.next();
            } catch {
              // Destroyed by a timer above, or the connection closed before the body's end.
              broken = true;
              break;
            }
            if (next.done) break;
            idle.refresh();
            const bytes = next.value;
            if (bytes.length > 0) last = bytes[bytes.length - 1]!;
            yield bytes;
          }
          ended = true;
          if (cut) throw new Error(`${what}: ${client.deadlineText('cut at')}; the log is cut short`);
          if (stalled)
            throw new Error(
              `${what}: nothing received for ${client.settings.logIdleTimeoutMs / 1000} s; the log may be cut short`,
            );
          // Logs end with a newline; a body cut short mostly does not.
          if (last !== 10) throw new Error(`${what}: the stream ended mid-line; the log may be cut short`);
          if (broken)
            throw new Error(`${what}: the connection closed before the log's end; the log may be cut short`);
        } finally {
          clearTimeout(idle);
          clearTimeout(deadline);
          if (!ended) response.destroy();
        }
      },
    };
  }

  /** Runs an allowlisted command in a container (argv, never a shell); anything else is refused here. */
  async exec(pod: string, container: string, argv: string[]): Promise<ExecResult> {
    allowCommand(argv);
    const what = `exec ${argv[0]} in ${pod}`;
    for (let attempt = 0; ; attempt++) {
      try {
        const timeoutMs = this.attemptTimeoutMs();
        this.requests++;
        const result = await this.execOnce(pod, container, argv, timeoutMs);
        this.observe();
        return result;
      } catch (error) {
        this.observe(error);
        const wait = this.retryWait(error, attempt);
        if (wait === undefined) throw kubeRequestError(what, 'exec', 'pods/exec', this.namespace, error);
        await sleep(wait);
      }
    }
  }

  private execOnce(pod: string, container: string, argv: string[], timeoutMs: number): Promise<ExecResult> {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const collect = (into: Buffer[]) =>
      new Writable({
        write(chunk, _encoding, done) {
          into.push(Buffer.from(chunk));
          done();
        },
      });
    return new Promise<ExecResult>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => finish(this.timeoutError(timeoutMs)), timeoutMs);
      const finish = (error: Error | undefined, status?: V1Status) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) return reject(error);
        const code =
          status?.status === 'Success'
            ? 0
            : Number(status?.details?.causes?.find((c) => c.reason === 'ExitCode')?.message ?? 1);
        resolve({
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          exitCode: code,
        });
      };
      this.exec_
        .exec(this.namespace, pod, container, argv, collect(stdout), collect(stderr), null, false, (status) =>
          finish(undefined, status),
        )
        .then((socket) => {
          socket.on('close', () => finish(new Error('the exec stream closed before the command ended')));
          socket.on('error', (error: Error) => finish(error));
        })
        .catch((error: Error) => finish(error));
    });
  }

  /**
   * Runs one API request with a time-out (an HttpTimeout past it) and bounded retries; maps its failure
   * to a KubeRequestError.
   */
  private async call<T>(
    what: string,
    kind: 'list' | 'get' | 'proxy' | 'log',
    resource: string,
    namespace: string | undefined,
    request: (timeoutMs: number) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let timeoutMs = 0;
      try {
        timeoutMs = this.attemptTimeoutMs();
        this.requests++;
        const answer = await request(timeoutMs);
        this.observe();
        return answer;
      } catch (caught) {
        const error = caught instanceof HttpTimeout ? this.timeoutError(timeoutMs) : caught;
        this.observe(error);
        const wait = this.retryWait(error, attempt);
        if (wait === undefined) throw kubeRequestError(what, kind, resource, namespace, error);
        await sleep(wait);
      }
    }
  }

  /** What is left of the read's deadline, in ms (negative once it has passed). */
  remainingMs(): number {
    return this.deadline - performance.now();
  }

  /** How an attempt ended: any answer shows the server is there; one that could not reach it counts. */
  private observe(error?: unknown): void {
    if (error instanceof ServerUnreachable) return;
    if (error !== undefined && isUnreachable(error)) {
      this.unreachableInARow++;
      this.lastUnreachable = error;
    } else if (error === undefined || statusOf(error) !== undefined) this.unreachableInARow = 0;
  }

  /**
   * The time-out of the next attempt: its own, shortened to what is left of the deadline; none left
   * throws, and so does a server that could not be reached UNREACHABLE_AFTER times in a row (but for a
   * probe a second).
   */
  private attemptTimeoutMs(): number {
    if (this.unreachableInARow >= UNREACHABLE_AFTER) {
      const now = performance.now();
      if (now - this.lastProbe < PROBE_EVERY_MS)
        throw new ServerUnreachable(this.unreachableInARow, this.lastUnreachable);
      this.lastProbe = now;
    }
    const left = Math.floor(this.remainingMs());
    if (left <= 0) {
      this.cutByDeadline++;
      throw new RequestTimeout(`not sent: ${this.deadlineText('past')}`);
    }
    return Math.min(this.settings.requestTimeoutMs, left);
  }

  private timeoutError(timeoutMs: number): RequestTimeout {
    if (timeoutMs < this.settings.requestTimeoutMs || this.remainingMs() <= 0) {
      this.cutByDeadline++;
      return new RequestTimeout(this.deadlineText('cut at'));
    }
    return new RequestTimeout(`no answer in ${timeoutMs / 1000} s (time-out)`);
  }

  private deadlineText(how: 'cut at' | 'past'): string {
    return `${how} the read's deadline of ${this.settings.readTimeoutMs / 1000} s (--source-timeout)`;
  }

  /**
   * How long to wait before retrying, or undefined when the error is final, retries are spent, or the
   * wait and a retry would not fit in what is left of the read's deadline.
   */
  private retryWait(error: unknown, attempt: number): number | undefined {
    if (attempt >= this.settings.retries || error instanceof ServerUnreachable) return undefined;
    const status = statusOf(error);
    const retriable =
      status === undefined ? !(error instanceof KubeRequestError) : status === 429 || status >= 500;
    if (!retriable) return undefined;
    if (error instanceof RequestTimeout && this.remainingMs() <= 0) return undefined;
    const wait = Math.min(retryAfterMs(error) ?? 200 * 2 ** attempt, MAX_RETRY_WAIT_MS);
    return wait < this.remainingMs() ? wait : undefined;
  }
}

/** A client-node call with a time-out: its abort is an HttpTimeout. */
function timed<T>(request: (options: ConfigurationOptions) => Promise<T>): (timeoutMs: number) => Promise<T> {
  return async (timeoutMs) => {
    try {
      return await request(abortAfter(timeoutMs));
    } catch (error) {
      throw isAbort(error) ? new HttpTimeout(timeoutMs) : error;
    }
  };
}

/** Request options whose middleware aborts the request after `timeoutMs`. */
function abortAfter(timeoutMs: number): ConfigurationOptions {
  // The object-style API takes observable middleware: anything with toPromise().
  return {
    middleware: [
      {
        pre: (context: { setSignal(signal: AbortSignal): void }) => ({
          toPromise: async () => {
            context.setSignal(AbortSignal.timeout(timeoutMs));
            return context;
          },
        }),
        post: (context: unknown) => ({ toPromise: async () => context }),
      },
    ],
    middlewareMergeStrategy: 'append',
  } as unknown as ConfigurationOptions;
}

/**
 * The config with one keep-alive agent for all its requests: client-node makes a new agent, so a new
 * connection, for every request (thousands in a fleet). Its first agent's options hold for all: they come
 * from the same cluster and user every time.
 */
function pooledConfig(config: KubeConfig): KubeConfig {
  // createAgent is private in client-node's typings: the one place its agents are made.
  type AgentMaker = { createAgent(cluster: unknown, options: object): unknown };
  const pooled = Object.create(config) as KubeConfig;
  const create = (config as unknown as AgentMaker).createAgent.bind(config);
  let agent: unknown;
  (pooled as unknown as AgentMaker).createAgent = (cluster, options) => {
    agent ??= create(cluster, { ...options, keepAlive: true });
    return agent;
  };
  return pooled;
}

/** The query of a log request: LogOptions' names are the API's parameters. */
function logQuery(container: string, options: LogOptions): string {
  const query = new URLSearchParams({ container });
  for (const [name, value] of Object.entries(options))
    if (value !== undefined) query.set(name, String(value));
  return query.toString();
}

/** client-node returns class instances (Dates, undefined fields); the parsers read API JSON. */
function plain(value: object): never {
  return JSON.parse(JSON.stringify(value)) as never;
}

/** The time-out signal's abort, as node-fetch reports it. */
function isAbort(error: unknown): boolean {
  return (error as Error)?.name === 'AbortError' || /aborted/i.test((error as Error)?.message ?? '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
