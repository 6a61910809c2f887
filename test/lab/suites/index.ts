import { bcUpstreamLossSuite } from './bc-upstream-loss.js';
import { betterGmJoinsSuite } from './better-gm-joins.js';
import { domainMismatchSuite } from './domain-mismatch.js';
import { gmClassDegradesSuite } from './gm-class-degrades.js';
import { gmDiesSuite } from './gm-dies.js';
import { jbodSoftwareSuite } from './jbod-software.js';
import type { LabSuite } from './lab-suite.js';
import { linkFlapSuite } from './link-flap.js';
import { transportMismatchSuite } from './transport-mismatch.js';

/** The suites lab-scenarios.test.ts runs side by side. */
export const LAB_SUITES: LabSuite[] = [
  gmDiesSuite,
  gmClassDegradesSuite,
  linkFlapSuite,
  betterGmJoinsSuite,
  domainMismatchSuite,
  transportMismatchSuite,
  jbodSoftwareSuite,
  bcUpstreamLossSuite,
];
