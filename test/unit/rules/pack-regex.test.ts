import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOMAIN_OPERATORS } from '../../../core/rules/operators.js';
import { PackError } from '../../../core/rules/pack-error.js';
import { loadPack } from '../../../core/rules/pack-loader.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-pack-regex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pack whose one rule tests `$.global.clock_servo` with `operator` and `value` (YAML flow text). */
function pack(name: string, operator: string, value: string, extra = ''): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `apiVersion: ptp-mcp/v1
kind: RulePack
metadata: { name: ${name} }
spec:
  scope: ptp4lProfile
${extra}  rules:
    - id: team/servo
      severity: minor
      title: servo
      when:
        all:
          - fact: profile
            path: $.global.clock_servo
            operator: ${operator}
            value: ${value}
      message: servo
`,
  );
  return file;
}

function errorOf(file: string): string {
  try {
    loadPack(file);
  } catch (error) {
    if (error instanceof PackError) return error.message;
    throw error;
  }
  throw new Error('no error');
}

describe('a rule pack regular expression is compiled when the pack loads', () => {
  it('a pattern that does not compile: file:line:column of the value', () => {
    const file = pack('unclosed', 'matches', "'^(pi|linreg'");
    expect(errorOf(file)).toBe(`${file}:15:20: invalid regular expression: missing closing ): ^(pi|linreg`);
  });

  it('a construct RE2 cannot run in linear time, under notMatches', () => {
    const file = pack('lookbehind', 'notMatches', "'(?<=pi)x'");
    expect(errorOf(file)).toBe(
      `${file}:15:20: invalid regular expression: lookbehind "(?<=" is not supported (patterns run on RE2, in linear time: no lookaround, no backreferences)`,
    );
  });

  it('a value that is not a string', () => {
    expect(errorOf(pack('number', 'matches', '42'))).toMatch(
      /number\.yaml:15:20: matches takes a regular expression \(a string\)$/,
    );
    expect(errorOf(pack('list', 'matches', '[a, b]'))).toMatch(
      /list\.yaml:15:20: matches takes a regular expression \(a string\)$/,
    );
  });

  it('a pattern given as a pack parameter is checked as the parameter; another fact only at run time', () => {
    const parameters = "  parameters: { servo: '[pi' }\n";
    expect(errorOf(pack('param', 'matches', '{ fact: param, path: $.servo }', parameters))).toMatch(
      /param\.yaml:16:20: invalid regular expression: missing closing \]: \[pi$/,
    );
    const good = "  parameters: { servo: '^(pi|linreg)$' }\n";
    expect(
      loadPack(pack('param-ok', 'matches', '{ fact: param, path: $.servo }', good)).pack.spec.rules,
    ).toHaveLength(1);
    expect(
      loadPack(pack('fact', 'matches', '{ fact: profile, path: $.global.clock_servo }')).pack.spec.rules,
    ).toHaveLength(1);
  });

  it('a valid pattern loads and matches', () => {
    const loaded = loadPack(pack('good', 'matches', "'^(pi|linreg)$'"));
    expect(loaded.pack.spec.rules[0]!.id).toBe('team/servo');
  });
});

describe('matches and notMatches at run time', () => {
  it('a pattern refused at load (reachable only through a fact) never matches either way', () => {
    for (const pattern of ['(', '^(?=a)'])
      for (const operator of ['matches', 'notMatches'])
        expect(DOMAIN_OPERATORS[operator]!(`${'a'.repeat(40)}!`, pattern), `${operator} ${pattern}`).toBe(
          false,
        );
    expect(DOMAIN_OPERATORS.matches!('linreg', '^(pi|linreg)$')).toBe(true);
    expect(DOMAIN_OPERATORS.notMatches!('nullf', '^(pi|linreg)$')).toBe(true);
  });
});
