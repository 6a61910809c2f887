import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { checkGoldenFiles } from '../../golden/golden-files.js';
import { stdioClient, textOf } from './mcp-client.js';
import { CALLS } from './tool-calls.js';

/** One golden file per tool: its description (what a model reads) and its schemas. */
const GOLDEN = join(packageRoot(), 'test', 'golden', 'tools');

describe('MCP over stdio: the SDK client against the built server', () => {
  let client: Client;
  let close: () => Promise<void>;
  let stderr: () => string;

  beforeAll(async () => {
    // Every toolset, the exec one included (off unless --allow-exec: test/integration/plugins).
    ({ client, close, stderr } = await stdioClient(['--source', 'demo', '--allow-exec']));
  });
  afterAll(() => close());

  it('lists the tools with titles, descriptions, read-only annotations and input and output schemas, as in their golden files', async () => {
    const { tools } = await client.listTools();
    for (const tool of tools) {
      expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: true, destructiveHint: false });
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.outputSchema, tool.name).toBeDefined();
    }
    const golden = Object.fromEntries(
      tools.map(({ name, title, description, inputSchema, outputSchema, annotations }) => [
        name,
        { name, title, description, annotations, inputSchema, outputSchema },
      ]),
    );
    expect(checkGoldenFiles(GOLDEN, golden).problems).toEqual([]);
    expect(tools.map((t) => t.name).sort()).toEqual([...Object.keys(CALLS), 'get_proxy_logs'].sort());
  });

  for (const [name, args] of Object.entries(CALLS)) {
    it(`${name} answers on the demo cluster with structured content and a summary`, async () => {
      // The client checks structuredContent against the tool's output schema.
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(result.structuredContent).toBeDefined();
      expect(textOf(result).length).toBeGreaterThan(0);
    });
  }

  it('answers with the facts of the demo', async () => {
    const health = await client.callTool({ name: 'check_ptp_health', arguments: {} });
    expect(health.structuredContent).toMatchObject({ cluster: 'CRITICAL' });
    const hierarchy = await client.callTool({ name: 'get_clock_hierarchy', arguments: {} });
    expect(textOf(hierarchy)).toBe('gm-1 → bc-1 → worker-1, worker-2\nbc-2 → worker-3');
    const pmc = await client.callTool({
      name: 'run_pmc_query',
      arguments: { node: 'bc-1', queries: ['PARENT_DATA_SET'] },
    });
    expect(JSON.stringify(pmc.structuredContent)).toContain('grandmasterIdentity');
    const evaluated = await client.callTool({ name: 'evaluate_rules', arguments: CALLS.evaluate_rules! });
    expect(textOf(evaluated)).toBe('team: 1 rule(s), 1 finding(s)\ncritical team/holdover: bc-2 in holdover');
    const asked = await client.callTool({
      name: 'query_ptp',
      arguments: { question: 'which node is the grandmaster?' },
    });
    expect(asked.structuredContent).toMatchObject({
      plan: { intent: expect.any(String), call: { tool: 'get_grandmaster_status' } },
    });
    expect(textOf(asked)).toContain('grandmaster(s): bc-2 HOLDOVER class 135, gm-1 LOCKED class 6');
    const unknown = await client.callTool({
      name: 'query_ptp',
      arguments: { question: 'what is the weather in Paris' },
    });
    expect(textOf(unknown)).toMatch(/^I did not understand the question\. Try: /);
  });

  it('returns errors as isError with one clear line: a refused command, an unknown node, a bad pattern, a bad pack', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [
        'exec_ptp_command',
        { node: 'bc-1', command: ['sh', '-c', 'reboot'] },
        /^refused to run \["sh","-c","reboot"\]: sh is not an allowed program/,
      ],
      [
        'exec_ptp_command',
        { node: 'bc-1', command: ['pmc', '-u', '-f', '/var/run/ptp4l.0.config', 'SET PRIORITY1 1'] },
        /pmc requests must be GET/,
      ],
      [
        'diagnose',
        { node: 'worker-9' },
        /^no node "worker-9"; there are: bc-1, bc-2, gm-1, worker-1, worker-2, worker-3 \(did you mean "worker-1"\?\)$/,
      ],
      [
        'search_logs',
        { node: 'bc-1', pattern: '([' },
        /^pattern: invalid regular expression: missing closing \]/,
      ],
      [
        'evaluate_rules',
        {
          pack: 'apiVersion: ptp-mcp/v1\nkind: RulePack\nmetadata: { name: x }\nspec:\n  scope: node\n  rules:\n    - id: x/y\n      severity: high\n',
        },
        /^pack:8:17: spec\.rules\.0\.severity: /,
      ],
      [
        'diagnose',
        { source: 'dir:/no/such/folder' },
        /^source dir:… is refused: this server reads no snapshot folder named by a call/,
      ],
      ['explain_rule', { rule: 'no/such-rule' }, /^no built-in rule "no\/such-rule"/],
      [
        'validate_ptp_config',
        { content: '[global]\ndomainNumber 24\n', linuxptpVersion: '3.1' },
        /^linuxptp 3\.1 is older than the oldest option table \(3\.1\.1\); supported: 3\.1\.1, 4\.0/,
      ],
    ];
    for (const [name, args, message] of cases) {
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(textOf(result)).toMatch(message);
    }
    expect(stderr()).not.toContain('internal error');
  });

  it('validate_ptp_config refuses a value as lint does, and names the table a newer linuxptp was checked against', async () => {
    const result = await client.callTool({
      name: 'validate_ptp_config',
      arguments: { content: '[global]\ndomainNumber 300\n[ens1f0]\n', linuxptpVersion: '5.0' },
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toContain(
      'notice: linuxptp 5.0 is newer than the newest known table; checked against 4.4',
    );
    expect(textOf(result)).toContain(
      'critical linuxptp/value-refused (line 2): ptp4l refuses domainNumber 300: out of range, allowed 0..255 (linuxptp 4.4)',
    );
    expect(result.structuredContent).toMatchObject({ linuxptp: { version: '5.0', table: '4.4' } });
  });

  it('serves the resources: rule packs, clock classes, node status, alerts', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(
      expect.arrayContaining([
        'ptp://clock-classes',
        'ptp://alerts',
        'ptp://rules/fault-severity',
        'ptp://nodes/bc-2/status',
      ]),
    );
    const status = JSON.parse(
      ((await client.readResource({ uri: 'ptp://nodes/bc-2/status' })).contents[0] as { text: string }).text,
    );
    expect(status).toMatchObject({ health: 'CRITICAL', node: 'bc-2', syncState: 'HOLDOVER' });
    const alerts = JSON.parse(
      ((await client.readResource({ uri: 'ptp://alerts' })).contents[0] as { text: string }).text,
    );
    expect(alerts.alerts.map((a: { rule: string }) => a.rule)).toContain('fault/upstream-lost');
    const pack = (
      (await client.readResource({ uri: 'ptp://rules/itu-t-g8275.1' })).contents[0] as { text: string }
    ).text;
    expect(pack).toContain('id: g8275.1/domain-range');
  });

  it('offers the prompts', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual([
      'diagnose-node',
      'explain-clock-class-change',
      'review-ptp-config',
    ]);
    const prompt = await client.getPrompt({ name: 'diagnose-node', arguments: { node: 'worker-2' } });
    expect(JSON.stringify(prompt.messages)).toContain('Diagnose PTP on node worker-2');
  });

  it('keeps stdout for the protocol: its start line went to stderr', () => {
    expect(stderr()).toContain('ptp-mcp: MCP over stdio, default source demo');
  });
});

