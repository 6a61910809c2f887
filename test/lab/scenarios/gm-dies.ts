import { chainSynchronized, gmBcTsc } from './chain.js';
import { type Scenario, settle } from './scenario.js';

/**
 * The T-GM's ptp4l is killed (SIGKILL, as in a crash). The T-BC's upstream port stops hearing Announce
 * (announceReceiptTimeout 3 × 125 ms), and since a T-BC is not slave-only it becomes the grandmaster
 * itself (its own class 248); the T-TSC follows it.
 */
export const gmDies: Scenario = {
  name: 'gm-dies',
  title: 'the T-GM dies: the T-BC and the T-TSC lose their grandmaster',
  topology: gmBcTsc(),
  async fault(lab, log) {
    await chainSynchronized(lab);
    await settle(2_000);
    log('killing the T-GM (SIGKILL)');
    await lab.killClock('gm');
    const bc = await lab.clockIdentity('bc');
    await lab.waitPortState('bc', 'MASTER', { port: 1 });
    await lab.waitParent('tsc', { grandmasterIdentity: bc });
    log(`the T-BC (${bc}) is now the grandmaster of the T-TSC`);
    await settle(2_000);
  },
};
