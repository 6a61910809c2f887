import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { runBuiltCli } from './cli-run.js';

/**
 * Issue 13 items 2 to 4 through the built CLI: diagnose --fail-on, lint's stdin, --output-file and
 * --quiet, SARIF fingerprints without the line, JUnit errors, GitHub's annotation limits, version and
 * "did you mean".
 */
const WRONG_DOMAIN = 'fixtures/lint/bad/t-tsc-wrong-domain.yaml';
const wrongDomain = readFileSync(join(packageRoot(), WRONG_DOMAIN), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-ci-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lint = (...args: string[]) => runBuiltCli(['--no-config', 'lint', ...args]);

describe('diagnose --fail-on', () => {
  it('exit 1 when a finding at or above the severity exists, 0 without the flag', () => {
    const plain = runBuiltCli(['--no-config', 'diagnose', '--summary']);
    expect(plain.code).toBe(0);
    const json = JSON.parse(runBuiltCli(['--no-config', 'diagnose', '--format', 'json']).stdout);
    const critical = json.findings.filter((f: { severity: string }) => f.severity === 'critical').length;
    expect(critical).toBeGreaterThan(0);
    const gated = runBuiltCli(['--no-config', 'diagnose', '--summary', '--fail-on', 'critical']);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toBe(`ptp-mcp: ${critical} finding(s) at or above critical\n`);
    expect(runBuiltCli(['--no-config', 'diagnose', '--fail-on', 'severe']).code).toBe(2);
  });
});

describe('lint: stdin, --output-file, --quiet', () => {
  it('lint - reads one config from stdin and names it <stdin>', () => {
    const { code, stdout } = runBuiltCli(['--no-config', 'lint', '-'], wrongDomain);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^<stdin>:20:9: moderate g8275\.1\/domain-range /m);
    const conf = runBuiltCli(['--no-config', 'lint', '-', '--format', 'json'], '[global]\ndomainNumber 0\n');
    expect(JSON.parse(conf.stdout).files).toEqual([{ path: '<stdin>', kind: 'linuxptp', profiles: 1 }]);
    expect(runBuiltCli(['--no-config', 'lint', '-', WRONG_DOMAIN], wrongDomain).code).toBe(2);
  });

  it('--output-file writes the report there; stdout says so in one line', () => {
    const file = join(dir, 'report.sarif');
    const { code, stdout } = lint(WRONG_DOMAIN, '--format', 'sarif', '--output-file', file);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `sarif report written to ${file}: 3 finding(s) (2 critical, 1 moderate, 0 minor, 0 info) in 1 profile(s) of 1 file(s); 0 suppressed; 3 at or above moderate\n`,
    );
    expect(JSON.parse(readFileSync(file, 'utf8')).runs[0].results).toHaveLength(3);
    expect(lint(WRONG_DOMAIN, '--output-file', join(dir, 'no', 'such', 'dir.txt')).code).toBe(2);
  });

  it('--quiet lists only what fails the run, in text and github; the counts and exit code stay', () => {
    const full = lint(WRONG_DOMAIN, '--fail-on', 'critical');
    const quiet = lint(WRONG_DOMAIN, '--fail-on', 'critical', '--quiet');
    expect(full.stdout).toContain('g8275.1/domain-range');
    expect(quiet.stdout).not.toContain('g8275.1/domain-range');
    expect(quiet.stdout).toContain('linuxptp/unknown-option');
    expect(quiet.stdout.split('\n').at(-2)).toBe(full.stdout.split('\n').at(-2));
    expect(quiet.code).toBe(full.code);
    const github = lint(WRONG_DOMAIN, '--fail-on', 'critical', '--quiet', '--format', 'github');
    expect(github.stdout).not.toContain('::warning');
    expect(github.stdout).toMatch(/^::error .*title=linuxptp\/unknown-option::/m);
  });
});

