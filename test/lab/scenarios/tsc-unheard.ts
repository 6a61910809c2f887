import type { Lab } from '../topology/lab.js';
import { gmBcTsc } from './chain.js';
import { type Scenario, settle } from './scenario.js';

/**
 * The chain with a T-TSC configured apart from its T-BC (`tsc` options in its [global]), so that it never
 * receives an Announce: real ptp4l 3.1.1 drops a message of another domainNumber silently (port.c
 * port_ignore) and an L2 port never reads UDPv4, nor the other way round. The slave-only port stays
 * LISTENING, and every announceReceiptTimeout ptp4l prints `selected local clock … as best master` again
 * (fixtures/lab/README.md, "Faults 5–8").
 */
export function tscUnheard(name: string, title: string, tsc: Record<string, string | number>): Scenario {
  const topology = gmBcTsc();
  topology.clocks = topology.clocks.map((clock) =>
    clock.name === 'tsc' ? { ...clock, options: { ...clock.options, ...tsc } } : clock,
  );
  return {
    name,
    title,
    topology,
    async fault(lab, log) {
      await lab.waitPortState('bc', 'UNCALIBRATED', { port: 1 });
      await lab.waitPortState('bc', 'MASTER', { port: 2 });
      log('the T-BC serves its downstream port; the T-TSC should hear nothing');
      // Many announce receipt time-outs (3 × 125 ms each): time enough to hear an Announce if one came.
      await settle(4_000);
      await assertUnheard(lab);
    },
  };
}

/** The T-TSC's only port is still LISTENING and its parent is itself: it never had a master. */
async function assertUnheard(lab: Lab): Promise<void> {
  const self = await lab.clockIdentity('tsc');
  await lab.waitPortState('tsc', 'LISTENING', { timeoutMs: 2_000 });
  await lab.waitParent('tsc', { grandmasterIdentity: self }, 2_000);
}
