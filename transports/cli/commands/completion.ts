import { parseCommand } from '../args.js';
import { CliError } from '../cli-error.js';
import { commandHelp, usageOf } from '../command-help.js';
import { COMMAND_SPECS } from '../command-spec.js';
import { bashCompletion, zshCompletion } from '../completion.js';
import type { CliIo } from '../io.js';
import { COMPLETION } from '../specs/completion.js';

/** `ptp-mcp completion bash|zsh`: the shell's completion script, made from every command's definition. */
export async function completionCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(argv, COMPLETION);
  if (values.help) {
    io.stdout(commandHelp(COMPLETION));
    return 0;
  }
  const shell = positionals[0];
  if (shell === 'bash') io.stdout(bashCompletion(COMMAND_SPECS));
  else if (shell === 'zsh') io.stdout(zshCompletion(COMMAND_SPECS));
  else
    throw new CliError(
      `${shell === undefined ? 'completion needs a shell' : `no completion for "${shell}"`}: bash or zsh\n${usageOf(COMPLETION)}`,
    );
  return 0;
}
