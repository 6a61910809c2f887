import { z } from 'zod';
import { parseDuration } from '../duration.js';
import { closestName } from './closest-name.js';
import { keysOf } from './fact-path.js';
import { asNumber } from './operators.js';
import { pluginOperators } from './plugin-operators.js';
import { regexProblem } from './user-regex.js';

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** Numbers, numeric strings and 0x hex: what the domain operators compare as numbers (config values are text). */
const NumberLike = z.union([z.number(), z.string()]).refine((value) => asNumber(value) !== undefined);

interface OperatorValue {
  /** What the operator takes, for the error: "[min, max]: two numbers, min ≤ max". */
  takes: string;
  /** A zod schema (a plugin's operator may bring its own copy of zod: only safeParse is used). */
  schema: { safeParse(value: unknown): { success: boolean } };
}

const number: OperatorValue = { takes: 'a number', schema: z.number() };
const scalar: OperatorValue = { takes: 'a string, number, boolean or null', schema: Scalar };
const list: OperatorValue = { takes: 'a list of values', schema: z.array(Scalar).min(1) };
const range: OperatorValue = {
  takes: '[min, max]: two numbers, min ≤ max',
  schema: z.tuple([NumberLike, NumberLike]).refine(([low, high]) => asNumber(low)! <= asNumber(high)!),
};
const regex: OperatorValue = { takes: 'a regular expression (a string)', schema: z.string() };
const version: OperatorValue = {
  takes: 'a version such as "4.0" (a string)',
  schema: z.string().regex(/^\d+(\.\d+)*([.-][\w.-]+)?$/),
};

/**
 * The value each operator takes (json-rules-engine's: engine-default-operators.js; ours: operators.ts),
 * checked when a pack loads: a value the operator cannot use would make its rule silently never fire.
 */
export const OPERATOR_VALUES: Readonly<Record<string, OperatorValue>> = {
  equal: scalar,
  notEqual: scalar,
  in: list,
  notIn: list,
  contains: scalar,
  doesNotContain: scalar,
  lessThan: number,
  lessThanInclusive: number,
  greaterThan: number,
  greaterThanInclusive: number,
  inRange: range,
  notInRange: range,
  matches: regex,
  notMatches: regex,
  oneOf: list,
  notOneOf: list,
  versionAtLeast: version,
  versionBelow: version,
  durationAbove: {
    takes: 'a duration ("5m", "30s") or a number of seconds',
    schema: z.union([z.number(), z.string().refine((text) => parseDuration(text) !== undefined)]),
  },
  numberAbove: { takes: 'a number', schema: NumberLike },
  numberBelow: { takes: 'a number', schema: NumberLike },
  exists: { takes: 'true or false', schema: z.boolean().optional() },
  changedFrom: scalar,
  countAbove: { takes: 'a whole number ≥ 0', schema: z.number().int().min(0) },
  transitionOutside: {
    takes: '{ allowed: [[from, to], …], groups: { name: [values] } }',
    schema: z.strictObject({
      allowed: z.array(z.tuple([Scalar, Scalar])),
      groups: z.record(z.string(), z.array(Scalar)).optional(),
    }),
  },
};

/** json-rules-engine's and ours: the names a condition's `operator` can take. */
export const OPERATOR_NAMES: ReadonlySet<string> = new Set(Object.keys(OPERATOR_VALUES));

/** The built-in operators and those of the plugins this run loaded (plugin-operators.ts). */
export function knownOperatorNames(): string[] {
  return [...OPERATOR_NAMES, ...pluginOperators().keys()];
}

/**
 * Why a condition's value cannot serve its operator, or undefined. A value naming a pack parameter
 * (`{ fact: param, path: $.name }`) is checked as that parameter; one naming another fact is known only
 * at run time (its path is checked against the fact's schema, as a condition's own).
 */
export function operatorValueProblem(
  operator: string,
  value: unknown,
  parameters: Record<string, unknown>,
): string | undefined {
  const plugin = pluginOperators().get(operator);
  const declared = OPERATOR_VALUES[operator] ?? (plugin && { takes: plugin.takes, schema: plugin.value });
  if (!declared) return undefined;
  let checked = value;
  let named = '';
  if (typeof value === 'object' && value !== null && 'fact' in value) {
    const { fact, path } = value as { fact: unknown; path?: unknown };
    if (fact !== 'param') return undefined;
    const where = typeof path === 'string' ? path : '$';
    const missing = parameterPathProblem(parameters, where);
    if (missing) return missing;
    checked = valueAtPath(parameters, where);
    named = ` (parameter ${where} is ${JSON.stringify(checked) ?? 'nothing'})`;
  }
  if (!declared.schema.safeParse(checked).success) return `${operator} takes ${declared.takes}${named}`;
  if ((operator === 'matches' || operator === 'notMatches') && typeof checked === 'string') {
    return regexProblem(checked);
  }
  return undefined;
}

/** Why `path` names no parameter of the pack, or undefined: `no parameter $.holdoverCriticalPtc: did you mean …?`. */
export function parameterPathProblem(parameters: Record<string, unknown>, path: string): string | undefined {
  const keys = keysOf(path);
  if (keys === null) return undefined;
  let current: unknown = parameters;
  for (const [index, key] of keys.entries()) {
    const here = current !== null && typeof current === 'object' ? (current as Record<string, unknown>) : {};
    if (!Object.hasOwn(here, key)) {
      const suggestion = closestName(key, Object.keys(here));
      const at = `$.${keys.slice(0, index + 1).join('.')}`;
      return `no parameter ${at} in spec.parameters${suggestion ? `: did you mean ${suggestion}?` : ''}`;
    }
    current = here[key];
  }
  return undefined;
}

function valueAtPath(parameters: Record<string, unknown>, path: string): unknown {
  let current: unknown = parameters;
  for (const key of keysOf(path) ?? []) current = (current as Record<string, unknown>)[key];
  return current;
}
