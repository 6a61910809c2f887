import { analyzeLogFile } from '../../../core/analysis/log-file-analysis.js';
import { analyzeLogStreamInPieces, readFdChunks } from '../../../core/analysis/log-stream-analysis.js';
import { logAnalysisWarnings } from '../../../core/analysis/log-warnings.js';
import { FileReadError } from '../../../core/io/regular-file.js';
import { refuseOtherEncoding } from '../../../core/io/text-encoding.js';
import type { LogAnalysis } from '../../../core/model/log-analysis.js';
import { logReportJson, toLogReport } from '../../../core/reports/log-report.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommandArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import { renderLogReport } from '../format/log-report-text.js';
import type { CliIo } from '../io.js';

const USAGE = 'usage: ptp-mcp logs analyze <file|-> [--format text|json] [--year YYYY] [--jobs N]';

/**
 * `ptp-mcp logs analyze`: streams any linuxptp log (daemon pod log, ptp4l -m, journald) and summarizes it.
 * Reads a regular file, or stdin when asked with `-`; what the log itself is worth a word about (bytes
 * that are not UTF-8, times that go back) is a warning on stderr and in the report.
 */
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
  const year = numberOption(values.year, 'year', NUMBER_OPTIONS.year);
  const jobs = numberOption(values.jobs, 'jobs', NUMBER_OPTIONS.jobs);
  const path = positionals[0]!;
  const source = path === '-' ? 'stdin' : path;
  let analysis: LogAnalysis;
  try {
    analysis =
      path === '-'
        ? await analyzeLogStreamInPieces(checkedStdin(stdinChunks(io)), { year, jobs })
        : await analyzeLogFile(path, { year, jobs });
  } catch (error) {
    if (error instanceof FileReadError) throw new CliError(error.message);
    throw error;
  }
  for (const warning of logAnalysisWarnings(analysis)) io.stderr(`warning: ${source}: ${warning}\n`);
  if (format === 'json') for (const part of logReportJson(analysis, source)) io.stdout(part);
  else io.stdout(renderLogReport(toLogReport(analysis, source)));
  return 0;
}

/** The process' own stdin straight from its descriptor (no stream, no chunk allocated per read). */
function stdinChunks(io: CliIo): AsyncIterable<Uint8Array> {
  return io.stdin === process.stdin ? readFdChunks(0) : (io.stdin as AsyncIterable<Uint8Array>);
}

/** stdin, refused at its first bytes when they are not UTF-8 text. */
async function* checkedStdin(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let first = true;
  for await (const chunk of chunks) {
    if (first) refuseOtherEncoding(chunk, 'stdin');
    first = false;
    yield chunk;
  }
}
