import { closestName } from '../closest-name.js';
import { LINUXPTP_DEPRECATED, LINUXPTP_OPTIONS, LINUXPTP_RELEASES } from '../data/linuxptp-options.js';
import { compareVersions } from '../operators.js';

/** Keys of `[unicast_master_table]` lines, which linuxptp parses apart from its option table. */
const UNICAST_TABLE_KEYS = new Set(['table_id', 'logQueryInterval', 'peer_address', 'L2', 'UDPv4', 'UDPv6']);
const OPTION_NAMES = Object.keys(LINUXPTP_OPTIONS);
/**
 * Suggestions already made: a misspelt option repeated in every port section of a large file is measured
 * against the option table once. Bounded, so a file of unique garbage keys does not grow it without end.
 */
const suggestions = new Map<string, string | null>();
const MAX_REMEMBERED = 10_000;

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
  /** The downstream build that has the option (upstream linuxptp does not). */
  vendor: string | null;
  /** `since` for messages: "4.2 or later", or "newer than 4.4 (unreleased)". */
  sinceText: string | null;
}

/** What linuxptp (at `version`) makes of option `key` in `section`. */
export function optionKnowledge(key: string, section: string, version: string): OptionKnowledge {
  if (section === 'unicast_master_table') {
    const known = UNICAST_TABLE_KEYS.has(key);
    return {
      known,
      suggestion: known ? null : closestName(key, [...UNICAST_TABLE_KEYS]),
      globalOnly: false,
      since: null,
      tooNew: false,
      replacedBy: null,
      vendor: null,
      sinceText: null,
    };
  }
  const option = LINUXPTP_OPTIONS[key];
  if (!option) {
    return {
      known: false,
      suggestion: suggestionFor(key),
      globalOnly: false,
      since: null,
      tooNew: false,
      replacedBy: null,
      vendor: null,
      sinceText: null,
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
    vendor: option.vendor ?? null,
    sinceText:
      option.since === 'unreleased'
        ? `newer than ${LINUXPTP_RELEASES.at(-1)} (not in a release yet)`
        : `${option.since} or later`,
  };
}

function suggestionFor(key: string): string | null {
  let suggestion = suggestions.get(key);
  if (suggestion === undefined) {
    suggestion = closestName(key, OPTION_NAMES);
    if (suggestions.size < MAX_REMEMBERED) suggestions.set(key, suggestion);
  }
  return suggestion;
}
