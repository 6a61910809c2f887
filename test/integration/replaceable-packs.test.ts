import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInPackNames } from '../../core/rules/pack-loader.js';
import { runBuiltCli } from './cli-run.js';

/**
 * Issue 13 items 3 and 4 through the built CLI: a pack whose fact path is misspelt is refused with its
 * line and the nearest name (it would never fire), and a pack extending a built-in runtime pack replaces
 * it instead of running beside it (each finding once).
 */
let dir: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-replace-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MISSPELT = `apiVersion: ptp-mcp/v1
kind: RulePack
metadata: { name: offset-budget }
spec:
  scope: node
  rules:
    - id: team/offset-budget
      severity: moderate
      title: beyond our budget
      message: "{{node.name}}"
      when:
        all:
          - fact: node
            path: $.offset.maxAbsolute
            operator: numberAbove
            value: 50
`;

interface Diagnosis {
  findings: { id: string; rule: string; pack: string }[];
  packs: { name: string }[];
}

function diagnose(args: string[]): Diagnosis {
  const { code, stdout, stderr } = runBuiltCli(['diagnose', '--source', 'demo', '--format', 'json', ...args]);
  expect(stderr).toBe('');
  expect(code).not.toBe(2);
  return JSON.parse(stdout) as Diagnosis;
}

describe('a misspelt fact path is refused where the pack is loaded', () => {
  const expected =
    /offset-budget\.yaml:14:19: fact node has no \$\.offset\.maxAbsolute: did you mean \$\.offset\.maxAbs\?/;

  it('rules validate: exit 2, file:line:column and the suggestion, no stack', () => {
    const pack = file('offset-budget.yaml', MISSPELT);
    const { code, stderr } = runBuiltCli(['rules', 'validate', pack]);
    expect(code).toBe(2);
    expect(stderr).toMatch(expected);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('diagnose --pack and lint --pack refuse it the same way', () => {
    const pack = file('offset-budget.yaml', MISSPELT);
    const diagnosed = runBuiltCli(['diagnose', '--source', 'demo', '--pack', pack]);
    expect(diagnosed.code).toBe(2);
    expect(diagnosed.stderr).toMatch(expected);
    const conf = file('a.conf', '[global]\ndomainNumber 24\n[ens1f0]\n');
    const linted = runBuiltCli(['lint', conf, '--pack', pack]);
    expect(linted.code).toBe(2);
    expect(linted.stderr).toMatch(expected);
  });

  it('the right path validates, and rules facts shows it with its type', () => {
    const pack = file('offset-budget.yaml', MISSPELT.replace('maxAbsolute', 'maxAbs'));
    expect(runBuiltCli(['rules', 'validate', pack]).code).toBe(0);
    const facts = runBuiltCli(['rules', 'facts', '--scope', 'node']);
    expect(facts.code).toBe(0);
    expect(facts.stdout).toMatch(
      /^ {2}\$\.offset\.maxAbs +number\|null +max \|offset\| \(ns\) in the last minute$/m,
    );
  });

  it('every built-in pack still validates', () => {
    const { code, stdout } = runBuiltCli(['rules', 'validate', ...builtInPackNames()]);
    expect(code).toBe(0);
    expect(stdout.match(/valid pack/g)).toHaveLength(builtInPackNames().length);
  });
});

describe('a pack extending a built-in runtime pack replaces it', () => {
  it('diagnose --pack gives each finding of fault-severity once, from the extending pack', () => {
    const plain = diagnose([]);
    const pack = file(
      'site-faults.yaml',
      'apiVersion: ptp-mcp/v1\nkind: RulePack\nmetadata: { name: site-faults }\nspec:\n  scope: node\n  extends: [fault-severity]\n',
    );
    const extended = diagnose(['--pack', pack]);
    const ids = extended.findings.map((finding) => finding.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(plain.findings.map((finding) => finding.id).sort());
    expect(extended.packs.map((p) => p.name)).toEqual(['clock-class-fallback', 'site-faults']);
    const faults = plain.findings.filter((finding) => finding.pack === 'fault-severity').length;
    expect(faults).toBeGreaterThan(0);
    expect(extended.findings.filter((finding) => finding.pack === 'site-faults')).toHaveLength(faults);
  });

  it('its overrides apply: a rule switched off is gone, the rest stay', () => {
    const plain = diagnose([]);
    const pack = file(
      'quiet-restarts.yaml',
      `apiVersion: ptp-mcp/v1
kind: RulePack
metadata: { name: quiet-restarts }
spec:
  scope: node
  extends: [fault-severity]
  rules:
    - id: fault/daemon-restarts
      severity: minor
      title: off at our sites
      when: { all: [ { fact: node, path: $.daemonRestarts, operator: greaterThan, value: 0 } ] }
      message: m
      enabled: false
`,
    );
    const rules = diagnose(['--pack', pack]).findings.map((finding) => finding.rule);
    expect(plain.findings.map((finding) => finding.rule)).toContain('fault/daemon-restarts');
    expect(rules).not.toContain('fault/daemon-restarts');
    expect(rules).toHaveLength(plain.findings.length - 1);
  });
});
