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

  /**
   * The packs to run for `references`, each once: a pack that another of them extends is not run on its
   * own, since the extending one runs its rules (overridden by id, or switched off). So a pack extending
   * fault-severity replaces it, and no finding is given twice.
   */
  runnable(references: readonly string[]): CachedPack[] {
    const byFile = new Map<string, CachedPack>();
    for (const reference of references) {
      const entry = this.get(reference);
      if (!byFile.has(entry.loaded.file)) byFile.set(entry.loaded.file, entry);
    }
    const packs = [...byFile.values()];
    const inherited = new Set(packs.flatMap(({ loaded }) => loaded.inherits));
    return packs.filter(({ loaded }) => !inherited.has(loaded.pack.metadata.name));
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
