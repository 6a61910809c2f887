import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../package-root.js';
import { closestName } from './closest-name.js';
import { scopeFacts } from './facts/scope-facts.js';
import { OPERATOR_NAMES, operatorValueProblem } from './operators.js';
import { PackError } from './pack-error.js';
import { type Condition, RulePack } from './pack-schema.js';
import { type Locate, readYamlFile } from './yaml-file.js';

/** A pack with its `extends` resolved: the rules, parameters and conditions it ends up with. */
export interface LoadedPack {
  pack: RulePack;
  /** The file it was read from. */
  file: string;
  /** Names of the packs it inherits from, nearest first. */
  inherits: string[];
}

export function builtInPacksDir(): string {
  return join(packageRoot(), 'rules');
}

/** The names of the rule packs shipped under rules/ (not the intents pack beside them), sorted. */
export function builtInPackNames(): string[] {
  return readdirSync(builtInPacksDir())
    .filter(
      (name) =>
        name.endsWith('.yaml') &&
        /^kind:\s*RulePack\s*$/m.test(readFileSync(join(builtInPacksDir(), name), 'utf8')),
    )
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** `fault-severity` → rules/fault-severity.yaml; anything with a slash or a .yaml ending is a path. */
export function resolvePackReference(reference: string, relativeTo: string = process.cwd()): string {
  if (reference.includes('/') || /\.ya?ml$/.test(reference)) return resolve(relativeTo, reference);
  return join(builtInPacksDir(), `${reference}.yaml`);
}

/** Loads a pack file, resolves its `extends` chain and checks it; any problem is a PackError with a position. */
export function loadPack(reference: string, relativeTo?: string): LoadedPack {
  return loadResolved(resolvePackReference(reference, relativeTo), []);
}

function loadResolved(file: string, chain: string[]): LoadedPack {
  if (chain.includes(file)) {
    throw new PackError(file, undefined, undefined, `extends cycle: ${[...chain, file].join(' -> ')}`);
  }
  const { data: pack, position } = readYamlFile(file, RulePack, 'rule pack');
  duplicateIds(pack, file, position);

  let merged = pack;
  const inherits: string[] = [];
  for (const [index, reference] of pack.spec.extends.entries()) {
    let parent: LoadedPack;
    try {
      parent = loadResolved(resolvePackReference(reference, dirname(file)), [...chain, file]);
    } catch (error) {
      if (error instanceof PackError && error.unreadable) {
        const [line, column] = position(['spec', 'extends', index]);
        throw new PackError(file, line, column, `extends "${reference}": ${error.detail} (${error.file})`);
      }
      throw error;
    }
    if (parent.pack.spec.scope !== pack.spec.scope) {
      const [line, column] = position(['spec', 'extends', index]);
      throw new PackError(
        file,
        line,
        column,
        `extends "${reference}" of scope ${parent.pack.spec.scope}, but this pack's scope is ${pack.spec.scope}`,
      );
    }
    inherits.push(parent.pack.metadata.name, ...parent.inherits);
    merged = mergeInto(parent.pack, merged);
  }
  check(merged, file, position, pack);
  const rules = merged.spec.rules.filter((rule) => rule.enabled);
  return { pack: { ...merged, spec: { ...merged.spec, rules } }, file, inherits };
}

/** The child's rules replace the parent's of the same id (in the parent's order); new ones follow. */
function mergeInto(parent: RulePack, child: RulePack): RulePack {
  const childIds = new Map(child.spec.rules.map((rule) => [rule.id, rule]));
  const rules = parent.spec.rules.map((rule) => childIds.get(rule.id) ?? rule);
  for (const rule of child.spec.rules) if (!parent.spec.rules.some((r) => r.id === rule.id)) rules.push(rule);
  return {
    ...child,
    spec: {
      ...child.spec,
      parameters: { ...parent.spec.parameters, ...child.spec.parameters },
      conditions: { ...parent.spec.conditions, ...child.spec.conditions },
      suppressions: [...parent.spec.suppressions, ...child.spec.suppressions],
      rules,
    },
  };
}

function duplicateIds(pack: RulePack, file: string, position: Locate): void {
  const seen = new Set<string>();
  pack.spec.rules.forEach((rule, index) => {
    if (seen.has(rule.id)) {
      const [line, column] = position(['spec', 'rules', index, 'id']);
      throw new PackError(file, line, column, `duplicate rule id "${rule.id}"`);
    }
    seen.add(rule.id);
  });
}

/** Operators, condition references and facts must exist, values suit their operator; reported at the rule of this file that uses them. */
function check(merged: RulePack, file: string, position: Locate, own: RulePack): void {
  let scope = merged.spec.scope;
  const visit = (condition: Condition, at: (string | number)[]): void => {
    if ('all' in condition) {
      for (const [i, c] of condition.all.entries()) visit(c, [...at, 'all', i]);
    } else if ('any' in condition) {
      for (const [i, c] of condition.any.entries()) visit(c, [...at, 'any', i]);
    } else if ('not' in condition) visit(condition.not, [...at, 'not']);
    else if ('condition' in condition) {
      if (!(condition.condition in merged.spec.conditions))
        fail([...at, 'condition'], `no condition named "${condition.condition}" in spec.conditions`);
    } else {
      if (!OPERATOR_NAMES.has(condition.operator)) {
        fail([...at, 'operator'], unknownName('operator', condition.operator, [...OPERATOR_NAMES]));
      }
      const problem = operatorValueProblem(condition.operator, condition.value, merged.spec.parameters);
      if (problem) fail([...at, 'value'], problem);
      const facts = scopeFacts(scope);
      if (!facts.includes(condition.fact)) {
        fail([...at, 'fact'], `${unknownName('fact', condition.fact, [...facts])} (scope ${scope})`);
      }
    }
  };
  const fail = (path: (string | number)[], message: string): never => {
    const [line, column] =
      path[0] === 'spec' && ownsPath(own, path) ? position(path) : [undefined, undefined];
    throw new PackError(file, line, column, message);
  };
  for (const rule of merged.spec.rules) {
    const index = own.spec.rules.findIndex((r) => r.id === rule.id);
    scope = rule.scope ?? merged.spec.scope;
    visit(rule.when, index >= 0 ? ['spec', 'rules', index, 'when'] : ['inherited', rule.id]);
  }
  scope = merged.spec.scope;
  for (const [name, condition] of Object.entries(merged.spec.conditions)) {
    visit(condition, ['spec', 'conditions', name]);
  }
}

function ownsPath(own: RulePack, path: (string | number)[]): boolean {
  return path[1] === 'rules' ? typeof path[2] === 'number' && path[2] < own.spec.rules.length : true;
}

/** `unknown operator "greaterThen": did you mean greaterThan? (known: …)`. */
function unknownName(what: string, name: string, known: string[]): string {
  const suggestion = closestName(name, known);
  return `unknown ${what} "${name}"${suggestion ? `: did you mean ${suggestion}?` : ''} (known: ${known.join(', ')})`;
}
