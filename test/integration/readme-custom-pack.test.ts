import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../core/package-root.js';
import { builtInPackNames } from '../../core/rules/pack-loader.js';
import { runBuiltCli } from './cli-run.js';

/**
 * The custom pack of the README, taken from the README itself (the YAML blocks whose first line names
 * the file), must work end to end as a new user would run it: validate, test, lint, diagnose.
 */
let dir: string;
let pack: string;

function readmeBlock(name: string): string {
  const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .find((b) => b.startsWith(`# ${name}\n`));
  if (!block) throw new Error(`README.md has no yaml block starting with "# ${name}"`);
  return block;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-readme-'));
  pack = join(dir, 'acme-ran.yaml');
  writeFileSync(pack, readmeBlock('acme-ran.yaml'));
  writeFileSync(join(dir, 'acme-ran.test.yaml'), readmeBlock('acme-ran.test.yaml'));
});

describe('the custom pack written from the README', () => {
  it('validates, with what it extends', () => {
    const { code, stdout } = runBuiltCli(['rules', 'validate', pack]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /valid pack acme-ran@1.0.0 \(\d+ rules, extends itu-t-g8275.1 <- linuxptp-config\)/,
    );
  });

  it('passes its own tests', () => {
    const { code, stdout } = runBuiltCli(['rules', 'test', dir]);
    expect(stdout).toContain('4 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('gates a configuration: the domain plan at the line of domainNumber, with the G.8275.1 rules', () => {
    const { code, stdout } = runBuiltCli([
      'lint',
      'fixtures/lint/bad/t-tsc-wrong-domain.yaml',
      '--pack',
      pack,
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings.map(
      (f: { rule: string; location: { line: number } }) => `${f.rule}:${f.location.line}`,
    );
    expect(findings).toContain('acme/domain-plan:20');
    expect(findings).toContain('g8275.1/domain-range:20');
    // The G.8275.1 designs of fixtures/lint/good (the others are G.8275.2 and IEEE 1588 configs).
    const g82751 = ['t-tsc-g8275.1.yaml', 't-tsc-g8275.1.conf', 't-bc-g8275.1.yaml', 't-gm-g8275.1.yaml'];
    expect(runBuiltCli(['lint', ...g82751.map((f) => `fixtures/lint/good/${f}`), '--pack', pack]).code).toBe(
      0,
    );
  });

  it('judges a snapshot in diagnose: the offset budget on worker-1 only where offsets exceed it', () => {
    const bad = JSON.parse(
      runBuiltCli(['diagnose', '--source', 'scenario:offset-threshold', '--pack', pack, '--format', 'json'])
        .stdout,
    );
    expect(bad.packs.map((p: { name: string }) => p.name)).toEqual([
      'fault-severity',
      'clock-class-fallback',
      'acme-ran',
    ]);
    expect(bad.findings.filter((f: { pack: string }) => f.pack === 'acme-ran')).toMatchObject([
      { rule: 'acme/offset-budget', severity: 'moderate', subject: { node: 'worker-1' } },
    ]);
    const healthy = JSON.parse(
      runBuiltCli(['diagnose', '--source', 'scenario:healthy', '--pack', pack, '--format', 'json']).stdout,
    );
    expect(healthy.findings).toEqual([]);
  });

  it('and every pack, the README one and the built-in ones, conforms to the JSON Schema of `rules schema`', () => {
    const schema = JSON.parse(runBuiltCli(['rules', 'schema']).stdout);
    const validate = new Ajv2020.default({ strict: false }).compile(schema);
    for (const file of [
      pack,
      ...builtInPackNames().map((name) => join(packageRoot(), 'rules', `${name}.yaml`)),
    ]) {
      expect(
        validate(parse(readFileSync(file, 'utf8'))),
        `${file}: ${JSON.stringify(validate.errors?.[0])}`,
      ).toBe(true);
    }
    expect(
      validate({
        apiVersion: 'ptp-mcp/v1',
        kind: 'RulePack',
        metadata: { name: 'x' },
        spec: { scope: 'everywhere' },
      }),
    ).toBe(false);
  });
});
