import { z } from 'zod';

/** `ethtool -i <iface>`. */
export const EthtoolDriverInfo = z.object({
  driver: z.string().nullable(),
  version: z.string().nullable(),
  firmwareVersion: z.string().nullable(),
  expansionRomVersion: z.string().nullable(),
  busInfo: z.string().nullable(),
  /** supports-statistics, supports-test … as yes/no. */
  supports: z.record(z.string(), z.boolean()),
});
export type EthtoolDriverInfo = z.infer<typeof EthtoolDriverInfo>;

/** `ethtool -T <iface>`, whichever of its three output shapes. */
export const EthtoolTimestamping = z.object({
  iface: z.string().nullable(),
  capabilities: z.array(z.string()),
  /** The PTP hardware clock index (`/dev/ptpN`), null for `none` or `-1`. */
  phcIndex: z.number().int().nullable(),
  /** Newer ethtool: `Hardware timestamp provider qualifier`. */
  providerQualifier: z.string().nullable(),
  txTypes: z.array(z.string()),
  rxFilters: z.array(z.string()),
  /** hardware-transmit, hardware-receive and hardware-raw-clock: what linuxptp-daemon calls a PTP device. */
  hardwareTimestamping: z.boolean(),
  /** Only software time stamps: ptp4l needs `time_stamping software` there. */
  softwareOnly: z.boolean(),
});
export type EthtoolTimestamping = z.infer<typeof EthtoolTimestamping>;

/** Plain `ethtool <iface>`. */
export const EthtoolLink = z.object({
  speed: z.string().nullable(),
  duplex: z.string().nullable(),
  linkDetected: z.boolean().nullable(),
});
export type EthtoolLink = z.infer<typeof EthtoolLink>;
