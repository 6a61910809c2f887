import { describe, expect, it } from 'vitest';
import { LogAnalyzer } from '../../../core/analysis/log-analyzer.js';
import { mergeLogShares } from '../../../core/analysis/merge-log-analyses.js';
import type { LogAnalysis } from '../../../core/model/log-analysis.js';
import { feedText, LineSplitter } from '../../../core/parsers/log/line-splitter.js';
import { describeCorpus, readCorpus } from '../../corpus.js';

function analyze(lines: string[]) {
  const analyzer = new LogAnalyzer();
  feedText(analyzer, `${lines.join('\n')}\n`);
  const analysis = analyzer.finish();
  return { analysis, offsets: analyzer.offsetStates(), edges: analyzer.spanEdges() };
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

describe('what the log itself is, across shares', () => {
  const klog = (time: string) => `2026-11-20T${time}Z I1120 ${time}000  4242 daemon.go:1] tick`;
  const lines = [
    klog('08:00:00.000'),
    klog('08:00:30.000'),
    klog('08:00:29.000'), // within the tolerance
    klog('08:01:00.000'),
    klog('07:59:00.000'), // back 2 min
    klog('07:59:30.000'),
    klog('07:59:10.000'), // back 20 s
    klog('08:02:00.000'),
  ];

  it('finds every step back, also where two shares meet, and the range from min to max', () => {
    const text = lines.join('\n');
    for (const cuts of [[4], [6], [2, 5], [1, 3, 4, 6, 7]]) {
      const { whole, merged } = splitAndMerge(text, cuts);
      expect(merged.timeOrder).toEqual(whole.timeOrder);
      expect(merged.timeRange).toEqual(whole.timeRange);
    }
    const { whole } = splitAndMerge(text, []);
    expect(whole.timeOrder).toEqual({
      stepsBack: 2,
      first: { line: 5, from: Date.parse('2026-11-20T08:01:00Z'), to: Date.parse('2026-11-20T07:59:00Z') },
      largest: { line: 5, from: Date.parse('2026-11-20T08:01:00Z'), to: Date.parse('2026-11-20T07:59:00Z') },
    });
    expect(whole.timeRange).toEqual({
      first: { wall: Date.parse('2026-11-20T07:59:00Z') },
      last: { wall: Date.parse('2026-11-20T08:02:00Z') },
    });
  });

  it('numbers lines with invalid UTF-8 in the whole log', () => {
    const bytes = (from: number, to: number) => {
      const analyzer = new LogAnalyzer();
      const splitter = new LineSplitter();
      for (let i = from; i < to; i++)
        splitter.push(Buffer.from(i % 3 === 1 ? `caf\xe9 ${i}\n` : `${lines[i % 8]}\n`, 'latin1'), analyzer);
      splitter.end(analyzer);
      return { analysis: analyzer.finish(), offsets: analyzer.offsetStates(), edges: analyzer.spanEdges() };
    };
    const whole = bytes(0, 12).analysis;
    expect(whole.text).toEqual({ encoding: 'utf-8', invalidUtf8Lines: 4, firstInvalidUtf8Line: 2 });
    expect(mergeLogShares([bytes(0, 1), bytes(1, 12)]).text).toEqual(whole.text);
    expect(mergeLogShares([bytes(0, 5), bytes(5, 12)]).text).toEqual(whole.text);
  });
});
