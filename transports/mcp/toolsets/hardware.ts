import { z } from 'zod';
import { EthtoolDriverInfo, EthtoolTimestamping } from '../../../core/model/ethtool.js';
import type { NodeSnapshot } from '../../../core/model/snapshot.js';
import { defineTool, nodeArg, sourceArgs, sourceOf, ToolInputError } from '../tool.js';

const Nic = z.object({
  node: z.string(),
  iface: z.string(),
  driverInfo: EthtoolDriverInfo.nullable(),
  timestamping: EthtoolTimestamping.nullable(),
});

/** The interfaces the node's PTP configs use: their sections other than global and the unicast tables. */
function configuredInterfaces(node: NodeSnapshot): { iface: string; config: string }[] {
  return node.configs.flatMap((c) =>
    c.config.sections
      .map((s) => s.name)
      .filter((name) => name !== 'global' && name !== 'nmea' && !name.startsWith('unicast_master_table'))
      .map((iface) => ({ iface, config: c.file })),
  );
}

/** What ethtool -T says of PTP: hardware (a PHC with hardware time stamps), software only, or none. */
function support(
  timestamping: z.infer<typeof EthtoolTimestamping> | null,
): 'hardware' | 'software' | 'none' | 'unknown' {
  if (!timestamping) return 'unknown';
  if (timestamping.hardwareTimestamping) return 'hardware';
  return timestamping.softwareOnly ? 'software' : 'none';
}

