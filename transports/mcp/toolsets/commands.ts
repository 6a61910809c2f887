import { z } from 'zod';
import { PmcOutput } from '../../../core/model/pmc.js';
import { parsePmcOutput } from '../../../core/parsers/pmc-output.js';
import { EXEC_ALLOWLIST, PMC_GET_IDS } from '../../../core/sources/exec-allowlist.js';
import { defineTool, sourceArgs, sourceOf, ToolInputError } from '../tool.js';

const MAX_OUTPUT = 64 * 1024;
const PMC_ACTIONS = /^(GET|SET|CMD|COMMAND)$/i;

/**
 * pmc reads each request as one argument (`GET DOMAIN`); a model often writes the action and the ID as
 * two (`["GET", "DOMAIN"]`). They are joined here; the allowlist then judges the request as usual.
 */
function joinPmcRequests(argv: readonly string[]): string[] {
  if (argv[0] !== 'pmc') return [...argv];
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (PMC_ACTIONS.test(argv[i]!) && next !== undefined && !next.startsWith('-')) {
      joined.push(`${argv[i]} ${next}`);
      i++;
    } else joined.push(argv[i]!);
  }
  return joined;
}

/** Commands on a node: pmc GET and the rest of the allowlist; nothing else ever runs. */
export const commandTools = [
  defineTool({
    name: 'run_pmc_query',
    title: 'Query ptp4l with pmc',
    description: `Asks a node's ptp4l instances for data sets with pmc (GET only), over their UDS in the daemon container: e.g. PARENT_DATA_SET (grandmaster, parent port), CURRENT_DATA_SET (offset, stepsRemoved), TIME_STATUS_NP, PORT_DATA_SET. IDs: ${PMC_GET_IDS.join(', ')}. On a recorded snapshot, the recorded answers.`,
    input: {
      ...sourceArgs,
      node: z.string().describe('The node'),
      queries: z
        .array(z.enum(PMC_GET_IDS))
        .min(1)
        .max(8)
        .default(['PARENT_DATA_SET', 'CURRENT_DATA_SET'])
        .describe('Management IDs to GET'),
      configFile: z
        .string()
        .regex(/^ptp4l\.\d+\.config$/)
        .optional()
        .describe('One ptp4l instance (ptp4l.0.config); all of the node by default'),
    },
    output: {
      node: z.string(),
      instances: z.array(
        z.object({
          configFile: z.string(),
          output: PmcOutput,
          exitCode: z.number().int(),
          stderr: z.string(),
        }),
      ),
    },
    openWorld: true,
    async run(args, context) {
      const source = sourceOf(args, context);
      let files = args.configFile ? [args.configFile] : [];
      if (files.length === 0) {
        const listing = await (await context.service()).run(source, args.node, ['ls', '/var/run']);
        files = listing.stdout.split('\n').filter((f) => /^ptp4l\.\d+\.config$/.test(f));
      }
      if (files.length === 0)
        throw new ToolInputError(`no ptp4l instance runs on ${args.node} (no /var/run/ptp4l.N.config)`);
      const instances = [];
      for (const file of files) {
        const result = await (await context.service()).run(source, args.node, [
          'pmc',
          '-u',
          '-b',
          '0',
          '-f',
          `/var/run/${file}`,
          ...args.queries.map((q) => `GET ${q}`),
        ]);
        instances.push({
          configFile: file,
          output: parsePmcOutput(result.stdout),
          exitCode: result.exitCode,
          stderr: result.stderr.slice(0, 2000),
        });
      }
      const answered = instances.map(
        (i) =>
          `${i.configFile}: ${i.output.responses.length} answer(s)${i.output.unanswered.length ? `, no answer to ${i.output.unanswered.join(', ')}` : ''}`,
      );
      return { result: { node: args.node, instances }, summary: answered.join('\n') };
    },
  }),

  defineTool({
    name: 'exec_ptp_command',
    title: 'Run an allowlisted command on a node',
    description: `Runs one command of the allowlist in a node's linuxptp-daemon container, as argv (never a shell): ${EXEC_ALLOWLIST.map((c) => c.command).join('; ')}. Anything else is refused.`,
    input: {
      ...sourceArgs,
      node: z.string().describe('The node'),
      command: z
        .array(z.string().max(256))
        .min(1)
        .max(16)
        .describe(
          'argv, e.g. ["ethtool", "-T", "ens1f0"]; a pmc request as one element ("GET DOMAIN") or two ("GET", "DOMAIN")',
        ),
    },
    output: {
      node: z.string(),
      command: z.array(z.string()),
      exitCode: z.number().int(),
      stdout: z.string(),
      stderr: z.string(),
      truncated: z.boolean(),
    },
    openWorld: true,
    async run(args, context) {
      const command = joinPmcRequests(args.command);
      const result = await (await context.service()).run(sourceOf(args, context), args.node, command);
      const truncated = result.stdout.length > MAX_OUTPUT;
      return {
        result: {
          node: args.node,
          command,
          exitCode: result.exitCode,
          stdout: result.stdout.slice(0, MAX_OUTPUT),
          stderr: result.stderr.slice(0, 4096),
          truncated,
        },
        summary: `${command.join(' ')} on ${args.node}: exit ${result.exitCode}, ${result.stdout.split('\n').length} line(s)${truncated ? ' (cut to 64 KB)' : ''}`,
      };
    },
  }),
];
