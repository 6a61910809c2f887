import { closestName } from '../rules/closest-name.js';
import { PackError } from '../rules/pack-error.js';
import { builtInPackNames } from '../rules/pack-loader.js';

/** The config file's `packs.disable` and `packs.replace`: which built-in packs run, and from which file. */
export interface PackPolicy {
  /** Built-in pack names never run. */
  disable?: readonly string[];
  /** A built-in pack name → the pack file run in its place. */
  replace?: Readonly<Record<string, string>>;
}

/**
 * The pack references to run once the policy is applied: a disabled built-in pack is dropped, a replaced
 * one becomes its file. Only packs run by name are affected: rules a pack inherits through `extends` stay
 * part of that pack (replace the extending pack to change them).
 */
export function applyPackPolicy(references: readonly string[], policy: PackPolicy | undefined): string[] {
  if (!policy) return [...references];
  const disabled = new Set(policy.disable ?? []);
  return references
    .filter((reference) => !disabled.has(reference))
    .map((reference) => policy.replace?.[reference] ?? reference);
}

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
