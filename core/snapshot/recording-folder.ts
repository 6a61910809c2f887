import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where a recording cannot go: an existing file, a folder with other things in it. A user error. */
export class RecordingTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordingTargetError';
  }
}

/**
 * Why a recording may not go to a target, or undefined. An empty folder or no folder is fine; an existing
 * snapshot (a folder with snapshot.yaml, whole or not) is replaced only when `replace` says so; any
 * other folder or file never is, so that a mistyped --out cannot wipe a home folder.
 */
export function recordingTargetProblem(out: string, replace: boolean): string | undefined {
  const info = lstatSync(out, { throwIfNoEntry: false });
  if (info === undefined) return undefined;
  if (!info.isDirectory()) return `${out} exists and is not a folder: record into a new folder`;
  const entries = readdirSync(out);
  if (entries.length === 0) return undefined;
  if (!entries.includes('snapshot.yaml'))
    return `${out} is not empty and holds no snapshot (no snapshot.yaml): record into a new folder`;
  if (!replace)
    return `${out} already holds a snapshot: record into a new folder, or replace it with --force`;
  return undefined;
}

/**
 * A folder to record into beside the target (same file system, so the final move is one rename): a
 * reader never sees a recording half written under the target's name.
 */
export async function recordingFolder(out: string): Promise<string> {
  await mkdir(dirname(out), { recursive: true });
  // mkdir, not mkdtemp: the snapshot gets the usual folder mode, not mkdtemp's owner-only one.
  const folder = join(dirname(out), `.${basename(out)}.recording-${randomBytes(6).toString('hex')}`);
  await mkdir(folder);
  return folder;
}

/** Moves a finished recording to its target, replacing an existing snapshot there only when allowed. */
export async function moveIntoPlace(recorded: string, out: string, replace: boolean): Promise<void> {
  // Checked again: the target may have appeared while the cluster was read.
  const problem = recordingTargetProblem(out, replace);
  if (problem) throw new RecordingTargetError(problem);
  if (lstatSync(out, { throwIfNoEntry: false }) === undefined || readdirSync(out).length === 0) {
    // rename(2) replaces an empty folder.
    await rename(recorded, out);
    return;
  }
  const old = `${recorded}.replaced`;
  await rename(out, old);
  await rename(recorded, out);
  await rm(old, { recursive: true, force: true });
}
