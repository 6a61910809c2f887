import type { KubeConfig } from '@kubernetes/client-node';
import { concurrencyGate, mapWithConcurrency } from '../../core/concurrency.js';
import type { DaemonConfig } from '../../core/model/log-analysis.js';
import type { SourceWarning } from '../../core/model/snapshot-manifest.js';
import { parseLinuxptpConfig } from '../../core/parsers/linuxptp-config.js';
import { serverOnlyClock } from '../../core/parsers/linuxptp-config-lookup.js';
import { driverInfoOfDevice } from '../../core/snapshot/nic-driver-info.js';
import type {
  CloudEventHistory,
  CollectOptions,
  LogTold,
  PtpDataSource,
  RawCluster,
  RawNode,
  RawObject,
} from '../../core/sources/raw-cluster.js';
import type { ExecResult } from '../../core/sources/recorded-command.js';
import { orWarning, SourceError } from '../../core/sources/source-error.js';
import { splitTailOutput } from '../../core/sources/tail-output.js';
import { KubeClient, type KubeObject } from './kube-client.js';
import type { KubeSettings } from './kube-settings.js';

const DAEMON_SET = 'linuxptp-daemon';
const DAEMON_CONTAINER = 'linuxptp-daemon-container';
const PROXY_CONTAINER = 'cloud-event-proxy';
const METRICS_PORT = 9091;
/** What the snapshot keeps of each ptp4l instance (the daemon asks the same of pmc). */
const PMC_REQUESTS = [
  'GET DEFAULT_DATA_SET',
  'GET PARENT_DATA_SET',
  'GET CURRENT_DATA_SET',
  'GET PORT_DATA_SET',
  'GET TIME_STATUS_NP',
];
const CUSTOM_RESOURCES: [string, string, string][] = [
  ['ptp.openshift.io', 'v1', 'ptpconfigs'],
  ['ptp.openshift.io', 'v1', 'nodeptpdevices'],
  ['ptp.openshift.io', 'v1', 'ptpoperatorconfigs'],
  ['ptp.openshift.io', 'v2alpha1', 'hardwareconfigs'],
];

/**
 * A live cluster with the PTP operator, read through the API server only: the PTP objects, and per node
 * of the linuxptp-daemon DaemonSet its logs (streamed), metrics (pod proxy), rendered configs, pmc
 * answers and ethtool output (allowlisted exec). What cannot be read becomes a warning; the rest loads.
 */
export class KubernetesSource implements PtpDataSource {
  readonly description: string;
  private readonly client: KubeClient;

  constructor(
    config: KubeConfig,
    private readonly settings: KubeSettings,
    private readonly label: string,
    private readonly cloudEvents?: CloudEventHistory,
  ) {
    this.client = new KubeClient(config, settings);
    this.description = `cluster ${label}`;
  }

  /** Requests sent so far (for benchmarks and the fleet report). */
  get requests(): number {
    return this.client.requests;
  }

  async run(node: string, argv: string[]): Promise<ExecResult> {
    if (!this.settings.exec)
      throw new SourceError('exec is off: this server runs without --allow-exec (no pods/exec is asked for)');
    const pods = await this.client.listPods('app=linuxptp-daemon', `spec.nodeName=${node}`);
    const pod = pods[0]?.metadata?.name;
    if (!pod) throw new SourceError(`no linuxptp-daemon pod on node "${node}" in ${this.label}`);
    return this.client.exec(pod, DAEMON_CONTAINER, argv);
  }

