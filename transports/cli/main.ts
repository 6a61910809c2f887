import 'reflect-metadata';
import { FileReadError } from '../../core/io/regular-file.js';
import { packageVersion } from '../../core/package-root.js';
import { closestName } from '../../core/rules/closest-name.js';
import { PackError } from '../../core/rules/pack-error.js';
import type { PtpService } from '../../core/service.js';
import { SourceError } from '../../core/sources/source-error.js';
import type { CliApp } from './cli-app.js';
import { CliError } from './cli-error.js';
import { configOptions, kubeWithConfig, loadChosenConfig } from './config-options.js';
import { hostOptions } from './host-options.js';
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
  rules schema           JSON Schema of rule packs (--kind test: pack tests, intents: intent packs, config: the config file)
  rules facts            the facts rules can test, for a config file or a snapshot (--source)
  ask "<question>"       a question in words, e.g. "why is bc-2 in holdover?", answered from the data
  serve --stdio|--http   the MCP server (Claude Desktop, OpenShift Lightspeed, any MCP client)
  snapshot record        record a live cluster (a PTP must-gather) into a snapshot folder
  simulate               serve a scenario or snapshot as a Kubernetes API on loopback, with a kubeconfig
  version                the version of ptp-mcp (also -v, --version)

Sources (--source): demo, scenario:NAME, dir:PATH, cluster (the kubeconfig's current context),
cluster:CONTEXT, host (this machine, a plain linuxptp host: --ptp4l-config FILE, --phc2sys-config FILE,
--ts2phc-config FILE, --log FILE, each repeatable, --journal [--journal-unit UNIT], --node-name NAME). A cluster is reached with --kubeconfig FILE (else $KUBECONFIG, ~/.kube/config, or the
pod's service account), --context NAME, --namespace NS (default openshift-ptp) and --source-timeout
DURATION (the deadline of a whole read, default 120s), options every command accepts.

Every command reads ptp-mcp.config.yaml from the working folder or its nearest parent (packs,
suppressions, fail-on, sources...; "ptp-mcp rules schema --kind config"): --config FILE reads another,
--no-config none. A flag given on the command line overrides its key.

Run "ptp-mcp <command> --help" for the options of a command.
`;

/** Runs one CLI invocation and returns its exit code; never lets a user mistake surface as a stack trace. */
export async function runCli(argv: string[], io: CliIo = processIo, service?: PtpService): Promise<number> {
  try {
    return await run(argv, io, service);
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

async function run(all: string[], io: CliIo, service: PtpService | undefined): Promise<number> {
  const { rest: argv, choice } = configOptions(all);
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout(HELP);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const name = argv.length > 1 && COMMANDS[`${argv[0]} ${argv[1]}`] ? `${argv[0]} ${argv[1]}` : argv[0]!;
  const load = COMMANDS[name];
  if (!load) return unknownCommand(argv, io);
  const { rest: args, kube } = kubeOptions(argv.slice(name.split(' ').length));
  const { rest, host } = hostOptions(args);
  const config = loadChosenConfig(choice, process.cwd());
  const reach = kubeWithConfig(kube, config);
  const command = await load();
  let made: Promise<PtpService> | undefined;
  const app: CliApp = {
    kube: reach,
    host,
    config,
    service: (options = {}) =>
      (made ??= service
        ? Promise.resolve(service)
        : import('../../core/container.js').then((m) =>
            m.createService({ kube: reach, host, partialSnapshots: options.partial }),
          )),
  };
  return await command(rest, io, app);
}

/** A command not known: the commands of its group (rules, logs, snapshot), or the nearest name, and help. */
function unknownCommand(argv: string[], io: CliIo): number {
  const group = HELP.split('\n').filter((line) => line.startsWith(`  ${argv[0]} `));
  if (group.length > 0) {
    const commands = `ptp-mcp ${argv[0]} commands:\n${group.join('\n')}\n`;
    if (argv[1] === '--help' || argv[1] === '-h') {
      io.stdout(commands);
      return 0;
    }
    const which =
      argv[1] === undefined
        ? `"${argv[0]}" needs a command`
        : `unknown command "${argv[0]} ${argv[1]}"${didYouMean(`${argv[0]} ${argv[1]}`)}`;
    io.stderr(`ptp-mcp: ${which}\n\n${commands}`);
    return 2;
  }
  const given = argv.slice(0, 2).join(' ');
  const hint = didYouMean(argv[0]!) || didYouMean(given);
  io.stderr(`ptp-mcp: unknown command "${given}"${hint}\n\n${HELP}`);
  return 2;
}

function didYouMean(given: string): string {
  const near = closestName(given, [...Object.keys(COMMANDS), 'help', 'version']);
  return near ? ` (did you mean "${near}"?)` : '';
}
