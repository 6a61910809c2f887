import { join } from 'node:path';
import { FileReadError } from '../../core/io/regular-file.js';
import type { SnapshotManifest, SourceWarning } from '../../core/model/snapshot-manifest.js';
import { parseKubeYaml } from '../../core/parsers/kube-yaml.js';
import type { AllowedCommand } from '../../core/sources/exec-allowlist.js';
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
import { FolderFiles } from './folder-files.js';
import { HOST_FILE, readHostNode } from './host-files.js';
import { MANIFEST_FILE, readManifestFile } from './manifest-file.js';

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

export interface SnapshotReadOptions {
  /**
   * Read a folder whose snapshot.yaml is missing, invalid or marks the recording incomplete: the
   * snapshot then says it is partial (meta.partial, and every finding). Refused otherwise.
   */
  partial?: boolean;
}

/**
 * Reads a snapshot folder (docs/snapshot-format.md). A file that cannot be read safely or parsed becomes
 * a warning naming it (and the line), and the rest loads; a node loses only that file's data.
 */
export class SnapshotFolderSource implements PtpDataSource {
  readonly description: string;
  private readonly files: FolderFiles;

  constructor(
    root: string,
    private readonly label = root,
    private readonly options: SnapshotReadOptions = {},
  ) {
    this.description = `snapshot ${label}`;
    this.files = new FolderFiles(root, label);
  }

  async run(node: string, _argv: string[], command: AllowedCommand): Promise<ExecResult> {
    const raw = await this.collect({ node });
    const recorded = raw.nodes.find((n) => n.name === node);
    if (!recorded) throw new SourceError(`no node "${node}" in ${this.description}`);
    return respond(command, recorded);
  }

  async collect(options: CollectOptions = {}): Promise<RawCluster> {
    if ((await this.files.list('.').catch(() => undefined)) === undefined)
      throw new SourceError(`no snapshot folder at ${this.label}`);
    // A folder with none of a snapshot's parts is a wrong path, not an empty cluster.
    const parts = await Promise.all(
      [MANIFEST_FILE, 'cluster', 'nodes'].map((part) => this.files.exists(part)),
    );
    if (!parts.some(Boolean)) {
      throw new SourceError(
        `${this.label} is not a snapshot folder: it has no snapshot.yaml, cluster/ or nodes/ (docs/snapshot-format.md)`,
      );
    }
    const manifest = await this.readManifest();
    const warnings: SourceWarning[] = [];
    const objects = await this.readObjects(warnings);
    if (!(await this.files.exists('nodes')))
      warnings.push({ source: this.files.name('nodes'), message: 'missing: the snapshot has no nodes' });
    const listed = (await this.orWarn(this.files.list('nodes'), warnings)) ?? [];
    const nodeNames: string[] = [];
    for (const name of listed.filter((entry) => options.node === undefined || entry === options.node)) {
      // A stray file (a README) is no node; a node folder that cannot be read is one, of unknown health.
      if (await this.files.isPlainFile(join('nodes', name)))
        warnings.push({
          source: this.files.name(join('nodes', name)),
          message: 'is a file, not a node folder: ignored',
        });
      else nodeNames.push(name);
    }
    const nodes: RawNode[] = [];
    for (const name of nodeNames) {
      nodes.push(await this.readNode(name, warnings));
      options.onProgress?.(nodes.length, nodeNames.length);
    }
    return { manifest, objects, nodes, warnings };
  }

  /** The manifest; one that is not valid and complete is refused unless partial data was asked for. */
  private async readManifest(): Promise<SnapshotManifest> {
    const { manifest, problem } = await readManifestFile(this.files);
    if (problem === undefined) return manifest;
    const file = this.files.name(MANIFEST_FILE);
    if (!this.options.partial)
      throw new SourceError(
        `${file} ${problem}: not replayed as a whole snapshot; --partial reads what the folder holds, marked partial`,
      );
    if (manifest) return manifest;
    return {
      apiVersion: 'ptp-mcp/v1',
      kind: 'Snapshot',
      metadata: { name: this.label },
      spec: { namespace: 'openshift-ptp', source: 'recorded' },
      status: { complete: false, missing: [{ source: file, message: problem }] },
    };
  }

