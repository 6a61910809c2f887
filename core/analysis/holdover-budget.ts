import type { PtpProfile } from '../model/ptp-config.js';

/**
 * linuxptp-daemon's defaults when a profile sets none (pkg/dpll/dpll.go constants, identical in
 * release-4.14 .. release-4.18 and main): 1500 ns, 14400 s, 100 ns.
 */
export const HOLDOVER_DEFAULTS = {
  LocalMaxHoldoverOffSet: 1500,
  LocalHoldoverTimeout: 14_400,
  MaxInSpecOffset: 100,
} as const;

type HoldoverSetting = keyof typeof HOLDOVER_DEFAULTS;
const SETTINGS = Object.keys(HOLDOVER_DEFAULTS) as HoldoverSetting[];

export interface HoldoverBudget {
  /** LocalHoldoverTimeout (s): the longest holdover the DPLL timer allows. */
  timeoutSec: number;
  /** MaxInSpecOffset (ns): the in-spec bound of the DPLL's modelled phase drift. */
  maxInSpecOffsetNs: number;
  /** LocalMaxHoldoverOffSet (ns): the drift reached at LocalHoldoverTimeout. */
  maxHoldoverOffsetNs: number;
  /** round(MaxInSpecOffset / slope), slope = LocalMaxHoldoverOffSet / LocalHoldoverTimeout (ns/s). */
  inSpecTimerSec: number;
  /** What the daemon gives ts2phc as --ts2phc.holdover: min(inSpecTimer, LocalHoldoverTimeout). */
  budgetSec: number;
  /** Some profile of the node sets one of the three itself. */
  declared: boolean;
}

/**
 * The holdover budget as linuxptp-daemon computes it: `dpll.CalculateTimer` (pkg/dpll/dpll.go, release-4.14
 * .. main) reads the three settings from the profile's ptpSettings (strconv.ParseUint; unparsable values are
 * skipped), after the e810 plugin copied its `settings` there for every key ptpSettings does not already
 * hold (addons/intel/e810.go OnPTPConfigChangeE810: ptpSettings wins). The holdover leaves in-spec when the
 * modelled drift slope·t passes MaxInSpecOffset (dpll.go holdover: isInSpecOffsetInRange → FREERUN, since
 * frequencyTraceable is never set), at the latest at LocalHoldoverTimeout; pkg/daemon/daemon.go passes
 * ts2phc `--ts2phc.holdover min(inSpecTimer, maxHoldoverTimeout)`. With the defaults: 100 / (1500/14400)
 * = 960 s.
 */
export function holdoverBudget(profiles: readonly PtpProfile[]): HoldoverBudget {
  const values: Record<HoldoverSetting, number> = { ...HOLDOVER_DEFAULTS };
  let declared = false;
  for (const setting of SETTINGS) {
    const value = profiles.map((profile) => settingOf(profile, setting)).find((v) => v !== undefined);
    if (value !== undefined) {
      values[setting] = value;
      declared = true;
    }
  }
  const slope = values.LocalMaxHoldoverOffSet / values.LocalHoldoverTimeout;
  const inSpecTimerSec = slope > 0 ? Math.round(values.MaxInSpecOffset / slope) : values.LocalHoldoverTimeout;
  return {
    timeoutSec: values.LocalHoldoverTimeout,
    maxInSpecOffsetNs: values.MaxInSpecOffset,
    maxHoldoverOffsetNs: values.LocalMaxHoldoverOffSet,
    inSpecTimerSec,
    budgetSec: Math.min(inSpecTimerSec, values.LocalHoldoverTimeout),
    declared,
  };
}

function settingOf(profile: PtpProfile, setting: HoldoverSetting): number | undefined {
  const own = unsigned(profile.ptpSettings?.[setting]);
  if (own !== undefined) return own;
  for (const plugin of Object.values(profile.plugins ?? {})) {
    const settings = (plugin as { settings?: Record<string, unknown> } | null)?.settings;
    const value = unsigned(settings?.[setting]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** As Go's strconv.ParseUint(v, 10, 64): digits only. */
function unsigned(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
