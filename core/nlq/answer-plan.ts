import { userRegex } from '../rules/user-regex.js';
import type { AnswerPlan } from './answer-plan-schema.js';
import { fillArguments } from './argument-template.js';
import { exampleLikeness } from './example-similarity.js';
import type { Intent, IntentSet } from './intent-pack.js';
import { keywordScore, wordMatches, words } from './keyword-match.js';
import { readQuestion } from './question-reading.js';
import { STOP_WORDS } from './question-tokens.js';
import type { Extraction } from './slot-extractor.js';

export interface PlanOptions {
  /** Node names of the cluster: matched exactly (separators aside), and a short name finds its FQDN. */
  knownNodes?: readonly string[];
  knownInterfaces?: readonly string[];
  /**
   * The end of the data the tools read (their `last` counts back from it): "since 08:00" becomes a
   * duration only with it; without it the plan reports the start (`since`) and the call reads everything.
   */
  now?: Date;
}

const MAX_SUGGESTIONS = 3;

/** The intent a question asks for, its slots and the tool call; deterministic, no I/O. */
export function answerPlan(question: string, set: IntentSet, options: PlanOptions = {}): AnswerPlan {
  const { extraction, scores: rules } = ruleScores(question, set, options);
  // How alike the question is to the examples of each intent's tool adds to its score: wording the
  // patterns and keywords did not foresee still finds the tool whose questions it resembles.
  const weight = set.scoring.exampleWeight;
  const likeness = weight > 0 ? exampleLikeness(set, extraction) : undefined;
  // An intent whose patterns and keywords score enough, and that is no catch-all, comes first: the
  // likeness orders those among themselves, and decides where they do not (nothing scores enough, or only
  // a catch-all); so a likeness alone neither takes "is gm-1 ok?" from the overall health nor overrules
  // what the pack's words say. Chosen by cross-validation (fixtures/nlq/README.md).
  const specific = (entry: { intent: Intent; rule: number }) =>
    !entry.intent.fallback && entry.rule >= set.scoring.minScore ? 1 : 0;
  const ranked = set.intents
    .map((intent, order) => ({
      intent,
      order,
      rule: rules[order]!,
      score: likeness ? round(rules[order]! + weight * likeness[order]!) : rules[order]!,
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => specific(b) - specific(a) || b.score - a.score || a.order - b.order);
  const outOfScope = set.outOfScope.some((pattern) => userRegex(pattern, 'i')?.test(extraction.masked));
  const best = ranked[0];
  const plan = {
    question,
    slots: extraction.slots,
    outOfScope,
    candidates: ranked.slice(0, MAX_SUGGESTIONS).map((entry) => ({
      intent: entry.intent.id,
      score: entry.score,
    })),
  };
  // Where no intent's own words reach minScore, what the likeness alone adds may choose from a lower bar.
  // It never chooses an intent that would have to ask for a slot the question does not fill.
  const likely = (entry: { intent: Intent; score: number; rule: number }) =>
    entry.score - entry.rule >= (set.scoring.likenessMinScore ?? set.scoring.minScore) &&
    entry.intent.slots.required.every((slot) => extraction.slots[slot] !== undefined);
  const chosen =
    best && (best.score >= set.scoring.minScore || likely(best))
      ? best
      : extraction.slots.node !== undefined
        ? nodeDefault(set, ranked)
        : undefined;
  if (!chosen || outOfScope) {
    return {
      ...plan,
      score: best?.score ?? 0,
      missing: [],
      needs: [],
      suggestions: suggestions(extraction, set.intents, ranked),
    };
  }
  const { intent } = chosen;
  const missing = intent.slots.required.filter((slot) => extraction.slots[slot] === undefined);
  return {
    ...plan,
    intent: intent.id,
    description: intent.description,
    score: chosen.score,
    missing,
    needs: intent.needs,
    ...(missing.length === 0
      ? { call: { tool: intent.tool, arguments: fillArguments(intent.arguments, extraction.slots) } }
      : {}),
    suggestions: [],
  };
}

/** The pack's first nodeDefault intent, for a question that names a node and nothing any intent reaches. */
function nodeDefault(
  set: IntentSet,
  ranked: readonly { intent: Intent; score: number }[],
): { intent: Intent; score: number } | undefined {
  const intent = set.intents.find((candidate) => candidate.nodeDefault);
  return intent && { intent, score: ranked.find((entry) => entry.intent === intent)?.score ?? 0 };
}

/** The question's slots and words, and each intent's score from its patterns, keywords and slots. */
export function ruleScores(
  question: string,
  set: IntentSet,
  options: PlanOptions = {},
): { extraction: Extraction; scores: number[] } {
  const { extraction, known } = readQuestion(question, set, options);
  return { extraction, scores: set.intents.map((intent) => score(intent, extraction, known, set.scoring)) };
}

/** A pattern that matches, plus the keywords found; the slots it uses break ties once text has matched. */
function score(
  intent: Intent,
  extraction: Extraction,
  known: ReadonlySet<string>,
  scoring: IntentSet['scoring'],
): number {
  const matched = intent.patterns.some((pattern) => userRegex(pattern, 'i')?.test(extraction.masked));
  const text = (matched ? scoring.patternWeight : 0) + keywordScore(extraction.words, intent.keywords, known);
  if (text === 0) return 0;
  const filled = [...intent.slots.required, ...intent.slots.optional].filter(
    (slot) => extraction.slots[slot] !== undefined,
  ).length;
  return round(text + filled * scoring.slotWeight);
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

/** The closest intents by score, then by the words the question shares with their examples. */
function suggestions(
  extraction: Extraction,
  intents: readonly Intent[],
  ranked: readonly { intent: Intent; score: number }[],
): string[] {
  const asked = extraction.words.filter((word) => !STOP_WORDS.has(word));
  const shared = (example: string) =>
    asked.filter((word) => words(example).some((other) => wordMatches(word, other))).length;
  return intents
    .map((intent, order) => {
      const examples = intent.examples.map((example) => ({ example, shared: shared(example) }));
      const closest = examples.reduce((a, b) => (b.shared > a.shared ? b : a));
      const scored = ranked.find((entry) => entry.intent === intent)?.score ?? 0;
      return { example: closest.example, closeness: scored + closest.shared, order };
    })
    .filter((entry) => entry.closeness > 0)
    .sort((a, b) => b.closeness - a.closeness || a.order - b.order)
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.example);
}
