/** The words of a text in lower case: letters and digits, everything else separates. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * Whether a word of the question is a keyword's word: the same, an inflection of it (a keyword is also
 * a stem: `fault` → faults, faulty; `traceab` → traceable, traceability), or a typo of one letter (two in
 * long words: `holdvoer`, `grandmastr`).
 */
export function wordMatches(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (word.startsWith(keyword)) {
    const extra = word.length - keyword.length;
    // Long stems take any ending; short ones the usual few letters (flap: flapping, log: logs).
    const endings = keyword.length >= 6 ? Number.POSITIVE_INFINITY : keyword.length >= 4 ? 4 : 3;
    if ((keyword.length >= 3 && extra <= endings) || (extra === 1 && word.endsWith('s'))) {
      return true;
    }
  }
  if (keyword.length < 5 || word.length < 5 || word[0] !== keyword[0]) return false;
  const allowed = keyword.length >= 9 ? 2 : 1;
  if (typoDistance(word, keyword, allowed) <= allowed) return true;
  // A long stem with a typo before its ending: `syncroniz(ation)` for synchroni.
  return (
    keyword.length >= 6 &&
    [-1, 0, 1].some((d) => typoDistance(word.slice(0, keyword.length + d), keyword, allowed) <= allowed)
  );
}

/**
 * The weights of the keywords found in the question's words. A word counts for one keyword only: phrases
 * first, then the heavier keyword (`locked` is `locked`, not also `lock`).
 */
export function keywordScore(questionWords: readonly string[], keywords: Record<string, number>): number {
  const ordered = Object.entries(keywords)
    .map(([keyword, weight]) => ({ parts: keyword.split(' '), weight }))
    .sort((a, b) => b.parts.length - a.parts.length || b.weight - a.weight);
  const used = new Set<number>();
  let total = 0;
  for (const { parts, weight } of ordered) {
    for (let i = 0; i + parts.length <= questionWords.length; i++) {
      const at = parts.map((_, j) => i + j);
      if (at.some((k) => used.has(k))) continue;
      if (parts.every((part, j) => wordMatches(questionWords[i + j]!, part))) {
        for (const k of at) used.add(k);
        total += weight;
        break;
      }
    }
  }
  return total;
}

/** Edit distance counting a swap of two neighbouring letters as one edit; stops early above `limit`. */
function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(
        rows[i - 1]![j]! + 1,
        row[j - 1]! + 1,
        rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row.push(best);
    }
    if (Math.min(...row) > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