  async collect(options: CollectOptions = {}): Promise<RawCluster> {
    const warnings: SourceWarning[] = [];
    const attempt = <T>(what: Promise<T>) =>
      orWarning(what, (message) => warnings.push({ source: this.label, message }));
    const [nodes, daemonSet, events, ...custom] = await Promise.all([
      attempt(this.client.listNodes()),
      attempt(this.client.getDaemonSet(DAEMON_SET)),
      attempt(this.client.listEvents()),
      ...CUSTOM_RESOURCES.map(([group, version, plural]) =>
        attempt(this.client.listCustom(group, version, plural)),
      ),
    ]);
    if (!this.settings.exec)
      warnings.push({
        source: this.label,
        message:
          'no pods/exec (the server runs without --allow-exec): no pmc answers or ethtool output; configs only as the daemon logs print them',
      });
    const selector = matchLabels(daemonSet) ?? 'app=linuxptp-daemon';
    const pods = await attempt(this.client.listPods(selector));
    if (!nodes && !pods) {
      // The requests that failed say why; those not sent after them (a dead server, the deadline) are counted.
      const sent = warnings.filter((w) => !w.message.includes(': not sent: '));
      const unsent = warnings.length - sent.length;
      const reasons = sent.length > 0 ? sent.map((w) => w.message) : warnings.map((w) => w.message);
      if (sent.length > 0 && unsent > 0) reasons.push(`${unsent} other request(s) not sent after those`);
      throw new SourceError(`cannot read the cluster ${this.label}: ${reasons.join('; ')}`);
    }
    const objects: RawObject[] = [];
    const add = (kind: string, list: KubeObject[] | null | undefined, apiVersion: string) => {
      for (const object of list ?? [])
        objects.push({ source: `${this.label} ${kind}`, object: { apiVersion, kind, ...object } });
    };
    add('Node', nodes, 'v1');
    add('Pod', pods, 'v1');
    add('Event', events?.filter(isAboutPtp), 'v1');
    CUSTOM_RESOURCES.forEach(([group, version], index) => {
      const kinds = ['PtpConfig', 'NodePtpDevice', 'PtpOperatorConfig', 'HardwareConfig'];
      add(kinds[index]!, custom[index], `${group}/${version}`);
    });

    const podByNode = new Map<string, KubeObject>();
    for (const pod of pods ?? []) {
      const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      if (nodeName) podByNode.set(nodeName, pod);
    }
    for (const node of expectedDaemonNodes(nodes ?? [], custom[2] ?? [])) {
      if (!podByNode.has(node))
        warnings.push({ source: this.label, message: `node ${node}: no linuxptp-daemon pod runs there` });
    }
    const names = [...podByNode.keys()]
      .filter((name) => options.node === undefined || name === options.node)
      .sort();
    if (options.node !== undefined && names.length === 0)
      throw new SourceError(`no linuxptp-daemon pod on node "${options.node}" in ${this.label}`);
    let done = 0;
    const read = async (node: RawNode, fromLog?: LogTold) => {
      const pod = podByNode.get(node.name)!;
      await this.readNode(node, pod, describedInterfaces(custom[1] ?? [], node.name), warnings, fromLog);
      options.onProgress?.(++done, names.length);
    };
    const rawNodes = names.map((name) => this.nodeOf(name, podByNode.get(name)!, options));
    if (options.streamNodes) {
      // Handed out at once; the caller reads each one's logs, then its rest, a few at a time.
      const gate = concurrencyGate(this.settings.concurrency);
      for (const node of rawNodes) node.readRest = (fromLog) => gate(() => read(node, fromLog));
    } else {
      await mapWithConcurrency(rawNodes, this.settings.concurrency, (node) => read(node));
    }
    return {
      manifest: {
        apiVersion: 'ptp-mcp/v1',
        kind: 'Snapshot',
        metadata: { name: this.label },
        spec: { cluster: this.label, namespace: this.settings.namespace, source: 'live' },
      },
      objects,
      nodes: rawNodes,
      warnings,
    };
  }

  /** A node as handed out: its log streams (opened when read) and cloud events; the rest comes by readNode. */
  private nodeOf(name: string, pod: KubeObject, options: CollectOptions): RawNode {
    const podName = pod.metadata!.name!;
    const logOptions = { timestamps: true, ...options.logs };
    const node: RawNode = {
      name,
      logs: { daemon: this.client.logStream(podName, DAEMON_CONTAINER, logOptions) },
      configs: [],
      pmc: [],
      ethtool: [],
      unread: [],
    };
    const events = this.cloudEvents?.jsonLines(name);
    if (events) node.cloudEvents = { name: `cloud events of ${name} (O-RAN consumer)`, text: events };
    const containers = ((pod.spec as { containers?: { name: string }[] })?.containers ?? []).map(
      (c) => c.name,
    );
    if (containers.includes(PROXY_CONTAINER))
      node.logs.proxy = this.client.logStream(podName, PROXY_CONTAINER, logOptions);
    return node;
  }

