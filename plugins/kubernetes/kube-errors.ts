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

/**
 * A request not sent because the API server could not be reached several times in a row: sending the
 * rest of a fleet's requests (and their retries) to a server that is down would only run out the read's
 * deadline (a few hundred nodes: minutes) before the diagnosis says what it could not read.
 */
export class ServerUnreachable extends Error {
  constructor(failures: number, last: unknown) {
    super(
      `not sent: the API server could not be reached ${failures} times in a row (the last: ${transportFailure(last)})`,
    );
    this.name = 'ServerUnreachable';
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
  if (error instanceof ServerUnreachable) return new KubeRequestError(what, undefined, error.message);
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
  return new KubeRequestError(what, undefined, transportFailure(error));
}

/** Node's TLS verification codes (tls.TLSSocket authorizationError) and OpenSSL's own. */
const TLS_CODE =
  /^(TLS$|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|EPROTO$)/;
const TLS_MESSAGE = /certificate|self[- ]signed|\bSSL\b|\bTLS\b/i;
const SYSTEM_CODE = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT)\b/;

/**
 * Why a request got no HTTP answer, named: connection refused, DNS, TLS, reset, unreachable, time-out.
 * The code is looked for on the error and its causes (node-fetch, ws and undici nest them differently).
 */
export function transportFailure(error: unknown): string {
  const system = systemError(error);
  const detail = (error as Error)?.message?.split('\n')[0] ?? String(error);
  const code = failureCode(error);
  // node-fetch keeps the code of the system error but not its address: the message has it.
  const where = system?.address
    ? `${system.address}${system.port !== undefined ? `:${system.port}` : ''}`
    : (system?.hostname ?? (code ? (detail.split(`${code} `)[1]?.split(/\s/)[0] ?? '') : ''));
  switch (true) {
    case code === 'ECONNREFUSED':
      return `connection refused (ECONNREFUSED${where ? ` ${where}` : ''}): the API server is down or not at that address`;
    case code === 'ENOTFOUND':
      return `DNS: the API server's name ${where} does not resolve (ENOTFOUND)`;
    case code === 'EAI_AGAIN':
      return `DNS: no answer resolving ${where} (EAI_AGAIN, a temporary failure)`;
    case code !== undefined && TLS_CODE.test(code):
      return `TLS: the connection was refused (${code === 'TLS' ? detail : `${code}: ${tlsReason(system?.message ?? detail)}`}); check the kubeconfig's certificate-authority and the server's certificate`;
    case code === 'ECONNRESET' || /socket hang up/i.test(detail):
      return `the connection was reset (${code ?? 'socket hang up'}): the API server closed it before answering`;
    case code === 'EHOSTUNREACH' || code === 'ENETUNREACH':
      return `the API server cannot be reached (${code}${where ? ` ${where}` : ''}): no route to it`;
    case code === 'ETIMEDOUT':
      return `time-out connecting to the API server (ETIMEDOUT${where ? ` ${where}` : ''})`;
    default:
      return detail;
  }
}

/** The system (or TLS) code of a request that got no HTTP answer, if one can be found. */
function failureCode(error: unknown): string | undefined {
  const detail = (error as Error)?.message?.split('\n')[0] ?? String(error);
  // The exec socket's error keeps only the message of the system error (`connect ECONNREFUSED host:port`).
  return (
    systemError(error)?.code ??
    SYSTEM_CODE.exec(detail)?.[1] ??
    (TLS_MESSAGE.test(detail) ? 'TLS' : undefined)
  );
}

/**
 * Whether a failure says the API server cannot be reached at all (refused, no such name, no route, TLS
 * refused) rather than that one request went wrong (a reset, a time-out, an HTTP status).
 */
export function isUnreachable(error: unknown): boolean {
  if (statusOf(error) !== undefined) return false;
  const code = failureCode(error);
  return (
    code !== undefined &&
    (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code) ||
      TLS_CODE.test(code))
  );
}

/** OpenSSL's reason out of its error line (`…:SSL routines:ssl3_get_record:wrong version number:…`). */
function tlsReason(message: string): string {
  return /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1] ?? message.split('\n')[0]!;
}

interface SystemError {
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
  message?: string;
}

/** The first error with a string `code` in an error's chain of causes. */
function systemError(error: unknown): SystemError | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const candidate = current as SystemError & { cause?: unknown; errno?: unknown };
    if (typeof candidate.code === 'string') return candidate;
    current = candidate.cause;
  }
  return undefined;
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
