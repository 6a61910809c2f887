import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** The most of a refused request's body kept for its message (a Status is a few hundred bytes). */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * An answer other than 2xx, shaped as kube-errors.ts reads client-node's: `code` the status, `body`
 * the API server's Status JSON, `headers` (Retry-After).
 */
export class HttpStatusError extends Error {
  constructor(
    readonly code: number,
    readonly body: string,
    readonly headers: IncomingHttpHeaders,
  ) {
    super(`HTTP ${code}`);
    this.name = 'HttpStatusError';
  }
}

/** No answer (or, for text, not all of it) within the request's time-out. */
export class HttpTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`no answer in ${timeoutMs} ms`);
    this.name = 'HttpTimeout';
  }
}

/**
 * GETs to the API server with node:http(s), for what is asked thousands of times in a fleet (pod logs,
 * the pod proxy): client-node's Log and generated APIs add node-fetch, a PassThrough and a serializer
 * per request. Each request is authenticated and TLS-configured by the kubeconfig itself
 * (applyToHTTPSOptions: token, client certificate, CA, exec and auth-provider plugins) and goes through
 * the agent its config makes (the KubeClient's one keep-alive pool). Transport errors are Node's own
 * (ECONNREFUSED, ENOTFOUND, TLS codes), which kube-errors.ts names.
 */
export class KubeHttp {
  private target?: Target;

  constructor(private readonly config: KubeConfig) {}

  /**
   * The response of `GET path` once its headers arrive with a 2xx, to be read by the caller; a
   * HttpStatusError otherwise, a HttpTimeout after `timeoutMs`.
   */
  open(path: string, timeoutMs: number): Promise<IncomingMessage> {
    return this.get(path, timeoutMs, async (response) => response);
  }

  /** The whole body of `GET path` as UTF-8 text, all within `timeoutMs`. */
  text(path: string, timeoutMs: number): Promise<string> {
    return this.get(path, timeoutMs, (response) => readText(response, Number.POSITIVE_INFINITY));
  }

  private get<T>(
    path: string,
    timeoutMs: number,
    answered: (response: IncomingMessage) => Promise<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let request: ReturnType<typeof httpRequest> | undefined;
      let settled = false;
      const settle = (error: unknown, value?: T) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error === undefined) return resolve(value as T);
        // The connection goes with a request abandoned halfway; one answered in full stays in the pool.
        request?.destroy();
        reject(error);
      };
      const timer = setTimeout(() => settle(new HttpTimeout(timeoutMs)), timeoutMs);
      this.options(path).then((options) => {
        if (settled) return;
        request = (this.target!.secure ? httpsRequest : httpRequest)(options, (response) => {
          const status = response.statusCode ?? 0;
          const answer =
            status >= 200 && status < 300
              ? answered(response)
              : readText(response, MAX_ERROR_BODY_BYTES).then((body) => {
                  throw new HttpStatusError(status, body, response.headers);
                });
          answer.then((value) => settle(undefined, value), settle);
        });
        // Stays on: an error after the answer (a body cut short) must not be an uncaught one.
        request.on('error', settle);
        request.end();
      }, settle);
    });
  }

  private async options(path: string): Promise<RequestOptions> {
    // Read at the first request: a server URL that does not parse fails requests, as client-node's do.
    this.target ??= targetOf(this.config);
    const { hostname, port, prefix } = this.target;
    const options: RequestOptions = {
      method: 'GET',
      hostname,
      port: port || undefined,
      path: prefix + path,
      headers: { accept: '*/*' },
    };
    // Headers (Authorization, Impersonate-User), basic auth, TLS options and the agent.
    await this.config.applyToHTTPSOptions(options);
    return options;
  }
}

interface Target {
  secure: boolean;
  hostname: string;
  port: string;
  /** The server's own path (a proxy in front of the API server may serve it under one). */
  prefix: string;
}

function targetOf(config: KubeConfig): Target {
  const server = config.getCurrentCluster()?.server;
  if (!server) throw new Error('no current cluster in the kubeconfig');
  const url = new URL(server);
  return {
    secure: url.protocol === 'https:',
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port,
    prefix: url.pathname.replace(/\/+$/, ''),
  };
}

/**
 * A body as text, its chunks kept until `limit` bytes (the rest is read and dropped, so that the
 * connection can serve the next request). A connection that closes before the body's end fails it.
 */
async function readText(response: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let kept = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (kept >= limit) continue;
      chunks.push(chunk);
      kept += chunk.length;
    }
  } catch (error) {
    // Node says `aborted`, which would read as a time-out: named here for what it is.
    throw Object.assign(new Error('the connection closed before the end of the answer'), {
      code: 'ECONNRESET',
      cause: error,
    });
  }
  return Buffer.concat(chunks).toString('utf8');
}
