import type { LintResult } from '../../../../core/lint/lint-run.js';
import type { Severity } from '../../../../core/model/finding.js';
import { lintSummary, relativePath } from './lint-summary.js';

/** `file:line:column: severity rule message [profile]`, then what was suppressed and a summary line. */
export function renderLintText(result: LintResult, failOn: Severity): string {
  const out: string[] = [];
  if (result.linuxptp.notice) out.push(`notice: ${result.linuxptp.notice}`);
  for (const error of result.errors) {
    out.push(
      `${relativePath(error.source)}${error.line !== undefined ? `:${error.line}` : ''}: error: ${error.message}`,
    );
  }
  for (const finding of result.findings) {
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
  const s = lintSummary(result, failOn);
  out.push(
    `${s.findings} finding(s) (${s.bySeverity.critical} critical, ${s.bySeverity.moderate} moderate, ${s.bySeverity.minor} minor, ${s.bySeverity.info} info) ` +
      `in ${s.profiles} profile(s) of ${s.files} file(s); ${s.suppressed} suppressed; ${s.failing} at or above ${failOn}` +
      (s.errors > 0 ? `; ${s.errors} input error(s)` : ''),
  );
  return `${out.join('\n')}\n`;
}
