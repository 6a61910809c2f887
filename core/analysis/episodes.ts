import type { HoldoverEpisode, SyncLossEpisode } from '../model/episode.js';
import type { LogTime } from '../model/log-record.js';
import type { ProcessTimeline } from '../model/process-timeline.js';

const LOCKED_SERVO = new Set(['s2', 's3']);

/** Milliseconds between two times of the data, or null when one has no wall time. */
export function elapsedMs(from: LogTime, to: LogTime | null | undefined): number | null {
  if (to?.wall !== undefined && from.wall !== undefined) return to.wall - from.wall;
  if (to?.mono !== undefined && from.mono !== undefined) return Math.round((to.mono - from.mono) * 1000);
  return null;
}

/**
 * Sync-loss episodes of one process instance. ptp4l: from the moment its last SLAVE port leaves SLAVE
 * until a port is SLAVE again (an instance that never had a SLAVE port, a grandmaster's, has none). Until
 * a port first reaches SLAVE, an UNCALIBRATED port follows its master too: a servo that never reports a
 * lock (linuxptp's ntpshm servo always answers SERVO_UNLOCKED, ntpshm.c; `free_running 1`) keeps its port
 * UNCALIBRATED, and real ptp4l 3.1.1 then loses and regains its master as UNCALIBRATED to FAULTY … LISTENING
 * to UNCALIBRATED on RS_SLAVE (fixtures/lab/link-flap).
 * phc2sys and ts2phc: from a servo leaving s2/s3 after having locked until it is locked again.
 * `dataEnd` is the last time of the data, to measure episodes still open.
 */
export function syncLossEpisodes(timeline: ProcessTimeline, dataEnd: LogTime | null): SyncLossEpisode[] {
  const episodes =
    timeline.portTransitions.length > 0
      ? portEpisodes(timeline)
      : timeline.name === 'ptp4l'
        ? []
        : servoEpisodes(timeline);
  return episodes.map((episode) => close(episode, dataEnd));
}

type OpenEpisode = Omit<SyncLossEpisode, 'durationMs' | 'ongoing'>;

function portEpisodes(timeline: ProcessTimeline): OpenEpisode[] {
  const slavePorts = new Set<number | string>();
  const episodes: OpenEpisode[] = [];
  let open: OpenEpisode | undefined;
  let locked = false;
  for (const transition of timeline.portTransitions) {
    const port = transition.port ?? transition.iface ?? '';
    locked ||= transition.to === 'SLAVE';
    if (transition.to === 'SLAVE' || (!locked && transition.to === 'UNCALIBRATED')) {
      slavePorts.add(port);
      if (open) {
        open.end = transition.time;
        episodes.push(open);
        open = undefined;
      }
    } else if (slavePorts.delete(port) && slavePorts.size === 0 && !open) {
      const cause = [transition.event, transition.fault && `(${transition.fault})`].filter(Boolean).join(' ');
      open = {
        process: timeline.name,
        configTag: timeline.configTag,
        iface: transition.iface,
        start: transition.time,
        end: null,
        cause: `${transition.from} to ${transition.to}${cause ? ` on ${cause}` : ''}`,
      };
    }
  }
  if (open) episodes.push(open);
  return episodes;
}

function servoEpisodes(timeline: ProcessTimeline): OpenEpisode[] {
  const episodes: OpenEpisode[] = [];
  let locked = false;
  let open: OpenEpisode | undefined;
  for (const change of timeline.servoChanges) {
    if (LOCKED_SERVO.has(change.to)) {
      locked = true;
      if (open) {
        open.end = change.time;
        episodes.push(open);
        open = undefined;
      }
    } else if (locked && !open) {
      open = {
        process: timeline.name,
        configTag: timeline.configTag,
        start: change.time,
        end: null,
        cause: `servo ${change.from ?? '-'} to ${change.to}`,
      };
    }
  }
  if (open) episodes.push(open);
  return episodes;
}

function close(episode: OpenEpisode, dataEnd: LogTime | null): SyncLossEpisode {
  const ongoing = episode.end === null;
  return { ...episode, ongoing, durationMs: elapsedMs(episode.start, ongoing ? dataEnd : episode.end) };
}

/** Holdover as linuxptp-daemon reports it: its T-BC/T-GM status lines, or else its BC state machine. */
export function holdoverEpisodes(
  timelines: readonly ProcessTimeline[],
  dataEnd: LogTime | null,
): HoldoverEpisode[] {
  const episodes: HoldoverEpisode[] = [];
  const withStates = timelines.filter(
    (t) => (t.name === 'T-BC' || t.name === 'GM') && t.stateChanges.length > 0,
  );
  // The glog `gm state sN` line (no config tag) counts only in logs without T-GM-STATUS lines (older builds).
  const tagged = withStates.filter((t) => t.configTag !== null);
  const statusLines = tagged.length > 0 ? tagged : withStates;
  for (const timeline of statusLines) {
    const source =
      timeline.name === 'GM' ? (timeline.configTag === null ? 'gm state' : 'T-GM-STATUS') : 'T-BC-STATUS';
    const byIface = new Map<string, HoldoverEpisode>();
    for (const change of timeline.stateChanges) {
      const key = change.iface ?? '';
      const open = byIface.get(key);
      if (change.to === 'HOLDOVER' && !open) {
        byIface.set(key, holdoverStart(source, timeline.configTag, change.iface, change.time));
      } else if (open && change.to !== 'HOLDOVER') {
        episodes.push(holdoverEnd(open, change.time, change.to === 'LOCKED' ? 'recovered' : 'freerun'));
        byIface.delete(key);
      }
    }
    for (const open of byIface.values()) episodes.push(holdoverEnd(open, null, 'ongoing', dataEnd));
  }
  if (statusLines.length === 0) episodes.push(...fsmHoldovers(timelines, dataEnd));
  return episodes.sort((a, b) => (a.start.wall ?? a.start.mono ?? 0) - (b.start.wall ?? b.start.mono ?? 0));
}

function fsmHoldovers(timelines: readonly ProcessTimeline[], dataEnd: LogTime | null): HoldoverEpisode[] {
  const episodes: HoldoverEpisode[] = [];
  for (const timeline of timelines) {
    let open: HoldoverEpisode | undefined;
    for (const transition of timeline.fsmTransitions) {
      if (transition.to === 'HOLDOVER' && !open) {
        open = holdoverStart(`${transition.machine} FSM`, timeline.configTag, undefined, transition.time);
      } else if (open && transition.to !== 'HOLDOVER') {
        episodes.push(
          holdoverEnd(open, transition.time, transition.to === 'LOCKED' ? 'recovered' : 'freerun'),
        );
        open = undefined;
      }
    }
    if (open) episodes.push(holdoverEnd(open, null, 'ongoing', dataEnd));
  }
  return episodes;
}

function holdoverStart(
  source: string,
  configTag: string | null,
  iface: string | undefined,
  start: LogTime,
): HoldoverEpisode {
  const episode: HoldoverEpisode = {
    source,
    configTag,
    start,
    end: null,
    durationMs: null,
    outcome: 'ongoing',
  };
  if (iface !== undefined) episode.iface = iface;
  return episode;
}

function holdoverEnd(
  episode: HoldoverEpisode,
  end: LogTime | null,
  outcome: HoldoverEpisode['outcome'],
  dataEnd: LogTime | null = null,
): HoldoverEpisode {
  return { ...episode, end, outcome, durationMs: elapsedMs(episode.start, end ?? dataEnd) };
}
