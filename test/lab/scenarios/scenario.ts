import type { Lab } from '../topology/lab.js';
import type { TopologySpec } from '../topology/topology-spec.js';

/** A fault of the lab: a declared topology and the script that drives it (scenarios/index.ts lists them). */
export interface Scenario {
  /** kebab-case; the argument of `npm run lab -- NAME`. */
  name: string;
  title: string;
  topology: TopologySpec;
  /** Waits for the start state, then drives the fault and waits for its outcome; throws on a missed state. */
  fault(lab: Lab, log: (line: string) => void): Promise<void>;
}

/** Lets the clocks print a little more: offsets after the start state, the outcome of a fault. */
export function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
