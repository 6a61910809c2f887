import type { TopologySpec } from '../topology/topology-spec.js';
import { gmBcTsc } from './chain.js';
import { type Scenario, settle } from './scenario.js';

/**
 * Fault 7: a two-port T-BC with `boundary_clock_jbod 1` on software time stamping. linuxptp 3.1.1 gives a
 * clock without a PHC phc_index -1 (clock.c clock_create); when its upstream port turns UNCALIBRATED,
 * port.c bc_dispatch calls clock_switch_phc(-1), which fails to open /dev/ptp-1, and faults the port with
 * FT_SWITCH_PHC. The fault timer is armed only for faults raised in clock_poll (clock.c), not for this
 * one raised in a state decision, so the port stays FAULTY; the T-BC then takes itself as grandmaster
 * (class 248) and the T-TSC follows it. linuxptp 4.0 skips the switch (commit 83658fb).
 */
export const jbodSoftware: Scenario = {
  name: 'jbod-software',
  title:
    'a T-BC with boundary_clock_jbod 1 on software time stamping: its upstream port FAULTY (FT_SWITCH_PHC)',
  topology: jbodTopology(),
  async fault(lab, log) {
    // The T-GM first, as when a T-BC (re)starts on a live network: its upstream port hears Announce before
    // its downstream port times out. The other order (downstream MASTER first) leaves the T-BC with the
    // T-GM as parent after the fault, announcing its class 6 (README, "jbod-software").
    await lab.waitPortState('gm', 'MASTER');
    lab.startClock('bc');
    await lab.waitPortState('bc', 'FAULTY', { port: 1 });
    await lab.waitPortState('bc', 'MASTER', { port: 2 });
    const bc = await lab.clockIdentity('bc');
    await lab.waitParent('tsc', { grandmasterIdentity: bc, 'gm.ClockClass': 248 });
    log(`the T-BC's upstream port is FAULTY; the T-TSC follows the T-BC (${bc}) as its grandmaster`);
    // Past fault_reset_interval (default 4: 2^4 = 16 s), after which ptp4l retries a port faulted in
    // clock_poll: this fault, raised in a state decision, arms no such timer, so the port is still FAULTY.
    await settle(17_000);
    await lab.waitPortState('bc', 'FAULTY', { port: 1, timeoutMs: 1_000 });
  },
};

/**
 * The chain with a jbod T-BC that starts after the others (`lab.startClock`), its downstream port waiting
 * 10 Announce intervals (1.25 s) before it times out: its upstream port hears the T-GM within 2 (250 ms),
 * so the fault always comes first, even on a loaded machine.
 */
function jbodTopology(): TopologySpec {
  const topology = gmBcTsc({ boundary_clock_jbod: 1 });
  return {
    ...topology,
    clocks: topology.clocks.map((c) =>
      c.name === 'bc' ? { ...c, start: false, portOptions: { 'bc-tsc': { announceReceiptTimeout: 10 } } } : c,
    ),
  };
}
