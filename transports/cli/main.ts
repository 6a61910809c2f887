import 'reflect-metadata';
import { FileReadError } from '../../core/io/regular-file.js';
import { packageVersion } from '../../core/package-root.js';
import type { PtpPlugin } from '../../core/plugins/plugin-schema.js';
import { closestName } from '../../core/rules/closest-name.js';
import { PackError } from '../../core/rules/pack-error.js';
import type { PtpService } from '../../core/service.js';
import { SourceError } from '../../core/sources/source-error.js';
import type { CliApp } from './cli-app.js';
import { CliError } from './cli-error.js';
import { COMMAND_SPECS } from './command-spec.js';
import { configOptions, configPlugins, kubeWithConfig, loadChosenConfig } from './config-options.js';
import { hostOptions } from './host-options.js';
import { type CliIo, processIo } from './io.js';
import { kubeOptions } from './kube-options.js';

type Command = (argv: string[], io: CliIo, app: CliApp) => Promise<number>;

/** Each command's module loads when it runs: an MCP server's start must not pay for lint or simulate. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  diagnose: async () => (await import('./commands/diagnose.js')).diagnoseCommand,
  trend: async () => (await import('./commands/trend.js')).trendCommand,
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
  completion: async () => (await import('./commands/completion.js')).completionCommand,
};

/** The top-level help; `sources`: the --source forms of the plugins in effect (built-in and the config's). */
const help = (
  sources: readonly string[],
) => `ptp-mcp: diagnose PTP (linuxptp) time synchronization on OpenShift/Kubernetes

usage: ptp-mcp <command> [options]

commands:
${COMMAND_SPECS.map(({ name, args, summary }) => `  ${`${name}${args ? ` ${args}` : ''}`.padEnd(28)} ${summary}`).join('\n')}
  ${'version'.padEnd(28)} the version of ptp-mcp (also -v, --version)

Sources (--source): ${sources.join(', ')}.
cluster is the kubeconfig's current context; host is this machine, a plain linuxptp host (--ptp4l-config FILE,
--phc2sys-config FILE, --ts2phc-config FILE, --log FILE, each repeatable, --journal [--journal-unit UNIT],
--node-name NAME). A cluster is reached with --kubeconfig FILE (else $KUBECONFIG, ~/.kube/config, or the
pod's service account), --context NAME, --namespace NS (default openshift-ptp) and --source-timeout
DURATION (the deadline of a whole read, default 120s), options every command accepts.

Every command reads ptp-mcp.config.yaml from the working folder or its nearest parent (packs,
suppressions, fail-on, sources...; "ptp-mcp rules schema --kind config"): --config FILE reads another,
--no-config none. A flag given on the command line overrides its key.

Run "ptp-mcp <command> --help" for the options of a command, an example and its exit codes;
"ptp-mcp completion bash|zsh" prints a shell completion script.
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
    // Help is shown even where the config cannot be loaded (a command says why): the built-in sources then.
    const plugins = await Promise.resolve()
      .then(() => configPlugins(loadChosenConfig(choice, process.cwd())))
      .catch(() => []);
    io.stdout(help(await sourceForms(plugins)));
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const name = argv.length > 1 && COMMANDS[`${argv[0]} ${argv[1]}`] ? `${argv[0]} ${argv[1]}` : argv[0]!;
  const load = COMMANDS[name];
  if (!load) return unknownCommand(argv, io, help(await sourceForms([])));
  const { rest: args, kube } = kubeOptions(argv.slice(name.split(' ').length));
  if (name !== 'diagnose' && (kube.allContexts || (kube.contexts?.length ?? 0) > 1))
    throw new CliError(`${name} reads one cluster: several --context, or --all-contexts, are for diagnose`);
  const { rest, host } = hostOptions(args);
  const config = loadChosenConfig(choice, process.cwd());
  const reach = kubeWithConfig(kube, config);
  const command = await load();
  // Loaded before the command runs: their operators serve every pack it loads, their toolsets a server.
  const plugins = await configPlugins(config);
  let made: Promise<PtpService> | undefined;
  const app: CliApp = {
    kube: reach,
    host,
    config,
    plugins,
    service: (options = {}) =>
      (made ??= service
        ? Promise.resolve(service)
        : import('../composition-root.js').then((m) =>
            m.createService({ kube: reach, host, partialSnapshots: options.partial, plugins }),
          )),
    sourceForms: () => sourceForms(plugins),
  };
  return await command(rest, io, app);
}

/** The --source forms of the built-in plugins and `plugins`, each on its own. */
async function sourceForms(plugins: readonly PtpPlugin[]): Promise<string[]> {
  return (await import('../composition-root.js')).sourceForms(plugins);
}

/** A command not known: the commands of its group (rules, logs, snapshot), or the nearest name, and help. */
function unknownCommand(argv: string[], io: CliIo, helpText: string): number {
  const group = helpText.split('\n').filter((line) => line.startsWith(`  ${argv[0]} `));
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
  io.stderr(`ptp-mcp: unknown command "${given}"${hint}\n\n${helpText}`);
  return 2;
}

function didYouMean(given: string): string {
  const near = closestName(given, [...Object.keys(COMMANDS), 'help', 'version']);
  return near ? ` (did you mean "${near}"?)` : '';
}
