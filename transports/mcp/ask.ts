import { z } from 'zod';
import type { AnswerPlan } from '../../core/nlq/answer-plan-schema.js';
import type { IntentSet } from '../../core/nlq/intent-pack.js';
import type { PtpTool, ToolContext } from './tool.js';

export interface Answer {
  plan: AnswerPlan;
  /** The structured result of the tool the question called, when it called one. */
  result: unknown;
  /** The value asked, in sentences the intent's `answer` makes from the result (value, source, time). */
  answer: string[];
  /** The answer in words: the value asked first, then where it comes from. */
  summary: string;
  /** The tool's own summary when the answer states the value (a client may show both). */
  details: string;
}

/**
 * The plan for a question on a source: node and interface names and the end of the data come from the
 * source, so "worker2" is worker-2 and "the last 30 minutes" counts back from the data.
 */
export async function planQuestion(
  question: string,
  source: string,
  context: ToolContext,
  intents: IntentSet,
): Promise<{ plan: AnswerPlan; end: string | undefined }> {
  const snapshot = await context.cache.snapshot({ source }).catch(() => undefined);
  const wall = snapshot?.meta.dataRange.last?.wall;
  const { answerPlan } = await import('../../core/nlq/answer-plan.js');
  const plan = answerPlan(question, intents, {
    knownNodes: snapshot?.nodes.map((n) => n.name),
    knownInterfaces: snapshot?.nodes.flatMap((n) => n.nics.map((nic) => nic.iface)),
    now: wall === undefined ? undefined : new Date(wall),
  });
  return { plan, end: wall === undefined ? undefined : new Date(wall).toISOString() };
}

/**
 * Answers a question: the intents pack picks the tool and its arguments, the tool runs, and the intent's
 * `answer` states the value asked from the tool's result. Without an intent, or a required slot, the
 * answer says what it can do or what it needs.
 */
export async function ask(
  question: string,
  source: string,
  context: ToolContext,
  tools: readonly PtpTool[],
  intents: IntentSet,
): Promise<Answer> {
  const { plan, end } = await planQuestion(question, source, context, intents);
  const unanswered = (summary: string): Answer => ({ plan, result: null, answer: [], details: '', summary });
  if (plan.outOfScope) {
    return unanswered(
      `ptp-mcp only reads PTP state; it changes nothing. It can answer, e.g.: ${plan.suggestions.join(' / ')}`,
    );
  }
  if (!plan.intent) {
    return unanswered(
      `I did not understand the question. Try: ${plan.suggestions.join(' / ') || 'is the cluster healthy?'}`,
    );
  }
  if (!plan.call || plan.missing.length > 0) {
    return unanswered(
      `${plan.description ?? plan.intent}: tell me the ${plan.missing.join(' and ')}${plan.needs.length ? ` and give the ${plan.needs.join(', ')}` : ''}`,
    );
  }
  if (plan.needs.length > 0) {
    return unanswered(
      `${plan.description}: call ${plan.call.tool} with ${plan.needs.join(', ')} (only the conversation holds it)`,
    );
  }
  const tool = tools.find((t) => t.name === plan.call!.tool);
  if (!tool)
    return unanswered(`the intent ${plan.intent} names ${plan.call.tool}, which this server does not have`);
  const args = z.object(tool.input).parse({ source, ...plan.call.arguments });
  const { result, summary } = await tool.run(args as never, context);
  const spec = intents.intents.find((intent) => intent.id === plan.intent)?.answer;
  const { answerSentences } = await import('../../core/nlq/answer-text.js');
  const answer = spec ? answerSentences(spec, result, { end, slots: plan.slots }) : [];
  if (answer.length === 0)
    return { plan, result, answer, details: '', summary: `${plan.description} (${tool.name}):\n${summary}` };
  // The value asked comes first; then where it comes from (the whole result is the structured answer).
  const origin = `${tool.name}: ${plan.description}${end ? `; data to ${end}` : ''}`;
  return { plan, result, answer, details: summary, summary: `${answer.join('\n')}\n(${origin})` };
}
