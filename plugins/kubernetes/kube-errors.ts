import { SourceError } from '../../core/sources/source-error.js';

/** A request the API server refused or did not answer, with what was asked and what it would take. */
export class KubeRequestError extends SourceError {
  constructor(
    readonly what: string,
    readonly status: number | undefined,
    detail: string,
  ) {
    super(`${what}: ${detail}`);
    this.name = 'KubeRequestError';
  }
}

/** RBAC needs, by request kind, for the message of a 403. */
const PERMISSIONS: Record<string, string> = {
  list: 'list',
  get: 'get',
  log: 'get on pods/log',
  exec: 'create on pods/exec',
  proxy: 'get on pods/proxy',
};

/**
 * Turns what @kubernetes/client-node throws into one line a user can act on: the HTTP status, the API
 * server's own message (never the request's headers or credentials), and for a 403 the permission missing.
 */
export function kubeRequestError(
  what: string,
  kind: keyof typeof PERMISSIONS,
  resource: string,
  namespace: string | undefined,
  error: unknown,
): KubeRequestError {
  const status = statusOf(error);
  const message = apiMessage(error);
  if (status === 401)
    return new KubeRequestError(
      what,
      status,
      'unauthorized (401): the kubeconfig credentials were refused or have expired',
    );
  if (status === 403) {
    const verb = PERMISSIONS[kind]!;
    const permission = verb.includes(' on ') ? verb : `${verb} on ${resource}`;
    return new KubeRequestError(
      what,
      status,
      `forbidden (403): the account needs "${permission}"${namespace ? ` in namespace ${namespace}` : ''}${message ? ` (${message})` : ''}`,
    );
  }
  if (status === 404)
    return new KubeRequestError(what, status, `not found (404)${message ? `: ${message}` : ''}`);
  if (status !== undefined)
    return new KubeRequestError(what, status, `HTTP ${status}${message ? `: ${message}` : ''}`);
  return new KubeRequestError(what, undefined, (error as Error)?.message?.split('\n')[0] ?? String(error));
}

export function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'number') return code;
  const unexpected = /Unexpected server response: (\d{3})/.exec((error as Error)?.message ?? '');
  return unexpected ? Number(unexpected[1]) : undefined;
}

/** The `message` of a Kubernetes Status body, when the error carries one. */
function apiMessage(error: unknown): string | undefined {
  let body = (error as { body?: unknown })?.body;
  if (typeof body === 'string') {
    const text = body;
    try {
      body = JSON.parse(text);
    } catch {
      return text.slice(0, 200) || undefined;
    }
  }
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** Seconds the server asked to wait (Retry-After), if it did. */
export function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { headers?: Record<string, string> })?.headers ?? {};
  const value = headers['retry-after'] ?? headers['Retry-After'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}
