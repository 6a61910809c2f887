import type { LintResult } from '../lint/lint-run.js';
import type { Diagnosis } from '../model/diagnosis.js';
import type { LogExcerpt } from '../model/log-excerpt.js';
import { SampleSeries } from '../model/sample-series.js';
import type { Snapshot } from '../model/snapshot.js';
import type { PluginModules } from '../plugins/plugin-modules.js';
import { PackError } from '../rules/pack-error.js';
import type { DiagnoseRequest, SnapshotRequest } from '../service.js';
import { SourceError } from '../sources/source-error.js';
import type { PortableLogSearch } from './portable-log-search.js';

/**
 * The server's settings a thread's service needs to read a source as the server's own would (the rest:
 * snapshot roots, packs dirs, are checked on the server's thread before a call gets here). Plain data:
 * it crosses to the thread with each job.
 */
export interface WorkSettings {
  /**
   * What the server's service was composed with, as plain data (transports/composition-root.ts
   * `PlainComposition`: how to reach a cluster, what `--source host` reads, serve --partial). The core
   * does not look into it: the plugins' settings are theirs, and the thread hands it back to the
   * composition root (work-worker.ts).
   */
  composition: Readonly<Record<string, unknown>>;
  /**
   * The config's plugins, as the config names them: a thread loads them too, so that their sources,
   * operators, packs and NIC profiles serve its readings as they serve the server's own.
   */
  plugins?: PluginModules;
}

/**
 * A reading as it crosses to a thread: the request, the server's settings, and the O-RAN events the
 * server's consumer holds at that moment by node (one JSON per line), which a live snapshot includes.
 */
export interface WorkReading<R> {
  request: R;
  settings: WorkSettings;
  cloudEvents?: Record<string, string>;
}

/** What a work thread is asked: the CPU-heavy calls of a server, each a pure function of its input. */
export interface WorkJobs {
  /** A configuration's lint (lintText): seconds to minutes on a few MB. */
  lint: {
    input: {
      text: string;
      name: string;
      kind: 'ptpconfig' | 'linuxptp';
      request: { packs?: string[]; linuxptpVersion?: string };
    };
    output: LintResult;
  };
  /** A diagnosis of any built-in source: recorded, a live cluster, this host. */
  diagnose: { input: WorkReading<DiagnoseRequest>; output: Diagnosis };
  /** A snapshot of any built-in source (the tools that show one part of it). */
  snapshot: { input: WorkReading<SnapshotRequest>; output: Snapshot };
  /** A search of a source's log (seconds over hundreds of MB). */
  searchLogs: { input: WorkReading<PortableLogSearch>; output: LogExcerpt };
}

export type WorkKind = keyof WorkJobs;

/** A snapshot back from a thread: structured cloning keeps a series' fields, not its class. */
export function receivedSnapshot(snapshot: Snapshot): Snapshot {
  for (const node of snapshot.nodes)
    for (const series of node.series.values()) Object.setPrototypeOf(series, SampleSeries.prototype);
  return snapshot;
}

/** An error as it crosses threads: its class by name, and what the user-facing ones carry. */
export interface WorkError {
  name: string;
  message: string;
  pack?: { file: string; line?: number; column?: number; detail: string; unreadable: boolean };
}

export function workError(error: unknown): WorkError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e.name,
    message: e.message,
    pack:
      e instanceof PackError
        ? { file: e.file, line: e.line, column: e.column, detail: e.detail, unreadable: e.unreadable }
        : undefined,
  };
}

/** The error again on this side, of its class when callers tell it apart (user errors become isError). */
export function rebuiltError(error: WorkError): Error {
  if (error.pack) {
    const { file, line, column, detail, unreadable } = error.pack;
    return new PackError(file, line, column, detail, unreadable);
  }
  if (error.name === 'SourceError') return new SourceError(error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
