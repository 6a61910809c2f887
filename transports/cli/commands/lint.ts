import { writeFileSync } from 'node:fs';
import { unknownBuiltInPack } from '../../../core/config/pack-policy.js';
import { formatBytes } from '../../../core/io/regular-file.js';
import { decodeUtf8Text } from '../../../core/io/text-encoding.js';
import { MAX_CONFIG_BYTES } from '../../../core/lint/lint-inputs.js';
import { type LintRequest, type LintResult, lintConfigs, lintText } from '../../../core/lint/lint-run.js';
import { LinuxptpVersionError, linuxptpTarget } from '../../../core/lint/linuxptp-version.js';
import { textKind } from '../../../core/lint/text-kind.js';
import { SEVERITIES } from '../../../core/model/finding.js';
import { packageVersion } from '../../../core/package-root.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommand } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { commandHelp, usageOf } from '../command-help.js';
import { renderGithub } from '../format/lint/lint-github.js';
import { renderJunit } from '../format/lint/lint-junit.js';
import { renderSarif } from '../format/lint/lint-sarif.js';
import { lintSummary } from '../format/lint/lint-summary.js';
import { lintSummaryLine, renderLintText } from '../format/lint/lint-text.js';
import type { CliIo } from '../io.js';
import { LINT } from '../specs/lint.js';

/**
 * `ptp-mcp lint`: exit 0 when no finding reaches --fail-on (moderate by default), 1 when one does, 2 when
 * an input or a pack cannot be read.
 */
export async function lintCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values, positionals } = parseCommand(argv, LINT);
  if (values.help) {
    io.stdout(commandHelp(LINT));
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`lint needs files or folders to check\n${usageOf(LINT)}`);
  if (positionals.includes('-') && positionals.length > 1)
    throw new CliError(`lint - reads one config from stdin, and no file beside it\n${usageOf(LINT)}`);
  const config = app.config?.config;
  const unknownPack = unknownBuiltInPack(values.pack ?? []);
  if (unknownPack) throw new CliError(`--pack ${unknownPack}`);
  const format = oneOf(values.format, LINT.options.format.choices, 'format', 'text');
  const failOn = oneOf(values['fail-on'] ?? config?.failOn, SEVERITIES, 'fail-on', 'moderate');
  const version = values['linuxptp-version'] ?? config?.linuxptpVersion;
  try {
    if (version !== undefined) linuxptpTarget(version);
  } catch (error) {
    if (error instanceof LinuxptpVersionError) throw new CliError(`--linuxptp-version: ${error.message}`);
    throw error;
  }
  const request = {
    packs: values.pack ?? config?.packs?.add,
    packPolicy: config?.packs,
    suppressionsFile: values.suppressions ?? config?.suppressions,
    linuxptpVersion: version,
    phcs: values.phc ? phcsOf(values.phc) : undefined,
    // The config's plugins' packs of configuration scopes run beside each profile's.
    pluginPacks: app.plugins.length > 0 ? (await app.service()).pluginPacks('config') : undefined,
  };
  const result =
    positionals[0] === '-'
      ? await lintStdin(io, request)
      : await lintConfigs({ ...request, paths: positionals });
  const summary = lintSummary(result, failOn);
  const quiet = values.quiet ?? false;
  // JSON carries it as linuxptp.notice and text prints it; the other machine formats have no place for it.
  if (result.linuxptp.notice && format !== 'text' && format !== 'json')
    io.stderr(`ptp-mcp: notice: ${result.linuxptp.notice}\n`);
  const report =
    format === 'json'
      ? `${JSON.stringify({ summary, ...result }, null, 2)}\n`
      : format === 'sarif'
        ? renderSarif(result, packageVersion(), { helpUri: config?.sarif?.helpUri })
        : format === 'junit'
          ? renderJunit(result, failOn)
          : format === 'github'
            ? renderGithub(result, failOn, { quiet })
            : renderLintText(result, failOn, { quiet });
  const outputFile = values['output-file'];
  if (outputFile === undefined) io.stdout(report);
  else {
    try {
      writeFileSync(outputFile, report);
    } catch (error) {
      throw new CliError(`--output-file ${outputFile}: ${(error as Error).message}`);
    }
    io.stdout(`${format} report written to ${outputFile}: ${lintSummaryLine(result, failOn)}\n`);
  }
  // Entries of a folder passed over (a FIFO, a device, a link to a folder): on stderr whatever the format.
  for (const warning of result.warnings)
    io.stderr(`ptp-mcp: warning: ${warning.source}: ${warning.message}\n`);
  if (result.errors.length > 0) {
    // Machine formats keep stdout clean; the errors also go to stderr so a CI log shows them.
    if (format !== 'text' || outputFile !== undefined)
      for (const error of result.errors)
        io.stderr(
          `ptp-mcp: ${error.source}${error.line !== undefined ? `:${error.line}` : ''}: ${error.message}\n`,
        );
    return 2;
  }
  // As ESLint does for a pattern matching nothing: a gate that checked no config must not pass.
  if (result.files.length === 0) {
    io.stderr(
      `ptp-mcp: no PtpConfig YAML (.yaml, .yml) nor linuxptp config (.conf, .cfg, .config) in ${positionals.join(', ')}: nothing was linted\n`,
    );
    return 2;
  }
  return summary.failing > 0 ? 1 : 0;
}

/** `lint -`: one config read from stdin (up to the size of a config file), named `<stdin>` in the report. */
async function lintStdin(io: CliIo, request: Omit<LintRequest, 'paths'>): Promise<LintResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (size > MAX_CONFIG_BYTES)
      throw new CliError(`<stdin>: more than ${formatBytes(MAX_CONFIG_BYTES)}: not a configuration`);
    chunks.push(bytes);
  }
  const text = decodeUtf8Text(Buffer.concat(chunks), STDIN_NAME);
  return lintText(text, STDIN_NAME, textKind(text), request);
}

const STDIN_NAME = '<stdin>';

/** `--phc ens3f0=7`: the PHC index of an interface, as ethtool -T prints it ("PTP Hardware Clock: 7"). */
function phcsOf(values: string[]): Record<string, number> {
  const phcs: Record<string, number> = {};
  for (const value of values) {
    const match = /^([\w.@:-]{1,64})=(.*)$/.exec(value);
    if (!match)
      throw new CliError(`--phc ${value}: expected IFACE=INDEX, e.g. --phc ens3f0=7\n${usageOf(LINT)}`);
    phcs[match[1]!] = numberOption(match[2], `phc ${match[1]}=INDEX`, NUMBER_OPTIONS.phcIndex)!;
  }
  return phcs;
}
