import type { LintResult } from '../../../../core/lint/lint-run.js';
import { type Severity, severityRank } from '../../../../core/model/finding.js';
import { relativePath } from './lint-summary.js';

/**
 * GitHub Actions workflow commands: each finding annotates its line in the pull request, as an error
 * when it fails the job (at or above --fail-on), a warning below that, a notice when it is only info.
 */
export function renderGithub(result: LintResult, failOn: Severity): string {
  const command = (severity: Severity) =>
    severityRank(severity) >= severityRank(failOn) ? 'error' : severity === 'info' ? 'notice' : 'warning';
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = result.errors.map(
    (error) =>
      `::error file=${property(relativePath(error.source))}${error.line !== undefined ? `,line=${error.line}` : ''},title=ptp-mcp::${escapeData(error.message)}`,
  );
  for (const finding of result.findings) {
    const location = finding.location;
    const where = location
      ? `file=${property(relativePath(location.file))},line=${location.line ?? 1},col=${location.column ?? 1},`
      : '';
    lines.push(
      `::${command(finding.severity)} ${where}title=${property(finding.rule)}::${escapeData(finding.message)}`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
