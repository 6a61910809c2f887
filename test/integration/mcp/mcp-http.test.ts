import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../cli-run.js';
import { connect, serveHttp, TOKEN, textOf } from './mcp-client.js';

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } },
};
const post = (url: string, headers: Record<string, string>, body: unknown = initialize) =>
  fetch(`${url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('MCP over Streamable HTTP (the built server, sessions)', () => {
  let server: Awaited<ReturnType<typeof serveHttp>>;
  beforeAll(async () => {
    server = await serveHttp([], { PTP_MCP_TOKEN: TOKEN });
  });
  afterAll(() => server.process.kill('SIGTERM'));

  it('serves the tools to the SDK client with the bearer token', async () => {
    const client = await connect(server.url);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(30);
    const result = await client.callTool({ name: 'check_ptp_health', arguments: {} });
    expect(result.structuredContent).toMatchObject({ cluster: 'CRITICAL' });
    await client.close();
  });

  it('refuses a missing or wrong token (401), a foreign Origin (403), a foreign Host (403)', async () => {
    expect((await post(server.url, {})).status).toBe(401);
    expect((await post(server.url, { authorization: 'Bearer wrong-token-0123456789abc' })).status).toBe(401);
    expect(
      (await post(server.url, { authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example' })).status,
    ).toBe(403);
    // fetch does not let a caller set Host: a raw request does, as a DNS-rebinding page's browser would.
    expect(await rawStatus(server.url, { host: 'evil.example', authorization: `Bearer ${TOKEN}` })).toBe(403);
    // The token is what is checked, not where the request comes from: a good one passes.
    expect((await post(server.url, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('limits the body size and answers malformed requests with JSON-RPC errors', async () => {
    const big = await post(
      server.url,
      { authorization: `Bearer ${TOKEN}` },
      JSON.stringify({ ...initialize, padding: 'x'.repeat(5 * 1024 * 1024) }),
    );
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ jsonrpc: '2.0', error: { message: 'request body too large' } });
    const noSession = await post(
      server.url,
      { authorization: `Bearer ${TOKEN}` },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
    );
    expect(noSession.status).toBe(400);
    const unknown = await post(
      server.url,
      { authorization: `Bearer ${TOKEN}`, 'mcp-session-id': 'no-such-session' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
    );
    expect(unknown.status).toBe(404);
  });

  it('answers health, readiness and metrics (metrics behind the token)', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({
      ready: true,
      defaultSource: 'demo',
      maxSessions: 1000,
    });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const metrics = await (
      await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    expect(metrics).toMatch(/^ptp_mcp_http_requests_total\{status="200"\} \d+$/m);
    expect(metrics).toMatch(/^ptp_mcp_sessions \d+$/m);
  });

  it('holds 50 concurrent sessions, each answering its calls', async () => {
    const clients = await Promise.all(Array.from({ length: 50 }, () => connect(server.url)));
    const results = await Promise.all(
      clients.map((client, i) =>
        client.callTool({ name: i % 2 ? 'get_clock_hierarchy' : 'check_ptp_health', arguments: {} }),
      ),
    );
    expect(results.filter((r) => !r.isError)).toHaveLength(50);
    expect(textOf(results[1]!)).toBe('gm-1 → bc-1 → worker-1, worker-2\nbc-2 → worker-3');
    await Promise.all(clients.map((client) => client.close()));
  });
});

describe('MCP over HTTP: stateless mode, binding rules, shutdown', () => {
  it('stateless: every request stands alone (replicas behind a load balancer)', async () => {
    const server = await serveHttp(['--stateless'], { PTP_MCP_TOKEN: TOKEN });
    try {
      const client = await connect(server.url);
      const result = await client.callTool({ name: 'get_clock_hierarchy', arguments: {} });
      expect(result.isError).toBeFalsy();
      await client.close();
      const get = await fetch(`${server.url}/mcp`, {
        headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' },
      });
      expect(get.status).toBe(405);
    } finally {
      server.process.kill('SIGTERM');
    }
  });

  it('refuses to bind beyond loopback without a token, and a short token', () => {
    const wide = runBuiltCli(['serve', '--http', '--host', '0.0.0.0', '--port', '0']);
    expect(wide.code).toBe(2);
    expect(wide.stderr).toContain('a bearer token is required to serve on 0.0.0.0');
    const short = spawnSyncWithEnv({ PTP_MCP_TOKEN: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('the bearer token must have at least 16 characters');
  });

  it('shuts down on SIGTERM: stops listening, lets the process exit 0', async () => {
    const server = await serveHttp([]);
    const exited = new Promise<number | null>((resolve) => server.process.on('exit', resolve));
    server.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.stderr()).toContain('ptp-mcp: shutting down');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});

function spawnSyncWithEnv(env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return runBuiltCli(['serve', '--http', '--port', '0']);
  } finally {
    process.env = saved;
  }
}

/** The status of a POST /mcp sent with exactly these headers (Host included). */
function rawStatus(url: string, headers: Record<string, string>): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        hostname,
        port,
        path: '/mcp',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(initialize));
  });
}
