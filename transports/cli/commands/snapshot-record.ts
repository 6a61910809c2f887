import { existsSync, readdirSync } from 'node:fs';
import { parseDuration } from '../../../core/duration.js';
import { writeSnapshot } from '../../../core/snapshot/write-snapshot.js';
import { integerOption, parseCommandArgs } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';

const USAGE = `usage: ptp-mcp snapshot record --out DIR [--source cluster|cluster:CONTEXT|dir:PATH|scenario:NAME]
                               [--node NODE] [--since DURATION] [--tail-lines N]
       (--kubeconfig FILE and --namespace NS reach the cluster; the default source is the current context)`;

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
  if (existsSync(values.out) && readdirSync(values.out).length > 0)
    throw new CliError(`${values.out} is not empty: record into a new folder`);
  const sinceMs = values.since === undefined ? undefined : parseDuration(values.since);
  if (values.since !== undefined && sinceMs === undefined)
    throw new CliError(`--since takes a duration such as 30m or 2h (got "${values.since}")`);
  const source = (await app.service()).openSource(values.source ?? 'cluster');
  const raw = await source.collect({
    node: values.node,
    logs: {
      sinceSeconds: sinceMs === undefined ? undefined : Math.ceil(sinceMs / 1000),
      tailLines: integerOption(values['tail-lines'], 'tail-lines'),
    },
    onProgress: progressReporter(io, 'nodes read'),
  });
  const written = await writeSnapshot(raw, values.out, progressReporter(io, 'nodes written'));
  for (const warning of raw.warnings) io.stderr(`warning: ${warning.source}: ${warning.message}\n`);
  io.stdout(
    `recorded ${raw.nodes.length} node(s) of ${raw.manifest.spec.cluster ?? raw.manifest.metadata.name} into ${values.out} (${written.files} files${written.recordedAt ? `, data up to ${written.recordedAt}` : ''}); replay with --source dir:${values.out}\n`,
  );
  return 0;
}
