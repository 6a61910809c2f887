import { PassThrough, Writable } from 'node:stream';
import {
  AppsV1Api,
  type ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  Exec,
  type KubeConfig,
  Log,
  type LogOptions,
  type V1Status,
} from '@kubernetes/client-node';
import { allowCommand } from '../../core/sources/exec-allowlist.js';
import type { TextStream } from '../../core/sources/raw-cluster.js';
import type { ExecResult } from '../../core/sources/recorded-command.js';
import { KubeRequestError, kubeRequestError, retryAfterMs, statusOf } from './kube-errors.js';
import type { KubeSettings } from './kube-settings.js';

export type KubeObject = Record<string, unknown> & {
  metadata?: Record<string, unknown> & { name?: string; namespace?: string; labels?: Record<string, string> };
};

/** The longest wait a Retry-After may impose before a retry. */
const MAX_RETRY_WAIT_MS = 10_000;

/**
 * Read-only access to the API server through @kubernetes/client-node: lists, logs, exec of the
 * allowlisted commands, the pod proxy. Every request has a time-out and bounded retries (429 and 5xx,
 * Retry-After honoured); failures are KubeRequestErrors naming what was asked and what is missing.
 */
export class KubeClient {
  /** Requests sent, retries included: what a diagnosis costs the API server. */
  requests = 0;
  private readonly core: CoreV1Api;
  private readonly apps: AppsV1Api;
  private readonly custom: CustomObjectsApi;
  private readonly exec_: Exec;
  private readonly log_: Log;

  constructor(
    config: KubeConfig,
    private readonly settings: KubeSettings,
  ) {
    this.core = config.makeApiClient(CoreV1Api);
    this.apps = config.makeApiClient(AppsV1Api);
    this.custom = config.makeApiClient(CustomObjectsApi);
    this.exec_ = new Exec(config);
    this.log_ = new Log(config);
  }

  get namespace(): string {
    return this.settings.namespace;
  }

  async listNodes(): Promise<KubeObject[]> {
    return this.call('list nodes', 'list', 'nodes', undefined, async (options) =>
      plain((await this.core.listNode({}, options)).items),
    );
  }

  async listPods(labelSelector: string, fieldSelector?: string): Promise<KubeObject[]> {
    const namespace = this.namespace;
    return this.call(
      `list pods (${labelSelector}) in ${namespace}`,
      'list',
      'pods',
      namespace,
      async (options) =>
        plain(
          (await this.core.listNamespacedPod({ namespace, labelSelector, fieldSelector }, options)).items,
        ),
    );
  }

  async listEvents(): Promise<KubeObject[]> {
    const namespace = this.namespace;
    return this.call(`list events in ${namespace}`, 'list', 'events', namespace, async (options) =>
      plain((await this.core.listNamespacedEvent({ namespace }, options)).items),
    );
  }

  async getDaemonSet(name: string): Promise<KubeObject> {
    const namespace = this.namespace;
    return this.call(
      `get daemonset ${name} in ${namespace}`,
      'get',
      'daemonsets',
      namespace,
      async (options) => plain(await this.apps.readNamespacedDaemonSet({ name, namespace }, options)),
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
        async (options) => {
          const list = (await this.custom.listNamespacedCustomObject(
            { group, version, namespace, plural },
            options,
          )) as {
            items?: KubeObject[];
          };
          return list.items ?? [];
        },
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
      (options) =>
        this.core.connectGetNamespacedPodProxyWithPath({ name: `${pod}:${port}`, namespace, path }, options),
    );
  }

