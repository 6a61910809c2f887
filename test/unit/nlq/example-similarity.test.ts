import { describe, expect, it } from 'vitest';
import { answerPlan } from '../../../core/nlq/answer-plan.js';
import { cosines, exampleIndex } from '../../../core/nlq/example-index.js';
import { exampleLikeness } from '../../../core/nlq/example-similarity.js';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import { Intent, type IntentSet } from '../../../core/nlq/intent-pack.js';
import { readQuestion } from '../../../core/nlq/question-reading.js';
import { questionTerms, termReading } from '../../../core/nlq/question-terms.js';

const intent = (id: string, tool: string, keywords: Record<string, number> = { [id]: 1 }) =>
  Intent.parse({ id, description: id, examples: [`${id}?`], keywords, tool });

/** A small set: its examples alone say which tool answers; its intents' keywords hardly do. */
function set(examples: { question: string; tools: string[] }[], weight = 12): IntentSet {
  return {
    intents: [
      intent('holdover', 'analyze_holdover', { holdover: 4 }),
      intent('offsets', 'get_offset_trend', { offset: 3 }),
      intent('offset-now', 'get_offset_trend', { now: 1 }),
      intent('gnss', 'get_gnss_status', { gnss: 4 }),
      intent('health', 'check_ptp_health', { health: 3 }),
    ],
    scoring: { minScore: 3, patternWeight: 4, slotWeight: 0.25, exampleWeight: weight, exampleNeighbours: 2 },
    outOfScope: [],
    synonyms: { freq: 'frequency' },
    exampleSets: [{ file: 'test', nodes: ['bc-1', 'gm-1'], interfaces: [], examples }],
    files: [],
  };
}

const EXAMPLES = [
  { question: 'how far is bc-1 drifting from its master', tools: ['get_offset_trend'] },
  { question: 'how far off is gm-1 from its source', tools: ['get_offset_trend'] },
  { question: 'satellites seen by the receiver of gm-1', tools: ['get_gnss_status'] },
  { question: 'antenna and satellites of gm-1', tools: ['get_gnss_status', 'check_ptp_health'] },
  { question: 'when did bc-1 lose its reference and coast', tools: ['analyze_holdover'] },
];

describe('the example index: TF-IDF vectors of unit length', () => {
  const index = exampleIndex([
    ['holdover', '{node}', 'why'],
    ['offset', '{node}', 'why'],
    ['gnss', 'antenna'],
  ]);

  it('a question with the same terms as an example has cosine 1 with it; one with none, 0', () => {
    const [same, other, none] = cosines(index, ['why', '{node}', 'holdover']);
    expect(same).toBeCloseTo(1, 10);
    expect(other).toBeGreaterThan(0);
    expect(none).toBe(0);
  });

  it('a term few examples have weighs more than one many have', () => {
    // "holdover" is in one example, "why" and {node} in two: sharing the rare one is more alike.
    const [holdover] = cosines(index, ['holdover', 'x']);
    const [why] = cosines(index, ['why', 'x']);
    expect(holdover).toBeGreaterThan(why!);
  });

  it('a word no example has makes a question less like every example', () => {
    const [plain] = cosines(index, ['holdover', '{node}', 'why']);
    const [more] = cosines(index, ['holdover', '{node}', 'why', 'bread']);
    expect(more).toBeLessThan(plain!);
  });
});

describe('the terms of a question, as the keywords read it', () => {
  const builtIn = loadIntents();
  const reading = termReading(
    builtIn.intents.flatMap((i) => Object.keys(i.keywords)),
    builtIn.synonyms,
  );
  const terms = (question: string) => {
    const { extraction } = readQuestion(question, builtIn, { knownNodes: ['bc-1', 'worker-2'] });
    return questionTerms(extraction.masked, extraction.slots, reading);
  };

  it('names found are their slot; synonyms are their words; inflections and typos their keyword', () => {
    expect(terms('why is worker2 in holdvoer?')).toEqual(['why', 'is', '{node}', 'in', 'holdover']);
    expect(terms('freq adj on bc-1')).toEqual(['frequency', 'adjustment', 'on', '{node}']);
    expect(terms('faults on bc-1 in the last 10 minutes')).toEqual(
      expect.arrayContaining(['fault', '{node}', '{window}']),
    );
  });

  it('other words lose their usual ending: restarts and restarted are one term', () => {
    expect(terms('pods restarted')[1]).toBe(terms('pods restarts')[1]);
  });
});

describe('the likeness of a question to the examples of each intent’s tool', () => {
  const small = set(EXAMPLES);
  const likeness = (question: string) => {
    const { extraction } = readQuestion(question, small, { knownNodes: ['bc-1', 'gm-1', 'bc-2'] });
    return Object.fromEntries(small.intents.map((i, k) => [i.id, exampleLikeness(small, extraction)[k]!]));
  };

  it('is by tool: the intents of one tool are alike to the same degree, between 0 and 1', () => {
    const alike = likeness('how far is bc-2 drifting from its master');
    expect(alike.offsets).toBeGreaterThan(0.3);
    expect(alike.offsets).toBeLessThanOrEqual(1);
    expect(alike['offset-now']).toBe(alike.offsets);
    expect(alike.holdover).toBeLessThan(alike.offsets! / 3);
  });

  it('counts an example for the tools that answer it as well (alt)', () => {
    expect(likeness('antenna of gm-1').health).toBeGreaterThan(0);
  });

  it('is 0 for a question of one word or less besides stop words: too little to compare', () => {
    expect(Object.values(likeness('satellites?'))).toEqual([0, 0, 0, 0, 0]);
    expect(likeness('satellites of gm-1').gnss).toBeGreaterThan(0);
  });

  it('routes wording no keyword or pattern has, and counts for nothing with exampleWeight 0', () => {
    expect(answerPlan('when did gm-1 lose its reference?', small, { knownNodes: ['gm-1'] }).call).toEqual({
      tool: 'analyze_holdover',
      arguments: {},
    });
    expect(answerPlan('when did gm-1 lose its reference?', set(EXAMPLES, 0)).intent).toBeUndefined();
  });

  it('chooses among the intents of the tool by their own scores', () => {
    expect(answerPlan('how far is bc-2 drifting from its master now', small).intent).toBe('offset-now');
  });

  it('never puts an intent only the examples lift before one its keywords choose', () => {
    // "holdover" scores 4 by keyword; the question reads like the offsets' examples.
    expect(answerPlan('how far is bc-1 drifting from its master in holdover', small).intent).toBe('holdover');
  });
});

describe('planning with the built-in examples', () => {
  it('reads the examples once per intent set: a question plans in a few milliseconds', () => {
    const builtIn = loadIntents();
    answerPlan('warm up on bc-1', builtIn);
    const start = performance.now();
    for (let i = 0; i < 50; i++) answerPlan(`why is worker-${i} in holdover since 08:00?`, builtIn);
    expect((performance.now() - start) / 50).toBeLessThan(20);
  });
});
