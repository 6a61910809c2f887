import { type ZodType, z } from 'zod';
import { LogTime } from '../model/log-record.js';
import { isoOrNull, type PresentedTimes } from './time-format.js';

/** A time as reports show it: ISO 8601 when the wall time is known, else null. */
export const PresentedTime = z.string().nullable();

/**
 * The schema of a model after presentLogTimes: every LogTime becomes an ISO string or null. Reports and
 * MCP tool outputs are described by the model's own schema this way, never by a second copy of it.
 */
export function presentedSchema<T extends ZodType>(schema: T): ZodType {
  return convert(schema);
}

function convert(schema: ZodType): ZodType {
  if (schema === (LogTime as ZodType)) return PresentedTime;
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, ZodType>;
      const converted = Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [key, convert(value)]),
      );
      return withDescription(z.object(converted), schema);
    }
    case 'array':
      return withDescription(z.array(convert(def.element as ZodType)), schema);
    case 'nullable': {
      const inner = convert(def.innerType as ZodType);
      // A nullable LogTime is already nullable once presented.
      return inner === PresentedTime ? PresentedTime : inner.nullable();
    }
    case 'optional':
      return convert(def.innerType as ZodType).optional();
    case 'default':
      return convert(def.innerType as ZodType);
    case 'record':
      return z.record(def.keyType as z.ZodString, convert(def.valueType as ZodType));
    case 'union':
      return z.union((def.options as ZodType[]).map(convert) as [ZodType, ZodType, ...ZodType[]]);
    case 'lazy':
      return convert((def.getter as () => ZodType)());
    default:
      return schema;
  }
}

function withDescription<T extends ZodType>(converted: T, original: ZodType): T {
  const description = original.description;
  return description ? (converted.describe(description) as T) : converted;
}

/**
 * A value of a model with every LogTime (as the schema says where they are) turned into an ISO string
 * or null. Driven by the schema, so an empty map is never mistaken for a time.
 */
export function present<T>(schema: ZodType<T>, value: T): PresentedTimes<T> {
  return presentValue(schema, value) as PresentedTimes<T>;
}

function presentValue(schema: ZodType, value: unknown): unknown {
  if (schema === (LogTime as ZodType)) return isoOrNull(value as LogTime | null | undefined);
  if (value === null || value === undefined) return value;
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, ZodType>;
      const object = value as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(object).map(([key, inner]) => [
          key,
          shape[key] ? presentValue(shape[key], inner) : inner,
        ]),
      );
    }
    case 'array':
      return (value as unknown[]).map((item) => presentValue(def.element as ZodType, item));
    case 'nullable':
    case 'optional':
    case 'default':
      return presentValue(def.innerType as ZodType, value);
    case 'record':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
          key,
          presentValue(def.valueType as ZodType, inner),
        ]),
      );
    case 'union':
      // Our unions hold no times; a value is left as it is.
      return value;
    case 'lazy':
      return presentValue((def.getter as () => ZodType)(), value);
    default:
      return value;
  }
}
