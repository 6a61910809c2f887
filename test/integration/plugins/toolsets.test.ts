import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../cli-run.js';
import { stdioClient, textOf } from '../mcp/mcp-client.js';

const EXEC_TOOLS = ['exec_ptp_command', 'run_pmc_query'];

/** serve's toolsets: the exec toolset only with --allow-exec, --toolsets choosing, unknown names refused. */
describe('serve --toolsets and --allow-exec', () => {
  it('serves every toolset but exec by default, and exec with --allow-exec', async () => {
    const without = await stdioClient(['--source', 'demo', '--no-config']);
    const withExec = await stdioClient(['--source', 'demo', '--no-config', '--allow-exec']);
    try {
      const plain = (await without.client.listTools()).tools.map((tool) => tool.name);
      const all = (await withExec.client.listTools()).tools.map((tool) => tool.name);
      expect(plain.filter((name) => EXEC_TOOLS.includes(name))).toEqual([]);
      expect(all.filter((name) => EXEC_TOOLS.includes(name)).sort()).toEqual(EXEC_TOOLS);
      expect(all.filter((name) => !EXEC_TOOLS.includes(name))).toEqual(plain);
    } finally {
      await without.close();
      await withExec.close();
    }
  });

  it('--toolsets serves those named; query_ptp answers with the served tools only', async () => {
    const session = await stdioClient(['--source', 'demo', '--no-config', '--toolsets', 'clocks,questions']);
    try {
      const names = (await session.client.listTools()).tools.map((tool) => tool.name);
      expect(names).toEqual([
        'get_grandmaster_status',
        'get_clock_hierarchy',
        'get_gnss_status',
        'analyze_timing_traceability',
        'query_ptp',
      ]);
      const asked = await session.client.callTool({
        name: 'query_ptp',
        arguments: { question: 'what clock class does gm-1 announce?' },
      });
      // The intent picks a tool of another toolset: the answer says the server does not serve it.
      const named = /^the intent \S+ names (\S+), which this server does not have$/.exec(textOf(asked));
      expect(named, textOf(asked)).not.toBeNull();
      expect(names).not.toContain(named![1]);
    } finally {
      await session.close();
    }
  });

  it('reads toolsets and allowExec from the config file; a flag overrides them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-toolsets-'));
    const config = join(dir, 'ptp-mcp.config.yaml');
    writeFileSync(config, 'apiVersion: ptp-mcp/v1\nkind: Config\ntoolsets: [exec, rules]\nallowExec: true\n');
    const fromFile = await stdioClient(['--source', 'demo', '--config', config]);
    const overridden = await stdioClient(['--source', 'demo', '--config', config, '--toolsets', 'rules']);
    try {
      expect((await fromFile.client.listTools()).tools.map((tool) => tool.name)).toEqual([
        'run_pmc_query',
        'exec_ptp_command',
        'list_rule_packs',
        'explain_rule',
        'evaluate_rules',
      ]);
      expect((await overridden.client.listTools()).tools.map((tool) => tool.name)).toEqual([
        'list_rule_packs',
        'explain_rule',
        'evaluate_rules',
      ]);
    } finally {
      await fromFile.close();
      await overridden.close();
    }
  });

  it('refuses an unknown toolset with the nearest name, and exec without --allow-exec (exit 2)', () => {
    const typo = runBuiltCli(['--no-config', 'serve', '--stdio', '--toolsets', 'helth']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /^ptp-mcp: --toolsets: no toolset "helth" \(did you mean "health"\?\); toolsets: inventory, /,
    );
    const exec = runBuiltCli(['--no-config', 'serve', '--stdio', '--toolsets', 'exec']);
    expect(exec.code).toBe(2);
    expect(exec.stderr).toContain(
      'toolset "exec" runs commands on nodes: it needs --allow-exec (config allowExec: true)',
    );
  });

  it('serve --help lists the toolsets with their tools, and the config keys serve reads', () => {
    const help = runBuiltCli(['--no-config', 'serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^toolsets:$/m);
    expect(help.stdout).toMatch(/^ {2}exec +pmc GET and the exec allowlist on nodes/m);
    expect(help.stdout).toMatch(/^ +run_pmc_query, exec_ptp_command$/m);
    expect(help.stdout).toContain('allowExec');
  });
});
