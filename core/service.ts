import { inject, injectable } from 'tsyringe';
import { clockHierarchy, withAnnouncedGrandmasters } from './analysis/clock-hierarchy.js';
import { type AnalysisWindow, nodeStatus } from './analysis/node-status.js';
import { snapshotListeningClocks } from './analysis/unheard-clocks.js';
import { applyPackPolicy, type PackPolicy, runnablePacks } from './config/pack-policy.js';
import { type LogQuery, searchLog } from './logs/log-search.js';
import type { Diagnosis } from './model/diagnosis.js';
import { type Finding, type Health, healthOf } from './model/finding.js';
import type { LogExcerpt } from './model/log-excerpt.js';
import type { Snapshot } from './model/snapshot.js';
import { nicFacts } from './nic/nic-facts.js';
import { NicProfiles } from './nic/nic-profiles.js';
import { PluginRegistry } from './plugins/plugin-registry.js';
import type { SourceCapabilities } from './plugins/plugin-schema.js';
import { findingsByNode } from './reports/findings-by-node.js';
import { runtimeEvaluations } from './rules/facts/runtime-evaluations.js';
import { PackCache } from './rules/pack-cache.js';
import { type EvaluationsByScope, sortFindings } from './rules/rule-engine.js';
import { buildSnapshot } from './snapshot/build-snapshot.js';
import { markPartial } from './snapshot/partial-data.js';
import { configFilesOfProfile, profileLogFilter } from './sources/profile-log-filter.js';
import type { CollectOptions, OpenedSource, TextStream } from './sources/raw-cluster.js';
import type { ExecResult } from './sources/recorded-command.js';
import { SourceError } from './sources/source-error.js';

export interface SnapshotRequest extends CollectOptions {
  /** `demo`, `scenario:NAME`, `dir:PATH` (and the live sources of later plugins). */
  source: string;
  year?: number;
  maxSamples?: number;
}

/** The packs a diagnosis always evaluates; `packs` of a request add to them. */
export const RUNTIME_PACKS = ['fault-severity', 'clock-class-fallback'];

/** The scopes of packs judging a snapshot (the others judge configurations). */
const RUNTIME_SCOPES: ReadonlySet<string> = new Set(['node', 'process', 'cluster']);

export interface LogSearchRequest {
  source: string;
  node: string;
  container: 'daemon' | 'proxy';
  profile?: string;
  lastMs?: number;
  query: LogQuery;
}

export interface DiagnoseRequest extends SnapshotRequest {
  /** Rule packs (names or paths) evaluated besides the built-in runtime packs. */
  packs?: string[];
  /** Built-in packs disabled or replaced (the config file's packs.disable and packs.replace). */
  packPolicy?: PackPolicy;
  window?: AnalysisWindow;
  /** Only the last part of the data, in ms before its end (the data's end, never the clock's "now"). */
  lastMs?: number;
}

/** The façade every transport calls (CLI, MCP, HTTP): they format what it returns and hold no logic. */
@injectable()
export class PtpService {
  constructor(@inject(PluginRegistry) private readonly registry: PluginRegistry) {}

  /** The `--source` forms the registered plugins accept. */
  sourceUsages(): string[] {
    return this.registry.sourceUsages();
  }

  /** A source, behind the core's exec gate (commands on its nodes pass the allowlist first). */
  openSource(spec: string): OpenedSource {
    return this.registry.open(spec);
  }

  /** What the source of `spec` can do (live, recorded, exec), as its plugin declares it. */
  sourceCapabilities(spec: string): SourceCapabilities {
    return this.registry.sourceFor(spec).capabilities;
  }

  /** The NIC profiles of the plugins (built-in vendors first, a plugin's replacing one of its driver). */
  nicProfiles(): NicProfiles {
    this.nics ??= new NicProfiles(this.registry.nicProfileFiles());
    return this.nics;
  }

  /**
   * The plugins' pack files: of runtime scopes (run in every diagnosis), of configuration scopes (in every
   * lint), or all of them.
   */
  pluginPacks(kind?: 'runtime' | 'config'): string[] {
    return this.registry
      .packFiles()
      .filter(
        (file) =>
          kind === undefined ||
          RUNTIME_SCOPES.has(this.packCache.get(file).loaded.pack.spec.scope) === (kind === 'runtime'),
      );
  }

  /**
   * The lines of a node's daemon (or cloud-event-proxy) log that a query keeps: streamed, capped, with
   * times from the data. `lastMs` counts back from when the data ends (a recording's recordedAt, a
   * live cluster's now, else the log's last dated line).
   */
  async searchLogs(request: LogSearchRequest): Promise<LogExcerpt> {
    const { live } = this.sourceCapabilities(request.source);
    const raw = await this.openSource(request.source).collect({
      node: request.node,
      logs:
        live && request.lastMs !== undefined ? { sinceSeconds: Math.ceil(request.lastMs / 1000) } : undefined,
    });
    const node = raw.nodes.find((n) => n.name === request.node);
    if (!node) throw new SourceError(`no node "${request.node}" in ${request.source}`);
    let stream = request.container === 'proxy' ? node.logs.proxy : node.logs.daemon;
    if (!stream)
      throw new SourceError(
        `node ${request.node} has no ${request.container === 'proxy' ? 'cloud-event-proxy' : 'daemon'} log in ${request.source}`,
      );
    if (request.profile !== undefined)
      stream = profileLogFilter(stream, request.profile, configFilesOfProfile(node.configs, request.profile));
    const query = { ...request.query };
    if (request.lastMs !== undefined && !live) {
      const recorded = raw.manifest.spec.recordedAt ? Date.parse(raw.manifest.spec.recordedAt) : Number.NaN;
      const end = Number.isNaN(recorded) ? await lastTimeOf(stream) : recorded;
      if (end !== undefined) query.from = end - request.lastMs;
    }
    return searchLog(stream, query);
  }

