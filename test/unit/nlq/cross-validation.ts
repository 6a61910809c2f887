import type { AnswerPlan } from '../../../core/nlq/answer-plan-schema.js';
import type { IntentSet } from '../../../core/nlq/intent-pack.js';
import type { QuestionSet } from './question-set.js';

/** A question as compared with the examples: its words, case and punctuation aside. */
const normalized = (question: string) =>
  question
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The intent set without the example questions given (the same words, case and punctuation aside). */
export function withoutExamples(set: IntentSet, questions: Iterable<string>): IntentSet {
  const left = new Set([...questions].map(normalized));
  return {
    ...set,
    exampleSets: set.exampleSets.map((examples) => ({
      ...examples,
      examples: examples.examples.filter(({ question }) => !left.has(normalized(question))),
    })),
  };
}

/**
 * k-fold cross-validation of the example similarity over question sets whose questions are examples
 * (rules/nlq-examples.yaml): the questions of all the sets, refusals too, are dealt into `folds` folds in
 * turn, and each question is planned by an intent set without the examples of its fold, as if it were
 * new. Returns, for `plan`, a planner that does so: a question of no set is planned by `set` itself.
 */
export function crossValidated(
  set: IntentSet,
  sets: readonly QuestionSet[],
  folds: number,
  plan: (question: string, set: IntentSet) => Promise<AnswerPlan>,
): (question: string) => Promise<AnswerPlan> {
  const questions = [
    ...new Set(
      sets.flatMap(({ questions: q, refused }) => [...q, ...refused].map(({ q: text }) => normalized(text))),
    ),
  ];
  const foldOf = new Map(questions.map((question, i) => [question, i % folds]));
  const foldSets = Array.from({ length: folds }, (_, fold) =>
    withoutExamples(
      set,
      questions.filter((question) => foldOf.get(question) === fold),
    ),
  );
  return (question) => {
    const fold = foldOf.get(normalized(question));
    return plan(question, fold === undefined ? set : foldSets[fold]!);
  };
}
