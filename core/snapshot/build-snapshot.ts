import { logAnalysisWarnings } from '../analysis/log-warnings.js';
import { ownClockIdentity } from '../analysis/logged-instances.js';
import { recommendProfiles } from '../analysis/profile-recommendation.js';
import { mapWithConcurrency } from '../concurrency.js';
import type { KubeNode, KubePod } from '../model/kubernetes.js';
import type { LinuxptpProgram } from '../model/linuxptp-config.js';
import type { LogAnalysis } from '../model/log-analysis.js';
import type { LogTime } from '../model/log-record.js';
import type { PtpMetric } from '../model/metrics.js';
import type { PmcOutput } from '../model/pmc.js';
import type { ProcessTimeline } from '../model/process-timeline.js';
import type { SampleSeries } from '../model/sample-series.js';
import type { ClusterObjects, DaemonPod, NodeSnapshot, RenderedConfig, Snapshot } from '../model/snapshot.js';
import type { SourceWarning } from '../model/snapshot-manifest.js';
import { naturalCompare } from '../natural-compare.js';
import { parseCloudEventLines } from '../parsers/cloud-event.js';
import { parseEthtoolDriverInfo, parseEthtoolTimestamping } from '../parsers/ethtool-output.js';
import { parseLinuxptpConfig } from '../parsers/linuxptp-config.js';
import { parsePmcOutput } from '../parsers/pmc-output.js';
import { parsePrometheusText } from '../parsers/prometheus-exposition.js';
import { decodePtpMetrics } from '../parsers/ptp-metric-decoding.js';
import type { NamedText, RawCluster, RawNode, TextStream } from '../sources/raw-cluster.js';
import { classifyObjects } from './cluster-objects.js';
import { analyzeLogHere, LogAnalysisThread } from './log-analysis-thread.js';
import { deviceDriverInfo } from './nic-driver-info.js';
import { partialOf } from './partial-data.js';

interface NodeBuildOptions extends BuildOptions {
  /** The thread that analyzes the logs, if not this one. */
  thread?: LogAnalysisThread;
  /** A plain host's clock anchor, for the monotonic seconds of its logs. */
  monoAnchor?: { mono: number; wallMs: number };
  /** Read the configs the daemon log prints (LogAnalyzerOptions.daemonConfigs). */
  daemonConfigs?: boolean;
}

export interface BuildOptions {
  /** Where the raw material came from, for reports (`scenario:demo`, `dir:…`). */
  origin: string;
  /** Offset samples kept per process for window statistics. */
  maxSamples?: number;
  /** Year for klog/syslog dates when the data holds none. */
  year?: number;
  /** The source was asked for this node only: other nodes are not missing, just not read. */
  node?: string;
}

const DEFAULT_MAX_SAMPLES = 65_536;
const NODES_AT_ONCE = 4;
/** From this many nodes the logs are analyzed on a second thread: fewer are read sooner than it starts. */
const THREAD_MIN_NODES = 16;
const DAEMON_CONTAINER = 'linuxptp-daemon-container';

/** Parses everything a source collected into the Snapshot model. */
export async function buildSnapshot(raw: RawCluster, options: BuildOptions): Promise<Snapshot> {
  const { objects, warnings: objectWarnings } = classifyObjects(raw.objects);
  const built: SourceWarning[] = [];
  const objectsOf = objectsByNode(objects);
  const thread =
    raw.nodes.length >= THREAD_MIN_NODES && LogAnalysisThread.available
      ? LogAnalysisThread.shared()
      : undefined;
  // A few nodes at a time: a live source's log requests then overlap with the parsing of other logs.
  const nodes: NodeSnapshot[] = await mapWithConcurrency(raw.nodes, NODES_AT_ONCE, (rawNode) =>
    buildNode(rawNode, objectsOf(rawNode.name), { ...options, thread }, built),
  );
  const unread = options.node === undefined ? nodesExpectingPtp(objects, raw.nodes) : [];
  for (const name of unread) {
    built.push({
      source: `node ${name}`,
      message: 'PTP profiles apply to this node but the source has no data of it',
    });
    nodes.push(
      await buildNode({ name, logs: {}, configs: [], pmc: [], ethtool: [] }, objectsOf(name), options, built),
    );
  }
  // Taken last: the source's own warnings grow while it streams its nodes (RawNode.readRest). Ordered by
  // what they are about, not as concurrent reads happened to end: two reads of the same data say the same.
  const warnings = [...raw.warnings, ...objectWarnings, ...built].sort(byWhatItIsAbout);
  nodes.sort((a, b) => naturalCompare(a.name, b.name));
  const manifest = raw.manifest;
  return {
    meta: {
      name: manifest.metadata.name,
      description: manifest.metadata.description ?? null,
      cluster: manifest.spec.cluster ?? manifest.metadata.name,
      namespace: manifest.spec.namespace,
      source: manifest.spec.source,
      origin: options.origin,
      recordedAt: manifest.spec.recordedAt ?? null,
      dataRange: dataRange(nodes),
      partial: partialOf(manifest),
    },
    cluster: objects,
    nodes,
    warnings,
  };
}

