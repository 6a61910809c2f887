import { z } from 'zod';
import type { AnswerPlan } from '../../core/nlq/answer-plan-schema.js';
import type { IntentSet } from '../../core/nlq/intent-pack.js';
import type { PtpTool, ToolContext } from './tool.js';

export interface Answer {
  plan: AnswerPlan;
  /** The structured result of the tool the question called, when it called one. */
  result: unknown;
  summary: string;
}

/**
 * Answers a question: the intents pack picks the tool and its arguments (node names and the end of the
 * data come from the source, so "the last 30 minutes" counts back from the data), and the tool runs.
 * Without an intent, or a required slot, the answer says what it can do or what it needs.
 */
export async function ask(
  question: string,
  source: string,
  context: ToolContext,
  tools: readonly PtpTool[],
  intents: IntentSet,
): Promise<Answer> {
  const snapshot = await context.cache.snapshot({ source }).catch(() => undefined);
  const end = snapshot?.meta.dataRange.last?.wall;
  const { answerPlan } = await import('../../core/nlq/answer-plan.js');
  const plan = answerPlan(question, intents, {
    knownNodes: snapshot?.nodes.map((n) => n.name),
    knownInterfaces: snapshot?.nodes.flatMap((n) => n.nics.map((nic) => nic.iface)),
    now: end === undefined ? undefined : new Date(end),
  });
  if (plan.outOfScope) {
    return {
      plan,
      result: null,
      summary: `ptp-mcp only reads PTP state; it changes nothing. It can answer, e.g.: ${plan.suggestions.join(' / ')}`,
    };
  }
  if (!plan.intent)
    return {
      plan,
      result: null,
      summary: `I did not understand the question. Try: ${plan.suggestions.join(' / ') || 'is the cluster healthy?'}`,
    };
  if (!plan.call || plan.missing.length > 0) {
    return {
      plan,
      result: null,
      summary: `${plan.description ?? plan.intent}: tell me the ${plan.missing.join(' and ')}${plan.needs.length ? ` and give the ${plan.needs.join(', ')}` : ''}`,
    };
  }
  if (plan.needs.length > 0) {
    return {
      plan,
      result: null,
      summary: `${plan.description}: call ${plan.call.tool} with ${plan.needs.join(', ')} (only the conversation holds it)`,
    };
  }
  const tool = tools.find((t) => t.name === plan.call!.tool);
  if (!tool)
    return {
      plan,
      result: null,
      summary: `the intent ${plan.intent} names ${plan.call.tool}, which this server does not have`,
    };
  const args = z.object(tool.input).parse({ source, ...plan.call.arguments });
  const { result, summary } = await tool.run(args as never, context);
  return { plan, result, summary: `${plan.description} (${tool.name}):\n${summary}` };
}
