import { type Document, isMap, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { SourceWarning } from '../model/snapshot-manifest.js';

/** One Kubernetes object of a YAML stream, with the line it starts at and its YAML document for positions. */
export interface KubeYamlObject {
  object: unknown;
  line: number;
  document: Document.Parsed;
  /** The YAML node of the object (a List item's node for List members). */
  node: YamlNode;
}

export interface KubeYamlResult {
  objects: KubeYamlObject[];
  errors: SourceWarning[];
  lineCounter: LineCounter;
}

/**
 * Reads a YAML stream of Kubernetes objects as `kubectl get -o yaml` or a repository holds them: several
 * documents, `kind: List` / `…List` with `items`. Syntax errors become `file:line` errors and the other
 * documents are still read; nothing throws.
 */
export function parseKubeYaml(text: string, source: string): KubeYamlResult {
  const lineCounter = new LineCounter();
  const objects: KubeYamlObject[] = [];
  const errors: SourceWarning[] = [];
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const position = lineCounter.linePos(error.pos[0]);
        errors.push({
          source,
          line: position.line,
          message: `${error.message.split('\n')[0]} (column ${position.col})`,
        });
      }
      continue;
    }
    const contents = document.contents;
    if (contents === null) continue;
    const json = document.toJS({ maxAliasCount: 100 }) as unknown;
    if (isListObject(json) && isMap(contents)) {
      const items = contents.get('items', true);
      if (isSeq(items)) {
        // A typed list (`kind: PtpConfigList`) may leave out its items' kind: it is the list's, less "List".
        const itemKind = json.kind === 'List' ? undefined : json.kind.slice(0, -'List'.length);
        items.items.forEach((item, index) => {
          const node = item as YamlNode;
          const raw = json.items[index];
          const object =
            itemKind && isPlainObject(raw) && raw.kind === undefined ? { kind: itemKind, ...raw } : raw;
          objects.push({ object, line: lineOf(node, lineCounter), document, node });
        });
        continue;
      }
    }
    objects.push({ object: json, line: lineOf(contents, lineCounter), document, node: contents });
  }
  return { objects, errors, lineCounter };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isListObject(value: unknown): value is { kind: string; items: unknown[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, items } = value as { kind?: unknown; items?: unknown };
  return typeof kind === 'string' && (kind === 'List' || kind.endsWith('List')) && Array.isArray(items);
}

function lineOf(node: YamlNode, lineCounter: LineCounter): number {
  return node.range ? lineCounter.linePos(node.range[0]).line : 1;
}
