import type { LintResult } from '../../../../core/lint/lint-run.js';
import type { Severity } from '../../../../core/model/finding.js';
import { failingFindings, lintSummary, relativePath } from './lint-summary.js';

/**
 * `file:line:column: severity rule message [profile]`, then what was suppressed and a summary line.
 * `quiet`: only the findings at or above `failOn` are listed (the summary still counts them all).
 */
export function renderLintText(
  result: LintResult,
  failOn: Severity,
  options: { quiet?: boolean } = {},
): string {
  const out: string[] = [];
  if (result.linuxptp.notice) out.push(`notice: ${result.linuxptp.notice}`);
  for (const error of result.errors) {
    out.push(
      `${relativePath(error.source)}${error.line !== undefined ? `:${error.line}` : ''}: error: ${error.message}`,
    );
  }
  const shown = options.quiet ? failingFindings(result, failOn) : result.findings;
  for (const finding of shown) {
    const where = finding.location
      ? `${relativePath(finding.location.file)}:${finding.location.line ?? 1}:${finding.location.column ?? 1}`
      : '-';
    out.push(
      `${where}: ${finding.severity} ${finding.rule} ${finding.message} [${finding.subject.profile ?? '-'}${finding.subject.iface ? ` ${finding.subject.iface}` : ''}]`,
    );
    if (finding.remediation) out.push(`    fix: ${finding.remediation}`);
  }
  // The pack of a profile whose signals disagree (core/lint/profile-standard.ts): which one, and why.
  for (const profile of result.profiles.filter((p) => p.reason.includes('out of line'))) {
    out.push(
      `${relativePath(profile.file)}: pack ${profile.packs.join(', ')} for [${profile.profile}]: ${profile.reason}`,
    );
  }
  for (const { finding, reason } of result.suppressed) {
    out.push(
      `suppressed ${finding.rule} (${relativePath(finding.location?.file ?? '-')}:${finding.location?.line ?? '-'}): ${reason}`,
    );
  }
  out.push(lintSummaryLine(result, failOn));
  return `${out.join('\n')}\n`;
}

/** The last line of the text report: counts by severity, what was suppressed, what fails the run. */
export function lintSummaryLine(result: LintResult, failOn: Severity): string {
  const s = lintSummary(result, failOn);
  return (
    `${s.findings} finding(s) (${s.bySeverity.critical} critical, ${s.bySeverity.moderate} moderate, ${s.bySeverity.minor} minor, ${s.bySeverity.info} info) ` +
    `in ${s.profiles} profile(s) of ${s.files} file(s); ${s.suppressed} suppressed; ${s.failing} at or above ${failOn}` +
    (s.errors > 0 ? `; ${s.errors} input error(s)` : '')
  );
}
