import type { LintResult } from '../../../../core/lint/lint-run.js';
import { type Severity, severityRank } from '../../../../core/model/finding.js';
import { failingFindings, relativePath } from './lint-summary.js';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations of a step and drops the rest
 * silently (actions/toolkit docs/problem-matchers.md, "Limitations"); past that, the report says how
 * many it left out instead.
 */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

type Kind = 'error' | 'warning' | 'notice';

/**
 * GitHub Actions workflow commands: each finding annotates its line in the pull request, as an error
 * when it fails the job (at or above --fail-on), a warning below that, a notice when it is only info.
 * `quiet`: only the findings that fail the job. Errors (unreadable inputs) come first, then findings
 * most severe first, so the annotations GitHub shows are the ones that matter most.
 */
export function renderGithub(
  result: LintResult,
  failOn: Severity,
  options: { quiet?: boolean } = {},
): string {
  const kindOf = (severity: Severity): Kind =>
    severityRank(severity) >= severityRank(failOn) ? 'error' : severity === 'info' ? 'notice' : 'warning';
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const annotations: { kind: Kind; line: string }[] = result.errors.map((error) => ({
    kind: 'error',
    line: `file=${property(relativePath(error.source))}${error.line !== undefined ? `,line=${error.line}` : ''},title=ptp-mcp::${escapeData(error.message)}`,
  }));
  const findings = options.quiet ? failingFindings(result, failOn) : result.findings;
  const bySeverity = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  for (const finding of bySeverity) {
    const location = finding.location;
    const where = location
      ? `file=${property(relativePath(location.file))},line=${location.line ?? 1},col=${location.column ?? 1},`
      : '';
    annotations.push({
      kind: kindOf(finding.severity),
      line: `${where}title=${property(finding.rule)}::${escapeData(finding.message)}`,
    });
  }
  const shown: Record<Kind, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const { kind, line } of annotations)
    if (++shown[kind] <= GITHUB_ANNOTATIONS_PER_KIND) lines.push(`::${kind} ${line}`);
  const left = (Object.keys(shown) as Kind[])
    .filter((kind) => shown[kind] > GITHUB_ANNOTATIONS_PER_KIND)
    .map((kind) => `${shown[kind] - GITHUB_ANNOTATIONS_PER_KIND} ${kind}`);
  // A plain log line, not an annotation: it must not take one of the places it reports on.
  if (left.length > 0)
    lines.push(
      `ptp-mcp: ${left.join(', ')} annotation(s) left out (GitHub shows ${GITHUB_ANNOTATIONS_PER_KIND} of each kind per step): run with --format text or sarif for all${options.quiet ? '' : ', or --quiet for only the failing ones'}`,
    );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
