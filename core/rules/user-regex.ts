import { RE2JS, RE2JSSyntaxException } from 're2js';

/**
 * Regular expressions written by users (rule packs' `matches`, intent packs' patterns, `search_logs`'
 * pattern): checked when a pack loads or a call arrives, so a mistake is `file:line:column` at
 * `rules validate` or a clear tool error rather than an error mid-lint. They run on RE2 (re2js), whose
 * time is linear in the input whatever the pattern: a pattern such as `^(\S+\s?)+X$` that makes V8
 * backtrack for minutes on a long line answers at once.
 */

/** Longer than any pattern a pack or a search needs; a bound on what one costs to compile. */
export const MAX_PATTERN_LENGTH = 1000;

/** What a compiled user pattern offers: a test of one text. */
export interface UserPattern {
  test(text: string): boolean;
}

/**
 * JavaScript constructs RE2 has no linear-time way to run, named for the user. Backslashes are paired
 * first so that `\\1` (a backslash, then 1) is not taken for a backreference.
 */
const UNSUPPORTED: [RegExp, string][] = [
  [/\(\?=/, 'lookahead "(?="'],
  [/\(\?!/, 'negative lookahead "(?!"'],
  [/\(\?<=/, 'lookbehind "(?<="'],
  [/\(\?<!/, 'negative lookbehind "(?<!"'],
  [/\\[1-9]/, 'backreference "\\N"'],
  [/\\k</, 'named backreference "\\k<name>"'],
];

/** RE2's error shows the offending part; past this length it is left out rather than echoed. */
const MAX_ECHO = 40;

/**
 * Why a pattern cannot be used, as `invalid regular expression: …`, or undefined. The message never
 * repeats a long pattern back (a caller may send kilobytes).
 */
export function regexProblem(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH)
    return `invalid regular expression: ${source.length} characters, more than ${MAX_PATTERN_LENGTH}`;
  const unpaired = source.replace(/\\\\/g, '');
  const unsupported = UNSUPPORTED.find(([construct]) => construct.test(unpaired));
  if (unsupported)
    return `invalid regular expression: ${unsupported[1]} is not supported (patterns run on RE2, in linear time: no lookaround, no backreferences)`;
  try {
    // Without flags: they never change whether a pattern is valid, and RE2 would show `(?i)` in its error.
    RE2JS.compile(source);
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException)) throw error;
    const part = error.input && error.input.length <= MAX_ECHO ? `: ${error.input}` : '';
    return `invalid regular expression: ${error.error}${part}`;
  }
  return undefined;
}

const compiled = new Map<string, UserPattern | null>();

/** The compiled pattern (once per source and flags), or undefined when regexProblem refuses it. */
export function userRegex(source: string, flags = ''): UserPattern | undefined {
  const key = `${flags}/${source}`;
  let regex = compiled.get(key);
  if (regex === undefined) {
    regex = regexProblem(source) === undefined ? compile(source, flags) : null;
    // Patterns come from packs, a few hundred at most; the bound is for facts and calls used as patterns.
    if (compiled.size < 10_000) compiled.set(key, regex);
  }
  return regex ?? undefined;
}

/**
 * ASCII words and punctuation, alternatives at most (`FAULTY|timed out`): the common search. V8 runs
 * such a pattern in time linear in the line (nothing to backtrack into) and with the same meaning as
 * RE2, a few times faster than re2js.
 */
const LITERAL_ALTERNATIVES = /^[A-Za-z0-9 _\-:=,/@#%&'"<>!~;|]*$/;

/** Flags as JavaScript writes them; only `i` changes what RE2 matches (`u` is how RE2 reads anyway). */
function compile(source: string, flags: string): UserPattern {
  const insensitive = flags.includes('i');
  if (LITERAL_ALTERNATIVES.test(source)) return new RegExp(source, insensitive ? 'i' : '');
  return RE2JS.compile(source, insensitive ? RE2JS.CASE_INSENSITIVE : 0);
}
