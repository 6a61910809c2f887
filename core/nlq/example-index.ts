/**
 * The example questions as TF-IDF vectors: a term weighs more the fewer examples have it (`holdover` says
 * more than `is`), and each vector has length 1, so a dot product is a cosine. Built once per intent set.
 */
export interface ExampleIndex {
  /** How many examples there are. */
  size: number;
  /** The inverse document frequency of each term seen in an example. */
  idf: ReadonlyMap<string, number>;
  /** For each term, the examples that have it and its weight in each: the dot products touch only those. */
  postings: ReadonlyMap<string, readonly { example: number; weight: number }[]>;
  /** The idf a term no example has: such a word makes a question less like any example. */
  unseen: number;
}

/** The index of example questions, each given as its terms (question-terms.ts). */
export function exampleIndex(examples: readonly (readonly string[])[]): ExampleIndex {
  const count = new Map<string, number>();
  for (const terms of examples)
    for (const term of new Set(terms)) count.set(term, (count.get(term) ?? 0) + 1);
  const n = examples.length;
  const idf = new Map([...count].map(([term, df]) => [term, Math.log((n + 1) / (df + 1)) + 1]));
  const postings = new Map<string, { example: number; weight: number }[]>();
  examples.forEach((terms, example) => {
    const unique = [...new Set(terms)];
    const norm = Math.hypot(...unique.map((term) => idf.get(term)!));
    for (const term of unique) {
      const list = postings.get(term) ?? [];
      postings.set(term, list);
      list.push({ example, weight: idf.get(term)! / norm });
    }
  });
  return { size: n, idf, postings, unseen: Math.log(n + 1) + 1 };
}

/** The cosine of a question's terms with every example (0 for those sharing no term). */
export function cosines(index: ExampleIndex, terms: readonly string[]): Float64Array {
  const unique = [...new Set(terms)];
  const weights = unique.map((term) => index.idf.get(term) ?? index.unseen);
  const norm = Math.hypot(...weights);
  const result = new Float64Array(index.size);
  if (norm === 0) return result;
  unique.forEach((term, i) => {
    for (const { example, weight } of index.postings.get(term) ?? [])
      result[example] = result[example]! + (weights[i]! / norm) * weight;
  });
  return result;
}
