import { unknownBuiltInPack } from '../../../core/config/pack-policy.js';
import { SEVERITIES, severityRank } from '../../../core/model/finding.js';
import { toDiagnosisReport } from '../../../core/reports/diagnosis-report.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommandArgs } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { renderDiagnosis } from '../format/diagnosis-text.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';

const USAGE = `usage: ptp-mcp diagnose [--source demo|scenario:NAME|dir:PATH|cluster|cluster:CONTEXT|host] [--node NODE] [--last DURATION]
                        [--format text|json] [--summary] [--year YYYY] [--pack NAME|FILE]... [--partial]
                        [--fail-on ${SEVERITIES.join('|')}]
  --fail-on: exit 1 when a finding at or above this severity exists (a CI or cron gate)
  --partial: read a snapshot folder whose snapshot.yaml is missing, invalid or marks it incomplete;
             the diagnosis then says its data is partial
  --source host: this machine, a plain linuxptp host: [--ptp4l-config FILE]... [--phc2sys-config FILE]...
             [--ts2phc-config FILE]... [--log FILE]... [--journal [--journal-unit UNIT]...] [--node-name NAME]
exit codes: 0 diagnosed (and nothing at or above --fail-on), 1 a finding at or above --fail-on,
            2 the source could not be read (no node's daemon log, a missing folder, a bad option)
config file keys used when the flag is not given: sources.default (--source), packs.add (--pack), failOn`;

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
      partial: { type: 'boolean' },
      'fail-on': { type: 'string' },
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
  const config = app.config?.config;
  const unknownPack = unknownBuiltInPack(values.pack ?? []);
  if (unknownPack) throw new CliError(`--pack ${unknownPack}`);
  const format = oneOf(values.format, ['text', 'json'] as const, 'format', 'text');
  const failOnName = values['fail-on'] ?? config?.failOn;
  const failOn = failOnName === undefined ? undefined : oneOf(failOnName, SEVERITIES, 'fail-on', 'critical');
  const lastMs = numberOption(values.last, 'last', NUMBER_OPTIONS.window);
  const year = numberOption(values.year, 'year', NUMBER_OPTIONS.year);
  const service = await app.service({ partial: values.partial });
  const diagnosis = await service.diagnose({
    source: values.source ?? config?.sources?.default ?? 'demo',
    node: values.node,
    lastMs,
    year,
    packs: values.pack ?? config?.packs?.add,
    packPolicy: config?.packs,
    onProgress: progressReporter(io, 'nodes read'),
  });
  const report = toDiagnosisReport(diagnosis);
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : renderDiagnosis(report, { details: !values.summary }),
  );
  // No node's daemon log could be read: the source failed entirely, whatever the findings (exit 2, as
  // for an unreadable input). Some nodes unknown is a diagnosis that says so: exit 0, or 1 by --fail-on.
  const { unknown } = diagnosis.health;
  if (unknown.length > 0 && unknown.length === diagnosis.nodes.length) {
    io.stderr(
      `ptp-mcp: no line of the daemon log of any of the ${unknown.length} node(s) could be read from ${diagnosis.meta.origin}: see the warnings\n`,
    );
    return 2;
  }
  if (failOn === undefined) return 0;
  const failing = diagnosis.findings.filter((f) => severityRank(f.severity) >= severityRank(failOn));
  if (failing.length === 0) return 0;
  io.stderr(`ptp-mcp: ${failing.length} finding(s) at or above ${failOn}\n`);
  return 1;
}
