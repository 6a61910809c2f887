import type { DiagnosisFacts } from '../../core/rules/facts/runtime-evaluations.js';

/**
 * A cluster of `count` nodes made of copies of a real diagnosis' sites: copy k of node `bc-1` is
 * `bc-1-k`, and the hierarchy links of each copy point at the nodes of the same copy.
 */
export function multiplyNodes<T extends DiagnosisFacts>(facts: T, count: number): T {
  const site = facts.nodes.length;
  const rename = (name: string | null, copy: number) => (name === null ? null : `${name}-${copy}`);
  const nodes = Array.from({ length: count }, (_, i) => {
    const copy = Math.floor(i / site);
    const node = structuredClone(facts.nodes[i % site]!);
    return { ...node, node: `${node.node}-${copy}` };
  });
  const copies = Math.ceil(count / site);
  const links = Array.from({ length: copies }, (_, copy) =>
    facts.hierarchy.links.map((link) => ({
      ...structuredClone(link),
      node: `${link.node}-${copy}`,
      parentNode: rename(link.parentNode, copy),
      grandmasterNode: rename(link.grandmasterNode, copy),
    })),
  )
    .flat()
    .filter((link) => nodes.some((n) => n.node === link.node));
  const roots = links.filter((link) =>
    facts.hierarchy.roots.some((root) => link.node.startsWith(`${root}-`)),
  );
  return { ...facts, nodes, hierarchy: { ...facts.hierarchy, links, roots: roots.map((l) => l.node) } };
}
