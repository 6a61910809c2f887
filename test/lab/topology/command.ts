import { spawnSync } from 'node:child_process';

/** Runs a command (argv, no shell); throws naming it and what it printed when it fails. */
export function run(argv: string[], timeoutMs = 10_000): string {
  const [command, ...args] = argv;
  const result = spawnSync(command!, args, { encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) {
    const why = result.error?.message ?? `exit status ${result.status ?? result.signal}`;
    throw new Error(`${argv.join(' ')}: ${why}: ${`${result.stderr}${result.stdout}`.trim()}`);
  }
  return result.stdout;
}

/** The argv of `command` run inside a network namespace. */
export function inNamespace(namespace: string, argv: string[]): string[] {
  return ['ip', 'netns', 'exec', namespace, ...argv];
}
