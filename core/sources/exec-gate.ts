import { allowCommand } from './exec-allowlist.js';
import type { OpenedSource, PtpDataSource } from './raw-cluster.js';

/**
 * The one place a command on a node is checked, whatever plugin reads the source: argv is parsed against
 * the allowlist before the source sees it, and the source gets the parsed command. A plugin cannot widen
 * the allowlist, and forgetting a check in one cannot open a hole.
 */
export function gatedSource(source: PtpDataSource): OpenedSource {
  return {
    description: source.description,
    collect: (options) => source.collect(options),
    run: async (node, argv) => source.run(node, argv, allowCommand(argv)),
  };
}
