import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { corpusPath, describeCorpus } from '../corpus.js';
import { runBuiltCli } from './cli-run.js';

/**
 * `logs analyze` holds to grep: on every real daemon log of the corpus, the offsets, servo states, port
 * transitions, grandmaster changes and clock-class changes it counts per process are the lines grep
 * finds with the line formats linuxptp prints (clock.c, port.c, phc2sys.c, ts2phc.c) and the daemon
 * prints (CLOCK_CLASS_CHANGE, linuxptp-daemon pkg/daemon). grep is the oracle: it shares no code with us.
 */

interface ProcessReport {
  name: string;
  configTag: string | null;
  offset: { count: number } | null;
  servo: Record<string, number>;
  portTransitions: unknown[];
  gmChanges: unknown[];
  clockClassChanges: unknown[];
}

/** Lines of `file` matching the extended regular expression, as grep prints them. */
function grepLines(file: string, pattern: string): string[] {
  try {
    return execFileSync('grep', ['-E', pattern, file], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch (error) {
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

/** How many values differ from the one before them (the first one counts). */
const changes = (values: unknown[]) => values.filter((value, i) => i === 0 || values[i - 1] !== value).length;

const ere = (text: string) => text.replace(/[.[\]()*+?^$|\\]/g, '\\$&');

describeCorpus('logs analyze counts what grep counts, on every real daemon log', () => {
  const LOGS = [
    ...['linuxptp-daemon', 'vse-sync-collection-tools', 'cloud-event-proxy'].flatMap((dir) =>
      readdirSync(corpusPath(dir))
        .filter((name) => name.endsWith('.log'))
        .map((name) => `${dir}/${name}`),
    ),
    ...readdirSync(corpusPath('seed-repos/ptp-mcp-server'))
      .filter((name) => name.endsWith('.log'))
      .map((name) => `seed-repos/ptp-mcp-server/${name}`),
  ];

  it('found the logs', () => {
    expect(LOGS.length).toBeGreaterThanOrEqual(5);
  });

  for (const log of LOGS) {
    it(log, () => {
      const file = corpusPath(log);
      const { code, stdout } = runBuiltCli(['logs', 'analyze', file, '--format', 'json']);
      expect(code).toBe(0);
      const processes = (JSON.parse(stdout) as { processes: ProcessReport[] }).processes.filter(
        (p) => p.configTag !== null && ['ptp4l', 'phc2sys', 'ts2phc'].includes(p.name),
      );
      for (const p of processes) {
        // `ptp4l[123.456]: [ptp4l.0.config:5] ` (linuxptp's print prefix with the daemon's tag); the
        // daemon's own CLOCK_CLASS_CHANGE lines have no space after the colon.
        const prefix = `${ere(p.name)}\\[[0-9.]+\\]: ?\\[${ere(p.configTag!)}(:[^]]*)?\\] ?`;
        const offsets = grepLines(file, `${prefix}.*offset +-?[0-9]+ s[0-3] freq`);
        const transitions = grepLines(
          file,
          `${prefix}port [0-9]+( \\([^)]*\\))?: [A-Z_]+ to [A-Z_]+( on |$)`,
        );
        const selections = grepLines(
          file,
          `${prefix}selected (best master clock [0-9a-f.]+|local clock [0-9a-f.]+ as best master)`,
        );
        // A change is a value other than the one before it (a repeated selection or class is no change).
        const identities = selections.map((line) => /clock ([0-9a-f.]+)/.exec(line)![1]);
        const gmChanges = changes(identities);
        const classes = grepLines(file, `${prefix}CLOCK_CLASS_CHANGE [0-9.]+$`).map((line) =>
          Number(/CLOCK_CLASS_CHANGE ([0-9.]+)$/.exec(line)![1]),
        );
        const counted = {
          offsets: p.offset?.count ?? 0,
          s2: p.servo.s2 ?? 0,
          transitions: p.portTransitions.length,
          gmChanges: p.gmChanges.length,
          classChanges: p.clockClassChanges.length,
        };
        expect(counted, `${p.name} ${p.configTag}`).toEqual({
          offsets: offsets.length,
          s2: offsets.filter((line) => / s2 freq/.test(line)).length,
          transitions: transitions.length,
          gmChanges,
          classChanges: changes(classes),
        });
      }
    });
  }
});
