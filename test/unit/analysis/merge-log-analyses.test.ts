import { describe, expect, it } from 'vitest';
import { LogAnalyzer } from '../../../core/analysis/log-analyzer.js';
import { mergeLogShares } from '../../../core/analysis/merge-log-analyses.js';
import type { LogAnalysis } from '../../../core/model/log-analysis.js';
import { feedText } from '../../../core/parsers/log/line-splitter.js';
import { describeCorpus, readCorpus } from '../../corpus.js';

function analyze(lines: string[]) {
  const analyzer = new LogAnalyzer();
  feedText(analyzer, `${lines.join('\n')}\n`);
  const analysis = analyzer.finish();
  return { analysis, offsets: analyzer.offsetStates() };
}

/**
 * Each share dates monotonic lines by the bounds it sees itself, so those wall times may differ by
 * milliseconds from the whole log's; everything else must be identical.
 */
function withoutMonoDerivedWalls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMonoDerivedWalls);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key]) => !(key === 'wall' && 'mono' in value));
  return Object.fromEntries(entries.map(([key, inner]) => [key, withoutMonoDerivedWalls(inner)]));
}

function splitAndMerge(text: string, cuts: number[]): { whole: LogAnalysis; merged: LogAnalysis } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const bounds = [0, ...cuts, lines.length];
  const shares = bounds.slice(1).map((end, i) => analyze(lines.slice(bounds[i], end)));
  return { whole: analyze(lines).analysis, merged: mergeLogShares(shares) };
}

describeCorpus('merging shares of a real T-BC log', () => {
  const text = readCorpus('linuxptp-daemon/tbc-e810-holdover-recovery_daemon-log_excerpt.log');

  it('gives the analysis of the whole log, cut in three anywhere', () => {
    const { whole, merged } = splitAndMerge(text, [3001, 6512]);
    expect(withoutMonoDerivedWalls(merged)).toEqual(withoutMonoDerivedWalls(whole));
  });

  it('keeps exact offset statistics and line numbers', () => {
    const { whole, merged } = splitAndMerge(text, [5000]);
    const find = (a: LogAnalysis) => a.processes.find((p) => p.name === 'phc2sys')!;
    expect(find(merged).offset).toEqual(find(whole).offset);
    const faulty = (a: LogAnalysis) =>
      a.processes.flatMap((p) => p.portTransitions).filter((t) => t.to === 'FAULTY');
    expect(faulty(merged).map((t) => t.line)).toEqual(faulty(whole).map((t) => t.line));
  });
});

describe('stitching where shares meet', () => {
  const line = (mono: string, servo: string) =>
    `phc2sys[${mono}]: [ptp4l.0.config:6] CLOCK_REALTIME phc offset 1 ${servo} freq +1 delay 5`;

  it('drops a "change" that repeats the state the earlier share ended in', () => {
    const { merged } = splitAndMerge(
      [line('1.0', 's0'), line('2.0', 's2'), line('3.0', 's2'), line('4.0', 's0')].join('\n'),
      [2],
    );
    expect(merged.processes[0]!.servoChanges.map((c) => [c.from, c.to])).toEqual([
      [null, 's0'],
      ['s0', 's2'],
      ['s2', 's0'],
    ]);
  });
});
