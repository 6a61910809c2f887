import type { Diagnosis } from './model/diagnosis.js';
import type { LogExcerpt } from './model/log-excerpt.js';
import type { Snapshot } from './model/snapshot.js';
import type { DiagnoseRequest, PtpService, SnapshotRequest } from './service.js';
import type { CloudEventHistory } from './sources/raw-cluster.js';
import { eventsByNode, readableOffThread } from './work/off-thread.js';
import { compiledLogSearch, type PortableLogSearch } from './work/portable-log-search.js';
import { receivedSnapshot, type WorkReading, type WorkSettings } from './work/work-jobs.js';
import { workThreads } from './work/work-threads.js';

export interface DiagnosisCacheOptions {
  /**
   * How long a reading is reused (wall-clock time of this process, never a time of the data); for as long
   * again it is answered while its successor is computed.
   */
  ttlMs?: number;
  /** How many readings are kept at most; the oldest goes first. */
  maxEntries?: number;
  /** While someone watches, everything is forgotten this often and the watchers are told (0: never). */
  refreshMs?: number;
  /**
   * Diagnoses, snapshots and log searches run on work threads (a server: its event loop stays free),
   * with the server's settings for reading them.
   */
  offThread?: WorkSettings;
  /**
   * The O-RAN events the server's consumer receives: each job off the thread takes what it holds. Each
   * new event must `invalidate` the cache (sharedAnalysis does), which also forgets them as plain data.
   */
  cloudEvents?: CloudEventHistory;
  now?: () => number;
}

/**
 * Diagnoses and snapshots by source, window and filters, shared by every session of a server: an agent
 * asks several tools about the same moment, fifty clients ask the same question, and a live cluster
 * should not be read again for each. Concurrent requests for the same key wait for one computation; a
 * reading lives `ttlMs` at most, and the watch loop (`refreshMs`) or an event (`invalidate`) forgets all.
 */
export class DiagnosisCache {
  private readonly entries = new Map<string, Entry>();
  /** Readings computed, and requests answered by one computed or in progress (a server's metrics). */
  readonly counts = { computed: 0, reused: 0 };
  private readonly watchers = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly refreshMs: number;
  private readonly offThread: WorkSettings | undefined;
  private readonly cloudEvents: CloudEventHistory | undefined;
  /** The events as jobs take them, made once between two invalidations (thousands of lines per node). */
  private heardEvents: Record<string, string> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly service: () => Promise<PtpService>,
    options: DiagnosisCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10_000;
    this.maxEntries = Math.max(1, options.maxEntries ?? 64);
    this.refreshMs = options.refreshMs ?? 0;
    this.offThread = options.offThread;
    this.cloudEvents = options.cloudEvents;
    this.now = options.now ?? Date.now;
  }

  diagnose(request: DiagnoseRequest): Promise<Diagnosis> {
    return this.remember(`diagnose ${key(request)}`, async () =>
      (await this.onThread(request.source))
        ? workThreads().run('diagnose', this.reading(withoutProgress(request)))
        : (await this.service()).diagnose(request),
    );
  }

  /** A log search: not kept (each query differs), but off the event loop as the diagnoses are. */
  async searchLogs(request: PortableLogSearch): Promise<LogExcerpt> {
    return (await this.onThread(request.source))
      ? workThreads().run('searchLogs', this.reading(request))
      : (await this.service()).searchLogs(compiledLogSearch(request));
  }

  snapshot(request: SnapshotRequest): Promise<Snapshot> {
    return this.remember(`snapshot ${key(request)}`, async () =>
      (await this.onThread(request.source))
        ? workThreads()
            .run('snapshot', this.reading(withoutProgress(request)))
            .then(receivedSnapshot)
        : (await this.service()).snapshot(request),
    );
  }

  /** How many readings are kept (finished or in progress). */
  get size(): number {
    return this.entries.size;
  }

  /** Forgets everything (the next call reads its source again) and tells the watchers (a cloud event, the watch loop). */
  invalidate(): void {
    this.entries.clear();
    this.heardEvents = undefined;
    for (const watcher of this.watchers) watcher();
  }

  /**
   * Calls `watcher` after each invalidation; while anyone watches, the watch loop invalidates every
   * `refreshMs`, once for all sessions. Returns the way to stop watching.
   */
  watch(watcher: () => void): () => void {
    this.watchers.add(watcher);
    if (!this.timer && this.refreshMs > 0) {
      this.timer = setInterval(() => this.invalidate(), this.refreshMs);
      this.timer.unref();
    }
    return () => {
      this.watchers.delete(watcher);
      if (this.watchers.size === 0) this.stop();
    };
  }

  /** Stops the watch loop (the server closes). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Whether a reading goes to a work thread: a server's, of a source that declares it can (readableOffThread).
   * A thread's service has the server's plugins (built-in and the config's) and settings, and the O-RAN
   * events cross with each job. From TypeScript sources (tests) there are no threads.
   */
  private async onThread(source: string): Promise<boolean> {
    return this.offThread !== undefined && readableOffThread(await this.service(), source);
  }

  /** A request as a job takes it: with the server's settings and the events its consumer holds now. */
  private reading<R>(request: R): WorkReading<R> {
    this.heardEvents ??= eventsByNode(this.cloudEvents);
    return { request, settings: this.offThread!, cloudEvents: this.heardEvents };
  }

  private remember<T>(name: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    for (const [entryKey, entry] of this.entries) {
      // Oldest first (insertion order): the ones past any use are at the front.
      if (now - entry.at <= 2 * this.ttlMs) break;
      this.entries.delete(entryKey);
    }
    const cached = this.entries.get(name);
    if (
      cached &&
      (now - cached.at <= this.ttlMs || (cached.ready && this.refresh(name, cached, now, load)))
    ) {
      this.counts.reused++;
      return cached.value as Promise<T>;
    }
    this.counts.computed++;
    return this.store(name, now, load()).value as Promise<T>;
  }

  /**
   * An expired reading is still answered while its successor is computed, once for everyone (so that
   * fifty clients never all wait at the end of a TTL); it is never older than twice the TTL.
   */
  private refresh(name: string, stale: Entry, now: number, load: () => Promise<unknown>): true {
    if (stale.refreshing) return true;
    stale.refreshing = true;
    this.counts.computed++;
    const value = load();
    value.then(
      () => {
        // Unless an invalidation came meanwhile: then the fresh reading is another one's.
        if (this.entries.get(name) === stale) this.store(name, now, value);
      },
      () => {
        stale.refreshing = false;
      },
    );
    return true;
  }

  private store(name: string, at: number, value: Promise<unknown>): Entry {
    const entry: Entry = { at, value, ready: false, refreshing: false };
    this.entries.delete(name);
    this.entries.set(name, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failed reading is not kept (the next call tries again); a newer reading of the same key stays.
    value.then(
      () => {
        entry.ready = true;
      },
      () => {
        if (this.entries.get(name) === entry) this.entries.delete(name);
      },
    );
    return entry;
  }
}

interface Entry {
  /** When its computation began (this process's clock). */
  at: number;
  value: Promise<unknown>;
  /** Computed without error: it may be answered while a fresher one is computed. */
  ready: boolean;
  refreshing: boolean;
}

/** A request without its progress callback, which neither keys a reading nor crosses to a thread. */
function withoutProgress<T extends object>(request: T): T {
  const { onProgress: _progress, ...rest } = request as T & { onProgress?: unknown };
  return rest as T;
}

function key(request: object): string {
  const rest = withoutProgress(request);
  // Keys sorted at every level, so the same request is the same key however it was written.
  return JSON.stringify(rest, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
