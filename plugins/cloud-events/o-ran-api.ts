/**
 * The O-RAN O-Cloud Notification API as cloud-event-proxy serves it (redhat-cne/rest-api): v2 at
 * /api/ocloudNotifications/v2 (field names as in its swagger.json), and v1 at its real path
 * /api/cloudNotifications/v1 (lower-case fields).
 */
export type ApiVersion = 'v1' | 'v2';

export interface ApiShape {
  base: string;
  fields: { resource: string; endpoint: string; id: string; uri: string };
}

export const API: Record<ApiVersion, ApiShape> = {
  v2: {
    base: '/api/ocloudNotifications/v2',
    fields: {
      resource: 'ResourceAddress',
      endpoint: 'EndpointUri',
      id: 'SubscriptionId',
      uri: 'UriLocation',
    },
  },
  v1: {
    base: '/api/cloudNotifications/v1',
    fields: { resource: 'resource', endpoint: 'endpointUri', id: 'id', uri: 'uriLocation' },
  },
};

/** The five PTP resources of a node (the O-RAN addresses cloud-event-proxy publishes). */
export const PTP_RESOURCES = {
  'lock-state': 'sync/ptp-status/lock-state',
  'os-clock-sync-state': 'sync/sync-status/os-clock-sync-state',
  'clock-class': 'sync/ptp-status/clock-class',
  'gnss-sync-status': 'sync/gnss-status/gnss-sync-status',
  'sync-state': 'sync/sync-status/sync-state',
} as const;
export type PtpResource = keyof typeof PTP_RESOURCES;

export function resourceAddress(node: string, resource: PtpResource): string {
  return `/cluster/node/${node}/${PTP_RESOURCES[resource]}`;
}

/** The publisher service of a node, as the PTP operator names it (cloud-event-proxy sidecar, port 9043). */
export function publisherUrl(node: string, namespace = 'openshift-ptp'): string {
  return `http://ptp-event-publisher-service-${node}.${namespace}.svc.cluster.local:9043`;
}

/** A subscription as either version writes it, normalized. */
export interface Subscription {
  id: string;
  resource: string;
  endpoint: string;
  uri: string | null;
}

export function readSubscription(json: unknown, version: ApiVersion): Subscription {
  const fields = API[version].fields;
  const object = (json ?? {}) as Record<string, unknown>;
  return {
    id: String(object[fields.id] ?? ''),
    resource: String(object[fields.resource] ?? ''),
    endpoint: String(object[fields.endpoint] ?? ''),
    uri: object[fields.uri] === undefined ? null : String(object[fields.uri]),
  };
}

export function writeSubscription(subscription: Subscription, version: ApiVersion): Record<string, string> {
  const fields = API[version].fields;
  const json: Record<string, string> = {
    [fields.resource]: subscription.resource,
    [fields.endpoint]: subscription.endpoint,
  };
  if (subscription.id) json[fields.id] = subscription.id;
  if (subscription.uri) json[fields.uri] = subscription.uri;
  return json;
}
