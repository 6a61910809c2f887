/** Fills `{{fact.path.to.value}}` placeholders from the facts; a missing value shows as `?`. */
export function renderTemplate(template: string, facts: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.[\]-]+)\s*\}\}/g, (_, path: string) => format(valueAt(facts, path)));
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
