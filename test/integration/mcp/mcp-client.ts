import { type ChildProcess, spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CLI } from '../cli-run.js';

/** The SDK's own client on the built `ptp-mcp serve --stdio`, as Claude Desktop starts it. */
export async function stdioClient(
  args: string[] = ['--source', 'demo'],
): Promise<{ client: Client; stderr: () => string; close(): Promise<void> }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'serve', '--stdio', ...args],
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const client = new Client({ name: 'ptp-mcp-tests', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** The text of a tool result's first content block. */
export function textOf(result: object): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content;
  return content?.[0]?.text ?? '';
}

/** The bearer token the HTTP tests serve with. */
export const TOKEN = 'test-token-0123456789abcdef';

/** `ptp-mcp serve --http` as a process; resolves with its URL once it listens. */
export async function serveHttp(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; process: ChildProcess; stderr: () => string }> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--http', '--port', '0', '--source', 'demo', ...args],
    {
      env: { ...process.env, ...env },
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  for (let i = 0; i < 100 && !/at (http:\S+)\/mcp/.test(stderr); i++)
    await new Promise((r) => setTimeout(r, 100));
  const url = /at (http:\S+)\/mcp/.exec(stderr)?.[1];
  if (!url) throw new Error(`serve did not start: ${stderr}`);
  return { url, process: child, stderr: () => stderr };
}

export async function connect(url: string, token = TOKEN): Promise<Client> {
  const client = new Client({ name: 'http-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}
