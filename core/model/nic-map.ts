import { z } from 'zod';

/** How a node's configured PTP interfaces sit on its NICs and PHCs, and what is wrong with it. */
export const NicMap = z.object({
  node: z.string(),
  nics: z.array(
    z.object({
      /** PCI bus of the card (bus-info without the function), the NIC's identity. */
      bus: z.string().nullable(),
      phcIndex: z.number().int().nullable(),
      driver: z.string().nullable(),
      firmware: z.string().nullable(),
      /** The NIC profile ptp-mcp has of it (plugins/nic/vendors/*.yaml, or a plugin's). */
      profile: z.string().nullable(),
      interfaces: z.array(z.string()),
    }),
  ),
  interfaces: z.array(
    z.object({
      iface: z.string(),
      configs: z.array(z.string()),
      bus: z.string().nullable(),
      phcIndex: z.number().int().nullable(),
      support: z.enum(['hardware', 'software', 'none', 'unknown']),
    }),
  ),
  problems: z.array(
    z.object({
      kind: z.enum(['absent', 'software-only', 'multi-phc-without-jbod']),
      subject: z.string(),
      detail: z.string(),
    }),
  ),
});
export type NicMap = z.infer<typeof NicMap>;
