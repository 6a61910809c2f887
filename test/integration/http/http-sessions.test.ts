import { readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import { connect, serveHttp, textOf } from '../mcp/mcp-client.js';

/** The server process's resident memory, from the kernel. */
function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

const readyz = async (url: string) => {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

async function until(condition: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (await condition()) return true;
  return false;
}

/** Connects, makes one call and leaves as the SDK's client does: close() without DELETE. */
async function visit(url: string): Promise<string> {
  const client = await connect(url);
  const result = await client.callTool({ name: 'get_clock_hierarchy', arguments: {} });
  await client.close();
  return textOf(result);
}

const HIERARCHY = 'gm-1 → bc-1 → worker-1, worker-2\nbc-2 → worker-3';

describe('HTTP sessions of clients that leave without DELETE (the built server, the SDK client)', () => {
  it('at the cap, the session idle the longest makes room; /readyz is not ready while every session is in use', async () => {
    const server = await serveHttp(['--max-sessions', '5']);
    try {
      // Each connected client holds its SSE stream open: its session is in use.
      const clients: Client[] = await Promise.all(Array.from({ length: 5 }, () => connect(server.url)));
      // The SDK client opens its SSE stream after initialize resolves: wait for the fifth to arrive.
      await until(async () => (await readyz(server.url)).status === 503, 5000);
      expect(await readyz(server.url)).toEqual({
        status: 503,
        body: { ready: false, reason: 'every session in use', sessions: 5, maxSessions: 5 },
      });
      await expect(connect(server.url)).rejects.toThrow(/too many sessions, all in use/);
      await Promise.all(clients.map((client) => client.close()));
      expect(await until(async () => (await readyz(server.url)).status === 200, 5000)).toBe(true);
      // Five idle sessions remain; each newcomer replaces the one idle the longest.
      for (let i = 0; i < 8; i++) expect(await visit(server.url)).toBe(HIERARCHY);
      expect((await readyz(server.url)).body).toMatchObject({ ready: true, sessions: 5 });
    } finally {
      server.process.kill('SIGTERM');
    }
  });

  it('ends a session idle longer than --session-idle', async () => {
    const server = await serveHttp(['--session-idle', '1s']);
    try {
      for (let i = 0; i < 3; i++) expect(await visit(server.url)).toBe(HIERARCHY);
      expect((await readyz(server.url)).body.sessions).toBe(3);
      expect(await until(async () => (await readyz(server.url)).body.sessions === 0, 5000)).toBe(true);
    } finally {
      server.process.kill('SIGTERM');
    }
  });

  it(
    'serves 10,000 connect/call/leave cycles with RSS flat and the sessions at the cap',
    async () => {
      // The heap is capped so that RSS follows live memory, not V8's lazy growth: a leak of a session's
      // 60 KB would pass the cap well before 10,000 (and crash the server) or show as growth.
      const server = await serveHttp([], { NODE_OPTIONS: '--max-old-space-size=192' });
      try {
        let done = 0;
        let warm = 0;
        const loop = async () => {
          while (done < 10_000) {
            done++;
            expect(await visit(server.url)).toBe(HIERARCHY);
            if (done === 2000) warm = rssMb(server.process.pid!);
          }
        };
        await Promise.all(Array.from({ length: 16 }, loop));
        const end = rssMb(server.process.pid!);
        expect(
          end - warm,
          `RSS ${warm.toFixed(0)} MB after 2,000 cycles, ${end.toFixed(0)} MB after 10,000`,
        ).toBeLessThan(60);
        expect((await readyz(server.url)).body).toMatchObject({ ready: true, sessions: 1000 });
        expect(await visit(server.url)).toBe(HIERARCHY);
        expect(server.process.exitCode).toBeNull();
      } finally {
        server.process.kill('SIGTERM');
      }
    },
    20 * 60_000,
  );
});
