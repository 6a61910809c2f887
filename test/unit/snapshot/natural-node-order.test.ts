import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { buildSnapshot } from '../../../core/snapshot/build-snapshot.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';

/** Node listings in natural order: worker-2 before worker-10, as a fleet's names are numbered. */
describe('nodes are listed in natural order', () => {
  it('the snapshot, which every report lists nodes from, orders worker-2 before worker-10', async () => {
    const raw = await new SnapshotFolderSource(
      join(packageRoot(), 'fixtures', 'clusters', 'demo'),
      'demo',
    ).collect();
    // Two of the demo's workers renamed as a larger site numbers them (the cluster's Node objects keep
    // worker-1 and worker-3, nodes without data then).
    const renamed: Record<string, string> = { 'worker-1': 'worker-10', 'worker-3': 'worker-9' };
    for (const node of raw.nodes) node.name = renamed[node.name] ?? node.name;
    const snapshot = await buildSnapshot(raw, { origin: 'test' });
    expect(snapshot.nodes.map((node) => node.name)).toEqual([
      'bc-1',
      'bc-2',
      'gm-1',
      'worker-1',
      'worker-2',
      'worker-3',
      'worker-9',
      'worker-10',
    ]);
  });
});
