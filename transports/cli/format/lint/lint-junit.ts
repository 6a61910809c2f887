import type { LintResult } from '../../../../core/lint/lint-run.js';
import { type Severity, severityRank } from '../../../../core/model/finding.js';
import { relativePath } from './lint-summary.js';

function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/**
 * JUnit XML for GitLab and other CI test reports: a suite per file, a failing case per finding at or
 * above --fail-on, a passing case per profile without one, an error case per input that could not be read.
 */
export function renderJunit(result: LintResult, failOn: Severity): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const files = [...new Set([...result.files.map((f) => f.path), ...result.errors.map((e) => e.source)])];
  for (const file of files) {
    const cases: string[] = [];
    for (const error of result.errors.filter((e) => e.source === file)) {
      cases.push(
        `    <testcase classname="${xml(relativePath(file))}" name="read ${xml(relativePath(file))}"><error message="${xml(error.message)}">${xml(`${relativePath(file)}${error.line !== undefined ? `:${error.line}` : ''}: ${error.message}`)}</error></testcase>`,
      );
    }
    for (const profile of result.profiles.filter((p) => p.file === file)) {
      const failing = result.findings.filter(
        (f) =>
          f.location?.file === file &&
          f.subject.profile === profile.profile &&
          severityRank(f.severity) >= severityRank(failOn),
      );
      for (const finding of failing) {
        const where = `${relativePath(file)}:${finding.location?.line ?? 1}`;
        cases.push(
          `    <testcase classname="${xml(relativePath(file))}" name="${xml(`${profile.profile}: ${finding.rule} (line ${finding.location?.line ?? '-'})`)}"><failure type="${finding.severity}" message="${xml(finding.message)}">${xml(`${where}: ${finding.message}${finding.remediation ? `\nfix: ${finding.remediation}` : ''}`)}</failure></testcase>`,
        );
      }
      if (failing.length === 0) {
        cases.push(
          `    <testcase classname="${xml(relativePath(file))}" name="${xml(`${profile.profile}: no finding at or above ${failOn}`)}"/>`,
        );
      }
    }
    const suiteFailures = cases.filter((c) => c.includes('<failure') || c.includes('<error')).length;
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${xml(relativePath(file))}" tests="${cases.length}" failures="${suiteFailures}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ptp-mcp lint" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
