import { basename } from 'node:path';
import { FileReadError } from '../../core/io/regular-file.js';
import { logFileStream } from '../../core/sources/log-file-stream.js';
import type { TextStream } from '../../core/sources/raw-cluster.js';
import { commandStream } from './host-exec.js';
import type { HostSettings } from './host-settings.js';

export interface HostLog {
  /** Its file name under logs/ in a snapshot. */
  file: string;
  /** A path, or the journalctl command. */
  source: string;
  stream: TextStream;
}

/** journalctl's argv for the units, in the one form the exec allowlist takes. */
export function journalArgv(units: readonly string[]): string[] {
  return ['journalctl', '--no-pager', '-o', 'short-iso', ...units.flatMap((unit) => ['-u', unit])];
}

/** The logs the settings name: each file (refused ones are warnings), then the journal when asked. */
export function hostLogs(settings: HostSettings, warn: (message: string) => void): HostLog[] {
  const logs: HostLog[] = [];
  const taken = new Set<string>();
  const fileName = (wanted: string) => {
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${n}-${wanted}`;
    taken.add(name);
    return name;
  };
  for (const path of settings.logs) {
    try {
      const stream = logFileStream(path, path);
      logs.push({ file: fileName(basename(path)), source: path, stream });
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      warn(`log ${error.message}`);
    }
  }
  if (settings.journalUnits.length > 0) {
    const stream = commandStream(journalArgv(settings.journalUnits));
    logs.push({ file: fileName('journal.log'), source: stream.name, stream });
  }
  return logs;
}
