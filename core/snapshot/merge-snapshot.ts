import { randomBytes } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { SnapshotManifest, type SourceWarning } from '../model/snapshot-manifest.js';
import type { RawCluster } from '../sources/raw-cluster.js';
import { RecordingTargetError } from './recording-folder.js';
import { type WrittenSnapshot, writeSnapshot } from './write-snapshot.js';

/**
 * `snapshot record --merge`: adds the nodes of a recording to the snapshot already in `out` (plain hosts
 * recorded one by one, one per network namespace), replacing a node folder of the same name. The nodes
 * are recorded beside `out` and each moved in by one rename; snapshot.yaml is rewritten last, complete only
 * when both were, its `missing` the old one's (less the replaced nodes' entries) and the new one's. Not
 * safe against another merge into the same folder at the same time.
 */
export async function mergeIntoSnapshot(raw: RawCluster, out: string): Promise<WrittenSnapshot> {
  const manifestPath = join(out, 'snapshot.yaml');
  if (!lstatSync(manifestPath, { throwIfNoEntry: false })?.isFile())
    throw new RecordingTargetError(`${out} holds no snapshot.yaml: nothing to merge into`);
  const old = SnapshotManifest.safeParse(parse(await readFile(manifestPath, 'utf8')));
  if (!old.success)
    throw new RecordingTargetError(`${manifestPath} is not a snapshot manifest: not merged into`);
  const temp = join(dirname(out), `.${basename(out)}.merge-${randomBytes(6).toString('hex')}`);
  try {
    const written = await writeSnapshot(raw, temp);
    await mkdir(join(out, 'nodes'), { recursive: true });
    const names = raw.nodes.map((node) => node.name);
    for (const name of names) {
      const target = join(out, 'nodes', name);
      if (lstatSync(target, { throwIfNoEntry: false })) await rename(target, join(temp, `replaced-${name}`));
      await rename(join(temp, 'nodes', name), target);
    }
    const ofReplaced = (warning: SourceWarning) =>
      names.some((name) => warning.source === `node ${name}` || warning.source.startsWith(`nodes/${name}/`));
    const missing = [
      ...(old.data.status?.missing ?? []).filter((w) => !ofReplaced(w)),
      ...written.status.missing,
    ];
    const complete = missing.length === 0;
    const recordedAt = [old.data.spec.recordedAt, written.recordedAt]
      .filter((time): time is string => typeof time === 'string')
      .sort()
      .at(-1);
    const manifest = {
      ...old.data,
      spec: { ...old.data.spec, ...(recordedAt ? { recordedAt } : {}) },
      status: complete ? { complete: true } : { complete: false, missing },
    };
    const next = join(temp, 'snapshot.yaml.next');
    await writeFile(next, stringify(manifest));
    await rename(next, manifestPath);
    return { ...written, recordedAt: recordedAt ?? null, status: { complete, missing } };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
