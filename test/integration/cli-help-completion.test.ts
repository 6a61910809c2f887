import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { COMMAND_SPECS } from '../../transports/cli/command-spec.js';
import { configOptions } from '../../transports/cli/config-options.js';
import { CLUSTER_OPTIONS, CONFIG_OPTIONS, HOST_OPTIONS } from '../../transports/cli/global-options.js';
import { hostOptions } from '../../transports/cli/host-options.js';
import { kubeOptions } from '../../transports/cli/kube-options.js';
import { runBuiltCli } from './cli-run.js';

/**
 * Issue 13 item 7: one definition per command makes its parsing, its help and the shell's completion, so
 * every flag that parses is in help (with its line), every help has an example and the exit codes, and
 * the completion scripts load in their shells.
 */
const commandWords = (name: string) => name.split(' ');
const flagsOf = (options: object) => Object.keys(options).map((name) => `--${name}`);

describe('every command explains itself', () => {
  for (const spec of COMMAND_SPECS) {
    it(`${spec.name} --help: every flag with its line, an example, every exit code`, () => {
      const { code, stdout, stderr } = runBuiltCli(['--no-config', ...commandWords(spec.name), '--help']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      for (const [name, option] of Object.entries(spec.options))
        expect(stdout, name).toMatch(
          new RegExp(`--${name}\\b.*\\s+${option.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        );
      expect(stdout).toContain('-h, --help');
      if (spec.reads?.includes('cluster'))
        for (const flag of flagsOf(CLUSTER_OPTIONS)) expect(stdout, flag).toContain(flag);
      if (spec.reads?.includes('host'))
        for (const flag of flagsOf(HOST_OPTIONS)) expect(stdout, flag).toContain(flag);
      expect(stdout).toMatch(/\nexamples:\n {2}ptp-mcp /);
      expect(spec.examples.length).toBeGreaterThan(0);
      const exits = stdout.slice(stdout.indexOf('\nexit codes:\n'));
      expect(Object.keys(spec.exitCodes)).toContain('0');
      for (const exit of Object.keys(spec.exitCodes))
        expect(exits).toMatch(new RegExp(`\\n {2}${exit} {2}\\S`));
    });
  }

  it('parsing takes exactly the flags of the definition: each is accepted, and no command parses beside it', () => {
    for (const spec of COMMAND_SPECS) {
      const args = Object.entries(spec.options).flatMap(([name, option]) =>
        option.type === 'boolean' ? [`--${name}`] : [`--${name}`, option.choices?.[0] ?? 'x'],
      );
      const { code, stderr } = runBuiltCli(['--no-config', ...commandWords(spec.name), ...args, '--help']);
      expect(stderr, spec.name).toBe('');
      expect(code, spec.name).toBe(0);
    }
    // A command reading options of its own (parseArgs directly) would have flags help does not list.
    const commands = join(packageRoot(), 'transports', 'cli', 'commands');
    for (const file of readdirSync(commands).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(commands, file), 'utf8');
      expect(text, file).not.toMatch(/\bparseArgs\(|\bparseCommandArgs\(|const USAGE\b/);
    }
  });

  it('the options every command accepts are those kube-options, host-options and config-options take out', () => {
    for (const [name, option] of Object.entries(CLUSTER_OPTIONS)) {
      const argv = option.type === 'boolean' ? [`--${name}`] : [`--${name}`, '1s'];
      expect(kubeOptions(argv).rest, name).toEqual([]);
    }
    for (const [name, option] of Object.entries(HOST_OPTIONS)) {
      const argv = option.type === 'boolean' ? [`--${name}`] : [`--${name}`, 'x', '--journal'];
      expect(hostOptions(argv).rest, name).toEqual([]);
    }
    for (const [name, option] of Object.entries(CONFIG_OPTIONS)) {
      const argv = option.type === 'boolean' ? [`--${name}`] : [`--${name}`, 'x'];
      expect(configOptions(argv).rest, name).toEqual([]);
    }
  });

  it('the top-level help lists every command with its summary; an unknown flag gets the nearest one', () => {
    const { stdout } = runBuiltCli(['--help']);
    for (const spec of COMMAND_SPECS)
      expect(stdout).toMatch(
        new RegExp(
          `\\n {2}${spec.name}\\b.* ${spec.summary.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        ),
      );
    const typo = runBuiltCli(['--no-config', 'diagnose', '--kubeconfg', 'x']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /^ptp-mcp: Unknown option '--kubeconfg' \(did you mean --kubeconfig\?\)\nusage: ptp-mcp diagnose \[options\]/,
    );
    const extra = runBuiltCli(['--no-config', 'diagnose', 'bc-1']);
    expect(extra.stderr).toMatch(/^ptp-mcp: diagnose takes no arguments \(got "bc-1"\)/);
  });
});

/** The completion of `words` (the last one being completed) by the bash script, as bash would ask for it. */
function bashComplete(script: string, words: string[]): string[] {
  const quoted = words.map((word) => `'${word}'`).join(' ');
  const { stdout, stderr, status } = spawnSync(
    'bash',
    [
      '-c',
      `${script}\nCOMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _ptp_mcp; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8' },
  );
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return stdout.split('\n').filter(Boolean);
}

describe('ptp-mcp completion', () => {
  it('bash: the script is valid bash, registers itself, and completes commands, flags and choices', () => {
    const { code, stdout: script } = runBuiltCli(['completion', 'bash']);
    expect(code).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    const loaded = spawnSync('bash', ['-c', `${script}\ncomplete -p ptp-mcp`], { encoding: 'utf8' });
    expect(loaded.stdout).toBe('complete -o default -F _ptp_mcp ptp-mcp\n');
    expect(bashComplete(script, ['ptp-mcp', 'd'])).toEqual(['diagnose']);
    expect(bashComplete(script, ['ptp-mcp', 'rules', ''])).toEqual([
      'list',
      'validate',
      'test',
      'schema',
      'facts',
    ]);
    for (const spec of COMMAND_SPECS) {
      const flags = bashComplete(script, ['ptp-mcp', ...commandWords(spec.name), '--']);
      expect(flags, spec.name).toEqual(
        expect.arrayContaining([...flagsOf(spec.options), '--help', '--config']),
      );
    }
    expect(bashComplete(script, ['ptp-mcp', '--no-config', 'lint', '--format', 's'])).toEqual(['sarif']);
    expect(bashComplete(script, ['ptp-mcp', 'diagnose', '--fail-on', ''])).toEqual([
      'critical',
      'moderate',
      'minor',
      'info',
    ]);
  });

  it('zsh: the script is valid zsh and registers its function with compdef', () => {
    const zsh = spawnSync('zsh', ['--version']);
    if (zsh.error) {
      if (process.env.CI === 'true') throw new Error('zsh is not installed (.ci/run installs it)');
      console.log('skipped: zsh is not installed');
      return;
    }
    const { code, stdout: script } = runBuiltCli(['completion', 'zsh']);
    expect(code).toBe(0);
    expect(spawnSync('zsh', ['-n'], { input: script }).status).toBe(0);
    const loaded = spawnSync(
      'zsh',
      ['-f', '-c', `autoload -U compinit && compinit -u -D\n${script}\nprint -r -- $_comps[ptp-mcp]`],
      { encoding: 'utf8' },
    );
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout).toBe('_ptp_mcp\n');
  });

  it('a shell other than bash and zsh: exit 2 and the usage', () => {
    const { code, stderr } = runBuiltCli(['completion', 'fish']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^ptp-mcp: no completion for "fish": bash or zsh\nusage: ptp-mcp completion bash\|zsh/,
    );
  });
});
