import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** The shared corpus of real samples, read in place (never copied into the project). */
export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');

export const corpusAvailable = existsSync(CORPUS_DIR);

if (!corpusAvailable) {
  // Our CI has the corpus and must run these tests; forks on GitHub do not have it (PTP_MCP_CORPUS_OPTIONAL).
  if (process.env.CI === 'true' && process.env.PTP_MCP_CORPUS_OPTIONAL !== '1') {
    throw new Error(
      `CI=true but the shared corpus is missing at ${CORPUS_DIR}: corpus tests must not skip in CI`,
    );
  }
  console.warn(`corpus tests skipped: ${CORPUS_DIR} is absent`);
}

/**
 * describe() that runs on the real corpus, skipped with a printed reason only where the corpus is absent.
 * Where it is absent the body is not even collected: bodies read the corpus while vitest collects them.
 */
export function describeCorpus(name: string, body: () => void): void {
  if (corpusAvailable) {
    describe(name, body);
    return;
  }
  describe.skip(name, () => {
    it.skip(`needs the shared corpus at ${CORPUS_DIR}`, () => {});
  });
}

export function corpusPath(...parts: string[]): string {
  return join(CORPUS_DIR, ...parts);
}

export function readCorpus(...parts: string[]): string {
  return readFileSync(corpusPath(...parts), 'utf8');
}

/** The first line of a corpus file that contains `needle` (a test fails loudly if the sample is gone). */
export function corpusLine(file: string, needle: string | RegExp): string {
  const line = readCorpus(file)
    .split('\n')
    .find((candidate) => (typeof needle === 'string' ? candidate.includes(needle) : needle.test(candidate)));
  if (line === undefined) throw new Error(`no line matching ${needle} in corpus/${file}`);
  return line.replace(/\r$/, '');
}

/** The lines of a corpus file from the first one containing `from` up to (not including) the next line matching `until`. */
export function corpusBlock(file: string, from: string, until: RegExp): string {
  const lines = readCorpus(file).split('\n');
  const start = lines.findIndex((line) => line.includes(from));
  if (start < 0) throw new Error(`no line containing ${from} in corpus/${file}`);
  const end = lines.findIndex((line, index) => index > start && until.test(line));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}
