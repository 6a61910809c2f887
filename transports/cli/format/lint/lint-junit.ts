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
  let errors = 0;
  const files = [...new Set([...result.files.map((f) => f.path), ...result.errors.map((e) => e.source)])];
  // Grouped once: a filter per file and per profile was quadratic in a YAML of 10,000 profiles.
  const errorsOf = groupBy(result.errors, (e) => e.source);
  const profilesOf = groupBy(result.profiles, (p) => p.file);
  const failingOf = groupBy(
    result.findings.filter(
      (f) =>
        f.location && f.subject.profile !== undefined && severityRank(f.severity) >= severityRank(failOn),
    ),
    (f) => `${f.location!.file}\u0000${f.subject.profile}`,
  );
  for (const file of files) {
    const cases: string[] = [];
    for (const error of errorsOf.get(file) ?? []) {
      cases.push(
        `    <testcase classname="${xml(relativePath(file))}" name="read ${xml(relativePath(file))}"><error message="${xml(error.message)}">${xml(`${relativePath(file)}${error.line !== undefined ? `:${error.line}` : ''}: ${error.message}`)}</error></testcase>`,
      );
    }
    for (const profile of profilesOf.get(file) ?? []) {
      const failing = failingOf.get(`${file}\u0000${profile.profile}`) ?? [];
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
    // A config that could not be read is an error of the run, not a finding: JUnit's errors, not failures.
    const suiteFailures = cases.filter((c) => c.includes('<failure')).length;
    const suiteErrors = cases.filter((c) => c.includes('<error')).length;
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(
      `  <testsuite name="${xml(relativePath(file))}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ptp-mcp lint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
