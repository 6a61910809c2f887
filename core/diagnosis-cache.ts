import type { Diagnosis } from './model/diagnosis.js';
import type { Snapshot } from './model/snapshot.js';
import type { DiagnoseRequest, PtpService, SnapshotRequest } from './service.js';

/**
 * Diagnoses and snapshots kept for a few seconds, by request: an agent asks several tools about the
 * same moment, and a live cluster should not be read again for each. The TTL is wall-clock time of
 * this process (how fresh a reading is), never a time of the data.
 */
export class DiagnosisCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly service: () => Promise<PtpService>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  diagnose(request: DiagnoseRequest): Promise<Diagnosis> {
    return this.remember(`diagnose ${key(request)}`, async () => (await this.service()).diagnose(request));
  }

  snapshot(request: SnapshotRequest): Promise<Snapshot> {
    return this.remember(`snapshot ${key(request)}`, async () => (await this.service()).snapshot(request));
  }

  /** Forgets everything: the next call reads its source again (a cloud event, a periodic re-evaluation). */
  clear(): void {
    this.entries.clear();
  }

  private remember<T>(name: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    for (const [entryKey, entry] of this.entries)
      if (now - entry.at > this.ttlMs) this.entries.delete(entryKey);
    const cached = this.entries.get(name);
    if (cached) return cached.value as Promise<T>;
    const value = load();
    this.entries.set(name, { at: now, value });
    // A failed reading is not kept: the next call tries again.
    value.catch(() => this.entries.delete(name));
    return value;
  }
}

function key(request: object): string {
  const { onProgress: _progress, ...rest } = request as { onProgress?: unknown };
  // Keys sorted at every level, so the same request is the same key however it was written.
  return JSON.stringify(rest, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
