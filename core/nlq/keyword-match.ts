/** The words of a text in lower case: letters and digits, everything else separates. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * Whether a word of the question is a keyword's word: the same, an inflection of it (a keyword is also
 * a stem: `fault` → faults, faulty; `traceab` → traceable, traceability), or a typo of one letter (two in
 * long words: `holdvoer`, `grandmastr`).
 */
export function wordMatches(word: string, keyword: string, typos = true): boolean {
  // The singular of a plural keyword (`event` for events).
  if (word === keyword || keyword === `${word}s` || keyword === `${word}es`) return true;
  if (word.startsWith(keyword)) {
    const extra = word.length - keyword.length;
    // Long stems take any ending; short ones the usual few letters (flap: flapping, log: logs).
    const endings = keyword.length >= 6 ? Number.POSITIVE_INFINITY : keyword.length >= 4 ? 4 : 3;
    if ((keyword.length >= 3 && extra <= endings) || (extra === 1 && word.endsWith('s'))) {
      return true;
    }
  }
  if (!typos || word[0] !== keyword[0]) return false;
  // Four letters: only two neighbouring letters swapped (sycn), or every short word would match one.
  if (keyword.length === 4 && word.length === 4) return typoDistance(word, keyword, 1, 2, 2) <= 1;
  if (keyword.length < 5 || word.length < 5) return false;
  const allowed = keyword.length >= 9 ? 2 : 1;
  // A letter changed in a short word is often another word (shape, share): there a typo is a letter
  // left out, added or swapped.
  const substitution = keyword.length >= 6 ? 1 : 2;
  if (typoDistance(word, keyword, allowed, substitution) <= allowed) return true;
  // A long stem with a typo before its ending: `syncroniz(ation)` for synchroni.
  return (
    keyword.length >= 6 &&
    [-1, 0, 1].some((d) => typoDistance(word.slice(0, keyword.length + d), keyword, allowed) <= allowed)
  );
}

/**
 * Whether a word is a keyword's word as written or with a usual ending (`contents`, `configured`), not
 * with other letters after a short stem (`holdvoer` is a typo, not hold + voer).
 */
export function isInflection(word: string, keyword: string): boolean {
  if (word === keyword || keyword === `${word}s` || keyword === `${word}es`) return true;
  if (!word.startsWith(keyword)) return false;
  return keyword.length >= 6 || /^(?:s|es|ed|d|ing|er|ers|ly|y|ies)$/.test(word.slice(keyword.length));
}

/**
 * The weights of the keywords found in the question's words. A word counts for one keyword only: phrases
 * first, then the heavier keyword (`locked` is `locked`, not also `lock`). A one-word keyword also matches
 * two words written apart (`ptp configs` is `ptpconfig`, `clock class` is `clockclass`). A word in
 * `known` (a keyword's word as written, of any intent) is read as itself, never as a typo of another
 * (`contents` is not `context`).
 */
export function keywordScore(
  questionWords: readonly string[],
  keywords: Record<string, number>,
  known: ReadonlySet<string> = new Set(),
): number {
  const ordered = Object.entries(keywords)
    .map(([keyword, weight]) => ({ parts: keyword.split(' '), weight }))
    .sort((a, b) => b.parts.length - a.parts.length || b.weight - a.weight);
  const used = new Set<number>();
  let total = 0;
  for (const { parts, weight } of ordered) {
    const at =
      find(questionWords, parts, used, known) ??
      (parts.length === 1 ? findApart(questionWords, parts[0]!, used) : undefined);
    if (at === undefined) continue;
    for (const k of at) used.add(k);
    total += weight;
  }
  return total;
}

/** Where the keyword's words stand in a row among the words not yet counted. */
function find(
  questionWords: readonly string[],
  parts: readonly string[],
  used: ReadonlySet<number>,
  known: ReadonlySet<string>,
): number[] | undefined {
  for (let i = 0; i + parts.length <= questionWords.length; i++) {
    const at = parts.map((_, j) => i + j);
    if (at.some((k) => used.has(k))) continue;
    const word = (j: number) => questionWords[i + j]!;
    if (parts.every((part, j) => wordMatches(word(j), part, !known.has(word(j))))) return at;
  }
  return undefined;
}

/**
 * Two neighbouring words that together are the keyword, or its plural (`ptp configs`); no typos here, or
 * "ptp4l offsets" would be `ptp4lopts`.
 */
function findApart(
  questionWords: readonly string[],
  keyword: string,
  used: ReadonlySet<number>,
): number[] | undefined {
  for (let i = 0; i + 1 < questionWords.length; i++) {
    const first = questionWords[i]!;
    if (used.has(i) || used.has(i + 1) || first.length < 2 || !keyword.startsWith(first)) continue;
    const joined = first + questionWords[i + 1]!;
    if (joined === keyword || joined === `${keyword}s` || joined === `${keyword}es`) return [i, i + 1];
  }
  return undefined;
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit, a changed letter as
 * `substitution` edits and a letter added or left out as `indel`; stops early above `limit`.
 */
function typoDistance(a: string, b: string, limit: number, substitution = 1, indel = 1): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j * indel)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i * indel];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(
        rows[i - 1]![j]! + indel,
        row[j - 1]! + indel,
        rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : substitution),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row.push(best);
    }
    // A swap reaches back two rows: stop only when neither of the last two can lead under the limit.
    if (Math.min(...row) > limit && Math.min(...rows[i - 1]!) > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
