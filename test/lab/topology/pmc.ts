import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PmcResponse } from '../../../core/model/pmc.js';
import { parsePmcOutput } from '../../../core/parsers/pmc-output.js';
import { inNamespace } from './command.js';

const execFileAsync = promisify(execFile);

/** Where one ptp4l answers management requests. */
export interface PmcTarget {
  namespace: string;
  udsPath: string;
  domain: number;
}

/**
 * pmc over ptp4l's UDS socket, inside the clock's namespace, as `pmc -u -b 0 -d DOMAIN -s UDS 'GET …'`
 * prints it. -d: ptp4l 3.1.1 ignores management messages of another domain (pmc's default is 0).
 */
async function pmc(target: PmcTarget, requests: string[]): Promise<string> {
  const argv = inNamespace(target.namespace, [
    'pmc',
    '-u',
    '-b',
    '0',
    '-d',
    `${target.domain}`,
    '-s',
    target.udsPath,
    ...requests,
  ]);
  const { stdout } = await execFileAsync(argv[0]!, argv.slice(1), { timeout: 10_000 });
  return stdout;
}

/** GET requests only: the lab reads a clock as a user's tools would. */
export function pmcGet(target: PmcTarget, ...requests: string[]): Promise<string> {
  const other = requests.find((request) => !/^GET [A-Z_]+$/.test(request));
  if (other) throw new Error(`pmcGet sends GET requests only, not "${other}"`);
  return pmc(target, requests);
}

/** The answers pmc printed, one per port for a port data set. */
export function pmcAnswers(text: string): PmcResponse[] {
  return parsePmcOutput(text).responses;
}

/**
 * The one SET the lab sends, which drives a scenario: a grandmaster's clockClass. pmc 3.1.1 (pmc_common.c,
 * GRANDMASTER_SETTINGS_NP) takes all eleven fields in this order or refuses ("SET needs 11 values"); the
 * others keep what the clock has (a GET first).
 */
export async function pmcSetGrandmasterClass(target: PmcTarget, clockClass: number): Promise<string> {
  const [current] = pmcAnswers(await pmcGet(target, 'GET GRANDMASTER_SETTINGS_NP'));
  if (!current) throw new Error(`${target.udsPath}: no GRANDMASTER_SETTINGS_NP answer`);
  const fields: Record<string, string> = { ...current.fields, clockClass: `${clockClass}` };
  const order = [
    'clockClass',
    'clockAccuracy',
    'offsetScaledLogVariance',
    'currentUtcOffset',
    'leap61',
    'leap59',
    'currentUtcOffsetValid',
    'ptpTimescale',
    'timeTraceable',
    'frequencyTraceable',
    'timeSource',
  ];
  const request = `SET GRANDMASTER_SETTINGS_NP ${order.map((key) => `${key} ${fields[key]}`).join(' ')}`;
  const answer = await pmc(target, [request]);
  const set = pmcAnswers(answer)[0];
  if (set?.fields.clockClass !== `${clockClass}`) throw new Error(`${request} was not applied: ${answer}`);
  return answer;
}