  /** The configs the daemon rendered in /var/run, by exec: `ls`, then one `tail` of them all. */
  private async readConfigs(
    exec: (argv: string[]) => Promise<ExecResult | undefined>,
  ): Promise<Map<string, { text: string; line?: number }>> {
    const listing = await exec(['ls', '/var/run']);
    const paths = (listing?.stdout ?? '')
      .split('\n')
      .filter((f) => /^(ptp4l|phc2sys|ts2phc|synce4l|chronyd)\.\d+\.config$/.test(f))
      .map((file) => `/var/run/${file}`);
    // All rendered configs in one exec: `tail -v` heads each with its path.
    const rendered = paths.length > 0 ? await exec(['tail', '-v', '-n', '+1', ...paths]) : undefined;
    const texts = splitTailOutput(rendered?.stdout ?? '', paths);
    // A file tail did not deliver (an image without tail, a file it could not open) is read on its own.
    const missing = paths.filter((path) => !texts.has(path));
    const cats = await Promise.all(missing.map((path) => exec(['cat', path])));
    missing.forEach((path, index) => {
      const text = cats[index]?.stdout;
      if (text !== undefined && cats[index]!.exitCode === 0) texts.set(path, text);
    });
    return new Map(paths.filter((path) => texts.has(path)).map((path) => [path, { text: texts.get(path)! }]));
  }

  /**
   * The metrics (pod proxy), rendered configs, pmc answers and ethtool output of a node. What the daemon
   * log told (`fromLog`, when streamed for a diagnosis) is not asked again: the configs it printed, and
   * pmc of a ptp4l that only transmits time and named its own clock (core/analysis/logged-instances.ts);
   * else by exec.
   */
  private async readNode(
    node: RawNode,
    pod: KubeObject,
    describedIfaces: ReadonlySet<string>,
    warnings: SourceWarning[],
    fromLog?: LogTold,
  ): Promise<void> {
    const podName = pod.metadata!.name!;
    // Streamed for a diagnosis: only what it needs. Otherwise (a recording) everything there is.
    const lean = fromLog !== undefined;
    const warn = (message: string) => {
      warnings.push({ source: `node ${node.name}`, message });
      node.unread?.push(message);
    };
    const quietly = <T>(what: Promise<T>) => orWarning(what, warn);
    const exec = async (argv: string[]) =>
      this.settings.exec ? quietly(this.client.exec(podName, DAEMON_CONTAINER, argv)) : undefined;
    const [metrics, texts] = await Promise.all([
      quietly(this.client.podProxy(podName, METRICS_PORT, 'metrics')),
      fromLog && fromLog.configs.length > 0 ? configsFromLog(fromLog.configs) : this.readConfigs(exec),
    ]);
    if (metrics !== undefined)
      node.metrics = { name: `pod/${podName}:${METRICS_PORT}/metrics`, text: metrics };
    const files = [...texts.keys()].map((path) => path.slice('/var/run/'.length));
    for (const [path, { text, line }] of texts) {
      // The name ends in the path: the file name is read from it (build-snapshot.ts renderedConfig).
      const from = line === undefined ? '' : ` (daemon log, line ${line})`;
      node.configs.push({ name: `pod/${podName}${from}:${path}`, text });
    }
    // pmc (one exec per ptp4l, all its GETs at once: pmc talks to one ptp4l) and ethtool go out together;
    // in a diagnosis, none to a ptp4l whose log told what pmc would (`told`).
    // `ethtool -i` only where the NodePtpDevice the daemon wrote does not already give driver, firmware
    // and bus; in a diagnosis (`lean`) no `ethtool -T` there either: the daemon lists an interface only
    // when its own `ethtool -T` showed hardware time stamping (build-snapshot.ts), and the PHC the ports
    // share follows from the NIC family (phc-topology.ts). A recording keeps both.
    const told = (file: string) =>
      fromLog?.ownClocks.has(file) === true &&
      serverOnlyClock(parseLinuxptpConfig(texts.get(`/var/run/${file}`)!.text));
    const pmcFiles = files.filter((f) => f.startsWith('ptp4l.') && !told(f));
    const ifaces = interfacesOf(node.configs.map((c) => c.text));
    const [answers, nics] = await Promise.all([
      Promise.all(
        pmcFiles.map((file) => exec(['pmc', '-u', '-b', '0', '-f', `/var/run/${file}`, ...PMC_REQUESTS])),
      ),
      Promise.all(
        ifaces.map((iface) =>
          describedIfaces.has(iface)
            ? Promise.all([undefined, lean ? undefined : exec(['ethtool', '-T', iface])])
            : Promise.all([exec(['ethtool', '-i', iface]), exec(['ethtool', '-T', iface])]),
        ),
      ),
    ]);
    pmcFiles.forEach((file, index) => {
      const result = answers[index];
      if (result)
        node.pmc.push({
          name: `pod/${podName}: pmc -f /var/run/${file}`,
          text: result.stdout,
          configFile: file,
        });
    });
    ifaces.forEach((iface, index) => {
      const [info, timestamping] = nics[index]!;
      const entry: RawNode['ethtool'][number] = { iface };
      if (info?.exitCode === 0)
        entry.driverInfo = { name: `pod/${podName}: ethtool -i ${iface}`, text: info.stdout };
      if (timestamping?.exitCode === 0)
        entry.timestamping = { name: `pod/${podName}: ethtool -T ${iface}`, text: timestamping.stdout };
      if (info?.exitCode !== 0 && info)
        warn(`ethtool -i ${iface}: ${info.stderr.trim() || `exit code ${info.exitCode}`}`);
      node.ethtool.push(entry);
    });
  }
}

