import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { PackError } from '../../core/rules/pack-error.js';
import { CommandRefused } from '../../core/sources/exec-allowlist.js';
import { SourceError } from '../../core/sources/source-error.js';
import type { PtpTool, ToolContext } from './tool.js';
import { sourceArgs, ToolInputError } from './tool.js';

/** Mistakes of the caller or of the data, shown as they are; anything else is an internal error. */
const USER_ERRORS = [ToolInputError, SourceError, PackError, CommandRefused];

/**
 * Each tool's zod objects, made once per process (and list of sources): every HTTP session registers
 * every tool, and a zod object of its own per session would cost memory and time for each client.
 */
const schemasOf = new WeakMap<PtpTool, Map<string, { input: z.ZodObject; output: z.ZodObject }>>();
function schemas(tool: PtpTool, sources: readonly string[]): { input: z.ZodObject; output: z.ZodObject } {
  let bySources = schemasOf.get(tool);
  if (!bySources) {
    bySources = new Map();
    schemasOf.set(tool, bySources);
  }
  const key = sources.join(', ');
  let made = bySources.get(key);
  if (!made) {
    // The common `source` argument names the forms the server's plugins take, when it was told them.
    const input =
      tool.input.source === sourceArgs.source && sources.length > 0
        ? { ...tool.input, source: sourceArgs.source.describe(`${key}; the server’s default when absent`) }
        : tool.input;
    // Strict: a property the tool does not know is refused by name, never dropped silently.
    made = { input: z.strictObject(input), output: z.object(tool.output) };
    bySources.set(key, made);
  }
  return made;
}

export type ContextFor = (extra: {
  sendProgress(done: number, total: number, message?: string): Promise<void>;
}) => ToolContext;

/**
 * Registers each tool with its zod input and output schemas and read-only annotations. A call returns
 * the structured result and a short text summary; a failure returns `isError` with one clear line.
 * `sources`: the `--source` forms of the server's plugins, listed in the `source` argument's description.
 */
export function registerTools(
  server: McpServer,
  tools: readonly PtpTool[],
  contextFor: ContextFor,
  onInternalError: (tool: string, error: Error) => void,
  sources: readonly string[] = [],
): void {
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: schemas(tool, sources).input,
        outputSchema: schemas(tool, sources).output,
        annotations: {
          title: tool.title,
          readOnlyHint: true,
          destructiveHint: false,
          idempotentHint: true,
          openWorldHint: tool.openWorld === true,
        },
      },
      async (args: unknown, extra): Promise<CallToolResult> => {
        const progressToken = extra._meta?.progressToken;
        const context = contextFor({
          sendProgress: async (done, total, message) => {
            if (progressToken === undefined) return;
            await extra.sendNotification({
              method: 'notifications/progress',
              params: { progressToken, progress: done, total, ...(message ? { message } : {}) },
            });
          },
        });
        try {
          const { result, summary } = await tool.run(args as never, context);
          return {
            content: [{ type: 'text', text: summary }],
            structuredContent: result as Record<string, unknown>,
          };
        } catch (error) {
          const known = USER_ERRORS.some((kind) => error instanceof kind);
          if (!known) onInternalError(tool.name, error as Error);
          const message = known
            ? (error as Error).message
            : `internal error in ${tool.name}: ${(error as Error).message}`;
          return { isError: true, content: [{ type: 'text', text: message }] };
        }
      },
    );
  }
}
