import { parseDuration } from '../../../core/duration.js';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import { sourceOf, type ToolContext } from '../tool.js';

/** The diagnosis a tool's common arguments ask for (cached for a few seconds across tools). */
export async function diagnosisFor(
  args: { source?: string; context?: string; node?: string; last?: string; packs?: string[] },
  context: ToolContext,
): Promise<Diagnosis> {
  return context.cache.diagnose({
    source: sourceOf(args, context),
    node: args.node,
    lastMs: args.last === undefined ? undefined : parseDuration(args.last),
    packs: args.packs && (await allowedPacks(args.packs, context)).map((p) => p.file),
  });
}

/**
 * The files of the packs a call names: built-in names, or files of the server's packs folders (never
 * a path of the machine), each with the name the call gave, for answers to show instead of the file.
 */
export async function allowedPacks(
  references: readonly string[],
  context: ToolContext,
): Promise<{ reference: string; file: string }[]> {
  const { resolveAllowedPack } = await import('../../../core/rules/pack-loader.js');
  return references.map((reference) => ({
    reference,
    file: resolveAllowedPack(reference, context.packsDirs),
  }));
}

/** ISO time of a data time, or null. */
export function iso(wall: number | undefined | null): string | null {
  return wall === undefined || wall === null ? null : new Date(wall).toISOString();
}
