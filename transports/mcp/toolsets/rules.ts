import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { Finding } from '../../../core/model/finding.js';
import { PackError } from '../../../core/rules/pack-error.js';
import type { LoadedPack } from '../../../core/rules/pack-loader.js';

/** The rule engine loads with the first call that needs it, not with the server. */
const engine = async () => {
  const [cache, loader, evaluator, lint] = await Promise.all([
    import('../../../core/rules/pack-cache.js'),
    import('../../../core/rules/pack-loader.js'),
    import('../../../core/rules/rule-engine.js'),
    import('../../../core/lint/lint-run.js'),
  ]);
  return {
    PackCache: cache.PackCache,
    builtInPackNames: loader.builtInPackNames,
    loadPack: loader.loadPack,
    PackEvaluator: evaluator.PackEvaluator,
    lintText: lint.lintText,
  };
};

import { defineTool, sourceArgs, sourceOf, ToolInputError } from '../tool.js';
import { allowedPacks } from './diagnosis-args.js';

const RUNTIME_SCOPES = new Set(['node', 'process', 'cluster']);

/** The rule packs: what they judge, a rule explained, a pack of the client's own evaluated. */
export const ruleTools = [
  defineTool({
    name: 'list_rule_packs',
    title: 'List the rule packs',
    description:
      'The built-in rule packs (fault severity, clock-class fallback, linuxptp config, ITU-T G.8275.1/.2, IEEE 1588 default) with their rules: id, severity, title.',
    input: {
      pack: z
        .string()
        .optional()
        .describe('One pack by name: built-in, or a file of the server’s packs folders (serve --packs-dir)'),
    },
    output: {
      packs: z.array(
        z.object({
          name: z.string(),
          version: z.string(),
          description: z.string(),
          scope: z.string(),
          inherits: z.array(z.string()),
          rules: z.array(z.object({ id: z.string(), severity: z.string(), title: z.string() })),
        }),
      ),
    },
    async run(args, context) {
      const { PackCache, builtInPackNames } = await engine();
      const cache = new PackCache();
      const files = args.pack
        ? (await allowedPacks([args.pack], context)).map((p) => p.file)
        : [...builtInPackNames(), ...(await context.service()).pluginPacks()];
      const packs = files.map((file) => {
        const { pack, inherits } = cache.get(file).loaded;
        return {
          name: pack.metadata.name,
          version: pack.metadata.version,
          description: pack.metadata.description ?? '',
          scope: pack.spec.scope,
          inherits,
          rules: pack.spec.rules.map((r) => ({ id: r.id, severity: r.severity, title: r.title })),
        };
      });
      return {
        result: { packs },
        summary: packs
          .map((p) => `${p.name}@${p.version}: ${p.rules.length} rules — ${p.description}`)
          .join('\n'),
      };
    },
  }),

  defineTool({
    name: 'explain_rule',
    title: 'Explain a rule',
    description:
      'What a rule checks and why: its pack, severity, conditions (the facts and operators), message, remediation and the standards or sources it enforces.',
    input: { rule: z.string().describe('A rule id, e.g. g8275.1/domain-range or fault/holdover-active') },
    output: {
      pack: z.string(),
      id: z.string(),
      severity: z.string(),
      scope: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      when: z.unknown(),
      message: z.string(),
      remediation: z.string().nullable(),
      references: z.array(z.string()),
    },
    async run(args, context) {
      const { PackCache, builtInPackNames } = await engine();
      const cache = new PackCache();
      // The built-in packs, then those of the config's plugins (their findings name their rules too).
      for (const name of [...builtInPackNames(), ...(await context.service()).pluginPacks()]) {
        const { pack } = cache.get(name).loaded;
        const rule = pack.spec.rules.find((r) => r.id === args.rule);
        if (!rule) continue;
        return {
          result: {
            pack: pack.metadata.name,
            id: rule.id,
            severity: rule.severity,
            scope: rule.scope ?? pack.spec.scope,
            title: rule.title,
            description: rule.description ?? null,
            when: rule.when,
            message: rule.message,
            remediation: rule.remediation ?? null,
            references: rule.references ?? [],
          },
          summary: `${rule.id} (${pack.metadata.name}, ${rule.severity}): ${rule.title}${rule.remediation ? `. Fix: ${rule.remediation}` : ''}${rule.references?.length ? `. References: ${rule.references.join('; ')}` : ''}`,
        };
      }
      throw new ToolInputError(`no built-in rule "${args.rule}"; list_rule_packs lists them`);
    },
  }),

  defineTool({
    name: 'evaluate_rules',
    title: 'Evaluate a rule pack',
    description:
      'Validates a rule pack given as YAML (the format of `ptp-mcp rules schema`; it may extend built-in packs by name) and evaluates it: runtime rules (scope node, process, cluster) on the source’s diagnosis, configuration rules on `config` (a PtpConfig YAML or ptp4l.conf).',
    input: {
      ...sourceArgs,
      pack: z.string().max(1_000_000).describe('The rule pack, as YAML'),
      node: z.string().optional(),
      config: z
        .string()
        .max(4_000_000)
        .optional()
        .describe('A configuration to check, for configuration rules'),
    },
    output: { pack: z.string(), rules: z.number().int(), findings: z.array(Finding) },
    async run(args, context) {
      const { loadPack, PackEvaluator, lintText } = await engine();
      const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-pack-'));
      try {
        const file = join(dir, 'pack.yaml');
        writeFileSync(file, args.pack);
        // A bad pack is refused here with its line and column, named as the client knows it.
        let loaded: LoadedPack;
        try {
          // Its extends name built-in packs or the server's packs folders, never a path of the machine.
          loaded = loadPack(file, undefined, context.packsDirs);
        } catch (error) {
          if (!(error instanceof PackError) || error.file !== file) throw error;
          throw new ToolInputError(
            `pack${error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : ''}: ${error.detail}`,
          );
        }
        const scope = loaded.pack.spec.scope;
        let findings: Finding[];
        if (RUNTIME_SCOPES.has(scope)) {
          const { evaluations } = await (await context.service()).runtimeFacts({
            source: sourceOf(args, context),
            node: args.node,
          });
          findings = (await new PackEvaluator(loaded).evaluate(evaluations)).findings;
        } else {
          if (args.config === undefined)
            throw new ToolInputError(`a pack of scope ${scope} checks configurations: give config`);
          const kind = /^\s*(kind:\s*PtpConfig|apiVersion:|ptp4lConf:)/m.test(args.config)
            ? 'ptpconfig'
            : 'linuxptp';
          // The pack as resolved above (extends merged in), so lint reads no other file.
          const { stringify } = await import('yaml');
          writeFileSync(file, stringify({ ...loaded.pack, spec: { ...loaded.pack.spec, extends: [] } }));
          findings = (
            await lintText(args.config, kind === 'ptpconfig' ? 'config.yaml' : 'config.conf', kind, {
              packs: [file],
            })
          ).findings;
        }
        return {
          result: { pack: loaded.pack.metadata.name, rules: loaded.pack.spec.rules.length, findings },
          summary: [
            `${loaded.pack.metadata.name}: ${loaded.pack.spec.rules.length} rule(s), ${findings.length} finding(s)`,
            ...findings.slice(0, 10).map((f) => `${f.severity} ${f.rule}: ${f.message}`),
          ].join('\n'),
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  }),
];
