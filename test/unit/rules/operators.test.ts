import { describe, expect, it } from 'vitest';
import { compareVersions, DOMAIN_OPERATORS } from '../../../core/rules/operators.js';

const op = (name: string, fact: unknown, value: unknown) => DOMAIN_OPERATORS[name]!(fact, value);

describe('domain operators: each fires on a violation and stays silent otherwise', () => {
  it.each([
    ['inRange', 30, [24, 43], true],
    ['inRange', '24', [24, 43], true],
    ['inRange', 44, [24, 43], false],
    ['inRange', undefined, [24, 43], false],
    ['notInRange', 44, [24, 43], true],
    ['notInRange', '0x1F', [24, 43], false],
    ['notInRange', 24, [24, 43], false],
    ['notInRange', undefined, [24, 43], false],
    ['matches', 'ens1f0', '^ens', true],
    ['matches', 'eno1', '^ens', false],
    ['notMatches', 'eno1', '^ens', true],
    ['oneOf', '-4', [-4, -3], true],
    ['oneOf', 'L2', ['UDPv4', 'UDPv6'], false],
    ['notOneOf', 'UDPv4', ['L2'], true],
    ['notOneOf', undefined, ['L2'], false],
    ['versionAtLeast', '4.4-1.el9_6.3', '4.0', true],
    ['versionAtLeast', '3.1.1', '4.0', false],
    ['versionBelow', '3.1.1', '4.0', true],
    ['durationAbove', 301, '5m', true],
    ['durationAbove', 300, '5m', false],
    ['durationAbove', 20, 10, true],
    ['numberAbove', '0x27', 0x21, true],
    ['numberBelow', '1', 10, true],
    ['numberBelow', 'x', 10, false],
    ['exists', 0, true, true],
    ['exists', undefined, true, false],
    ['exists', undefined, false, true],
    ['changedFrom', '1.0', 1, false],
    ['changedFrom', 2, 1, true],
    ['countAbove', [1, 2, 3], 2, true],
    ['countAbove', [1], 2, false],
  ])('%s(%j, %j) is %s', (name, fact, value, expected) => {
    expect(op(name as string, fact, value)).toBe(expected);
  });

  it('compares versions by their numeric parts', () => {
    expect(compareVersions('4.10', '4.9')).toBe(1);
    expect(compareVersions('4.4', '4.4.0')).toBe(0);
    expect(compareVersions('3.1.1', '4.0')).toBe(-1);
  });
});
