import { FileReadError } from '../../core/io/regular-file.js';
import { readUtf8File } from '../../core/io/text-encoding.js';
import type { HostRecord } from '../../core/model/host-record.js';
import type { NamedText } from '../../core/sources/raw-cluster.js';
import type { HostSettings } from './host-settings.js';
import { type Ptp4lEndpoint, ptp4lEndpoint } from './ptp4l-endpoint.js';

/** linuxptp configs are small; this is the cap of every config ptp-mcp reads. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** A config of the host as the node names it, with where it was read, and for ptp4l where pmc reaches it. */
export interface HostConfig {
  /** `ptp4l.0.config`: the Nth config of its program, as linuxptp-daemon names them. */
  file: string;
  path: string;
  text: NamedText;
  endpoint?: Ptp4lEndpoint;
}

/** The config files the settings name, in the order given per program; what cannot be read is a warning. */
export async function readHostConfigs(
  node: string,
  settings: HostSettings,
  warn: (message: string) => void,
): Promise<HostConfig[]> {
  const programs: [string, string[]][] = [
    ['ptp4l', settings.ptp4lConfigs],
    ['phc2sys', settings.phc2sysConfigs],
    ['ts2phc', settings.ts2phcConfigs],
  ];
  const configs: HostConfig[] = [];
  for (const [program, paths] of programs) {
    for (const [index, path] of paths.entries()) {
      const file = `${program}.${index}.config`;
      try {
        const text = await readUtf8File(path, MAX_CONFIG_BYTES, 'a configuration');
        // The name ends in the node's file name: reports, the snapshot and the exec answers use it.
        const config: HostConfig = { file, path, text: { name: `${node}:${path} as /${file}`, text } };
        if (program === 'ptp4l') config.endpoint = ptp4lEndpoint(text);
        configs.push(config);
      } catch (error) {
        if (!(error instanceof FileReadError)) throw error;
        warn(`${program} config ${error.message}`);
      }
    }
  }
  return configs;
}

/** What host.yaml keeps of the configs. */
export function configRecords(configs: readonly HostConfig[]): HostRecord['configs'] {
  return configs.map((config) => ({
    file: config.file,
    path: config.path,
    ...(config.endpoint
      ? { udsAddress: config.endpoint.udsAddress, domainNumber: config.endpoint.domainNumber }
      : {}),
  }));
}
