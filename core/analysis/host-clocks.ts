import type { NodeSnapshot } from '../model/snapshot.js';
import { type ProfileClock, profileClock } from './clock-type.js';
import { clockOfPort, ptpInstance } from './ptp-instances.js';

/** Port states of a clock that follows another (ptp4l port.c: a time receiver, or becoming one). */
const FOLLOWING = new Set(['SLAVE', 'UNCALIBRATED']);

/**
 * The clocks of a plain host, which no Kubernetes profile describes: one per ptp4l config it runs
 * (`ptp4l.N.config`), typed as for a profile (clock-type.ts profileClock: slaveOnly, masterOnly, ports),
 * the ts2phc configs beside them. linuxptp-daemon's inference takes a clock without slaveOnly for a GM;
 * on a host the BMCA decides, so such a clock that pmc or its log shows following another (a port
 * SLAVE or UNCALIBRATED, or a grandmaster other than itself) has a time receiver port: an OC, or a BC
 * with several ports.
 */
export function hostClocks(node: NodeSnapshot): (ProfileClock & { name: string; ptpConfig: string })[] {
  const ptp4l = node.configs.filter((config) => config.program === 'ptp4l');
  const usesTs2phc = node.configs.some((config) => config.program === 'ts2phc');
  if (ptp4l.length === 0) return loggedClocks(node, usesTs2phc);
  return ptp4l.map((config) => {
    const clock = { ...profileClock({ name: config.file, ptp4lConf: config.text }), usesTs2phc };
    const named = { ...clock, name: config.file, ptpConfig: '' };
    if (clock.hasSlave || !follows(node, config.file, ptp4l.length === 1)) return named;
    return { ...named, hasSlave: true, type: clock.ports.length > 1 ? 'BC' : 'OC' };
  });
}

function follows(node: NodeSnapshot, file: string, only: boolean): boolean {
  const answers = node.pmc.find((entry) => entry.configFile === file);
  if (answers) {
    const instance = ptpInstance(file, answers.output);
    if (instance.ports.some((port) => FOLLOWING.has(port.state))) return true;
    const parent = instance.parentPortIdentity && clockOfPort(instance.parentPortIdentity);
    if (parent && instance.clockIdentity && parent !== instance.clockIdentity) return true;
  }
  // Its log lines carry its message_tag; an untagged log is the config's when the host runs one ptp4l.
  return (node.logs?.processes ?? []).some(
    (timeline) =>
      timeline.name === 'ptp4l' &&
      (timeline.configTag === file || (only && timeline.configTag === null)) &&
      timeline.portTransitions.some((transition) => FOLLOWING.has(transition.to)),
  );
}

/**
 * Without a ptp4l config (a log only), each ptp4l of the log is a clock typed by what its ports did: one
 * that followed a master, or whose ports never served time (ptp4l without slaveOnly turns a LISTENING
 * port MASTER once announceReceiptTimeout passes in silence: port.c, fsm.c), is a time receiver; else a
 * GM. So a clock whose only port hears no master is a T-TSC that lost sync, not an unknown node.
 */
function loggedClocks(
  node: NodeSnapshot,
  usesTs2phc: boolean,
): (ProfileClock & { name: string; ptpConfig: string })[] {
  return (node.logs?.processes ?? []).flatMap((timeline) => {
    // UDS pseudo-ports (port 0, /var/run/…) are management endpoints, not network ports.
    const network = timeline.portTransitions.filter((p) => p.port !== 0 && !p.iface?.startsWith('/'));
    if (timeline.name !== 'ptp4l' || network.length === 0) return [];
    const ports = [...new Set(network.map((p) => p.iface ?? `port ${p.port}`))];
    const hasSlave = network.some((p) => FOLLOWING.has(p.to)) || !network.some((p) => p.to === 'MASTER');
    const name = timeline.configTag ?? 'ptp4l';
    const type = !hasSlave ? 'GM' : ports.length > 1 ? 'BC' : 'OC';
    return [{ ...profileClock({ name }), name, ptpConfig: '', ports, hasSlave, type, usesTs2phc }];
  });
}
