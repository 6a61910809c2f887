import type { Slots } from './intent-pack.js';
import { isInflection, wordMatches } from './keyword-match.js';

/**
 * How the words of a pack's keywords are read: its synonyms, and each keyword word once (the vocabulary a
 * question's word is brought back to). Built once per loaded intent set.
 */
export interface TermReading {
  synonyms: Readonly<Record<string, string>>;
  /** The keywords' words, longest first: a word reads as the longest it inflects (`locked`, not `lock`). */
  vocabulary: readonly string[];
  /** Words already read: a question's words recur, and reading one tries every keyword word. */
  cache: Map<string, string>;
}

export function termReading(
  keywords: Iterable<string>,
  synonyms: Readonly<Record<string, string>>,
): TermReading {
  const vocabulary = [...new Set([...keywords].flatMap((keyword) => keyword.split(' ')))].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : 1),
  );
  return { synonyms, vocabulary, cache: new Map() };
}

/** A question's words and the slots it named: `{node}`, `{window}` stand where the names stood. */
const TOKEN = /\{[a-z]+\}|[a-z0-9]+/g;

/**
 * The terms of a question as the example similarity compares them: its words as the keywords read them
 * (a synonym as its words, an inflection or a typo of a keyword word as that word, any other word without
 * its usual ending) and the slots it fills (`{node}`, `{process}`). `masked` is the question in lower case
 * with the names found replaced by their slot (the extraction's `masked`). Pairs of neighbouring words
 * were tried as terms too and routed the tuning sets worse under cross-validation.
 */
export function questionTerms(masked: string, slots: Slots, reading: TermReading): string[] {
  const words = (masked.match(TOKEN) ?? []).flatMap((token) =>
    token.startsWith('{')
      ? [token]
      : (reading.synonyms[token]?.split(' ') ?? [token]).map((word) => read(word, reading)),
  );
  return [...new Set([...words, ...Object.keys(slots).map((slot) => `{${slot}}`)])];
}

/** A word as a keyword word it inflects or misspells, else its stem. */
function read(word: string, reading: TermReading): string {
  const cached = reading.cache.get(word);
  if (cached !== undefined) return cached;
  const { vocabulary } = reading;
  const term =
    vocabulary.find((keyword) => isInflection(word, keyword)) ??
    (/\d/.test(word) ? undefined : vocabulary.find((keyword) => wordMatches(word, keyword))) ??
    stem(word);
  reading.cache.set(word, term);
  return term;
}

/** A word without a plural or verb ending: enough to make `restarts` and `restarted` one term. */
function stem(word: string): string {
  if (word.length <= 4) return word;
  const m = word.match(/^(.{3,}?)(?:ies|ied|ing|ed|es|s|ly)$/);
  if (!m) return word;
  return word.endsWith('ies') || word.endsWith('ied') ? `${m[1]}y` : m[1]!;
}
