import type { EthtoolDriverInfo, EthtoolLink, EthtoolTimestamping } from '../model/ethtool.js';

function keyValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    values.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return values;
}

/** `ethtool -i`: `key: value` lines; an empty value (`expansion-rom-version:`) is null. */
export function parseEthtoolDriverInfo(text: string): EthtoolDriverInfo {
  const values = keyValues(text);
  const value = (key: string) => {
    const found = values.get(key);
    return found === undefined || found === '' ? null : found;
  };
  const supports: Record<string, boolean> = {};
  for (const [key, found] of values) {
    if (key.startsWith('supports-')) supports[key.slice(9)] = found === 'yes';
  }
  return {
    driver: value('driver'),
    version: value('version'),
    firmwareVersion: value('firmware-version'),
    expansionRomVersion: value('expansion-rom-version'),
    busInfo: value('bus-info'),
    supports,
  };
}

type TimestampingList = 'capabilities' | 'txTypes' | 'rxFilters';
const LIST_HEADERS: [RegExp, TimestampingList][] = [
  [/^Capabilities:/, 'capabilities'],
  [/^Hardware Transmit Timestamp Modes:/, 'txTypes'],
  [/^Hardware Receive Filter Modes:/, 'rxFilters'],
];

/**
 * `ethtool -T` in its three shapes: indented names (current), names annotated with the kernel constant
 * (`hardware-transmit     (SOF_TIMESTAMPING_TX_HARDWARE)`, older ioctl-based ethtool), and the newest
 * `Hardware timestamp provider index:` in place of `PTP Hardware Clock:`.
 */
export function parseEthtoolTimestamping(text: string): EthtoolTimestamping {
  const result: EthtoolTimestamping = {
    iface: null,
    capabilities: [],
    phcIndex: null,
    providerQualifier: null,
    txTypes: [],
    rxFilters: [],
    hardwareTimestamping: false,
    softwareOnly: false,
  };
  let list: TimestampingList | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const header = /^Time stamping parameters for (\S+?):?\s*$/.exec(line);
    if (header) {
      result.iface = header[1]!;
      list = null;
      continue;
    }
    const listHeader = LIST_HEADERS.find(([pattern]) => pattern.test(line));
    if (listHeader) {
      list = listHeader[1];
      const inline = line.slice(line.indexOf(':') + 1).trim();
      if (inline !== '' && inline !== 'none') result[list].push(inline);
      continue;
    }
    const phc = /^(?:PTP Hardware Clock|Hardware timestamp provider index):\s*(\S+)/.exec(line);
    if (phc) {
      const index = Number(phc[1]);
      result.phcIndex = Number.isInteger(index) && index >= 0 ? index : null;
      list = null;
      continue;
    }
    const qualifier = /^Hardware timestamp provider qualifier:\s*(.+)$/.exec(line);
    if (qualifier) {
      result.providerQualifier = qualifier[1]!.trim();
      list = null;
      continue;
    }
    if (list && /^\s/.test(line) && line.trim() !== '') {
      const name = line.trim().split(/\s+/)[0]!;
      if (name !== 'none') result[list].push(name);
    }
  }
  const has = (capability: string) => result.capabilities.includes(capability);
  result.hardwareTimestamping =
    has('hardware-transmit') && has('hardware-receive') && has('hardware-raw-clock');
  result.softwareOnly =
    !has('hardware-transmit') &&
    !has('hardware-receive') &&
    (has('software-transmit') || has('software-receive'));
  return result;
}

/** Several `ethtool -T` outputs one after the other, one per `Time stamping parameters for X:` block. */
export function parseEthtoolTimestampingBlocks(text: string): EthtoolTimestamping[] {
  const starts = [...text.matchAll(/^Time stamping parameters for /gm)].map((match) => match.index);
  return starts.map((start, index) =>
    parseEthtoolTimestamping(text.slice(start, starts[index + 1] ?? text.length)),
  );
}

/** Plain `ethtool <iface>`: speed, duplex and whether a link is detected. */
export function parseEthtoolLink(text: string): EthtoolLink {
  const values = keyValues(text);
  const detected = values.get('Link detected');
  return {
    speed: values.get('Speed') ?? null,
    duplex: values.get('Duplex') ?? null,
    linkDetected: detected === undefined ? null : detected === 'yes',
  };
}
