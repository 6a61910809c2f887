import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { runBuiltCli } from '../cli-run.js';
import { stdioClient, textOf } from '../mcp/mcp-client.js';

/**
 * The third-party plugin of examples/plugin-example, named in a config file as a user would, through
 * the built CLI and the MCP SDK's client: its source (acme-bench:NAME), its operator (outsidePercentOf,
 * in its packs), its NIC profile (acme_ptp, judged by the built-in fault-severity) and its toolset.
 */
const EXAMPLES = join(packageRoot(), 'examples');
const CONFIG = join(EXAMPLES, 'plugin-example.config.yaml');
const BENCH_CONFIG = join(EXAMPLES, 'plugin-example', 'benches', 'lab-1', 'ptp4l.0.config');
const PACKS = join(EXAMPLES, 'plugin-example', 'packs');

describe('the example plugin named in a config file', () => {
  it('diagnose reads its source; its NIC profile feeds fault-severity and its operator its own pack', () => {
    const run = runBuiltCli([
      '--config',
      CONFIG,
      'diagnose',
      '--source',
      'acme-bench:lab-1',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      findings: { rule: string; message: string }[];
      packs: { name: string }[];
    };
    expect(report.packs.map((p) => p.name)).toEqual([
      'fault-severity',
      'clock-class-fallback',
      'acme-site-runtime',
    ]);
    expect(report.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'nic/tx-timestamp-timeout-below-nic',
        'lab-1: ptp4l.0.config waits 50 ms for a tx time stamp (tx_timestamp_timeout); its NIC (acme_ptp) may take up to 200 ms, so under load its ports go FAULTY',
      ],
      [
        'acme/running-tx-timestamp-timeout-standard',
        'lab-1: ptp4l.0.config runs tx_timestamp_timeout 50 ms, off the lab standard of 200 ms',
      ],
    ]);
  });

  it('without the config the source is unknown, and the usage lists the sources there are', () => {
    const run = runBuiltCli(['--no-config', 'diagnose', '--source', 'acme-bench:lab-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^ptp-mcp: unknown source "acme-bench:lab-1"; use one of: demo \| scenario:NAME, dir:PATH/,
    );
  });

  it('lint runs its configuration pack, whose rule uses its operator, at the line of the key', () => {
    const run = runBuiltCli([
      '--config',
      CONFIG,
      'lint',
      BENCH_CONFIG,
      '--fail-on',
      'minor',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { findings: { rule: string; location?: { line?: number } }[] };
    const site = result.findings.filter((f) => f.rule.startsWith('acme/'));
    expect(site.map((f) => [f.rule, f.location?.line])).toEqual([['acme/tx-timestamp-timeout-standard', 37]]);
    // The same file without the plugin: nothing of the site's standard.
    const plain = runBuiltCli(['--no-config', 'lint', BENCH_CONFIG, '--fail-on', 'minor']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('acme/');
  });

  it('rules validate: its packs with the config (the operator checked), its NIC profiles as kind NicProfiles', () => {
    const packs = [join(PACKS, 'acme-site-config.yaml'), join(PACKS, 'acme-site-runtime.yaml')];
    const valid = runBuiltCli([
      '--config',
      CONFIG,
      'rules',
      'validate',
      ...packs,
      join(EXAMPLES, 'plugin-example', 'nic-profiles', 'acme.yaml'),
    ]);
    expect(valid.stderr).toBe('');
    expect(valid.stdout).toContain('valid pack acme-site-config@1.0.0 (1 rules)');
    expect(valid.stdout).toContain('valid NIC profiles acme (1: acme-ptp: acme_ptp)');
    // Pack-local operators come only from plugins named in the config.
    const without = runBuiltCli(['--no-config', 'rules', 'validate', packs[0]!]);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/acme-site-config\.yaml:\d+:\d+: .*unknown operator "outsidePercentOf"/);
  });

  it('an operator value its schema refuses fails rules validate with what the operator takes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-plugin-'));
    const pack = join(dir, 'bad.yaml');
    writeFileSync(
      pack,
      [
        'apiVersion: ptp-mcp/v1',
        'kind: RulePack',
        'metadata: { name: bad, version: 1.0.0, description: a scalar where a pair is due }',
        'spec:',
        '  scope: node',
        '  rules:',
        '    - id: bad/one',
        '      severity: minor',
        '      title: t',
        '      when: { all: [ { fact: node, path: $.nic.txTimestampTimeoutMs, operator: outsidePercentOf, value: 200 } ] }',
        '      message: m',
        '',
      ].join('\n'),
    );
    const run = runBuiltCli(['--config', CONFIG, 'rules', 'validate', pack]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outsidePercentOf takes [target, percent]: two numbers, percent ≥ 0');
  });

  it('a config naming a module that is no plugin is exit 2, naming the config entry and the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-plugin-'));
    writeFileSync(join(dir, 'not-a-plugin.js'), 'export default { name: "x", sources: [{ name: "s" }] };\n');
    writeFileSync(
      join(dir, 'ptp-mcp.config.yaml'),
      'apiVersion: ptp-mcp/v1\nkind: Config\nplugins: [./not-a-plugin.js]\n',
    );
    const run = runBuiltCli(['--config', join(dir, 'ptp-mcp.config.yaml'), 'diagnose']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /ptp-mcp\.config\.yaml: plugins: .*not-a-plugin\.js: not a ptp-mcp plugin: sources\.0\.usage: /,
    );
    writeFileSync(
      join(dir, 'ptp-mcp.config.yaml'),
      'apiVersion: ptp-mcp/v1\nkind: Config\nplugins: [./missing]\n',
    );
    const missing = runBuiltCli(['--config', join(dir, 'ptp-mcp.config.yaml'), 'diagnose']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/plugins: .*missing: cannot load the plugin: Cannot find module/);
  });
});

