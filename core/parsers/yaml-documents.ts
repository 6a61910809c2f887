import {
  Composer,
  CST,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  type Node as YamlNode,
} from 'yaml';

/**
 * How deep collections may nest. The yaml package's parser slows down with depth (4 MB of `[` takes
 * seconds and gigabytes) and its composer, toJS, zod and our condition visitors all recurse; a
 * PtpConfig nests about 8 levels and a rule pack's conditions about 15, so 64 is room to spare, checked
 * while the parser reads, before anything recurses.
 */
export const MAX_YAML_DEPTH = 64;
/**
 * How many values a YAML file a person writes (a PtpConfig, a pack, suppressions) may hold. The yaml
 * package keeps some 1 KB per value: 4 MB of `[1,1,1,…]` is 1.5 million values and 1.6 GB. A PtpConfig
 * holds hundreds, the largest built-in pack a few thousand. Recordings of a cluster pass no limit.
 */
export const MAX_USER_YAML_VALUES = 200_000;
/**
 * How many nodes aliases may add to a document. toJS shares an alias's value, but whatever walks the
 * result (schemas, facts, JSON) expands it: nine levels of ten aliases are a billion nodes from 1 KB.
 * kubectl writes no aliases; a pack reusing a condition 100 times adds about 1,000 nodes.
 */
const MAX_ALIAS_NODES = 10_000;

/** A problem at a place of a YAML text: 1-based line and column. */
export interface YamlProblem {
  line: number;
  column: number;
  message: string;
}

export interface YamlDocument {
  document: Document.Parsed;
  /** The document as plain data (toJS). */
  value: unknown;
}

export interface YamlDocuments {
  /** The documents that are sound, in order. */
  documents: YamlDocument[];
  /** Why the others were left out: syntax, duplicate keys, depth, aliases. */
  problems: YamlProblem[];
  lineCounter: LineCounter;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);
/** The lexemes that start a value: a scalar, a flow collection, a sequence item, an explicit key. */
const VALUE_LEXEMES = new Set([CST.SCALAR, '[', '{', '-', '?']);

/**
 * The one way to parse a user's YAML (packs, pack tests, suppressions, Kubernetes objects): every
 * document of the stream that is sound, and a line-numbered problem for each that is not, so a
 * hostile file is a message, never a hang, a crash or a quadratic parse. Duplicate keys are checked
 * here in linear time (the yaml package's `uniqueKeys` is quadratic: 100,000 keys take minutes).
 */
export function parseYamlDocuments(text: string, maxValues = Number.POSITIVE_INFINITY): YamlDocuments {
  const lineCounter = new LineCounter();
  const { tokens, stopped } = cstTokens(text, lineCounter, maxValues);
  const problems: YamlProblem[] = [];
  const documents: YamlDocument[] = [];
  const at = (offset: number, message: string): YamlProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, message };
  };
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  for (const document of composer.compose(tokens, true, text.length)) {
    const syntax = document.errors;
    if (syntax.length > 0) {
      problems.push(...syntax.map((error) => at(error.pos[0], error.message.split('\n')[0]!)));
      continue;
    }
    const unsound = checkNodes(document, at);
    if (unsound) {
      problems.push(unsound);
      continue;
    }
    // Aliases were checked above: no limit here, which would throw without saying where.
    documents.push({ document, value: document.toJS({ maxAliasCount: -1 }) });
  }
  if (stopped) problems.push(at(stopped.offset, `${stopped.why}: this document and the rest are not read`));
  return { documents, problems, lineCounter };
}

/**
 * The parser's tokens, stopped at the first collection nested deeper than MAX_YAML_DEPTH or at the value
 * past `maxValues`, before the parser spends time or memory on them.
 */
function cstTokens(
  text: string,
  lineCounter: LineCounter,
  maxValues: number,
): { tokens: CST.Token[]; stopped?: { offset: number; why: string } } {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  let values = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (VALUE_LEXEMES.has(lexeme) && ++values > maxValues)
      return {
        tokens,
        stopped: { offset: parser.offset, why: `more than ${maxValues.toLocaleString('en-US')} values` },
      };
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack holds the document, the open collections and a scalar: count only when it could be deep.
    if (parser.stack.length > MAX_YAML_DEPTH + 1) {
      const depth = parser.stack.filter((token) => COLLECTIONS.has(token.type)).length;
      if (depth > MAX_YAML_DEPTH)
        return {
          tokens,
          stopped: { offset: parser.offset, why: `nested more than ${MAX_YAML_DEPTH} levels deep` },
        };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}

/** Thrown inside the walk of checkNodes to stop at the first problem. */
class Unsound extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.message);
  }
}

/**
 * Duplicate keys, aliases with no anchor or to a node that holds them, and aliases that would expand
 * the document past MAX_ALIAS_NODES: the first, at its node. Sizes are memoized per node, so the walk
 * is linear in the text whatever the aliases would expand to.
 */
function checkNodes(
  document: Document.Parsed,
  at: (offset: number, message: string) => YamlProblem,
): YamlProblem | undefined {
  const sizes = new Map<unknown, number>();
  const anchors = new Map<string, unknown>();
  let added = 0;
  const fail = (node: YamlNode, message: string): never => {
    throw new Unsound(at(node.range?.[0] ?? 0, message));
  };
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined)
        return fail(node, `alias *${node.source} has no anchor &${node.source} before it`);
      const expanded = sizes.get(target);
      if (expanded === undefined) return fail(node, `alias *${node.source} is inside the node it refers to`);
      added += expanded;
      if (added > MAX_ALIAS_NODES)
        fail(
          node,
          `alias *${node.source} expands the document past ${MAX_ALIAS_NODES.toLocaleString('en-US')} nodes (an alias bomb): not read`,
        );
      return expanded;
    }
    if (node === null || typeof node !== 'object') return 1;
    const anchor = (node as { anchor?: string }).anchor;
    // The anchor is known before the node's children, as the yaml package resolves it.
    if (anchor) anchors.set(anchor, node);
    let total = 1;
    if (isMap(node)) {
      const keys = new Map<string, YamlNode>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = `${typeof pair.key.value}:${String(pair.key.value)}`;
          const first = keys.get(key);
          if (first)
            fail(
              pair.key,
              `duplicate key "${String(pair.key.value)}" (first at line ${at(first.range?.[0] ?? 0, '').line})`,
            );
          keys.set(key, pair.key);
        }
        total += size(pair.key) + size(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) total += size(item);
    }
    sizes.set(node, total);
    return total;
  };
  try {
    size(document.contents);
    return undefined;
  } catch (error) {
    if (error instanceof Unsound) return error.problem;
    throw error;
  }
}
