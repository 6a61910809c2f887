import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SnapshotManifest, type SourceWarning } from '../../core/model/snapshot-manifest.js';
import { parseKubeYaml } from '../../core/parsers/kube-yaml.js';
import { READ_CHUNK_BYTES } from '../../core/parsers/log/line-splitter.js';
import { allowCommand } from '../../core/sources/exec-allowlist.js';
import type {
  CollectOptions,
  NamedText,
  PtpDataSource,
  RawCluster,
  RawNode,
  RawObject,
} from '../../core/sources/raw-cluster.js';
import { type ExecResult, respond } from '../../core/sources/recorded-command.js';
import { SourceError } from '../../core/sources/source-error.js';

/** Files read whole (objects, metrics, configs) must stay small; logs are streamed and have no limit. */
const MAX_SMALL_FILE_BYTES = 32 * 1024 * 1024;
const CLUSTER_FILES = [
  'nodes.yaml',
  'ptpconfigs.yaml',
  'ptpoperatorconfigs.yaml',
  'nodeptpdevices.yaml',
  'hardwareconfigs.yaml',
  'pods.yaml',
  'events.yaml',
];

/** Reads a snapshot folder (docs/snapshot-format.md). Problems become warnings naming the file. */
export class SnapshotFolderSource implements PtpDataSource {
  readonly description: string;

  constructor(
    private readonly root: string,
    private readonly label = root,
  ) {
    this.description = `snapshot ${label}`;
  }

  async run(node: string, argv: string[]): Promise<ExecResult> {
    const command = allowCommand(argv);
    const raw = await this.collect({ node });
    const recorded = raw.nodes.find((n) => n.name === node);
    if (!recorded) throw new SourceError(`no node "${node}" in ${this.description}`);
    return respond(command, recorded);
  }

  async collect(options: CollectOptions = {}): Promise<RawCluster> {
    const info = await stat(this.root).catch(() => undefined);
    if (!info?.isDirectory()) throw new SourceError(`no snapshot folder at ${this.label}`);
    // A folder with none of a snapshot's parts is a wrong path, not an empty cluster.
    const parts = await Promise.all(
      ['snapshot.yaml', 'cluster', 'nodes'].map((part) => stat(join(this.root, part)).catch(() => undefined)),
    );
    if (parts.every((part) => part === undefined)) {
      throw new SourceError(
        `${this.label} is not a snapshot folder: it has no snapshot.yaml, cluster/ or nodes/ (docs/snapshot-format.md)`,
      );
    }
    const warnings: SourceWarning[] = [];
    const manifest = await this.readManifest(warnings);
    const objects = await this.readObjects(warnings);
    const nodeNames = (await this.listDirectory('nodes', warnings, true)).filter(
      (name) => options.node === undefined || name === options.node,
    );
    const nodes: RawNode[] = [];
    for (const name of nodeNames) {
      nodes.push(await this.readNode(name, warnings));
      options.onProgress?.(nodes.length, nodeNames.length);
    }
    return { manifest, objects, nodes, warnings };
  }

  private async readManifest(warnings: SourceWarning[]): Promise<SnapshotManifest> {
    const fallback: SnapshotManifest = {
      apiVersion: 'ptp-mcp/v1',
      kind: 'Snapshot',
      metadata: { name: this.label },
      spec: { namespace: 'openshift-ptp', source: 'recorded' },
    };
    const text = await this.readSmall('snapshot.yaml', warnings);
    if (text === undefined) return fallback;
    let parsed: unknown;
    try {
      parsed = parseYaml(text, { maxAliasCount: 100 });
    } catch (error) {
      warnings.push({
        source: this.name('snapshot.yaml'),
        message: `not YAML: ${(error as Error).message.split('\n')[0]}`,
      });
      return fallback;
    }
    const result = SnapshotManifest.safeParse(parsed);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    warnings.push({
      source: this.name('snapshot.yaml'),
      message: `${issue.path.join('.') || 'manifest'}: ${issue.message}`,
    });
    return fallback;
  }

