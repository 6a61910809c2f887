import type { PluginOperator } from '../plugins/plugin-schema.js';
import { PackError } from './pack-error.js';

/**
 * The operators of the plugins a run loaded (the config's `plugins`), besides json-rules-engine's and
 * ours. Packs load in many places (diagnose's service, lint, rules validate, MCP's evaluate_rules): the
 * composition root sets them once for the process before any pack loads, and a pack can use no operator
 * that no plugin named in the config brings.
 */
let operators: ReadonlyMap<string, PluginOperator> = new Map();

/** Replaces the plugin operators; one named like a built-in operator is refused (it would change every pack). */
export function useOperators(given: readonly PluginOperator[], builtIn: ReadonlySet<string>): void {
  const clash = given.find((operator) => builtIn.has(operator.name));
  if (clash)
    throw new PackError(
      `operator ${clash.name}`,
      undefined,
      undefined,
      `a plugin operator cannot replace the built-in operator "${clash.name}"`,
    );
  operators = new Map(given.map((operator) => [operator.name, operator]));
}

export function pluginOperators(): ReadonlyMap<string, PluginOperator> {
  return operators;
}
