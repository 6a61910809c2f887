import { chainSynchronized, gmBcTsc } from './chain.js';
import { type Scenario, settle } from './scenario.js';

/**
 * Fault 8: the link between the T-GM and the T-BC goes down and stays down. The T-BC's upstream port
 * faults on the link-down (`unexpected socket error`, FT_UNSPECIFIED, `link down`), the T-BC selects its
 * own clock as best master (its own clockClass, 248 by default: plain ptp4l has no holdover class) and
 * keeps serving on its downstream port; the T-TSC keeps its parent port and sees the T-BC as grandmaster,
 * stepsRemoved 2 → 1.
 */
export const bcUpstreamLoss: Scenario = {
  name: 'bc-upstream-loss',
  title: 'the T-BC loses its upstream link and keeps serving the T-TSC as its grandmaster (class 248)',
  topology: gmBcTsc(),
  async fault(lab, log) {
    await chainSynchronized(lab);
    await settle(2_000);
    log('link gm-bc down (it stays down)');
    lab.setLink({ a: 'gm', b: 'bc' }, 'down');
    await lab.waitPortState('bc', 'FAULTY', { port: 1 });
    const bc = await lab.clockIdentity('bc');
    await lab.waitParent('tsc', { grandmasterIdentity: bc, 'gm.ClockClass': 248 });
    await lab.waitPortState('tsc', 'UNCALIBRATED');
    log(`the T-TSC follows the T-BC (${bc}) as its grandmaster, class 248`);
    await settle(3_000);
  },
};
