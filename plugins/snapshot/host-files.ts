import { join } from 'node:path';
import { FileReadError } from '../../core/io/regular-file.js';
import { HostRecord } from '../../core/model/host-record.js';
import { MAX_USER_YAML_VALUES, parseYamlDocuments } from '../../core/parsers/yaml-documents.js';
import { mergedLogStream } from '../../core/sources/merged-log.js';
import type { RawNode, TextStream } from '../../core/sources/raw-cluster.js';
import type { FolderFiles } from './folder-files.js';

export const HOST_FILE = 'host.yaml';
const MAX_HOST_FILE_BYTES = 1024 * 1024;

/**
 * A plain host's node folder (docs/snapshot-format.md, "Plain hosts"): its host.yaml, and its logs (those
 * host.yaml lists, else every file of logs/) merged in time order as the live source merges them. `read`
 * turns a file that cannot be read (a FileReadError) into a warning of the node; the rest loads.
 */
export async function readHostNode(
  files: FolderFiles,
  dir: string,
  node: RawNode,
  read: <T>(what: Promise<T>) => Promise<T | undefined>,
): Promise<void> {
  const hostFile = join(dir, HOST_FILE);
  const text = await read(files.text(hostFile, MAX_HOST_FILE_BYTES));
  if (text === undefined) return;
  const record = await read(Promise.resolve().then(() => parseHostRecord(text, files.name(hostFile))));
  if (record === undefined) return;
  const names =
    record.logs.length > 0
      ? record.logs.map((log) => log.file)
      : ((await read(files.list(join(dir, 'logs')))) ?? []);
  const logs: { file: string; stream: TextStream }[] = [];
  for (const file of names) {
    const path = join(dir, 'logs', file);
    const stream = await read(
      files.log(path).then((found) => {
        if (found) return found;
        throw new FileReadError(files.name(path), `is missing (${HOST_FILE} lists it)`);
      }),
    );
    if (stream) logs.push({ file, stream });
  }
  node.host = { record, logs };
  const clock = record.clock;
  if (logs.length > 0)
    node.logs.daemon = mergedLogStream(
      logs.map((log) => log.stream.name).join(' + '),
      logs.map((log) => log.stream),
      clock && { mono: clock.monotonic, wallMs: Date.parse(clock.realtime) },
    );
}

function parseHostRecord(text: string, name: string): HostRecord {
  const { documents, problems } = parseYamlDocuments(text, MAX_USER_YAML_VALUES);
  const problem = problems[0];
  if (problem) throw new FileReadError(name, `line ${problem.line}: not YAML: ${problem.message}`);
  const result = HostRecord.safeParse(documents[0]?.value);
  if (!result.success || documents.length !== 1) {
    const issue = result.error?.issues[0];
    throw new FileReadError(
      name,
      `not a LinuxptpHost record${issue ? `: ${issue.path.join('.') || 'the file'}: ${issue.message}` : ''}`,
    );
  }
  return result.data;
}
