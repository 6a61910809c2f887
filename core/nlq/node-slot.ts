import { overlaps, type Span, STOP_WORDS, type Token } from './question-tokens.js';

export interface FoundNode extends Span {
  value: string;
}

export interface NodeSlotOptions {
  knownNodes?: readonly string[] | undefined;
  /** Words that name something else (the intents' keywords, process names): never a node after "on". */
  isVocabulary: (word: string) => boolean;
}

/** The words after which a name is taken for a node's: "on sno", "for worker-2", "node compute-0". */
const BEFORE_NODE = new Set(['on', 'for', 'of', 'node', 'from', 'at', 'about', 'host']);
const RFC1123 = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
/** Names shaped like a node's that are something else: files, standards, versions, pods, NIC models. */
const NOT_A_NODE =
  /\.(?:conf|config|cfg|ya?ml|json|log|txt)$|^(?:ieee|itu|g\.?8\d{3})|^v\d|^(?:linuxptp-daemon|cloud-event|openshift-|ptp-operator)|^(?:e8[1-3]0|xx?v?7\d0|cx\d|connectx)/;

/**
 * The node a question is about: a known node (`worker2`, `worker 2` and `worker-2` are the same, and a
 * short name finds its FQDN), else the first name after on/for/of/node, or the first word shaped like a
 * node's name (`worker-2`, `bc-1`, `master-0`, `cnfde5.ptp.lab.example.com`), whichever comes first.
 */
export function findNode(
  text: string,
  words: readonly Token[],
  claimed: readonly Span[],
  options: NodeSlotOptions,
): FoundNode | undefined {
  const known = findKnownNode(text, claimed, options.knownNodes ?? []);
  if (known) return known;
  for (const [i, word] of words.entries()) {
    if (overlaps(word, claimed)) continue;
    const before = words[i - 1];
    const introduced =
      before !== undefined &&
      BEFORE_NODE.has(before.text) &&
      !overlaps(before, claimed) &&
      isNameAfterPreposition(word.text, options.isVocabulary);
    if (introduced || looksLikeNodeName(word.text))
      return { start: word.start, end: word.end, value: word.text };
  }
  return undefined;
}

function isNameAfterPreposition(word: string, isVocabulary: (word: string) => boolean): boolean {
  return (
    RFC1123.test(word) &&
    /[a-z]/.test(word) &&
    !STOP_WORDS.has(word) &&
    !isVocabulary(word) &&
    !NOT_A_NODE.test(word)
  );
}

function looksLikeNodeName(word: string): boolean {
  if (!/^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*$/.test(word) || NOT_A_NODE.test(word)) return false;
  const dots = word.split('.').length - 1;
  return (/\d/.test(word) && /[-.]/.test(word)) || dots >= 2;
}

function findKnownNode(text: string, claimed: readonly Span[], knownNodes: readonly string[]) {
  const names = knownNodes.map((name) => name.toLowerCase());
  const shortNames = names.map((name) => name.split('.')[0]!);
  let best: FoundNode | undefined;
  names.forEach((name, index) => {
    const short = shortNames[index]!;
    const variants = [name];
    // A short name stands for its FQDN only when no other known node shares it.
    if (short !== name && shortNames.filter((s) => s === short).length === 1) variants.push(short);
    for (const variant of variants) {
      const body = variant
        .split(/[-_.]/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s._-]?');
      for (const m of text.matchAll(new RegExp(`(?<![a-z0-9.-])${body}(?![a-z0-9-]|\\.[a-z0-9])`, 'g'))) {
        const span = { start: m.index, end: m.index + m[0].length, value: name };
        if (overlaps(span, claimed)) continue;
        if (!best || span.start < best.start || (span.start === best.start && span.end > best.end)) {
          best = span;
        }
      }
    }
  });
  return best;
}
