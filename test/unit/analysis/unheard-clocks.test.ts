import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeStatus } from '../../../core/analysis/node-status.js';
import {
  servingIndex,
  snapshotListeningClocks,
  unheardFacts,
} from '../../../core/analysis/unheard-clocks.js';
import { buildSnapshot } from '../../../core/snapshot/build-snapshot.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';

/**
 * Why a clock hears no master, on what real ptp4l 3.1.1 gave in the lab (fixtures/lab/transport-mismatch:
 * the T-TSC on UDPv4, the T-BC's port on L2; fixtures/lab/domain-mismatch: the T-TSC on domain 25).
 */
describe('clocks that hear no master, against what the other nodes serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-unheard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The facts of each node of a recording, with only the nodes named kept. */
  const facts = async (recording: string, nodes: string[]) => {
    const out = mkdtempSync(join(dir, 'lab-'));
    cpSync(join('fixtures/lab', recording), out, {
      recursive: true,
      filter: (source) => !/\/nodes\/[^/]+/.test(source) || nodes.some((n) => source.includes(`/nodes/${n}`)),
    });
    const snapshot = await buildSnapshot(await new SnapshotFolderSource(out, 'lab').collect(), {
      origin: 'test',
    });
    const listening = snapshotListeningClocks(
      snapshot,
      snapshot.nodes.map((node) => nodeStatus(node, snapshot)),
    );
    return Object.fromEntries(nodes.map((node) => [node, unheardFacts(node, servingIndex(listening))]));
  };

  it('names the transport nobody serves, and nothing of the clocks that hear their master', async () => {
    const { tsc, bc, gm } = await facts('transport-mismatch', ['gm', 'bc', 'tsc']);
    expect(tsc).toMatchObject({
      configs: 'ptp4l.0.config',
      domains: '24',
      transports: 'UDPv4',
      servedBy: 'bc, gm',
      servedDomains: '24',
      servedTransports: 'L2',
      domainUnserved: false,
      transportUnserved: true,
    });
    for (const node of [bc, gm])
      expect(node).toMatchObject({ configs: '', domainUnserved: false, transportUnserved: false });
  });

  it('names the domain nobody serves', async () => {
    const { tsc } = await facts('domain-mismatch', ['gm', 'bc', 'tsc']);
    expect(tsc).toMatchObject({
      domains: '25',
      servedDomains: '24',
      domainUnserved: true,
      transportUnserved: false,
    });
  });

  it('concludes nothing from the T-TSC alone: one host only shows that it hears nothing', async () => {
    const { tsc } = await facts('domain-mismatch', ['tsc']);
    expect(tsc).toMatchObject({
      configs: 'ptp4l.0.config',
      servedBy: '',
      domainUnserved: false,
      transportUnserved: false,
    });
  });
});

describe('what a fleet serves, counted once', () => {
  const clock = (node: string, serving: boolean, domain: number, unheard = false) => ({
    node,
    configFile: 'ptp4l.0.config',
    domain,
    unheard,
    transports: ['L2'],
    servingPorts: serving ? [1] : [],
  });

  it('leaves the node itself out of what is served, and names ten serving nodes then counts the rest', () => {
    const clocks = [
      ...Array.from({ length: 15 }, (_, i) => clock(`bc-${i}`, true, 24)),
      clock('tsc', false, 25, true),
      clock('lone', true, 26),
    ];
    const index = servingIndex(clocks);
    const tsc = unheardFacts('tsc', index);
    expect(tsc.servedBy).toBe('bc-0, bc-1, bc-2, bc-3, bc-4, bc-5, bc-6, bc-7, bc-8, bc-9 and 6 more');
    expect(tsc).toMatchObject({ servedDomains: '24, 26', domainUnserved: true });
    // Domain 26 is served by `lone` only: for `lone` itself, nobody else serves it.
    expect(unheardFacts('lone', index)).toMatchObject({ servedDomains: '24', configs: '' });
  });
});
