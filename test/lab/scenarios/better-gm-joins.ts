import type { Scenario } from './scenario.js';
import { settle } from './scenario.js';

/**
 * A second T-GM with a better priority1 (5 against 10) joins the T-GM's segment (a bridge): the BMCA
 * moves the T-BC and the T-TSC to it; the first T-GM's port goes PASSIVE (a clock of class 1..127 is
 * never a slave: IEEE 1588 state decision, linuxptp bmc.c). A grandmaster change by design, not a fault.
 */
export const betterGmJoins: Scenario = {
  name: 'better-gm-joins',
  title: 'a better T-GM joins: the BMCA moves every clock to it',
  topology: {
    nodes: ['gm', 'gm2', 'bc', 'tsc'],
    links: [
      { segment: 'lan', members: ['gm', 'gm2', 'bc'] },
      { a: 'bc', b: 'tsc' },
    ],
    clocks: [
      { name: 'gm', node: 'gm', role: 'T-GM', ifaces: ['gm-lan'] },
      {
        name: 'gm2',
        node: 'gm2',
        role: 'T-GM',
        ifaces: ['gm2-lan'],
        options: { priority1: 5 },
        start: false,
      },
      { name: 'bc', node: 'bc', role: 'T-BC', ifaces: ['bc-lan', 'bc-tsc'] },
      { name: 'tsc', node: 'tsc', role: 'T-TSC', ifaces: ['tsc-bc'] },
    ],
  },
  async fault(lab, log) {
    const gm = await lab.clockIdentity('gm');
    await lab.waitPortState('bc', 'MASTER', { port: 2 });
    await lab.waitParent('tsc', { grandmasterIdentity: gm });
    await settle(2_000);
    log('starting a second T-GM with priority1 5');
    lab.startClock('gm2');
    await lab.waitPortState('gm2', 'MASTER');
    const gm2 = await lab.clockIdentity('gm2');
    await lab.waitParent('bc', { grandmasterIdentity: gm2 });
    await lab.waitParent('tsc', { grandmasterIdentity: gm2 });
    await lab.waitPortState('gm', 'PASSIVE');
    log(`every clock follows the new T-GM ${gm2}`);
    await settle(2_000);
  },
};
