import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-bad-'));
const write = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const PACK_HEAD = `apiVersion: ptp-mcp/v1
kind: RulePack
metadata:
  name: team
spec:
  scope: ptp4lProfile
`;
const RULE = (id: string, operator = 'numberAbove') => `    - id: ${id}
      severity: minor
      title: t
      when:
        all:
          - { fact: profile, path: $.effective.domainNumber, operator: ${operator}, value: 30 }
      message: m
`;

/** A user mistake: exit 2, one clear `ptp-mcp: file:line:column: what` line, never a stack trace. */
function expectRefused(args: string[], message: RegExp) {
  const { code, stdout, stderr } = runBuiltCli(args);
  expect(code).toBe(2);
  expect(stderr).toMatch(message);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain('internal error');
  return { stdout, stderr };
}

describe('bad rule packs are refused with file:line:column (rules validate, lint --pack, diagnose --pack)', () => {
  const cases: [string, string, RegExp][] = [
    [
      'yaml-error.yaml',
      `${PACK_HEAD}  rules:\n    - id: a\n      title: [unclosed\n`,
      /yaml-error.yaml:10:\d+: YAML: /,
    ],
    [
      'unknown-operator.yaml',
      `${PACK_HEAD}  rules:\n${RULE('team/a', 'greaterThen')}`,
      /unknown-operator.yaml:13:\d+: unknown operator "greaterThen": did you mean greaterThan\? \(known: .*numberAbove/,
    ],
    [
      'missing-id.yaml',
      `${PACK_HEAD}  rules:\n${RULE('team/a').replace('    - id: team/a\n      severity', '    - severity')}`,
      /missing-id.yaml:8:7: spec.rules.0: "id" is missing \(string expected\)/,
    ],
    [
      'duplicate-id.yaml',
      `${PACK_HEAD}  rules:\n${RULE('team/a')}${RULE('team/a')}`,
      /duplicate-id.yaml:15:11: duplicate rule id "team\/a"/,
    ],
    ['not-a-pack.yaml', 'just: a map\n', /not-a-pack.yaml:1:1: apiVersion: /],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      const pack = write(name, text);
      expectRefused(['rules', 'validate', pack], message);
      expectRefused(['lint', 'fixtures/lint/good', '--pack', pack], message);
    });
  }

  it('a cycle in extends', () => {
    const a = write(
      'cycle-a.yaml',
      `${PACK_HEAD.replace('name: team', 'name: a')}  extends: [./cycle-b.yaml]\n`,
    );
    write('cycle-b.yaml', `${PACK_HEAD.replace('name: team', 'name: b')}  extends: [./cycle-a.yaml]\n`);
    expectRefused(
      ['rules', 'validate', a],
      /extends cycle: .*cycle-a.yaml -> .*cycle-b.yaml -> .*cycle-a.yaml/,
    );
  });

  it('extends of a pack that does not exist, and a runtime pack with a config fact', () => {
    const missing = write('missing-parent.yaml', `${PACK_HEAD}  extends: [no-such-pack]\n`);
    expectRefused(
      ['rules', 'validate', missing],
      /missing-parent.yaml:7:13: extends "no-such-pack": cannot read: ENOENT/,
    );
    const wrongFact = write(
      'wrong-fact.yaml',
      `${PACK_HEAD.replace('ptp4lProfile', 'node')}  rules:\n${RULE('team/a')}`,
    );
    expectRefused(
      ['diagnose', '--pack', wrongFact],
      /wrong-fact.yaml:13:\d+: unknown fact "profile" \(known: node, param\) \(scope node\)/,
    );
  });

  it('a pack given by a name that is not built in', () => {
    expectRefused(['rules', 'validate', 'no-such-pack'], /rules\/no-such-pack.yaml: cannot read: ENOENT/);
  });
});

describe('bad configurations are refused by lint with exit 2, nothing crashes', () => {
  it('a YAML syntax error, with its line', () => {
    const file = write(
      'broken.yaml',
      'apiVersion: ptp.openshift.io/v1\nkind: PtpConfig\nspec:\n  profile: [\n',
    );
    const { stdout } = runBuiltCli(['lint', file]);
    expect(runBuiltCli(['lint', file]).code).toBe(2);
    expect(stdout).toMatch(/broken.yaml:\d+: error: /);
  });

  it('a YAML file of another kind', () => {
    const file = write('deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n');
    const { code, stdout } = runBuiltCli(['lint', file]);
    expect(code).toBe(2);
    expect(stdout).toContain('no PtpConfig in this file (it holds only Deployment)');
  });

  it('a file that is not a configuration at all (binary), and a missing one', () => {
    const binary = write('ptp4l.conf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    expect(runBuiltCli(['lint', binary]).stdout).toContain('binary file (NUL bytes), not a configuration');
    expect(runBuiltCli(['lint', binary]).code).toBe(2);
    const missing = runBuiltCli(['lint', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('no such file or folder');
  });

  it('a 50 MB file is refused without being read', () => {
    const big = write('huge.yaml', Buffer.alloc(50 * 1024 * 1024, 'a: b\n'));
    const { code, stdout } = runBuiltCli(['lint', big]);
    expect(code).toBe(2);
    expect(stdout).toContain('52.4 MB: larger than a configuration can be (4 MB), not read');
  });

  it('an unknown option value of the CLI', () => {
    expectRefused(
      ['lint', 'fixtures/lint', '--format', 'xml'],
      /--format must be one of text, json, sarif, junit, github/,
    );
    expectRefused(
      ['lint', 'fixtures/lint', '--fail-on', 'high'],
      /--fail-on must be one of critical, moderate, minor, info/,
    );
  });

  it('an unknown command, or a group of commands without one of its own: what there is instead', () => {
    const unknown = runBuiltCli(['diagnosis']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ptp-mcp: unknown command "diagnosis"\n\nptp-mcp: diagnose PTP/);
    const group = runBuiltCli(['rules']);
    expect(group.code).toBe(2);
    expect(group.stderr).toMatch(
      /^ptp-mcp: "rules" needs a command\n\nptp-mcp rules commands:\n {2}rules list /,
    );
    expect(group.stderr.split('\n').filter((line) => line.startsWith('  rules '))).toHaveLength(5);
    const typo = runBuiltCli(['logs', 'analyse', 'x.log']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'ptp-mcp: unknown command "logs analyse"\n\nptp-mcp logs commands:\n  logs analyze <file|->  summarize any linuxptp log: servo, offsets, port states, faults, GM and clock class\n',
    );
    const help = runBuiltCli(['snapshot', '--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^ptp-mcp snapshot commands:\n {2}snapshot record /);
  });
});
