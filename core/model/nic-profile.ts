import { z } from 'zod';

/**
 * What ptp-mcp knows of one NIC family, as facts with their sources: how to recognize it (the
 * `ethtool -i` driver), what it offers, and what its driver needs. Rule packs judge from these facts
 * (rules/fault-severity.yaml); a profile holds no thresholds of its own.
 */
export const NicProfile = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lowercase: intel-ice'),
  vendor: z.string().min(1),
  driver: z.string().min(1).describe('the `ethtool -i` driver name'),
  models: z.string().min(1),
  phcPer: z
    .enum(['nic', 'port'])
    .describe('one PTP hardware clock per card (its ports share it), or per port'),
  gnss: z.boolean().describe('a GNSS receiver on the card'),
  dpll: z.boolean().describe('a DPLL the driver exposes'),
  ppsPins: z.array(z.string()).default([]).describe('1PPS pins by board label'),
  txTimestampTimeoutMs: z
    .number()
    .int()
    .positive()
    .describe('the tx_timestamp_timeout (ms) the references use with it: how long its driver may take'),
  pitfalls: z.array(z.string()).default([]),
  references: z.array(z.string()).min(1).describe('where each fact comes from'),
});
export type NicProfile = z.infer<typeof NicProfile>;

/** A `kind: NicProfiles` file: one vendor's NIC families (plugins/nic/profiles/, or a plugin's). */
export const NicProfilesFile = z.strictObject({
  apiVersion: z.literal('ptp-mcp/v1'),
  kind: z.literal('NicProfiles'),
  metadata: z.strictObject({ name: z.string().min(1), description: z.string().optional() }),
  spec: z.strictObject({ profiles: z.array(NicProfile).min(1) }),
});
export type NicProfilesFile = z.infer<typeof NicProfilesFile>;
