import { describe, expect, it } from 'vitest';
import {
  forEachLineOfBlock,
  MAX_LINE_LENGTH,
  splitStream,
} from '../../../../core/parsers/log/line-splitter.js';

async function collect(chunks: (string | Buffer)[]) {
  async function* source() {
    for (const chunk of chunks) yield typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
  }
  const lines: { text: string; truncated: boolean }[] = [];
  await splitStream(source(), {
    block: (bytes, from, to) =>
      forEachLineOfBlock(bytes, from, to, (start, end) =>
        lines.push({ text: bytes.toString('latin1', start, end), truncated: false }),
      ),
    line: (text, truncated) => lines.push({ text, truncated }),
  });
  return lines;
}

describe('splitStream', () => {
  it('splits LF and CRLF lines across chunk boundaries', async () => {
    const lines = await collect(['ptp4l[1.0]: a\r\nptp', '4l[2.0]: b\npartial', ' end']);
    expect(lines.map((l) => l.text)).toEqual(['ptp4l[1.0]: a', 'ptp4l[2.0]: b', 'partial end']);
  });

  it('yields nothing for an empty stream', async () => {
    expect(await collect([])).toEqual([]);
  });

  it('cuts a 10 MB line spread over chunks to the line limit and says so, then goes on', async () => {
    const huge = Buffer.alloc(10 * 1024 * 1024, 0x41);
    const lines = await collect([huge.subarray(0, 3_000_000), huge.subarray(3_000_000), '\nnext\n']);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.text).toHaveLength(MAX_LINE_LENGTH);
    expect(lines[0]!.truncated).toBe(true);
    expect(lines[1]).toEqual({ text: 'next', truncated: false });
  });

  it('hands over a long line that is all in one chunk as bytes, for the analyzer to cut', async () => {
    const lines = await collect([`${'x'.repeat(MAX_LINE_LENGTH + 10)}\nok\n`]);
    expect(lines.map((l) => l.text.length)).toEqual([MAX_LINE_LENGTH + 10, 2]);
  });

  it('decodes binary garbage without failing', async () => {
    const lines = await collect([Buffer.from([0, 255, 254, 10, 0x80, 0x41])]);
    expect(lines.map((l) => l.text.length)).toEqual([3, 2]);
  });
});
