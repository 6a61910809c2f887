import type { KubeObject } from './simulated-cluster.js';

/** A Kubernetes label selector (`app=linuxptp-daemon`, `a!=b`, `k`, `!k`, `k in (x,y)`) as a predicate. */
export function labelSelector(selector: string | null): (object: KubeObject) => boolean {
  if (!selector) return () => true;
  const tests = splitTerms(selector).map((term): ((labels: Record<string, string>) => boolean) => {
    const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (set) {
      const values = set[3]!.split(',').map((v) => v.trim());
      return set[2] === 'in'
        ? (labels) => values.includes(labels[set[1]!] ?? '\0')
        : (labels) => !values.includes(labels[set[1]!] ?? '\0');
    }
    const [key, value] = term.split(/!=|==|=/);
    if (term.includes('!=')) return (labels) => labels[key!] !== value;
    if (term.includes('=')) return (labels) => labels[key!] === value;
    if (term.startsWith('!')) return (labels) => !(term.slice(1) in labels);
    return (labels) => term in labels;
  });
  return (object) => tests.every((test) => test(object.metadata?.labels ?? {}));
}

/** A field selector of the fields the simulator knows (`spec.nodeName=worker-1`, `metadata.name!=x`). */
export function fieldSelector(selector: string | null): (object: KubeObject) => boolean {
  if (!selector) return () => true;
  const tests = splitTerms(selector).map((term) => {
    const negate = term.includes('!=');
    const [path, value] = term.split(/!=|==|=/);
    return (object: KubeObject) => (fieldValue(object, path!) === value) !== negate;
  });
  return (object) => tests.every((test) => test(object));
}

function fieldValue(object: KubeObject, path: string): string | undefined {
  let value: unknown = object;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return value === undefined || value === null ? undefined : String(value);
}

/** Splits on the commas between terms, not on those inside `in (a,b)`. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) terms.push(current.trim());
  return terms;
}
