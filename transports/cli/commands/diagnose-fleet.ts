import type { PackPolicy } from '../../../core/config/pack-policy.js';
import { fleetHealth } from '../../../core/fleet/fleet-health.js';
import { type Severity, severityRank } from '../../../core/model/finding.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { renderFleet } from '../format/fleet-text.js';
import { writeOutput } from '../format/output-file.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';

/** Whether `diagnose` reads a fleet: several `--context`s (or the config's `sources.contexts`), or `--all-contexts`. */
export function readsFleet(app: CliApp): boolean {
  return app.kube.allContexts === true || (app.kube.contexts?.length ?? 0) > 1;
}

export interface FleetDiagnoseOptions {
  source?: string;
  node?: string;
  lastMs?: number;
  packs?: string[];
  packPolicy?: PackPolicy;
  format: 'text' | 'json' | 'html';
  out?: string;
  failOn?: Severity;
  concurrency?: number;
}

/**
 * `diagnose` of a fleet: the cluster of each context, a few at once, each answered as its health, its
 * worst nodes and its grandmasters; a cluster that cannot be read is a warning. Exit 2 only when none
 * could be read; 1 when a finding of a cluster is at or above --fail-on.
 */
export async function diagnoseFleet(options: FleetDiagnoseOptions, io: CliIo, app: CliApp): Promise<number> {
  if (options.source !== undefined && options.source !== 'cluster')
    throw new CliError(
      `several contexts are read as live clusters: --source ${options.source} does not go with them`,
    );
  if (options.format === 'html') throw new CliError('--format html shows one cluster: give one --context');
  if (options.node !== undefined)
    throw new CliError('--node reads one cluster: give one --context with it, not several');
  const contexts = app.kube.allContexts
    ? (await import('../../../plugins/kubernetes/kube-config.js'))
        .kubeContexts(app.kube.kubeconfig)
        .map((context) => context.name)
    : app.kube.contexts!;
  if (contexts.length === 0) throw new CliError('the kubeconfig has no context');
  const service = await app.service();
  const fleet = await fleetHealth({
    contexts,
    concurrency: options.concurrency,
    diagnose: (context) =>
      service.diagnose({
        source: `cluster:${context}`,
        lastMs: options.lastMs,
        packs: options.packs,
        packPolicy: options.packPolicy,
      }),
    onProgress: progressReporter(io, 'clusters read'),
  });
  writeOutput(
    io,
    options.out,
    options.format === 'json' ? `${JSON.stringify(fleet, null, 2)}\n` : renderFleet(fleet),
  );
  if (fleet.clusters.length === 0) {
    io.stderr(`ptp-mcp: none of the ${contexts.length} cluster(s) could be read: see the warnings\n`);
    return 2;
  }
  if (options.failOn === undefined) return 0;
  const failOn = options.failOn;
  const failing = fleet.clusters.filter((cluster) =>
    Object.entries(cluster.bySeverity).some(
      ([severity, n]) => n > 0 && severityRank(severity as Severity) >= severityRank(failOn),
    ),
  );
  if (failing.length === 0) return 0;
  io.stderr(
    `ptp-mcp: ${failing.length} cluster(s) with findings at or above ${failOn}: ${failing.map((c) => c.context).join(', ')}\n`,
  );
  return 1;
}
