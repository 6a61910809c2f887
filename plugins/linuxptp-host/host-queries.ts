import { stat } from 'node:fs/promises';
import type { RawNode } from '../../core/sources/raw-cluster.js';
import { orWarning, SourceError } from '../../core/sources/source-error.js';
import type { HostConfig } from './host-configs.js';
import { execHere } from './host-exec.js';
import type { Ptp4lEndpoint } from './ptp4l-endpoint.js';

/** What the snapshot keeps of each ptp4l instance: the data sets the Kubernetes source asks for. */
export const PMC_REQUESTS = [
  'GET DEFAULT_DATA_SET',
  'GET PARENT_DATA_SET',
  'GET CURRENT_DATA_SET',
  'GET PORT_DATA_SET',
  'GET TIME_STATUS_NP',
];

/** pmc's argv for a ptp4l at its UDS, in its domain (ptp4l drops management messages of another one). */
export function pmcArgv(endpoint: Ptp4lEndpoint, requests: readonly string[]): string[] {
  return [
    'pmc',
    '-u',
    '-b',
    '0',
    '-d',
    String(endpoint.domainNumber),
    '-s',
    endpoint.udsAddress,
    ...requests,
  ];
}

/**
 * The pmc answers of each ptp4l and ethtool -i/-T of each interface its configs name. A socket that is not
 * there, refused, or silent, and ethtool's failures, are warnings naming them; the rest is kept.
 */
export async function queryHost(
  configs: readonly HostConfig[],
  node: RawNode,
  warn: (message: string) => void,
): Promise<void> {
  const quietly = <T>(what: Promise<T>) => orWarning(what, warn);
  const ptp4l = configs.filter((config) => config.endpoint !== undefined);
  const ifaces = [...new Set(ptp4l.flatMap((config) => config.endpoint!.interfaces))];
  const [answers, nics] = await Promise.all([
    Promise.all(ptp4l.map((config) => quietly(pmcAnswer(config)))),
    Promise.all(
      ifaces.map((iface) =>
        Promise.all([
          quietly(execHere(['ethtool', '-i', iface])),
          quietly(execHere(['ethtool', '-T', iface])),
        ]),
      ),
    ),
  ]);
  ptp4l.forEach((config, index) => {
    const text = answers[index];
    if (text !== undefined)
      node.pmc.push({ name: `${node.name}: pmc of ${config.file}`, text, configFile: config.file });
  });
  ifaces.forEach((iface, index) => {
    const [info, timestamping] = nics[index]!;
    const entry: RawNode['ethtool'][number] = { iface };
    for (const [flag, result] of [
      ['-i', info],
      ['-T', timestamping],
    ] as const) {
      if (result === undefined) continue;
      if (result.exitCode !== 0) {
        warn(`ethtool ${flag} ${iface}: ${result.stderr.trim() || `exit code ${result.exitCode}`}`);
        continue;
      }
      const text = { name: `${node.name}: ethtool ${flag} ${iface}`, text: result.stdout };
      if (flag === '-i') entry.driverInfo = text;
      else entry.timestamping = text;
    }
    node.ethtool.push(entry);
  });
}

/** pmc's output for one ptp4l; a SourceError when its socket is absent or it does not answer. */
async function pmcAnswer(config: HostConfig): Promise<string> {
  const { udsAddress, domainNumber } = config.endpoint!;
  const what = `pmc of ${config.file} (${config.path})`;
  const info = await stat(udsAddress).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    const why =
      info.code === 'ENOENT'
        ? 'ptp4l is not running, or runs with another uds_address'
        : `cannot be reached (${info.code ?? info.message})`;
    throw new SourceError(`${what}: no socket at ${udsAddress}: ${why}`);
  }
  if (!info.isSocket()) throw new SourceError(`${what}: ${udsAddress} is not a socket`);
  const result = await execHere(pmcArgv(config.endpoint!, PMC_REQUESTS));
  if (result.exitCode !== 0)
    throw new SourceError(`${what}: exit code ${result.exitCode}: ${result.stderr.trim() || 'no message'}`);
  // pmc exits 0 when no answer comes (it waits 100 ms per request, pmc.c): ptp4l stopped, or another domain.
  if (!result.stdout.includes('RESPONSE MANAGEMENT'))
    throw new SourceError(
      `${what}: no answer at ${udsAddress} in domain ${domainNumber}: ptp4l does not answer (stopped, or another domainNumber)${result.stderr.trim() ? `: ${result.stderr.trim()}` : ''}`,
    );
  return result.stdout;
}
