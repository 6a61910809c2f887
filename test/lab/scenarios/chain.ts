import type { TopologySpec } from '../topology/topology-spec.js';

/**
 * The usual chain: a T-GM, a two-port T-BC and a T-TSC, one namespace each, joined by veth pairs
 * (gm-bc/bc-gm and bc-tsc/tsc-bc). `bc` adds options of the T-BC (boundary_clock_jbod …).
 */
export function gmBcTsc(bc: Record<string, string | number> = {}): TopologySpec {
  return {
    nodes: ['gm', 'bc', 'tsc'],
    links: [
      { a: 'gm', b: 'bc' },
      { a: 'bc', b: 'tsc' },
    ],
    clocks: [
      { name: 'gm', node: 'gm', role: 'T-GM', ifaces: ['gm-bc'] },
      { name: 'bc', node: 'bc', role: 'T-BC', ifaces: ['bc-gm', 'bc-tsc'], options: bc },
      { name: 'tsc', node: 'tsc', role: 'T-TSC', ifaces: ['tsc-bc'] },
    ],
  };
}

/** The chain's start state: the T-BC's downstream port MASTER, the T-TSC following the T-GM through it. */
export async function chainSynchronized(lab: import('../topology/lab.js').Lab): Promise<string> {
  const gm = await lab.clockIdentity('gm');
  await lab.waitPortState('bc', 'UNCALIBRATED', { port: 1 });
  await lab.waitPortState('bc', 'MASTER', { port: 2 });
  await lab.waitPortState('tsc', 'UNCALIBRATED');
  await lab.waitParent('tsc', { grandmasterIdentity: gm });
  return gm;
}
