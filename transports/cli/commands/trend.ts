import { frequencyDriftOf } from '../../../core/queries/frequency-drift.js';
import { offsetTrendOf } from '../../../core/queries/offset-trend.js';
import { ToolInputError } from '../../mcp/tool.js';
import { toolContext } from '../../mcp/tool-context.js';
import { checkNames } from '../../mcp/toolsets/known-names.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommand } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { commandHelp, usageOf } from '../command-help.js';
import { driftJson, renderDrift, renderTrend, trendJson } from '../format/trend-text.js';
import type { CliIo } from '../io.js';
import { TREND } from '../specs/trend.js';

/**
 * `ptp-mcp trend`: how a process' offset evolved on a node (get_offset_trend), or with --drift how each
 * servo's frequency drifts (analyze_frequency_drift): the same core queries, on the same readings.
 */
export async function trendCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values } = parseCommand(argv, TREND);
  if (values.help) {
    io.stdout(commandHelp(TREND, await app.sourceForms()));
    return 0;
  }
  const format = oneOf(values.format, TREND.options.format.choices, 'format', 'text');
  const lastMs = numberOption(values.last, 'last', NUMBER_OPTIONS.window);
  const buckets = numberOption(values.buckets, 'buckets', NUMBER_OPTIONS.buckets) ?? 30;
  if (values.drift && (values.buckets !== undefined || values['config-tag'] !== undefined))
    throw new CliError(`--drift takes no --buckets or --config-tag\n${usageOf(TREND)}`);
  if (!values.drift && values.node === undefined)
    throw new CliError(`trend needs --node (or --drift)\n${usageOf(TREND)}`);
  const source = values.source ?? app.config?.config.sources?.default ?? 'demo';
  // The MCP tools' context: its cache reads a source once for the name check and the query.
  const context = toolContext({
    service: () => app.service({ partial: values.partial }),
    defaultSource: source,
  });
  await checkNames({ source, node: values.node, process: values.process }, context).catch((error) => {
    throw error instanceof ToolInputError ? new CliError(error.message) : error;
  });
  const snapshot = await context.cache.snapshot({ source, node: values.node });
  if (values.drift) {
    const diagnosis = await context.cache.diagnose({ source, node: values.node, lastMs });
    const processes = frequencyDriftOf(diagnosis, snapshot, lastMs).filter(
      (p) => values.process === undefined || p.name === values.process,
    );
    io.stdout(format === 'json' ? driftJson(processes) : renderDrift(processes));
    return 0;
  }
  const node = snapshot.nodes[0]!;
  const trend = offsetTrendOf(node, {
    process: values.process,
    configTag: values['config-tag'],
    lastMs,
    buckets,
  });
  io.stdout(format === 'json' ? trendJson(node.name, trend) : renderTrend(node.name, trend));
  return 0;
}
