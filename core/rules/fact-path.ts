import { JSONPath } from 'jsonpath-plus';

/**
 * json-rules-engine's path resolver, fast for the paths packs write (`$.a.b`, `$.a['G.8275.x']`, `$.a[0]`).
 * The engine's default calls JSONPath-plus, which throws and catches an Error on every call (its `new`
 * guard): most of the time of a large lint. Any other path (`..`, filters, wildcards) still goes to
 * JSONPath-plus, so the semantics of a pack never change.
 */
export function resolveFactPath(value: object, path: string): unknown {
  const keys = keysOf(path);
  if (keys === null) return JSONPath({ path, json: value, wrap: false });
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const SIMPLE = /^\$((\.[\w-]+)|(\['[^'\]]*'\])|(\["[^"\]]*"\])|(\[\d+\]))*$/;
const KEY = /\.([\w-]+)|\['([^'\]]*)'\]|\["([^"\]]*)"\]|\[(\d+)\]/g;
const cache = new Map<string, string[] | null>();

/** The keys of a simple path, or null for one that needs JSONPath-plus (parsed once per path). */
export function keysOf(path: string): string[] | null {
  let keys = cache.get(path);
  if (keys === undefined) {
    keys = SIMPLE.test(path)
      ? [...path.matchAll(KEY)].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4]!)
      : null;
    if (cache.size < 10_000) cache.set(path, keys);
  }
  return keys;
}