/**
 * The configs the daemon log printed, by path. A process whose profile sets no config for it is left out:
 * the daemon then writes only message_tag and uds_address there (daemon-configs.ts).
 */
function configsFromLog(fromLog: readonly DaemonConfig[]): Map<string, { text: string; line?: number }> {
  const texts = new Map<string, { text: string; line?: number }>();
  for (const config of fromLog)
    if (config.text !== null) texts.set(config.path, { text: config.text, line: config.line });
  return texts;
}

/** The DaemonSet's pod selector as a label selector string. */
function matchLabels(daemonSet: KubeObject | undefined): string | undefined {
  const labels = (daemonSet?.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)
    ?.selector?.matchLabels;
  if (!labels || Object.keys(labels).length === 0) return undefined;
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/** Nodes the operator's daemonNodeSelector picks: each should run a daemon pod. */
function expectedDaemonNodes(nodes: KubeObject[], operatorConfigs: KubeObject[]): string[] {
  const selector = (operatorConfigs[0]?.spec as { daemonNodeSelector?: Record<string, string> } | undefined)
    ?.daemonNodeSelector;
  if (!selector) return [];
  return nodes
    .filter((node) =>
      Object.entries(selector).every(([key, value]) => node.metadata?.labels?.[key] === value),
    )
    .map((node) => node.metadata?.name ?? '')
    .filter(Boolean);
}

/**
 * The interfaces of a node whose NodePtpDevice (written by the daemon) gives what `ethtool -i` would:
 * driver, firmware and bus (core/snapshot/nic-driver-info.ts reads them there).
 */
function describedInterfaces(devices: KubeObject[], node: string): Set<string> {
  const status = devices.find((d) => d.metadata?.name === node)?.status as
    | { devices?: { name?: string; hardwareInfo?: Record<string, unknown> }[] }
    | undefined;
  return new Set(
    (status?.devices ?? [])
      .filter((d) => d.name && driverInfoOfDevice(d.hardwareInfo) !== null)
      .map((d) => d.name!),
  );
}

/** Events about the daemon's pods and the PTP objects. */
function isAboutPtp(event: KubeObject): boolean {
  const involved = event.involvedObject as { kind?: string; name?: string } | undefined;
  return (
    involved?.kind?.startsWith('Ptp') === true ||
    involved?.kind === 'NodePtpDevice' ||
    involved?.kind === 'HardwareConfig' ||
    (involved?.name ?? '').startsWith(DAEMON_SET)
  );
}

/** The interfaces the rendered configs name: their sections other than global and the unicast tables. */
function interfacesOf(configs: string[]): string[] {
  const ifaces = new Set<string>();
  for (const text of configs) {
    for (const match of text.matchAll(/^\s*\[([^\]\s]+)\]\s*$/gm)) {
      const section = match[1]!;
      if (section !== 'global' && section !== 'nmea' && !section.startsWith('unicast_master_table'))
        ifaces.add(section);
    }
  }
  return [...ifaces].sort();
}
