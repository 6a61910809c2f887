import type { PackTestFileResult } from '../../../core/rules/pack-tests.js';
import { relativePath } from './lint/lint-summary.js';

/** One line per case (✓ or ✗ with why), per test file, then `N passed, N failed`. */
export function renderPackTests(results: readonly PackTestFileResult[]): string {
  const out: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    out.push(`${relativePath(result.file)} (pack ${result.pack.name})`);
    for (const testCase of result.cases) {
      if (testCase.passed) passed++;
      else failed++;
      out.push(`  ${testCase.passed ? '✓' : '✗'} ${testCase.name}`);
      for (const problem of testCase.problems) out.push(`      ${problem}`);
    }
  }
  out.push('', `${passed} passed, ${failed} failed`);
  return `${out.join('\n')}\n`;
}
