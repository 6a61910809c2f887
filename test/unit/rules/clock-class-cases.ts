import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../../core/package-root.js';

/**
 * Clock-class rules that no generated scenario shows, each with why, and the snapshot that shows it: a
 * scenario of fixtures/clusters copied to a temporary folder with lines in the exact format linuxptp-daemon
 * main fd6ff1e prints (pkg/event/event.go and pkg/utils GetClockClassLogMessage `ptp4l[<unix s>]:[<config>]
 * CLOCK_CLASS_CHANGE <n>`, the `<process>[<unix s>]:[<config>] <iface> k v … sN` state lines of
 * pkg/event formatPTPLogData) or a PtpConfig changed. rule-coverage.test.ts diagnoses each.
 *
 * The rules that a real cause does fire are shown by generated scenarios instead: fault/holdover-long,
 * fault/clock-class-not-traceable, fault/class-threshold-too-low (holdover-budget) and
 * class/tbc-originates-gm-class (tbc-static-class).
 */
export interface CraftedCase {
  rule: string;
  node: string;
  /** The scenario the copy starts from; it must not give the rule on that node itself. */
  base: string;
  /** Why no generated scenario shows it, with the source read. */
  why: string;
  edit: (dir: string, endUnix: number) => void;
}

const daemonLog = (dir: string, node: string) =>
  join(dir, 'nodes', node, 'logs', 'linuxptp-daemon-container.log');
/** GetClockClassLogMessage (main pkg/utils): `ptp4l[<unix s>]:[<config>] CLOCK_CLASS_CHANGE <class>`. */
const classLine = (unix: number, config: string, clockClass: number) =>
  `ptp4l[${unix}]:[${config}] CLOCK_CLASS_CHANGE ${clockClass}\n`;

