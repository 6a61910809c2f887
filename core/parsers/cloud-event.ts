import { type CloudEvent, type CloudEventValue, PTP_EVENT_TYPES } from '../model/cloud-event.js';

export type CloudEventResult =
  | { event: CloudEvent; error?: undefined }
  | { event?: undefined; error: string };

const NODE_IN_ADDRESS = /\/cluster\/node\/([^/]+)\//;

/**
 * Normalizes one CloudEvent JSON (a v2 wire event or a CurrentState answer). The wire format of sdk-go
 * writes `ResourceAddress`/`data_type`/`value_type`; the OpenShift docs also show `dataType`/`valueType`
 * and `resource`, and specversion 0.3 events with a `subject`: all are accepted.
 */
export function parseCloudEvent(json: unknown): CloudEventResult {
  if (!isObject(json)) return { error: 'not a JSON object' };
  const type = stringField(json, 'type');
  if (!type) return { error: 'no "type"' };
  const source = stringField(json, 'source') ?? '';
  const subject = stringField(json, 'subject');
  const data = isObject(json.data) ? json.data : {};
  const rawValues = Array.isArray(data.values) ? data.values : [];
  const values: CloudEventValue[] = [];
  for (const raw of rawValues) {
    if (!isObject(raw)) continue;
    values.push({
      resourceAddress: stringField(raw, 'ResourceAddress') ?? stringField(raw, 'resource') ?? '',
      dataType: stringField(raw, 'data_type') ?? stringField(raw, 'dataType') ?? '',
      valueType: stringField(raw, 'value_type') ?? stringField(raw, 'valueType') ?? '',
      value: raw.value === undefined || raw.value === null ? '' : String(raw.value),
    });
  }
  const notification = values.find((v) => v.dataType === 'notification');
  const metricValue = values.find((v) => v.dataType === 'metric');
  const metric = metricValue && metricValue.value.trim() !== '' ? Number(metricValue.value) : Number.NaN;
  const addresses = [subject, source, ...values.map((v) => v.resourceAddress)];
  const node = addresses.map((a) => (a ? NODE_IN_ADDRESS.exec(a)?.[1] : undefined)).find(Boolean) ?? null;
  return {
    event: {
      id: stringField(json, 'id') ?? null,
      type,
      kind: PTP_EVENT_TYPES[type as keyof typeof PTP_EVENT_TYPES] ?? 'unknown',
      source: subject ?? source,
      node,
      time: stringField(json, 'time') ?? null,
      values,
      state: notification?.value ?? null,
      metric: Number.isFinite(metric) ? metric : null,
    },
  };
}

/** Events kept one JSON per line (`cloud-events.jsonl`): bad lines are reported with their number. */
export function parseCloudEventLines(text: string): {
  events: CloudEvent[];
  errors: { line: number; message: string }[];
} {
  const events: CloudEvent[] = [];
  const errors: { line: number; message: string }[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      errors.push({ line: index + 1, message: `not JSON: ${(error as Error).message}` });
      return;
    }
    const result = parseCloudEvent(json);
    if (result.event) events.push(result.event);
    else errors.push({ line: index + 1, message: result.error });
  });
  return { events, errors };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}
