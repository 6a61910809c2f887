import { beforeAll, describe } from 'vitest';
import { labDescribe } from './lab.js';
import { type LiveRun, runLive } from './scenarios/live-run.js';
import { LAB_SUITES } from './suites/index.js';

/**
 * Every lab scenario on real ptp4l 3.1.1 (test/lab/suites), run side by side (each in its own namespaces,
 * at most four at once: scenarios/live-run.ts) so the lab stays within minutes; each scenario's tests
 * then check what ptp-mcp made of it. A scenario that fails fails its own tests only, with its error.
 */
labDescribe(['ip', 'ptp4l', 'pmc', 'ethtool', 'unshare'])('lab scenarios on real ptp4l', () => {
  const results = new Map<string, PromiseSettledResult<LiveRun>>();
  beforeAll(async () => {
    const settled = await Promise.allSettled(LAB_SUITES.map((suite) => runLive(suite.scenario)));
    for (const [i, suite] of LAB_SUITES.entries()) results.set(suite.scenario.name, settled[i]!);
  }, 280_000);

  for (const suite of LAB_SUITES) {
    describe(suite.scenario.name, () => {
      suite.tests(() => {
        const result = results.get(suite.scenario.name);
        if (result?.status === 'fulfilled') return result.value;
        throw result?.reason ?? new Error(`${suite.scenario.name} did not run`);
      });
    });
  }
});
