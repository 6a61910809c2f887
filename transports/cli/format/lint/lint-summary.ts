import type { LintResult } from '../../../../core/lint/lint-run.js';
import { SEVERITIES, type Severity, severityRank } from '../../../../core/model/finding.js';

/** Counts per severity, and which findings reach the --fail-on threshold. */
export function lintSummary(result: LintResult, failOn: Severity) {
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, result.findings.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  const failing = failingFindings(result, failOn).length;
  return {
    files: result.files.length,
    profiles: result.profiles.length,
    findings: result.findings.length,
    bySeverity,
    suppressed: result.suppressed.length,
    failOn,
    failing,
    errors: result.errors.length,
  };
}

/** The findings at or above --fail-on: those that make the run exit 1. */
export function failingFindings(result: LintResult, failOn: Severity): LintResult['findings'] {
  return result.findings.filter((f) => severityRank(f.severity) >= severityRank(failOn));
}

/** Paths as CI tools want them: relative to the working directory, with forward slashes. */
export function relativePath(path: string, cwd = process.cwd()): string {
  const prefix = `${cwd.replace(/\/$/, '')}/`;
  return (path.startsWith(prefix) ? path.slice(prefix.length) : path).replace(/\\/g, '/');
}