describe('CI formats', () => {
  it('SARIF fingerprints do not move when lines are inserted above a finding', () => {
    const fingerprints = (text: string) => {
      const file = join(dir, 'moving.yaml');
      writeFileSync(file, text);
      const sarif = JSON.parse(lint(file, '--format', 'sarif').stdout);
      return sarif.runs[0].results.map(
        (r: { ruleId: string; partialFingerprints: Record<string, string>; locations: unknown[] }) => ({
          rule: r.ruleId,
          line: (r.locations[0] as { physicalLocation: { region: { startLine: number } } }).physicalLocation
            .region.startLine,
          fingerprint: r.partialFingerprints['ptpMcpFinding/v1'],
        }),
      );
    };
    const before = fingerprints(wrongDomain);
    const after = fingerprints(`# a comment\n# and another\n${wrongDomain}`);
    expect(after.map((r: { line: number }) => r.line)).toEqual(
      before.map((r: { line: number }) => r.line + 2),
    );
    expect(after.map((r: { fingerprint: string }) => r.fingerprint)).toEqual(
      before.map((r: { fingerprint: string }) => r.fingerprint),
    );
    expect(new Set(before.map((r: { fingerprint: string }) => r.fingerprint)).size).toBe(before.length);
  });

  it('SARIF rules carry their help (text and markdown); helpUri only from config sarif.helpUri', () => {
    const rulesOf = (output: string) =>
      JSON.parse(output).runs[0].tool.driver.rules as {
        id: string;
        help: { text: string; markdown: string };
        helpUri?: string;
      }[];
    const plain = rulesOf(lint(WRONG_DOMAIN, '--format', 'sarif').stdout);
    const unknown = plain.find((rule) => rule.id === 'linuxptp/unknown-option')!;
    expect(unknown.help.text).toMatch(/\n\nRule linuxptp\/unknown-option of the rule pack itu-t-g8275\.1\.$/);
    expect(unknown.help.markdown).toMatch(/^\*\*.+\*\*\n\n/);
    expect(unknown.help.markdown).toContain(
      'Rule `linuxptp/unknown-option` of the rule pack `itu-t-g8275.1`.',
    );
    // ptp-mcp publishes no page per rule: no link unless the team names its own.
    expect(plain.every((rule) => rule.helpUri === undefined)).toBe(true);
    const config = join(dir, 'sarif.config.yaml');
    writeFileSync(
      config,
      'apiVersion: ptp-mcp/v1\nkind: Config\nsarif:\n  helpUri: https://wiki.example/ptp/{pack}/{rule}\n',
    );
    const linked = rulesOf(
      runBuiltCli(['--config', config, 'lint', WRONG_DOMAIN, '--format', 'sarif']).stdout,
    );
    expect(linked.find((rule) => rule.id === 'g8275.1/domain-range')?.helpUri).toBe(
      'https://wiki.example/ptp/itu-t-g8275.1/g8275.1/domain-range',
    );
  });

  it('JUnit: an unreadable config is an error, counted in errors, not a failure', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'apiVersion: ptp.openshift.io/v1\nkind: PtpConfig\nspec: [unclosed\n');
    const { code, stdout } = lint(broken, WRONG_DOMAIN, '--format', 'junit');
    expect(code).toBe(2);
    expect(stdout).toMatch(/<testsuites name="ptp-mcp lint" tests="\d+" failures="3" errors="1">/);
    expect(stdout).toMatch(/<testsuite name="[^"]*broken\.yaml" tests="1" failures="0" errors="1">/);
  });

  it('GitHub: at most 10 annotations of a kind, then a line saying how many were left out', () => {
    const { stdout } = lint('fixtures/lint', '--format', 'github');
    const lines = stdout.trimEnd().split('\n');
    for (const kind of ['error', 'warning', 'notice'])
      expect(lines.filter((line) => line.startsWith(`::${kind} `)).length).toBeLessThanOrEqual(10);
    const report = JSON.parse(lint('fixtures/lint', '--format', 'json').stdout);
    const shown = lines.filter((line) => line.startsWith('::')).length;
    const left = [...lines.at(-1)!.matchAll(/(\d+) (?:error|warning|notice)/g)].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
    expect(lines.at(-1)).toMatch(
      /^ptp-mcp: .* annotation\(s\) left out \(GitHub shows 10 of each kind per step\)/,
    );
    expect(shown + left).toBe(report.findings.length + report.errors.length);
  });
});

describe('commands that explain themselves', () => {
  it('version, -v and --version print the version', () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
    for (const flag of ['version', '-v', '--version'])
      expect(runBuiltCli([flag])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('did you mean, for a command and an option; --pack nope lists the packs', () => {
    expect(runBuiltCli(['diagnos']).stderr).toMatch(
      /^ptp-mcp: unknown command "diagnos" \(did you mean "diagnose"\?\)/,
    );
    const flag = lint(WRONG_DOMAIN, '--fial-on', 'critical');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^ptp-mcp: Unknown option '--fial-on' \(did you mean --fail-on\?\)/);
    const pack = runBuiltCli(['--no-config', 'diagnose', '--pack', 'nope']);
    expect(pack.code).toBe(2);
    expect(pack.stderr).toMatch(
      /"nope" is not a built-in pack; built-in packs: .*fault-severity.*linuxptp-config/,
    );
  });
});
