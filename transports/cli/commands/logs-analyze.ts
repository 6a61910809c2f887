import { analyzeLogFile } from '../../../core/analysis/log-file-analysis.js';
import { analyzeLogStreamInPieces, readFdChunks } from '../../../core/analysis/log-stream-analysis.js';
import { logAnalysisWarnings } from '../../../core/analysis/log-warnings.js';
import { FileReadError } from '../../../core/io/regular-file.js';
import { refuseOtherEncoding } from '../../../core/io/text-encoding.js';
import type { LogAnalysis } from '../../../core/model/log-analysis.js';
import { logReportJson, toLogReport } from '../../../core/reports/log-report.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommand } from '../args.js';
import { CliError } from '../cli-error.js';
import { commandHelp, usageOf } from '../command-help.js';
import { logHtml } from '../format/html-report.js';
import { renderLogReport } from '../format/log-report-text.js';
import { writeOutput } from '../format/output-file.js';
import type { CliIo } from '../io.js';
import { LOGS_ANALYZE } from '../specs/logs-analyze.js';

/**
 * `ptp-mcp logs analyze`: streams any linuxptp log (daemon pod log, ptp4l -m, journald) and summarizes it.
 * Reads a regular file, or stdin when asked with `-`; what the log itself is worth a word about (bytes
 * that are not UTF-8, times that go back) is a warning on stderr and in the report.
 */
export async function logsAnalyzeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(argv, LOGS_ANALYZE);
  if (values.help) {
    io.stdout(commandHelp(LOGS_ANALYZE));
    return 0;
  }
  if (positionals.length !== 1)
    throw new CliError(`logs analyze takes one file (or - for stdin)\n${usageOf(LOGS_ANALYZE)}`);
  const format = oneOf(values.format, LOGS_ANALYZE.options.format.choices, 'format', 'text');
  const year = numberOption(values.year, 'year', NUMBER_OPTIONS.year);
  const jobs = numberOption(values.jobs, 'jobs', NUMBER_OPTIONS.jobs);
  const path = positionals[0]!;
  const source = path === '-' ? 'stdin' : path;
  let analysis: LogAnalysis;
  let html: string | undefined;
  try {
    if (format === 'html')
      ({ analysis, html } = await logHtml(path === '-' ? checkedStdin(stdinChunks(io)) : path, source, year));
    else
      analysis =
        path === '-'
          ? await analyzeLogStreamInPieces(checkedStdin(stdinChunks(io)), { year, jobs })
          : await analyzeLogFile(path, { year, jobs });
  } catch (error) {
    if (error instanceof FileReadError) throw new CliError(error.message);
    throw error;
  }
  for (const warning of logAnalysisWarnings(analysis)) io.stderr(`warning: ${source}: ${warning}\n`);
  if (html !== undefined) writeOutput(io, values.out, html);
  else if (format === 'json') {
    if (values.out === undefined) for (const part of logReportJson(analysis, source)) io.stdout(part);
    else writeOutput(io, values.out, [...logReportJson(analysis, source)].join(''));
  } else writeOutput(io, values.out, renderLogReport(toLogReport(analysis, source)));
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
