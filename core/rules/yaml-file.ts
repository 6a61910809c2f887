import { readFileSync, statSync } from 'node:fs';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { ZodIssue, ZodType } from 'zod';
import { PackError } from './pack-error.js';

/** A position in a YAML file from a path of keys and indices: [line, column], 1-based. */
export type Locate = (path: (string | number)[]) => [number | undefined, number | undefined];

const MAX_BYTES = 4 * 1024 * 1024;

/**
 * Reads a YAML file of ours (a rule pack, a pack's tests) and checks it against its schema; any problem
 * is a PackError with `file:line:column`, found from the path of the offending key.
 */
export function readYamlFile<T>(
  file: string,
  schema: ZodType<T>,
  what: string,
): { data: T; position: Locate } {
  let text: string;
  try {
    if (statSync(file).size > MAX_BYTES) {
      throw new PackError(file, undefined, undefined, `larger than ${MAX_BYTES} bytes: not a ${what}`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError(
      file,
      undefined,
      undefined,
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    throw new PackError(file, line, col, `YAML: ${syntax.message.split('\n')[0]}`);
  }
  const position: Locate = (path) => positionOf(document, lineCounter, path);
  const result = schema.safeParse(document.toJS({ maxAliasCount: 100 }));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const [line, column] = position(issue.path as (string | number)[]);
    throw new PackError(file, line, column, describeIssue(issue, what));
  }
  return { data: result.data, position };
}

function positionOf(
  document: Document.Parsed,
  lineCounter: LineCounter,
  path: (string | number)[],
): [number | undefined, number | undefined] {
  // The deepest node of the path that exists: a missing key is reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    const range =
      node && typeof node === 'object' ? (node as { range?: [number, number, number] }).range : undefined;
    if (range) {
      const { line, col } = lineCounter.linePos(range[0]);
      return [line, col];
    }
  }
  return [undefined, undefined];
}

function describeIssue(issue: ZodIssue, what: string): string {
  const where = issue.path.join('.') || `the ${what}`;
  if (issue.code === 'unrecognized_keys')
    return `${where}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    const key = issue.path.at(-1);
    return `${issue.path.slice(0, -1).join('.') || `the ${what}`}: "${String(key)}" is missing (${issue.expected} expected)`;
  }
  if (issue.code === 'invalid_union')
    return `${where}: not a valid condition (expected all, any, not, condition, or fact + operator + value)`;
  return `${where}: ${issue.message}`;
}
