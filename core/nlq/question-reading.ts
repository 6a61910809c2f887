import type { IntentSet } from './intent-pack.js';
import { isInflection, wordMatches } from './keyword-match.js';
import { type Extraction, extractSlots, type SlotOptions } from './slot-extractor.js';

/** What the router reads in a question: its slots and words, and which words are keyword words as written. */
export interface QuestionReading {
  extraction: Extraction;
  /** The question's words that are a keyword's word or an inflection of one: never read as typos. */
  known: ReadonlySet<string>;
}

/** The words of an intent set's keywords, and what was found of words already read (they recur). */
interface Vocabulary {
  words: readonly string[];
  /** Whether a word is a keyword's word, an inflection or a typo of one: never a node's name. */
  matches: Map<string, boolean>;
  /** Whether a word is a keyword's word as written or inflected: never read as a typo. */
  inflects: Map<string, boolean>;
}

const vocabularies = new WeakMap<IntentSet, Vocabulary>();

function vocabularyOf(set: IntentSet): Vocabulary {
  let vocabulary = vocabularies.get(set);
  if (!vocabulary) {
    const words = [
      ...new Set(set.intents.flatMap((intent) => Object.keys(intent.keywords).flatMap((k) => k.split(' ')))),
    ];
    vocabulary = { words, matches: new Map(), inflects: new Map() };
    vocabularies.set(set, vocabulary);
  }
  return vocabulary;
}

function remembered(cache: Map<string, boolean>, word: string, find: () => boolean): boolean {
  const found = cache.get(word);
  if (found !== undefined) return found;
  const now = find();
  cache.set(word, now);
  return now;
}

/**
 * The slots of a question (a keyword's word is never a node: "on holdover"), and its words with the
 * pack's synonyms read as the words they stand for.
 */
export function readQuestion(
  question: string,
  set: IntentSet,
  options: Omit<SlotOptions, 'isVocabulary'> = {},
): QuestionReading {
  const { words, matches, inflects } = vocabularyOf(set);
  const extracted = extractSlots(question, {
    ...options,
    isVocabulary: (word) =>
      Object.hasOwn(set.synonyms, word) ||
      remembered(matches, word, () => words.some((keyword) => wordMatches(word, keyword))),
  });
  const extraction = { ...extracted, words: extracted.words.flatMap((word) => readAs(word, set.synonyms)) };
  const known = new Set(
    extraction.words.filter((word) =>
      remembered(inflects, word, () => words.some((keyword) => isInflection(word, keyword))),
    ),
  );
  return { extraction, known };
}

/** A word as the keywords know it: its synonym's words, or itself. */
function readAs(word: string, synonyms: Readonly<Record<string, string>>): string[] {
  return Object.hasOwn(synonyms, word) ? synonyms[word]!.split(' ') : [word];
}
