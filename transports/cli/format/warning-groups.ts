import { naturalCompare } from '../../../core/natural-compare.js';

/** A warning as the CLI prints it: `source[:line]: message`. */
export interface WarningLine {
  source: string;
  line?: number;
  message: string;
}

/** Past this many, the same warning about different nodes is one line. */
const GROUP_FROM = 4;
/** Names shown in a grouped line before "and N other nodes". */
const NAMES_SHOWN = 3;

/**
 * The warnings as lines, the same warning about many nodes said once: "node worker-1, worker-2, worker-3
 * and 37 other nodes: PTP profiles apply to this node but the source has no data of it". A node is
 * recognized by `node NAME` in the text, or by a name of `nodes` (a source such as `worker-5/daemon.log`).
 * Groups keep the place of their first warning; names are in natural order.
 */
export function warningLines(warnings: readonly WarningLine[], nodes: readonly string[] = []): string[] {
  const known = new Set(nodes);
  const groups = new Map<string, { template: string; names: string[]; texts: string[] }>();
  for (const warning of warnings) {
    const text = `${warning.source}${warning.line !== undefined ? `:${warning.line}` : ''}: ${warning.message}`;
    const { template, name } = templateOf(text, known);
    const key = name === undefined ? `\u0000${text}` : template;
    const group = groups.get(key) ?? { template, names: [], texts: [] };
    groups.set(key, group);
    if (name !== undefined) group.names.push(name);
    group.texts.push(text);
  }
  return [...groups.values()].flatMap(({ template, names, texts }) => {
    if (names.length < GROUP_FROM) return texts;
    const sorted = [...new Set(names)].sort(naturalCompare);
    const shown = sorted.slice(0, NAMES_SHOWN).join(', ');
    const rest = sorted.length - NAMES_SHOWN;
    // "node worker-1, worker-2, worker-3 and 37 other nodes: ..." where the text says "node NAME";
    // else the nodes first and NODE in the text ("5 nodes (n1, n2, n3, ...): NODE/daemon.log: ...").
    if (template.includes(`node ${NODE}`))
      return [
        template
          .replace(NODE, `${shown} and ${rest} other node${rest === 1 ? '' : 's'}`)
          .replaceAll(NODE, 'NODE'),
      ];
    return [`${sorted.length} nodes (${shown}, ...): ${template.replaceAll(NODE, 'NODE')}`];
  });
}

const NODE = '\u0001';

/** The text with its one node name replaced by a mark; no name when it names none, or several. */
function templateOf(text: string, known: ReadonlySet<string>): { template: string; name?: string } {
  // `node NAME`: a name has a digit, a dot or a dash (worker-5, master0), not a word ("this node but").
  const named = [...text.matchAll(/\bnode ([\w.-]*[\d.-][\w.-]*\w)/g)].map((match) => match[1]!);
  const found = new Set(named);
  for (const token of text.split(/[^\w.-]+/)) if (known.has(token)) found.add(token);
  if (found.size !== 1) return { template: text };
  const [name] = found as Set<string>;
  const escaped = name!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { template: text.replace(new RegExp(`(?<![\\w.-])${escaped}(?![\\w-])`, 'g'), NODE), name };
}
