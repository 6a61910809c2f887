import { LINUXPTP_RELEASES } from '../rules/data/linuxptp-options.js';
import { compareVersions } from '../rules/operators.js';

/** The linuxptp release configs are checked against by default: OpenShift 4.x ships 4.4 (4.4-1.el9). */
export const DEFAULT_LINUXPTP_VERSION = '4.4';

export type LinuxptpTableRelease = (typeof LINUXPTP_RELEASES)[number];

/** The option table a `--linuxptp-version` is checked against. */
export interface LinuxptpTarget {
  /** The version asked for. */
  version: string;
  /** The newest release table not newer than it. */
  table: LinuxptpTableRelease;
  /** Said in the output when the table is not the version asked for (a version newer than every table). */
  notice: string | null;
}

/** A version the lint has no table for: a usage error (CLI exit 2, an MCP input error). */
export class LinuxptpVersionError extends Error {
  override name = 'LinuxptpVersionError';
}

const RELEASE_LIST = `${LINUXPTP_RELEASES.join(', ')} or newer`;

/**
 * Picks the option table for a linuxptp version: the nearest release at or below it (4.2.1 → 4.2), the
 * newest for a version past it (with a notice); a version below the oldest table is refused, since
 * checking it against a newer release's table would call valid options unknown and vice versa.
 */
export function linuxptpTarget(version: string): LinuxptpTarget {
  if (!/^\d+(\.\d+)*$/.test(version))
    throw new LinuxptpVersionError(
      `linuxptp version takes a release such as ${DEFAULT_LINUXPTP_VERSION} (got "${version}"); supported: ${RELEASE_LIST}`,
    );
  const table = LINUXPTP_RELEASES.findLast((release) => compareVersions(release, version) <= 0);
  if (table === undefined)
    throw new LinuxptpVersionError(
      `linuxptp ${version} is older than the oldest option table (${LINUXPTP_RELEASES[0]}); supported: ${RELEASE_LIST}`,
    );
  const newest = LINUXPTP_RELEASES[LINUXPTP_RELEASES.length - 1];
  const notice =
    // A patch release (4.4.1) keeps its release's table.
    table === newest && compareVersions(version, newest) > 0 && !version.startsWith(`${newest}.`)
      ? `linuxptp ${version} is newer than the newest known table; checked against ${newest}`
      : null;
  return { version, table, notice };
}