/** NICs, PHCs and time stamping, from ethtool and the NodePtpDevices. */
export const hardwareTools = [
  defineTool({
    name: 'get_hardware_info',
    title: 'Get PTP hardware info',
    description:
      'Per node the NICs its PTP configs use: driver, firmware, bus, PTP hardware clock (PHC) index and time stamping capability, with the devices the operator reports.',
    input: { ...sourceArgs, node: nodeArg },
    output: {
      nodes: z.array(z.object({ node: z.string(), nics: z.array(Nic), devices: z.array(z.string()) })),
    },
    openWorld: true,
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const nodes = snapshot.nodes.map((node) => ({
        node: node.name,
        nics: node.nics.map((nic) => ({ node: node.name, ...nic })),
        devices: (
          snapshot.cluster.nodePtpDevices.find((d) => d.metadata.name === node.name)?.status?.devices ?? []
        ).map((d) => d.name),
      }));
      return {
        result: { nodes },
        summary: nodes
          .map(
            (n) =>
              `${n.node}: ${n.nics.map((nic) => `${nic.iface} ${nic.driverInfo?.driver ?? '?'} fw ${nic.driverInfo?.firmwareVersion ?? '?'} ptp${nic.timestamping?.phcIndex ?? '?'}`).join(', ') || 'no ethtool data'}`,
          )
          .join('\n'),
      };
    },
  }),

  defineTool({
    name: 'list_ptp_interfaces',
    title: 'List PTP interfaces',
    description:
      'The interfaces the PTP configs of each node use, with the config they appear in, their port state, and whether ethtool shows hardware time stamping.',
    input: { ...sourceArgs, node: nodeArg },
    output: {
      interfaces: z.array(
        z.object({
          node: z.string(),
          iface: z.string(),
          config: z.string(),
          support: z.string(),
          phcIndex: z.number().nullable(),
        }),
      ),
    },
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const interfaces = snapshot.nodes.flatMap((node) =>
        configuredInterfaces(node).map(({ iface, config }) => {
          const nic = node.nics.find((n) => n.iface === iface);
          return {
            node: node.name,
            iface,
            config,
            support: support(nic?.timestamping ?? null),
            phcIndex: nic?.timestamping?.phcIndex ?? null,
          };
        }),
      );
      return {
        result: { interfaces },
        summary:
          interfaces
            .map(
              (i) =>
                `${i.node} ${i.iface} (${i.config}): ${i.support}${i.phcIndex !== null ? `, ptp${i.phcIndex}` : ''}`,
            )
            .join('\n') || 'no PTP interfaces',
      };
    },
  }),

  defineTool({
    name: 'check_interface_ptp_support',
    title: 'Check an interface’s PTP support',
    description:
      'Whether an interface can run PTP with hardware time stamps: the capabilities and PHC ethtool -T reports, and what linuxptp needs (hardware-transmit, hardware-receive, hardware-raw-clock; else time_stamping software).',
    input: { ...sourceArgs, node: z.string(), interface: z.string() },
    output: {
      node: z.string(),
      iface: z.string(),
      support: z.string(),
      phcIndex: z.number().nullable(),
      capabilities: z.array(z.string()),
      advice: z.string(),
    },
    openWorld: true,
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const nic = snapshot.nodes[0]?.nics.find((n) => n.iface === args.interface);
      if (!nic)
        throw new ToolInputError(
          `no ethtool data of ${args.interface} on ${args.node}; there are: ${snapshot.nodes[0]?.nics.map((n) => n.iface).join(', ') || 'none'}`,
        );
      const verdict = support(nic.timestamping);
      const advice = {
        hardware: 'hardware time stamping with a PHC: ptp4l can run with time_stamping hardware',
        software:
          'software time stamps only: ptp4l needs time_stamping software, and offsets stay in the microseconds',
        none: 'no time stamping: this interface cannot run PTP',
        unknown: 'ethtool -T gave nothing to judge',
      }[verdict];
      return {
        result: {
          node: args.node,
          iface: args.interface,
          support: verdict,
          phcIndex: nic.timestamping?.phcIndex ?? null,
          capabilities: nic.timestamping?.capabilities ?? [],
          advice,
        },
        summary: `${args.interface} on ${args.node}: ${advice}`,
      };
    },
  }),

  defineTool({
    name: 'get_nic_details',
    title: 'Get NIC details',
    description:
      'ethtool -i and -T of one interface (or all of a node), parsed: driver, version, firmware, bus, PHC, capabilities, tx types and rx filters.',
    input: { ...sourceArgs, node: z.string(), interface: z.string().optional() },
    output: { nics: z.array(Nic) },
    openWorld: true,
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const nics = (snapshot.nodes[0]?.nics ?? [])
        .filter((n) => args.interface === undefined || n.iface === args.interface)
        .map((n) => ({ node: args.node, ...n }));
      if (args.interface && nics.length === 0)
        throw new ToolInputError(`no ethtool data of ${args.interface} on ${args.node}`);
      return {
        result: { nics },
        summary:
          nics
            .map(
              (n) =>
                `${n.iface}: ${n.driverInfo?.driver ?? '?'} ${n.driverInfo?.version ?? ''} fw ${n.driverInfo?.firmwareVersion ?? '?'} bus ${n.driverInfo?.busInfo ?? '?'}`,
            )
            .join('\n') || 'no ethtool data',
      };
    },
  }),

  defineTool({
    name: 'map_ptp_hardware',
    title: 'Map PTP interfaces to NICs and PHCs',
    description:
      'For each node, which NIC (PCI bus) and PHC each configured interface sits on, and the problems of the mapping: an interface without ethtool data, software-only time stamping, one ptp4l spanning several PHCs without boundary_clock_jbod.',
    input: { ...sourceArgs, node: nodeArg },
    output: {
      nodes: z.array(
        z.object({
          node: z.string(),
          nics: z.array(
            z.object({
              bus: z.string().nullable(),
              phcIndex: z.number().nullable(),
              driver: z.string().nullable(),
              interfaces: z.array(z.string()),
            }),
          ),
          problems: z.array(z.string()),
        }),
      ),
    },
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const nodes = snapshot.nodes.map((node) => {
        const groups = new Map<
          string,
          { bus: string | null; phcIndex: number | null; driver: string | null; interfaces: string[] }
        >();
        const problems: string[] = [];
        const configured = configuredInterfaces(node);
        for (const { iface, config } of configured) {
          const nic = node.nics.find((n) => n.iface === iface);
          if (!nic?.timestamping)
            problems.push(`${iface} (${config}): no ethtool data: absent on the node, or not read`);
          else if (!nic.timestamping.hardwareTimestamping)
            problems.push(`${iface} (${config}): no hardware time stamping`);
          const bus = nic?.driverInfo?.busInfo?.replace(/\.\d+$/, '') ?? null;
          const key = `${bus}|${nic?.timestamping?.phcIndex ?? ''}`;
          const group = groups.get(key) ?? {
            bus,
            phcIndex: nic?.timestamping?.phcIndex ?? null,
            driver: nic?.driverInfo?.driver ?? null,
            interfaces: [],
          };
          if (!group.interfaces.includes(iface)) group.interfaces.push(iface);
          groups.set(key, group);
        }
        for (const config of node.configs.filter((c) => c.program === 'ptp4l')) {
          const ifaces = configured.filter((c) => c.config === config.file).map((c) => c.iface);
          const phcs = new Set(
            ifaces
              .map((i) => node.nics.find((n) => n.iface === i)?.timestamping?.phcIndex)
              .filter((p) => p !== undefined && p !== null),
          );
          const jbod = config.config.sections.some((s) =>
            s.entries.some((e) => e.key === 'boundary_clock_jbod' && e.value === '1'),
          );
          if (phcs.size > 1 && !jbod)
            problems.push(
              `${config.file}: ports ${ifaces.join(', ')} span ${phcs.size} PHCs without boundary_clock_jbod 1`,
            );
        }
        return { node: node.name, nics: [...groups.values()], problems };
      });
      return {
        result: { nodes },
        summary: nodes
          .map(
            (n) =>
              `${n.node}: ${n.nics.map((g) => `${g.driver ?? '?'} ${g.bus ?? '?'} ptp${g.phcIndex ?? '?'} [${g.interfaces.join(' ')}]`).join('; ') || 'no interfaces'}${n.problems.length ? ` — ${n.problems.join('; ')}` : ''}`,
          )
          .join('\n'),
      };
    },
  }),
];
