import { z } from 'zod';

/** O-RAN O-Cloud Notification API v2 event types published by cloud-event-proxy (sdk-go pkg/event/ptp). */
export const PTP_EVENT_TYPES = {
  'event.sync.ptp-status.ptp-state-change': 'lock-state',
  'event.sync.ptp-status.ptp-clock-class-change': 'clock-class',
  'event.sync.sync-status.os-clock-sync-state-change': 'os-clock-sync-state',
  'event.sync.sync-status.synchronization-state-change': 'sync-state',
  'event.sync.gnss-status.gnss-state-change': 'gnss-sync-status',
  'event.sync.synce-status.synce-state-change': 'synce-lock-state',
  'event.sync.synce-status.synce-clock-quality-change': 'synce-clock-quality',
  'event.sync.synce-status.synce-state-change-extended': 'synce-lock-state-extended',
} as const;

export const CloudEventKind = z.enum([
  'lock-state',
  'clock-class',
  'os-clock-sync-state',
  'sync-state',
  'gnss-sync-status',
  'synce-lock-state',
  'synce-clock-quality',
  'synce-lock-state-extended',
  'unknown',
]);
export type CloudEventKind = z.infer<typeof CloudEventKind>;

export const CloudEventValue = z.object({
  resourceAddress: z.string(),
  dataType: z.string(),
  valueType: z.string(),
  /** As sent: sdk-go always writes the value as a JSON string ("29", "LOCKED"). */
  value: z.string(),
});
export type CloudEventValue = z.infer<typeof CloudEventValue>;

/** A PTP cloud event normalized from the wire format and from the documentation's variants. */
export const CloudEvent = z.object({
  id: z.string().nullable(),
  type: z.string(),
  kind: CloudEventKind,
  source: z.string(),
  /** The node the resource belongs to (`/cluster/node/<node>/…`), when the address names one. */
  node: z.string().nullable(),
  time: z.string().nullable(),
  values: z.array(CloudEventValue),
  /** The notification value: LOCKED, HOLDOVER, FREERUN, SYNCHRONIZED, FAILURE-NOFIX … */
  state: z.string().nullable(),
  /** The metric value: offset in ns, or the clock class. */
  metric: z.number().nullable(),
});
export type CloudEvent = z.infer<typeof CloudEvent>;
