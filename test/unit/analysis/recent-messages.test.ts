import { describe, expect, it } from 'vitest';
import { LogAnalyzer } from '../../../core/analysis/log-analyzer.js';
import { RecentMessages } from '../../../core/analysis/recent-messages.js';

describe('the last messages of a process, kept for the cause of a fault', () => {
  it('keeps the last three within the window, oldest first, then forgets them', () => {
    const recent = new RecentMessages(3);
    for (const [text, at] of [
      ['a', 0],
      ['b', 1500],
      ['c', 1800],
      ['d', 2000],
      ['e', 2600],
    ] as const)
      recent.push(text, at);
    // 'a' and 'b' were pushed out; 'c' is more than a second before.
    expect(recent.takeWithin(2900, 1000)).toEqual(['d', 'e']);
    expect(recent.takeWithin(2900, 1000)).toEqual([]);
  });

  it('decodes a message kept as bytes before its block is reused, and only then', () => {
    const recent = new RecentMessages(3);
    const block = Buffer.from('first line\nsecond line\n');
    recent.pushBytes(block, 0, 10, 100);
    recent.pushBytes(block, 11, 22, 200);
    recent.settle();
    block.fill(0x78);
    expect(recent.takeWithin(300, 1000)).toEqual(['first line', 'second line']);
  });

  it('names the headerless lines of a daemon message as the cause, across blocks the reader reuses', () => {
    const lines = [
      // A klog message the line reader leaves to the parser (a `B` first): remembered both ways.
      '2025-09-11T14:40:36.100000000Z I0911 14:40:36.100000  871479 main.go:86] Bringing up ens4f0',
      '2025-09-11T14:40:36.200000000Z first headerless line',
      '2025-09-11T14:40:36.300000000Z second headerless line',
      // A process named daemon that reports itself down: the cause is read from the daemon's last messages.
      '2025-09-11T14:40:36.400000000Z daemon[1757601636]: PTP_PROCESS_STATUS:0',
    ];
    const fast = new LogAnalyzer();
    const reused = Buffer.alloc(4096);
    for (const part of [lines.slice(0, 3), lines.slice(3)]) {
      const length = reused.write(`${part.join('\n')}\n`);
      fast.block(reused, 0, length);
      reused.fill(0x78);
    }
    const slow = new LogAnalyzer();
    for (const line of lines) slow.addLine(line);
    const { text: _fastText, ...fastAnalysis } = fast.finish();
    const { text: _slowText, ...slowAnalysis } = slow.finish();
    expect(fastAnalysis).toEqual(slowAnalysis);
    expect(fastAnalysis.processes[0]!.faults[0]!.detail).toBe(
      'process reported DOWN (PTP_PROCESS_STATUS:0) after "Bringing up ens4f0", ' +
        '"2025-09-11T14:40:36.200000000Z first headerless line", "2025-09-11T14:40:36.300000000Z second headerless line"',
    );
  });
});
