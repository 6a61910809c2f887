import { chainSynchronized, gmBcTsc } from './chain.js';
import { type Scenario, settle } from './scenario.js';

/** How long the link stays down. */
export const LINK_DOWN_MS = 3_000;

/**
 * The T-BC–T-TSC link goes down (`ip link set … down` on both veth ends) for LINK_DOWN_MS and comes back:
 * the T-TSC's port faults on the link-down and, once the link is up, hears the T-BC again.
 */
export const linkFlap: Scenario = {
  name: 'link-flap',
  title: 'the T-BC–T-TSC link goes down for 3 s and comes back',
  topology: gmBcTsc(),
  async fault(lab, log) {
    const gm = await chainSynchronized(lab);
    await settle(2_000);
    log('link bc-tsc down');
    lab.setLink({ a: 'bc', b: 'tsc' }, 'down');
    await lab.waitFor(
      'tsc',
      'GET PORT_DATA_SET',
      (f) => f.portState !== 'UNCALIBRATED',
      'tsc port left UNCALIBRATED',
    );
    await settle(LINK_DOWN_MS);
    log('link bc-tsc up');
    lab.setLink({ a: 'bc', b: 'tsc' }, 'up');
    await lab.waitPortState('tsc', 'UNCALIBRATED');
    await lab.waitParent('tsc', { grandmasterIdentity: gm });
    await settle(2_000);
  },
};
