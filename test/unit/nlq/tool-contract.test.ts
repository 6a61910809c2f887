import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerPlan } from '../../../core/nlq/answer-plan.js';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import { TOOLS } from '../../../transports/mcp/tools.js';
import { QUESTIONS } from './operator-questions.js';

const intents = loadIntents([], { tools: TOOLS.map((tool) => tool.name) });
const toolNamed = (name: string) => TOOLS.find((tool) => tool.name === name)!;
const optional = (schema: z.ZodType) => schema.safeParse(undefined).success;

describe('the built-in intents call the MCP tools as they are', () => {
  it.each(intents.intents.map((intent) => [intent.id, intent] as const))(
    '%s: its arguments are the tool’s, its required inputs are always given',
    (_, intent) => {
      const input = toolNamed(intent.tool).input as Record<string, z.ZodType>;
      const given = [...Object.keys(intent.arguments), ...intent.needs];
      expect(given.filter((name) => !(name in input))).toEqual([]);
      const required = Object.keys(input).filter((name) => !optional(input[name]!));
      const always = given.filter((name) => {
        const template = intent.arguments[name];
        const slots = JSON.stringify(template ?? '').match(/\{\{\s*(\w+)\s*\}\}/g) ?? [];
        return slots.every((slot) => intent.slots.required.includes(slot.replace(/[{}\s]/g, '') as never));
      });
      expect(required.filter((name) => !always.includes(name))).toEqual([]);
    },
  );

  const asked = [...QUESTIONS.map(([question]) => question), ...intents.intents.flatMap((i) => i.examples)];

  it.each(asked)('%s: the call is valid input of its tool', (question) => {
    const plan = answerPlan(question, intents, { now: new Date('2025-03-04T10:15:00Z') });
    if (!plan.call) {
      expect(plan.missing.length).toBeGreaterThan(0);
      return;
    }
    const supplied = Object.fromEntries(plan.needs.map((name) => [name, 'from the conversation']));
    const input = z.strictObject(toolNamed(plan.call.tool).input);
    const parsed = input.safeParse({ ...plan.call.arguments, ...supplied });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});
