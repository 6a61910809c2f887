import { defineConfig } from 'vitest/config';
import { LongSuitesFirst } from './test/long-suites-first.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // vitest's default is one worker on two cores; most suites wait on processes (CLIs, ptp4l, servers).
    maxWorkers: 2,
    sequence: { sequencer: LongSuitesFirst },
  },
});
