import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Suites of a minute or more, longest first. On two workers the run ends with whichever started last: from a
 * clean clone (no timing cache) vitest starts the largest files first, and a small file that waits a minute
 * on processes (the lab's ptp4l, 10,000 HTTP sessions) could start last and lengthen the run by its whole
 * duration. Durations as CI printed them (2026-12-02).
 */
const LONG_SUITES = [
  'test/integration/http/http-sessions.test.ts',
  'test/integration/hostile-inputs.test.ts',
  'test/integration/container/image.test.ts',
  'test/integration/cli-ask.test.ts',
  'test/lab/lab-scenarios.test.ts',
  'test/integration/cli-lint.test.ts',
];

/** vitest's order (failed first, then by duration or size), with the long suites ahead of it. */
export class LongSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONG_SUITES.findIndex((suite) => file.moduleId.endsWith(suite));
      return index < 0 ? LONG_SUITES.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
