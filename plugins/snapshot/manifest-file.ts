import { FileReadError } from '../../core/io/regular-file.js';
import { SnapshotManifest } from '../../core/model/snapshot-manifest.js';
import { MAX_USER_YAML_VALUES, parseYamlDocuments } from '../../core/parsers/yaml-documents.js';
import type { FolderFiles } from './folder-files.js';

export const MANIFEST_FILE = 'snapshot.yaml';
const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * A snapshot's `snapshot.yaml`, or what is wrong with it: absent, unreadable, not YAML, not a ptp-mcp/v1
 * Snapshot, or marked incomplete by the recording that wrote it. Any of these means the folder cannot be
 * taken for a whole snapshot (docs/snapshot-format.md); the caller refuses it or reads it as partial.
 */
export async function readManifestFile(
  files: FolderFiles,
): Promise<
  { manifest: SnapshotManifest; problem?: undefined } | { manifest?: SnapshotManifest; problem: string }
> {
  let text: string | undefined;
  try {
    text = await files.text(MANIFEST_FILE, MAX_MANIFEST_BYTES);
  } catch (error) {
    if (error instanceof FileReadError) return { problem: error.reason };
    throw error;
  }
  if (text === undefined) return { problem: 'is missing (every snapshot folder has one)' };
  // The shared parser bounds depth, aliases and size: a hostile manifest is a problem, never a crash.
  const { documents, problems } = parseYamlDocuments(text, MAX_USER_YAML_VALUES);
  const problem = problems[0];
  if (problem) return { problem: `line ${problem.line}: not YAML: ${problem.message}` };
  if (documents.length !== 1)
    return { problem: `holds ${documents.length} YAML documents: one Snapshot manifest expected` };
  const parsed = documents[0]!.value;
  const result = SnapshotManifest.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return {
      problem: `not a ptp-mcp/v1 Snapshot manifest: ${issue.path.join('.') || 'the file'}: ${issue.message}`,
    };
  }
  const manifest = result.data;
  if (manifest.status?.complete === false) {
    const missing = manifest.status.missing;
    const first = missing[0];
    return {
      manifest,
      problem: `marks the recording incomplete (status.complete: false)${
        first
          ? `: ${missing.length} part(s) could not be recorded, first ${first.source}: ${first.message}`
          : ''
      }`,
    };
  }
  return { manifest };
}
