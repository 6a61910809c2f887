import { bcUpstreamLoss } from './bc-upstream-loss.js';
import { betterGmJoins } from './better-gm-joins.js';
import { domainMismatch } from './domain-mismatch.js';
import { gmClassDegrades } from './gm-class-degrades.js';
import { gmDies } from './gm-dies.js';
import { jbodSoftware } from './jbod-software.js';
import { linkFlap } from './link-flap.js';
import type { Scenario } from './scenario.js';
import { transportMismatch } from './transport-mismatch.js';

/** Every lab scenario, in the order `npm run lab` lists them. */
export const SCENARIOS: Scenario[] = [
  gmDies,
  gmClassDegrades,
  linkFlap,
  betterGmJoins,
  domainMismatch,
  transportMismatch,
  jbodSoftware,
  bcUpstreamLoss,
];

export function scenarioNamed(name: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name);
}
