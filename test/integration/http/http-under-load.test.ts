import { appendFileSync, cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { userRegex } from '../../../core/rules/user-regex.js';
import { createService } from '../../../transports/composition-root.js';
import { cappedFindings } from '../../../transports/mcp/toolsets/capped-findings.js';
import { connect, serveHttp, TOKEN, textOf } from '../mcp/mcp-client.js';
import { healthWhile } from './health-polling.js';

/** A linuxptp config of many port sections: seconds of lint on one core. */
function bigConfig(bytes: number): string {
  let text = '[global]\ndomainNumber 24\n';
  for (let i = 0; text.length < bytes; i++) text += `[eth${i}]\nmasterOnly 0\n`;
  return text;
}

/**
 * The demo with a daemon log of `lines` more ptp4l and phc2sys lines on worker-1 (tens of MB), their
 * monotonic seconds going on from the recorded log's last ones.
 */
function bigSnapshot(root: string, lines: number): string {
  const snapshot = join(root, 'demo');
  cpSync(join(packageRoot(), 'fixtures', 'clusters', 'demo'), snapshot, { recursive: true });
  const log = join(snapshot, 'nodes', 'worker-1', 'logs', 'linuxptp-daemon-container.log');
  const start = 3_172_544;
  const chunk: string[] = [];
  for (let i = 0; i < lines; i++) {
    const seconds = (start + i / 2).toFixed(3);
    chunk.push(
      i % 2 === 0
        ? `ptp4l[${seconds}]: [ptp4l.0.config:6] rms    ${i % 9} max   ${i % 13} freq -19196 +/-   3 delay  1061 +/-   1`
        : `phc2sys[${seconds}]: [ptp4l.0.config:6] CLOCK_REALTIME phc offset ${String((i % 2001) - 1000).padStart(9)} s2 freq   -2172 delay    523`,
    );
    if (chunk.length === 10_000) {
      appendFileSync(log, `${chunk.join('\n')}\n`);
      chunk.length = 0;
    }
  }
  appendFileSync(log, chunk.length > 0 ? `${chunk.join('\n')}\n` : '');
  return snapshot;
}

/** Kept answering: several answers, nearly all fast (the bound is loose for a loaded two-core machine). */
function expectResponsive(answers: number[]): void {
  expect(answers.length).toBeGreaterThanOrEqual(5);
  expect(answers.filter((ms) => ms < 1000).length / answers.length).toBeGreaterThan(0.8);
}

const metric = (text: string, result: string) =>
  Number(new RegExp(`^ptp_mcp_analyses_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(text)?.[1]);

describe('the HTTP server under load (the built server, the SDK client)', () => {
  it('shares one diagnosis among concurrent sessions: computed once, the others wait for it', async () => {
    const server = await serveHttp([], { PTP_MCP_TOKEN: TOKEN });
    try {
      const clients = await Promise.all(Array.from({ length: 20 }, () => connect(server.url)));
      const results = await Promise.all(
        clients.map((client) => client.callTool({ name: 'check_ptp_health', arguments: {} })),
      );
      expect(results.map((r) => (r.structuredContent as { cluster: string }).cluster)).toEqual(
        Array(20).fill('CRITICAL'),
      );
      const metrics = await (
        await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).text();
      expect(metric(metrics, 'computed')).toBe(1);
      expect(metric(metrics, 'reused')).toBe(19);
      await Promise.all(clients.map((client) => client.close()));
    } finally {
      server.process.kill('SIGTERM');
    }
  });

  it('answers /healthz while a lint of a large configuration runs', async () => {
    const server = await serveHttp([]);
    try {
      const client = await connect(server.url);
      const { result, answers } = await healthWhile(
        server.url,
        client.callTool(
          { name: 'validate_ptp_config', arguments: { content: bigConfig(150_000) } },
          undefined,
          { timeout: 300_000 },
        ),
      );
      expect(textOf(result)).toMatch(/^fails: \d+ finding\(s\)/);
      expectResponsive(answers);
      await client.close();
    } finally {
      server.process.kill('SIGTERM');
    }
  }, 300_000);

  describe('a snapshot folder with a big log (--snapshot-root)', () => {
    let root: string;
    let snapshot: string;
    let server: Awaited<ReturnType<typeof serveHttp>>;
    let client: Client;
    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'ptp-mcp-load-'));
      snapshot = bigSnapshot(root, 400_000);
      server = await serveHttp(['--snapshot-root', root]);
      client = await connect(server.url);
    }, 120_000);
    afterAll(async () => {
      await client?.close();
      server?.process.kill('SIGTERM');
      rmSync(root, { recursive: true, force: true });
    });
    /** A tool's answer about the snapshot, /healthz polled while it is computed. */
    async function answeredResponsively(name: string, args: Record<string, unknown>): Promise<unknown> {
      const { result, answers } = await healthWhile(
        server.url,
        client.callTool({ name, arguments: { source: `dir:${snapshot}`, ...args } }, undefined, {
          timeout: 300_000,
        }),
      );
      expect(result.isError, textOf(result)).toBeFalsy();
      expectResponsive(answers);
      return result.structuredContent;
    }

    it('answers /healthz during its diagnosis, which equals the one of a single thread', async () => {
      const served = (await answeredResponsively('diagnose', {})) as {
        health: string;
        nodes: { node: string; syncLossEpisodes: number }[];
        findings: { rule: string; message: string }[];
        findingCounts: { total: number };
      };
      const here = await createService().diagnose({ source: `dir:${snapshot}` });
      expect(served.health).toBe(here.health.cluster);
      expect(served.findingCounts.total).toBe(here.findings.length);
      expect(served.findings.map((f) => `${f.rule} ${f.message}`)).toEqual(
        cappedFindings(here.findings).findings.map((f) => `${f.rule} ${f.message}`),
      );
      expect(served.nodes.map((n) => n.syncLossEpisodes)).toEqual(
        here.nodes.map((n) => n.episodes.syncLoss.length),
      );
    }, 300_000);

    it('answers /healthz during a search of its log, which finds what a single thread finds', async () => {
      const pattern = 'phc offset\\s+-?9\\d\\d s2';
      const served = (await answeredResponsively('search_logs', {
        node: 'worker-1',
        pattern,
        limit: 3,
        keep: 'last',
      })) as { matched: number; scanned: number; lines: { text: string }[] };
      const here = await createService().searchLogs({
        source: `dir:${snapshot}`,
        node: 'worker-1',
        container: 'daemon',
        query: { pattern: userRegex(pattern, 'i'), limit: 3, keep: 'last' },
      });
      // Offsets of -999..-900 and 900..999: 200 of every 2,001 phc2sys lines.
      expect(here.matched).toBeGreaterThan(15_000);
      expect(served.matched).toBe(here.matched);
      expect(served.scanned).toBe(here.scanned);
      expect(served.lines.map((l) => l.text)).toEqual(here.lines.map((l) => l.text));
      expect(
        statSync(join(snapshot, 'nodes', 'worker-1', 'logs', 'linuxptp-daemon-container.log')).size,
      ).toBeGreaterThan(20_000_000);
    }, 300_000);
  });

  for (const mode of ['sessions', 'stateless'] as const) {
    it(`SIGTERM during a slow call (${mode}): the call is answered, then the process exits`, async () => {
      const server = await serveHttp(mode === 'stateless' ? ['--stateless'] : []);
      const exited = new Promise<number | null>((resolve) => server.process.on('exit', resolve));
      const client = await connect(server.url);
      let settled = false;
      const call = client
        .callTool({ name: 'validate_ptp_config', arguments: { content: bigConfig(20_000) } }, undefined, {
          timeout: 60_000,
        })
        .finally(() => {
          settled = true;
        });
      // The call has reached the server (the lint runs, well within the 10 s drain) when SIGTERM comes.
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      server.process.kill('SIGTERM');
      while (!server.stderr().includes('shutting down')) await new Promise((r) => setTimeout(r, 20));
      // No new client: a new connection is refused, one kept alive gets 503.
      await expect(connect(server.url)).rejects.toThrow();
      const result = await call;
      expect(result.isError).toBeFalsy();
      expect(textOf(result)).toMatch(/^fails: \d+ finding\(s\)/);
      expect(await exited).toBe(0);
    }, 60_000);
  }
});
