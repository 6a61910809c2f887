import { type Document, isMap, isSeq, type LineCounter, type Node as YamlNode } from 'yaml';
import type { SourceWarning } from '../model/snapshot-manifest.js';
import { parseYamlDocuments } from './yaml-documents.js';

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
 * documents, `kind: List` / `…List` with `items`. Problems (syntax, duplicate keys, depth, aliases: see
 * yaml-documents.ts) become `file:line` errors and the other documents are still read; nothing throws.
 * `maxValues` bounds a file a person wrote (yaml-documents.ts MAX_USER_YAML_VALUES).
 */
export function parseKubeYaml(text: string, source: string, maxValues?: number): KubeYamlResult {
  const objects: KubeYamlObject[] = [];
  const { documents, problems, lineCounter } = parseYamlDocuments(text, maxValues);
  const errors: SourceWarning[] = problems.map(({ line, column, message }) => ({
    source,
    line,
    message: `${message} (column ${column})`,
  }));
  for (const { document, value: json } of documents) {
    const contents = document.contents;
    if (contents === null) continue;
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
