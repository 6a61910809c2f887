import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackError } from '../../../core/rules/pack-error.js';
import { loadPack } from '../../../core/rules/pack-loader.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-packs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pack(name: string, body: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, body);
  return file;
}

const RULE = `
    - id: team/domain
      severity: moderate
      title: domain must be 24
      when: { all: [ { fact: profile, path: $.global.domainNumber, operator: notOneOf, value: [24] } ] }
      message: "domain {{profile.global.domainNumber}}"`;

function header(name: string, extra = ''): string {
  return `apiVersion: ptp-mcp/v1\nkind: RulePack\nmetadata: { name: ${name} }\nspec:\n  scope: ptp4lProfile\n${extra}  rules:`;
}

function errorOf(file: string): PackError {
  try {
    loadPack(file);
  } catch (error) {
    if (error instanceof PackError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('loadPack', () => {
  it('loads a valid pack with its defaults', () => {
    const loaded = loadPack(pack('good', `${header('good')}${RULE}\n`));
    expect(loaded.pack.spec.rules.map((r) => r.id)).toEqual(['team/domain']);
    expect(loaded.pack.spec.extends).toEqual([]);
  });

  it('refuses a YAML syntax error with file, line and column', () => {
    const error = errorOf(pack('syntax', `${header('syntax')}\n    - id: [unclosed\n`));
    expect(error.message).toMatch(/syntax\.yaml:\d+:\d+: YAML: /);
    // An unclosed flow sequence is noticed where the input ends, right after the line that opens it.
    expect(error.line).toBe(8);
  });

  it('refuses an unknown operator at its line', () => {
    const file = pack('operator', `${header('operator')}${RULE.replace('notOneOf', 'isWeird')}\n`);
    const error = errorOf(file);
    expect(error.detail).toMatch(/unknown operator "isWeird"/);
    expect(error.line).toBe(10);
  });

  it('refuses a rule without id, naming the key path', () => {
    const error = errorOf(
      pack('noid', `${header('noid')}${RULE.replace('- id: team/domain', '- idx: team/domain')}\n`),
    );
    expect(error.message).toMatch(/noid\.yaml:7:\d+: spec\.rules\.0/);
  });

  it('refuses a duplicate id at the second one', () => {
    const error = errorOf(pack('dup', `${header('dup')}${RULE}${RULE}\n`));
    expect(error.detail).toBe('duplicate rule id "team/domain"');
    expect(error.line).toBe(12);
  });

  it('refuses an unknown fact for the scope', () => {
    const error = errorOf(pack('fact', `${header('fact')}${RULE.replace('fact: profile', 'fact: node')}\n`));
    expect(error.detail).toMatch(/unknown fact "node" \(known: profile, param\) \(scope ptp4lProfile\)/);
  });

  it('refuses a cycle in extends', () => {
    pack('a', `${header('a', '  extends: [./b.yaml]\n')} []\n`);
    pack('b', `${header('b', '  extends: [./a.yaml]\n')} []\n`);
    expect(errorOf(join(dir, 'a.yaml')).detail).toMatch(
      /^extends cycle: .*a\.yaml -> .*b\.yaml -> .*a\.yaml$/,
    );
  });

  it('refuses an extends that does not exist, at its line', () => {
    const error = errorOf(pack('missing', `${header('missing', '  extends: [./nowhere.yaml]\n')} []\n`));
    expect(error.detail).toMatch(/extends "\.\/nowhere\.yaml": no such file/);
    expect(error.line).toBe(6);
  });

  it('inherits rules, replaces one by id, switches one off and merges parameters', () => {
    pack(
      'base',
      `${header('base', '  parameters: { maxOffset: 100, keep: 1 }\n')}${RULE}\n    - id: team/other\n      severity: minor\n      title: t\n      when: { any: [ { fact: param, path: $.keep, operator: equal, value: 1 } ] }\n      message: m\n`,
    );
    const child = loadPack(
      pack(
        'child',
        `${header('child', '  extends: [./base.yaml]\n  parameters: { maxOffset: 50 }\n')}${RULE.replace('severity: moderate', 'severity: critical')}\n    - id: team/other\n      enabled: false\n      severity: minor\n      title: t\n      when: { any: [ { fact: param, path: $.keep, operator: equal, value: 1 } ] }\n      message: m\n`,
      ),
    );
    expect(child.pack.spec.rules.map((r) => [r.id, r.severity])).toEqual([['team/domain', 'critical']]);
    expect(child.pack.spec.parameters).toEqual({ maxOffset: 50, keep: 1 });
    expect(child.inherits).toEqual(['base']);
  });

  it('refuses a suppression without a reason', () => {
    const error = errorOf(
      pack(
        'suppress',
        `${header('suppress', "  suppressions: [ { rule: team/domain, reason: ' ' } ]\n")}${RULE}\n`,
      ),
    );
    expect(error.detail).toMatch(/a suppression needs a reason/);
  });

  it('refuses a file that is not there, and a file that is not a pack', () => {
    expect(errorOf(join(dir, 'absent.yaml')).detail).toBe('no such file');
    expect(errorOf(pack('notpack', 'kind: PtpConfig\n')).detail).toMatch(/apiVersion/);
  });
});
