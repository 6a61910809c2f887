import { z } from 'zod';

/**
 * CLOCK_MONOTONIC and CLOCK_REALTIME of a plain host read at the same instant when it was collected:
 * `ptp4l -m` lines carry only CLOCK_MONOTONIC seconds (linuxptp print.c), and this pair dates them.
 */
export const ClockAnchor = z.object({
  /** CLOCK_MONOTONIC, seconds. */
  monotonic: z.number().nonnegative(),
  /** CLOCK_REALTIME at the same instant, RFC 3339. */
  realtime: z.iso.datetime({ offset: true }),
});
export type ClockAnchor = z.infer<typeof ClockAnchor>;

/** `nodes/<node>/host.yaml` of a plain linuxptp host (docs/snapshot-format.md, "Plain hosts"). */
export const HostRecord = z.object({
  kind: z.literal('LinuxptpHost'),
  clock: ClockAnchor.optional(),
  /** Each config as the node names it (`ptp4l.0.config`), and the file it was read from. */
  configs: z
    .array(
      z.object({
        file: z.string(),
        path: z.string(),
        /** ptp4l only: the UDS pmc was sent to, and its domain. */
        udsAddress: z.string().optional(),
        domainNumber: z.number().int().optional(),
      }),
    )
    .default([]),
  /** Each log of logs/ and where it was read (a file path, or the journalctl command). */
  logs: z.array(z.object({ file: z.string(), source: z.string() })).default([]),
});
export type HostRecord = z.infer<typeof HostRecord>;
