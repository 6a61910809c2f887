/**
 * Which built-in profile pack lints a ptp4l profile. The domain number identifies a telecom profile
 * (G.8275.1: 24..43, G.8275.2: 44..63; facts itu-rules.md §1.3, §2, M16); the alternate BMCA
 * (`dataset_comparison G.8275.x`), the transport and unicast negotiation are further signals. When the
 * signals disagree the pack stays the one the stronger signals name, and the key that is out of line is
 * the finding of that pack (`g8275.1/transport-l2`, `g8275.x/domain-range`, `g8275.1/dataset-comparison`,
 * `ieee1588/telecom-options`), never a silent switch to a pack that would advise the wrong profile.
 *
 * Decision table (first row that matches wins):
 *
 * | row | domainNumber | dataset_comparison | transport, unicast            | pack             | key out of line          |
 * |-----|--------------|--------------------|-------------------------------|------------------|--------------------------|
 * | 0   | transportSpecific (majorSdoId) 1 or 2: IEEE 802.1AS gPTP or a CMLDS | linuxptp-config | -   |
 * | 1   | 24..43       | any                | UDPv4/UDPv6 and unicast       | itu-t-g8275.2    | domainNumber             |
 * | 2   | 24..43       | any                | any other                     | itu-t-g8275.1    | transport, comparison    |
 * | 3   | 44..63       | any                | L2 and no unicast             | itu-t-g8275.1    | domainNumber             |
 * | 4   | 44..63       | any                | any other                     | itu-t-g8275.2    | transport, comparison    |
 * | 5   | other        | G.8275.x           | L2                            | itu-t-g8275.1    | domainNumber             |
 * | 6   | other        | G.8275.x           | UDPv4/UDPv6 and unicast       | itu-t-g8275.2    | domainNumber             |
 * | 7   | other        | G.8275.x           | UDPv4/UDPv6 without unicast   | ieee1588-default | dataset_comparison       |
 * | 8   | other        | ieee1588 (default) | any                           | ieee1588-default | -                        |
 *
 * Row 0: a majorSdoId other than 0 is not a 1588 default or telecom profile (802.1AS is 1, the Common Mean
 * Link Delay Service 2: linuxptp configs/gPTP.cfg, automotive-*.cfg, CMLDS_server.cfg); no built-in pack
 * knows those profiles, so only linuxptp's own checks apply, never another profile's ranges.
 * Rows 1 and 3: a config that departs from a profile in its domain alone keeps that profile. G.8275.1 is
 * Ethernet multicast, G.8275.2 is IP unicast with negotiation (facts §1.3, §2): when both the transport and
 * the unicast mode name the other telecom profile, only the domain is out of line (e.g. linuxptp's
 * G.8275.2.cfg with domainNumber 24, Cumulus' "ITU 8275-2" default, facts §2). One signal against the
 * domain (domain 24 on UDPv4 multicast) keeps the domain's profile: the transport is the finding.
 * Rows 5–7: outside the telecom domains the alternate BMCA plus the profile's own transport make a
 * telecom config whose domain is wrong (a G.8275.1 config that forgot domainNumber gets linuxptp's 0);
 * the alternate BMCA alone on UDP multicast is a default-profile config with one telecom option.
 */

export type StandardPack = 'itu-t-g8275.1' | 'itu-t-g8275.2' | 'ieee1588-default' | 'linuxptp-config';

export interface PackSignals {
  /** The effective domainNumber (linuxptp's default 0 when not set); null when it is not a number. */
  domain: number | null;
  /** `dataset_comparison G.8275.x`. */
  alternateBmca: boolean;
  /** The effective transport of the clock: L2, UDPv4, UDPv6 (or whatever the config says). */
  transport: string;
  /** unicast_listen 1, or a port that uses a [unicast_master_table]. */
  unicast: boolean;
  /** transportSpecific: the majorSdoId (0 for IEEE 1588 and the telecom profiles). */
  majorSdoId: number;
}

export interface PackChoice {
  pack: StandardPack;
  /** The row of the decision table above. */
  row: number;
  /** Why, in the words of the config: shown in the lint output. */
  reason: string;
}

const G8275_1_DOMAINS: readonly [number, number] = [24, 43];
const G8275_2_DOMAINS: readonly [number, number] = [44, 63];

