import 'reflect-metadata';
import { FileReadError } from '../../core/io/regular-file.js';
import { packageVersion } from '../../core/package-root.js';
import { PackError } from '../../core/rules/pack-error.js';
import type { PtpService } from '../../core/service.js';
import { SourceError } from '../../core/sources/source-error.js';
import type { CliApp } from './cli-app.js';
import { CliError } from './cli-error.js';
import { type CliIo, processIo } from './io.js';
import { kubeOptions } from './kube-options.js';

type Command = (argv: string[], io: CliIo, app: CliApp) => Promise<number>;

/** Each command's module loads when it runs: an MCP server's start must not pay for lint or simulate. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  diagnose: async () => (await import('./commands/diagnose.js')).diagnoseCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  'logs analyze': async () => (await import('./commands/logs-analyze.js')).logsAnalyzeCommand,
  'rules list': async () => (await import('./commands/rules.js')).rulesListCommand,
  'rules validate': async () => (await import('./commands/rules.js')).rulesValidateCommand,
  'rules test': async () => (await import('./commands/rules.js')).rulesTestCommand,
  'rules schema': async () => (await import('./commands/rules.js')).rulesSchemaCommand,
  'rules facts': async () => (await import('./commands/rules.js')).rulesFactsCommand,
  'snapshot record': async () => (await import('./commands/snapshot-record.js')).snapshotRecordCommand,
  simulate: async () => (await import('./commands/simulate.js')).simulateCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  ask: async () => (await import('./commands/ask.js')).askCommand,
};

const HELP = `ptp-mcp: diagnose PTP (linuxptp) time synchronization on OpenShift/Kubernetes

usage: ptp-mcp <command> [options]

commands:
  diagnose               state of every node, clock hierarchy and episodes (default source: the built-in demo)
  lint <paths...>        check PtpConfigs and ptp4l.conf files against rule packs: the CI gate (SARIF, JUnit)
  logs analyze <file|->  summarize any linuxptp log: servo, offsets, port states, faults, GM and clock class
  rules list             the rule packs and their rules
  rules validate <pack>  check a rule or intent pack (and what it extends): file:line:column of the first problem
  rules test <paths...>  run rule pack tests (*.test.yaml): cases that must fire and cases that must stay silent
  rules schema           JSON Schema of rule packs (--kind test: pack tests, intents: intent packs) for editors
  rules facts            the facts rules can test, for a config file or a snapshot (--source)
  ask "<question>"       a question in words, e.g. "why is bc-2 in holdover?", answered from the data
  serve --stdio|--http   the MCP server (Claude Desktop, OpenShift Lightspeed, any MCP client)
  snapshot record        record a live cluster (a PTP must-gather) into a snapshot folder
  simulate               serve a scenario or snapshot as a Kubernetes API on loopback, with a kubeconfig

Sources (--source): demo, scenario:NAME, dir:PATH, cluster (the kubeconfig's current context),
cluster:CONTEXT. A cluster is reached with --kubeconfig FILE (else $KUBECONFIG, ~/.kube/config, or the
pod's service account), --context NAME, --namespace NS (default openshift-ptp) and --source-timeout
DURATION (the deadline of a whole read, default 120s), options every command accepts.

Run "ptp-mcp <command> --help" for the options of a command.
`;

/** Runs one CLI invocation and returns its exit code; never lets a user mistake surface as a stack trace. */
export async function runCli(argv: string[], io: CliIo = processIo, service?: PtpService): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout(HELP);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const name = argv.length > 1 && COMMANDS[`${argv[0]} ${argv[1]}`] ? `${argv[0]} ${argv[1]}` : argv[0]!;
  const load = COMMANDS[name];
  if (!load) {
    // A group of commands (rules, logs, snapshot) without one of its own: those, rather than all.
    const group = HELP.split('\n').filter((line) => line.startsWith(`  ${argv[0]} `));
    if (group.length > 0) {
      const commands = `ptp-mcp ${argv[0]} commands:\n${group.join('\n')}\n`;
      if (argv[1] === '--help' || argv[1] === '-h') {
        io.stdout(commands);
        return 0;
      }
      const which =
        argv[1] === undefined ? `"${argv[0]}" needs a command` : `unknown command "${argv[0]} ${argv[1]}"`;
      io.stderr(`ptp-mcp: ${which}\n\n${commands}`);
      return 2;
    }
    io.stderr(`ptp-mcp: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${HELP}`);
    return 2;
  }
  try {
    const { rest, kube } = kubeOptions(argv.slice(name.split(' ').length));
    const command = await load();
    let made: Promise<PtpService> | undefined;
    const app: CliApp = {
      kube,
      service: (options = {}) =>
        (made ??= service
          ? Promise.resolve(service)
          : import('../../core/container.js').then((m) =>
              m.createService({ kube, partialSnapshots: options.partial }),
            )),
    };
    return await command(rest, io, app);
  } catch (error) {
    if (
      error instanceof CliError ||
      error instanceof SourceError ||
      error instanceof PackError ||
      error instanceof FileReadError
    ) {
      io.stderr(`ptp-mcp: ${error.message}\n`);
      return error instanceof CliError ? error.exitCode : 2;
    }
    io.stderr(`ptp-mcp: internal error: ${(error as Error).message}\n`);
    if (process.env.PTP_MCP_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 2;
  }
}
