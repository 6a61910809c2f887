import { profileClock } from '../../analysis/clock-type.js';
import type { FindingLocation } from '../../model/finding.js';
import type { LinuxptpConfig } from '../../model/linuxptp-config.js';
import { PTP_CLOCK_THRESHOLD_DEFAULTS, type PtpProfile } from '../../model/ptp-config.js';
import { parseLinuxptpConfig } from '../../parsers/linuxptp-config.js';
import { portSections, sectionsNamed } from '../../parsers/linuxptp-config-lookup.js';
import { parseProcessOptions } from '../../parsers/process-options.js';
import type { FieldPosition } from '../../parsers/ptp-config-yaml.js';
import { LINUXPTP_DEFAULTS } from '../data/linuxptp-defaults.js';
import type { ProfileFact } from './config-fact-schema.js';
import { phcCount, refusedPorts, roleFacts } from './role-facts.js';

export interface ProfileInput {
  file: string;
  profile: PtpProfile;
  ptpConfig?: string;
  /** Positions of the profile's fields in `file` (YAML); absent for a raw ptp4l.conf. */
  fields?: Map<string, FieldPosition>;
  /** Line of the profile itself, where findings without a better place point. */
  line?: number;
  /**
   * The PHC index (`ethtool -T`: "PTP Hardware Clock: N") of each interface, when the hardware is known;
   * without it the number of PHCs a profile spans is unknown (interface names do not tell it).
   */
  phcs?: Record<string, number | null>;
}

export type FactValue = string | number;
type Section = Record<string, FactValue>;

/** Deprecated names linuxptp still reads (config.c): rules may use either, both are filled. */
const ALIASES: [string, string][] = [
  ['slaveOnly', 'clientOnly'],
  ['masterOnly', 'serverOnly'],
];

/** What a `ptp4lProfile` evaluation sees as fact `profile`, and where each of its keys is written. */
export interface ProfileFacts {
  facts: { profile: ProfileFact };
  locate: (fact: string, path: string) => FindingLocation | undefined;
  /** The parsed configs and options, for the port and option evaluations built from the same profile. */
  parsed: {
    ptp4l: PositionedConfig;
    ts2phc: PositionedConfig;
    phc2sys: PositionedConfig;
    options: { program: 'ptp4l' | 'phc2sys' | 'ts2phc'; longOptions: Record<string, string> }[];
    /** Where a field of the profile is written (for keys given on a command line). */
    fieldLocation: (field: string) => FindingLocation;
    global: Section;
    ports: Record<string, Section>;
  };
}

