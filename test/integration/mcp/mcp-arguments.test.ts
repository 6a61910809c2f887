import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { connect, serveHttp, stdioClient, TOKEN, textOf } from './mcp-client.js';
import { CALLS } from './tool-calls.js';

/**
 * The arguments of hostile or careless clients (issue 12): patterns that make V8 backtrack for ever,
 * paths out of the folders the operator allowed, names the data does not have, argv as models write it,
 * properties no tool has. Through the SDK's own client against the built server.
 */

const CATASTROPHIC = '^(\\S+\\s?)+X$';
/** A line V8 needs 2^2000 steps to refuse with the pattern above; RE2 reads it once. */
const LONG_LINE = `${'a '.repeat(2000)}a`;
/** Long enough for any loaded machine; a backtracking engine would not answer in years. */
const BOUND = { timeout: 60_000 };

const work = mkdtempSync(join(tmpdir(), 'ptp-mcp-arguments-'));
const root = join(work, 'snapshots');
const snapshot = join(root, 'demo');
const packs = join(work, 'packs');
const outside = join(work, 'outside.txt');
const PACK = (name: string, extendsList: string) =>
  `apiVersion: ptp-mcp/v1\nkind: RulePack\nmetadata: { name: ${name} }\nspec:\n  scope: node\n  extends: [${extendsList}]\n  rules:\n    - id: ${name}/holdover\n      severity: critical\n      title: holdover\n      when: { all: [ { fact: node, path: $.holdover.active, operator: equal, value: true } ] }\n      message: "{{node.name}} in holdover"\n`;

