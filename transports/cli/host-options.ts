import type { HostSettings } from '../../plugins/linuxptp-host/host-settings.js';
import { DEFAULT_JOURNAL_UNITS } from '../../plugins/linuxptp-host/host-settings.js';
import { CliError } from './cli-error.js';

/** What `--source host` reads, as every command accepts it. */
export type HostOptions = Partial<HostSettings>;

const LISTS = {
  'ptp4l-config': 'ptp4lConfigs',
  'phc2sys-config': 'phc2sysConfigs',
  'ts2phc-config': 'ts2phcConfigs',
  log: 'logs',
  'journal-unit': 'journalUnits',
} as const;

/**
 * `--node-name`, `--ptp4l-config`, `--phc2sys-config`, `--ts2phc-config`, `--log`, `--journal` and
 * `--journal-unit` are taken out wherever they stand (the lists may be given several times): they say
 * what `--source host` reads.
 */
export function hostOptions(argv: string[]): { rest: string[]; host: HostOptions } {
  const host: HostOptions = {};
  const rest: string[] = [];
  let journal = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--journal') {
      journal = true;
      continue;
    }
    const match = /^--(node-name|ptp4l-config|phc2sys-config|ts2phc-config|log|journal-unit)(?:=(.*))?$/.exec(
      argv[i]!,
    );
    if (!match) {
      rest.push(argv[i]!);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '' || value.startsWith('--'))
      throw new CliError(`--${match[1]} needs a value`);
    if (match[1] === 'node-name') host.nodeName = value;
    else {
      const key = LISTS[match[1] as keyof typeof LISTS];
      host[key] = [...(host[key] ?? []), value];
    }
  }
  if (host.journalUnits && !journal) throw new CliError('--journal-unit goes with --journal');
  if (journal) host.journalUnits ??= [...DEFAULT_JOURNAL_UNITS];
  return { rest, host };
}
