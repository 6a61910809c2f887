import type { Slots } from './intent-pack.js';

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** The slot names a template value refers to (`"{{node}}"` → node). */
export function placeholders(value: string | number | boolean): string[] {
  return typeof value === 'string' ? [...value.matchAll(PLACEHOLDER)].map((m) => m[1]!) : [];
}

/**
 * The tool's arguments from an intent's templates: placeholders filled from the slots; an argument that
 * needs a slot the question did not fill is left out, so the tool applies its own default.
 */
export function fillArguments(
  templates: Record<string, string | number | boolean>,
  slots: Slots,
): Record<string, string | number | boolean> {
  const filled: Record<string, string | number | boolean> = {};
  for (const [name, template] of Object.entries(templates)) {
    const needed = placeholders(template);
    if (needed.some((slot) => slots[slot as keyof Slots] === undefined)) continue;
    filled[name] =
      typeof template === 'string'
        ? template.replace(PLACEHOLDER, (_, slot: string) => slots[slot as keyof Slots]!)
        : template;
  }
  return filled;
}
