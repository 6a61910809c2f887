import type { PtpInstance } from '../model/clock-hierarchy.js';
import type { PortStatus } from '../model/node-status.js';
import type { ProcessTimeline } from '../model/process-timeline.js';
import type { NodeSnapshot } from '../model/snapshot.js';
import { serverOnlyClock } from '../parsers/linuxptp-config-lookup.js';

/**
 * The ptp4l instances of a node that pmc was not asked of because their logs already say what it would
 * (a live diagnosis asks pmc only where needed: plugins/kubernetes cluster-source.ts). Only a clock whose
 * every port is serverOnly (masterOnly) 1 qualifies, and only beside pmc answers of every other ptp4l of the
 * node (the time receivers, whose parent only pmc names for sure):
 * - its identity: `selected local clock X as best master` (linuxptp 3.1 and 4.x clock.c
 *   handle_state_decision_event prints the clock's own dds.clockIdentity when it selects itself; seen in the
 *   lab's ptp4l 3.1.1 log, fixtures/lab/gm-class-degrades, and the corpus T-BC logs);
 * - its parent: itself, port 0, as its own grandmaster at stepsRemoved 0 (clock.c clock_update_grandmaster:
 *   a port that is only a time transmitter never takes a foreign master), unless linuxptp-daemon set it an
 *   external grandmaster (`SET EXTERNAL_GRANDMASTER_PROPERTIES_NP gmIdentity G stepsRemoved N`, a T-BC's
 *   controlled ptp4l: pkg/daemon/pmc.go);
 * - the grandmaster's class: the class the node announces (its logs or metrics);
 * - its ports' states: its log's port transitions.
 */
export function loggedInstances(
  node: NodeSnapshot,
  timelines: readonly ProcessTimeline[],
  ports: readonly PortStatus[],
  announcedClass: number | null,
): PtpInstance[] {
  const asked = new Set(node.pmc.map((entry) => entry.configFile));
  const unasked = node.configs.filter((c) => c.program === 'ptp4l' && !asked.has(c.file));
  if (unasked.length === 0 || unasked.some((c) => !serverOnlyClock(c.config))) return [];
  const instances: PtpInstance[] = [];
  for (const config of unasked) {
    const timeline = timelines.find((t) => t.name === 'ptp4l' && t.configTag === config.file);
    const identity = timeline && ownClockIdentity(timeline);
    if (!timeline || identity === undefined) continue;
    // Only changes are kept, the first ones: the last is the current one unless some were left out.
    const external = timeline.omitted.externalGrandmasters ? null : timeline.externalGrandmasters.at(-1);
    instances.push({
      configFile: config.file,
      source: 'logs',
      clockIdentity: identity,
      domainNumber: null,
      clockClass: null,
      slaveOnly: null,
      parentPortIdentity: `${identity}-0`,
      grandmasterIdentity: external === null ? null : (external?.gmIdentity ?? identity),
      gmClockClass: announcedClass,
      stepsRemoved: external === null ? null : (external?.stepsRemoved ?? 0),
      offsetFromMaster: null,
      meanPathDelay: null,
      gmPresent: null,
      ports: ports
        .filter((port) => port.configTag === config.file && port.port !== undefined && port.port > 0)
        .map((port) => ({ portIdentity: `${identity}-${port.port}`, state: port.state })),
    });
  }
  return instances;
}

/**
 * The clock identity a ptp4l's log gave as its own (`selected local clock X as best master`), if it did: the
 * Kubernetes source asks no pmc of such a clock that only transmits time (build-snapshot.ts ownClocks).
 */
export function ownClockIdentity(timeline: ProcessTimeline): string | undefined {
  return timeline.gmChanges.find((change) => change.local)?.gmIdentity;
}
