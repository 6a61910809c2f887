import { chainSynchronized, gmBcTsc } from './chain.js';
import { type Scenario, settle } from './scenario.js';

/** G.8275.1 classes a T-GM passes through as it loses its reference: locked, holdover in and out of spec, free-run. */
export const CLASS_STEPS = [7, 140, 248];

/**
 * The T-GM's clockClass is lowered step by step with `pmc SET GRANDMASTER_SETTINGS_NP` (6 → 7 → 140 →
 * 248), as linuxptp-daemon's T-GM does when GNSS goes; each class reaches the T-TSC's PARENT_DATA_SET
 * through the T-BC's Announce. linuxptp 3.1.1 prints no line for it: only pmc shows the class.
 */
export const gmClassDegrades: Scenario = {
  name: 'gm-class-degrades',
  title: "the T-GM's clock class degrades 6 → 7 → 140 → 248",
  topology: gmBcTsc(),
  async fault(lab, log) {
    await chainSynchronized(lab);
    await lab.waitParent('tsc', { 'gm.ClockClass': 6 });
    for (const clockClass of CLASS_STEPS) {
      await settle(1_000);
      log(`T-GM clockClass ${clockClass}`);
      await lab.setGrandmasterClass('gm', clockClass);
      await lab.waitParent('bc', { 'gm.ClockClass': clockClass });
      await lab.waitParent('tsc', { 'gm.ClockClass': clockClass });
    }
    await settle(1_000);
  },
};
