// A ptp-mcp plugin as a site would write one (docs/plugins.md): plain JavaScript, loaded by path from a
// config file (`plugins: [./plugin-example]`). It brings
// - a source, `acme-bench:NAME`: a lab bench recorded as files (benches/NAME/), one node;
// - an operator, `outsidePercentOf`, for the site's packs (packs/*.yaml);
// - a NIC profile of the bench's NIC (nic-profiles/acme.yaml), judged by the built-in packs;
// - an MCP toolset, `acme`, with one tool listing the NIC profiles the server knows.
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const here = (path) => new URL(path, import.meta.url).pathname;
const BENCHES = here('./benches/');

/** A bench as a ptp-mcp source gives it: raw material (texts and streams), never an analysis. */
class BenchSource {
  constructor(name) {
    this.name = name;
    this.dir = `${BENCHES}${name}/`;
    this.description = `acme bench ${name}`;
  }

  async collect() {
    const text = (file) => ({ name: `${this.name}/${file}`, text: readFileSync(this.dir + file, 'utf8') });
    const ifaces = readdirSync(this.dir)
      .filter((file) => file.endsWith('.i.txt'))
      .map((file) => file.slice(0, -'.i.txt'.length));
    return {
      manifest: {
        apiVersion: 'ptp-mcp/v1',
        kind: 'Snapshot',
        metadata: { name: this.name, description: this.description },
        // The bench's log has glog times without a year: the recording's date gives it.
        spec: {
          cluster: `acme-${this.name}`,
          namespace: '',
          source: 'recorded',
          recordedAt: '2026-11-20T08:03:00Z',
        },
      },
      objects: [],
      nodes: [
        {
          name: this.name,
          logs: {
            daemon: {
              name: `${this.name}/daemon.log`,
              open: () => createReadStream(`${this.dir}daemon.log`),
            },
          },
          configs: readdirSync(this.dir)
            .filter((file) => file.endsWith('.config'))
            .map((file) => ({ ...text(file), name: file })),
          pmc: [],
          ethtool: ifaces.map((iface) => ({
            iface,
            driverInfo: text(`${iface}.i.txt`),
            timestamping: text(`${iface}.T.txt`),
          })),
        },
      ],
      warnings: [],
    };
  }

  /** The core's exec gate has parsed and allowed `command` already: answer the configs from the files. */
  async run(node, argv, command) {
    if (command.kind === 'cat' && command.path.startsWith('/var/run/')) {
      const file = `${this.dir}${command.path.slice('/var/run/'.length)}`;
      if (existsSync(file)) return { stdout: readFileSync(file, 'utf8'), stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: `the bench ${node} recorded no answer to ${argv.join(' ')}`, exitCode: 1 };
  }
}

/** `outsidePercentOf [target, percent]`: a number more than percent % away from target (a site standard). */
const outsidePercentOf = {
  name: 'outsidePercentOf',
  takes: '[target, percent]: two numbers, percent ≥ 0',
  value: z.tuple([z.number(), z.number().min(0)]),
  evaluate: (fact, [target, percent]) => {
    const number = typeof fact === 'string' && fact.trim() !== '' ? Number(fact) : fact;
    return (
      typeof number === 'number' &&
      Number.isFinite(number) &&
      Math.abs(number - target) > (Math.abs(target) * percent) / 100
    );
  },
};

const nicProfilesTool = {
  name: 'acme_nic_profiles',
  title: 'NIC profiles the server knows',
  description:
    'The NIC profiles in effect (built-in vendors and the plugins’), by ethtool driver: PHC per NIC or port, GNSS, DPLL and the tx_timestamp_timeout each needs.',
  input: { driver: z.string().optional().describe('Only the profile of this ethtool -i driver') },
  output: {
    profiles: z.array(
      z.object({ id: z.string(), vendor: z.string(), driver: z.string(), txTimestampTimeoutMs: z.number() }),
    ),
  },
  async run(args, context) {
    const profiles = (await context.service())
      .nicProfiles()
      .all()
      .filter((profile) => args.driver === undefined || profile.driver === args.driver)
      .map(({ id, vendor, driver, txTimestampTimeoutMs }) => ({ id, vendor, driver, txTimestampTimeoutMs }));
    return {
      result: { profiles },
      summary:
        profiles.map((p) => `${p.driver}: ${p.id} (${p.txTimestampTimeoutMs} ms)`).join('\n') || 'none',
    };
  },
};

export default {
  name: 'acme-lab',
  sources: [
    {
      name: 'acme-bench',
      usage: 'acme-bench:NAME',
      capabilities: { recorded: true },
      matches: (spec) => spec.startsWith('acme-bench:'),
      open: (spec) => new BenchSource(spec.slice('acme-bench:'.length)),
    },
  ],
  operators: [outsidePercentOf],
  packs: [here('./packs/acme-site-config.yaml'), here('./packs/acme-site-runtime.yaml')],
  nicProfiles: [here('./nic-profiles/acme.yaml')],
  toolsets: [{ name: 'acme', description: 'the Acme lab’s own tools', tools: [nicProfilesTool] }],
};
