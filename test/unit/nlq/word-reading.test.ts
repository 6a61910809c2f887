import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerPlan } from '../../../core/nlq/answer-plan.js';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import { isInflection, keywordScore, wordMatches } from '../../../core/nlq/keyword-match.js';
import { findTimeWindow } from '../../../core/nlq/time-window.js';

// How the router reads an operator's words (round 2 of fixtures/nlq): typos, inflections, abbreviations
// and stretches of clock time.
const intents = loadIntents();
const NOW = new Date('2026-11-20T08:04:59.999Z');
const plan = (question: string) =>
  answerPlan(question, intents, { knownNodes: ['gm-1', 'bc-1', 'bc-2'], now: NOW });

describe('typos and inflections', () => {
  it('a letter changed in a short keyword is another word, not a typo; one left out or swapped is a typo', () => {
    expect(wordMatches('shape', 'share')).toBe(false);
    expect(wordMatches('falut', 'fault')).toBe(true);
    expect(wordMatches('faul', 'fault')).toBe(false); // four letters: too short to be read as a typo
    expect(wordMatches('fualt', 'fault')).toBe(true);
  });

  it('four letters: only two neighbouring letters swapped', () => {
    expect(wordMatches('sycn', 'sync')).toBe(true);
    expect(wordMatches('sink', 'sync')).toBe(false);
    expect(plan('sycn state of bc-1').intent).toBe('sync-status');
  });

  it('the singular of a plural keyword is the keyword', () => {
    expect(wordMatches('event', 'events')).toBe(true);
  });

  it('a word the keywords know as written is never read as a typo of another', () => {
    expect(isInflection('contents', 'content')).toBe(true);
    expect(isInflection('holdvoer', 'hold')).toBe(false);
    expect(keywordScore(['contents'], { context: 4 })).toBe(4);
    expect(keywordScore(['contents'], { context: 4 }, new Set(['contents']))).toBe(0);
    expect(plan('contents of ts2phc.0.config on gm-1').call?.tool).toBe('get_runtime_configs');
    expect(plan('holdvoer on bc-2?').intent).toBe('holdover');
  });
});

describe('synonyms of the intents pack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-synonyms-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('read an abbreviation as the keyword words it stands for', () => {
    expect(intents.synonyms.freq).toBe('frequency');
    expect(plan('freq adj trend on bc-1').intent).toBe('frequency-drift');
    expect(plan('rca for bc-2').intent).toBe('diagnose');
  });

  it('a team pack adds its own over the built-in ones', () => {
    const file = join(dir, 'team.yaml');
    writeFileSync(
      file,
      'apiVersion: ptp-mcp/v1\nkind: IntentPack\nmetadata: { name: team }\nspec:\n  synonyms: { hldovr: holdover }\n',
    );
    const set = loadIntents([file]);
    expect(set.synonyms).toMatchObject({ hldovr: 'holdover', freq: 'frequency' });
    expect(answerPlan('hldovr on bc-2', set, { knownNodes: ['bc-2'] }).intent).toBe('holdover');
  });

  it('refuses a synonym that is not one word', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      "apiVersion: ptp-mcp/v1\nkind: IntentPack\nmetadata: { name: bad }\nspec:\n  synonyms: { 'hold over': holdover }\n",
    );
    expect(() => loadIntents([file])).toThrow(/bad\.yaml:5:\d+: spec\.synonyms\.hold over: /);
  });
});

describe('a stretch of clock time', () => {
  it('between two times of day is a start and an end on the day of the data', () => {
    expect(findTimeWindow('log lines between 08:00 and 08:01', NOW)).toMatchObject({
      since: '2026-11-20T08:00:00Z',
      until: '2026-11-20T08:01:00Z',
    });
    expect(findTimeWindow('from 08:00:30 to 08:02 utc')).toMatchObject({
      since: 'T08:00:30Z',
      until: 'T08:02:00Z',
    });
    expect(findTimeWindow('between 08:00 and 25:00')?.until).toBeUndefined();
  });

  it('only search_logs reads it: from and to', () => {
    expect(plan('log lines on bc-1 between 08:00 and 08:01').call).toEqual({
      tool: 'search_logs',
      arguments: { node: 'bc-1', from: '2026-11-20T08:00:00Z', to: '2026-11-20T08:01:00Z' },
    });
    expect(plan('show warnings on bc-1 between 08:00 and 08:01').call).toEqual({
      tool: 'search_logs',
      arguments: { node: 'bc-1', level: 'warning', from: '2026-11-20T08:00:00Z', to: '2026-11-20T08:01:00Z' },
    });
  });
});

describe('logs', () => {
  it('a level or a text asked of the proxy log searches the sidecar', () => {
    expect(plan('errors in the proxy log of bc-1').call).toEqual({
      tool: 'search_logs',
      arguments: { node: 'bc-1', container: 'proxy', level: 'error' },
    });
    expect(plan('show the cloud-event-proxy log on bc-2').call?.tool).toBe('get_proxy_logs');
  });

  it('the word after grep is what is looked for, a node name after it the node', () => {
    expect(plan('grep HOLDOVER bc-2').call).toEqual({
      tool: 'search_logs',
      arguments: { node: 'bc-2', pattern: 'HOLDOVER' },
    });
    expect(plan('grep bc-2 logs for FAULTY').call?.arguments).toEqual({ node: 'bc-2', pattern: 'FAULTY' });
  });

  it('notice is a log level', () => {
    expect(plan('notice level messages on gm-1').call?.arguments).toMatchObject({ level: 'notice' });
  });
});

describe('clock class', () => {
  it('asked now, the event API’s current value; asked plainly, what ptp4l announces', () => {
    expect(plan('what is the clock class of bc-1 right now?').call).toEqual({
      tool: 'get_current_state',
      arguments: { node: 'bc-1', resource: 'clock-class' },
    });
    expect(plan('show me the clock class of bc-1').call?.tool).toBe('diagnose');
  });
});
