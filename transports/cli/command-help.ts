import type { CommandSpec, OptionSpec, OptionSpecs } from './command-spec-types.js';

export type { CommandSpec } from './command-spec-types.js';

import { CLUSTER_OPTIONS, CONFIG_OPTIONS, HOST_OPTIONS } from './global-options.js';

/** The option as help and usage show it: `--pack NAME|FILE...`, `-q, --quiet`. */
export function optionSynopsis(name: string, option: OptionSpec): string {
  const value = option.type === 'string' ? ` ${option.choices?.join('|') ?? option.value ?? 'VALUE'}` : '';
  return `${option.short ? `-${option.short}, ` : ''}--${name}${value}${option.multiple ? '...' : ''}`;
}

/** `usage: ptp-mcp lint <files or folders...|-> [options]`, and where the whole help is. */
export function usageOf(spec: CommandSpec): string {
  return `usage: ptp-mcp ${spec.name}${spec.args ? ` ${spec.args}` : ''} [options]   ("ptp-mcp ${spec.name} --help" for every option)`;
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'this help' };

/**
 * The whole help of a command, made from its definition: the usage, every option with its line, the
 * options every command accepts that it reads, notes, examples and every exit code. `sources`: the
 * `--source` forms of the plugins in effect (CliApp.sourceForms), for an option that lists them.
 */
export function commandHelp(spec: CommandSpec, sources: readonly string[] = []): string {
  const groups: [string, OptionSpecs][] = [['options', { ...spec.options, help: HELP_OPTION }]];
  if (spec.reads?.includes('cluster')) groups.push(['reaching a cluster (any command)', CLUSTER_OPTIONS]);
  if (spec.reads?.includes('host')) groups.push(['what --source host reads on this machine', HOST_OPTIONS]);
  groups.push(['the config file (any command)', CONFIG_OPTIONS]);
  const width = Math.min(
    34,
    Math.max(
      ...groups.flatMap(([, options]) =>
        Object.entries(options).map(([n, o]) => optionSynopsis(n, o).length),
      ),
    ) + 2,
  );
  const lines = [
    `ptp-mcp ${spec.name}: ${spec.summary}`,
    '',
    `usage: ptp-mcp ${spec.name}${spec.args ? ` ${spec.args}` : ''} [options]`,
  ];
  for (const [title, options] of groups) {
    lines.push('', `${title}:`);
    for (const [name, option] of Object.entries(options)) {
      const synopsis = optionSynopsis(name, option);
      const pad =
        synopsis.length + 2 > width ? `\n  ${' '.repeat(width)}` : ' '.repeat(width - synopsis.length);
      const listed = option.listsSources && sources.length > 0 ? `: ${sources.join(', ')}` : '';
      lines.push(`  ${synopsis}${pad}${option.description}${listed}`);
    }
  }
  for (const note of spec.notes ?? []) lines.push('', note);
  lines.push('', 'examples:', ...spec.examples.map((example) => `  ${example}`));
  lines.push('', 'exit codes:');
  for (const [code, meaning] of Object.entries(spec.exitCodes)) lines.push(`  ${code}  ${meaning}`);
  return `${lines.join('\n')}\n`;
}
