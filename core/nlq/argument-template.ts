import type { ArgumentValue, Slots } from './intent-pack.js';

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;
const LONE_PLACEHOLDER = /^\{\{\s*([a-zA-Z]+)\s*\}\}$/;

/** The slot names a template refers to (`"{{node}}"` → node). */
export function placeholders(template: ArgumentValue): string[] {
  const strings = Array.isArray(template) ? template : typeof template === 'string' ? [template] : [];
  return strings.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
}

/**
 * The tool's arguments from an intent's templates: placeholders filled from the slots; an argument that
 * needs a slot the question did not fill is left out, so the tool applies its own default. In a list, a
 * lone placeholder becomes the words of its value: `["{{text}}"]` with "ethtool -T ens1f0" is an argv.
 */
export function fillArguments(
  templates: Record<string, ArgumentValue>,
  slots: Slots,
): Record<string, ArgumentValue> {
  const value = (slot: string) => slots[slot as keyof Slots];
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, slot: string) => value(slot)!);
  const filled: Record<string, ArgumentValue> = {};
  for (const [name, template] of Object.entries(templates)) {
    if (placeholders(template).some((slot) => value(slot) === undefined)) continue;
    if (Array.isArray(template)) {
      filled[name] = template.flatMap((item) => {
        const lone = LONE_PLACEHOLDER.exec(item);
        return lone ? value(lone[1]!)!.split(/\s+/).filter(Boolean) : [fill(item)];
      });
    } else filled[name] = typeof template === 'string' ? fill(template) : template;
  }
  return filled;
}
