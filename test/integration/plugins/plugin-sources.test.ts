import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { runBuiltCli } from '../cli-run.js';
import { stdioClient, textOf } from '../mcp/mcp-client.js';

const EXAMPLE = join(packageRoot(), 'examples', 'plugin-example', 'index.js');

/**
 * A plugin with two sources reading the example plugin's bench, each naming its node after the thread
 * that collected it: one declares `workThread`, the other does not. What the server's tools answer
 * shows where each was read.
 */
function probePlugin(dir: string): string {
  writeFileSync(
    join(dir, 'probe.js'),
    `import { threadId } from 'node:worker_threads';
import example from ${JSON.stringify(EXAMPLE)};
const bench = example.sources[0];
const probe = (name, workThread) => ({
  name,
  usage: name + ':BENCH',
  capabilities: { recorded: true, workThread },
  matches: (spec) => spec.startsWith(name + ':'),
  open: (spec) => {
    const inner = bench.open('acme-bench:' + spec.slice(name.length + 1));
    return {
      description: inner.description,
      run: (...args) => inner.run(...args),
      async collect(options) {
        const raw = await inner.collect(options);
        for (const node of raw.nodes) node.name = 'thread-' + threadId;
        return raw;
      },
    };
  },
});
export default { name: 'probe', sources: [probe('probe-here', false), probe('probe-thread', true)] };
`,
  );
  const config = join(dir, 'ptp-mcp.config.yaml');
  writeFileSync(config, 'apiVersion: ptp-mcp/v1\nkind: Config\nplugins: [./probe.js]\n');
  return config;
}

const BUILT_IN = 'demo, scenario:NAME, dir:PATH, cluster, cluster:CONTEXT, host';

describe('help lists the --source forms of the plugins in effect', () => {
  const config = probePlugin(mkdtempSync(join(tmpdir(), 'ptp-mcp-probe-')));

  it.each([
    [
      ['--config', config, '--help'],
      `Sources (--source): ${BUILT_IN}, probe-here:BENCH, probe-thread:BENCH.\n`,
    ],
    [['--no-config', '--help'], `Sources (--source): ${BUILT_IN}.\n`],
    [
      ['--config', config, 'diagnose', '--help'],
      `what to read: ${BUILT_IN}, probe-here:BENCH, probe-thread:BENCH\n`,
    ],
    [['--no-config', 'trend', '--help'], `what to read: ${BUILT_IN}\n`],
  ])('%j', (args, line) => {
    const { code, stdout } = runBuiltCli(args);
    expect(code).toBe(0);
    expect(stdout).toContain(line);
  });
});

describe('a source is read on a server’s work thread only when it declares workThread', () => {
  let client: Client;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const config = probePlugin(mkdtempSync(join(tmpdir(), 'ptp-mcp-probe-')));
    ({ client, close } = await stdioClient(['--source', 'demo', '--config', config]));
  });
  afterAll(() => close());

  async function nodesOf(source: string): Promise<string[]> {
    const result = await client.callTool({ name: 'check_ptp_health', arguments: { source } });
    expect(result.isError, textOf(result)).toBeFalsy();
    return (result.structuredContent as { nodes: { node: string }[] }).nodes.map((n) => n.node);
  }

  it('without it: on the server’s own thread (thread 0)', async () => {
    expect(await nodesOf('probe-here:lab-1')).toEqual(['thread-0']);
  });

  it('with it: on a work thread, which loaded the config’s plugin', async () => {
    const [node] = await nodesOf('probe-thread:lab-1');
    expect(node).toMatch(/^thread-[1-9]\d*$/);
  });

  it('the tools’ source argument lists the plugin’s forms after the built-in ones', async () => {
    const { tools } = await client.listTools();
    const diagnose = tools.find((tool) => tool.name === 'diagnose')!;
    const source = (diagnose.inputSchema.properties as Record<string, { description: string }>).source!;
    expect(source.description).toBe(
      `${BUILT_IN}, probe-here:BENCH, probe-thread:BENCH; the server’s default when absent`,
    );
  });
});
