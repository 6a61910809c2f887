import { z } from 'zod';
import { ObjectMeta } from './kubernetes.js';

/** PtpOperatorConfig (a singleton named "default"): where the daemon runs and whether events are on. */
export const PtpOperatorConfig = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('PtpOperatorConfig'),
  metadata: ObjectMeta,
  spec: z.looseObject({
    daemonNodeSelector: z.record(z.string(), z.string()).optional(),
    plugins: z.record(z.string(), z.unknown()).optional(),
    ptpEventConfig: z
      .looseObject({
        apiVersion: z.string().optional(),
        enableEventPublisher: z.boolean().optional(),
        storageType: z.string().optional(),
        transportHost: z.string().optional(),
      })
      .optional(),
  }),
  status: z.unknown().optional(),
});
export type PtpOperatorConfig = z.infer<typeof PtpOperatorConfig>;

/** HardwareConfig (ptp.openshift.io/v2alpha1): kept loose, only the profile link is read. */
export const HardwareConfig = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('HardwareConfig'),
  metadata: ObjectMeta,
  spec: z.looseObject({ relatedPtpProfileName: z.string().optional(), profile: z.unknown().optional() }),
  status: z.unknown().optional(),
});
export type HardwareConfig = z.infer<typeof HardwareConfig>;
