import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeClient } from '../../../../plugins/kubernetes/kube-client.js';
import { DEFAULT_KUBE_SETTINGS, type KubeSettings } from '../../../../plugins/kubernetes/kube-settings.js';
import { simulatorKubeconfig } from '../../../../simulate/kubeconfig.js';

const TOKEN = 'test-token';
const NAMESPACE = 'openshift-ptp';

type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void | Promise<void>;

/** A tiny API server on loopback: each request goes to `handler` with its index; connections are counted. */
async function apiServer(handler: Handler) {
  const seen: { url: string; authorization?: string }[] = [];
  let connections = 0;
  const http = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    void handler(request, response, seen.length - 1);
  });
  http.on('connection', () => connections++);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const server = {
    url: `http://127.0.0.1:${port}`,
    seen,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  servers.push(server);
  return server;
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function client(url: string, settings: Partial<KubeSettings> = {}): KubeClient {
  const config = new KubeConfig();
  config.loadFromString(simulatorKubeconfig(url, TOKEN, NAMESPACE));
  return new KubeClient(config, {
    ...DEFAULT_KUBE_SETTINGS,
    namespace: NAMESPACE,
    requestTimeoutMs: 2000,
    logIdleTimeoutMs: 2000,
    ...settings,
  });
}

function status(
  response: ServerResponse,
  code: number,
  message: string,
  headers: Record<string, string> = {},
) {
  response.writeHead(code, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, code }));
}

/** Everything a log stream yields, and the error it ended with, if any. */
async function readLog(stream: { open(): AsyncIterable<Uint8Array> }) {
  const chunks: string[] = [];
  try {
    for await (const chunk of stream.open()) chunks.push(Buffer.from(chunk).toString('utf8'));
    return { chunks, error: undefined };
  } catch (error) {
    return { chunks, error: (error as Error).message };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('logs and the pod proxy as plain HTTP (kube-http.ts)', () => {
  it('streams a log as it comes, in pieces, with the options asked and the kubeconfig’s token', async () => {
    const server = await apiServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('line 1\n');
      await sleep(30);
      response.write('line 2\nli');
      await sleep(30);
      response.end('ne 3\n');
    });
    const kube = client(server.url);
    const { chunks, error } = await readLog(
      kube.logStream('linuxptp-daemon-abcde', 'linuxptp-daemon-container', {
        timestamps: true,
        sinceSeconds: 600,
        tailLines: 50,
      }),
    );
    expect(error).toBeUndefined();
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.join('')).toBe('line 1\nline 2\nline 3\n');
    const [asked] = server.seen;
    const url = new URL(asked!.url, 'http://x');
    expect(url.pathname).toBe(`/api/v1/namespaces/${NAMESPACE}/pods/linuxptp-daemon-abcde/log`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      container: 'linuxptp-daemon-container',
      timestamps: 'true',
      sinceSeconds: '600',
      tailLines: '50',
    });
    expect(asked!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(kube.requests).toBe(1);
  });

  it('retries a 5xx (Retry-After honoured) and reuses one keep-alive connection', async () => {
    const server = await apiServer((request, response, index) => {
      if (index < 2) return status(response, 503, 'etcd is unavailable', { 'retry-after': '0' });
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(request.url!.includes('/proxy/') ? '# metrics\nptp_offset_ns 3\n' : 'a line\n');
    });
    const kube = client(server.url, { retries: 3 });
    expect((await readLog(kube.logStream('pod-1', 'c', {}))).chunks.join('')).toBe('a line\n');
    expect(kube.requests).toBe(3);
    expect(await kube.podProxy('pod-1', 9091, 'metrics')).toBe('# metrics\nptp_offset_ns 3\n');
    expect(server.seen.at(-1)!.url).toBe(`/api/v1/namespaces/${NAMESPACE}/pods/pod-1%3A9091/proxy/metrics`);
    expect(kube.requests).toBe(4);
    expect(server.connections()).toBe(1);
  });

  it('a 403 says the permission missing and the API server’s Status message; it is not retried', async () => {
    const message =
      'pods "pod-1" is forbidden: User "system:serviceaccount:openshift-ptp:ptp-mcp" cannot get resource "pods/log" in API group "" in the namespace "openshift-ptp"';
    const server = await apiServer((_request, response) => status(response, 403, message));
    const kube = client(server.url);
    expect((await readLog(kube.logStream('pod-1', 'c', {}))).error).toBe(
      `log of pod-1/c: forbidden (403): the account needs "get on pods/log" in namespace ${NAMESPACE} (${message})`,
    );
    await expect(kube.podProxy('pod-1', 9091, 'metrics')).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('the account needs "get on pods/proxy"'),
    });
    expect(kube.requests).toBe(2);
  });

  it('a body cut mid-line, or cut at a line’s end, keeps what came and says the log may be cut short', async () => {
    const server = await apiServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('line 1\nline 2 is cu', () => response.destroy());
    });
    const { chunks, error } = await readLog(client(server.url).logStream('pod-1', 'c', {}));
    expect(chunks.join('')).toBe('line 1\nline 2 is cu');
    expect(error).toBe('log of pod-1/c: the stream ended mid-line; the log may be cut short');
    const atLineEnd = await apiServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('line 1\n', () => response.destroy());
    });
    expect(await readLog(client(atLineEnd.url).logStream('pod-1', 'c', {}))).toEqual({
      chunks: ['line 1\n'],
      error: "log of pod-1/c: the connection closed before the log's end; the log may be cut short",
    });
  });

  it('a log that stops sending ends at the idle time-out with what it delivered', async () => {
    const server = await apiServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('line 1\n');
    });
    const { chunks, error } = await readLog(
      client(server.url, { logIdleTimeoutMs: 200 }).logStream('pod-1', 'c', {}),
    );
    expect(chunks.join('')).toBe('line 1\n');
    expect(error).toBe('log of pod-1/c: nothing received for 0.2 s; the log may be cut short');
  });

  it('a request without an answer times out; a closed port is named as refused', async () => {
    const silent = await apiServer(() => undefined);
    await expect(
      client(silent.url, { requestTimeoutMs: 200, retries: 0 }).podProxy('pod-1', 9091, 'metrics'),
    ).rejects.toThrow('get http://pod-1:9091/metrics through the pod proxy: no answer in 0.2 s (time-out)');
    const closed = await apiServer(() => undefined);
    await closed.close();
    const { error } = await readLog(client(closed.url, { retries: 0 }).logStream('pod-1', 'c', {}));
    expect(error).toMatch(
      /^log of pod-1\/c: connection refused \(ECONNREFUSED 127\.0\.0\.1:\d+\): the API server is down/,
    );
  });
});
