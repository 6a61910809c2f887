/**
 * Regular expressions written by users (rule packs' `matches`, intent packs' patterns): checked when a
 * pack loads, so a mistake is `file:line:column` at `rules validate` rather than an error mid-lint.
 */

/** Longer than any pattern a pack needs; a bound on what one costs to compile. */
const MAX_LENGTH = 1000;

/**
 * Why a pattern cannot be used, as `invalid regular expression: …`, or undefined. Besides compiling, it
 * must not repeat a group that itself repeats without bound (`(a+)+`, `(\w*\s?)*`): V8 backtracks such a
 * pattern exponentially on an input that almost matches, and rules run on data we do not control.
 */
export function regexProblem(source: string, flags = ''): string | undefined {
  if (source.length > MAX_LENGTH)
    return `invalid regular expression: ${source.length} characters, more than ${MAX_LENGTH}`;
  try {
    new RegExp(source, flags);
  } catch (error) {
    // V8: "Invalid regular expression: /(ab/: Unterminated group"; the reason is the last part.
    const message = (error as Error).message;
    return `invalid regular expression: ${message.slice(message.lastIndexOf(': ') + 2)}`;
  }
  const nested = nestedRepetition(source);
  return nested === undefined
    ? undefined
    : `invalid regular expression: "${nested}" repeats a group that repeats itself, which can take exponential time; repeat only one of them`;
}

const compiled = new Map<string, RegExp | null>();

/** The compiled pattern (once per source and flags), or undefined when regexProblem refuses it. */
export function userRegex(source: string, flags = ''): RegExp | undefined {
  const key = `${flags}/${source}`;
  let regex = compiled.get(key);
  if (regex === undefined) {
    regex = regexProblem(source, flags) === undefined ? new RegExp(source, flags) : null;
    // Patterns come from packs, a few hundred at most; the bound is for facts used as patterns.
    if (compiled.size < 10_000) compiled.set(key, regex);
  }
  return regex ?? undefined;
}

/** A quantifier that allows any number of repetitions: `*`, `+`, `{n,}`. */
const UNBOUNDED = /^(?:[*+]|\{\d+,\})/;
const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;

/**
 * The first group repeated without bound whose content also repeats without bound (star height above
 * one), as written; undefined when there is none. Only for a pattern that compiles. Overlapping
 * alternatives under one repetition (`(a|a)*`) are not detected.
 */
function nestedRepetition(source: string): string | undefined {
  const groups: { start: number; repeats: boolean }[] = [{ start: 0, repeats: false }];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    let atomEnd = i + 1;
    let groupRepeats = false;
    let groupStart = i;
    if (char === '\\') atomEnd = i + 2;
    else if (char === '[') atomEnd = classEnd(source, i);
    else if (char === '(') {
      groups.push({ start: i, repeats: false });
      i += /^\(\?(?:<[=!]|<[^>]*>|[:=!])/.exec(source.slice(i))?.[0].length ?? 1;
      continue;
    } else if (char === ')') {
      const group = groups.pop()!;
      groupRepeats = group.repeats;
      groupStart = group.start;
    } else if (char === '|') {
      i++;
      continue;
    }
    const rest = source.slice(atomEnd);
    const quantifier = QUANTIFIER.exec(rest)?.[0] ?? '';
    const unbounded = UNBOUNDED.test(rest);
    if (unbounded && groupRepeats) return source.slice(groupStart, atomEnd + quantifier.length);
    const current = groups[groups.length - 1]!;
    if (unbounded || groupRepeats) current.repeats = true;
    i = atomEnd + quantifier.length;
  }
  return undefined;
}

/** The index after a character class's closing `]` (in JavaScript `[]` is an empty class). */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}
