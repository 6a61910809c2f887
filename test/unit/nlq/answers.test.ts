import { describe, expect, it } from 'vitest';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import { createService } from '../../../transports/composition-root.js';
import { ask } from '../../../transports/mcp/ask.js';
import { ToolInputError } from '../../../transports/mcp/tool.js';
import { toolContext } from '../../../transports/mcp/tool-context.js';
import { TOOLS } from '../../../transports/mcp/tools.js';

const intents = loadIntents();
const context = toolContext({ service: async () => createService(), defaultSource: 'demo' });
const examples = intents.intents.flatMap((intent) =>
  intent.examples.map((example) => [intent.id, example, intent.answer !== undefined] as const),
);

describe('every intent states the value asked first, on the demo', () => {
  it('every intent that calls a tool on the data has an answer', () => {
    const without = intents.intents.filter((intent) => !intent.answer && intent.needs.length === 0);
    expect(without.map((intent) => intent.id)).toEqual([]);
  });

  it.each(examples)('%s: %s', async (_, question, hasAnswer) => {
    let answer: Awaited<ReturnType<typeof ask>>;
    try {
      answer = await ask(question, 'demo', context, TOOLS, intents);
    } catch (error) {
      // An example naming what the demo does not have (worker-4, eno1, a rule) is refused by its tool,
      // and the fleet's health needs kubeconfig contexts, which a test machine has none of.
      expect(error).toBeInstanceOf(ToolInputError);
      expect((error as Error).message).toMatch(
        /^no (node|interface|built-in rule) "[^"]+"|^the kubeconfig of this server has no context$/,
      );
      return;
    }
    if (answer.result === null) return;
    expect(hasAnswer).toBe(true);
    expect(answer.answer.length).toBeGreaterThan(0);
    // The value first: the text opens with the answer's sentences, then says where they come from.
    expect(answer.summary.startsWith(`${answer.answer.join('\n')}\n(${answer.plan.call!.tool}: `)).toBe(true);
    expect(answer.summary).toContain('data to 2026-11-20T08:04:59.999Z');
    // No structure left unsaid.
    expect(answer.answer.join('\n')).not.toMatch(/\[object Object\]|undefined|NaN/);
  });
});
