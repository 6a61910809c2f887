/** The known name nearest to `key` (case-insensitive edit distance), when it is near enough to be a typo. */
export function closestName(key: string, candidates: string[]): string | null {
  const lower = key.toLowerCase();
  const limit = Math.max(2, Math.floor(key.length / 4));
  let best: string | null = null;
  // Only a distance within the limit can be the answer, and only a smaller one than the best so far can
  // replace it: each candidate is measured no further than that (the first of equally near ones wins).
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The edit distance of `a` and `b` when it is at most `bound`; otherwise some larger number. */
function editDistance(a: string, b: string, bound: number): number {
  const lengths = Math.abs(a.length - b.length);
  if (lengths > 8) return Number.POSITIVE_INFINITY;
  if (lengths > bound) return bound + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      rowMinimum = Math.min(rowMinimum, current[j]!);
    }
    // No row has a smaller minimum than the one above it: past the bound, the distance stays past it.
    if (rowMinimum > bound) return bound + 1;
    previous = current;
  }
  return previous[b.length]!;
}
