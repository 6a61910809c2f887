const PLACEHOLDER = /\{\{\s*([\w.[\]-]+)\s*\}\}/g;

/** Fills `{{fact.path.to.value}}` placeholders from the facts; a missing value shows as `?`. */
export function renderTemplate(template: string, facts: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_, path: string) => format(valueAt(facts, path)));
}

/** The facts and paths a template reads: `{{node.offset.maxAbs}}` → node, `$.offset.maxAbs` (checked at load). */
export function templateReads(template: string): { fact: string; path: string }[] {
  return [...template.matchAll(PLACEHOLDER)].map(([, placeholder]) => {
    const [fact = '', ...keys] = placeholder!.replace(/\[(\w+)\]/g, '.$1').split('.');
    return { fact, path: ['$', ...keys.filter((key) => key !== '')].join('.') };
  });
}

export function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.replace(/\[(\w+)\]/g, '.$1').split('.')) {
    if (key === '' || key === '$') continue;
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function format(value: unknown): string {
  if (value === undefined || value === null) return '?';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/\.?0+$/, '');
  // A list reads as one in a sentence: `ens2f3, ens2f4`.
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(format).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
