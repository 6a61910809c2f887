import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { mergeIntoSnapshot } from '../../../core/snapshot/merge-snapshot.js';
import { RecordingTargetError, recordingTargetProblem } from '../../../core/snapshot/recording-folder.js';
import { writeSnapshot } from '../../../core/snapshot/write-snapshot.js';
import { NUMBER_OPTIONS, numberOption, parseCommand } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { commandHelp, usageOf } from '../command-help.js';
import { warningLines } from '../format/warning-groups.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';
import { SNAPSHOT_RECORD } from '../specs/snapshot-record.js';

/**
 * A recording is asked for on purpose and may stream hours of logs of many nodes: the 120 s deadline of a
 * diagnosis would cut most must-gathers short (they would be marked incomplete), so it gets longer.
 */
const RECORDING_DEADLINE_MS = 30 * 60_000;

/** `ptp-mcp snapshot record`: a PTP must-gather of a live cluster, replayable with --source dir:DIR. */
export async function snapshotRecordCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values } = parseCommand(argv, SNAPSHOT_RECORD);
  if (values.help) {
    io.stdout(commandHelp(SNAPSHOT_RECORD, await app.sourceForms()));
    return 0;
  }
  if (!values.out) throw new CliError(`snapshot record needs --out DIR\n${usageOf(SNAPSHOT_RECORD)}`);
  const out = values.out;
  const replace = values.force ?? false;
  // Before reading the cluster, not an hour later; checked again when the recording is moved in.
  const merge = values.merge === true && existsSync(join(out, 'snapshot.yaml'));
  const problem = merge ? undefined : recordingTargetProblem(out, replace);
  if (problem) throw new CliError(problem);
  const sinceMs = numberOption(values.since, 'since', NUMBER_OPTIONS.window);
  const tailLines = numberOption(values['tail-lines'], 'tail-lines', NUMBER_OPTIONS.tailLines);
  app.kube.readTimeoutMs ??= RECORDING_DEADLINE_MS;
  const source = (await app.service({ partial: values.partial })).openSource(values.source ?? 'cluster');
  const raw = await source.collect({
    node: values.node,
    logs: {
      sinceSeconds: sinceMs === undefined ? undefined : Math.ceil(sinceMs / 1000),
      tailLines,
    },
    onProgress: progressReporter(io, 'nodes read'),
  });
  // The nodes of several recordings share one folder: it is named for the folder, not the first of them.
  if (values.merge) raw.manifest.metadata.name = raw.manifest.spec.cluster = basename(resolve(out));
  const written = await (merge
    ? mergeIntoSnapshot(raw, out)
    : writeSnapshot(raw, out, { replace, onProgress: progressReporter(io, 'nodes written') })
  ).catch((error) => {
    throw error instanceof RecordingTargetError ? new CliError(error.message) : error;
  });
  const nodes = raw.nodes.map((node) => node.name);
  for (const line of warningLines(raw.warnings, nodes)) io.stderr(`warning: ${line}\n`);
  const what = `${raw.nodes.length} node(s) of ${raw.manifest.spec.cluster ?? raw.manifest.metadata.name} into ${out} (${written.files} files${written.recordedAt ? `, data up to ${written.recordedAt}` : ''})`;
  if (written.status.complete) {
    io.stdout(`recorded ${what}; replay with --source dir:${out}\n`);
    return 0;
  }
  const { missing } = written.status;
  for (const line of warningLines(
    missing.filter((m) => !raw.warnings.includes(m)),
    nodes,
  ))
    io.stderr(`warning: ${line}\n`);
  io.stderr(
    `ptp-mcp: the recording is incomplete: ${missing.length} part(s) could not be read; what was read is in ${out}, marked incomplete in its snapshot.yaml (status.missing lists them); replay it with --source dir:${out} --partial\n`,
  );
  return 2;
}