  private async readObjects(warnings: SourceWarning[]): Promise<RawObject[]> {
    const objects: RawObject[] = [];
    for (const file of CLUSTER_FILES) {
      const path = join('cluster', file);
      const text = await this.readSmall(path, warnings, true);
      if (text === undefined) continue;
      const parsed = parseKubeYaml(text, this.name(path));
      warnings.push(...parsed.errors);
      for (const { object, line } of parsed.objects) objects.push({ source: this.name(path), line, object });
    }
    return objects;
  }

  private async readNode(name: string, warnings: SourceWarning[]): Promise<RawNode> {
    const dir = join('nodes', name);
    const node: RawNode = { name, logs: {}, configs: [], pmc: [], ethtool: [] };
    const daemonLog = await this.stream(join(dir, 'logs', 'linuxptp-daemon-container.log'));
    if (daemonLog) node.logs.daemon = daemonLog;
    const proxyLog = await this.stream(join(dir, 'logs', 'cloud-event-proxy.log'));
    if (proxyLog) node.logs.proxy = proxyLog;
    node.metrics = await this.namedText(join(dir, 'metrics.prom'), warnings);
    node.cloudEvents = await this.namedText(join(dir, 'cloud-events.jsonl'), warnings);
    for (const file of await this.listDirectory(join(dir, 'configs'), warnings)) {
      const text = await this.namedText(join(dir, 'configs', file), warnings);
      if (text) node.configs.push(text);
    }
    for (const file of await this.listDirectory(join(dir, 'pmc'), warnings)) {
      const text = await this.namedText(join(dir, 'pmc', file), warnings);
      if (text) node.pmc.push({ ...text, configFile: file.replace(/\.txt$/, '') });
    }
    const ethtool = new Map<string, RawNode['ethtool'][number]>();
    for (const file of await this.listDirectory(join(dir, 'ethtool'), warnings)) {
      const match = /^(.+)\.(i|T)\.txt$/.exec(file);
      if (!match) {
        warnings.push({
          source: this.name(join(dir, 'ethtool', file)),
          message: 'expected <iface>.i.txt or <iface>.T.txt',
        });
        continue;
      }
      const text = await this.namedText(join(dir, 'ethtool', file), warnings);
      if (!text) continue;
      const entry = ethtool.get(match[1]!) ?? { iface: match[1]! };
      if (match[2] === 'i') entry.driverInfo = text;
      else entry.timestamping = text;
      ethtool.set(match[1]!, entry);
    }
    node.ethtool = [...ethtool.values()];
    return node;
  }

  private async stream(path: string): Promise<RawNode['logs']['daemon']> {
    const full = join(this.root, path);
    const info = await stat(full).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    return { name: this.name(path), open: () => createReadStream(full, { highWaterMark: READ_CHUNK_BYTES }) };
  }

  private async namedText(path: string, warnings: SourceWarning[]): Promise<NamedText | undefined> {
    const text = await this.readSmall(path, warnings, true);
    return text === undefined ? undefined : { name: this.name(path), text };
  }

  /** A small file's text, or undefined (with a warning unless it is simply absent and optional). */
  private async readSmall(
    path: string,
    warnings: SourceWarning[],
    optional = false,
  ): Promise<string | undefined> {
    const full = join(this.root, path);
    const info = await stat(full).catch(() => undefined);
    if (!info) {
      if (!optional) warnings.push({ source: this.name(path), message: 'missing' });
      return undefined;
    }
    if (!info.isFile()) {
      warnings.push({ source: this.name(path), message: 'not a file' });
      return undefined;
    }
    if (info.size > MAX_SMALL_FILE_BYTES) {
      warnings.push({
        source: this.name(path),
        message: `${info.size} bytes: larger than ${MAX_SMALL_FILE_BYTES}, not read`,
      });
      return undefined;
    }
    return (await readFile(full, 'utf8')).replace(/^\uFEFF/, '');
  }

  private async listDirectory(path: string, warnings: SourceWarning[], required = false): Promise<string[]> {
    const entries = await readdir(join(this.root, path)).catch(() => undefined);
    if (!entries) {
      if (required) warnings.push({ source: this.name(path), message: 'missing: the snapshot has no nodes' });
      return [];
    }
    return entries.filter((entry) => !entry.startsWith('.')).sort();
  }

  private name(path: string): string {
    return join(this.label, relative('.', path));
  }
}
