import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCloudEvent, parseCloudEventLines } from '../../../core/parsers/cloud-event.js';
import { corpusPath, describeCorpus, readCorpus } from '../../corpus.js';

const event = (file: string) =>
  parseCloudEvent(JSON.parse(readCorpus('openshift-docs/events-v2', file))).event!;

describeCorpus('cloud events from the O-Cloud Notification API v2 reference', () => {
  it('reads a lock-state CurrentState: notification, offset metric and node', () => {
    expect(event('currentstate_lock-state.json')).toMatchObject({
      kind: 'lock-state',
      node: 'compute-1.example.com',
      state: 'LOCKED',
      metric: 29,
      time: '2023-01-10T02:41:57.094981478Z',
    });
  });

  it('reads the clock class as a metric', () => {
    expect(event('currentstate_clock-class.json')).toMatchObject({
      kind: 'clock-class',
      metric: 165,
      state: null,
    });
  });

  it('accepts the "resource" key of the GNSS example and the wire keys of the sync-state example', () => {
    expect(event('currentstate_gnss-sync-state.json')).toMatchObject({
      kind: 'gnss-sync-status',
      state: 'SYNCHRONIZED',
      metric: 5,
    });
    const syncState = event('currentstate_sync-state.json');
    expect(syncState).toMatchObject({ kind: 'sync-state', state: 'LOCKED', node: 'compute-1.example.com' });
    expect(syncState.values[0]).toMatchObject({ dataType: 'notification', valueType: 'enumeration' });
  });

  it('parses every CurrentState example of the reference', () => {
    const files = readdirSync(corpusPath('openshift-docs/events-v2')).filter((f) =>
      f.startsWith('currentstate_'),
    );
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(event(file).kind).not.toBe('unknown');
  });
});

describe('bad cloud events', () => {
  it('reports what is wrong and where, and keeps the good lines', () => {
    const result = parseCloudEventLines(
      '{"type":"event.sync.ptp-status.ptp-state-change","source":"/x"}\nnot json\n[]\n{"id":"1"}\n',
    );
    expect(result.events).toHaveLength(1);
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(result.errors[2]!.message).toBe('no "type"');
  });
});