const within = (value: number | null, [low, high]: readonly [number, number]) =>
  value !== null && value >= low && value <= high;

/** The decision table above, as a pure function of the signals. */
export function choosePack(signals: PackSignals): PackChoice {
  const { domain, alternateBmca, transport, unicast, majorSdoId } = signals;
  if (majorSdoId === 1 || majorSdoId === 2)
    return {
      pack: 'linuxptp-config',
      row: 0,
      reason: `transportSpecific ${majorSdoId} is ${majorSdoId === 1 ? 'IEEE 802.1AS (gPTP)' : 'the Common Mean Link Delay Service'}: no profile pack, only linuxptp's own checks`,
    };
  const udp = transport === 'UDPv4' || transport === 'UDPv6';
  const l2 = transport === 'L2';
  const domainText = domain === null ? 'a domainNumber that is not a number' : `domainNumber ${domain}`;
  const transportText = `${transport}${unicast ? ' unicast' : udp ? ' multicast' : ''}`;
  if (within(domain, G8275_1_DOMAINS)) {
    if (udp && unicast)
      return {
        pack: 'itu-t-g8275.2',
        row: 1,
        reason: `${transport} with unicast negotiation is G.8275.2; ${domainText} (G.8275.1's 24..43) is the key out of line`,
      };
    return { pack: 'itu-t-g8275.1', row: 2, reason: `${domainText} is in 24..43 (G.8275.1)` };
  }
  if (within(domain, G8275_2_DOMAINS)) {
    if (l2 && !unicast)
      return {
        pack: 'itu-t-g8275.1',
        row: 3,
        reason: `L2 multicast is G.8275.1; ${domainText} (G.8275.2's 44..63) is the key out of line`,
      };
    return { pack: 'itu-t-g8275.2', row: 4, reason: `${domainText} is in 44..63 (G.8275.2)` };
  }
  if (alternateBmca) {
    if (l2)
      return {
        pack: 'itu-t-g8275.1',
        row: 5,
        reason: `dataset_comparison G.8275.x over L2 is G.8275.1; ${domainText} is outside its 24..43`,
      };
    if (udp && unicast)
      return {
        pack: 'itu-t-g8275.2',
        row: 6,
        reason: `dataset_comparison G.8275.x over ${transport} with unicast negotiation is G.8275.2; ${domainText} is outside its 44..63`,
      };
    return {
      pack: 'ieee1588-default',
      row: 7,
      reason: `${domainText} and ${transportText} are the default profile's; dataset_comparison G.8275.x is the key out of line`,
    };
  }
  return {
    pack: 'ieee1588-default',
    row: 8,
    reason: `${domainText} is outside the telecom domains 24..63 and the BMCA is IEEE 1588's`,
  };
}

/** The facts `profileFacts` builds for a ptp4l profile, as far as the choice reads them. */
export interface ProfileSummary {
  effective: Record<string, unknown>;
  ports?: Record<string, Record<string, unknown>>;
  unicast?: { listen?: boolean; masterTable?: boolean };
}

/**
 * The signals of a profile. The transport is [global]'s after the command line (`-2`/`-4`/`-6` override
 * the file's [global], ptp4l(8) "Option values given on the command line override values in the global
 * section"), unless every port section sets its own and they agree (port sections override both).
 */
export function packSignals(profile: ProfileSummary): PackSignals {
  const domain = Number(profile.effective.domainNumber ?? 0);
  const portTransports = Object.values(profile.ports ?? {}).map((port) => port.network_transport);
  const ownTransport =
    portTransports.length > 0 && portTransports.every((t) => t !== undefined && t === portTransports[0])
      ? String(portTransports[0])
      : undefined;
  return {
    domain: Number.isInteger(domain) ? domain : null,
    alternateBmca: String(profile.effective.dataset_comparison ?? '').toLowerCase() === 'g.8275.x',
    transport: ownTransport ?? String(profile.effective.network_transport ?? 'UDPv4'),
    unicast: profile.unicast?.listen === true || profile.unicast?.masterTable === true,
    // config.c reads it as an integer in any base (strtol base 0): 0x1 is 1.
    majorSdoId: Number(profile.effective.transportSpecific ?? 0) || 0,
  };
}

/** The built-in config pack for a profile, with the reason for it. */
export function standardPackFor(profile: ProfileSummary): PackChoice {
  return choosePack(packSignals(profile));
}
