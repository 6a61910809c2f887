/**
 * `npm run bench:mcp`: the MCP server's costs, each beside its reference measured in the same run.
 *  1. stdio cold start to the answer of `initialize`, beside a one-tool server on the same SDK (goal: 1.3×).
 *  2. tool-call latency (p50, p99) on the demo cluster over stdio.
 *  3. check_ptp_health over HTTP with 50 concurrent clients, with sessions and stateless, beside one
 *     session: p99 under 1 s is the goal (issue 12), printed as met or not.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { packageRoot } from '../../core/package-root.js';

const CLI = join(packageRoot(), 'dist', 'bundle', 'ptp-mcp.js');
const MINIMAL = join(packageRoot(), 'dist', 'bench', 'mcp', 'minimal-server.js');
const INITIALIZE = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } })}\n`;

/** Milliseconds from spawning a server to the first line of its answer to initialize. */
function coldStart(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.once('data', () => {
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
      child.kill();
    });
    child.on('error', reject);
    child.stdin.write(INITIALIZE);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '10' }, calls: { type: 'string', default: '200' } },
  });
  const runs = Number(values.runs);

  const minimal: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < runs; i++) {
    minimal.push(await coldStart([MINIMAL]));
    ours.push(await coldStart([CLI, 'serve', '--stdio', '--source', 'demo']));
  }
  console.log('| stdio cold start to initialize | median ms |');
  console.log('|---|---|');
  console.log(`| one-tool server, same SDK (reference) | ${median(minimal).toFixed(0)} |`);
  console.log(`| ptp-mcp serve --stdio (37 tools) | ${median(ours).toFixed(0)} |`);
  console.log(`ratio ${(median(ours) / median(minimal)).toFixed(2)} (goal ≤ 1.3)\n`);

  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'serve', '--stdio', '--source', 'demo'],
      stderr: 'ignore',
    }),
  );
  const mix: [string, Record<string, unknown>][] = [
    ['check_ptp_health', {}],
    ['get_clock_hierarchy', {}],
    ['analyze_holdover', { node: 'bc-2' }],
    ['get_port_status', { node: 'worker-2' }],
    ['search_logs', { node: 'worker-2', pattern: 'FAULTY', limit: 5 }],
    ['run_pmc_query', { node: 'bc-1' }],
  ];
  const latencies: number[] = [];
  const first = performance.now();
  await client.callTool({ name: 'diagnose', arguments: {} });
  const firstCall = performance.now() - first;
  for (let i = 0; i < Number(values.calls); i++) {
    const [name, args] = mix[i % mix.length]!;
    const started = performance.now();
    await client.callTool({ name, arguments: args });
    latencies.push(performance.now() - started);
  }
  await client.close();
  console.log('| tool calls over stdio, demo cluster | ms |');
  console.log('|---|---|');
  console.log(`| first diagnose (reads the snapshot) | ${firstCall.toFixed(0)} |`);
  console.log(
    `| p50 of ${latencies.length} calls (${mix.map(([n]) => n).join(', ')}) | ${percentile(latencies, 0.5).toFixed(1)} |`,
  );
  console.log(`| p99 | ${percentile(latencies, 0.99).toFixed(1)} |\n`);

  const reference = await httpLatencies([], 1, 100);
  const sessions = await httpLatencies([], 50, 10);
  const stateless = await httpLatencies(['--stateless'], 50, 10);
  console.log(
    '| check_ptp_health over HTTP, demo cluster | clients × calls | first call ms | p50 ms | p99 ms | calls/s |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const [name, run] of [
    ['one session (reference)', reference],
    ['sessions', sessions],
    ['stateless', stateless],
  ] as const) {
    console.log(
      `| ${name} | ${run.clients} × ${run.calls} | ${run.firstMs.toFixed(0)} | ${percentile(run.latencies, 0.5).toFixed(1)} | ${percentile(run.latencies, 0.99).toFixed(1)} | ${run.perSecond.toFixed(0)} |`,
    );
  }
  for (const [name, run] of [
    ['sessions', sessions],
    ['stateless', stateless],
  ] as const) {
    const p99 = percentile(run.latencies, 0.99);
    console.log(
      `50 clients, ${name}: p99 ${p99.toFixed(0)} ms (goal < 1000 ms) ${p99 < 1000 ? 'met ✔' : 'NOT met ✘'}`,
    );
  }
}

/** `serve --http` on the demo as a process; resolves with its URL once it listens. */
async function serveHttp(args: string[]): Promise<{ url: string; stop(): void }> {
  const server = spawn(
    process.execPath,
    [CLI, 'serve', '--http', '--port', '0', '--source', 'demo', ...args],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve) => {
    let stderr = '';
    server.stderr.on('data', (chunk) => {
      stderr += chunk;
      const found = /at (http:\S+)\/mcp/.exec(stderr);
      if (found) resolve(found[1]!);
    });
  });
  return { url, stop: () => server.kill('SIGTERM') };
}

/**
 * A fresh server, `clients` SDK clients connected at once, one first call (it computes the diagnosis all
 * share), then each client makes `calls` calls of check_ptp_health, all clients at the same time.
 */
async function httpLatencies(args: string[], clients: number, calls: number) {
  const server = await serveHttp(args);
  try {
    return await latencies(server.url, clients, calls);
  } finally {
    server.stop();
  }
}

async function latencies(url: string, clients: number, calls: number) {
  const connected = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new Client({ name: 'bench', version: '1' });
      await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`)));
      return client;
    }),
  );
  // An error answers fast: a run that measured errors would say nothing.
  const health = async (client: Client) => {
    const result = await client.callTool({ name: 'check_ptp_health', arguments: {} });
    if (result.isError) throw new Error(`check_ptp_health failed: ${JSON.stringify(result.content)}`);
  };
  const first = performance.now();
  await health(connected[0]!);
  const firstMs = performance.now() - first;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    connected.map(async (client) => {
      for (let i = 0; i < calls; i++) {
        const before = performance.now();
        await health(client);
        latencies.push(performance.now() - before);
      }
    }),
  );
  const perSecond = latencies.length / ((performance.now() - started) / 1000);
  await Promise.all(connected.map((client) => client.close()));
  return { clients, calls, firstMs, latencies, perSecond };
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
