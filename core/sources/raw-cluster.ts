import type { HostRecord } from '../model/host-record.js';
import type { DaemonConfig } from '../model/log-analysis.js';
import type { SnapshotManifest, SourceWarning } from '../model/snapshot-manifest.js';
import type { AllowedCommand } from './exec-allowlist.js';
import type { ExecResult } from './recorded-command.js';

/** A text a source can stream without holding it whole (a pod log, a log file). */
export interface TextStream {
  /** Where it comes from, for messages: a file path or `pod/container`. */
  name: string;
  open(): AsyncIterable<Uint8Array>;
}

/** A small text with the name of where it came from. */
export interface NamedText {
  name: string;
  text: string;
}

/** A Kubernetes object as read, with where it was read, for error messages. */
export interface RawObject {
  source: string;
  line?: number;
  object: unknown;
}

/** The raw material of one node: what the daemon pod logs, serves and answers. Nothing is parsed yet. */
export interface RawNode {
  name: string;
  logs: { daemon?: TextStream; proxy?: TextStream };
  metrics?: NamedText;
  /** Rendered /var/run configs, keyed by file name (`ptp4l.0.config`). */
  configs: NamedText[];
  /** pmc output per ptp4l config file. */
  pmc: (NamedText & { configFile: string })[];
  ethtool: { iface: string; driverInfo?: NamedText; timestamping?: NamedText }[];
  /** Cloud events, one JSON per line. */
  cloudEvents?: NamedText;
  /**
   * A plain linuxptp host (plugins/linuxptp-host): its clock anchor and where its configs came from, and
   * its logs one by one as recorded (`logs.daemon` is them merged in time order).
   */
  host?: { record: HostRecord; logs: { file: string; stream: TextStream }[] };
  /** What of this node the source tried and could not read, and why, one line each (not what is absent). */
  unread?: string[];
  /**
   * Only when collect() was asked to `streamNodes`: reads the rest of the node (metrics, configs, pmc,
   * ethtool) once its daemon log has been read, given what that log told (which then needs no exec);
   * settles when they and their warnings have arrived.
   */
  readRest?: (fromLog: LogTold) => Promise<void>;
}

/** What a node's daemon log already told, so that a live source need not ask it again. */
export interface LogTold {
  /** The configs the daemon printed. */
  configs: readonly DaemonConfig[];
  /** The ptp4l config files whose ptp4l named its own clock (`selected local clock X as best master`). */
  ownClocks: ReadonlySet<string>;
}

/** What a data source returns: raw material for the parsers, and what it could not read. */
export interface RawCluster {
  manifest: SnapshotManifest;
  objects: RawObject[];
  nodes: RawNode[];
  warnings: SourceWarning[];
}

export interface CollectOptions {
  /** Only this node (the others are not read at all). */
  node?: string;
  /** Only the log lines of this profile (its config files' tags, and daemon lines naming it). */
  profile?: string;
  /** Live sources: how much of the pod logs to read, counted back from the API server's now. */
  logs?: { sinceSeconds?: number; tailLines?: number };
  /**
   * The caller calls each node's `readRest` once it has read the node's daemon log (as buildSnapshot
   * does) and waits for it: a live source may then hand out
   * the nodes at once and read them while the caller reads the logs of the first ones.
   */
  streamNodes?: boolean;
  /** Called as nodes are read, for progress on a terminal. */
  onProgress?: (done: number, total: number) => void;
}

/** Cloud events a consumer received (plugins/cloud-events), by node, as the snapshot's JSON lines. */
export interface CloudEventHistory {
  jsonLines(node: string): string;
  /** The nodes it has events of (or follows): with jsonLines, all it holds, as plain data for a work thread. */
  nodes(): string[];
}

/** A data-source plugin instance: it knows where data lives and fetches it; it never analyses. */
export interface PtpDataSource {
  /** Human description: `snapshot fixtures/clusters/demo`, `cluster context admin@lab`. */
  readonly description: string;
  collect(options?: CollectOptions): Promise<RawCluster>;
  /**
   * Runs a command of the exec allowlist on a node: in its daemon container for a live cluster,
   * answered from what was recorded for a snapshot. `command` is argv as the core's exec gate parsed
   * it (core/sources/exec-gate.ts): a source is never handed a command off the allowlist.
   */
  run(node: string, argv: string[], command: AllowedCommand): Promise<ExecResult>;
}

/** A source as the core hands it out (core/sources/exec-gate.ts): `run` checks argv against the allowlist. */
export interface OpenedSource {
  readonly description: string;
  collect(options?: CollectOptions): Promise<RawCluster>;
  run(node: string, argv: string[]): Promise<ExecResult>;
}
