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
import type { TextStream } from '../../core/sources/raw-cluster.js';
import { allowCommand } from './exec-allowlist.js';
import { KubeRequestError, kubeRequestError, retryAfterMs, statusOf } from './kube-errors.js';
import type { KubeSettings } from './kube-settings.js';

export type KubeObject = Record<string, unknown> & {
  metadata?: Record<string, unknown> & { name?: string; namespace?: string; labels?: Record<string, string> };
};

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

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

  async listPods(labelSelector: string): Promise<KubeObject[]> {
    const namespace = this.namespace;
    return this.call(
      `list pods (${labelSelector}) in ${namespace}`,
      'list',
      'pods',
      namespace,
      async (options) =>
        plain((await this.core.listNamespacedPod({ namespace, labelSelector }, options)).items),
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
   * logIdleTimeoutMs (a body cut short) ends, and `onProblem` says so.
   */
  logStream(
    pod: string,
    container: string,
    options: LogOptions,
    onProblem: (message: string) => void,
  ): TextStream {
    const what = `log of ${pod}/${container}`;
    const client = this;
    return {
      name: `pod/${pod}/${container}`,
      async *open() {
        const sink = new PassThrough();
        let controller: AbortController | undefined;
        for (let attempt = 0; ; attempt++) {
          client.requests++;
          try {
            controller = await client.log_.log(client.namespace, pod, container, sink, options);
            break;
          } catch (error) {
            const wait = client.retryWait(error, attempt);
            if (wait === undefined) throw kubeRequestError(what, 'log', 'pods/log', client.namespace, error);
            await sleep(wait);
          }
        }
        let idle: NodeJS.Timeout | undefined;
        const arm = () => {
          clearTimeout(idle);
          idle = setTimeout(() => {
            onProblem(
              `${what}: nothing received for ${client.settings.logIdleTimeoutMs / 1000} s; the log may be cut short`,
            );
            controller?.abort();
            sink.end();
          }, client.settings.logIdleTimeoutMs);
        };
        arm();
        try {
          for await (const chunk of sink) {
            arm();
            yield chunk as Uint8Array;
          }
        } finally {
          clearTimeout(idle);
          controller?.abort();
        }
      },
    };
  }

  /** Runs an allowlisted command in a container (argv, never a shell); anything else is refused here. */
  async exec(pod: string, container: string, argv: string[]): Promise<ExecOutput> {
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

  private execOnce(pod: string, container: string, argv: string[]): Promise<ExecOutput> {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const collect = (into: Buffer[]) =>
      new Writable({
        write(chunk, _encoding, done) {
          into.push(Buffer.from(chunk));
          done();
        },
      });
    return new Promise<ExecOutput>((resolve, reject) => {
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
      } catch (error) {
        const wait = this.retryWait(error, attempt);
        if (wait === undefined) throw kubeRequestError(what, kind, resource, namespace, error);
        await sleep(wait);
      }
    }
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
