import { hostname } from 'node:os';
import type { SourceWarning } from '../../core/model/snapshot-manifest.js';
import type { AllowedCommand } from '../../core/sources/exec-allowlist.js';
import { mergedLogStream } from '../../core/sources/merged-log.js';
import type { CollectOptions, PtpDataSource, RawCluster, RawNode } from '../../core/sources/raw-cluster.js';
import { type ExecResult, respond } from '../../core/sources/recorded-command.js';
import { SourceError } from '../../core/sources/source-error.js';
import { readClockAnchor } from './clock-anchor.js';
import { configRecords, type HostConfig, readHostConfigs } from './host-configs.js';
import { execHere } from './host-exec.js';
import { hostLogs } from './host-logs.js';
import { pmcArgv, queryHost } from './host-queries.js';
import type { HostSettings } from './host-settings.js';

/**
 * The machine this runs on, a plain linuxptp host, as one node: its ptp4l/phc2sys/ts2phc configs, each
 * ptp4l's pmc answers over its UDS (GET only), ethtool -i/-T of the configured interfaces, and its logs
 * (files and/or the journal) merged in time order. What cannot be read is a warning naming it and why.
 */
export class HostSource implements PtpDataSource {
  readonly description: string;
  private readonly node: string;

  constructor(private readonly settings: HostSettings) {
    this.node = settings.nodeName ?? hostname();
    this.description = `host ${this.node}`;
  }

  async collect(options: CollectOptions = {}): Promise<RawCluster> {
    this.checkNode(options.node);
    // First: the anchor must be read while the logs it dates are being written.
    const clock = readClockAnchor();
    const warnings: SourceWarning[] = [];
    const node: RawNode = { name: this.node, logs: {}, configs: [], pmc: [], ethtool: [], unread: [] };
    const warn = (message: string) => {
      if (node.unread!.includes(message)) return;
      warnings.push({ source: `node ${this.node}`, message });
      node.unread!.push(message);
    };
    const configs = await readHostConfigs(this.node, this.settings, warn);
    node.configs = configs.map((config) => config.text);
    if (this.settings.ptp4lConfigs.length === 0)
      warn('no ptp4l config given (--ptp4l-config): no pmc answers and no interfaces to ask ethtool about');
    await queryHost(configs, node, warn);
    const logs = hostLogs(this.settings, warn);
    if (this.settings.logs.length === 0 && this.settings.journalUnits.length === 0)
      warn(
        'no log given (--log FILE or --journal): its offsets, faults and episodes come from its logs; its state is what pmc read',
      );
    const record = {
      kind: 'LinuxptpHost' as const,
      clock,
      configs: configRecords(configs),
      logs: logs.map(({ file, source }) => ({ file, source })),
    };
    node.host = { record, logs: logs.map(({ file, stream }) => ({ file, stream })) };
    if (logs.length > 0)
      node.logs.daemon = mergedLogStream(
        `${this.node}: ${logs.map((log) => log.source).join(' + ')}`,
        logs.map((log) => log.stream),
        { mono: clock.monotonic, wallMs: Date.parse(clock.realtime) },
      );
    options.onProgress?.(1, 1);
    return {
      manifest: {
        apiVersion: 'ptp-mcp/v1',
        kind: 'Snapshot',
        metadata: { name: this.node, description: 'plain linuxptp host' },
        spec: { cluster: this.node, namespace: '', source: 'live' },
      },
      objects: [],
      nodes: [node],
      warnings,
    };
  }

  /**
   * An allowlisted command on this host: pmc of a `/var/run/ptp4l.N.config` goes to that ptp4l's UDS;
   * the configs are answered from the files read; ethtool, sysfs, /dev and the journal are run here.
   */
  async run(node: string, argv: string[], command: AllowedCommand): Promise<ExecResult> {
    this.checkNode(node);
    if (command.kind === 'pmc' && command.configFile !== undefined) {
      const configs = await this.configs();
      const config = configs.find((c) => c.file === command.configFile && c.endpoint);
      if (!config)
        throw new SourceError(
          `no ptp4l config ${command.configFile} on ${this.description}: it has ${configs.map((c) => c.file).join(', ') || 'none'}`,
        );
      return execHere(pmcArgv(config.endpoint!, command.requests));
    }
    if (command.kind === 'configs' || command.kind === 'ls' || command.kind === 'cat') {
      const onDisk = command.kind === 'ls' ? command.path !== '/var/run' : !isRunFile(command);
      if (!onDisk) {
        const configs = await this.configs();
        return respond(command, {
          name: node,
          logs: {},
          configs: configs.map((c) => c.text),
          pmc: [],
          ethtool: [],
        });
      }
    }
    return execHere(argv);
  }

  private async configs(): Promise<HostConfig[]> {
    return readHostConfigs(this.node, this.settings, () => undefined);
  }

  private checkNode(node: string | undefined): void {
    if (node !== undefined && node !== this.node)
      throw new SourceError(
        `no node "${node}" on ${this.description} (a host source has one node, ${this.node})`,
      );
  }
}

/** A `cat`/`tail` of the rendered /var/run configs: answered from the host's config files. */
function isRunFile(command: { kind: string; path?: string }): boolean {
  return command.kind === 'configs' || (command.path ?? '').startsWith('/var/run/');
}