describe('MCP: the example plugin through the SDK client over stdio', () => {
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // The config serves the toolsets health, hardware, rules and the plugin's acme.
    ({ client, close } = await stdioClient(['--source', 'demo', '--config', CONFIG]));
  });
  afterAll(() => close());

  it('serves the toolsets the config names, the plugin’s among them, and no exec tool', async () => {
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual([
      'diagnose',
      'check_ptp_health',
      'analyze_ptp_faults',
      'get_hardware_info',
      'list_ptp_interfaces',
      'check_interface_ptp_support',
      'get_nic_details',
      'map_ptp_hardware',
      'list_rule_packs',
      'explain_rule',
      'evaluate_rules',
      'acme_nic_profiles',
    ]);
  });

  it('a diagnosis on the server’s work threads runs the plugin’s pack, with its operator, too', async () => {
    // The demo is a recording: the server diagnoses it on a work thread, which loads the config's plugins.
    const diagnosis = await client.callTool({ name: 'diagnose', arguments: {} });
    expect(diagnosis.isError, textOf(diagnosis)).toBeFalsy();
    const { findings } = diagnosis.structuredContent as { findings: { rule: string }[] };
    // Every demo node runs tx_timestamp_timeout 50 on an E810: off the lab's 200, within the E810's 50.
    expect(
      findings.filter((f) => f.rule === 'acme/running-tx-timestamp-timeout-standard').length,
    ).toBeGreaterThan(0);
    expect(findings.map((f) => f.rule)).not.toContain('nic/tx-timestamp-timeout-below-nic');
  });

  it('list_rule_packs and explain_rule know the plugin’s packs and rules', async () => {
    const packs = await client.callTool({ name: 'list_rule_packs', arguments: {} });
    const names = (packs.structuredContent as { packs: { name: string }[] }).packs.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['fault-severity', 'acme-site-config', 'acme-site-runtime']),
    );
    const rule = await client.callTool({
      name: 'explain_rule',
      arguments: { rule: 'acme/tx-timestamp-timeout-standard' },
    });
    expect(rule.structuredContent).toMatchObject({ pack: 'acme-site-config', severity: 'minor' });
  });

  it('the plugin’s tool lists the built-in NIC profiles and its own', async () => {
    const result = await client.callTool({ name: 'acme_nic_profiles', arguments: {} });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toBe(
      'ice: intel-ice (50 ms)\nmlx5_core: nvidia-mlx5 (500 ms)\ntg3: broadcom-tg3 (10 ms)\nacme_ptp: acme-ptp (200 ms)',
    );
  });

  it('diagnose and get_nic_details read the plugin’s source, with its NIC profile', async () => {
    const diagnosis = await client.callTool({ name: 'diagnose', arguments: { source: 'acme-bench:lab-1' } });
    expect(diagnosis.isError, textOf(diagnosis)).toBeFalsy();
    const rules = (diagnosis.structuredContent as { findings: { rule: string }[] }).findings.map(
      (f) => f.rule,
    );
    expect(rules).toEqual([
      'nic/tx-timestamp-timeout-below-nic',
      'acme/running-tx-timestamp-timeout-standard',
    ]);
    const nic = await client.callTool({
      name: 'get_nic_details',
      arguments: { source: 'acme-bench:lab-1', node: 'lab-1' },
    });
    expect((nic.structuredContent as { nics: { vendor: unknown }[] }).nics[0]!.vendor).toMatchObject({
      id: 'acme-ptp',
      recommendedTxTimestampTimeoutMs: 200,
    });
  });
});
