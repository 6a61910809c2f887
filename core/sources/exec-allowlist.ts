/**
 * The only commands ptp-mcp ever runs in a linuxptp-daemon container, as argv (never through a shell):
 * read-only PTP queries. Anything else is refused before a request leaves the process. The simulated
 * cluster answers exactly these, from a snapshot.
 */

/** pmc's management IDs that GET may name (linuxptp pmc_common.c idtab); SET and CMD are never sent. */
export const PMC_GET_IDS = [
  'ANNOUNCE_RECEIPT_TIMEOUT',
  'CLOCK_ACCURACY',
  'CLOCK_DESCRIPTION',
  'CURRENT_DATA_SET',
  'DEFAULT_DATA_SET',
  'DELAY_MECHANISM',
  'DOMAIN',
  'GRANDMASTER_SETTINGS_NP',
  'LOG_ANNOUNCE_INTERVAL',
  'LOG_MIN_PDELAY_REQ_INTERVAL',
  'LOG_SYNC_INTERVAL',
  'MASTER_ONLY',
  'PARENT_DATA_SET',
  'PORT_DATA_SET',
  'PORT_DATA_SET_NP',
  'PORT_HWCLOCK_NP',
  'PORT_PROPERTIES_NP',
  'PORT_SERVICE_STATS_NP',
  'PORT_STATS_NP',
  'PRIORITY1',
  'PRIORITY2',
  'SLAVE_ONLY',
  'SYNCHRONIZATION_UNCERTAIN_NP',
  'TIME',
  'TIME_PROPERTIES_DATA_SET',
  'TIME_STATUS_NP',
  'TIMESCALE_PROPERTIES',
  'TRACEABILITY_PROPERTIES',
  'UNICAST_MASTER_TABLE_NP',
  'USER_DESCRIPTION',
  'VERSION_NUMBER',
] as const;

const RUN_FILE = /^\/var\/run\/(ptp4l|phc2sys|ts2phc|synce4l|chronyd)\.\d+\.(config|socket)$/;
const MAX_TAIL_FILES = 16;
const IFACE = /^[A-Za-z0-9_.:-]{1,15}$/;
/** A ptp4l UDS of a plain host (`uds_address`): absolute, no `..`, within sun_path's 108 bytes. */
const UDS_PATH = /^\/[A-Za-z0-9_./-]{1,106}$/;
/** A systemd unit for `journalctl -u` (ptp4l, ptp4l@eth0, phc2sys.service). */
const UNIT = /^[A-Za-z0-9@_.:-]{1,64}$/;
/** Files of the PTP clock under an interface's device, without `..`, e.g. ptp/ptp0/clock_name or pins. */
const SYSFS_PTP =
  /^\/sys\/class\/net\/[A-Za-z0-9_.:-]{1,15}\/device\/ptp(\/ptp\d+(\/[A-Za-z0-9_.-]+){0,2})?$/;

export type AllowedCommand =
  | { kind: 'pmc'; configFile?: string; socket?: string; requests: string[] }
  | { kind: 'ethtool'; flag: '-i' | '-T' | '-S'; iface: string }
  | { kind: 'cat'; path: string }
  | { kind: 'configs'; paths: string[] }
  | { kind: 'ls'; path: string }
  | { kind: 'ptp-devices' }
  | { kind: 'journal'; units: string[] };

/** The allowlist as users read it (README, the exec tool's description). */
export const EXEC_ALLOWLIST: readonly { command: string; purpose: string }[] = [
  {
    command: 'pmc -u -b 0 [-d DOMAIN] -f /var/run/ptp4l.N.config GET <ID> [GET <ID>...]',
    purpose: `read ptp4l's data sets over its UDS (GET only; IDs: ${PMC_GET_IDS.join(', ')})`,
  },
  {
    command: 'pmc -u -b 0 [-d DOMAIN] -s /path/of/ptp4l/uds GET <ID> [GET <ID>...]',
    purpose: "a plain host's ptp4l, at its uds_address (GET only)",
  },
  {
    command: 'ethtool -i|-T|-S <iface>',
    purpose: 'driver and firmware, time stamping capabilities and PHC, statistics',
  },
  {
    command: 'cat /var/run/{ptp4l,phc2sys,ts2phc,synce4l,chronyd}.N.config',
    purpose: 'the configs the daemon rendered',
  },
  {
    command: 'tail -v -n +1 /var/run/{ptp4l,phc2sys,ts2phc,synce4l,chronyd}.N.config...',
    purpose: 'several rendered configs at once, each after a `==> path <==` header',
  },
  {
    command: 'cat /sys/class/net/<iface>/device/ptp/ptpN/<file>',
    purpose: 'the PHC of an interface (clock_name, pins...)',
  },
  { command: 'ls /var/run', purpose: 'which configs the daemon rendered' },
  { command: 'ls /sys/class/net/<iface>/device/ptp[/ptpN]', purpose: 'which PHC an interface has' },
  {
    command: "find /dev -maxdepth 1 -name 'ptp*'",
    purpose: 'the PTP hardware clocks of the node (ls /dev/ptp* without a shell)',
  },
  {
    command: 'journalctl --no-pager -o short-iso -u UNIT [-u UNIT...]',
    purpose: "a plain host's ptp4l, phc2sys and ts2phc logs",
  },
];

export class CommandRefused extends Error {
  constructor(argv: readonly string[], reason: string) {
    super(
      `refused to run ${JSON.stringify(argv)}: ${reason}; allowed: ${EXEC_ALLOWLIST.map((c) => c.command).join(' | ')}`,
    );
    this.name = 'CommandRefused';
  }
}

