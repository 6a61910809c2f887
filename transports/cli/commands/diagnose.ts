import { unknownBuiltInPack } from '../../../core/config/pack-policy.js';
import { SEVERITIES, severityRank } from '../../../core/model/finding.js';
import { toDiagnosisReport } from '../../../core/reports/diagnosis-report.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommand } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { commandHelp } from '../command-help.js';
import { renderDiagnosis } from '../format/diagnosis-text.js';
import { diagnosisHtml } from '../format/html-report.js';
import { writeOutput } from '../format/output-file.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';
import { DIAGNOSE } from '../specs/diagnose.js';

/** `ptp-mcp diagnose`: per-node state, hierarchy and episodes of a deployment. */
export async function diagnoseCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values } = parseCommand(argv, DIAGNOSE);
  if (values.help) {
    io.stdout(commandHelp(DIAGNOSE, await app.sourceForms()));
    return 0;
  }
  const config = app.config?.config;
  const unknownPack = unknownBuiltInPack(values.pack ?? []);
  if (unknownPack) throw new CliError(`--pack ${unknownPack}`);
  const format = oneOf(values.format, DIAGNOSE.options.format.choices, 'format', 'text');
  const failOnName = values['fail-on'] ?? config?.failOn;
  const failOn = failOnName === undefined ? undefined : oneOf(failOnName, SEVERITIES, 'fail-on', 'critical');
  const lastMs = numberOption(values.last, 'last', NUMBER_OPTIONS.window);
  const year = numberOption(values.year, 'year', NUMBER_OPTIONS.year);
  const fleet = await import('./diagnose-fleet.js');
  if (fleet.readsFleet(app))
    return fleet.diagnoseFleet(
      {
        source: values.source,
        node: values.node,
        out: values.out,
        lastMs,
        packs: values.pack ?? config?.packs?.add,
        packPolicy: config?.packs,
        format,
        failOn,
        concurrency: numberOption(
          values['fleet-concurrency'],
          'fleet-concurrency',
          NUMBER_OPTIONS.fleetConcurrency,
        ),
      },
      io,
      app,
    );
  const service = await app.service({ partial: values.partial });
  const source = values.source ?? config?.sources?.default ?? 'demo';
  const diagnosis = await service.diagnose({
    source,
    node: values.node,
    lastMs,
    year,
    packs: values.pack ?? config?.packs?.add,
    packPolicy: config?.packs,
    onProgress: progressReporter(io, 'nodes read'),
  });
  const report = toDiagnosisReport(diagnosis);
  writeOutput(
    io,
    values.out,
    format === 'html'
      ? await diagnosisHtml(diagnosis, await service.snapshot({ source, node: values.node, year }))
      : format === 'json'
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
