import { describe, expect, it } from 'vitest';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommandArgs } from '../../../transports/cli/args.js';
import { CliError } from '../../../transports/cli/cli-error.js';

function refusal(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('numberOption: numeric options checked against their spec', () => {
  it('an integer within its range is returned; an absent option is undefined', () => {
    expect(numberOption('2026', 'year', NUMBER_OPTIONS.year)).toBe(2026);
    expect(numberOption('1', 'jobs', NUMBER_OPTIONS.jobs)).toBe(1);
    expect(numberOption('64', 'jobs', NUMBER_OPTIONS.jobs)).toBe(64);
    expect(numberOption('0', 'port', NUMBER_OPTIONS.port)).toBe(0);
    expect(numberOption(undefined, 'jobs', NUMBER_OPTIONS.jobs)).toBeUndefined();
  });

  it('out of range, not an integer, or not a number: the option, the range and the value are named', () => {
    for (const [value, name, spec] of [
      ['-5', 'jobs', NUMBER_OPTIONS.jobs],
      ['65', 'jobs', NUMBER_OPTIONS.jobs],
      ['2.5', 'jobs', NUMBER_OPTIONS.jobs],
      ['many', 'jobs', NUMBER_OPTIONS.jobs],
      ['', 'jobs', NUMBER_OPTIONS.jobs],
      ['99999999', 'year', NUMBER_OPTIONS.year],
      ['1969', 'year', NUMBER_OPTIONS.year],
      ['99999999999999999999999', 'port', NUMBER_OPTIONS.port],
      ['65536', 'port', NUMBER_OPTIONS.port],
      ['0', 'nodes', NUMBER_OPTIONS.nodes],
    ] as const) {
      const error = refusal(() => numberOption(value, name, spec));
      expect(error.message).toBe(
        `--${name} must be an integer from ${spec.min} to ${spec.max} (got "${value}")`,
      );
      expect(error.exitCode).toBe(2);
    }
  });

  it('a duration in milliseconds, within its range', () => {
    expect(numberOption('1h30m', 'last', NUMBER_OPTIONS.window)).toBe(5_400_000);
    expect(numberOption('300ms', 'watch-interval', NUMBER_OPTIONS.watchInterval)).toBe(300);
    for (const value of ['0s', 'soon', '-5m', '400d'])
      expect(refusal(() => numberOption(value, 'last', NUMBER_OPTIONS.window)).message).toBe(
        `--last takes a duration from 1s to 366d, such as 10m or 1h (got "${value}")`,
      );
    expect(refusal(() => numberOption('2d', 'watch-interval', NUMBER_OPTIONS.watchInterval)).message).toBe(
      '--watch-interval takes a duration from 100ms to 24h, such as 30s (got "2d")',
    );
  });
});

describe('parseCommandArgs and oneOf', () => {
  const options = { jobs: { type: 'string' }, summary: { type: 'boolean' } } as const;

  it('a negative number after an option is its value, in either spelling', () => {
    expect(parseCommandArgs(['--jobs', '-5', 'file'], options, 'usage').values.jobs).toBe('-5');
    expect(parseCommandArgs(['--jobs=-5'], options, 'usage').values.jobs).toBe('-5');
    expect(parseCommandArgs(['--jobs', '-.5'], options, 'usage').values.jobs).toBe('-.5');
  });

  it('an option name after a string option is still an error, as is an unknown option', () => {
    expect(refusal(() => parseCommandArgs(['--jobs', '--summary'], options, 'usage')).message).toMatch(
      /^Option '--jobs' argument is ambiguous/,
    );
    expect(refusal(() => parseCommandArgs(['--summary', '-5'], options, 'usage')).message).toMatch(
      /^Unknown option '-5'/,
    );
  });

  it('an enumerated option names the values it takes', () => {
    expect(oneOf('json', ['text', 'json'] as const, 'format', 'text')).toBe('json');
    expect(oneOf(undefined, ['text', 'json'] as const, 'format', 'text')).toBe('text');
    expect(refusal(() => oneOf('xml', ['text', 'json'] as const, 'format', 'text')).message).toBe(
      '--format must be one of text, json (got "xml")',
    );
  });
});
