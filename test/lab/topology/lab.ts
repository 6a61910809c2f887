import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerLab, sweepStaleLabs } from './cleanup.js';
import { inNamespace } from './command.js';
import { namespaceName, newRunId } from './names.js';
import {
  addBridge,
  addNamespace,
  addToBridge,
  addVeth,
  deleteNamespace,
  namespacePids,
  setLink,
} from './network.js';
import { type PmcTarget, pmcAnswers, pmcGet, pmcSetGrandmasterClass } from './pmc.js';
import { renderPtp4lConfig } from './ptp4l-config.js';
import { type ClockSpec, linkEnds, type Topology, TopologySpec } from './topology-spec.js';
import { waitFor } from './wait.js';

/** One ptp4l of the lab and its files: `<dir>/<node>/ptp4l.<i>.{config,log,sock}`. */
export interface LabClock extends ClockSpec {
  namespace: string;
  index: number;
  configPath: string;
  logPath: string;
  udsPath: string;
  process?: ChildProcess;
}

/** A running topology: namespaces, links and ptp4l instances, and the ways a scenario drives them. */
export class Lab {
  readonly clocks = new Map<string, LabClock>();
  private stopped = false;

  private constructor(
    readonly spec: Topology,
    readonly run: string,
    readonly dir: string,
    private readonly unregister: () => void,
  ) {}

  /** Builds the topology and starts every clock not declared `start: false`. */
  static async start(input: TopologySpec): Promise<Lab> {
    const spec = TopologySpec.parse(input);
    sweepStaleLabs();
    const runId = newRunId();
    const dir = join(tmpdir(), `ptp-mcp-lab-${runId}`);
    const lab = new Lab(spec, runId, dir, registerLab(runId));
    try {
      lab.build();
      for (const clock of lab.clocks.values()) if (clock.start) lab.startClock(clock.name);
    } catch (error) {
      await lab.stop();
      throw error;
    }
    return lab;
  }

  private build(): void {
    mkdirSync(this.dir, { recursive: true });
    for (const node of this.spec.nodes) {
      addNamespace(this.namespace(node));
      mkdirSync(join(this.dir, node));
    }
    for (const link of this.spec.links) {
      if ('segment' in link) {
        const bridgeNs = namespaceName(this.run, link.segment);
        addNamespace(bridgeNs);
        addBridge(bridgeNs, 'br0');
        for (const end of linkEnds(link)) {
          addVeth(
            { namespace: this.namespace(end.node), iface: end.iface },
            { namespace: bridgeNs, iface: end.node },
          );
          addToBridge(bridgeNs, end.node, 'br0');
          setLink(bridgeNs, end.node, 'up');
        }
      } else {
        const [a, b] = linkEnds(link) as [{ node: string; iface: string }, { node: string; iface: string }];
        addVeth(
          { namespace: this.namespace(a.node), iface: a.iface },
          { namespace: this.namespace(b.node), iface: b.iface },
        );
      }
      for (const end of linkEnds(link)) setLink(this.namespace(end.node), end.iface, 'up');
    }
    const perNode = new Map<string, number>();
    for (const clock of this.spec.clocks) {
      const index = perNode.get(clock.node) ?? 0;
      perNode.set(clock.node, index + 1);
      const base = join(this.dir, clock.node, `ptp4l.${index}`);
      const entry: LabClock = {
        ...clock,
        namespace: this.namespace(clock.node),
        index,
        configPath: `${base}.config`,
        logPath: `${base}.log`,
        udsPath: `${base}.sock`,
      };
      writeFileSync(
        entry.configPath,
        renderPtp4lConfig(clock, { domain: this.spec.domain, index, udsPath: entry.udsPath }),
      );
      this.clocks.set(clock.name, entry);
    }
  }

  namespace(node: string): string {
    if (!this.spec.nodes.includes(node)) throw new Error(`the lab has no node ${node}`);
    return namespaceName(this.run, node);
  }

  clock(name: string): LabClock {
    const clock = this.clocks.get(name);
    if (!clock) throw new Error(`the lab has no clock ${name}`);
    return clock;
  }