describe('resource subscriptions: a change in the data is announced', () => {
  let snapshot: string;
  let session: Awaited<ReturnType<typeof stdioClient>>;

  beforeAll(async () => {
    snapshot = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-watch-')), 'snapshot');
    cpSync(join(packageRoot(), 'fixtures', 'clusters', 'healthy'), snapshot, { recursive: true });
    session = await stdioClient(['--source', `dir:${snapshot}`, '--watch-interval', '300ms']);
  });
  afterAll(() => session.close());

  it('sends notifications/resources/updated for a subscribed node status when its port goes FAULTY', async () => {
    const updated: string[] = [];
    session.client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
      updated.push(notification.params.uri);
    });
    await session.client.subscribeResource({ uri: 'ptp://nodes/worker-1/status' });
    await session.client.subscribeResource({ uri: 'ptp://nodes/gm-1/status' });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(updated).toEqual([]);
    const log = join(snapshot, 'nodes', 'worker-1', 'logs', 'linuxptp-daemon-container.log');
    const last = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .filter((l) => l.includes('ptp4l['))
      .at(-1)!;
    const mono = Number(/ptp4l\[(\d+\.\d+)\]/.exec(last)![1]) + 1;
    appendFileSync(
      log,
      `ptp4l[${mono.toFixed(3)}]: [ptp4l.0.config:5] port 1 (ens1f0): SLAVE to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)\n`,
    );
    for (let i = 0; i < 40 && updated.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updated).toEqual(['ptp://nodes/worker-1/status']);
  });
});

