import { z } from 'zod';
import type { PackScope } from '../pack-schema.js';
import { CommandLineFact, OptionFact, PortFact, ProfileFact } from './config-fact-schema.js';
import { ClusterFacts, NodeFacts, ProcessFacts } from './runtime-fact-schema.js';

/** The pack's own parameters: checked against the pack, not here. */
const Param = z
  .record(z.string(), z.unknown())
  .describe("the pack's parameters (spec.parameters, a pack extending it may override them)");

/**
 * The facts each evaluation of a pack sees, by scope, with their schemas (the types the fact builders
 * return). `param` is always there, so a team can change a threshold by extending a pack without
 * rewriting its rules.
 */
const FACTS: Record<PackScope, Record<string, z.ZodType>> = {
  ptp4lProfile: { profile: ProfileFact, param: Param },
  port: { port: PortFact, profile: ProfileFact, param: Param },
  option: { option: OptionFact, profile: ProfileFact, param: Param },
  commandLine: { commandLine: CommandLineFact, profile: ProfileFact, param: Param },
  node: { node: NodeFacts, param: Param },
  process: { process: ProcessFacts, node: NodeFacts, param: Param },
  cluster: { cluster: ClusterFacts, param: Param },
};

export function scopeFacts(scope: PackScope): readonly string[] {
  return Object.keys(FACTS[scope]);
}

/** The schema of fact `fact` in `scope`, or undefined when that scope has no such fact. */
export function factSchema(scope: PackScope, fact: string): z.ZodType | undefined {
  return Object.hasOwn(FACTS[scope], fact) ? FACTS[scope][fact] : undefined;
}
