import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'yaml';
import type { SnapshotStatus, SourceWarning } from '../model/snapshot-manifest.js';
import type { RawCluster, RawNode, TextStream } from '../sources/raw-cluster.js';
import { moveIntoPlace, recordingFolder } from './recording-folder.js';

const FILES_BY_KIND: Record<string, string> = {
  Node: 'nodes.yaml',
  PtpConfig: 'ptpconfigs.yaml',
  PtpOperatorConfig: 'ptpoperatorconfigs.yaml',
  NodePtpDevice: 'nodeptpdevices.yaml',
  HardwareConfig: 'hardwareconfigs.yaml',
  Pod: 'pods.yaml',
  Event: 'events.yaml',
};

const RFC3339_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;

export interface WriteOptions {
  /** Replace a snapshot already at the target (`--force`); any other existing content is never replaced. */
  replace?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface WrittenSnapshot {
  recordedAt: string | null;
  files: number;
  /** Complete, or what could not be read (the source's warnings, logs cut short), as snapshot.yaml says. */
  status: SnapshotStatus;
}

/**
 * Writes what a source returned as a snapshot folder (docs/snapshot-format.md), logs streamed to disk
 * without being held. It is written beside the target and renamed into place once snapshot.yaml, written
 * last, says whether it is complete: a recording that could not read everything keeps what it read, marked
 * incomplete (an hour of logs is not thrown away for one refused exec), and replays only with --partial.
 * `recordedAt` is the newest time the logs carry: when the data ends, not when the machine that wrote it
 * thought it was.
 */
export async function writeSnapshot(
  raw: RawCluster,
  out: string,
  options: WriteOptions = {},
): Promise<WrittenSnapshot> {
  const temp = await recordingFolder(out);
  try {
    const written = await writeFolder(raw, temp, options.onProgress);
    await moveIntoPlace(temp, out, options.replace ?? false);
    return written;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

async function writeFolder(
  raw: RawCluster,
  out: string,
  onProgress?: (done: number, total: number) => void,
): Promise<WrittenSnapshot> {
  let files = 0;
  const write = async (path: string, text: string) => {
    await mkdir(join(out, path, '..'), { recursive: true });
    await writeFile(join(out, path), text);
    files++;
  };
  const byKind = new Map<string, unknown[]>();
  for (const { object } of raw.objects) {
    const kind = (object as { kind?: string }).kind ?? '';
    if (FILES_BY_KIND[kind]) byKind.set(kind, [...(byKind.get(kind) ?? []), object]);
  }
  for (const [kind, items] of byKind) {
    await write(join('cluster', FILES_BY_KIND[kind]!), stringify({ apiVersion: 'v1', kind: 'List', items }));
  }
  // What the recording lacks: what the source could not read, and what broke off while it was copied.
  const missing: SourceWarning[] = [...(raw.manifest.status?.missing ?? []), ...raw.warnings];
  let newest: number | null = null;
  for (const [index, node] of raw.nodes.entries()) {
    const dir = join('nodes', node.name);
    // A plain host's logs are kept one by one (replay merges them again); a daemon's as its one log.
    const logs: [TextStream | undefined, string][] = node.host
      ? node.host.logs.map(({ file, stream }) => [stream, file])
      : [
          [node.logs.daemon, 'linuxptp-daemon-container.log'],
          [node.logs.proxy, 'cloud-event-proxy.log'],
        ];
    for (const [stream, file] of logs) {
      if (!stream) continue;
      await mkdir(join(out, dir, 'logs'), { recursive: true });
      files++;
      try {
        const last = await streamToFile(stream, join(out, dir, 'logs', file));
        if (last !== null && (newest === null || last > newest)) newest = last;
      } catch (error) {
        missing.push({
          source: join(dir, 'logs', file),
          message: `cut short, what came before is kept: ${(error as Error).message}`,
        });
      }
    }
    await writeNodeFiles(node, dir, write);
    if (node.host) {
      await write(join(dir, 'host.yaml'), stringify(node.host.record));
      // ptp4l -m lines have no dates: the host's clock read at collection is when its data ends.
      const clock = node.host.record.clock && Date.parse(node.host.record.clock.realtime);
      if (clock !== undefined && (newest === null || clock > newest)) newest = clock;
    }
    onProgress?.(index + 1, raw.nodes.length);
  }
  const recordedAt = newest === null ? null : new Date(newest).toISOString();
  const status: SnapshotStatus =
    raw.manifest.status?.complete === false || missing.length > 0
      ? { complete: false, missing }
      : { complete: true, missing: [] };
  const manifest = {
    ...raw.manifest,
    spec: { ...raw.manifest.spec, source: 'recorded', ...(recordedAt ? { recordedAt } : {}) },
    status: status.complete ? { complete: true } : status,
  };
  await write('snapshot.yaml', stringify(manifest));
  return { recordedAt, files, status };
}

async function writeNodeFiles(
  node: RawNode,
  dir: string,
  write: (path: string, text: string) => Promise<void>,
) {
  const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);
  if (node.metrics) await write(join(dir, 'metrics.prom'), node.metrics.text);
  if (node.cloudEvents) await write(join(dir, 'cloud-events.jsonl'), node.cloudEvents.text);
  for (const config of node.configs) await write(join(dir, 'configs', base(config.name)), config.text);
  for (const pmc of node.pmc) await write(join(dir, 'pmc', `${pmc.configFile}.txt`), pmc.text);
  for (const entry of node.ethtool) {
    if (entry.driverInfo) await write(join(dir, 'ethtool', `${entry.iface}.i.txt`), entry.driverInfo.text);
    if (entry.timestamping)
      await write(join(dir, 'ethtool', `${entry.iface}.T.txt`), entry.timestamping.text);
  }
}

/** Copies a stream to a file and returns the time of its last RFC3339-prefixed line (epoch ms). */
async function streamToFile(stream: TextStream, path: string): Promise<number | null> {
  let tail = '';
  let last: number | null = null;
  const source = stream.open();
  async function* watch() {
    for await (const chunk of source) {
      tail = (tail + Buffer.from(chunk).toString('latin1')).slice(-4096);
      const lines = tail.split('\n');
      for (let i = lines.length - 1; i >= 0; i--) {
        const prefix = RFC3339_PREFIX.exec(lines[i]!);
        if (prefix) {
          last = Date.parse(prefix[1]!);
          break;
        }
      }
      yield chunk;
    }
  }
  await pipeline(watch, createWriteStream(path));
  return last;
}
