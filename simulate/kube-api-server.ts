import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { AccessLog, accessOf } from './api-access.js';
import { execOverWebSocket } from './exec-socket.js';
import { FaultInjector, type FaultPlan, type FaultRule } from './faults.js';
import { PodLogCache } from './pod-log.js';
import { fieldSelector, labelSelector } from './selectors.js';
import { type KubeObject, RESOURCES, type ResourceName, type SimulatedCluster } from './simulated-cluster.js';

export interface KubeApiServerOptions {
  cluster: SimulatedCluster;
  /** The bearer token clients must send (the kubeconfig the simulator prints carries it). */
  token: string;
  host?: string;
  port?: number;
  faults?: FaultPlan;
  /** The cluster's "now" for sinceSeconds: the end of its data, never this machine's clock. */
  now?: number;
  /**
   * The server dies after answering this many requests (an API server killed mid-read): the request
   * past it has its connection reset, and later ones are refused (the port is closed).
   */
  stopAfterRequests?: number;
}

export interface KubeApiServer {
  url: string;
  /** Requests served, by kind: what a client costs the API server. */
  stats: { requests: number; byKind: Record<string, number> };
  /** What each authenticated request asked of RBAC (verb, group, resource, subresource, scope): deploy/'s roles. */
  access: AccessLog;
  /** Stops as a killed API server does: open connections reset, new ones refused. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

const CONTAINERS = ['linuxptp-daemon-container', 'kube-rbac-proxy', 'cloud-event-proxy'];

/**
 * A read-only Kubernetes API server over a simulated cluster, on loopback: lists and gets of the PTP
 * resources, pod logs with their query options, exec over WebSocket (the allowlisted commands only), and
 * the pod proxy to the daemon's metrics. Enough for @kubernetes/client-node, kubectl get and MCP clients.
 */
export async function startKubeApiServer(options: KubeApiServerOptions): Promise<KubeApiServer> {
  const { cluster, token } = options;
  const injector = new FaultInjector(options.faults?.faults ?? []);
  const missingPods = new Set(options.faults?.withoutDaemonPod ?? []);
  const stats: KubeApiServer['stats'] = { requests: 0, byKind: {} };
  const logCache = new PodLogCache();
  const access = new AccessLog();
  const count = (kind: string) => {
    stats.requests++;
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
  };
  const items = (resource: ResourceName) =>
    cluster.objects.get(resource)!.filter((o) => resource !== 'pods' || !missingPods.has(nodeOfPod(o) ?? ''));

  const server = createServer((request, response) => {
    if (stopped(request.socket)) return;
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) status(response, 500, 'InternalError', error.message);
      else response.destroy();
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      execSockets.close();
      for (const socket of sockets) socket.destroy();
    });
    return stopping;
  };
  /** Past `stopAfterRequests` the server dies: this request's connection is reset. */
  const stopped = (socket: Socket) => {
    if (options.stopAfterRequests === undefined || stats.requests < options.stopAfterRequests) return false;
    socket.destroy();
    void stop();
    return true;
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulated');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    count(requestKind(path));
    if (request.headers.authorization !== `Bearer ${token}`)
      return status(response, 401, 'Unauthorized', 'Unauthorized');
    access.record(accessOf(path, url.searchParams, false));
    const fault = injector.take(`${path}${url.search}`);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.status) return faultStatus(response, fault, path);
    if (request.method !== 'GET')
      return status(
        response,
        405,
        'MethodNotAllowed',
        'the simulated cluster is read-only: only GET is served',
      );
    const send = (body: unknown) => json(response, body, fault?.truncate === true);

    if (path === '/version')
      return send({
        major: '1',
        minor: '31',
        gitVersion: 'v1.31.0-ptp-mcp-simulate',
        platform: 'linux/amd64',
      });
    if (path === '/api') return send({ kind: 'APIVersions', versions: ['v1'] });
    if (path === '/apis') return send(apiGroups());
    const match =
      /^\/api\/v1(?:\/namespaces\/([^/]+))?\/([a-z]+)(?:\/([^/]+))?(?:\/([a-z]+)(?:\/(.*))?)?$/.exec(path) ??
      /^\/apis\/([a-z.]+)\/([a-z0-9]+)(?:\/namespaces\/([^/]+))?\/([a-z]+)(?:\/([^/]+))?$/.exec(path);
    if (!match)
      return status(response, 404, 'NotFound', `the server could not find the requested resource (${path})`);
    const core = path.startsWith('/api/v1');
    const [namespace, resourceName, name, subresource, rest] = core
      ? [match[1], match[2], match[3], match[4], match[5]]
      : [match[3], match[4], match[5], undefined, undefined];
    if (!(resourceName! in RESOURCES))
      return status(response, 404, 'NotFound', `the server could not find the requested resource (${path})`);
    const resource = resourceName as ResourceName;
    const spec = RESOURCES[resource];
    if (!core && (match[1] !== spec.group || match[2] !== spec.version))
      return status(response, 404, 'NotFound', `the server could not find the requested resource (${path})`);
    const inScope = (o: KubeObject) =>
      !spec.namespaced || namespace === undefined || o.metadata?.namespace === namespace;

    if (name === undefined) {
      const listed = items(resource)
        .filter(inScope)
        .filter(labelSelector(url.searchParams.get('labelSelector')))
        .filter(fieldSelector(url.searchParams.get('fieldSelector')));
      const apiVersion = spec.group ? `${spec.group}/${spec.version}` : spec.version;
      return send({
        apiVersion,
        kind: `${spec.kind}List`,
        metadata: { resourceVersion: '1' },
        items: listed,
      });
    }
    // Clients escape the `pod:port` of the proxy path (`%3A`).
    const [podName, port] = decodeURIComponent(name).split(':');
    const object = items(resource).find((o) => o.metadata?.name === podName && inScope(o));
    if (!object)
      return status(response, 404, 'NotFound', `${resource} "${podName}" not found`, {
        kind: resource,
        name: podName,
      });
    if (subresource === undefined) return send(object);
    const node = cluster.nodes.get(nodeOfPod(object) ?? '');
    if (resource === 'pods' && subresource === 'log') {
      const container = url.searchParams.get('container');
      if (!container)
        return status(
          response,
          400,
          'BadRequest',
          `a container name must be specified for pod ${podName}, choose one of: [${CONTAINERS.join(' ')}]`,
        );
      const stream =
        container === 'linuxptp-daemon-container'
          ? node?.logs.daemon
          : container === 'cloud-event-proxy'
            ? node?.logs.proxy
            : undefined;
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      if (!stream) return void response.end();
      const sinceSeconds = numberParam(url, 'sinceSeconds');
      const sinceTime = url.searchParams.get('sinceTime');
      const since =
        sinceSeconds !== undefined && options.now !== undefined
          ? options.now - sinceSeconds * 1000
          : sinceTime
            ? Date.parse(sinceTime)
            : undefined;
      for await (const chunk of logCache.serve(stream, {
        timestamps: url.searchParams.get('timestamps') === 'true',
        since,
        tailLines: numberParam(url, 'tailLines'),
        limitBytes: numberParam(url, 'limitBytes'),
        now: options.now,
      })) {
        // A body cut short: the first piece, then the connection drops.
        if (fault?.truncate)
          return void response.write(chunk.subarray(0, chunk.length >> 1), () => response.destroy());
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
      return void response.end();
    }
    if (resource === 'pods' && subresource === 'proxy') {
      // The daemon serves its metrics on :9091; nothing else of the pod is reachable.
      if (port !== '9091' || rest !== 'metrics' || !node?.metrics)
        return status(
          response,
          503,
          'ServiceUnavailable',
          `error trying to reach service: dial tcp: connect: connection refused`,
        );
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      const body = node.metrics.text;
      return void response.end(fault?.truncate ? body.slice(0, body.length >> 1) : body);
    }
    return status(response, 404, 'NotFound', `the server could not find the requested resource (${path})`);
  }

  const execSockets = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('v4.channel.k8s.io') ? 'v4.channel.k8s.io' : false),
  });
  server.on('upgrade', (request, socket, head) => {
    if (stopped(socket as Socket)) return;
    const url = new URL(request.url ?? '/', 'http://simulated');
    const exec = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/.exec(url.pathname);
    count(exec ? 'exec' : 'upgrade');
    const refuse = (code: number, reason: string, message: string) => {
      const body = JSON.stringify(statusBody(code, reason, message));
      socket.end(
        `HTTP/1.1 ${code} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    };
    if (request.headers.authorization !== `Bearer ${token}`)
      return refuse(401, 'Unauthorized', 'Unauthorized');
    access.record(accessOf(url.pathname, url.searchParams, true));
    if (!exec) return refuse(404, 'NotFound', 'only pods/exec is served over WebSocket');
    const fault = injector.take(`${url.pathname}${url.search}`);
    if (fault?.status) return refuse(fault.status, reasonOf(fault.status), faultMessage(fault, url.pathname));
    const pod = items('pods').find((o) => o.metadata?.name === exec[2] && o.metadata?.namespace === exec[1]);
    const node = pod ? cluster.nodes.get(nodeOfPod(pod) ?? '') : undefined;
    if (!pod || !node) return refuse(404, 'NotFound', `pods "${exec[2]}" not found`);
    execSockets.handleUpgrade(request, socket, head, (ws) =>
      execOverWebSocket(ws, url.searchParams.getAll('command'), node, fault?.delayMs),
    );
  });

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    stats,
    access,
    stop,
    close: stop,
  };
}

function nodeOfPod(pod: KubeObject): string | undefined {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName;
}

function requestKind(path: string): string {
  if (path.endsWith('/log')) return 'log';
  if (path.includes('/proxy/')) return 'proxy';
  const resource = /\/([a-z]+)(?:\/[^/]+)?$/.exec(path)?.[1];
  return resource ?? path;
}

function numberParam(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

function apiGroups() {
  const groups = new Map<string, string[]>();
  for (const spec of Object.values(RESOURCES)) {
    if (!spec.group) continue;
    const versions = groups.get(spec.group) ?? [];
    if (!versions.includes(spec.version)) versions.push(spec.version);
    groups.set(spec.group, versions);
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups].map(([name, versions]) => ({
      name,
      versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
      preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
    })),
  };
}

function statusBody(code: number, reason: string, message: string, details?: Record<string, unknown>) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function status(
  response: ServerResponse,
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): void {
  json(response, statusBody(code, reason, message, details), false, code);
}

function reasonOf(code: number): string {
  return (
    {
      403: 'Forbidden',
      404: 'NotFound',
      429: 'TooManyRequests',
      500: 'InternalError',
      503: 'ServiceUnavailable',
    }[code] ?? 'Failure'
  );
}

/** A 403 reads as RBAC's own message, naming the verb and resource the client lacks. */
function faultMessage(fault: FaultRule, path: string): string {
  if (fault.message) return fault.message;
  if (fault.status !== 403) return `simulated ${fault.status} on ${path}`;
  const sub = /\/pods\/[^/]+\/(exec|log|proxy)/.exec(path)?.[1];
  const resource = sub ? `pods/${sub}` : (/\/([a-z]+)(?:\/[^/]+)?$/.exec(path)?.[1] ?? 'resource');
  const verb = sub === 'exec' ? 'create' : path.endsWith(`/${resource}`) ? 'list' : 'get';
  const group = /^\/apis\/([^/]+)\//.exec(path)?.[1] ?? '';
  const namespace = /\/namespaces\/([^/]+)/.exec(path)?.[1];
  return `${resource} is forbidden: User "system:serviceaccount:openshift-ptp:ptp-mcp" cannot ${verb} resource "${resource}" in API group "${group}"${namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'}`;
}

function faultStatus(response: ServerResponse, fault: FaultRule, path: string): void {
  if (fault.retryAfterSeconds !== undefined)
    response.setHeader('retry-after', String(fault.retryAfterSeconds));
  const code = fault.status!;
  status(response, code, reasonOf(code), faultMessage(fault, path));
}

function json(response: ServerResponse, body: unknown, truncate: boolean, code = 200): void {
  const text = JSON.stringify(body);
  if (truncate) {
    response.writeHead(code, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.write(text.slice(0, text.length >> 1));
    response.destroy();
    return;
  }
  response.writeHead(code, { 'content-type': 'application/json' });
  response.end(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
