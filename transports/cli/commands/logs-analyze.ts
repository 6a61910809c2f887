import { analyzeLogStream } from '../../../core/analysis/log-analyzer.js';
import { toLogReport } from '../../../core/reports/log-report.js';
import { integerOption, oneOf, parseCommandArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import { renderLogReport } from '../format/log-report-text.js';
import { type CliIo, openInput } from '../io.js';

const USAGE = 'usage: ptp-mcp logs analyze <file|-> [--format text|json] [--year YYYY]';

/** `ptp-mcp logs analyze`: streams any linuxptp log (daemon pod log, ptp4l -m, journald) and summarizes it. */
export async function logsAnalyzeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { format: { type: 'string' }, year: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`logs analyze takes one file (or - for stdin)\n${USAGE}`);
  const format = oneOf(values.format, ['text', 'json'] as const, 'format', 'text');
  const year = integerOption(values.year, 'year');
  const path = positionals[0]!;
  const { analysis } = await analyzeLogStream(await openInput(path, io), { year });
  const report = toLogReport(analysis, path === '-' ? 'stdin' : path);
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderLogReport(report));
  return 0;
}
