import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import { type CliResult, diagnoseFolder, diagnoseHost } from '../topology/ptp-mcp-cli.js';
import { recordScenario, startScenario } from './run-scenario.js';
import type { Scenario } from './scenario.js';

/** What a scenario gave: each namespace diagnosed live with `--source host`, and the assembled recording. */
export interface LiveRun {
  /** Clock identity of each clock of the lab, by clock name. */
  identities: Record<string, string>;
  /** `diagnose --source host --format json` inside each node's namespace, by node. */
  hosts: Record<string, Diagnosis>;
  /** `diagnose --source dir:` of the snapshot folder assembled from every node. */
  assembled: Diagnosis;
  /** false: a node's ptp4l was stopped, its recording incomplete (read with --partial). */
  complete: boolean;
}

function json(what: string, result: CliResult): Diagnosis {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}: ${result.stderr}`);
  try {
    return JSON.parse(result.stdout) as Diagnosis;
  } catch {
    throw new Error(`${what} printed no JSON: ${result.stdout.slice(0, 300)} ${result.stderr.slice(0, 300)}`);
  }
}

/**
 * Runs a scenario on real ptp4l, diagnoses every namespace while the lab is live, records and diagnoses
 * the assembled snapshot, and always removes the lab and its temp folders (also when a step fails).
 */
export async function runLive(scenario: Scenario): Promise<LiveRun> {
  await slot();
  try {
    return await liveRun(scenario);
  } finally {
    free();
  }
}

/**
 * At most MAX_LIVE labs of this process run at once: the ptp-mcp runs of a lab cost CPU, and a starved lab
 * misses its announce time-outs.
 */
const MAX_LIVE = 4;
let live = 0;
const waiting: (() => void)[] = [];
const slot = (): Promise<void> =>
  live < MAX_LIVE ? Promise.resolve(void live++) : new Promise((resolve) => waiting.push(resolve));
const free = (): void => {
  const next = waiting.shift();
  if (next) next();
  else live--;
};

async function liveRun(scenario: Scenario): Promise<LiveRun> {
  const out = mkdtempSync(join(tmpdir(), `ptp-mcp-lab-${scenario.name}-`));
  const lab = await startScenario(scenario);
  try {
    const identities: Record<string, string> = {};
    for (const clock of lab.clocks.values())
      if (lab.running(clock.name)) identities[clock.name] = await lab.clockIdentity(clock.name);
    const diagnosed = await Promise.all(lab.spec.nodes.map((node) => diagnoseHost(lab, node)));
    const hosts = Object.fromEntries(
      lab.spec.nodes.map((node, i) => [node, json(`diagnose --source host in ${node}`, diagnosed[i]!)]),
    );
    const snapshot = join(out, 'snapshot');
    const { complete } = await recordScenario(lab, snapshot);
    await lab.stop();
    const assembled = json('diagnose of the recording', await diagnoseFolder(snapshot, 'json', !complete));
    return { identities, hosts, assembled, complete };
  } finally {
    await lab.stop();
    rmSync(out, { recursive: true, force: true });
  }
}

/** `rule severity` of each finding about a node (or about the cluster: node undefined). */
export function findingsOf(diagnosis: Diagnosis, node?: string): string[] {
  return diagnosis.findings.filter((f) => f.subject.node === node).map((f) => `${f.rule} ${f.severity}`);
}

/** The node's status in a diagnosis. */
export function nodeOf(diagnosis: Diagnosis, node: string): Diagnosis['nodes'][number] {
  const status = diagnosis.nodes.find((n) => n.node === node);
  if (!status)
    throw new Error(`no node ${node} in the diagnosis (${diagnosis.nodes.map((n) => n.node).join(', ')})`);
  return status;
}

/** The hierarchy as `node <- parent (stepsRemoved, gm class, grandmaster node)`, sorted by node. */
export function hierarchyOf(diagnosis: Diagnosis): string[] {
  return diagnosis.hierarchy.links
    .map(
      (l) =>
        `${l.node} <- ${l.parentNode ?? '-'} (${l.stepsRemoved}, ${l.gmClockClass}, ${l.grandmasterNode ?? l.grandmasterIdentity})`,
    )
    .sort();
}

/**
 * Findings every lab clock has because of the lab itself, whatever the fault: veth time-stamps in software
 * (fault/software-timestamping, and offsets of µs on a loaded machine: fault/offset-beyond-threshold).
 */
const LAB_BASELINE = new Set(['fault/offset-beyond-threshold', 'fault/software-timestamping']);

/** The findings about a node beyond the lab's baseline (what the fault itself caused), sorted. */
export function faultFindingsOf(diagnosis: Diagnosis, node?: string): string[] {
  return findingsOf(diagnosis, node)
    .filter((f) => !LAB_BASELINE.has(f.split(' ')[0]!))
    .sort();
}
