import { Lab } from '../topology/lab.js';
import { recordHost } from '../topology/ptp-mcp-cli.js';
import type { Scenario } from './scenario.js';

/** Builds a scenario's topology and runs its fault; the lab stays live (for `--source host`) until stopped. */
export async function startScenario(
  scenario: Scenario,
  log: (line: string) => void = () => {},
): Promise<Lab> {
  const lab = await Lab.start(scenario.topology);
  log(`${scenario.name}: lab ${lab.run} up (${lab.spec.nodes.map((n) => lab.namespace(n)).join(', ')})`);
  try {
    await scenario.fault(lab, (line) => log(`${scenario.name}: ${line}`));
  } catch (error) {
    await lab.stop();
    throw error;
  }
  return lab;
}

/**
 * Records every node of a live lab with `snapshot record --source host` into one snapshot folder `out`
 * (one node per namespace, merged one after the other). A node whose ptp4l the scenario stopped cannot
 * answer pmc: its recording is incomplete (exit 2, `status.complete: false`), as on a real host, and
 * `complete` says so (diagnose then needs --partial). Any other failure throws with what the CLI printed.
 */
export async function recordScenario(lab: Lab, out: string): Promise<{ complete: boolean }> {
  let complete = true;
  const stopped = (node: string) =>
    [...lab.clocks.values()].some((c) => c.node === node && !lab.running(c.name));
  // The stopped nodes last: once the folder is marked incomplete, every later merge exits 2 as well.
  const nodes = [...lab.spec.nodes].sort((a, b) => Number(stopped(a)) - Number(stopped(b)));
  for (const node of nodes) {
    const result = await recordHost(lab, node, out);
    if (result.code === 2 && stopped(node) && /incomplete/.test(result.stderr)) complete = false;
    else if (result.code !== 0)
      throw new Error(`snapshot record of ${node} exited ${result.code}: ${result.stderr}${result.stdout}`);
  }
  return { complete };
}