  /**
   * A pod log as a stream that opens when read: never held whole. A log that stops sending for
   * logIdleTimeoutMs, or ends mid-line (a body cut short), fails after what it delivered: the reader
   * keeps that and reports the error.
   */
  logStream(pod: string, container: string, options: LogOptions): TextStream {
    const what = `log of ${pod}/${container}`;
    const client = this;
    return {
      name: `pod/${pod}/${container}`,
      async *open() {
        const sink = new PassThrough();
        // A body that breaks off is reported by the idle timer; the sink itself must never throw.
        sink.on('error', () => undefined);
        let controller: AbortController | undefined;
        for (let attempt = 0; ; attempt++) {
          client.requests++;
          try {
            controller = await client.withTimeout(
              client.log_.log(client.namespace, pod, container, sink, options),
              (late) => late.abort(),
            );
            break;
          } catch (error) {
            const wait = client.retryWait(error, attempt);
            if (wait === undefined) throw kubeRequestError(what, 'log', 'pods/log', client.namespace, error);
            await sleep(wait);
          }
        }
        let idle: NodeJS.Timeout | undefined;
        let stalled = false;
        const arm = () => {
          clearTimeout(idle);
          idle = setTimeout(() => {
            stalled = true;
            controller?.abort();
            sink.end();
          }, client.settings.logIdleTimeoutMs);
        };
        arm();
        let last = 10;
        try {
          for await (const chunk of sink) {
            arm();
            const bytes = chunk as Uint8Array;
            if (bytes.length > 0) last = bytes[bytes.length - 1]!;
            yield bytes;
          }
          if (stalled)
            throw new Error(
              `${what}: nothing received for ${client.settings.logIdleTimeoutMs / 1000} s; the log may be cut short`,
            );
          // Logs end with a newline; a body cut short mostly does not.
          if (last !== 10) throw new Error(`${what}: the stream ended mid-line; the log may be cut short`);
        } finally {
          clearTimeout(idle);
          controller?.abort();
        }
      },
    };
  }

  /** Runs an allowlisted command in a container (argv, never a shell); anything else is refused here. */
  async exec(pod: string, container: string, argv: string[]): Promise<ExecResult> {
    allowCommand(argv);
    const what = `exec ${argv[0]} in ${pod}`;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      try {
        return await this.execOnce(pod, container, argv);
      } catch (error) {
        const wait = this.retryWait(error, attempt);
        if (wait === undefined) throw kubeRequestError(what, 'exec', 'pods/exec', this.namespace, error);
        await sleep(wait);
      }
    }
  }

  private execOnce(pod: string, container: string, argv: string[]): Promise<ExecResult> {
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
      const timer = setTimeout(
        () => finish(new Error(`no answer in ${this.settings.requestTimeoutMs / 1000} s`)),
        this.settings.requestTimeoutMs,
      );
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

  /** Runs one API call with a time-out and bounded retries; maps its failure to a KubeRequestError. */
  private async call<T>(
    what: string,
    kind: 'list' | 'get' | 'proxy',
    resource: string,
    namespace: string | undefined,
    request: (options: ConfigurationOptions) => Promise<T>,
  ): Promise<T> {
    const timeoutMs = this.settings.requestTimeoutMs;
    // The object-style API takes observable middleware: anything with toPromise().
    const options = {
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
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      try {
        return await request(options);
      } catch (caught) {
        const error = isAbort(caught) ? new Error(`no answer in ${timeoutMs / 1000} s`) : caught;
        const wait = this.retryWait(error, attempt);
        if (wait === undefined) throw kubeRequestError(what, kind, resource, namespace, error);
        await sleep(wait);
      }
    }
  }

  /**
   * The answer of a request that has no time-out of its own, or a time-out error; what arrives after
   * the time-out is handed to `abandon` (a log stream to abort).
   */
  private withTimeout<T>(request: Promise<T>, abandon: (late: T) => void): Promise<T> {
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new Error(`no answer in ${this.settings.requestTimeoutMs / 1000} s`));
      }, this.settings.requestTimeoutMs);
    });
    request.then((late) => timedOut && abandon(late)).catch(() => undefined);
    return Promise.race([request, timeout]).finally(() => clearTimeout(timer));
  }

  /** How long to wait before retrying, or undefined when the error is final or retries are spent. */
  private retryWait(error: unknown, attempt: number): number | undefined {
    if (attempt >= this.settings.retries) return undefined;
    const status = statusOf(error);
    const retriable =
      status === undefined ? !(error instanceof KubeRequestError) : status === 429 || status >= 500;
    if (!retriable) return undefined;
    return Math.min(retryAfterMs(error) ?? 200 * 2 ** attempt, MAX_RETRY_WAIT_MS);
  }
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
