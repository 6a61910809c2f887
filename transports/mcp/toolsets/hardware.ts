import { z } from 'zod';
import { timestampingSupport } from '../../../core/analysis/ptp-interfaces.js';
import { EthtoolDriverInfo, EthtoolTimestamping } from '../../../core/model/ethtool.js';
import { NicMap } from '../../../core/model/nic-map.js';
import { nicMap } from '../../../plugins/nic/nic-map.js';
import { defineTool, nodeArg, sourceArgs, sourceOf, ToolInputError } from '../tool.js';

const Nic = z.object({
  node: z.string(),
  iface: z.string(),
  driverInfo: EthtoolDriverInfo.nullable(),
  timestamping: EthtoolTimestamping.nullable(),
});

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
      const profiles = (await context.service()).nicProfiles();
      const interfaces = snapshot.nodes.flatMap((node) =>
        nicMap(node, profiles).interfaces.map((i) => ({
          node: node.name,
          iface: i.iface,
          config: i.configs.join(', '),
          support: i.support,
          phcIndex: i.phcIndex,
        })),
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
      const verdict = timestampingSupport(nic);
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
      'ethtool -i and -T of one interface (or all of a node), parsed: driver, version, firmware, bus, PHC, capabilities, tx types and rx filters; with what ptp-mcp knows of the NIC (vendor profile: PHC per NIC or port, GNSS, DPLL, pins, pitfalls).',
    input: { ...sourceArgs, node: z.string(), interface: z.string().optional() },
    output: {
      nics: z.array(
        Nic.extend({
          vendor: z
            .object({
              id: z.string(),
              vendor: z.string(),
              models: z.string(),
              phcPer: z.string(),
              gnss: z.boolean(),
              dpll: z.boolean(),
              recommendedTxTimestampTimeoutMs: z.number(),
              pitfalls: z.array(z.string()),
            })
            .nullable(),
        }),
      ),
    },
    openWorld: true,
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const profiles = (await context.service()).nicProfiles();
      const nics = (snapshot.nodes[0]?.nics ?? [])
        .filter((n) => args.interface === undefined || n.iface === args.interface)
        .map((n) => {
          const profile = profiles.of(n.driverInfo?.driver);
          const vendor = profile
            ? {
                id: profile.id,
                vendor: profile.vendor,
                models: profile.models,
                phcPer: profile.phcPer,
                gnss: profile.gnss,
                dpll: profile.dpll,
                recommendedTxTimestampTimeoutMs: profile.txTimestampTimeoutMs,
                pitfalls: profile.pitfalls,
              }
            : null;
          return { node: args.node, ...n, vendor };
        });
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
      'For each node, which NIC (PCI bus, driver, firmware, vendor profile) and PHC each configured interface sits on, and what breaks PTP there: an interface ethtool cannot see, software-only time stamping and a ptp4l spanning several PHCs without boundary_clock_jbod (what a NIC needs of the configs: the nic/* findings of diagnose).',
    input: { ...sourceArgs, node: nodeArg },
    output: { nodes: z.array(NicMap) },
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const profiles = (await context.service()).nicProfiles();
      const nodes = snapshot.nodes.map((node) => nicMap(node, profiles));
      return {
        result: { nodes },
        summary: nodes
          .map(
            (n) =>
              `${n.node}: ${n.nics.map((g) => `${g.driver ?? '?'} ${g.bus ?? '?'} ptp${g.phcIndex ?? '?'} [${g.interfaces.join(' ')}]`).join('; ') || 'no interfaces'}${n.problems.length ? ` — ${n.problems.map((p) => p.detail).join('; ')}` : ''}`,
          )
          .join('\n'),
      };
    },
  }),
];
