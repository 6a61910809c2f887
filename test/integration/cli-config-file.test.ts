import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { CLI, type CliResult } from './cli-run.js';

/**
 * Issue 13 item 1 through the built CLI: `ptp-mcp.config.yaml` found from a subfolder, a flag overriding
 * it, --config and --no-config, a bad file refused with its line, and packs.disable / packs.replace.
 */
let root: string;
let sub: string;
/** Only a moderate finding (g8275.1/domain-range), as in cli-lint.test.ts: exit 1 by default, 0 at critical. */
const ONLY_MODERATE =
  '[global]\ndomainNumber 50\ndataset_comparison G.8275.x\nnetwork_transport L2\nptp_dst_mac 01:1B:19:00:00:00\nlogAnnounceInterval -3\nlogSyncInterval -4\nlogMinDelayReqInterval -4\ntx_timestamp_timeout 50\n[ens1f0]\n';
const WRONG_DOMAIN = join(packageRoot(), 'fixtures/lint/bad/t-tsc-wrong-domain.yaml');

function run(args: string[], cwd: string, input?: string): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const config = (text: string, dir = root) =>
  writeFileSync(join(dir, 'ptp-mcp.config.yaml'), `apiVersion: ptp-mcp/v1\nkind: Config\n${text}`);
const rulesOf = (result: CliResult) =>
  (JSON.parse(result.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ptp-mcp-config-cli-'));
  sub = join(root, 'site', 'configs');
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'domain.conf'), ONLY_MODERATE);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => config(''));

describe('ptp-mcp.config.yaml', () => {
  it('is found from a subfolder; a flag overrides its key; --no-config ignores it', () => {
    expect(run(['lint', 'domain.conf'], sub).code).toBe(1);
    config('failOn: critical\n');
    expect(run(['lint', 'domain.conf'], sub)).toMatchObject({ code: 0, stderr: '' });
    expect(run(['lint', 'domain.conf', '--fail-on', 'moderate'], sub).code).toBe(1);
    expect(run(['--no-config', 'lint', 'domain.conf'], sub).code).toBe(1);
  });

  it('--config names one anywhere on the line, before or after the command', () => {
    const other = join(root, 'site', 'strict.yaml');
    writeFileSync(other, 'apiVersion: ptp-mcp/v1\nkind: Config\nfailOn: critical\n');
    const elsewhere = mkdtempSync(join(tmpdir(), 'ptp-mcp-config-none-'));
    try {
      const file = join(sub, 'domain.conf');
      expect(run(['lint', file], elsewhere).code).toBe(1);
      expect(run(['--config', other, 'lint', file], elsewhere).code).toBe(0);
      expect(run(['lint', file, `--config=${other}`], elsewhere).code).toBe(0);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('a bad config is refused: exit 2, file:line and what is wrong, no stack trace', () => {
    config('suppressions: s.yaml\nfailOn: severe\n');
    const bad = run(['lint', 'domain.conf'], sub);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ptp-mcp: .*ptp-mcp\.config\.yaml:4:\d+: .*failOn/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    config('packs:\n  disable: [itu-t-g8275-1]\n');
    const typo = run(['lint', 'domain.conf'], sub);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"itu-t-g8275-1" is not a built-in pack (did you mean "itu-t-g8275.1"?)');
  });

  it('packs.disable: a built-in pack run by name is not run, its findings are gone', () => {
    const before = rulesOf(run(['lint', WRONG_DOMAIN, '--format', 'json'], sub));
    expect(before).toContain('g8275.1/domain-range');
    config('packs:\n  disable: [itu-t-g8275.1]\n');
    const after = run(['lint', WRONG_DOMAIN, '--format', 'json'], sub);
    expect(rulesOf(after)).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('packs.replace: a built-in pack runs from the team file instead (its parameters win)', () => {
    writeFileSync(
      join(root, 'our-g8275.1.yaml'),
      'apiVersion: ptp-mcp/v1\nkind: RulePack\nmetadata: { name: our-g8275.1, version: 1.0.0 }\nspec:\n  scope: ptp4lProfile\n  extends: [itu-t-g8275.1]\n  parameters:\n    domainRange: [24, 44]\n',
    );
    config('packs:\n  replace: { itu-t-g8275.1: ./our-g8275.1.yaml }\n');
    const rules = rulesOf(run(['lint', WRONG_DOMAIN, '--format', 'json'], sub));
    expect(rules).not.toContain('g8275.1/domain-range');
    expect(rules).toContain('linuxptp/unknown-option');
  });

  it('packs.add, suppressions and linuxptpVersion are lint flags when not given', () => {
    writeFileSync(
      join(root, 'suppress.yaml'),
      'apiVersion: ptp-mcp/v1\nkind: Suppressions\nsuppressions:\n  - rule: g8275.1/domain-range\n    reason: lab domain\n',
    );
    config('suppressions: suppress.yaml\n');
    const suppressed = JSON.parse(run(['lint', 'domain.conf', '--format', 'json'], sub).stdout);
    expect(suppressed.suppressed.map((s: { finding: { rule: string } }) => s.finding.rule)).toContain(
      'g8275.1/domain-range',
    );
    config('packs:\n  add: [itu-t-g8275.2]\n');
    const rules = rulesOf(run(['lint', WRONG_DOMAIN, '--format', 'json'], sub));
    expect(rules).toContain('g8275.2/transport-ip');
  });

  it('the published JSON Schema is the one `rules schema --kind config` prints', () => {
    const printed = run(['rules', 'schema', '--kind', 'config'], root);
    expect(printed.code).toBe(0);
    const committed = readFileSync(join(packageRoot(), 'schemas/ptp-mcp.config.schema.json'), 'utf8');
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(committed));
    expect(JSON.parse(committed).properties.packs.properties.disable.type).toBe('array');
  });
});
