import type { LiveRun } from '../scenarios/live-run.js';
import type { Scenario } from '../scenarios/scenario.js';

/**
 * A scenario and the tests of what it gave. lab-scenarios.test.ts runs every suite's scenario side by
 * side (runLive), then registers `tests` in a describe of the scenario's name; `run()` is its LiveRun
 * (it throws the scenario's error when the run failed, so only that scenario's tests fail).
 */
export interface LabSuite {
  scenario: Scenario;
  tests(run: () => LiveRun): void;
}