/** Builds the `profile` fact of one PtpConfig profile (or raw ptp4l.conf) with the positions of its keys. */
export function profileFacts(input: ProfileInput): ProfileFacts {
  const { profile, file, fields } = input;
  const positions = new Map<string, FindingLocation>();
  const at = (field: string): FindingLocation => {
    const position = fields?.get(field);
    return { file, line: position?.line ?? input.line, column: position?.column, key: field };
  };
  const ptp4l = configOf(profile.ptp4lConf, fields?.get('ptp4lConf'));
  const ptp4lOpts = parseProcessOptions('ptp4l', profile.ptp4lOpts ?? '');
  const phc2sysOpts = parseProcessOptions('phc2sys', profile.phc2sysOpts ?? '');
  const ts2phcOpts = parseProcessOptions('ts2phc', profile.ts2phcOpts ?? '');
  const ts2phc = configOf(profile.ts2phcConf, fields?.get('ts2phcConf'));
  const phc2sysConfig = configOf(profile.phc2sysConf, fields?.get('phc2sysConf'));
  const clock = profileClock(profile);

  const global = sectionValues(ptp4l, 'global', '$.global', file, positions, at('ptp4lConf'));
  for (const [key, value] of Object.entries(ptp4lOpts.configOverrides)) {
    global[key] = typed(value);
    positions.set(`$.global.${key}`, at('ptp4lOpts'));
  }
  addAliases(global);
  const ports: Record<string, Section> = {};
  // A port written twice is one port: its sections are read together, once.
  for (const name of new Set(portSections(ptp4l.config).map((section) => section.name))) {
    const values = sectionValues(ptp4l, name, `$.ports.${name}`, file, positions, at('ptp4lConf'));
    addAliases(values);
    ports[name] = values;
  }

  const threshold = profile.ptpClockThreshold;
  for (const key of [
    'ptp4lOpts',
    'phc2sysOpts',
    'ts2phcOpts',
    'ptpClockThreshold',
    'ptpSettings',
    'plugins',
    'interface',
  ]) {
    positions.set(`$.${key}`, at(key));
  }
  positions.set('$', at('name'));
  positions.set('$.threshold', at('ptpClockThreshold'));
  positions.set('$.pluginSettings', at('plugins'));
  positions.set('$.domain', positions.get('$.global.domainNumber') ?? at('ptp4lConf'));

  const phc2sys = phc2sysOpts.settings;
  const effective: Section = { ...LINUXPTP_DEFAULTS, ...global };
  // A key a raw config does not write is pointed at its [global] header, where it would go (a PtpConfig
  // points at its ptp4lConf field).
  const globalHeader = fields
    ? undefined
    : ptp4l.config.sections.find((section) => section.name === 'global');
  const unwritten: FindingLocation = globalHeader
    ? { file, line: globalHeader.line, key: 'global' }
    : at('ptp4lConf');
  for (const key of Object.keys(LINUXPTP_DEFAULTS)) {
    if (!positions.has(`$.global.${key}`)) positions.set(`$.global.${key}`, unwritten);
    positions.set(`$.effective.${key}`, positions.get(`$.global.${key}`)!);
  }
  // Templated names (ZTP `(?<iface_timeRx>…)`, `$iface`, `{{ }}`) are filled in per node.
  const templated = clock.ports.some((port) => !/^[\w.@-]+$/.test(port));
  const clientOnlyFlag =
    ptp4lOpts.settings.clientOnly === true ||
    ['clientOnly', 'slaveOnly'].some((key) => ptp4lOpts.configOverrides[key] !== undefined);
  const roles = roleFacts(clock, ptp4l, clientOnlyFlag, { file, positions, at });
  const phc2sysPresent = (profile.phc2sysOpts ?? '').trim() !== '';
  const pluginSettings = Object.assign(
    {},
    ...Object.values(profile.plugins ?? {}).map(
      (plugin) => (plugin as { settings?: Record<string, unknown> })?.settings ?? {},
    ),
  ) as Record<string, unknown>;
  const facts: ProfileFact = {
    name: profile.name,
    ptpConfig: input.ptpConfig ?? null,
    file,
    clockType: clock.type,
    hasSlave: clock.hasSlave,
    portNames: clock.ports,
    /** Every port section sets its own network_transport: [global]'s (and -2/-4/-6) applies to none. */
    portsOverrideTransport:
      Object.keys(ports).length > 0 &&
      Object.values(ports).every((port) => port.network_transport !== undefined),
    portCount: clock.ports.length,
    /** PHCs the ports span, from the PHC index of each (ethtool -T); null when one is unknown. */
    phcCount: phcCount(clock.ports, input.phcs),
    /** Ports ptp4l refuses for a PHC device mismatch (phc-topology.ts); empty when none or unknown. */
    phcRefusedPorts: refusedPorts(ptp4l.config, input.phcs),
    templated,
    ...roles,
    global,
    /** [global] and the command line over linuxptp's defaults: what ptp4l will run with. */
    effective,
    // Always set: LINUXPTP_DEFAULTS has domainNumber (0, linuxptp's default).
    domain: effective.domainNumber ?? 0,
    ports,
    configErrors: ptp4l.config.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    ptp4lOpts: {
      present: (profile.ptp4lOpts ?? '').trim() !== '',
      raw: profile.ptp4lOpts ?? null,
      transport: ptp4lOpts.settings.transport ?? null,
      clientOnly: ptp4lOpts.settings.clientOnly,
      longOptions: ptp4lOpts.longOptions,
      errors: ptp4lOpts.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    },
    phc2sysOpts: {
      present: phc2sysPresent,
      raw: profile.phc2sysOpts ?? null,
      domain: phc2sys.domains[0] ?? null,
      /** The domain phc2sys talks to ptp4l on: its -n, else 0 (phc2sys.8); null when phc2sys does not run. */
      effectiveDomain: phc2sysPresent ? (phc2sys.domains[0] ?? 0) : null,
      domains: phc2sys.domains,
      automatic: phc2sys.automatic,
      realtimeCount: phc2sys.realtimeCount,
      source: phc2sys.source ?? null,
      wait: phc2sys.wait,
      summaryUpdates: phc2sys.summaryUpdates ?? null,
      errors: phc2sysOpts.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    },
    ts2phc: {
      present: (profile.ts2phcConf ?? '').trim() !== '',
      global: sectionValues(ts2phc, 'global', '$.ts2phc.global', file, positions, at('ts2phcConf')),
      nmea: ts2phc.config.sections.some((s) => s.name === 'nmea'),
      source: ts2phcOpts.settings.source ?? null,
      longOptions: ts2phcOpts.longOptions,
    },
    synce4l: { present: (profile.synce4lConf ?? '').trim() !== '' },
    unicast: {
      listen: effective.unicast_listen === 1,
      /** A [unicast_master_table] that a port refers to: this clock asks time transmitters for unicast service. */
      masterTable:
        ptp4l.config.sections.some((section) => section.name === 'unicast_master_table') &&
        Object.values(ports).some((port) => Number(port.unicast_master_table ?? 0) > 0),
    },
    ptpSettings: profile.ptpSettings ?? {},
    threshold: {
      declared: threshold !== undefined,
      holdOverTimeout: threshold?.holdOverTimeout ?? PTP_CLOCK_THRESHOLD_DEFAULTS.holdOverTimeout,
      maxOffsetThreshold: threshold?.maxOffsetThreshold ?? PTP_CLOCK_THRESHOLD_DEFAULTS.maxOffsetThreshold,
      minOffsetThreshold: threshold?.minOffsetThreshold ?? PTP_CLOCK_THRESHOLD_DEFAULTS.minOffsetThreshold,
    },
    plugins: Object.keys(profile.plugins ?? {}),
    /** The holdover settings of the daemon's plugins (LocalMaxHoldoverOffSet, LocalHoldoverTimeout, MaxInSpecOffset). */
    pluginSettings,
    schedulingPolicy: profile.ptpSchedulingPolicy ?? null,
  };
  return {
    facts: { profile: facts },
    // Bracketed keys (`$.effective['G.8275.portDS.localPriority']`) are stored dotted.
    locate: (fact, path) =>
      fact === 'profile' ? nearest(positions, path.replace(/\['([^']+)'\]/g, '.$1')) : undefined,
    parsed: {
      ptp4l,
      ts2phc,
      phc2sys: phc2sysConfig,
      options: [
        { program: 'ptp4l', longOptions: ptp4lOpts.longOptions },
        { program: 'phc2sys', longOptions: phc2sysOpts.longOptions },
        { program: 'ts2phc', longOptions: ts2phcOpts.longOptions },
      ],
      fieldLocation: at,
      global,
      ports,
    },
  };
}

export interface PositionedConfig {
  config: LinuxptpConfig;
  /** The config's key lines are file lines (a block scalar, or a raw file). */
  positioned: boolean;
}

function configOf(text: string | undefined, field: FieldPosition | undefined): PositionedConfig {
  if (field?.block) return { config: parseLinuxptpConfig(text ?? '', field.block), positioned: true };
  return { config: parseLinuxptpConfig(text ?? ''), positioned: field === undefined };
}

/** The values of a section (the last of a repeated key wins, as in linuxptp), recording where each is. */
function sectionValues(
  { config, positioned }: PositionedConfig,
  name: string,
  prefix: string,
  file: string,
  positions: Map<string, FindingLocation>,
  fallback: FindingLocation,
): Section {
  const values: Section = {};
  for (const section of sectionsNamed(config, name)) {
    for (const entry of section.entries) {
      values[entry.key] = typed(entry.value);
      positions.set(`${prefix}.${entry.key}`, positioned ? entryLocation(file, entry) : fallback);
    }
  }
  return values;
}

export function entryLocation(
  file: string,
  entry: { key: string; line: number; column: number },
): FindingLocation {
  return { file, line: entry.line, column: entry.column, key: entry.key };
}

function addAliases(section: Section): void {
  for (const [old, current] of ALIASES) {
    if (section[current] === undefined && section[old] !== undefined) section[current] = section[old];
    else if (section[old] === undefined && section[current] !== undefined) section[old] = section[current];
  }
}

/** Config values are text; decimal numbers become numbers so rules can compare them (hex stays text). */
export function typed(value: string): FactValue {
  const trimmed = value.trim();
  return /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The position of a path, or of its nearest ancestor that has one (a key set elsewhere is found at its parent). */
function nearest(positions: Map<string, FindingLocation>, path: string): FindingLocation | undefined {
  for (
    let candidate = path;
    candidate.length > 0;
    candidate = candidate.slice(0, Math.max(candidate.lastIndexOf('.'), 0))
  ) {
    const found = positions.get(candidate);
    if (found) return found;
    if (candidate === '$') break;
  }
  return positions.get('$');
}
