import type { HostRecord } from '../model/host-record.js';
import type { SnapshotManifest, SourceWarning } from '../model/snapshot-manifest.js';
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
   * Only when collect() was asked to `streamNodes`: settles once the node's metrics, configs, pmc and
   * ethtool output (and its warnings) have arrived; its log streams can be read before.
   */
  ready?: Promise<void>;
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
   * The caller waits for each node's `ready` (as buildSnapshot does): a live source may then hand out
   * the nodes at once and read them while the caller reads the logs of the first ones.
   */
  streamNodes?: boolean;
  /** Called as nodes are read, for progress on a terminal. */
  onProgress?: (done: number, total: number) => void;
}

/** Cloud events a consumer received (plugins/cloud-events), by node, as the snapshot's JSON lines. */
export interface CloudEventHistory {
  jsonLines(node: string): string;
}

/** A data-source plugin instance: it knows where data lives and fetches it; it never analyses. */
export interface PtpDataSource {
  /** Human description: `snapshot fixtures/clusters/demo`, `cluster context admin@lab`. */
  readonly description: string;
  collect(options?: CollectOptions): Promise<RawCluster>;
  /**
   * Runs a command of the exec allowlist on a node: in its daemon container for a live cluster,
   * answered from what was recorded for a snapshot. Anything off the allowlist is refused.
   */
  run(node: string, argv: string[]): Promise<ExecResult>;
}

/** A plugin registered in the container: which `--source` specs it serves and how to open one. */
export interface SourcePlugin {
  readonly name: string;
  /** Usage line for `--source`, e.g. `dir:PATH`. */
  readonly usage: string;
  matches(spec: string): boolean;
  open(spec: string): PtpDataSource;
}