export const CRAFTED_CASES: CraftedCase[] = [
  {
    rule: 'class/tgm-illegal-transition',
    node: 'gm-1',
    base: 'gnss-loss',
    why:
      'No real cause found in main: updateGMState (pkg/event/event.go) moves a T-GM along the table. The one ' +
      'candidate, a daemon restart during a GNSS outage, gives none: the new daemon leaves the class ' +
      'uninitialized while GNSS is lost and the DPLL has not reported, and its first DPLL report is HOLDOVER ' +
      '(pkg/dpll/dpll.go MonitorProcess sets inSpec true, stateDecision starts a fresh holdover), so it ' +
      'announces 7 again, no change. The copy appends 248 then 7 to gm-1 in holdover.',
    edit: (dir, end) =>
      appendFileSync(
        daemonLog(dir, 'gm-1'),
        classLine(end + 5, 'ts2phc.0.config', 248) + classLine(end + 7, 'ts2phc.0.config', 7),
      ),
  },
  {
    rule: 'class/tbc-illegal-transition',
    node: 'bc-1',
    base: 'healthy',
    why:
      'No real cause found: pkg/event/event_tbc.go updateBCState always goes LOCKED → HOLDOVER (135) before the ' +
      'Out Of Spec sub-state (165), and a locked T-BC passes its parent’s classes one by one, so a T-BC never ' +
      'shows 6 → 165.',
    edit: (dir, end) => appendFileSync(daemonLog(dir, 'bc-1'), classLine(end + 1, 'ts2phc.1.config', 165)),
  },
  {
    rule: 'class/tgm-announces-tbc-class',
    node: 'gm-1',
    base: 'healthy',
    why:
      'No real cause found: for a T-GM, event.go updateGMState sets only 6, 7, 140 (protocol.ClockClassOutOfSpec) ' +
      'and 248, and updateClockClass writes GRANDMASTER_SETTINGS_NP for those alone.',
    edit: (dir, end) => appendFileSync(daemonLog(dir, 'gm-1'), classLine(end + 1, 'ts2phc.0.config', 135)),
  },
  {
    rule: 'class/holdover-past-budget',
    node: 'gm-1',
    base: 'gnss-loss',
    why:
      'No real cause found: the daemon enforces the budget itself (pkg/dpll/dpll.go holdover: inSpec false at ' +
      'the in-spec timer, then stateDecision reports FREERUN, class 248; event_tbc.go 165 then 248 for a T-BC). ' +
      'The copy lowers MaxInSpecOffset of gm-1’s profile from 1500 to 5 ns, a 48 s budget, while its data ' +
      'keeps class 7 for 54 s.',
    edit: (dir) => {
      const file = join(dir, 'cluster', 'ptpconfigs.yaml');
      const text = readFileSync(file, 'utf8');
      if (!text.includes('MaxInSpecOffset: 1500')) throw new Error('gnss-loss: no MaxInSpecOffset 1500');
      writeFileSync(file, text.replace('MaxInSpecOffset: 1500', 'MaxInSpecOffset: 5'));
    },
  },
  {
    rule: 'class/locked-class-without-gnss',
    node: 'gm-1',
    base: 'healthy',
    why:
      'Only for a moment: event.go updateGMState keeps the last class while the DPLL is still LOCKED and ts2phc ' +
      'LOCKED after GNSS is lost ("stay with last GM state and wait for DPLL to move to HOLDOVER"), and moves ' +
      'to 7 at the next update once the DPLL or ts2phc holds over; a snapshot taken in that second shows it.',
    edit: (dir, end) =>
      appendFileSync(
        daemonLog(dir, 'gm-1'),
        `gnss[${end + 1}]:[ts2phc.0.config] ens1f0 gnss_status 0 offset 99999999 s0\n`,
      ),
  },
  {
    rule: 'class/locked-class-dpll-holdover',
    node: 'gm-1',
    base: 'healthy',
    why:
      'Only for a moment: event.go updateGMState sets class 7 in the same update in which the DPLL reports ' +
      'HOLDOVER (248 for FREERUN), so class 6 with a DPLL in holdover lasts only until the daemon sends the ' +
      'new class through pmc.',
    edit: (dir, end) =>
      appendFileSync(
        daemonLog(dir, 'gm-1'),
        `dpll[${end + 1}]:[ts2phc.0.config] ens1f0 frequency_status 4 offset 3 phase_status 4 pps_status 0 s1\n`,
      ),
  },
  {
    rule: 'fault/data-unread',
    node: 'worker-2',
    base: 'healthy',
    why:
      'A read that fails is no state of a cluster a generator records: the copy empties the daemon log of ' +
      'worker-2, whose daemon pod runs, so no line of its log is read (the live ' +
      'reads that fail are in test/integration/kubernetes/faults.test.ts).',
    edit: (dir) => {
      writeFileSync(daemonLog(dir, 'worker-2'), '');
      rmSync(join(dir, 'nodes', 'worker-2', 'metrics.prom'), { force: true });
      rmSync(join(dir, 'nodes', 'worker-2', 'cloud-events.jsonl'), { force: true });
    },
  },
  {
    rule: 'nic/tx-timestamp-timeout-below-nic',
    node: 'worker-1',
    base: 'healthy',
    why:
      'Every generated node runs an E810 (ice) with the references’ tx_timestamp_timeout 50: the copy makes ' +
      'worker-1’s ens1f0 a ConnectX (ethtool -i driver mlx5_core, whose NIC profile says 500 ms).',
    edit: (dir) => {
      const file = join(dir, 'nodes', 'worker-1', 'ethtool', 'ens1f0.i.txt');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^driver: .*$/m, 'driver: mlx5_core'));
    },
  },
];

/** A copy of fixtures/clusters/<base> with the case's edit; remove it with `rmSync` when done. */
export function craftedSnapshot(c: CraftedCase, endUnix: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-crafted-'));
  cpSync(join(packageRoot(), 'fixtures/clusters', c.base), dir, { recursive: true });
  c.edit(dir, endUnix);
  return dir;
}

export function removeSnapshot(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
