import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createPtpMcpServer, type PtpMcpOptions } from '../mcp/create-server.js';

/**
 * MCP over stdio (Claude Desktop and other local clients): stdout carries the protocol only; every
 * log line goes to stderr. Resolves when the client closes stdin.
 */
export async function serveStdio(options: Omit<PtpMcpOptions, 'log'>): Promise<void> {
  const { server, close } = createPtpMcpServer({
    ...options,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const transport = new StdioServerTransport();
  const done = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await done;
  close();
  await server.close();
}