  /** An allowlisted command on a node of a source (pmc GET, ethtool, cat of a rendered config). */
  run(source: string, node: string, argv: string[]): Promise<ExecResult> {
    return this.openSource(source).run(node, argv);
  }

  async snapshot(request: SnapshotRequest): Promise<Snapshot> {
    // Nodes may stream (buildSnapshot waits for each), unless a profile's configs must filter the logs first.
    const raw = await this.openSource(request.source).collect({
      ...request,
      streamNodes: request.profile === undefined,
    });
    if (request.profile !== undefined) {
      for (const node of raw.nodes) {
        const files = configFilesOfProfile(node.configs, request.profile);
        if (node.logs.daemon) node.logs.daemon = profileLogFilter(node.logs.daemon, request.profile, files);
      }
    }
    return buildSnapshot(raw, {
      origin: request.source,
      year: request.year,
      maxSamples: request.maxSamples,
      node: request.node,
    });
  }

  async diagnose(request: DiagnoseRequest): Promise<Diagnosis> {
    const { facts, evaluations } = await this.runtimeFacts(request);
    const findings: Finding[] = [];
    const suppressed: Diagnosis['suppressed'] = [];
    const packs: Diagnosis['packs'] = [];
    const references = applyPackPolicy(
      [...RUNTIME_PACKS, ...this.pluginPacks('runtime'), ...(request.packs ?? [])],
      request.packPolicy,
    );
    for (const { loaded, evaluator } of runnablePacks(this.packCache, references, request.packPolicy)) {
      const result = await evaluator.evaluate(evaluations);
      findings.push(...result.findings);
      suppressed.push(...result.suppressed);
      packs.push({
        name: loaded.pack.metadata.name,
        version: loaded.pack.metadata.version,
        file: loaded.file,
      });
    }
    const sorted = sortFindings(markPartial(findings, facts.meta.partial));
    const health = healthByNode(sorted, facts.nodes);
    return { ...facts, packs, findings: sorted, suppressed, health };
  }

  /** The facts of a diagnosis before judgment, and the evaluations the runtime packs see (pack tests use them too). */
  async runtimeFacts(request: Omit<DiagnoseRequest, 'packs'>): Promise<{
    facts: Omit<Diagnosis, 'packs' | 'findings' | 'suppressed' | 'health'>;
    evaluations: EvaluationsByScope;
  }> {
    const started = performance.now();
    const snapshot = await this.snapshot(request);
    const readMs = Math.round(performance.now() - started);
    if (request.node !== undefined && !snapshot.nodes.some((node) => node.name === request.node)) {
      throw new SourceError(`no node "${request.node}" in ${snapshot.meta.origin}`);
    }
    const end = snapshot.meta.dataRange.last?.wall;
    const window: AnalysisWindow =
      request.lastMs !== undefined && end !== undefined
        ? { from: end - request.lastMs, to: end }
        : (request.window ?? {});
    const statuses = snapshot.nodes.map((node) => nodeStatus(node, snapshot, window));
    const hierarchy = clockHierarchy(statuses);
    const nodes = withAnnouncedGrandmasters(statuses, hierarchy);
    const facts: Omit<Diagnosis, 'packs' | 'findings' | 'suppressed' | 'health'> = {
      meta: snapshot.meta,
      window: { from: window.from ?? null, to: window.to ?? null },
      nodes,
      hierarchy,
      readMs,
      warnings: snapshot.warnings,
    };
    const listening = snapshotListeningClocks(snapshot, statuses);
    const profiles = this.nicProfiles();
    const nics = new Map(snapshot.nodes.map((node) => [node.name, nicFacts(node, profiles)]));
    return { facts, evaluations: runtimeEvaluations(facts, snapshot.cluster.ptpConfigs, listening, nics) };
  }

  private readonly packCache = new PackCache();
  private nics: NicProfiles | undefined;
}

/** A node without data is at least UNKNOWN, and so is a cluster with such a node (finding-free otherwise). */
function healthByNode(findings: readonly Finding[], nodes: Diagnosis['nodes']): Diagnosis['health'] {
  const findingsOf = findingsByNode(findings);
  const byNode: Record<string, Health> = {};
  for (const node of nodes) byNode[node.node] = healthOf(findingsOf.get(node.node) ?? [], !node.hasData);
  const unknown = nodes.filter((node) => !node.hasData).map((node) => node.node);
  return { cluster: healthOf(findings, unknown.length > 0), nodes: byNode, unknown };
}

/** The time of a log's last dated line (a second pass; only when the source says nothing of its end). */
async function lastTimeOf(stream: TextStream): Promise<number | undefined> {
  const { lines } = await searchLog(stream, { limit: 1, keep: 'last', pattern: /./ });
  return lines[0]?.time ? Date.parse(lines[0].time) : undefined;
}
