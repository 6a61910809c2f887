import { z } from 'zod';

/**
 * What a fact schema looks like to a rule: the keys a path can take at each step and the type found
 * there. Read from zod's definitions, so the schemas the fact builders are typed by are the only source.
 */
interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  getter?: () => z.ZodType;
  in?: z.ZodType;
  values?: unknown[];
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function defOf(schema: z.ZodType): Def {
  return schema._zod.def as unknown as Def;
}

/** The schema without optional/nullable/default wrappers, whether null is allowed, and the first description met. */
export function unwrap(schema: z.ZodType): { schema: z.ZodType; nullable: boolean; description?: string } {
  let current = schema;
  let nullable = false;
  let description = current.description;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'nullable') nullable = true;
    let next: z.ZodType | undefined;
    if (WRAPPERS.has(def.type)) next = def.innerType;
    else if (def.type === 'lazy') next = def.getter?.();
    else if (def.type === 'pipe') next = def.in;
    if (!next) return { schema: current, nullable, description };
    current = next;
    description ??= current.description;
  }
}

/** What one key of a path leads to: the schema there, or why the key is not there (with the names it can be). */
export type Step =
  | { schema: z.ZodType }
  | { missing: true; known: readonly string[]; keysAre?: string }
  | { leaf: string };

/** The schema at `key` below `schema` (already unwrapped). */
export function step(schema: z.ZodType, key: string): Step {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      if (Object.hasOwn(shape, key)) return { schema: shape[key]! };
      const other = otherKeys(def);
      if (other) return { schema: other };
      return { missing: true, known: Object.keys(shape) };
    }
    case 'record': {
      const keys = def.keyType ? enumEntries(def.keyType) : undefined;
      if (keys && !keys.includes(key)) {
        return { missing: true, known: keys, keysAre: def.keyType?.meta()?.title as string | undefined };
      }
      return { schema: def.valueType! };
    }
    case 'array':
      if (/^\d+$/.test(key)) return { schema: def.element! };
      if (key === 'length') return { schema: z.number() };
      return { leaf: 'a list' };
    case 'union': {
      let first: Step | undefined;
      for (const option of def.options ?? []) {
        const inner = unwrap(option).schema;
        const found = step(inner, key);
        if ('schema' in found) return found;
        first ??= found;
      }
      return first ?? { leaf: typeName(schema) };
    }
    case 'unknown':
    case 'any':
      return { schema };
    default:
      return { leaf: typeName(schema) };
  }
}

/** The names a map's keys are drawn from: an enum's, or those its key schema's metadata lists (`names`). */
function enumEntries(schema: z.ZodType): string[] | undefined {
  const inner = unwrap(schema).schema;
  const def = defOf(inner);
  if (def.type === 'enum' && def.entries) return Object.keys(def.entries);
  const names = inner.meta()?.names;
  return Array.isArray(names) ? names.map(String) : undefined;
}

/** The type in a word or two: `number`, `string|null`, `T-GM|T-BC|T-TSC|OC`, `list of string`, `object`. */
export function typeName(schema: z.ZodType): string {
  const { schema: inner, nullable } = unwrap(schema);
  const def = defOf(inner);
  let name: string;
  switch (def.type) {
    case 'enum': {
      const values = Object.keys(def.entries ?? {});
      name = values.length <= 8 ? values.join('|') : 'string';
      break;
    }
    case 'literal':
      name = (def.values ?? []).map((value) => JSON.stringify(value)).join('|');
      break;
    case 'union':
      name = (def.options ?? []).map(typeName).join('|');
      break;
    case 'array':
      name = `list of ${typeName(def.element!)}`;
      break;
    case 'record': {
      const title = def.keyType?.meta()?.title;
      name = `map of ${typeName(def.valueType!)}${title ? ` by ${title}` : ''}`;
      break;
    }
    case 'object':
      name = otherKeys(def) ? 'object (and other keys)' : 'object';
      break;
    default:
      name = def.type;
  }
  return nullable ? `${name}|null` : name;
}

/** The keys of an object schema with their schemas, in order (empty for anything else). */
export function fieldsOf(schema: z.ZodType): [string, z.ZodType][] {
  const def = defOf(unwrap(schema).schema);
  return def.type === 'object' ? Object.entries(def.shape ?? {}) : [];
}

/** The schema of an object's other keys (`faults.<kind>`), when it takes any. */
export function catchallOf(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(unwrap(schema).schema);
  return def.type === 'object' ? otherKeys(def) : undefined;
}

/** An object's catchall, unless it is never (a strict object). */
function otherKeys(def: Def): z.ZodType | undefined {
  return def.catchall && defOf(def.catchall).type !== 'never' ? def.catchall : undefined;
}
