import { closestName } from '../rules/closest-name.js';
import type { CachedPack, PackCache } from '../rules/pack-cache.js';
import { PackError } from '../rules/pack-error.js';
import { builtInPackNames, type LoadedPack } from '../rules/pack-loader.js';
import { PackEvaluator } from '../rules/rule-engine.js';

/** The config file's `packs.disable` and `packs.replace`: which built-in packs run, and from which file. */
export interface PackPolicy {
  /** Built-in pack names never run. */
  disable?: readonly string[];
  /** A built-in pack name → the pack file run in its place. */
  replace?: Readonly<Record<string, string>>;
}

/**
 * The pack references to run once the policy is applied: a disabled built-in pack is dropped, a replaced
 * one becomes its file. What a pack inherits from a disabled pack is dropped by runnablePacks.
 */
export function applyPackPolicy(references: readonly string[], policy: PackPolicy | undefined): string[] {
  if (!policy) return [...references];
  const disabled = new Set(policy.disable ?? []);
  return references
    .filter((reference) => !disabled.has(reference))
    .map((reference) => policy.replace?.[reference] ?? reference);
}

/**
 * The packs to run for `references` (PackCache.runnable), with the rules a pack inherits unchanged from a
 * disabled pack through `extends` dropped: disabling a pack must not leave its rules running inside the
 * packs built on it. A rule the extending pack overrides (same id, other content) is its own and stays.
 */
export function runnablePacks(
  cache: PackCache,
  references: readonly string[],
  policy: PackPolicy | undefined,
): CachedPack[] {
  const disabled = (policy?.disable ?? []).filter((name) => builtInPackNames().includes(name));
  return cache.runnable(references).map((entry) => {
    const off = disabled.filter((name) => entry.loaded.inherits.includes(name));
    if (off.length === 0) return entry;
    const key = off.join('\n');
    const byKey = withoutDisabled.get(entry) ?? new Map<string, CachedPack>();
    withoutDisabled.set(entry, byKey);
    let pruned = byKey.get(key);
    if (!pruned) {
      const inherited = new Set(
        off.flatMap((name) => cache.get(name).loaded.pack.spec.rules.map((rule) => JSON.stringify(rule))),
      );
      const rules = entry.loaded.pack.spec.rules.filter((rule) => !inherited.has(JSON.stringify(rule)));
      const loaded: LoadedPack = {
        ...entry.loaded,
        pack: { ...entry.loaded.pack, spec: { ...entry.loaded.pack.spec, rules } },
      };
      pruned = { loaded, evaluator: new PackEvaluator(loaded) };
      byKey.set(key, pruned);
    }
    return pruned;
  });
}

/** A cached pack without the rules of the disabled packs it inherits, by the names disabled. */
const withoutDisabled = new WeakMap<CachedPack, Map<string, CachedPack>>();

/**
 * Refuses a policy naming a pack that is not built in (a typo would otherwise disable nothing, silently):
 * a PackError naming the file, the nearest name and the built-in packs.
 */
export function checkPackPolicy(policy: PackPolicy, file: string): void {
  const problem = unknownBuiltInPack([...(policy.disable ?? []), ...Object.keys(policy.replace ?? {})]);
  if (problem) throw new PackError(file, undefined, undefined, `packs: ${problem}`);
}

/**
 * Pack references given by name (no slash, no .yaml ending: a built-in pack) that name no built-in pack:
 * what is wrong, the nearest name and every built-in pack; undefined when all are known.
 */
export function unknownBuiltInPack(references: readonly string[]): string | undefined {
  const builtIn = builtInPackNames();
  const unknown = references.find(
    (reference) => !reference.includes('/') && !/\.ya?ml$/.test(reference) && !builtIn.includes(reference),
  );
  if (unknown === undefined) return undefined;
  const near = closestName(unknown, builtIn);
  return `"${unknown}" is not a built-in pack${near ? ` (did you mean "${near}"?)` : ''}; built-in packs: ${builtIn.join(', ')} (or a pack file's path)`;
}
