import { cosines, type ExampleIndex, exampleIndex } from './example-index.js';
import type { IntentSet } from './intent-pack.js';
import { readQuestion } from './question-reading.js';
import { questionTerms, type TermReading, termReading } from './question-terms.js';
import { STOP_WORDS } from './question-tokens.js';
import type { Extraction } from './slot-extractor.js';

/**
 * A tool's likeness counts above that of the tool this many places below the most alike: a question as
 * like every tool's examples ("tell me about the timing") says nothing about which tool answers it.
 */
const BASELINE_RANK = 8;
/**
 * The words (other than stop words) and slots a question must share with the examples for its likeness
 * to count: one word ("interface?", "ptp") is too little to compare.
 */
const MIN_TERMS = 2;

interface Examples {
  reading: TermReading;
  index: ExampleIndex;
  /** The tools with examples, and for each example the positions there of the tools that answer it. */
  tools: readonly string[];
  toolsOf: readonly (readonly number[])[];
}

const built = new WeakMap<IntentSet, Examples>();

/** The example questions of an intent set as vectors, made once per set (its first question pays). */
function examplesOf(set: IntentSet): Examples {
  let examples = built.get(set);
  if (examples) return examples;
  const reading = termReading(
    set.intents.flatMap((intent) => Object.keys(intent.keywords)),
    set.synonyms,
  );
  // Only the tools the intents in force call: a pack may switch off every intent of one.
  const called = new Set(set.intents.map((intent) => intent.tool));
  const labelled = set.exampleSets.flatMap(({ nodes, interfaces, examples: questions }) =>
    questions
      .map(({ question, tools }) => ({ question, tools: tools.filter((tool) => called.has(tool)) }))
      .filter(({ tools }) => tools.length > 0)
      .map(({ question, tools }) => {
        const { extraction } = readQuestion(question, set, {
          knownNodes: nodes,
          knownInterfaces: interfaces,
        });
        return { tools, terms: questionTerms(extraction.masked, extraction.slots, reading) };
      }),
  );
  const tools = [...new Set(labelled.flatMap((example) => example.tools))];
  examples = {
    reading,
    index: exampleIndex(labelled.map(({ terms }) => terms)),
    tools,
    toolsOf: labelled.map((example) => example.tools.map((tool) => tools.indexOf(tool))),
  };
  built.set(set, examples);
  return examples;
}

/**
 * How alike a question is to the example questions of each intent's tool, in the order of the set's
 * intents: the mean cosine of the tool's `exampleNeighbours` most alike examples (those it answers, as
 * the tool or an alternative; a tool with fewer counts the missing ones as 0), less that of the tool
 * BASELINE_RANK places down, so 0 to 1. By tool, because the examples say which tool answers a question;
 * the intents of one tool get the same likeness, and their own scores choose among them.
 */
export function exampleLikeness(set: IntentSet, extraction: Extraction): number[] {
  const { reading, index, tools, toolsOf } = examplesOf(set);
  const terms = questionTerms(extraction.masked, extraction.slots, reading);
  const shared = terms.filter(
    (term) => index.idf.has(term) && (term.startsWith('{') || !STOP_WORDS.has(term)),
  );
  if (shared.length < MIN_TERMS) return set.intents.map(() => 0);
  const k = set.scoring.exampleNeighbours;
  const best = tools.map(() => [] as number[]);
  cosines(index, terms).forEach((cosine, example) => {
    if (cosine <= 0) return;
    for (const tool of toolsOf[example]!) {
      const top = best[tool]!;
      if (top.length < k) top.push(cosine);
      else {
        const least = Math.min(...top);
        if (cosine > least) top[top.indexOf(least)] = cosine;
      }
    }
  });
  const means = best.map((top) => top.reduce((sum, cosine) => sum + cosine, 0) / k);
  const baseline = [...means].sort((a, b) => b - a)[BASELINE_RANK - 1] ?? 0;
  const likeness = new Map(tools.map((tool, i) => [tool, Math.max(0, means[i]! - baseline)]));
  return set.intents.map((intent) => likeness.get(intent.tool) ?? 0);
}
