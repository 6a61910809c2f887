import { z } from 'zod';
import { FactValue, OptionSection } from './fact-values.js';

/**
 * What a configuration pack's rules read (config-evaluations.ts and the builders it calls, typed by
 * these): fact `profile` (every config scope sees it), `port`, `option` and `commandLine`.
 */

const Program = z.enum(['ptp4l', 'phc2sys', 'ts2phc']);
const errors = z.array(z.string()).describe('what the parser refuses');

export const ProfileFact = z.object({
  name: z.string().describe('the profile name (a raw config: its file name)'),
  ptpConfig: z.string().nullable().describe('the PtpConfig it belongs to'),
  file: z.string(),
  clockType: z.enum(['GM', 'BC', 'OC']),
  hasSlave: z.boolean().describe('a port of it receives time'),
  portNames: z.array(z.string()),
  portsOverrideTransport: z.boolean().describe('every port section sets its own network_transport'),
  portCount: z.number(),
  phcCount: z.number().nullable().describe('PHCs the ports span (ethtool -T); null when one is unknown'),
  phcRefusedPorts: z.array(z.string()).describe('ports ptp4l refuses for a PHC device mismatch'),
  templated: z.boolean().describe('port names are filled in per node (ZTP templates)'),
  role: z.enum(['T-GM', 'T-BC', 'T-TSC', 'OC']),
  slaveOnly: z.boolean().describe('clientOnly|slaveOnly 1 or -s'),
  slaveOnlyBoundary: z.boolean().describe('a slave-only ptp4l with ports meant to transmit'),
  transmitPorts: z.array(z.string()),
  receiverPorts: z.array(z.string()).describe('ports whose section says serverOnly|masterOnly 0'),
  transmitPortsWithoutServerOnly: z.array(z.string()),
  global: OptionSection.describe("ptp4lConf's [global] and the command line's options"),
  effective: OptionSection.describe("[global] and the command line over linuxptp's defaults"),
  domain: FactValue.describe('the effective domainNumber'),
  ports: z.record(z.string(), OptionSection).describe('each port section, by interface'),
  configErrors: errors,
  ptp4lOpts: z.object({
    present: z.boolean(),
    raw: z.string().nullable(),
    transport: z.enum(['L2', 'UDPv4', 'UDPv6']).nullable().describe('-2, -4 or -6'),
    clientOnly: z.boolean().describe('-s'),
    longOptions: z.record(z.string(), z.string()),
    errors,
  }),
  phc2sysOpts: z.object({
    present: z.boolean(),
    raw: z.string().nullable(),
    domain: z.number().nullable().describe('its first -n'),
    effectiveDomain: z.number().nullable().describe('its -n, else 0; null when phc2sys does not run'),
    domains: z.array(z.number()),
    automatic: z.boolean().describe('-a'),
    realtimeCount: z.number().describe('how many -r'),
    source: z.string().nullable().describe('-s'),
    wait: z.boolean().describe('-w'),
    summaryUpdates: z.number().nullable(),
    errors,
  }),
  ts2phc: z.object({
    present: z.boolean().describe('the profile has a ts2phcConf'),
    global: OptionSection,
    nmea: z.boolean().describe('ts2phcConf has an [nmea] section'),
    source: z.string().nullable().describe('-s'),
    longOptions: z.record(z.string(), z.string()),
  }),
  synce4l: z.object({ present: z.boolean() }),
  unicast: z.object({
    listen: z.boolean().describe('unicast_listen 1'),
    masterTable: z.boolean().describe('a port uses a [unicast_master_table]'),
  }),
  ptpSettings: z.record(z.string(), z.string()),
  threshold: z.object({
    declared: z.boolean().describe('the profile sets ptpClockThreshold'),
    holdOverTimeout: z.number(),
    maxOffsetThreshold: z.number(),
    minOffsetThreshold: z.number(),
  }),
  plugins: z.array(z.string()).describe("the names of the daemon's plugins it configures"),
  pluginSettings: z
    .record(z.string(), z.unknown())
    .describe("its plugins' settings (LocalMaxHoldoverOffSet, LocalHoldoverTimeout, MaxInSpecOffset)"),
  schedulingPolicy: z.string().nullable(),
});
export type ProfileFact = z.infer<typeof ProfileFact>;

/**
 * A port: [global]'s options under its own, its `name`, and its own section's options as `own` (a type
 * cannot say "option names, and name and own", so config-evaluations.ts builds it untyped).
 */
export const PortFact = z
  .object({ name: z.string(), own: OptionSection.describe("the port section's own options") })
  .catchall(FactValue)
  .describe("the port's effective options by name");

export const OptionFact = z.object({
  program: Program,
  key: z.string().describe('the option as written'),
  value: FactValue,
  rawValue: z.string(),
  section: z.string().describe('global, a port, or unicast_master_table'),
  inPort: z.boolean().describe('set in a port section'),
  source: z.enum(['config', 'commandLine']),
  targetVersion: z.string().describe('the linuxptp release linted for'),
  known: z.boolean().describe('linuxptp knows the option'),
  suggestion: z.string().nullable().describe('a known option of similar spelling'),
  hint: z.string().describe('"did you mean …?" or that no known option is close'),
  globalOnly: z.boolean().describe('linuxptp accepts it in [global] only'),
  since: z.string().nullable().describe('the first release that knows it'),
  sinceText: z.string().nullable(),
  tooNew: z.boolean().describe('the target release predates the option'),
  replacedBy: z.string().nullable().describe('the current name of a deprecated spelling'),
  vendor: z.string().nullable().describe('the downstream build that has it'),
  valueProblem: z
    .enum(['out of range', 'not a number', 'unknown value', 'bad format'])
    .nullable()
    .describe("why the release's config.c refuses the value"),
  allowedText: z.string().nullable().describe('what the option takes'),
  checkedAgainst: z.string().describe('the release table the value was checked against'),
  overriddenBy: z.string().nullable().optional().describe('the command-line flag that sets it too'),
  commandLineValue: z.string().nullable().optional(),
  agrees: z.boolean().nullable().optional().describe('the command line gives the same value'),
});
export type OptionFact = z.infer<typeof OptionFact>;

/** One program's `xxxOpts` as its main() reads them at the target release (command-line-facts.ts). */
export const CommandLineFact = z.object({
  program: Program,
  field: z.string().describe('ptp4lOpts, phc2sysOpts or ts2phcOpts'),
  raw: z.string(),
  targetVersion: z.string(),
  release: z.string().describe('the release whose getopt string was used'),
  unknownFlags: z.array(z.string()).describe('flags the program does not know, with a suggestion'),
  unknownText: z.string(),
  refusals: z.array(z.string()).describe('other reasons main() exits before running'),
  refusalText: z.string(),
  automatic: z.boolean().describe('-a'),
  realtimeCount: z.number().describe('how many -r'),
  manualFlags: z.array(z.string()).describe('phc2sys: the manual-configuration flags given'),
  configFile: z.string().nullable().describe("a -f of the user's, replacing the daemon's config"),
  domain: z.number().nullable().describe('ts2phc: the domain its -a mode queries ptp4l on'),
  ptp4lDomain: z.number().nullable().describe("the domain of the profile's ptp4l"),
});
export type CommandLineFact = z.infer<typeof CommandLineFact>;
