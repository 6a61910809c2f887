import { type LoadedPack, loadPack } from './pack-loader.js';
import { PackEvaluator } from './rule-engine.js';

export interface CachedPack {
  loaded: LoadedPack;
  evaluator: PackEvaluator;
}

/** Packs loaded once, by the reference (name or path) they were asked by: their engines are reused. */
export class PackCache {
  private readonly entries = new Map<string, CachedPack>();

  get(reference: string): CachedPack {
    let entry = this.entries.get(reference);
    if (!entry) {
      const loaded = loadPack(reference);
      entry = { loaded, evaluator: new PackEvaluator(loaded) };
      this.entries.set(reference, entry);
    }
    return entry;
  }

  /** The packs loaded so far, for reports: name, version and the file each came from. */
  summaries(): { name: string; version: string; file: string }[] {
    return [...this.entries.values()].map(({ loaded }) => ({
      name: loaded.pack.metadata.name,
      version: loaded.pack.metadata.version,
      file: loaded.file,
    }));
  }
}
