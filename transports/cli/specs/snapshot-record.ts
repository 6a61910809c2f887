import { command, NODE, PARTIAL, SOURCE, USAGE_ERROR } from './common.js';

export const SNAPSHOT_RECORD = command({
  name: 'snapshot record',
  summary: 'record a live cluster (a PTP must-gather) into a snapshot folder',
  maxArgs: 0,
  reads: ['cluster', 'host'],
  options: {
    out: {
      type: 'string',
      value: 'DIR',
      complete: 'folder',
      description: 'the folder to record into (required)',
    },
    source: {
      ...SOURCE,
      description: 'what to record (default cluster)',
    },
    node: NODE,
    since: { type: 'string', value: 'DURATION', description: 'logs of the last DURATION only (such as 1h)' },
    'tail-lines': { type: 'string', value: 'N', description: 'at most the last N lines of each log' },
    force: {
      type: 'boolean',
      description: 'replace a snapshot already in DIR (never a folder holding anything else)',
    },
    merge: {
      type: 'boolean',
      description: 'add the recorded node(s) to the snapshot in DIR (a node of the same name is replaced)',
    },
    partial: { ...PARTIAL, description: 'record from a dir: snapshot that is not whole' },
  },
  notes: [
    'What could not be read is listed in DIR/snapshot.yaml, which then marks the recording incomplete;\nreplay it with --source dir:DIR --partial.',
  ],
  examples: [
    'ptp-mcp snapshot record --out ./site-a --since 1h',
    'ptp-mcp snapshot record --out ./lab --source host --log /var/log/ptp4l.log',
  ],
  exitCodes: {
    0: 'recorded, whole',
    2: `the recording is incomplete (what was read is in DIR, marked so), or DIR is refused; ${USAGE_ERROR}`,
  },
});
