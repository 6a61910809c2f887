import { parseDuration } from '../../../core/duration.js';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import { sourceOf, type ToolContext } from '../tool.js';

/** The diagnosis a tool's common arguments ask for (cached for a few seconds across tools). */
export function diagnosisFor(
  args: { source?: string; context?: string; node?: string; last?: string; packs?: string[] },
  context: ToolContext,
): Promise<Diagnosis> {
  return context.cache.diagnose({
    source: sourceOf(args, context),
    node: args.node,
    lastMs: args.last === undefined ? undefined : parseDuration(args.last),
    packs: args.packs,
  });
}

/** ISO time of a data time, or null. */
export function iso(wall: number | undefined | null): string | null {
  return wall === undefined || wall === null ? null : new Date(wall).toISOString();
}
