import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RecordingTargetError } from '../../../core/snapshot/recording-folder.js';
import { writeSnapshot } from '../../../core/snapshot/write-snapshot.js';
import type { RawCluster } from '../../../core/sources/raw-cluster.js';
import { SourceError } from '../../../core/sources/source-error.js';
import { builtInScenarioSource } from '../../../plugins/snapshot/index.js';
import { createService } from '../../../transports/composition-root.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let outs = 0;
const nextOut = () => join(dir, `out-${++outs}`, 'snapshot');
const gnssLoss = () => builtInScenarioSource.open('scenario:gnss-loss').collect();

/** A raw cluster whose gm-1 daemon log breaks off after its first chunk, as a dropped log stream does. */
async function withLogCutShort(): Promise<RawCluster> {
  const raw = await gnssLoss();
  const gm = raw.nodes.find((n) => n.name === 'gm-1')!;
  const whole = gm.logs.daemon!;
  gm.logs.daemon = {
    name: 'pod/linuxptp-daemon-gm (linuxptp-daemon-container)',
    async *open() {
      for await (const chunk of whole.open()) {
        yield chunk.subarray(0, 100);
        throw new Error('connection reset');
      }
    },
  };
  return raw;
}

/** Files left beside the target: none once a recording is done, whatever became of it. */
const leftovers = (out: string) => readdirSync(join(out, '..')).filter((f) => f.startsWith('.'));

describe('writeSnapshot', () => {
  it('moves a whole recording into place, marked complete, with nothing left beside it', async () => {
    const out = nextOut();
    const written = await writeSnapshot(await gnssLoss(), out);
    expect(written.status).toEqual({ complete: true, missing: [] });
    expect(parse(readFileSync(join(out, 'snapshot.yaml'), 'utf8')).status).toEqual({ complete: true });
    expect(leftovers(out)).toEqual([]);
    const snapshot = await createService().snapshot({ source: `dir:${out}` });
    expect(snapshot.meta.partial).toBeNull();
  });

  it('keeps what was read of a log cut short, marks the recording incomplete, and it replays only as partial', async () => {
    const out = nextOut();
    const written = await writeSnapshot(await withLogCutShort(), out);
    const log = join('nodes', 'gm-1', 'logs', 'linuxptp-daemon-container.log');
    const missing = {
      source: log,
      message: 'cut short, what came before is kept: connection reset',
    };
    expect(written.status).toEqual({ complete: false, missing: [missing] });
    expect(parse(readFileSync(join(out, 'snapshot.yaml'), 'utf8')).status).toEqual({
      complete: false,
      missing: [missing],
    });
    expect(readFileSync(join(out, log)).length).toBeLessThanOrEqual(100);
    expect(existsSync(join(out, 'nodes', 'worker-1', 'logs', 'linuxptp-daemon-container.log'))).toBe(true);
    expect(leftovers(out)).toEqual([]);

    await expect(createService().snapshot({ source: `dir:${out}` })).rejects.toThrow(
      new SourceError(
        `${join(out, 'snapshot.yaml')} marks the recording incomplete (status.complete: false): 1 part(s) could not be recorded, first ${log}: ${missing.message}: not replayed as a whole snapshot; --partial reads what the folder holds, marked partial`,
      ),
    );
    const diagnosis = await createService({ partialSnapshots: true }).diagnose({ source: `dir:${out}` });
    expect(diagnosis.meta.partial).toEqual({ reasons: [`${log}: ${missing.message}`] });
    expect(diagnosis.findings.length).toBeGreaterThan(0);
    for (const finding of diagnosis.findings)
      expect(finding.evidence[0]!.description).toMatch(/^partial data: this finding may be wrong/);
  });

  it("counts the source's warnings as missing parts", async () => {
    const raw = await gnssLoss();
    raw.warnings.push({ source: 'node gm-1', message: 'pmc: exec refused (403 Forbidden)' });
    const written = await writeSnapshot(raw, nextOut());
    expect(written.status).toEqual({
      complete: false,
      missing: [{ source: 'node gm-1', message: 'pmc: exec refused (403 Forbidden)' }],
    });
  });

  it('removes its work folder and leaves the target alone when writing fails', async () => {
    const out = nextOut();
    const raw = await gnssLoss();
    raw.nodes[0]!.name = 'bad\0name';
    await expect(writeSnapshot(raw, out)).rejects.toThrow();
    expect(existsSync(out)).toBe(false);
    expect(leftovers(out)).toEqual([]);
  });

  describe('an existing target', () => {
    it('records into an empty folder', async () => {
      const out = nextOut();
      mkdirSync(out, { recursive: true });
      await writeSnapshot(await gnssLoss(), out);
      expect(existsSync(join(out, 'snapshot.yaml'))).toBe(true);
    });

    it('replaces a snapshot only when told to', async () => {
      const out = nextOut();
      await writeSnapshot(await withLogCutShort(), out);
      await expect(writeSnapshot(await gnssLoss(), out)).rejects.toThrow(
        new RecordingTargetError(
          `${out} already holds a snapshot: record into a new folder, or replace it with --force`,
        ),
      );
      expect(parse(readFileSync(join(out, 'snapshot.yaml'), 'utf8')).status.complete).toBe(false);
      await writeSnapshot(await gnssLoss(), out, { replace: true });
      expect(parse(readFileSync(join(out, 'snapshot.yaml'), 'utf8')).status.complete).toBe(true);
      expect(leftovers(out)).toEqual([]);
    });

    it('never replaces a folder that holds something else, nor a file', async () => {
      const folder = nextOut();
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'notes.txt'), 'mine');
      await expect(writeSnapshot(await gnssLoss(), folder, { replace: true })).rejects.toThrow(
        `${folder} is not empty and holds no snapshot (no snapshot.yaml): record into a new folder`,
      );
      expect(readdirSync(folder)).toEqual(['notes.txt']);
      const file = nextOut();
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, 'x');
      await expect(writeSnapshot(await gnssLoss(), file, { replace: true })).rejects.toThrow(
        `${file} exists and is not a folder: record into a new folder`,
      );
      expect(leftovers(folder)).toEqual([]);
    });
  });
});