/** By source (node names in natural order), then line; one source's keep their order (a cause, then what followed). */
function byWhatItIsAbout(a: SourceWarning, b: SourceWarning): number {
  return naturalCompare(a.source, b.source) || (a.line ?? 0) - (b.line ?? 0);
}

/**
 * The cluster's objects as one node sees them: only its own Node, pods and NodePtpDevice, grouped once (in
 * their order), since searching all of them for each node is quadratic in a fleet.
 */
function objectsByNode(objects: ClusterObjects): (node: string) => ClusterObjects {
  const group = <T>(items: readonly T[], nodeOf: (item: T) => string | undefined) => {
    const groups = new Map<string | undefined, T[]>();
    for (const item of items) {
      const key = nodeOf(item);
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
    return groups;
  };
  const nodes = group(objects.nodes, (n) => n.metadata.name);
  const pods = group(objects.pods, (p) => p.spec.nodeName);
  const devices = group(objects.nodePtpDevices, (d) => d.metadata.name);
  return (node) => ({
    ...objects,
    nodes: nodes.get(node) ?? [],
    pods: pods.get(node) ?? [],
    nodePtpDevices: devices.get(node) ?? [],
  });
}

/** One node's snapshot; `objects` holds only its own Node, pods and NodePtpDevice (objectsByNode). */
async function buildNode(
  raw: RawNode,
  objects: ClusterObjects,
  options: NodeBuildOptions,
  warnings: SourceWarning[],
): Promise<NodeSnapshot> {
  const kubeNode: KubeNode = objects.nodes.find((n) => n.metadata.name === raw.name) ?? {
    metadata: { name: raw.name },
  };
  const recommendation = recommendProfiles(kubeNode, objects.ptpConfigs);
  const series = new Map<string, SampleSeries>();
  const unreadLogs: string[] = [];
  const clock = raw.host?.record.clock;
  const daemonOptions = {
    ...options,
    ...(clock && { monoAnchor: { mono: clock.monotonic, wallMs: Date.parse(clock.realtime) } }),
    // Only a source that reads the rest of the node after its log uses the configs the log printed.
    daemonConfigs: raw.readRest !== undefined,
  };
  const logs = raw.logs.daemon
    ? await analyzeStream(raw.logs.daemon, daemonOptions, series, warnings, unreadLogs)
    : null;
  const proxyLogs = raw.logs.proxy
    ? await analyzeStream(raw.logs.proxy, { ...options, maxSamples: 0 }, undefined, warnings, unreadLogs)
    : null;
  // A streamed node's rest is read now: what its daemon log already printed needs no exec.
  await raw.readRest?.({ configs: logs?.daemonConfigs ?? [], ownClocks: ownClocks(logs?.processes ?? []) });
  const unread = [...(raw.unread ?? []), ...unreadLogs];
  const cloudEvents = raw.cloudEvents
    ? parseCloudEventLines(raw.cloudEvents.text)
    : { events: [], errors: [] };
  for (const error of cloudEvents.errors)
    warnings.push({ source: raw.cloudEvents!.name, line: error.line, message: error.message });
  return {
    name: raw.name,
    labels: kubeNode.metadata.labels ?? {},
    daemonPod: daemonPodOf(objects.pods, raw.name),
    recommendation: {
      applied: recommendation.applied.map((a) => ({
        name: a.profile.name,
        ptpConfig: a.ptpConfig,
        qualifiedName: a.qualifiedName,
      })),
      priority: recommendation.priority,
      missing: recommendation.missing,
    },
    logs,
    proxyLogs,
    unread,
    configs: raw.configs.map((file) => renderedConfig(file.name, file.text, warnings)),
    pmc: raw.pmc.map((file) => ({ configFile: file.configFile, output: pmcOutput(file, warnings) })),
    metrics: raw.metrics ? ptpMetrics(raw.metrics, warnings) : null,
    nics: raw.ethtool.map((entry) => ({
      iface: entry.iface,
      driverInfo: entry.driverInfo
        ? parseEthtoolDriverInfo(entry.driverInfo.text)
        : deviceDriverInfo(objects.nodePtpDevices, raw.name, entry.iface),
      timestamping: entry.timestamping ? parseEthtoolTimestamping(entry.timestamping.text) : null,
      ...(!entry.timestamping && {
        listedPtpDevice: deviceDriverInfo(objects.nodePtpDevices, raw.name, entry.iface) !== null,
      }),
    })),
    cloudEvents: cloudEvents.events,
    series,
    ...(clock && { pmcReadAt: { wall: Date.parse(clock.realtime), mono: clock.monotonic } }),
  };
}

async function analyzeStream(
  stream: TextStream,
  options: NodeBuildOptions,
  series: Map<string, SampleSeries> | undefined,
  warnings: SourceWarning[],
  unread: string[],
): Promise<LogAnalysis | null> {
  const analyzerOptions = {
    maxSamples: options.maxSamples ?? DEFAULT_MAX_SAMPLES,
    year: options.year,
    monoAnchor: options.monoAnchor,
    daemonConfigs: options.daemonConfigs,
  };
  let wasInterrupted = false;
  const interrupted = (error: Error) => {
    wasInterrupted = true;
    const message = `read interrupted: ${error.message}`;
    warnings.push({ source: stream.name, message });
    unread.push(`${stream.name}: ${message}`);
  };
  const keepSeries = series !== undefined;
  const log = options.thread
    ? await options.thread.analyze(stream, analyzerOptions, keepSeries, interrupted)
    : await analyzeLogHere(stream, analyzerOptions, keepSeries, interrupted);
  for (const [key, samples] of log.series) series?.set(key, samples);
  // What logs analyze warns about a file (encoding, long lines, time going back) is as true of a node's log;
  // of a read cut short, the interruption is the warning (it would also read as "empty").
  if (!wasInterrupted)
    for (const message of logAnalysisWarnings(log.analysis)) warnings.push({ source: stream.name, message });
  return log.analysis;
}

function pmcOutput(file: NamedText, warnings: SourceWarning[]): PmcOutput {
  const output = parsePmcOutput(file.text);
  if (output.unparsedLines > 0)
    warnings.push({ source: file.name, message: `${output.unparsedLines} line(s) not pmc output` });
  for (const request of output.unanswered)
    warnings.push({ source: file.name, message: `no answer to ${request}` });
  return output;
}

function ptpMetrics(file: NamedText, warnings: SourceWarning[]): PtpMetric[] {
  const parsed = parsePrometheusText(file.text);
  for (const diagnostic of parsed.diagnostics)
    warnings.push({ source: file.name, line: diagnostic.line, message: diagnostic.message });
  return decodePtpMetrics(parsed.samples);
}

const CONFIG_FILE = /^(ptp4l|phc2sys|ts2phc|synce4l|chronyd)\.(\d+)\.config$/;

function renderedConfig(name: string, text: string, warnings: SourceWarning[]): RenderedConfig {
  const file = name.split('/').pop() ?? name;
  const match = CONFIG_FILE.exec(file);
  const config = parseLinuxptpConfig(text);
  for (const diagnostic of config.diagnostics.filter((d) => d.severity === 'error')) {
    warnings.push({ source: name, line: diagnostic.line, message: diagnostic.message });
  }
  return {
    file,
    program: (match?.[1] as LinuxptpProgram | undefined) ?? null,
    index: match ? Number(match[2]) : null,
    config,
    text,
  };
}

function daemonPodOf(pods: readonly KubePod[], node: string): DaemonPod | null {
  const pod = pods.find(
    (p) => p.spec.nodeName === node && p.spec.containers?.some((c) => c.name === DAEMON_CONTAINER),
  );
  if (!pod) return null;
  const statuses = pod.status?.containerStatuses ?? [];
  return {
    name: pod.metadata.name ?? '',
    phase: pod.status?.phase ?? null,
    ready: statuses.length > 0 ? statuses.every((s) => s.ready === true) : null,
    restarts: Object.fromEntries(statuses.map((s) => [s.name, s.restartCount ?? 0])),
  };
}

/** Nodes whose labels or names select PTP profiles but of which the source has no folder. */
function nodesExpectingPtp(objects: ClusterObjects, rawNodes: readonly RawNode[]): string[] {
  const known = new Set(rawNodes.map((node) => node.name));
  return objects.nodes
    .filter((node) => node.metadata.name && !known.has(node.metadata.name))
    .filter((node) => recommendProfiles(node, objects.ptpConfigs).applied.length > 0)
    .map((node) => node.metadata.name!);
}

function dataRange(nodes: readonly NodeSnapshot[]): { first: LogTime | null; last: LogTime | null } {
  let first: LogTime | null = null;
  let last: LogTime | null = null;
  for (const node of nodes) {
    const range = node.logs?.timeRange;
    if (range?.first?.wall !== undefined && (first?.wall === undefined || range.first.wall < first.wall))
      first = range.first;
    if (range?.last?.wall !== undefined && (last?.wall === undefined || range.last.wall > last.wall))
      last = range.last;
  }
  return { first, last };
}

/** The ptp4l instances that named their own clock in the log (logged-instances.ts ownClockIdentity). */
function ownClocks(timelines: readonly ProcessTimeline[]): Set<string> {
  return new Set(
    timelines
      .filter((t) => t.name === 'ptp4l' && t.configTag !== null && ownClockIdentity(t) !== undefined)
      .map((t) => t.configTag!),
  );
}
