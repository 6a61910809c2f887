import type { PtpInstance } from '../model/clock-hierarchy.js';
import type { LogTime, SyncState } from '../model/log-record.js';
import type { NodeStatus, PortStatus } from '../model/node-status.js';
import type { NodeSnapshot } from '../model/snapshot.js';
import { portSections } from '../parsers/linuxptp-config-lookup.js';
import { isNtpshmServo, TRACKING_PORT_STATES } from './ntpshm-servo.js';
import { ptpInstance } from './ptp-instances.js';

/**
 * What a plain host's pmc answers say of its ptp4l instances at the time they were read (host.yaml's clock
 * anchor): ports, grandmaster, clock class and state where its logs do not say them, or say older ones.
 */
export interface PmcClock {
  file: string;
  instance: PtpInstance;
  /** The interfaces of its config in order: port N is the Nth (linuxptp clock.c clock_create). */
  ifaces: string[];
  /**
   * `clock_servo ntpshm`: the servo hands offsets to chrony/ntpd and always answers SERVO_UNLOCKED (ntpshm.c
   * ntpshm_sample), so its ports stay UNCALIBRATED while they track a master (only SERVO_LOCKED moves a
   * port on to SLAVE: port.c port_synchronize). As ntpshm-servo.ts reads its log; `free_running 1` is not
   * this: nothing steers such a clock.
   */
  ntpshm: boolean;
}

/** The ptp4l instances pmc answered for (a config whose ptp4l did not answer says nothing). */
export function pmcClocks(node: NodeSnapshot): PmcClock[] {
  return node.pmc
    .filter((entry) => entry.output.responses.length > 0)
    .map((entry) => {
      const config = node.configs.find((c) => c.file === entry.configFile)?.config;
      return {
        file: entry.configFile,
        instance: ptpInstance(entry.configFile, entry.output),
        ifaces: config ? [...new Set(portSections(config).map((section) => section.name))] : [],
        ntpshm: config !== undefined && isNtpshmServo(config),
      };
    });
}

/**
 * The logs' ports with pmc's states: pmc was read last, so its state is the current one unless a log line
 * came later. A port the logs never named is added as pmc shows it. `untagged`: an untagged log is the
 * host's one ptp4l (its lines carry no message_tag).
 */
export function withPmcPorts(
  logged: readonly PortStatus[],
  clocks: readonly PmcClock[],
  readAt: LogTime | undefined,
  untagged: boolean,
): PortStatus[] {
  const ports = [...logged];
  for (const clock of clocks) {
    for (const { portIdentity, state } of clock.instance.ports) {
      const number = Number(/-(\d+)$/.exec(portIdentity)?.[1]);
      if (!(number > 0)) continue;
      const iface = clock.ifaces[number - 1];
      const index = ports.findIndex(
        (p) =>
          (p.configTag === clock.file || (untagged && p.configTag === null)) &&
          (p.port === number || (p.port === undefined && iface !== undefined && p.iface === iface)),
      );
      const previous = ports[index];
      if (previous && (previous.state === state || isAfter(previous.since, readAt))) continue;
      const port: PortStatus = {
        configTag: previous?.configTag ?? clock.file,
        port: number,
        state,
        since: readAt ?? {},
        transitions: previous?.transitions ?? 0,
      };
      const named = previous?.iface ?? iface;
      if (named !== undefined) port.iface = named;
      if (previous) ports[index] = port;
      else ports.push(port);
    }
  }
  return ports;
}

/** The grandmaster pmc names for the clock that follows one (else any), over the logs' when they differ. */
export function pmcGrandmaster(
  logged: NodeStatus['grandmaster'],
  clocks: readonly PmcClock[],
  readAt: LogTime | undefined,
): NodeStatus['grandmaster'] {
  const clock = followerOf(clocks) ?? clocks.find((c) => c.instance.grandmasterIdentity !== null);
  const identity = clock?.instance.grandmasterIdentity;
  if (!clock || !identity) return logged;
  if (logged && (logged.identity === identity || isAfter(logged.since, readAt))) return logged;
  return {
    identity,
    local: identity === clock.instance.clockIdentity,
    since: readAt ?? {},
    configTag: clock.file,
    changes: (logged?.changes ?? 0) + (logged ? 1 : 0),
  };
}

/**
 * The clock class the node announces, as the daemon's CLOCK_CLASS_CHANGE means it: a slaveOnly ptp4l's own
 * (DEFAULT_DATA_SET clockClass, 255); else the grandmaster's quality its master ports announce (PARENT_DATA_SET
 * gm.ClockClass: clock.c update_parent_ds takes the parent's, clock_update_grandmaster its own when it is
 * its own grandmaster). ptp4l prints no line when that class changes: pmc is a plain host's only source.
 */
export function pmcClockClass(clocks: readonly PmcClock[]): number | null {
  const announcing = clocks.filter((c) => c.instance.slaveOnly !== true && c.instance.gmClockClass !== null);
  const serving = announcing.find((c) => c.instance.ports.some((p) => p.state === 'MASTER')) ?? announcing[0];
  if (serving) return serving.instance.gmClockClass;
  return clocks.find((c) => c.instance.clockClass !== null)?.instance.clockClass ?? null;
}

/**
 * The node's state as pmc shows it. A clock that follows (a port tracking a master, slaveOnly, or a parent
 * other than itself): LOCKED with a SLAVE port (port.c: SLAVE only once the servo locked); with an
 * UNCALIBRATED port LOCKED on the ntpshm servo (it tracks: lead decision 2), else FREERUN (not locked
 * yet, or free_running); no port tracking a master is a lost upstream, FREERUN. Its own grandmaster: by
 * the class it announces (lead decision 3; G.8275.1 6.4: 6 locked to its source, 7 and 135-165 holdover,
 * 248 and the rest free-running), so a free_running 1 GM of class 6 is LOCKED and one of 248 is not.
 */
export function pmcSyncState(clocks: readonly PmcClock[]): { state: SyncState; source: string } | null {
  const follower = followerOf(clocks);
  if (follower) {
    const ports = follower.instance.ports.map((p) => p.state);
    const tracking = ports.includes('SLAVE') || (ports.includes('UNCALIBRATED') && follower.ntpshm);
    return { state: tracking ? 'LOCKED' : 'FREERUN', source: `pmc ${follower.file}` };
  }
  const own = clocks.find((c) => c.instance.gmClockClass !== null);
  if (!own) return null;
  return { state: grandmasterState(own.instance.gmClockClass!), source: `pmc ${own.file}` };
}

function grandmasterState(clockClass: number): SyncState {
  if (clockClass === 6) return 'LOCKED';
  if (clockClass === 7 || (clockClass >= 135 && clockClass <= 165)) return 'HOLDOVER';
  return 'FREERUN';
}

function followerOf(clocks: readonly PmcClock[]): PmcClock | undefined {
  return (
    clocks.find((c) => c.instance.ports.some((p) => TRACKING_PORT_STATES.has(p.state))) ??
    clocks.find(
      (c) =>
        c.instance.slaveOnly === true ||
        (c.instance.grandmasterIdentity !== null &&
          c.instance.clockIdentity !== null &&
          c.instance.grandmasterIdentity !== c.instance.clockIdentity),
    )
  );
}

/** `time` is known to be after `readAt` (pmc's answers then are older than that log line). */
function isAfter(time: LogTime, readAt: LogTime | undefined): boolean {
  if (readAt === undefined) return false;
  if (time.wall !== undefined && readAt.wall !== undefined) return time.wall > readAt.wall;
  return time.mono !== undefined && readAt.mono !== undefined && time.mono > readAt.mono;
}