beforeAll(() => {
  mkdirSync(root);
  cpSync(join(packageRoot(), 'fixtures', 'clusters', 'demo'), snapshot, { recursive: true });
  appendFileSync(
    join(snapshot, 'nodes', 'worker-2', 'logs', 'linuxptp-daemon-container.log'),
    `${LONG_LINE}\n`,
  );
  writeFileSync(outside, 'root:x:0:0:secret outside the roots\n');
  // A folder under the root that is a link out of it, and a snapshot whose log is such a link.
  symlinkSync(join(packageRoot(), 'fixtures', 'clusters', 'healthy'), join(root, 'link-out'));
  cpSync(join(packageRoot(), 'fixtures', 'clusters', 'demo'), join(root, 'planted'), { recursive: true });
  const planted = join(root, 'planted', 'nodes', 'worker-2', 'logs', 'linuxptp-daemon-container.log');
  rmSync(planted);
  symlinkSync(outside, planted);
  mkdirSync(packs);
  writeFileSync(join(packs, 'team.yaml'), PACK('team', 'fault-severity'));
  symlinkSync(outside, join(packs, 'leak.yaml'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function refused(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = await client.callTool({ name, arguments: args }, undefined, BOUND);
  expect(result.isError, `${name} ${JSON.stringify(args)}: ${textOf(result)}`).toBe(true);
  return textOf(result);
}

describe('tool arguments over stdio', () => {
  let client: Client;
  let close: () => Promise<void>;
  let stderr: () => string;

  beforeAll(async () => {
    ({ client, close, stderr } = await stdioClient([
      '--source',
      'demo',
      '--allow-exec',
      '--snapshot-root',
      root,
      '--packs-dir',
      packs,
    ]));
  });
  afterAll(() => close());

  describe('regular expressions run in linear time', () => {
    it('a pattern that makes V8 backtrack exponentially answers, and matches what it should', async () => {
      const args = { source: `dir:${snapshot}`, node: 'worker-2', limit: 5 };
      const none = await client.callTool(
        { name: 'search_logs', arguments: { ...args, pattern: CATASTROPHIC } },
        undefined,
        BOUND,
      );
      expect(none.isError, textOf(none)).toBeFalsy();
      // The demo’s lines of words ending in x (case-insensitive), never the long line.
      const lines = (none.structuredContent as { lines: { text: string }[] }).lines;
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.text).toMatch(/\S+X$/i);
      const some = await client.callTool(
        { name: 'search_logs', arguments: { ...args, pattern: '^(a\\s?)+$' } },
        undefined,
        BOUND,
      );
      expect(some.structuredContent).toMatchObject({ matched: 1 });
    });

    it('names the construct RE2 lacks, and caps the length without echoing the pattern', async () => {
      const args = { node: 'worker-2' };
      expect(await refused(client, 'search_logs', { ...args, pattern: 'FAULTY(?!x)' })).toBe(
        'pattern: invalid regular expression: negative lookahead "(?!" is not supported (patterns run on RE2, in linear time: no lookaround, no backreferences)',
      );
      expect(await refused(client, 'search_logs', { ...args, pattern: '(a)\\1' })).toMatch(/backreference/);
      const long = `(${'x'.repeat(5000)})`;
      expect(await refused(client, 'search_logs', { ...args, pattern: long })).toBe(
        'pattern: invalid regular expression: 5002 characters, more than 1000',
      );
    });
  });

  describe('paths: packs and snapshot folders only where the operator allowed', () => {
    const install = packageRoot();

    it('refuses every pack named by a path, an unknown name, a link out of the packs folder, without showing the install path', async () => {
      const hostile = [
        '/etc/passwd',
        '../../../../etc/passwd',
        join(install, 'rules', 'fault-severity.yaml'),
        'rules/../../outside',
        outside,
        'leak',
        'nope',
      ];
      for (const pack of hostile) {
        for (const [name, args] of [
          ['list_rule_packs', { pack }],
          ['diagnose', { packs: [pack] }],
          ['validate_ptp_config', { name: 't-tsc', packs: [pack] }],
          ['evaluate_rules', { pack: PACK('mine', JSON.stringify(pack)) }],
        ] as const) {
          const message = await refused(client, name, args);
          expect(message, `${name} ${pack}`).toContain(`pack "${pack}"`);
          // Only the call's own words: no path of this machine it did not give.
          expect(message.replaceAll(pack, '')).not.toContain(install);
          expect(message).not.toContain('secret');
        }
      }
    });

    it('serves the built-in packs and those of --packs-dir by name', async () => {
      const team = await client.callTool({ name: 'list_rule_packs', arguments: { pack: 'team' } });
      expect(textOf(team)).toMatch(/^team@/);
      const extended = await client.callTool({
        name: 'evaluate_rules',
        arguments: { pack: PACK('mine', 'team') },
      });
      expect(textOf(extended)).toMatch(/^mine: \d+ rule\(s\)/);
      const validated = await client.callTool({
        name: 'validate_ptp_config',
        arguments: { name: 't-tsc', packs: ['itu-t-g8275.1'] },
      });
      expect(validated.structuredContent).toMatchObject({ profiles: [{ packs: ['itu-t-g8275.1'] }] });
      expect(JSON.stringify(validated.structuredContent)).not.toContain(install);
    });

    it('refuses dir: sources outside the snapshot roots, and links leading out of them', async () => {
      for (const source of [
        'dir:/etc',
        `dir:${root}/..`,
        `dir:${join(install, 'fixtures', 'clusters', 'demo')}`,
        `dir:${join(root, 'link-out')}`,
      ])
        expect(await refused(client, 'search_logs', { source, node: 'worker-2' })).toMatch(
          /is refused: it is not inside the server’s snapshot roots/,
        );
      const planted = await refused(client, 'search_logs', {
        source: `dir:${join(root, 'planted')}`,
        node: 'worker-2',
      });
      // The link is not read: the log is missing, the file it leads to never shown.
      expect(planted).toBe(`node worker-2 has no daemon log in dir:${join(root, 'planted')}`);
      expect(planted).not.toContain('secret');
      const inside = await client.callTool({
        name: 'search_logs',
        arguments: { source: `dir:${snapshot}`, node: 'worker-2', pattern: 'FAULTY' },
      });
      expect(inside.isError, textOf(inside)).toBeFalsy();
    });
  });

  describe('names: what the data does not have is a clear error naming what it has', () => {
    const NODES = 'bc-1, bc-2, gm-1, worker-1, worker-2, worker-3';

    it('every tool with a node, profile, process or interface refuses an unknown one', async () => {
      const { tools } = await client.listTools();
      const checked: string[] = [];
      for (const tool of tools) {
        const properties = Object.keys(tool.inputSchema.properties ?? {});
        const base = { ...CALLS[tool.name] };
        if (properties.includes('node'))
          expect(await refused(client, tool.name, { ...base, node: 'worker-9' })).toBe(
            `no node "worker-9"; there are: ${NODES} (did you mean "worker-1"?)`,
          );
        const onNode = { ...base, node: 'worker-2' };
        if (properties.includes('profile'))
          expect(await refused(client, tool.name, { ...onNode, profile: 'nope' })).toBe(
            'no profile "nope" on worker-2; there are: t-tsc_tsc',
          );
        if (properties.includes('process'))
          expect(await refused(client, tool.name, { ...onNode, process: 'ptp5l' })).toMatch(
            /^no process "ptp5l" on worker-2; there are: .*ptp4l.* \(did you mean "ptp4l"\?\)$/,
          );
        if (properties.includes('interface'))
          expect(await refused(client, tool.name, { ...onNode, interface: 'ens9f9' })).toMatch(
            /^no interface "ens9f9" on worker-2; there are: \w+/,
          );
        if (properties.some((p) => ['node', 'profile', 'process', 'interface'].includes(p)))
          checked.push(tool.name);
      }
      expect(checked.length).toBeGreaterThan(25);
      // A question naming a node that is not there gets the same answer as the tool it picks.
      expect(await refused(client, 'query_ptp', { question: 'why is worker-9 in holdover?' })).toMatch(
        /^no node "worker-9"; there are: bc-1/,
      );
      expect(stderr()).not.toContain('internal error');
    });

    it('a PtpConfig, a rendered config file or a metric the data does not have is named as missing', async () => {
      expect(await refused(client, 'get_ptp_configs', { name: 'nope' })).toMatch(
        /^no PtpConfig "nope"; there are: \S+/,
      );
      expect(await refused(client, 'get_runtime_configs', { node: 'bc-1', file: 'ptp4l.9.config' })).toMatch(
        /^no rendered config "ptp4l\.9\.config" on bc-1; there are: .*ptp4l\.0\.config/,
      );
      expect(await refused(client, 'get_ptp_metrics', { node: 'gm-1', metric: 'clock_stat' })).toMatch(
        /^no metric "clock_stat" on gm-1; there are: .*clock_state/,
      );
    });

    it('get_grandmaster_status of one node names the grandmaster the whole cluster and query_ptp name', async () => {
      const all = await client.callTool({ name: 'get_grandmaster_status', arguments: {} });
      const one = await client.callTool({ name: 'get_grandmaster_status', arguments: { node: 'worker-2' } });
      const entry = (result: typeof all) =>
        (
          result.structuredContent as { nodes: { node: string; grandmasterNode: string | null }[] }
        ).nodes.find((n) => n.node === 'worker-2');
      expect(entry(all)?.grandmasterNode).toBe('gm-1');
      expect(entry(one)).toEqual(entry(all));
      expect(textOf(one)).toMatch(/^grandmaster\(s\): gm-1 LOCKED class 6\n/);
      const asked = await client.callTool({
        name: 'query_ptp',
        arguments: { question: 'who is the grandmaster of worker-2?' },
      });
      expect(textOf(asked)).toContain('grandmaster(s): gm-1 LOCKED class 6');
    });
  });

  describe('arguments as models write them', () => {
    it('exec_ptp_command takes a pmc request as two argv elements, still GET only', async () => {
      const head = ['pmc', '-u', '-b', '0', '-f', '/var/run/ptp4l.0.config'];
      const one = await client.callTool({
        name: 'exec_ptp_command',
        arguments: { node: 'bc-1', command: [...head, 'GET PARENT_DATA_SET'] },
      });
      const two = await client.callTool({
        name: 'exec_ptp_command',
        arguments: { node: 'bc-1', command: [...head, 'GET', 'PARENT_DATA_SET'] },
      });
      expect(two.isError, textOf(two)).toBeFalsy();
      expect(two.structuredContent).toEqual(one.structuredContent);
      expect(
        await refused(client, 'exec_ptp_command', { node: 'bc-1', command: [...head, 'SET', 'PRIORITY1'] }),
      ).toMatch(/pmc requests must be GET \(got "SET PRIORITY1"\)/);
      expect(
        await refused(client, 'exec_ptp_command', { node: 'bc-1', command: [...head, 'GET', 'NO_SUCH_ID'] }),
      ).toMatch(/unknown or unsupported pmc management ID "NO_SUCH_ID"/);
    });

    it('every tool refuses a property it does not have, naming it', async () => {
      const { tools } = await client.listTools();
      for (const tool of tools) {
        expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
        expect(await refused(client, tool.name, { ...CALLS[tool.name], nodes: 'bc-1' })).toMatch(
          /Unrecognized key: "nodes"/,
        );
      }
    });
  });
});

describe('tool arguments over Streamable HTTP', () => {
  let server: Awaited<ReturnType<typeof serveHttp>>;
  beforeAll(async () => {
    server = await serveHttp(['--snapshot-root', root], { PTP_MCP_TOKEN: TOKEN });
  });
  afterAll(() => server.process.kill('SIGTERM'));

  it('answers the catastrophic pattern while /healthz keeps answering', async () => {
    const client = await connect(server.url);
    const call = client.callTool(
      {
        name: 'search_logs',
        arguments: { source: `dir:${snapshot}`, node: 'worker-2', pattern: CATASTROPHIC },
      },
      undefined,
      BOUND,
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const result = await call;
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ scanned: expect.any(Number) });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await client.close();
  });

  it('takes the bearer scheme in any case', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const response = await fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          authorization: `${scheme} ${TOKEN}`,
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: '2025-06-18',
            capabilities: {},
            clientInfo: { name: 'curl', version: '1' },
          },
        }),
      });
      expect(response.status, scheme).toBe(200);
      await response.body?.cancel();
    }
  });

  it('refuses a dir: source outside its root and an unknown node, as over stdio', async () => {
    const client = await connect(server.url);
    const outsideRoot = await client.callTool({
      name: 'diagnose',
      arguments: { source: `dir:${join(packageRoot(), 'fixtures', 'clusters', 'demo')}` },
    });
    expect(textOf(outsideRoot)).toMatch(/is refused: it is not inside the server’s snapshot roots/);
    const unknown = await client.callTool({ name: 'list_ptp_pods', arguments: { node: 'nope' } });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/^no node "nope"; there are: bc-1/);
    await client.close();
  });
});
