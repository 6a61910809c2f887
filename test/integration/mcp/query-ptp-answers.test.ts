import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_QUESTIONS } from '../issue-questions.js';
import { stdioClient, textOf } from './mcp-client.js';

/** query_ptp on a server as started by default (no --allow-exec): the value asked comes first. */
describe('query_ptp answers with the value asked (built server over stdio)', () => {
  let client: Client;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ client, close } = await stdioClient());
  });
  afterAll(() => close());

  it.each(ISSUE_QUESTIONS)('%s: %s', async (question, tool, firstLine) => {
    const result = await client.callTool({ name: 'query_ptp', arguments: { question } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result).split('\n')[0]).toBe(firstLine);
    const content = result.structuredContent as { plan: { call: { tool: string } }; answer: string[] };
    expect(content.plan.call.tool).toBe(tool);
    expect(content.answer[0]).toBe(firstLine);
  });

  it('a node the data does not have is an error naming the nodes it has', async () => {
    const result = await client.callTool({
      name: 'query_ptp',
      arguments: { question: 'who is the grandmaster for worker-7' },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /no node "worker-7"; there are: bc-1, bc-2, gm-1, worker-1, worker-2, worker-3/,
    );
  });
});