/** Parses argv against the allowlist; throws CommandRefused for anything not on it. */
export function allowCommand(argv: readonly string[]): AllowedCommand {
  const refuse = (reason: string): never => {
    throw new CommandRefused(argv, reason);
  };
  if (argv.some((arg) => arg.includes('\0') || arg.includes('\n')))
    refuse('an argument holds a NUL or a newline');
  const [program, ...args] = argv;
  switch (program) {
    case 'pmc':
      return pmcCommand(args, refuse);
    case 'ethtool': {
      const [flag, iface, ...rest] = args;
      if (
        (flag !== '-i' && flag !== '-T' && flag !== '-S') ||
        !iface ||
        !IFACE.test(iface) ||
        rest.length > 0
      )
        refuse('ethtool takes -i, -T or -S and one interface name');
      return { kind: 'ethtool', flag: flag as '-i' | '-T' | '-S', iface: iface! };
    }
    case 'cat': {
      const [path, ...rest] = args;
      if (!path || rest.length > 0) refuse('cat takes one path');
      if (!(RUN_FILE.test(path!) && path!.endsWith('.config')) && !SYSFS_PTP.test(path!))
        refuse(
          `cat only reads the rendered /var/run configs and /sys/class/net/<iface>/device/ptp files (got ${path})`,
        );
      return { kind: 'cat', path: path! };
    }
    case 'tail': {
      // Exactly `tail -v -n +1` (whole files, each after its header) of distinct rendered configs.
      const [verbose, lines, from, ...paths] = args;
      if (verbose !== '-v' || lines !== '-n' || from !== '+1')
        refuse('tail is only allowed as: tail -v -n +1 /var/run/<program>.N.config...');
      if (paths.length === 0 || paths.length > MAX_TAIL_FILES || new Set(paths).size !== paths.length)
        refuse(`tail takes 1 to ${MAX_TAIL_FILES} distinct config files`);
      for (const path of paths)
        if (!RUN_FILE.test(path) || !path.endsWith('.config'))
          refuse(`tail only reads the rendered /var/run configs (got ${path})`);
      return { kind: 'configs', paths };
    }
    case 'ls': {
      const [path, ...rest] = args;
      const sysfs = path !== undefined && SYSFS_PTP.test(path) && !/\/ptp\d+\//.test(path);
      if (!path || rest.length > 0 || (path !== '/var/run' && !sysfs))
        refuse('ls only lists /var/run and /sys/class/net/<iface>/device/ptp[/ptpN]');
      return { kind: 'ls', path: path! };
    }
    case 'find':
      if (args.join(' ') !== '/dev -maxdepth 1 -name ptp*')
        refuse("find is only allowed as: find /dev -maxdepth 1 -name 'ptp*'");
      return { kind: 'ptp-devices' };
    case 'journalctl': {
      const [pager, output, format, ...rest] = args;
      const units = rest.filter((_, i) => i % 2 === 1);
      if (
        pager !== '--no-pager' ||
        output !== '-o' ||
        format !== 'short-iso' ||
        units.length === 0 ||
        rest.length !== units.length * 2 ||
        rest.some((arg, i) => (i % 2 === 0 ? arg !== '-u' : !UNIT.test(arg)))
      )
        refuse('journalctl is only allowed as: journalctl --no-pager -o short-iso -u UNIT [-u UNIT...]');
      return { kind: 'journal', units };
    }
    default:
      return refuse(`${program ?? '(nothing)'} is not an allowed program`);
  }
}

function pmcCommand(args: string[], refuse: (reason: string) => never): AllowedCommand {
  let configFile: string | undefined;
  let socket: string | undefined;
  const requests: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-u') continue;
    if (arg === '-b' || arg === '-d' || arg === '-t') {
      if (!/^\d{1,3}$/.test(args[i + 1] ?? '')) refuse(`pmc ${arg} takes a number`);
      i++;
    } else if (arg === '-f') {
      configFile = args[++i];
      if (!configFile || !RUN_FILE.test(configFile) || !configFile.endsWith('.config'))
        refuse('pmc -f takes a rendered /var/run/ptp4l.N.config');
    } else if (arg === '-s') {
      socket = args[++i];
      if (!socket || !UDS_PATH.test(socket) || socket.split('/').includes('..'))
        refuse('pmc -s takes the absolute path of a ptp4l UDS (uds_address)');
    } else {
      // Each request is one argument, as pmc reads them: "GET CURRENT_DATA_SET".
      const [action, id, ...rest] = arg.trim().split(/\s+/);
      if (action?.toUpperCase() !== 'GET') refuse(`pmc requests must be GET (got "${arg}")`);
      const upper = id?.toUpperCase();
      if (!upper || rest.length > 0 || !(PMC_GET_IDS as readonly string[]).includes(upper))
        refuse(`unknown or unsupported pmc management ID "${id ?? ''}"`);
      requests.push(`GET ${upper}`);
    }
  }
  if ((configFile === undefined) === (socket === undefined))
    refuse('pmc needs -f /var/run/ptp4l.N.config, or -s UDS_PATH on a plain host');
  if (requests.length === 0) refuse('pmc needs at least one GET request');
  if (socket !== undefined) return { kind: 'pmc', socket, requests };
  return { kind: 'pmc', configFile: configFile!.slice('/var/run/'.length), requests };
}
