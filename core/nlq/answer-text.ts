import { JSONPath } from 'jsonpath-plus';
import { formatDuration } from '../duration.js';
import type { AnswerPart, AnswerSpec } from './answer-spec.js';
import { SLOT_NAMES, type Slots } from './intent-pack.js';

/** What a sentence can say beside the result: the end of the data and what the question named. */
export interface AnswerContext {
  /** The end of the data the tool read (ISO 8601). */
  end?: string | undefined;
  slots?: Slots;
}

type Value = string | number | boolean;
/** An item of `each` and where it sits in the result, for `{^path}` (a field of an enclosing object). */
interface Item {
  value: unknown;
  ancestors: unknown[];
}

const PLACEHOLDER = /\{([^{}]+)\}/g;
const VARIABLES = ['#end', ...SLOT_NAMES.map((slot) => `#${slot}`)];
const FILTERS: Record<string, (values: Value[], argument: string) => Value[]> = {
  time: (values) => values.map(clockTime),
  duration: (values) => values.map((v) => (typeof v === 'number' ? formatDuration(v) : v)),
  max: (values) => numbers(values, (n) => Math.max(...n)),
  min: (values) => numbers(values, (n) => Math.min(...n)),
  sum: (values) => numbers(values, (n) => n.reduce((a, b) => a + b, 0)),
  unique: (values) => [...new Set(values)],
  first: (values) => values.slice(0, 1),
  join: (values, separator) => (values.length > 0 ? [values.join(separator)] : []),
  or: (values, text) => (values.length > 0 ? values : [text]),
};

/** `count` counts the items found (in fill), the others take what the items say. */
const FILTER_NAMES = ['count', ...Object.keys(FILTERS)];

/**
 * The sentences that state what an intent's question asked, from its tool's structured result; empty
 * when the spec finds nothing to say (the caller then gives the tool's own summary).
 */
export function answerSentences(spec: AnswerSpec, result: unknown, context: AnswerContext = {}): string[] {
  if (result === null || typeof result !== 'object') return [];
  const named = context.slots?.node !== undefined;
  return spec
    .filter((part) => part.asked === 'any' || (part.asked === 'node') === named)
    .flatMap((part) => partSentences(part, result, context));
}

/** What is wrong with a template (an unknown filter or variable), for the pack loader; undefined if nothing. */
export function templateProblem(template: string): string | undefined {
  for (const [, body] of template.matchAll(PLACEHOLDER)) {
    const [path, ...filters] = body!.split('|');
    if (path!.trim().startsWith('#') && !VARIABLES.includes(path!.trim())) {
      return `unknown variable "${path}" in {${body}} (known: ${VARIABLES.join(', ')})`;
    }
    for (const filter of filters) {
      const name = filter.split(':')[0]!.trim();
      if (!FILTER_NAMES.includes(name)) {
        return `unknown filter "${name}" in {${body}} (known: ${FILTER_NAMES.join(', ')})`;
      }
    }
  }
  return undefined;
}

function partSentences(part: AnswerPart, result: object, context: AnswerContext): string[] {
  const items =
    part.each === undefined
      ? [{ value: result, ancestors: [] }]
      : select(withVariables(part.each, context), result);
  const said = items
    .filter(
      (item) => part.when === undefined || anyMatch(relative(withVariables(part.when, context)), item.value),
    )
    .map((item) => fill(part.say, item, result, context).trim());
  const sentences = [...new Set(said)].filter((sentence) => sentence.length > 0);
  if (sentences.length === 0) {
    return part.none === undefined
      ? []
      : [fill(part.none, { value: result, ancestors: [] }, result, context)];
  }
  if (sentences.length <= part.max) return sentences;
  return [...sentences.slice(0, part.max), `… and ${sentences.length - part.max} more`];
}

function fill(template: string, item: Item, root: object, context: AnswerContext): string {
  return template.replace(PLACEHOLDER, (_, body: string) => {
    const [path, ...filters] = body.split('|');
    // Items as found, so `count` counts them; every other filter takes what they say.
    let found: unknown[] = resolve(path!.trim(), item, root, context);
    for (const filter of filters) {
      const colon = filter.indexOf(':');
      const name = (colon < 0 ? filter : filter.slice(0, colon)).trim();
      found =
        name === 'count'
          ? [found.length]
          : FILTERS[name]!(said(found), colon < 0 ? '' : filter.slice(colon + 1));
    }
    const text = said(found);
    return text.length > 0 ? text.join(', ') : '-';
  });
}

function resolve(path: string, item: Item, root: object, context: AnswerContext): unknown[] {
  if (path === '#end') return context.end === undefined ? [] : [clockTime(context.end)];
  if (path.startsWith('#')) {
    const slot = context.slots?.[path.slice(1) as keyof Slots];
    return slot === undefined ? [] : [slot];
  }
  if (path === '@') return [item.value];
  if (path.startsWith('$')) return values(path, root);
  if (path.startsWith('^')) {
    // The nearest enclosing object that has it: a response's instance, a NIC's node.
    for (const ancestor of [...item.ancestors].reverse()) {
      const found = values(relative(path.slice(1)), ancestor);
      if (found.length > 0) return found;
    }
    return [];
  }
  return values(relative(path), item.value);
}

/** Every match of a JSONPath with the objects that enclose it; a list matched whole counts as its items. */
function select(path: string, json: unknown): Item[] {
  if (json === null || typeof json !== 'object') return [];
  const matches = JSONPath({ path, json, wrap: true, eval: 'safe', resultType: 'pointer' }) as string[];
  return matches.flatMap((pointer) => {
    const ancestors: unknown[] = [];
    let value: unknown = json;
    for (const key of pointer.split('/').slice(1)) {
      ancestors.push(value);
      value = (value as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return Array.isArray(value)
      ? value.map((element) => ({ value: element, ancestors: [...ancestors, value] }))
      : [{ value, ancestors }];
  });
}

function anyMatch(path: string, json: unknown): boolean {
  return select(path, json).some((item) => item.value !== null && item.value !== undefined);
}

function values(path: string, json: unknown): unknown[] {
  return select(path, json)
    .map((item) => item.value)
    .filter((value) => value !== null && value !== undefined);
}

/** Scalars as they are; an object as its "key value" pairs (a pmc data set's fields); null as nothing. */
function said(found: unknown[]): Value[] {
  return found.flatMap((v): Value[] => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return [v];
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return [];
    return Object.entries(v)
      .filter(([, field]) => ['string', 'number', 'boolean'].includes(typeof field))
      .map(([key, field]) => `${key} ${field}`);
  });
}

/** The question's names in a path (`$.links[?(@.node=="{#node}")]`), as JSON string content. */
function withVariables(path: string, context: AnswerContext): string {
  return path.replace(/\{(#\w+)\}/g, (_, name: string) => {
    const value = said(resolve(name, { value: null, ancestors: [] }, {}, context))[0];
    return JSON.stringify(String(value ?? '')).slice(1, -1);
  });
}

function relative(path: string): string {
  return path.startsWith('[') ? `$${path}` : `$.${path}`;
}

function numbers(found: Value[], pick: (n: number[]) => number): Value[] {
  const numeric = found.filter((v): v is number => typeof v === 'number');
  return numeric.length > 0 ? [pick(numeric)] : [];
}

/** An ISO 8601 time as HH:MM:SS in UTC, the way the reports show the data's times. */
function clockTime(value: Value): Value {
  if (typeof value !== 'string') return value;
  const utc = /^\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)(?:\.\d+)?Z$/.exec(value);
  if (utc) return utc[1]!;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : time.toISOString().slice(11, 19);
}