  /** Whether a clock's ptp4l was started and has not exited. */
  running(name: string): boolean {
    const child = this.clock(name).process;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** Starts a clock's ptp4l (`-f config -m`), its output appended to its log file. */
  startClock(name: string): void {
    const clock = this.clock(name);
    if (this.running(name)) throw new Error(`clock ${name} is already running`);
    const log = openSync(clock.logPath, 'a');
    // A private IPC namespace: the ntpshm servo's SysV segment (shmget of NTP's key) dies with ptp4l, and
    // no NTP daemon of this machine can read the lab's offsets from it.
    const argv = inNamespace(clock.namespace, ['unshare', '--ipc', 'ptp4l', '-f', clock.configPath, '-m']);
    clock.process = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', log, log] });
    closeSync(log);
  }

  /** Kills a clock's ptp4l (SIGKILL: it dies as in a crash) and waits until it is gone. */
  async killClock(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.clock(name).process;
    if (!child || !this.running(name)) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /** Sets a link's interfaces down or up (both ends of a veth pair; a member's end of a segment). */
  setLink(link: { a: string; b: string } | { segment: string; member: string }, state: 'up' | 'down'): void {
    const declared = this.spec.links.find((l) =>
      'segment' in link
        ? 'segment' in l && l.segment === link.segment
        : !('segment' in l) && l.a === link.a && l.b === link.b,
    );
    if (!declared) throw new Error(`the lab has no link ${JSON.stringify(link)}`);
    const ends = linkEnds(declared).filter((end) => !('member' in link) || end.node === link.member);
    for (const end of ends) setLink(this.namespace(end.node), end.iface, state);
  }

  pmcTarget(name: string): PmcTarget {
    const clock = this.clock(name);
    // pmc 3.1.1 gets no answer on another domain than the clock's, and a clock's options may set its own.
    const domain = Number(clock.options.domainNumber ?? this.spec.domain);
    return { namespace: clock.namespace, udsPath: clock.udsPath, domain };
  }

  /** pmc's answer text to GET requests of a clock. */
  pmc(name: string, ...requests: string[]): Promise<string> {
    return pmcGet(this.pmcTarget(name), ...requests);
  }

  setGrandmasterClass(name: string, clockClass: number): Promise<string> {
    return pmcSetGrandmasterClass(this.pmcTarget(name), clockClass);
  }

  /** Polls one GET request of a clock until `until` holds for one of its answers (one per port). */
  waitFor(
    name: string,
    request: string,
    until: (fields: Record<string, string>) => boolean,
    what: string,
    timeoutMs = 15_000,
  ): Promise<string> {
    return waitFor({
      what: `${what} (${name}: ${request})`,
      probe: () => this.pmc(name, request),
      until: (text) => pmcAnswers(text).some((answer) => until(answer.fields)),
      timeoutMs,
    });
  }

  /** Waits until a port of a clock (port number `port`, or any) is in `state`. */
  waitPortState(
    name: string,
    state: string,
    options: { port?: number; timeoutMs?: number } = {},
  ): Promise<string> {
    const { port, timeoutMs } = options;
    return this.waitFor(
      name,
      'GET PORT_DATA_SET',
      (f) => f.portState === state && (port === undefined || f.portIdentity?.endsWith(`-${port}`) === true),
      `port ${port ?? 'any'} ${state}`,
      timeoutMs,
    );
  }

  /** Waits until a clock's PARENT_DATA_SET has the given field values (`gm.ClockClass`, grandmasterIdentity …). */
  waitParent(name: string, fields: Record<string, string | number>, timeoutMs?: number): Promise<string> {
    return this.waitFor(
      name,
      'GET PARENT_DATA_SET',
      (f) => Object.entries(fields).every(([key, value]) => f[key] === `${value}`),
      `parent ${JSON.stringify(fields)}`,
      timeoutMs,
    );
  }

  /** The clock identity a clock's DEFAULT_DATA_SET names. */
  async clockIdentity(name: string): Promise<string> {
    // Polled like any state: pmc gives up after a short wait, which a loaded machine can exceed.
    const text = await this.waitFor(
      name,
      'GET DEFAULT_DATA_SET',
      (f) => f.clockIdentity !== undefined,
      'clockIdentity',
    );
    return pmcAnswers(text).find((answer) => answer.fields.clockIdentity)!.fields.clockIdentity!;
  }

  /** Stops every clock (SIGTERM, then SIGKILL after 2 s), deletes the namespaces and the temp folder. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const running = [...this.clocks.values()].flatMap((c) =>
      c.process && this.running(c.name) ? [c.process] : [],
    );
    await Promise.all(
      running.map(
        (child) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    const namespaces = [
      ...this.spec.nodes,
      ...this.spec.links.flatMap((l) => ('segment' in l ? [l.segment] : [])),
    ].map((part) => namespaceName(this.run, part));
    for (const namespace of namespaces) {
      for (const pid of safe(() => namespacePids(namespace), []))
        safe(() => process.kill(pid, 'SIGKILL'), true);
      safe(() => deleteNamespace(namespace), undefined);
    }
    rmSync(this.dir, { recursive: true, force: true });
    this.unregister();
  }
}

function safe<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}
