import { injectAll, injectable } from 'tsyringe';
import { closestName } from '../rules/closest-name.js';
import { PackError } from '../rules/pack-error.js';
import { gatedSource } from '../sources/exec-gate.js';
import type { OpenedSource } from '../sources/raw-cluster.js';
import { SourceError } from '../sources/source-error.js';
import { TOKENS } from '../tokens.js';
import {
  type PluginToolset,
  type PtpPlugin,
  type PtpPluginInput,
  PtpPluginSchema,
  type SourcePlugin,
} from './plugin-schema.js';

/** A plugin checked against the contract; `where` names it in the error (its module, or its name). */
export function parsePlugin(input: unknown, where: string): PtpPlugin {
  const parsed = PtpPluginSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new PackError(where, undefined, undefined, `not a ptp-mcp plugin: ${at}${issue.message}`);
}

/**
 * The plugins in effect, in the order the composition root registered them (built-in first, then the
 * config's): a plugin named like an earlier one replaces it, and so does a source or toolset named like
 * an earlier one of another plugin. (Operators are process-wide: core/plugins/plugin-modules.ts.) A `--source` spec goes to the latest source that takes
 * it, so a user's source can take over a spec a built-in one also matches.
 */
@injectable()
export class PluginRegistry {
  readonly plugins: readonly PtpPlugin[];
  readonly sources: readonly SourcePlugin[];
  readonly toolsets: readonly PluginToolset[];

  constructor(@injectAll(TOKENS.Plugin) given: PtpPluginInput[]) {
    const byName = new Map<string, PtpPlugin>();
    for (const input of given) {
      const plugin = parsePlugin(input, `plugin ${(input as { name?: unknown }).name ?? '(unnamed)'}`);
      byName.delete(plugin.name);
      byName.set(plugin.name, plugin);
    }
    this.plugins = [...byName.values()];
    this.sources = lastByName(this.plugins.flatMap((plugin) => plugin.sources));
    this.toolsets = lastByName(this.plugins.flatMap((plugin) => plugin.toolsets));
  }

  /** The `--source` forms the sources accept, for help and errors. */
  sourceUsages(): string[] {
    return this.sources.map((source) => source.usage);
  }

  /** Each form of `--source` on its own (`cluster | cluster:CONTEXT` is two), for help to list. */
  sourceForms(): string[] {
    return this.sourceUsages().flatMap((usage) => usage.split('|').map((form) => form.trim()));
  }

  /** The source that takes `spec`: the latest registered first. */
  sourceFor(spec: string): SourcePlugin {
    const source = this.sources.findLast((candidate) => candidate.matches(spec));
    if (source) return source;
    const forms = this.sourceForms().map((form) => form.split(':')[0]!);
    const near = closestName(spec.split(':')[0]!, forms);
    throw new SourceError(
      `unknown source "${spec}"${near ? ` (did you mean ${near}?)` : ''}; use one of: ${this.sourceUsages().join(', ')}`,
    );
  }

  /** A source opened behind the core's exec gate: its commands on nodes pass the allowlist first. */
  open(spec: string): OpenedSource {
    return gatedSource(this.sourceFor(spec).open(spec));
  }

  /** Rule pack files the plugins bring, in registration order. */
  packFiles(): string[] {
    return this.plugins.flatMap((plugin) => plugin.packs);
  }

  /** `kind: NicProfiles` files the plugins bring, in registration order (a later profile of a driver wins). */
  nicProfileFiles(): string[] {
    return this.plugins.flatMap((plugin) => plugin.nicProfiles);
  }
}

/** Items in their first place, each the last one given of its name. */
function lastByName<T extends { name: string }>(items: readonly T[]): T[] {
  const byName = new Map<string, T>();
  for (const item of items) byName.set(item.name, item);
  return [...new Map(items.map((item) => [item.name, byName.get(item.name)!])).values()];
}
