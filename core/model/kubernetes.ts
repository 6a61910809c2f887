import { z } from 'zod';

/** The part of Kubernetes object metadata ptp-mcp reads; everything else is kept as it came. */
export const ObjectMeta = z.looseObject({
  name: z.string().optional(),
  namespace: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  creationTimestamp: z.string().optional(),
  resourceVersion: z.string().optional(),
  uid: z.string().optional(),
});
export type ObjectMeta = z.infer<typeof ObjectMeta>;

/** A Node as far as profile matching needs it: name and labels. */
export const KubeNode = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('Node').optional(),
  metadata: ObjectMeta,
});
export type KubeNode = z.infer<typeof KubeNode>;

/** core/v1 Event (and events.k8s.io/v1, whose field names differ) about a PTP object. */
export const KubeEvent = z.looseObject({
  metadata: ObjectMeta.optional(),
  involvedObject: z.looseObject({ kind: z.string().optional(), name: z.string().optional() }).optional(),
  regarding: z.looseObject({ kind: z.string().optional(), name: z.string().optional() }).optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  note: z.string().optional(),
  type: z.string().optional(),
  count: z.number().optional(),
  firstTimestamp: z.string().nullable().optional(),
  lastTimestamp: z.string().nullable().optional(),
  eventTime: z.string().nullable().optional(),
});
export type KubeEvent = z.infer<typeof KubeEvent>;

/** A pod of the linuxptp-daemon DaemonSet: which node it runs on, its containers and their state. */
export const KubePod = z.looseObject({
  metadata: ObjectMeta,
  spec: z.looseObject({
    nodeName: z.string().optional(),
    containers: z.array(z.looseObject({ name: z.string() })).optional(),
  }),
  status: z
    .looseObject({
      phase: z.string().optional(),
      containerStatuses: z
        .array(
          z.looseObject({
            name: z.string(),
            ready: z.boolean().optional(),
            restartCount: z.number().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});
export type KubePod = z.infer<typeof KubePod>;
