import { describe, expect, it } from 'vitest';
import { answerPlan } from '../../../core/nlq/answer-plan.js';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import { QUESTIONS } from './operator-questions.js';

const intents = loadIntents();

describe('answerPlan: operators’ questions', () => {
  it(`has at least 80 questions (${QUESTIONS.length})`, () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(QUESTIONS)('%s → %s', (question, intent, slots) => {
    const plan = answerPlan(question, intents);
    expect({ intent: plan.intent, slots: plan.slots }).toEqual({ intent, slots });
    expect(plan.suggestions).toEqual([]);
  });
});

describe('answerPlan: node names', () => {
  const knownNodes = ['worker-2', 'du-sno', 'cnfdf22.ptp.lab.example.com', 'master-0.ocp.example.com'];

  it.each([
    ['why is worker2 in holdover?', 'worker-2'],
    ['holdover on WORKER 2', 'worker-2'],
    ['is cnfdf22 locked?', 'cnfdf22.ptp.lab.example.com'],
    ['ptp4l offsets on du-sno for the past 15 min', 'du-sno'],
    ['what state are the ports of master-0 in?', 'master-0.ocp.example.com'],
    // Not in the list: still found by its shape, for the tool to say whether it exists.
    ['why is worker-7 in holdover?', 'worker-7'],
  ])('%s → %s with the cluster’s node names', (question, node) => {
    expect(answerPlan(question, intents, { knownNodes }).slots.node).toBe(node);
  });

  it('an interface the cluster names is found whatever its shape', () => {
    const plan = answerPlan('what role does lan-a have on bc-1?', intents, { knownInterfaces: ['lan-a'] });
    expect(plan).toMatchObject({ intent: 'port-status', slots: { node: 'bc-1', interface: 'lan-a' } });
  });
});

describe('answerPlan: the tool call', () => {
  it('fills the arguments from the slots', () => {
    expect(answerPlan('show me the ptp4l offsets on bc-1 over the last 30 minutes', intents).call).toEqual({
      tool: 'get_offset_trend',
      arguments: { node: 'bc-1', process: 'ptp4l', last: '30m' },
    });
  });

  it('leaves out the arguments whose slot is empty', () => {
    // The clock class from the diagnosis (its pmc answers), which needs no exec: a default server has it.
    expect(answerPlan('what clock class does gm-1 announce?', intents).call).toEqual({
      tool: 'diagnose',
      arguments: { node: 'gm-1' },
    });
    expect(answerPlan('which node is the grandmaster?', intents).call).toEqual({
      tool: 'get_grandmaster_status',
      arguments: {},
    });
  });

  it('turns the quoted command into an argv', () => {
    expect(answerPlan('run the command "ethtool -T ens1f0" on bc-1', intents).call).toEqual({
      tool: 'exec_ptp_command',
      arguments: { node: 'bc-1', command: ['ethtool', '-T', 'ens1f0'] },
    });
  });

  it('any port faults on worker-3 since 08:00: a duration back from the end of the data', () => {
    const plan = answerPlan('any port faults on worker-3 since 08:00?', intents, {
      now: new Date('2025-03-04T10:15:00Z'),
    });
    expect(plan.slots).toEqual({ node: 'worker-3', window: '2h15m', since: '2025-03-04T08:00:00Z' });
    expect(plan.call).toEqual({ tool: 'analyze_ptp_faults', arguments: { node: 'worker-3', last: '2h15m' } });
    // Without the end of the data, the start is reported, and the tool reads all it has.
    expect(answerPlan('any port faults on worker-3 since 08:00?', intents).call).toEqual({
      tool: 'analyze_ptp_faults',
      arguments: { node: 'worker-3' },
    });
  });

  it('asks for a required slot instead of calling without it', () => {
    const plan = answerPlan('explain this rule to me', intents);
    expect(plan).toMatchObject({ intent: 'explain-rule', missing: ['rule'] });
    expect(plan.call).toBeUndefined();
    expect(answerPlan('search the logs on bc-1', intents)).toMatchObject({
      intent: 'search-logs',
      missing: ['text'],
    });
    expect(answerPlan('show me the ptp4l offsets over the last hour', intents)).toMatchObject({
      intent: 'offset-trend',
      missing: ['node'],
    });
  });

  it('names the arguments the caller adds from the conversation', () => {
    expect(answerPlan('check this ptp4l.conf', intents)).toMatchObject({
      intent: 'validate-config',
      call: { tool: 'validate_ptp_config', arguments: {} },
      needs: ['content'],
    });
  });

  it('shows the runners-up with their scores', () => {
    const plan = answerPlan('is the GNSS receiver locked on gm-1?', intents);
    expect(plan.candidates.map((c) => c.intent).slice(0, 2)).toEqual(['gnss-status', 'sync-status']);
    expect(plan.candidates[0]!.score).toBeGreaterThan(plan.candidates[1]!.score);
  });
});

describe('answerPlan: suggestions instead of a wrong answer', () => {
  it.each([
    'restart ptp4l on worker-2',
    'please set the clock class of gm-1 to 6',
    'delete the ptpconfig for bc-1',
    'can you fix the holdover on worker-2?',
  ])('%s: a change, never a tool call', (question) => {
    const plan = answerPlan(question, intents);
    expect(plan.outOfScope).toBe(true);
    expect(plan.intent).toBeUndefined();
    expect(plan.call).toBeUndefined();
    expect(plan.suggestions.length).toBeGreaterThan(0);
    expect(plan.suggestions.length).toBeLessThanOrEqual(3);
  });

  // A node named with words no intent knows is the pack's nodeDefault (the node's diagnosis), below.
  it.each(['what about the clock?', 'interface?', 'ptp', "what's the weather like?"])(
    '%s: too vague to answer, closest examples offered',
    (question) => {
      const plan = answerPlan(question, intents);
      expect(plan.intent).toBeUndefined();
      expect(plan.call).toBeUndefined();
      expect(plan.suggestions.length).toBeGreaterThan(0);
      expect(plan.suggestions.length).toBeLessThanOrEqual(3);
    },
  );

  it.each(['tell me about the timing on worker-2', 'everything you know about bc-1', 'bc-2'])(
    '%s: names a node and nothing else an intent knows: the diagnosis of that node',
    (question) => {
      const plan = answerPlan(question, intents, { knownNodes: ['bc-1', 'bc-2', 'worker-2'] });
      expect(plan.call?.tool).toBe('diagnose');
      expect(plan.call?.arguments).toMatchObject({ node: expect.stringMatching(/^(?:worker-2|bc-1|bc-2)$/) });
    },
  );

  it('suggests the examples of the intents closest to the question', () => {
    expect(answerPlan('can you fix the holdover on worker-2?', intents).suggestions[0]).toBe(
      'why is worker-2 in holdover?',
    );
    expect(answerPlan('what about the clock?', intents).suggestions).toContain('show me the clock hierarchy');
  });

  it.each(["what's the weather in Paris?", 'how do I bake bread?', 'hello'])(
    '%s: unrelated, no intent',
    (question) => {
      expect(answerPlan(question, intents).intent).toBeUndefined();
    },
  );
});