  private async readObjects(warnings: SourceWarning[]): Promise<RawObject[]> {
    const objects: RawObject[] = [];
    for (const file of CLUSTER_FILES) {
      const path = join('cluster', file);
      const text = await this.readSmall(path, warnings);
      if (text === undefined) continue;
      const source = this.files.name(path);
      try {
        const parsed = parseKubeYaml(text, source);
        warnings.push(...parsed.errors);
        for (const { object, line } of parsed.objects) objects.push({ source, line, object });
      } catch (error) {
        // One bad file (an alias bomb, nesting too deep) is a warning: the other files still load.
        const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
        warnings.push({
          source,
          ...(line === undefined ? {} : { line }),
          message: `not read: ${(error as Error).message.split('\n')[0]}`,
        });
      }
    }
    return objects;
  }

  private async readNode(name: string, warnings: SourceWarning[]): Promise<RawNode> {
    const dir = join('nodes', name);
    const node: RawNode = { name, logs: {}, configs: [], pmc: [], ethtool: [] };
    // A node folder that is refused (a link out of the snapshot, a file) holds nothing to read.
    if ((await this.orWarn(this.files.list(dir), warnings, node)) === undefined) return node;
    const logs = join(dir, 'logs');
    if (await this.files.exists(join(dir, HOST_FILE)))
      await readHostNode(this.files, dir, node, (read) => this.orWarn(read, warnings, node));
    else {
      node.logs.daemon = await this.orWarn(
        this.files.log(join(logs, 'linuxptp-daemon-container.log')),
        warnings,
        node,
      );
      node.logs.proxy = await this.orWarn(
        this.files.log(join(logs, 'cloud-event-proxy.log')),
        warnings,
        node,
      );
    }
    node.metrics = await this.namedText(join(dir, 'metrics.prom'), warnings, node);
    node.cloudEvents = await this.namedText(join(dir, 'cloud-events.jsonl'), warnings, node);
    for (const file of await this.listDirectory(join(dir, 'configs'), warnings, node)) {
      const text = await this.namedText(join(dir, 'configs', file), warnings, node);
      if (text) node.configs.push(text);
    }
    for (const file of await this.listDirectory(join(dir, 'pmc'), warnings, node)) {
      const text = await this.namedText(join(dir, 'pmc', file), warnings, node);
      if (text) node.pmc.push({ ...text, configFile: file.replace(/\.txt$/, '') });
    }
    const ethtool = new Map<string, RawNode['ethtool'][number]>();
    for (const file of await this.listDirectory(join(dir, 'ethtool'), warnings, node)) {
      const match = /^(.+)\.(i|T)\.txt$/.exec(file);
      if (!match) {
        warnings.push({
          source: this.files.name(join(dir, 'ethtool', file)),
          message: 'expected <iface>.i.txt or <iface>.T.txt',
        });
        continue;
      }
      const text = await this.namedText(join(dir, 'ethtool', file), warnings, node);
      if (!text) continue;
      const entry = ethtool.get(match[1]!) ?? { iface: match[1]! };
      if (match[2] === 'i') entry.driverInfo = text;
      else entry.timestamping = text;
      ethtool.set(match[1]!, entry);
    }
    node.ethtool = [...ethtool.values()];
    return node;
  }

  private async namedText(
    path: string,
    warnings: SourceWarning[],
    node: RawNode,
  ): Promise<NamedText | undefined> {
    const text = await this.readSmall(path, warnings, node);
    return text === undefined ? undefined : { name: this.files.name(path), text };
  }

  private readSmall(path: string, warnings: SourceWarning[], node?: RawNode): Promise<string | undefined> {
    return this.orWarn(this.files.text(path, MAX_SMALL_FILE_BYTES), warnings, node);
  }

  private async listDirectory(path: string, warnings: SourceWarning[], node?: RawNode): Promise<string[]> {
    return (await this.orWarn(this.files.list(path), warnings, node)) ?? [];
  }

  /**
   * What reading a file gave, or undefined when it is absent or refused: a refusal is a warning naming the
   * file and, for a node's file, a line of what the node could not be read of (its health is then unknown).
   */
  private async orWarn<T>(
    read: Promise<T>,
    warnings: SourceWarning[],
    node?: RawNode,
  ): Promise<T | undefined> {
    try {
      return await read;
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      warnings.push({ source: error.file, message: error.reason });
      if (node) node.unread = [...(node.unread ?? []), error.message];
      return undefined;
    }
  }
}
