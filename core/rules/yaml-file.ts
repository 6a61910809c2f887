import type { Document, LineCounter } from 'yaml';
import type { ZodIssue, ZodType } from 'zod';
import { FileReadError } from '../io/regular-file.js';
import { readUtf8FileSync } from '../io/text-encoding.js';
import { MAX_USER_YAML_VALUES, parseYamlDocuments } from '../parsers/yaml-documents.js';
import { PackError } from './pack-error.js';

/** A position in a YAML file from a path of keys and indices: [line, column], 1-based. */
export type Locate = (path: (string | number)[]) => [number | undefined, number | undefined];

/**
 * The most a file of ours (a rule or intent pack, a pack's tests with their inline configs, a fault
 * plan) may be, as a configuration: the largest built-in pack is 30 KB.
 */
const MAX_PACK_BYTES = 4 * 1024 * 1024;

/**
 * Reads a YAML file of ours (a rule pack, a pack's tests) and checks it against its schema; any problem
 * is a PackError with `file:line:column`, found from the path of the offending key. `what` names the
 * kind of file ("rule pack") in messages; `maxBytes` caps the bytes read.
 */
export function readYamlFile<T>(
  file: string,
  schema: ZodType<T>,
  what: string,
  maxBytes = MAX_PACK_BYTES,
): { data: T; position: Locate } {
  const { documents, problems, lineCounter } = parseYamlDocuments(
    readUserText(file, what, maxBytes),
    MAX_USER_YAML_VALUES,
  );
  const problem = problems[0];
  if (problem) throw new PackError(file, problem.line, problem.column, `YAML: ${problem.message}`);
  if (documents.length > 1) {
    const { line, col } = lineCounter.linePos(documents[1]!.document.range[0]);
    throw new PackError(file, line, col, `${withArticle(what)} is one YAML document; another starts here`);
  }
  const document = documents[0]?.document;
  const position: Locate = (path) => (document ? positionOf(document, lineCounter, path) : [1, 1]);
  const result = schema.safeParse(documents[0]?.value ?? null);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const [line, column] = position(issue.path as (string | number)[]);
    throw new PackError(file, line, column, describeIssue(issue, what));
  }
  return { data: result.data, position };
}

/** A user's UTF-8 text file of at most `maxBytes`; what keeps it from being read is a PackError marked unreadable. */
export function readUserText(file: string, what: string, maxBytes = MAX_PACK_BYTES): string {
  try {
    return readUtf8FileSync(file, maxBytes, withArticle(what));
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new PackError(file, undefined, undefined, error.reason, true);
  }
}

/**
 * Whether a pack file declares `kind: KIND` at the top level (an intent pack, NIC profiles) rather than
 * being a rule pack; false when it cannot be read, for the rule pack loader to say why.
 */
export function declaresKind(file: string, kind: string): boolean {
  try {
    return new RegExp(`^kind:\\s*${kind}\\s*$`, 'm').test(readUserText(file, 'pack'));
  } catch (error) {
    if (error instanceof PackError) return false;
    throw error;
  }
}

/** "an intent pack", "a rule pack". */
function withArticle(what: string): string {
  return `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`;
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
