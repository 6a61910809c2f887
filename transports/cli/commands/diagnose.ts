import { parseDuration } from '../../../core/duration.js';
import { toDiagnosisReport } from '../../../core/reports/diagnosis-report.js';
import { integerOption, oneOf, parseCommandArgs } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { renderDiagnosis } from '../format/diagnosis-text.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';

const USAGE = `usage: ptp-mcp diagnose [--source demo|scenario:NAME|dir:PATH|cluster|cluster:CONTEXT] [--node NODE] [--last DURATION]
                        [--format text|json] [--summary] [--year YYYY] [--pack NAME|FILE]...`;

/** `ptp-mcp diagnose`: per-node state, hierarchy and episodes of a deployment. */
export async function diagnoseCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      source: { type: 'string' },
      node: { type: 'string' },
      last: { type: 'string' },
      format: { type: 'string' },
      summary: { type: 'boolean' },
      year: { type: 'string' },
      pack: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0)
    throw new CliError(`diagnose takes no arguments (got "${positionals[0]}")\n${USAGE}`);
  const format = oneOf(values.format, ['text', 'json'] as const, 'format', 'text');
  const lastMs = values.last === undefined ? undefined : parseDuration(values.last);
  if (values.last !== undefined && lastMs === undefined)
    throw new CliError(`--last takes a duration such as 10m or 1h (got "${values.last}")`);
  const service = await app.service();
  const diagnosis = await service.diagnose({
    source: values.source ?? 'demo',
    node: values.node,
    lastMs,
    year: integerOption(values.year, 'year'),
    packs: values.pack,
    onProgress: progressReporter(io, 'nodes read'),
  });
  const report = toDiagnosisReport(diagnosis);
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : renderDiagnosis(report, { details: !values.summary }),
  );
  return 0;
}
