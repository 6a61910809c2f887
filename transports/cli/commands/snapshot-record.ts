import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { mergeIntoSnapshot } from '../../../core/snapshot/merge-snapshot.js';
import { RecordingTargetError, recordingTargetProblem } from '../../../core/snapshot/recording-folder.js';
import { writeSnapshot } from '../../../core/snapshot/write-snapshot.js';
import { NUMBER_OPTIONS, numberOption, parseCommandArgs } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';

const USAGE = `usage: ptp-mcp snapshot record --out DIR [--source cluster|cluster:CONTEXT|dir:PATH|scenario:NAME|host]
                               [--node NODE] [--since DURATION] [--tail-lines N] [--force] [--merge] [--partial]
  --force replaces a snapshot already in DIR (never a folder holding anything else); --merge adds the
  recorded node(s) to the snapshot in DIR (replacing a node of the same name; one host per network
  namespace into one folder); --partial records from a dir: snapshot that is not whole.
  --source host records this machine (--ptp4l-config FILE, --log FILE, --journal, --node-name NAME...). What could not be read is listed in DIR/snapshot.yaml, which
  then marks the recording incomplete (exit 2; replay it with --partial).
  (--kubeconfig FILE and --namespace NS reach the cluster; the default source is the current context;
  --source-timeout is 30m for a recording, 120s for other commands)`;

/**
 * A recording is asked for on purpose and may stream hours of logs of many nodes: the 120 s deadline of a
 * diagnosis would cut most must-gathers short (they would be marked incomplete), so it gets longer.
 */
const RECORDING_DEADLINE_MS = 30 * 60_000;

/** `ptp-mcp snapshot record`: a PTP must-gather of a live cluster, replayable with --source dir:DIR. */
export async function snapshotRecordCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      out: { type: 'string' },
      source: { type: 'string' },
      node: { type: 'string' },
      since: { type: 'string' },
      'tail-lines': { type: 'string' },
      force: { type: 'boolean' },
      merge: { type: 'boolean' },
      partial: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    0,
  );
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (!values.out) throw new CliError(`snapshot record needs --out DIR\n${USAGE}`);
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
  for (const warning of raw.warnings) io.stderr(`warning: ${warning.source}: ${warning.message}\n`);
  const what = `${raw.nodes.length} node(s) of ${raw.manifest.spec.cluster ?? raw.manifest.metadata.name} into ${out} (${written.files} files${written.recordedAt ? `, data up to ${written.recordedAt}` : ''})`;
  if (written.status.complete) {
    io.stdout(`recorded ${what}; replay with --source dir:${out}\n`);
    return 0;
  }
  const { missing } = written.status;
  for (const part of missing.filter((m) => !raw.warnings.includes(m)))
    io.stderr(`warning: ${part.source}: ${part.message}\n`);
  io.stderr(
    `ptp-mcp: the recording is incomplete: ${missing.length} part(s) could not be read; what was read is in ${out}, marked incomplete in its snapshot.yaml (status.missing lists them); replay it with --source dir:${out} --partial\n`,
  );
  return 2;
}
