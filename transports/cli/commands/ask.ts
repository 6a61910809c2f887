import { ask } from '../../mcp/ask.js';
import { ToolInputError } from '../../mcp/tool.js';
import { toolContext } from '../../mcp/tool-context.js';
import { TOOLS } from '../../mcp/tools.js';
import { oneOf, parseCommand } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { commandHelp, usageOf } from '../command-help.js';
import type { CliIo } from '../io.js';
import { ASK } from '../specs/ask.js';

/**
 * `ptp-mcp ask`: a question in words, answered by the tool the intents pack picks (as the MCP tool
 * query_ptp does). Exit 0 with an answer, 1 when the question got suggestions or needs more.
 */
export async function askCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const kube = app.kube;
  const { values, positionals } = parseCommand(argv, ASK);
  if (values.help) {
    io.stdout(commandHelp(ASK, await app.sourceForms()));
    return 0;
  }
  const question = positionals.join(' ').trim();
  if (!question) throw new CliError(`ask needs a question\n${usageOf(ASK)}`);
  const format = oneOf(values.format, ASK.options.format.choices, 'format', 'text');
  const source =
    values.source ?? (kube.kubeconfig !== undefined || kube.context !== undefined ? 'cluster' : 'demo');
  const context = toolContext({
    service: () => app.service({ partial: values.partial }),
    defaultSource: source,
    kubeconfig: kube.kubeconfig,
    intentPacks: values.intents,
  });
  const answer = await ask(question, source, context, TOOLS, await context.intents()).catch((error) => {
    // A name the question gave that the data does not have: the user's mistake, said as the tool says it.
    throw error instanceof ToolInputError ? new CliError(error.message) : error;
  });
  io.stdout(format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : `${answer.summary}\n`);
  // An answer from data the source could not wholly read says so, as diagnose's report does.
  const snapshot = await context.cache.snapshot({ source }).catch(() => undefined);
  for (const warning of snapshot?.warnings ?? [])
    io.stderr(
      `ptp-mcp: warning: ${warning.source}${warning.line !== undefined ? `:${warning.line}` : ''}: ${warning.message}\n`,
    );
  return answer.plan.call && answer.result !== null ? 0 : 1;
}
