import type { CommandSpec, OptionSpec, OptionSpecs } from './command-spec-types.js';
import { CLUSTER_OPTIONS, CONFIG_OPTIONS, HOST_OPTIONS } from './global-options.js';

/** The options a command accepts on its command line: its own, -h/--help and those every command takes. */
function optionsOf(spec: CommandSpec): OptionSpecs {
  return { ...spec.options, help: { type: 'boolean', short: 'h', description: 'this help' }, ...GLOBAL };
}

const GLOBAL: OptionSpecs = { ...CLUSTER_OPTIONS, ...HOST_OPTIONS, ...CONFIG_OPTIONS };

/** Shell words are command names, option names and choices: letters, digits and . _ : / - only. */
function word(text: string): string {
  if (!/^[\w.:/@-]+$/.test(text)) throw new Error(`not a shell word: ${text}`);
  return text;
}

/**
 * A bash completion script: commands (two words for rules, logs and snapshot), each command's options,
 * the choices of an option's value, and files or folders where a value or an argument is a path.
 */
export function bashCompletion(specs: readonly CommandSpec[]): string {
  const top = [...new Set(specs.map((spec) => spec.name.split(' ')[0]!))];
  const groups = top.filter((name) => specs.some((spec) => spec.name.startsWith(`${name} `)));
  const cases: string[] = [];
  for (const spec of specs) {
    const options = optionsOf(spec);
    const flags = Object.keys(options).map((name) => `--${word(name)}`);
    const values: string[] = [];
    for (const [name, option] of Object.entries(options)) {
      if (option.type !== 'string') continue;
      values.push(`        --${word(name)}) ${valueCompletion(option)} return ;;`);
    }
    const args =
      spec.argsComplete === 'folder'
        ? 'COMPREPLY=($(compgen -d -- "$cur"))'
        : spec.argsComplete === 'file'
          ? 'COMPREPLY=($(compgen -f -- "$cur"))'
          : spec.name === 'completion'
            ? 'COMPREPLY=($(compgen -W "bash zsh" -- "$cur"))'
            : 'COMPREPLY=()';
    cases.push(
      `    "${spec.name}")
      case "$prev" in
${values.join('\n')}
      esac
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${flags.join(' ')}" -- "$cur")); else ${args}; fi
      ;;`,
    );
  }
  const subcommands = groups.map(
    (group) =>
      `    ${word(group)}) COMPREPLY=($(compgen -W "${specs
        .filter((spec) => spec.name.startsWith(`${group} `))
        .map((spec) => word(spec.name.split(' ')[1]!))
        .join(' ')}" -- "$cur")) ;;`,
  );
  return `# bash completion for ptp-mcp (ptp-mcp completion bash): source it, or put it in bash_completion.d
_ptp_mcp() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local i command="" words=()
  # The command's words: the first words that are not options (the config options may come first).
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --config) ((i++)) ;;
      -*) ;;
      *) words+=("\${COMP_WORDS[i]}"); [[ \${#words[@]} -ge 2 ]] && break ;;
    esac
  done
  if [[ \${#words[@]} -eq 0 ]]; then
    COMPREPLY=($(compgen -W "${top.map(word).join(' ')} help version" -- "$cur"))
    return
  fi
  case "\${words[0]}" in
    ${groups.map(word).join('|')})
      if [[ \${#words[@]} -eq 1 ]]; then
        case "\${words[0]}" in
${subcommands.map((line) => `    ${line}`).join('\n')}
        esac
        return
      fi
      command="\${words[0]} \${words[1]}" ;;
    *) command="\${words[0]}" ;;
  esac
  case "$command" in
${cases.join('\n')}
  esac
}
complete -o default -F _ptp_mcp ptp-mcp
`;
}

/** What bash offers for an option's value: its choices, files, folders, or nothing to guess from. */
function valueCompletion(option: OptionSpec): string {
  if (option.choices) return `COMPREPLY=($(compgen -W "${option.choices.map(word).join(' ')}" -- "$cur"));`;
  if (option.complete === 'folder') return 'COMPREPLY=($(compgen -d -- "$cur"));';
  if (option.complete === 'file') return 'COMPREPLY=($(compgen -f -- "$cur"));';
  return 'COMPREPLY=();';
}

/**
 * A zsh completion script (#compdef, or sourced after compinit): commands with their summaries, each
 * command's options with their descriptions, choices and file or folder values, through _arguments.
 */
export function zshCompletion(specs: readonly CommandSpec[]): string {
  const top = [...new Set(specs.map((spec) => spec.name.split(' ')[0]!))];
  const summaryOf = (name: string) => specs.find((spec) => spec.name === name)?.summary ?? `${name} commands`;
  const described = (names: string[], summary: (name: string) => string) =>
    names.map((name) => quote(`${word(name)}:${summary(name)}`)).join(' ');
  const groups = top.filter((name) => specs.some((spec) => spec.name.startsWith(`${name} `)));
  const cases = specs.map((spec) => {
    const options = Object.entries(optionsOf(spec)).map(([name, option]) => zshOption(name, option));
    const args =
      spec.argsComplete === 'folder'
        ? quote('*:folder:_files -/')
        : spec.argsComplete === 'file'
          ? quote('*:file:_files')
          : spec.name === 'completion'
            ? quote('1:shell:(bash zsh)')
            : '';
    return `    ${quote(spec.name)}) _arguments -s ${options.join(' ')} ${args} ;;`;
  });
  const groupCases = groups.map((group) => {
    const subs = specs.filter((spec) => spec.name.startsWith(`${group} `));
    return `      ${word(group)}) local -a subcommands; subcommands=(${described(
      subs.map((spec) => spec.name.split(' ')[1]!),
      (sub) => summaryOf(`${group} ${sub}`),
    )}); _describe 'command' subcommands; return ;;`;
  });
  return `#compdef ptp-mcp
# zsh completion for ptp-mcp (ptp-mcp completion zsh): source it after compinit, or save it as _ptp-mcp in $fpath
_ptp_mcp() {
  local -a commands
  commands=(${described(top, summaryOf)} 'help:the commands' 'version:the version of ptp-mcp')
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local command=\${words[2]}
  if (( CURRENT == 3 )); then
    case $command in
${groupCases.join('\n')}
    esac
  fi
  case $command in
    ${groups.map(word).join('|')}) command="\${words[2]} \${words[3]}"; shift 2 words; (( CURRENT -= 2 )) ;;
    *) shift words; (( CURRENT -= 1 )) ;;
  esac
  case $command in
${cases.join('\n')}
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _ptp_mcp "$@"
else
  compdef _ptp_mcp ptp-mcp
fi
`;
}

/** An _arguments spec: `*--pack[a rule pack]:NAME|FILE:_files`, `'(-q --quiet)'{-q,--quiet}'[...]'`. */
function zshOption(name: string, option: OptionSpec): string {
  const description = option.description.replace(/[[\]:\\]/g, (c) => `\\${c}`);
  const value = (option.value ?? 'value').replace(/[:\\]/g, (c) => `\\${c}`);
  const action = option.choices
    ? `(${option.choices.map(word).join(' ')})`
    : option.complete === 'folder'
      ? '_files -/'
      : option.complete === 'file'
        ? '_files'
        : ' ';
  const body = `[${description}]${option.type === 'string' ? `:${value}:${action}` : ''}`;
  const repeat = option.multiple ? '*' : '';
  if (!option.short) return quote(`${repeat}--${word(name)}${body}`);
  const short = word(option.short);
  return `${quote(`${repeat}(-${short} --${word(name)})`)}{-${short},--${name}}${quote(body)}`;
}

/** A zsh single-quoted word. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
