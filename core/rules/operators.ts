import type { OperatorEvaluator } from 'json-rules-engine';
import { parseDuration } from '../duration.js';
import { type UserPattern, userRegex } from './user-regex.js';

/** json-rules-engine's own operators (engine-default-operators). */
export const ENGINE_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = /^0x[\da-f]+$/i.test(value.trim()) ? Number.parseInt(value, 16) : Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

function range(value: unknown): [number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [low, high] = value.map(asNumber);
  return low === undefined || high === undefined ? undefined : [low, high];
}

/** Compares dotted versions numerically: 4.4-1.el9 ≥ 4.2 (the first non-numeric part ends the comparison). */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.-]/).map((part) => Number.parseInt(part, 10));
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const l = left[index] ?? 0;
    const r = right[index] ?? 0;
    if (Number.isNaN(l) || Number.isNaN(r)) return 0;
    if (l !== r) return l < r ? -1 : 1;
  }
  return 0;
}

/**
 * The operators the PTP domain needs beyond json-rules-engine's own. Each takes the fact's value and the
 * rule's `value`; an absent or malformed fact never matches (a missing key is not a violation of a range).
 */
export const DOMAIN_OPERATORS: Record<string, OperatorEvaluator<unknown, unknown>> = {
  /** value: [low, high], inclusive; numbers, numeric strings and 0x hex are compared as numbers. */
  inRange: (fact, value) => {
    const number = asNumber(fact);
    const bounds = range(value);
    return number !== undefined && bounds !== undefined && number >= bounds[0] && number <= bounds[1];
  },
  notInRange: (fact, value) => {
    const number = asNumber(fact);
    const bounds = range(value);
    return number !== undefined && bounds !== undefined && (number < bounds[0] || number > bounds[1]);
  },
  /** value: a regular expression (string); one regexProblem refuses never matches (only a fact can be one). */
  matches: (fact, value) => typeof fact === 'string' && patternOf(value)?.test(fact) === true,
  notMatches: (fact, value) => typeof fact === 'string' && patternOf(value)?.test(fact) === false,
  /** value: a list; the fact (a number or string) equals one of them, comparing numerically when both are numbers. */
  oneOf: (fact, value) => Array.isArray(value) && value.some((item) => looseEqual(fact, item)),
  notOneOf: (fact, value) =>
    fact !== undefined &&
    fact !== null &&
    Array.isArray(value) &&
    !value.some((item) => looseEqual(fact, item)),
  /** value: a version such as "4.0"; the fact is a version string. */
  versionAtLeast: (fact, value) =>
    typeof fact === 'string' && typeof value === 'string' && compareVersions(fact, value) >= 0,
  versionBelow: (fact, value) =>
    typeof fact === 'string' && typeof value === 'string' && compareVersions(fact, value) < 0,
  /** value: a duration ("5m", "30s") or seconds; the fact is seconds. */
  durationAbove: (fact, value) => {
    const seconds = asNumber(fact);
    const limit = typeof value === 'string' ? (parseDuration(value) ?? Number.NaN) / 1000 : asNumber(value);
    return seconds !== undefined && limit !== undefined && seconds > limit;
  },
  /** Numeric comparisons that accept numeric strings and hex (config values are text). */
  numberAbove: (fact, value) => compareNumbers(fact, value, (a, b) => a > b),
  numberBelow: (fact, value) => compareNumbers(fact, value, (a, b) => a < b),
  /** The fact is present (not undefined or null) — for "option X must not be set" rules. */
  exists: (fact, value) => (fact !== undefined && fact !== null) === (value !== false),
  /** The fact differs from `value` while being present (a changed-from-default check). */
  changedFrom: (fact, value) => fact !== undefined && fact !== null && !looseEqual(fact, value),
  /** A list fact has more than `value` entries. */
  countAbove: (fact, value) => Array.isArray(fact) && typeof value === 'number' && fact.length > value,
  /**
   * The fact is a list of `{from, to}` transitions; value `{ allowed: [[from, to], …], groups: {name: [..]} }`
   * where a from/to may name a group (`upstream` for the classes a T-BC passes through). True when one
   * transition is not allowed.
   */
  transitionOutside: (fact, value) => {
    if (!Array.isArray(fact) || typeof value !== 'object' || value === null) return false;
    const { allowed = [], groups = {} } = value as {
      allowed?: unknown[][];
      groups?: Record<string, unknown[]>;
    };
    const matches = (spec: unknown, actual: unknown) =>
      typeof spec === 'string' && Array.isArray(groups[spec])
        ? groups[spec].some((c) => looseEqual(c, actual))
        : looseEqual(spec, actual);
    return fact.some(
      (transition) =>
        !allowed.some(
          (pair) =>
            matches(pair[0], (transition as { from: unknown }).from) &&
            matches(pair[1], (transition as { to: unknown }).to),
        ),
    );
  },
};

function patternOf(value: unknown): UserPattern | undefined {
  return typeof value === 'string' ? userRegex(value) : undefined;
}

function looseEqual(a: unknown, b: unknown): boolean {
  const [x, y] = [asNumber(a), asNumber(b)];
  if (x !== undefined && y !== undefined) return x === y;
  return a === b;
}

function compareNumbers(fact: unknown, value: unknown, test: (a: number, b: number) => boolean): boolean {
  const [a, b] = [asNumber(fact), asNumber(value)];
  return a !== undefined && b !== undefined && test(a, b);
}
