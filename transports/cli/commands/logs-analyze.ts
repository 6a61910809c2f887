import { analyzeLogStream } from '../../../core/analysis/log-analyzer.js';
import { analyzeLogFile } from '../../../core/analysis/log-file-analysis.js';
import type { LogAnalysis } from '../../../core/model/log-analysis.js';
import { toLogReport } from '../../../core/reports/log-report.js';
import { integerOption, oneOf, parseCommandArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import { renderLogReport } from '../format/log-report-text.js';
import { type CliIo, checkInputFile } from '../io.js';

const USAGE = 'usage: ptp-mcp logs analyze <file|-> [--format text|json] [--year YYYY] [--jobs N]';

/** `ptp-mcp logs analyze`: streams any linuxptp log (daemon pod log, ptp4l -m, journald) and summarizes it. */
export async function logsAnalyzeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      format: { type: 'string' },
      year: { type: 'string' },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`logs analyze takes one file (or - for stdin)\n${USAGE}`);
  const format = oneOf(values.format, ['text', 'json'] as const, 'format', 'text');
  const year = integerOption(values.year, 'year');
  const jobs = integerOption(values.jobs, 'jobs');
  if (jobs !== undefined && jobs < 1) throw new CliError('--jobs must be at least 1');
  const path = positionals[0]!;
  let analysis: LogAnalysis;
  if (path === '-') {
    analysis = (await analyzeLogStream(io.stdin as AsyncIterable<Uint8Array>, { year })).analysis;
  } else {
    await checkInputFile(path);
    analysis = await analyzeLogFile(path, { year, jobs });
  }
  const report = toLogReport(analysis, path === '-' ? 'stdin' : path);
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderLogReport(report));
  return 0;
}
