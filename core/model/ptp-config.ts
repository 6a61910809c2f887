import { z } from 'zod';
import { ObjectMeta } from './kubernetes.js';

/** Names of the processes whose downtime ptpClockThreshold.processDowntimeThresholds bounds. */
const downtimeSeconds = z.number().int().min(0).max(86400);

/** ptpClockThreshold of a profile; defaults are the CRD's (and linuxptp-daemon getPTPThreshold()). */
export const PtpClockThreshold = z.looseObject({
  holdOverTimeout: z.number().int().optional(),
  maxOffsetThreshold: z.number().int().optional(),
  minOffsetThreshold: z.number().int().optional(),
  processDowntimeThresholds: z
    .looseObject({
      chronyd: downtimeSeconds.optional(),
      gpsd: downtimeSeconds.optional(),
      gpspipe: downtimeSeconds.optional(),
      phc2sys: downtimeSeconds.optional(),
      ptp4l: downtimeSeconds.optional(),
      synce4l: downtimeSeconds.optional(),
      ts2phc: downtimeSeconds.optional(),
    })
    .optional(),
});
export type PtpClockThreshold = z.infer<typeof PtpClockThreshold>;

export const PTP_CLOCK_THRESHOLD_DEFAULTS = {
  holdOverTimeout: 5,
  maxOffsetThreshold: 100,
  minOffsetThreshold: -100,
} as const;

/** One entry of PtpConfig spec.profile[] (ptp.openshift.io/v1, api/v1/ptpconfig_types.go). */
export const PtpProfile = z.looseObject({
  name: z.string(),
  interface: z.string().optional(),
  ptp4lOpts: z.string().optional(),
  ptp4lConf: z.string().optional(),
  phc2sysOpts: z.string().optional(),
  phc2sysConf: z.string().optional(),
  ts2phcOpts: z.string().optional(),
  ts2phcConf: z.string().optional(),
  synce4lOpts: z.string().optional(),
  synce4lConf: z.string().optional(),
  chronydOpts: z.string().optional(),
  chronydConf: z.string().optional(),
  ptpSchedulingPolicy: z.enum(['SCHED_OTHER', 'SCHED_FIFO']).optional(),
  ptpSchedulingPriority: z.number().int().min(1).max(65).optional(),
  ptpClockThreshold: PtpClockThreshold.optional(),
  // linuxptp-daemon's own profiles write numbers unquoted (clockId[ens4f0]: 5799…) and leave the map empty (null).
  ptpSettings: z.preprocess(
    (settings) => settings ?? undefined,
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
  ),
  plugins: z.record(z.string(), z.unknown()).optional(),
});
export type PtpProfile = z.infer<typeof PtpProfile>;

/** spec.recommend[].match[]: nodeLabel is compared with the label key only, as the operator does. */
export const PtpRecommendMatch = z.looseObject({
  nodeLabel: z.string().optional(),
  nodeName: z.string().optional(),
});
export type PtpRecommendMatch = z.infer<typeof PtpRecommendMatch>;

export const PtpRecommend = z.looseObject({
  profile: z.string(),
  priority: z.number().int(),
  match: z.array(PtpRecommendMatch).optional(),
});
export type PtpRecommend = z.infer<typeof PtpRecommend>;

export const PtpConfig = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('PtpConfig'),
  metadata: ObjectMeta,
  spec: z.looseObject({
    profile: z.array(PtpProfile),
    recommend: z.array(PtpRecommend),
  }),
  status: z.unknown().optional(),
});
export type PtpConfig = z.infer<typeof PtpConfig>;
