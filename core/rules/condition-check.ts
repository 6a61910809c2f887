import { closestName } from './closest-name.js';
import { factPathProblem } from './fact-path-check.js';
import { factSchema, scopeFacts } from './facts/scope-facts.js';
import { templateReads } from './message-template.js';
import { knownOperatorNames, operatorValueProblem, parameterPathProblem } from './operator-values.js';
import { PackError } from './pack-error.js';
import type { Condition, PackScope, RulePack } from './pack-schema.js';
import type { Locate } from './yaml-file.js';

type At = (string | number)[];

/**
 * Every condition of a pack (its `extends` merged) must be able to fire: operators, condition references,
 * facts and their paths exist in the rule's scope (facts/scope-facts.ts), values suit their operator,
 * parameters named exist. The first problem is a PackError at the line of this file that causes it.
 */
export function checkConditions(merged: RulePack, file: string, position: Locate, own: RulePack): void {
  const fail = (path: At, message: string): never => {
    const [line, column] =
      path[0] === 'spec' && ownsPath(own, path) ? position(path) : [undefined, undefined];
    throw new PackError(file, line, column, message);
  };
  const parameters = merged.spec.parameters;
  /** A fact and path read in `scope` (a fact of that scope, a key its schema has), refused at `factAt`/`pathAt`. */
  const checkFact = (
    scope: PackScope,
    fact: string,
    path: string | undefined,
    factAt: At,
    pathAt = factAt,
  ) => {
    const schema = factSchema(scope, fact);
    if (!schema) {
      fail(factAt, `${unknownName('fact', fact, [...scopeFacts(scope)])} (scope ${scope})`);
      return;
    }
    const problem =
      fact === 'param'
        ? parameterPathProblem(parameters, path ?? '$')
        : factPathProblem(schema, fact, path ?? '$');
    if (problem)
      fail(
        pathAt,
        `${problem}; \`ptp-mcp rules facts --scope ${scope}\` lists what a rule of scope ${scope} reads`,
      );
  };
  const visit = (scope: PackScope, condition: Condition, at: At): void => {
    if ('all' in condition) {
      for (const [i, c] of condition.all.entries()) visit(scope, c, [...at, 'all', i]);
    } else if ('any' in condition) {
      for (const [i, c] of condition.any.entries()) visit(scope, c, [...at, 'any', i]);
    } else if ('not' in condition) visit(scope, condition.not, [...at, 'not']);
    else if ('condition' in condition) {
      if (!(condition.condition in merged.spec.conditions))
        fail([...at, 'condition'], `no condition named "${condition.condition}" in spec.conditions`);
    } else {
      if (!knownOperatorNames().includes(condition.operator)) {
        fail([...at, 'operator'], unknownName('operator', condition.operator, knownOperatorNames()));
      }
      const pathAt = [...at, condition.path === undefined ? 'fact' : 'path'];
      checkFact(scope, condition.fact, condition.path, [...at, 'fact'], pathAt);
      const problem = operatorValueProblem(condition.operator, condition.value, parameters);
      if (problem) fail([...at, 'value'], problem);
      const other = factReference(condition.value);
      if (other && other.fact !== 'param') checkFact(scope, other.fact, other.path, [...at, 'value']);
    }
  };
  for (const rule of merged.spec.rules) {
    const index = own.spec.rules.findIndex((r) => r.id === rule.id);
    const at: At = index >= 0 ? ['spec', 'rules', index] : ['inherited', rule.id];
    const scope = rule.scope ?? merged.spec.scope;
    visit(scope, rule.when, [...at, 'when']);
    if (rule.locate)
      checkFact(
        scope,
        rule.locate.fact,
        rule.locate.path,
        [...at, 'locate', 'fact'],
        [...at, 'locate', 'path'],
      );
    for (const field of ['message', 'remediation'] as const) {
      for (const { fact, path } of templateReads(rule[field] ?? ''))
        checkFact(scope, fact, path, [...at, field]);
    }
  }
  for (const [name, condition] of Object.entries(merged.spec.conditions)) {
    visit(merged.spec.scope, condition, ['spec', 'conditions', name]);
  }
}

/** `{ fact: node, path: $.threshold.maxAbs }` as a value: json-rules-engine compares with that fact. */
function factReference(value: unknown): { fact: string; path?: string } | undefined {
  if (typeof value !== 'object' || value === null || !('fact' in value)) return undefined;
  const { fact, path } = value as { fact: unknown; path?: unknown };
  return typeof fact === 'string' ? { fact, path: typeof path === 'string' ? path : undefined } : undefined;
}

function ownsPath(own: RulePack, path: At): boolean {
  return path[1] === 'rules' ? typeof path[2] === 'number' && path[2] < own.spec.rules.length : true;
}

/** `unknown operator "greaterThen": did you mean greaterThan? (known: …)`. */
function unknownName(what: string, name: string, known: string[]): string {
  const suggestion = closestName(name, known);
  return `unknown ${what} "${name}"${suggestion ? `: did you mean ${suggestion}?` : ''} (known: ${known.join(', ')})`;
}
