import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { packageRoot } from '../package-root.js';
import { checkConditions } from './condition-check.js';
import { PackError } from './pack-error.js';
import { RulePack } from './pack-schema.js';
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

/**
 * A pack named by someone who may not read this machine's files (an MCP client): a built-in pack by
 * name, or a file inside one of the folders the operator allowed (`serve --packs-dir`), named as it is
 * there (`team`, `team.yaml`, `sub/team.yaml`). Absolute paths, `..` and links leading out of the folder
 * are refused; the error names the pack as given, never a path of this machine.
 */
export function resolveAllowedPack(reference: string, packsDirs: readonly string[]): string {
  const builtIn = builtInPackNames();
  const refuse = (detail: string) => new PackError(`pack "${reference}"`, undefined, undefined, detail, true);
  const known = `built-in packs: ${builtIn.join(', ')}${packsDirs.length ? ', or a file of the server’s packs folders' : ' (the server allows no other: serve --packs-dir DIR)'}`;
  if (builtIn.includes(reference)) return join(builtInPacksDir(), `${reference}.yaml`);
  if (isAbsolute(reference) || reference.split(/[\\/]/).includes('..') || reference.includes('\0'))
    throw refuse(`refused: a pack is named, not given as a path; ${known}`);
  const file = /\.ya?ml$/.test(reference) ? reference : `${reference}.yaml`;
  for (const dir of packsDirs) {
    let real: string;
    try {
      real = realpathSync(join(dir, file));
    } catch {
      continue;
    }
    if (!real.startsWith(realpathSync(dir) + sep))
      throw refuse('refused: a link leading out of its packs folder');
    return real;
  }
  throw refuse(`no such rule pack; ${known}`);
}

/**
 * Loads a pack file, resolves its `extends` chain and checks it; any problem is a PackError with a
 * position. With `packsDirs` (a pack an MCP client wrote), each `extends` is a pack resolveAllowedPack
 * allows, not a path.
 */
export function loadPack(reference: string, relativeTo?: string, packsDirs?: readonly string[]): LoadedPack {
  const parentOf: ParentResolver = packsDirs
    ? (parent) => resolveAllowedPack(parent, packsDirs)
    : (parent, child) => resolvePackReference(parent, dirname(child));
  return loadResolved(resolvePackReference(reference, relativeTo), [], parentOf);
}

/** The file an `extends` reference of the pack in `file` names. */
type ParentResolver = (reference: string, file: string) => string;

function loadResolved(file: string, chain: string[], parentOf: ParentResolver): LoadedPack {
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
      parent = loadResolved(parentOf(reference, file), [...chain, file], parentOf);
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
  checkConditions(merged, file, position, pack);
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
