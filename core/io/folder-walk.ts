import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { nonRegularKind } from './regular-file.js';

export interface FolderWalk {
  /** The regular files (or links to regular files) whose names were wanted, in name order. */
  files: string[];
  /** Entries with a wanted name passed over, and why: FIFOs, devices, sockets, links to folders or to nothing. */
  warnings: { source: string; message: string }[];
}

export interface WalkOptions {
  /** Whether a file of this name is read. */
  wanted: (name: string) => boolean;
  /** Whether an entry of this name is left out, folder or file, without a word (`.git`, `node_modules`). */
  ignored?: (name: string) => boolean;
}

/**
 * The files of a folder and its subfolders that can be read safely. Links to files are followed (a
 * ConfigMap mounted in a pod links every key to `..data/`) and what they reach is checked; links to
 * folders are not followed, so a walk cannot loop or wander out of the tree it was given. A FIFO, device
 * or socket is a warning naming it, never opened.
 */
export async function walkFolder(dir: string, options: WalkOptions): Promise<FolderWalk> {
  const walk: FolderWalk = { files: [], warnings: [] };
  await visit(dir, options, walk);
  return walk;
}

async function visit(dir: string, options: WalkOptions, walk: FolderWalk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    walk.warnings.push({ source: dir, message: `cannot list this folder (${code}): not read` });
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (options.ignored?.(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      await visit(full, options, walk);
      continue;
    }
    const warn = (message: string) => walk.warnings.push({ source: full, message });
    if (entry.isSymbolicLink()) {
      const target = await stat(full).catch(() => undefined);
      if (target?.isDirectory()) warn('a link to a folder: not followed (name the folder itself to read it)');
      else if (options.wanted(entry.name)) {
        const kind = target && nonRegularKind(target);
        if (!target) warn('a link to nothing (or to a place that cannot be reached): not read');
        else if (kind) warn(`a link to ${kind}, not a regular file: not read`);
        else walk.files.push(full);
      }
      continue;
    }
    if (!options.wanted(entry.name)) continue;
    const kind = nonRegularKind(entry);
    if (kind) warn(`is ${kind}, not a regular file: not read`);
    else walk.files.push(full);
  }
}
