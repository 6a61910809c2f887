import type { RawCluster, RawNode, RawObject } from '../core/sources/raw-cluster.js';

/**
 * A fleet of `count` nodes made of copies of a snapshot's nodes, for scale tests: copy k of `worker-1`
 * is `worker-1-k`, with its own Node, daemon pod and NodePtpDevice, and the same raw material (logs are
 * streamed from the same files). PtpConfig matches on node names are extended to the copies.
 */
export function fleetOf(raw: RawCluster, count: number): RawCluster {
  const originals = raw.nodes;
  if (originals.length === 0) return raw;
  const copies: { node: RawNode; of: string; copy: number }[] = [];
  for (let i = 0; i < count; i++) {
    const of = originals[i % originals.length]!;
    const copy = Math.floor(i / originals.length);
    copies.push({ node: { ...of, name: `${of.name}-${copy}` }, of: of.name, copy });
  }
  const namesOf = (original: string) => copies.filter((c) => c.of === original).map((c) => c.node.name);
  const objects: RawObject[] = [];
  for (const entry of raw.objects) {
    const object = entry.object as Record<string, unknown> & {
      kind?: string;
      metadata?: Record<string, unknown>;
    };
    const name = object.metadata?.name as string | undefined;
    if (object.kind === 'Node' || object.kind === 'NodePtpDevice') {
      for (const copy of copies.filter((c) => c.of === name)) {
        const metadata = { ...object.metadata, name: copy.node.name };
        if (object.kind === 'Node') {
          const labels = {
            ...(object.metadata?.labels as Record<string, string>),
            'kubernetes.io/hostname': copy.node.name,
          };
          Object.assign(metadata, { labels });
        }
        objects.push({ ...entry, object: { ...object, metadata } });
      }
    } else if (object.kind === 'Pod') {
      const nodeName = (object.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
      for (const copy of copies.filter((c) => c.of === nodeName)) {
        objects.push({
          ...entry,
          object: {
            ...object,
            metadata: { ...object.metadata, name: `${name}-${copy.copy}` },
            spec: { ...(object.spec as object), nodeName: copy.node.name },
          },
        });
      }
    } else if (object.kind === 'PtpConfig') {
      objects.push({ ...entry, object: withCopiedNodeNames(object, namesOf) });
    } else if (object.kind !== 'Event') {
      objects.push(entry);
    }
  }
  return { ...raw, objects, nodes: copies.map((c) => c.node) };
}

function withCopiedNodeNames(
  config: Record<string, unknown>,
  namesOf: (original: string) => string[],
): Record<string, unknown> {
  const spec = config.spec as { recommend?: { match?: { nodeName?: string; nodeLabel?: string }[] }[] };
  const recommend = spec.recommend?.map((entry) => ({
    ...entry,
    match: entry.match?.flatMap((m) =>
      m.nodeName ? namesOf(m.nodeName).map((nodeName) => ({ ...m, nodeName })) : [m],
    ),
  }));
  return { ...config, spec: { ...spec, recommend } };
}
