import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { ZodIssue } from 'zod';
import { packageRoot } from '../package-root.js';
import { scopeFacts } from './facts/scope-facts.js';
import { OPERATOR_NAMES } from './operators.js';
import { PackError } from './pack-error.js';
import { type Condition, RulePack } from './pack-schema.js';

/** A pack with its `extends` resolved: the rules, parameters and conditions it ends up with. */
export interface LoadedPack {
  pack: RulePack;
  /** The file it was read from. */
  file: string;
  /** Names of the packs it inherits from, nearest first. */
  inherits: string[];
}

const MAX_PACK_BYTES = 4 * 1024 * 1024;

export function builtInPacksDir(): string {
  return join(packageRoot(), 'rules');
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
  const { pack, document, lineCounter } = readPack(file);
  const position = (path: (string | number)[]) => positionOf(document, lineCounter, path);
  duplicateIds(pack, file, position);

  let merged = pack;
  const inherits: string[] = [];
  for (const [index, reference] of pack.spec.extends.entries()) {
    let parent: LoadedPack;
    try {
      parent = loadResolved(resolvePackReference(reference, dirname(file)), [...chain, file]);
    } catch (error) {
      if (error instanceof PackError && error.detail.startsWith('cannot read')) {
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

function readPack(file: string): { pack: RulePack; document: Document.Parsed; lineCounter: LineCounter } {
  let text: string;
  try {
    if (statSync(file).size > MAX_PACK_BYTES)
      throw new PackError(file, undefined, undefined, `larger than ${MAX_PACK_BYTES} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError(
      file,
      undefined,
      undefined,
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    throw new PackError(file, line, col, `YAML: ${syntax.message.split('\n')[0]}`);
  }
  const result = RulePack.safeParse(document.toJS({ maxAliasCount: 100 }));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const [line, column] = positionOf(document, lineCounter, issue.path as (string | number)[]);
    throw new PackError(file, line, column, describeIssue(issue));
  }
  return { pack: result.data, document, lineCounter };
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

type Locate = (path: (string | number)[]) => [number | undefined, number | undefined];

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

/** Operators, condition references and facts must exist; reported at the rule of this file that uses them. */
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
        fail(
          [...at, 'operator'],
          `unknown operator "${condition.operator}"; known: ${[...OPERATOR_NAMES].join(', ')}`,
        );
      }
      const facts = scopeFacts(scope);
      if (!facts.includes(condition.fact)) {
        fail(
          [...at, 'fact'],
          `unknown fact "${condition.fact}" for scope ${scope}; known: ${facts.join(', ')}`,
        );
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

function positionOf(
  document: Document.Parsed,
  lineCounter: LineCounter,
  path: (string | number)[],
): [number | undefined, number | undefined] {
  // The deepest node of the path that exists: a missing key is reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    const range =
      node && typeof node === 'object' ? (node as { range?: [number, number, number] }).range : undefined;
    if (range) {
      const { line, col } = lineCounter.linePos(range[0]);
      return [line, col];
    }
  }
  return [undefined, undefined];
}

function describeIssue(issue: ZodIssue): string {
  const where = issue.path.join('.') || 'the pack';
  if (issue.code === 'unrecognized_keys')
    return `${where}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union')
    return `${where}: not a valid condition (expected all, any, not, condition, or fact + operator + value)`;
  return `${where}: ${issue.message}`;
}