describe('get_proxy_logs', () => {
  it('serves the last lines of the sidecar log, its levels and times from the data, with the count left out', async () => {
    const session = await stdioClient([]);
    try {
      const result = await session.client.callTool({
        name: 'get_proxy_logs',
        arguments: { node: 'bc-2', limit: 4 },
      });
      expect(result.isError, textOf(result)).toBeFalsy();
      const excerpt = result.structuredContent as {
        lines: { time: string; process: string; level: string; text: string }[];
        omitted: number;
        matched: number;
      };
      expect(excerpt.lines).toHaveLength(4);
      expect(excerpt.omitted).toBeGreaterThan(0);
      expect(excerpt.lines.length + excerpt.omitted).toBe(excerpt.matched);
      for (const line of excerpt.lines) {
        expect(line).toMatchObject({ process: 'cloud-event-proxy', level: 'info' });
        expect(line.time).toMatch(/^2026-11-20T08:0\d:\d\d\.000Z$/);
      }
      expect(excerpt.lines.at(-1)!.text).toMatch(/current clock state (HOLDOVER|FREERUN)/);
      expect(textOf(result)).toMatch(/^4 line\(s\) of the cloud-event-proxy log on bc-2 \(\d+ more matched/);

      const search = async (args: Record<string, unknown>) =>
        (
          await session.client.callTool({
            name: 'search_logs',
            arguments: { node: 'bc-2', container: 'proxy', ...args },
          })
        ).structuredContent as {
          lines: { process: string; text: string }[];
          matched: number;
          scanned: number;
        };
      const holdover = await search({ pattern: 'current clock state HOLDOVER' });
      expect(holdover.matched).toBe(1);
      expect(holdover.lines[0]!.process).toBe('cloud-event-proxy');
      // Every line of bc-2's sidecar is at level info.
      const warnings = await search({ level: 'warning' });
      expect(warnings).toMatchObject({ matched: 0, scanned: 10 });
    } finally {
      await session.close();
    }
  });

  it('says so when a node has no sidecar log', async () => {
    const snapshot = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-proxy-')), 'snapshot');
    cpSync(join(packageRoot(), 'fixtures', 'clusters', 'healthy'), snapshot, { recursive: true });
    rmSync(join(snapshot, 'nodes', 'gm-1', 'logs', 'cloud-event-proxy.log'));
    const session = await stdioClient(['--source', `dir:${snapshot}`]);
    try {
      const result = await session.client.callTool({ name: 'get_proxy_logs', arguments: { node: 'gm-1' } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^node gm-1 has no cloud-event-proxy log in /);
    } finally {
      await session.close();
    }
  });
});
