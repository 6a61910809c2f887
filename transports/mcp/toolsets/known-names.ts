import { configuredInterfaces } from '../../../core/analysis/ptp-interfaces.js';
import type { NodeSnapshot } from '../../../core/model/snapshot.js';
import { naturalCompare } from '../../../core/natural-compare.js';
import { PROXY_PROCESS } from '../../../core/parsers/log/logrus-line.js';
import { closestName } from '../../../core/rules/closest-name.js';
import { sourceOf, type ToolContext, ToolInputError } from '../tool.js';

/** The arguments of any tool that name something of the data; each must name what exists. */
export interface NameArgs {
  source?: string;
  context?: string;
  node?: string;
  profile?: string;
  process?: string;
  interface?: string;
}

/** At most this many names are listed in an error; the closest match is named whatever the count. */
const LISTED = 20;

/**
 * Refuses a node, profile, process or interface the source does not have, naming those it has (and
 * the closest one), so a typo is a clear error rather than an empty answer or a crash further on.
 * Profile, process and interface are looked up on the node named, or on every node.
 */
export async function checkNames(args: NameArgs, context: ToolContext): Promise<void> {
  const source = sourceOf(args, context);
  // The snapshot a tool about this node reads anyway (the cache answers the second ask).
  const snapshot = await context.cache.snapshot({ source, node: args.node });
  if (args.node !== undefined && !snapshot.nodes.some((n) => n.name === args.node)) {
    const all = await context.cache.snapshot({ source });
    refuse(
      'node',
      args.node,
      all.nodes.map((n) => n.name),
    );
  }
  const nodes = snapshot.nodes.filter((n) => args.node === undefined || n.name === args.node);
  const where = args.node === undefined ? '' : ` on ${args.node}`;
  if (args.profile !== undefined) refuse('profile', args.profile, nodes.flatMap(profilesOf), where);
  if (args.process !== undefined) refuse('process', args.process, nodes.flatMap(processesOf), where);
  if (args.interface !== undefined) refuse('interface', args.interface, nodes.flatMap(interfacesOf), where);
}

/** Throws unless `name` is one of `known`. */
function refuse(what: string, name: string, known: string[], where = ''): void {
  const names = [...new Set(known)].sort(naturalCompare);
  if (names.includes(name)) return;
  const closest = closestName(name, names);
  const listed = names.length > LISTED ? `${names.slice(0, LISTED).join(', ')} …` : names.join(', ');
  throw new ToolInputError(
    `no ${what} "${name}"${where}; ${names.length ? `there are: ${listed}` : `there is none in the data`}${closest ? ` (did you mean "${closest}"?)` : ''}`,
  );
}

/** Profiles as the daemon names them in its rendered configs (`#profile: NAME`), as log filters use them. */
function profilesOf(node: NodeSnapshot): string[] {
  return node.configs.flatMap((c) => /^#profile:\s*(\S+)/.exec(c.text)?.[1] ?? []);
}

/** Processes with lines in the node's logs, those its configs run, the daemon itself and the proxy. */
function processesOf(node: NodeSnapshot): string[] {
  return [
    'daemon',
    PROXY_PROCESS,
    ...(node.logs?.processes ?? []).map((p) => p.name),
    ...node.configs.flatMap((c) => c.program ?? []),
  ];
}

/** Interfaces the configs use, ethtool knows, or ptp4l's port lines name. */
function interfacesOf(node: NodeSnapshot): string[] {
  return [
    ...configuredInterfaces(node).keys(),
    ...node.nics.map((n) => n.iface),
    // pmc's own ports are its UNIX sockets (/var/run/ptp4l.0.socket), not interfaces.
    ...(node.logs?.processes ?? []).flatMap((p) =>
      p.portTransitions.flatMap((t) => (t.iface && !t.iface.startsWith('/') ? t.iface : [])),
    ),
  ];
}
