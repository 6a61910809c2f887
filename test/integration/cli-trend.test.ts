import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './cli-run.js';
import { stdioClient } from './mcp/mcp-client.js';

/** The CLI's JSON, parsed, after a successful run. */
function trendJson(args: string[]): Record<string, unknown> {
  const { code, stdout, stderr } = runBuiltCli(['trend', ...args, '--format', 'json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('ptp-mcp trend (the built CLI)', () => {
  let client: Client;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ client, close } = await stdioClient(['--source', 'demo']));
  });
  afterAll(() => close());

  /** get_offset_trend / analyze_frequency_drift through the SDK client: the structured result. */
  async function tool(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const result = await client.callTool({ name, arguments: args });
    expect(result.isError).toBeFalsy();
    return result.structuredContent as Record<string, unknown>;
  }

  it.each([
    [['--node', 'worker-1'], { node: 'worker-1' }],
    [
      ['--node', 'bc-2', '--process', 'ts2phc', '--last', '2m', '--buckets', '8'],
      { node: 'bc-2', process: 'ts2phc', last: '2m', buckets: 8 },
    ],
    [
      ['--node', 'bc-1', '--process', 'phc2sys', '--config-tag', 'ptp4l.1.config', '--buckets', '3'],
      { node: 'bc-1', process: 'phc2sys', configTag: 'ptp4l.1.config', buckets: 3 },
    ],
  ])('trend %j has the values get_offset_trend gives for the same arguments', async (args, toolArgs) => {
    const { start, end, ...cli } = trendJson(args);
    const mcp = await tool('get_offset_trend', toolArgs);
    expect(cli).toEqual(mcp);
    const buckets = cli.buckets as { from: string; to: string }[];
    expect(buckets.length).toBe((toolArgs as { buckets?: number }).buckets ?? 30);
    // The window is the data's: it ends at the node's last line, the first interval starts with it.
    expect(Math.abs(Date.parse(buckets[0]!.from) - Date.parse(start as string))).toBeLessThanOrEqual(1);
    expect(Math.abs(Date.parse(buckets.at(-1)!.to) - Date.parse(end as string))).toBeLessThanOrEqual(1);
  });

  it.each([
    [[], {}],
    [['--node', 'bc-2', '--last', '1m'], { node: 'bc-2', last: '1m' }],
  ])('trend --drift %j has the values analyze_frequency_drift gives', async (args, toolArgs) => {
    expect(trendJson(['--drift', ...args])).toEqual(await tool('analyze_frequency_drift', toolArgs));
  });

  it('prints the trend as a table: one line per interval, the process and window first', () => {
    const { code, stdout } = runBuiltCli(['trend', '--node', 'worker-1', '--buckets', '2']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'ptp4l/ptp4l.0.config on worker-1 (maxima of its rms summaries): 2 interval(s) from 2026-11-20T08:00:02.300Z to 2026-11-20T08:04:59.788Z, worst |offset| 260373 ns',
    );
    expect(lines[2]).toMatch(/^FROM +SAMPLES +MIN NS +MAX NS +MEAN NS +MAX \|NS\| +FREQ PPB$/);
    expect(lines.slice(3).map((line) => line.split(/ +/)[0])).toEqual([
      '2026-11-20T08:00:02.301Z',
      '2026-11-20T08:02:31.044Z',
    ]);
  });

  it('prints the drift per process, with --process only that one', () => {
    const { code, stdout } = runBuiltCli(['trend', '--drift', '--process', 'ts2phc']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NODE +PROCESS +MEAN PPB +STDDEV PPB +DRIFT PPB\/H +SAMPLES$/);
    expect(lines.slice(1).map((line) => line.split(/ +/).slice(0, 2).join(' '))).toEqual([
      'bc-1 ts2phc/ts2phc.1.config',
      'bc-2 ts2phc/ts2phc.1.config',
      'gm-1 ts2phc/ts2phc.0.config',
    ]);
  });

  it.each([
    [
      ['--node', 'worker-7'],
      'ptp-mcp: no node "worker-7"; there are: bc-1, bc-2, gm-1, worker-1, worker-2, worker-3 (did you mean "worker-1"?)\n',
    ],
    [
      ['--node', 'worker-1', '--process', 'ptp5l'],
      'ptp-mcp: no process "ptp5l" on worker-1; there are: cloud-event-proxy, daemon, phc2sys, pmc, ptp4l (did you mean "ptp4l"?)\n',
    ],
    [
      ['--node', 'worker-1', '--process', 'pmc'],
      'ptp-mcp: no pmc samples on worker-1; there are: phc2sys [ptp4l.0.config], ptp4l [ptp4l.0.config] (rms summaries)\n',
    ],
    [
      ['--node', 'worker-1', '--buckets', '0'],
      'ptp-mcp: --buckets must be an integer from 1 to 200 (got "0")\n',
    ],
    [['--node', 'worker-1', '--last', 'soon'], /^ptp-mcp: --last takes a duration/],
    [['--buckets', '5'], /^ptp-mcp: trend needs --node \(or --drift\)\n/],
    [['--drift', '--buckets', '5'], /^ptp-mcp: --drift takes no --buckets or --config-tag\n/],
    [
      ['--node', 'worker-1', '--source', 'scenario:nope'],
      /^ptp-mcp: no built-in scenario "nope"; there are: /,
    ],
  ])('refuses %j with exit 2 and one clear line, no stack', (args, message) => {
    const { code, stdout, stderr } = runBuiltCli(['trend', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    if (typeof message === 'string') expect(stderr).toBe(message);
    else expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--help lists every option, an example and the exit codes', () => {
    const { code, stdout } = runBuiltCli(['trend', '--help']);
    expect(code).toBe(0);
    for (const option of [
      '--node',
      '--process',
      '--config-tag',
      '--last',
      '--buckets',
      '--drift',
      '--format',
      '--source',
    ])
      expect(stdout).toContain(option);
    expect(stdout).toContain('ptp-mcp trend --node worker-1');
    expect(stdout).toMatch(/exit codes:\n {2}0 .*\n {2}2 /);
  });
});
