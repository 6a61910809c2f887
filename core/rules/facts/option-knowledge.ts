import { LINUXPTP_DEPRECATED, LINUXPTP_OPTIONS } from '../data/linuxptp-options.js';
import { compareVersions } from '../operators.js';

/** Keys of `[unicast_master_table]` lines, which linuxptp parses apart from its option table. */
const UNICAST_TABLE_KEYS = new Set(['table_id', 'logQueryInterval', 'peer_address', 'L2', 'UDPv4', 'UDPv6']);

export interface OptionKnowledge {
  known: boolean;
  /** A known option of similar spelling, for "did you mean". */
  suggestion: string | null;
  /** linuxptp accepts it in [global] only (it refuses the file otherwise). */
  globalOnly: boolean;
  since: string | null;
  /** The target linuxptp release predates the option: that release refuses the file. */
  tooNew: boolean;
  /** The current name of a deprecated spelling (slaveOnly → clientOnly), from 4.0 on. */
  replacedBy: string | null;
}

/** What linuxptp (at `version`) makes of option `key` in `section`. */
export function optionKnowledge(key: string, section: string, version: string): OptionKnowledge {
  if (section === 'unicast_master_table') {
    const known = UNICAST_TABLE_KEYS.has(key);
    return {
      known,
      suggestion: known ? null : closest(key, [...UNICAST_TABLE_KEYS]),
      globalOnly: false,
      since: null,
      tooNew: false,
      replacedBy: null,
    };
  }
  const option = LINUXPTP_OPTIONS[key];
  if (!option) {
    return {
      known: false,
      suggestion: closest(key, Object.keys(LINUXPTP_OPTIONS)),
      globalOnly: false,
      since: null,
      tooNew: false,
      replacedBy: null,
    };
  }
  const replacement = LINUXPTP_DEPRECATED[key];
  const tooNew = option.since === 'unreleased' ? true : compareVersions(version, option.since) < 0;
  return {
    known: true,
    suggestion: null,
    globalOnly: option.scope === 'global',
    since: option.since,
    tooNew,
    replacedBy: replacement && compareVersions(version, '4.0') >= 0 ? replacement : null,
  };
}

/** The known name nearest to `key` (case-insensitive edit distance), when it is near enough to be a typo. */
function closest(key: string, candidates: string[]): string | null {
  const lower = key.toLowerCase();
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
