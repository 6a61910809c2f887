import { command } from './common.js';

export const COMPLETION = command({
  name: 'completion',
  summary: 'a shell completion script (bash or zsh)',
  args: 'bash|zsh',
  maxArgs: 1,
  options: {},
  notes: [
    'bash: add "source <(ptp-mcp completion bash)" to ~/.bashrc; zsh: "source <(ptp-mcp completion zsh)" to ~/.zshrc.',
  ],
  examples: ['ptp-mcp completion bash > /etc/bash_completion.d/ptp-mcp', 'source <(ptp-mcp completion zsh)'],
  exitCodes: { 0: 'printed', 2: 'no shell, or one other than bash and zsh' },
});

/** Every command, in the order the top-level help lists them. */
