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
    [
      'bad-regex.yaml',
      `${PACK_HEAD}  rules:\n${RULE('team/a', 'matches').replace('value: 30', "value: '^(pi|linreg'")}`,
      /bad-regex.yaml:13:\d+: invalid regular expression: missing closing \): \^\(pi\|linreg$/m,
    ],
    [
      'lookahead-regex.yaml',
      `${PACK_HEAD}  conditions:\n    servo: { fact: profile, path: $.global.clock_servo, operator: notMatches, value: '^(?=pi)' }\n`,
      /lookahead-regex.yaml:8:86: invalid regular expression: lookahead "\(\?=" is not supported/,
    ],
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
      /missing-parent.yaml:7:13: extends "no-such-pack": no such file/,
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

  it('an intent pack pattern that does not compile', () => {
    const intents = write(
      'bad-intents.yaml',
      `apiVersion: ptp-mcp/v1
kind: IntentPack
metadata: { name: team }
spec:
  intents:
    - id: team/x
      description: x
      examples: [x]
      patterns: ['\\bx\\b', '[x']
      tool: diagnose
`,
    );
    expectRefused(
      ['rules', 'validate', intents],
      /bad-intents.yaml:9:27: spec.intents.0.patterns.1: invalid regular expression: missing closing \]: \[x$/m,
    );
    expectRefused(
      ['ask', 'what is x?', '--intents', intents],
      /bad-intents.yaml:9:27: spec.intents.0.patterns.1: invalid regular expression/,
    );
  });

  it('a pack given by a name that is not built in', () => {
    expectRefused(['rules', 'validate', 'no-such-pack'], /rules\/no-such-pack.yaml: no such file/);
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
    expect(runBuiltCli(['lint', binary]).stdout).toContain('is binary data (NUL bytes), not UTF-8 text');
    expect(runBuiltCli(['lint', binary]).code).toBe(2);
    const missing = runBuiltCli(['lint', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('no such file or folder');
  });

  it('a 50 MB file is refused without being read', () => {
    const big = write('huge.yaml', Buffer.alloc(50 * 1024 * 1024, 'a: b\n'));
    const { code, stdout } = runBuiltCli(['lint', big]);
    expect(code).toBe(2);
    expect(stdout).toContain('larger than a configuration can be (4 MB): not read (it is 50 MB)');
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
    expectRefused(
      ['rules', 'schema', '--kind', 'rule'],
      /--kind must be one of pack, test, intents, examples, config, nic-profiles \(got "rule"\)/,
    );
    expectRefused(
      ['rules', 'facts', '--source', 'demo', '--scope', 'host'],
      /--scope must be one of ptp4lProfile, port, option, commandLine, node, process, cluster \(got "host"\)/,
    );
    expectRefused(
      ['diagnose', '--format', 'yaml'],
      /--format must be one of text, json, html \(got "yaml"\)/,
    );
  });

  it('a numeric option out of its range, negative or not a number: the option, its range and the value', () => {
    const log = write('daemon.log', 'ptp4l[100.000]: selected /dev/ptp0 as PTP clock\n');
    const out = join(dir, 'not-recorded');
    const cases: [string[], string][] = [
      [['logs', 'analyze', log, '--jobs', '-5'], '--jobs must be an integer from 1 to 64 (got "-5")'],
      [['logs', 'analyze', log, '--jobs=-5'], '--jobs must be an integer from 1 to 64 (got "-5")'],
      [['logs', 'analyze', log, '--jobs', '1.5'], '--jobs must be an integer from 1 to 64 (got "1.5")'],
      [
        ['logs', 'analyze', log, '--year', '99999999'],
        '--year must be an integer from 1970 to 9999 (got "99999999")',
      ],
      [['diagnose', '--year', '99999999'], '--year must be an integer from 1970 to 9999 (got "99999999")'],
      [['diagnose', '--last', '0s'], '--last takes a duration from 1s to 366d, such as 10m or 1h (got "0s")'],
      [
        ['diagnose', '--last', '-10m'],
        '--last takes a duration from 1s to 366d, such as 10m or 1h (got "-10m")',
      ],
      [
        ['rules', 'facts', '--source', 'demo', '--last', 'soon'],
        '--last takes a duration from 1s to 366d, such as 10m or 1h (got "soon")',
      ],
      [
        ['lint', 'fixtures/lint/good', '--phc', 'ens3f0=99999'],
        '--phc ens3f0=INDEX must be an integer from 0 to 9999 (got "99999")',
      ],
      [
        ['lint', 'fixtures/lint/good', '--phc', 'ens3f0=-1'],
        '--phc ens3f0=INDEX must be an integer from 0 to 9999 (got "-1")',
      ],
      [
        ['lint', 'fixtures/lint/good', '--linuxptp-version', '-5'],
        '--linuxptp-version: linuxptp version takes a release such as 4.4 (got "-5")',
      ],
      [['serve', '--http', '--port', '70000'], '--port must be an integer from 0 to 65535 (got "70000")'],
      [
        ['serve', '--stdio', '--watch-interval', '1ms'],
        '--watch-interval takes a duration from 100ms to 24h, such as 30s (got "1ms")',
      ],
      [
        ['serve', '--http', '--events-listen', '127.0.0.1:65536'],
        '--events-listen PORT must be an integer from 0 to 65535 (got "65536")',
      ],
      [
        ['diagnose', '--source-timeout', '-5'],
        '--source-timeout takes a duration from 1ms to 24h, such as 120s or 5m (got "-5")',
      ],
      [['simulate', '--nodes', '0'], '--nodes must be an integer from 1 to 10000 (got "0")'],
      [['simulate', '--port', '-1'], '--port must be an integer from 0 to 65535 (got "-1")'],
      [
        ['snapshot', 'record', '--out', out, '--since', '400d'],
        '--since takes a duration from 1s to 366d, such as 10m or 1h (got "400d")',
      ],
      [
        ['snapshot', 'record', '--out', out, '--tail-lines', '-1'],
        '--tail-lines must be an integer from 1 to 10000000 (got "-1")',
      ],
    ];
    for (const [args, message] of cases) {
      const { stderr } = expectRefused(args, /./);
      expect(stderr, args.join(' ')).toContain(`ptp-mcp: ${message}`);
    }
  });

  it('an unknown command, or a group of commands without one of its own: what there is instead', () => {
    const unknown = runBuiltCli(['diagnosis']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^ptp-mcp: unknown command "diagnosis" \(did you mean "diagnose"\?\)\n\nptp-mcp: diagnose PTP/,
    );
    const group = runBuiltCli(['rules']);
    expect(group.code).toBe(2);
    expect(group.stderr).toMatch(
      /^ptp-mcp: "rules" needs a command\n\nptp-mcp rules commands:\n {2}rules list /,
    );
    expect(group.stderr.split('\n').filter((line) => line.startsWith('  rules '))).toHaveLength(5);
    const typo = runBuiltCli(['logs', 'analyse', 'x.log']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /^ptp-mcp: unknown command "logs analyse" \(did you mean "logs analyze"\?\)\n\nptp-mcp logs commands:\n {2}logs analyze <file\|-> +summarize any linuxptp log: servo, offsets, port states, faults, GM and clock class\n$/,
    );
    const help = runBuiltCli(['snapshot', '--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^ptp-mcp snapshot commands:\n {2}snapshot record /);
  });
});
