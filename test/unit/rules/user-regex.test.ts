import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../../core/package-root.js';
import { regexProblem, userRegex } from '../../../core/rules/user-regex.js';

describe('regexProblem: what a pack may use as a regular expression', () => {
  it('accepts ordinary patterns, bounded or single repetition, and quantifier characters that are literal', () => {
    for (const source of [
      '^ens\\d+f\\d+$',
      '(?:a|b)+',
      '(a*)?',
      '(a{2,3})+',
      '\\(a+\\)+',
      '[(]+',
      '[a-z(+]+',
      '(?:\\w+\\s+)?sync',
      '(?<name>x)+y+',
      '(?=a+)b',
      '[]a+',
    ])
      expect(regexProblem(source), source).toBeUndefined();
  });

  it('names why a pattern does not compile', () => {
    expect(regexProblem('(ab')).toBe('invalid regular expression: Unterminated group');
    expect(regexProblem('a{2,1}')).toBe('invalid regular expression: numbers out of order in {} quantifier');
    expect(regexProblem('\\p{Nope}', 'u')).toBe('invalid regular expression: Invalid property name');
  });

  it('refuses a group repeated without bound that repeats without bound inside (exponential backtracking)', () => {
    for (const [source, nested] of [
      ['^(a+)+$', '(a+)+'],
      ['x(\\w*\\s?)*y', '(\\w*\\s?)*'],
      ['((ab)*c)*', '((ab)*c)*'],
      ['(?:a{2,})*', '(?:a{2,})*'],
      ['(?<n>[a-z]+-)+$', '(?<n>[a-z]+-)+'],
      ['((a+))+', '((a+))+'],
    ])
      expect(regexProblem(source!), source).toBe(
        `invalid regular expression: "${nested}" repeats a group that repeats itself, which can take exponential time; repeat only one of them`,
      );
  });

  it('refuses a pattern longer than 1000 characters', () => {
    expect(regexProblem('a'.repeat(1001))).toBe(
      'invalid regular expression: 1001 characters, more than 1000',
    );
  });

  it('every pattern of the built-in intents and rule packs passes', () => {
    const intents = parse(readFileSync(join(packageRoot(), 'rules', 'nlq-intents.yaml'), 'utf8'));
    const patterns: string[] = [
      ...intents.spec.outOfScope,
      ...intents.spec.intents.flatMap((intent: { patterns?: string[] }) => intent.patterns ?? []),
    ];
    expect(patterns.length).toBeGreaterThan(50);
    for (const pattern of patterns) expect(regexProblem(pattern, 'i'), pattern).toBeUndefined();
  });

  it('userRegex compiles once and gives undefined for a refused pattern', () => {
    expect(userRegex('^ens', 'i')).toBe(userRegex('^ens', 'i'));
    expect(userRegex('^ens', 'i')?.test('ENS1f0')).toBe(true);
    expect(userRegex('(a+)+$')).toBeUndefined();
    expect(userRegex('(')).toBeUndefined();
  });
});
