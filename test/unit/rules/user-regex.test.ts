import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../../core/package-root.js';
import { regexProblem, userRegex } from '../../../core/rules/user-regex.js';

describe('regexProblem: what a pack or a search may use as a regular expression', () => {
  it('accepts ordinary patterns, repetition of any depth (RE2 runs it in linear time), literal quantifier characters', () => {
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
      '^(a+)+$',
      'x(\\w*\\s?)*y',
      '\\\\1',
    ])
      expect(regexProblem(source), source).toBeUndefined();
  });

  it('names why a pattern does not compile, echoing only a short offending part', () => {
    expect(regexProblem('(ab')).toBe('invalid regular expression: missing closing ): (ab');
    expect(regexProblem('a{2,1}')).toBe('invalid regular expression: invalid repeat count: {2,1}');
    expect(regexProblem('\\p{Nope}')).toBe(
      'invalid regular expression: invalid character class range: \\p{Nope}',
    );
    const long = `(${'x'.repeat(200)}`;
    expect(regexProblem(long)).toBe('invalid regular expression: missing closing )');
  });

  it('names the construct RE2 cannot run: lookaround and backreferences', () => {
    for (const [source, construct] of [
      ['(?=a+)b', 'lookahead "(?="'],
      ['a(?!b)', 'negative lookahead "(?!"'],
      ['(?<=a)b', 'lookbehind "(?<="'],
      ['(?<!a)b', 'negative lookbehind "(?<!"'],
      ['(a)\\1', 'backreference "\\N"'],
      ['(?<n>a)\\k<n>', 'named backreference "\\k<name>"'],
    ])
      expect(regexProblem(source!), source).toBe(
        `invalid regular expression: ${construct} is not supported (patterns run on RE2, in linear time: no lookaround, no backreferences)`,
      );
  });

  it('a pattern that makes V8 backtrack exponentially answers at once', () => {
    const pattern = userRegex('^(\\S+\\s?)+X$', 'i')!;
    const line = 'a '.repeat(50_000);
    expect(pattern.test(line)).toBe(false);
    expect(pattern.test(`${line}X`)).toBe(true);
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
    for (const pattern of patterns) expect(regexProblem(pattern), pattern).toBeUndefined();
  });

  it('userRegex compiles once and gives undefined for a refused pattern', () => {
    expect(userRegex('^ens', 'i')).toBe(userRegex('^ens', 'i'));
    expect(userRegex('^ens', 'i')?.test('ENS1f0')).toBe(true);
    expect(userRegex('(a+)+$')?.test('aaa')).toBe(true);
    expect(userRegex('FAULTY|timed out', 'i')?.test('port 1: FAULTY')).toBe(true);
    expect(userRegex('(')).toBeUndefined();
    expect(userRegex('(?=a)')).toBeUndefined();
  });
});
