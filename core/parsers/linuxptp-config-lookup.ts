import type { ConfigEntry, ConfigSection, LinuxptpConfig } from '../model/linuxptp-config.js';

/** linuxptp's own sections; every other section is a port (interface), as `[nmea]` is for ts2phc's NMEA source. */
const NON_PORT_SECTIONS = new Set(['global', 'nmea', 'unicast_master_table']);

/**
 * Deprecated option names that linuxptp still accepts and renames on reading (config.c
 * check_deprecated_options); OpenShift configurations still write slaveOnly and masterOnly.
 */
const RENAMED_OPTIONS = new Map([
  ['slaveOnly', 'clientOnly'],
  ['masterOnly', 'serverOnly'],
  ['pi_offset_const', 'step_threshold'],
  ['pi_f_offset_const', 'first_step_threshold'],
  ['pi_max_frequency', 'max_frequency'],
]);

/** The name linuxptp uses for an option: `slaveOnly` is read as `clientOnly`. */
export function currentOptionName(key: string): string {
  return RENAMED_OPTIONS.get(key) ?? key;
}

/**
 * The entry linuxptp will use for `key` in `section` (default global): the last one written, since a later
 * value overwrites an earlier one, under either the current or the deprecated name. A port section without
 * the option falls back to [global], as linuxptp's config_get_*() do; the unicast table does not.
 */
export function findOption(config: LinuxptpConfig, key: string, section = 'global'): ConfigEntry | undefined {
  const name = currentOptionName(key);
  const own = lastEntry(config, section, name);
  if (own !== undefined || section === 'global' || section === 'unicast_master_table') return own;
  return lastEntry(config, 'global', name);
}

/** The entry port section `port` itself writes for `key` (no [global] fallback); none for a linuxptp section. */
export function portOption(config: LinuxptpConfig, key: string, port: string): ConfigEntry | undefined {
  return NON_PORT_SECTIONS.has(port) ? undefined : lastEntry(config, port, currentOptionName(key));
}

/**
 * Every port of the clock only transmits time: serverOnly (masterOnly) 1 in its section or [global]
 * (port.c: such a port never becomes a time receiver). False for a config without ports.
 */
export function serverOnlyClock(config: LinuxptpConfig): boolean {
  const ports = portSections(config);
  return (
    ports.length > 0 &&
    ports.every((port) => findOption(config, 'serverOnly', port.name)?.value.trim() === '1')
  );
}

/** Port sections in file order; a port written twice appears twice (linuxptp merges them). */
export function portSections(config: LinuxptpConfig): ConfigSection[] {
  return config.sections.filter((section) => !NON_PORT_SECTIONS.has(section.name));
}

/** Each section name once, in order of first appearance. */
export function sectionNames(config: LinuxptpConfig): string[] {
  return [...indexOf(config).byName.keys()];
}

/** The sections named `name`, in file order (a section written twice appears twice). */
export function sectionsNamed(config: LinuxptpConfig, name: string): readonly ConfigSection[] {
  return indexOf(config).byName.get(name) ?? [];
}

/**
 * Lookups by section and option, built once per parsed config: asking for an option of each of 100,000
 * ports must not scan every section each time. Parsed configs are never changed afterwards.
 */
interface ConfigIndex {
  byName: Map<string, ConfigSection[]>;
  /** Per section name, the last entry of each current option name, built on first use. */
  lastEntries: Map<string, Map<string, ConfigEntry>>;
}

const indexes = new WeakMap<LinuxptpConfig, ConfigIndex>();

function indexOf(config: LinuxptpConfig): ConfigIndex {
  let index = indexes.get(config);
  if (index === undefined) {
    const byName = new Map<string, ConfigSection[]>();
    for (const section of config.sections) {
      const named = byName.get(section.name);
      if (named) named.push(section);
      else byName.set(section.name, [section]);
    }
    index = { byName, lastEntries: new Map() };
    indexes.set(config, index);
  }
  return index;
}

function lastEntry(config: LinuxptpConfig, section: string, name: string): ConfigEntry | undefined {
  const index = indexOf(config);
  let entries = index.lastEntries.get(section);
  if (entries === undefined) {
    entries = new Map();
    // In file order, so that the last one written wins.
    for (const candidate of index.byName.get(section) ?? []) {
      for (const entry of candidate.entries) entries.set(currentOptionName(entry.key), entry);
    }
    index.lastEntries.set(section, entries);
  }
  return entries.get(name);
}
