import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_NAMES } from '../../../core/rules/operator-values.js';
import { DOMAIN_OPERATORS, ENGINE_OPERATORS } from '../../../core/rules/operators.js';
import { PackError } from '../../../core/rules/pack-error.js';
import { loadPack } from '../../../core/rules/pack-loader.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-typed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A node pack with one rule whose single condition is `condition` (line 14), and `extra` under spec. */
function nodePack(name: string, condition: string, extra = ''): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `apiVersion: ptp-mcp/v1
kind: RulePack
metadata: { name: ${name.toLowerCase()} }
spec:
  scope: node
${extra}  rules:
    - id: team/check
      severity: minor
      title: a check
      message: m
      when:
        all:
          -
            ${condition}
`,
  );
  return file;
}

/** The refusal as `line N: message` (the column is that of the key or value, which YAML layout decides). */
function errorOf(file: string): string {
  try {
    loadPack(file);
  } catch (error) {
    if (error instanceof PackError) return `line ${error.line}: ${error.detail}`;
    throw error;
  }
  throw new Error('no error');
}

describe('a condition that could never fire is refused when the pack loads', () => {
  it('a misspelt fact path: the line of the path and the nearest name', () => {
    const file = nodePack(
      'misspelt',
      '{ fact: node, path: $.offset.maxAbsolute, operator: numberAbove, value: 100 }',
    );
    expect(errorOf(file)).toBe(
      `line 14: fact node has no $.offset.maxAbsolute: did you mean $.offset.maxAbs? ($.offset has maxAbs, p99Abs, from, process); \`ptp-mcp rules facts --scope node\` lists what a rule of scope node reads`,
    );
  });

  it('a fact of another scope, and a path through a fact another fact compares with', () => {
    expect(
      errorOf(nodePack('scope', '{ fact: process, path: $.name, operator: equal, value: ptp4l }')),
    ).toMatch(/^line 14: unknown fact "process".*\(scope node\)$/);
    expect(
      errorOf(
        nodePack(
          'other',
          '{ fact: node, path: $.offset.maxAbs, operator: greaterThan, value: { fact: node, path: $.threshold.max } }',
        ),
      ),
    ).toMatch(/^line 14: fact node has no \$\.threshold\.max: did you mean \$\.threshold\.maxAbs\?/);
  });

  it('a message placeholder that would print "?": the line of the message', () => {
    const file = nodePack(
      'template',
      '{ fact: node, path: $.offset.maxAbs, operator: numberAbove, value: 100 }',
    );
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('message: m', 'message: "{{node.offset.max}} ns on {{node.name}}"'),
    );
    expect(errorOf(file)).toMatch(
      /^line 10: fact node has no \$\.offset\.max: did you mean \$\.offset\.maxAbs\?/,
    );
  });

  it('a parameter the pack does not have, with the nearest one', () => {
    const params = '  parameters: { budgetNs: 50 }\n';
    expect(
      errorOf(
        nodePack(
          'param',
          '{ fact: node, path: $.offset.maxAbs, operator: numberAbove, value: { fact: param, path: $.budgetNS } }',
          params,
        ),
      ),
    ).toMatch(/^line 15: no parameter \$\.budgetNS in spec\.parameters: did you mean budgetNs\?$/);
    expect(
      errorOf(nodePack('param-fact', '{ fact: param, path: $.budget, operator: equal, value: 1 }', params)),
    ).toMatch(/^line 15: no parameter \$\.budget in spec\.parameters: did you mean budgetNs\?/);
  });

  it.each([
    ['inRange', '5', 'inRange takes [min, max]: two numbers, min ≤ max'],
    ['notInRange', '[10, 1]', 'notInRange takes [min, max]: two numbers, min ≤ max'],
    ['in', 'LOCKED', 'in takes a list of values'],
    ['notOneOf', '[]', 'notOneOf takes a list of values'],
    ['countAbove', "'0'", 'countAbove takes a whole number ≥ 0'],
    ['greaterThan', "'100'", 'greaterThan takes a number'],
    ['versionAtLeast', '4', 'versionAtLeast takes a version such as "4.0" (a string)'],
    ['durationAbove', 'soon', 'durationAbove takes a duration ("5m", "30s") or a number of seconds'],
    ['equal', '[1, 2]', 'equal takes a string, number, boolean or null'],
  ])('%s with value %s: the line of the value and what the operator takes', (operator, value, message) => {
    const file = nodePack(
      operator,
      `{ fact: node, path: $.offset.maxAbs, operator: ${operator}, value: ${value} }`,
    );
    expect(errorOf(file)).toBe(`line 14: ${message}`);
  });

  it('a parameter of the wrong type for its operator says which parameter', () => {
    const file = nodePack(
      'range-param',
      '{ fact: node, path: $.offset.maxAbs, operator: inRange, value: { fact: param, path: $.window } }',
      '  parameters: { window: 100 }\n',
    );
    expect(errorOf(file)).toBe(
      `line 15: inRange takes [min, max]: two numbers, min ≤ max (parameter $.window is 100)`,
    );
  });

  it('values each operator takes load', () => {
    for (const [operator, value] of [
      ['inRange', "[0, '0x10']"],
      ['oneOf', '[LOCKED, 1]'],
      ['durationAbove', '5m'],
      ['exists', 'false'],
      ['versionBelow', "'4.4-1.el9'"],
    ])
      expect(
        loadPack(
          nodePack(
            `ok-${operator}`,
            `{ fact: node, path: $.offset.maxAbs, operator: ${operator}, value: ${value} }`,
          ),
        ).pack.spec.rules,
      ).toHaveLength(1);
  });

  it('every operator the engine runs declares the value it takes', () => {
    expect([...OPERATOR_NAMES].sort()).toEqual(
      [...ENGINE_OPERATORS, ...Object.keys(DOMAIN_OPERATORS)].sort(),
    );
  });
});
