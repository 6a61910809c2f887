import type { z } from 'zod';
import { closestName } from './closest-name.js';
import { keysOf } from './fact-path.js';
import { step, unwrap } from './fact-shape.js';

/** How many names a "known:" list shows before it says how many more there are. */
const SHOWN = 12;

/**
 * Why `path` cannot be read from fact `fact` of schema `schema`, or undefined: `fact node has no
 * $.offset.maxAbsolute: did you mean $.offset.maxAbs? ($.offset has maxAbs, p99Abs, from, process)`. A path
 * JSONPath-plus evaluates (filters, wildcards, `..`) is not checked.
 */
export function factPathProblem(schema: z.ZodType, fact: string, path: string): string | undefined {
  const keys = keysOf(path);
  if (keys === null) return undefined;
  let current = unwrap(schema).schema;
  for (const [index, key] of keys.entries()) {
    const found = step(current, key);
    const parent = pathText(keys.slice(0, index));
    if ('leaf' in found) return `fact ${fact}: ${parent} is ${found.leaf}, it has no key "${key}"`;
    if ('missing' in found) {
      const suggestion = nearestKey(key, found.known);
      const hint = suggestion ? `: did you mean ${pathText([...keys.slice(0, index), suggestion])}?` : '';
      const names =
        found.known.length > SHOWN
          ? `${found.known.slice(0, SHOWN).join(', ')} … ${found.known.length - SHOWN} more`
          : found.known.join(', ');
      const what = found.keysAre ? `takes a ${found.keysAre} name` : `has ${names}`;
      return `fact ${fact} has no ${pathText(keys.slice(0, index + 1))}${hint} (${parent} ${what})`;
    }
    current = unwrap(found.schema).schema;
  }
  return undefined;
}

/**
 * A typo's nearest name (closest-name.ts), else the name sharing the longest start with it, when that
 * start is most of the shorter one (the shortest such name): `maxAbsolute` → `maxAbs`, `max` → `maxAbs`.
 */
function nearestKey(key: string, known: readonly string[]): string | null {
  const close = closestName(key, [...known]);
  if (close) return close;
  let best: string | null = null;
  let bestLength = 0;
  for (const name of known) {
    let length = 0;
    while (
      length < Math.min(key.length, name.length) &&
      key[length]!.toLowerCase() === name[length]!.toLowerCase()
    )
      length++;
    const longer =
      length > bestLength || (length === bestLength && best !== null && name.length < best.length);
    if (length >= 3 && length * 2 >= Math.min(key.length, name.length) + 1 && longer) {
      best = name;
      bestLength = length;
    }
  }
  return best;
}

/** `$.offset.maxAbs`, `$.effective['G.8275.portDS.localPriority']`. */
function pathText(keys: string[]): string {
  return `$${keys.map((key) => (/^[\w-]+$/.test(key) ? (/^\d+$/.test(key) ? `[${key}]` : `.${key}`) : `['${key}']`)).join('')}`;
}
