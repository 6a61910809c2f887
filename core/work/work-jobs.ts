import type { LintResult } from '../lint/lint-run.js';
import type { Diagnosis } from '../model/diagnosis.js';
import type { LogExcerpt } from '../model/log-excerpt.js';
import { PackError } from '../rules/pack-error.js';
import type { DiagnoseRequest } from '../service.js';
import { SourceError } from '../sources/source-error.js';
import type { PortableLogSearch } from './portable-log-search.js';

/**
 * The server's settings a thread's service needs to read a source as the server's own would (the rest:
 * snapshot roots, packs dirs, are checked on the server's thread before a call gets here).
 */
export interface WorkSettings {
  /** serve --partial: snapshot folders without a valid, complete snapshot.yaml are read, marked partial. */
  partialSnapshots?: boolean;
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
  /** A diagnosis of a recorded source (the demo, a scenario, a snapshot folder). */
  diagnose: { input: { request: DiagnoseRequest; settings: WorkSettings }; output: Diagnosis };
  /** A search of a recorded source's log (seconds over hundreds of MB). */
  searchLogs: { input: { request: PortableLogSearch; settings: WorkSettings }; output: LogExcerpt };
}

export type WorkKind = keyof WorkJobs;

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
