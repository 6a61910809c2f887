import type { LogAnalysis, TimeStepBack } from '../model/log-analysis.js';
import { MAX_LINE_LENGTH } from '../parsers/log/line-splitter.js';
import { logEncodingProblem } from './log-text-check.js';
import { BACKWARDS_TOLERANCE_MS } from './log-time-span.js';

/**
 * What a reader of the analysis must know about the log itself, as sentences to put after its name: an
 * encoding that kept it from being read, bytes that are not UTF-8, times that go backwards. For the CLI's
 * warnings and for a snapshot's (each log of a node).
 */
export function logAnalysisWarnings(analysis: LogAnalysis): string[] {
  const warnings: string[] = [];
  const encoding = logEncodingProblem(analysis.text);
  if (encoding) warnings.push(encoding);
  else if (analysis.lines.total === 0) warnings.push('is empty: no lines to analyze');
  if (analysis.lines.truncated > 0)
    warnings.push(
      `${plural(analysis.lines.truncated, 'line')} too long (over ${MAX_LINE_LENGTH / 1024} KB): only the start of each read`,
    );
  const { invalidUtf8Lines, firstInvalidUtf8Line } = analysis.text;
  if (invalidUtf8Lines > 0)
    warnings.push(
      `${plural(invalidUtf8Lines, 'line')} with bytes that are not valid UTF-8 (read as U+FFFD), ` +
        `the first at line ${firstInvalidUtf8Line}`,
    );
  const { stepsBack, first, largest } = analysis.timeOrder;
  if (first && largest) {
    const step = (s: TimeStepBack) =>
      `line ${s.line}, ${new Date(s.from).toISOString()} → ${new Date(s.to).toISOString()}`;
    const most =
      largest === first || largest.line === first.line
        ? ''
        : `; the largest step back ${formatSeconds(largest.from - largest.to)} at ${step(largest)}`;
    warnings.push(
      `time goes back ${plural(stepsBack, 'time')} by more than ${BACKWARDS_TOLERANCE_MS / 1000} s ` +
        `(${formatSeconds(first.from - first.to)} first at ${step(first)}${most}): ` +
        'a clock set back, or files joined out of order',
    );
  }
  return warnings;
}

/** `1,234 lines`: the grouping of toLocaleString('en-US'), without the few milliseconds ICU takes to start. */
function plural(count: number, noun: string): string {
  return `${String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${noun}${count === 1 ? '' : 's'}`;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 120) return `${+seconds.toFixed(3)} s`;
  if (seconds < 7200) return `${+(seconds / 60).toFixed(1)} min`;
  if (seconds < 172_800) return `${+(seconds / 3600).toFixed(1)} h`;
  return `${+(seconds / 86_400).toFixed(1)} days`;
}
