import type { PackScope } from '../pack-schema.js';

/**
 * The facts each evaluation of a pack sees, by scope. `param` is always there: the pack's parameters,
 * so a team can change a threshold by extending a pack without rewriting its rules.
 */
const FACTS: Record<PackScope, readonly string[]> = {
  ptp4lProfile: ['profile', 'param'],
  port: ['port', 'profile', 'param'],
  option: ['option', 'profile', 'param'],
  /** One program's `xxxOpts` as its main() reads them (command-line-facts.ts). */
  commandLine: ['commandLine', 'profile', 'param'],
  node: ['node', 'param'],
  process: ['process', 'node', 'param'],
  cluster: ['cluster', 'param'],
};

export function scopeFacts(scope: PackScope): readonly string[] {
  return FACTS[scope];
}
