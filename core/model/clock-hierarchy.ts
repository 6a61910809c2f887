import { z } from 'zod';

/** What a node's ptp4l instance reports of itself and its parent (pmc data sets, or its logs). */
export const PtpInstance = z.object({
  configFile: z.string(),
  /**
   * pmc's answers, or its logs where pmc was not asked (a live diagnosis asks only where needed:
   * core/analysis/logged-instances.ts); a field the logs do not tell is null.
   */
  source: z.enum(['pmc', 'logs']),
  clockIdentity: z.string().nullable(),
  domainNumber: z.number().nullable(),
  /** The clock class it announces itself (DEFAULT_DATA_SET). */
  clockClass: z.number().nullable(),
  slaveOnly: z.boolean().nullable(),
  parentPortIdentity: z.string().nullable(),
  grandmasterIdentity: z.string().nullable(),
  /** The grandmaster's clock class as this clock receives it (PARENT_DATA_SET gm.ClockClass). */
  gmClockClass: z.number().nullable(),
  stepsRemoved: z.number().nullable(),
  offsetFromMaster: z.number().nullable(),
  meanPathDelay: z.number().nullable(),
  gmPresent: z.boolean().nullable(),
  ports: z.array(z.object({ portIdentity: z.string(), state: z.string() })),
});
export type PtpInstance = z.infer<typeof PtpInstance>;

/** Where a node takes its time from, across nodes (T-GM → T-BC → T-TSC). */
export const HierarchyLink = z.object({
  node: z.string(),
  role: z.string(),
  /** The node of the clock it synchronizes to; null for a grandmaster, or an upstream outside the snapshot. */
  parentNode: z.string().nullable(),
  parentPortIdentity: z.string().nullable(),
  grandmasterIdentity: z.string().nullable(),
  grandmasterNode: z.string().nullable(),
  /** The node is its own grandmaster (a T-GM, or a clock that lost its upstream). */
  ownGrandmaster: z.boolean(),
  /**
   * A T-BC out of LOCKED (holdover or free-run) that the daemon announces downstream as the grandmaster
   * itself: EXTERNAL_GRANDMASTER_PROPERTIES_NP with its own identity and stepsRemoved 0 (linuxptp-daemon
   * pkg/event/event_tbc.go updateDownstreamData → announceLocalData, release-4.20 and main).
   */
  actingGrandmaster: z.boolean(),
  stepsRemoved: z.number().nullable(),
  gmClockClass: z.number().nullable(),
  /** pmc (the data sets) or logs (foreign master and best master lines) when pmc answers are missing. */
  source: z.enum(['pmc', 'logs', 'none']),
});
export type HierarchyLink = z.infer<typeof HierarchyLink>;

export const ClockHierarchy = z.object({
  links: z.array(HierarchyLink),
  /** Nodes with no parent in the snapshot, each the root of a tree. */
  roots: z.array(z.string()),
  /** Parent port identities no node of the snapshot owns (an upstream outside it). */
  externalParents: z.array(z.object({ node: z.string(), parentPortIdentity: z.string() })),
});
export type ClockHierarchy = z.infer<typeof ClockHierarchy>;
