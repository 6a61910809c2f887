import { z } from 'zod';
import { IFNAME_MAX, ifaceName } from './names.js';

const Name = z.string().regex(/^[a-z][a-z0-9]*$/, 'lower-case letters and digits, starting with a letter');
const Options = z.record(z.string(), z.union([z.string(), z.number()]));

/** A veth pair between two nodes: interfaces `<a>-<b>` in a and `<b>-<a>` in b. */
const VethLink = z.object({ a: Name, b: Name });
/** A shared segment: a Linux bridge in its own namespace, each member's interface `<node>-<segment>`. */
const Segment = z.object({ segment: Name, members: z.array(Name).min(2) });

export const ClockRole = z.enum(['T-GM', 'T-BC', 'T-TSC']);
export type ClockRole = z.infer<typeof ClockRole>;

/** One ptp4l instance. */
export const ClockSpec = z.object({
  name: Name,
  node: Name,
  role: ClockRole,
  ifaces: z.array(z.string()).min(1),
  /** [global] lines written after the role's defaults, so they override them. */
  options: Options.default({}),
  /** Lines of one interface's section (`masterOnly 1`, `network_transport UDPv4`). */
  portOptions: z.record(z.string(), Options).default({}),
  /** false: declared, started later by the scenario (`lab.startClock`). */
  start: z.boolean().default(true),
});
export type ClockSpec = z.infer<typeof ClockSpec>;

export const TopologySpec = z
  .object({
    domain: z.number().int().min(0).max(255).default(24),
    nodes: z.array(Name).min(1),
    links: z.array(z.union([VethLink, Segment])),
    clocks: z.array(ClockSpec).min(1),
  })
  .superRefine((spec, ctx) => {
    const ifaces = new Map(spec.nodes.map((node) => [node, new Set<string>()]));
    const add = (node: string, iface: string) => {
      if (!ifaces.has(node)) ctx.addIssue({ code: 'custom', message: `link names unknown node ${node}` });
      if (iface.length > IFNAME_MAX)
        ctx.addIssue({ code: 'custom', message: `interface ${iface} is longer than ${IFNAME_MAX}` });
      ifaces.get(node)?.add(iface);
    };
    for (const link of spec.links) {
      if ('segment' in link) for (const node of link.members) add(node, ifaceName(node, link.segment));
      else {
        add(link.a, ifaceName(link.a, link.b));
        add(link.b, ifaceName(link.b, link.a));
      }
    }
    const names = new Set<string>();
    for (const clock of spec.clocks) {
      if (names.has(clock.name)) ctx.addIssue({ code: 'custom', message: `clock ${clock.name} twice` });
      names.add(clock.name);
      for (const iface of clock.ifaces)
        if (!ifaces.get(clock.node)?.has(iface))
          ctx.addIssue({
            code: 'custom',
            message: `clock ${clock.name}: node ${clock.node} has no ${iface}`,
          });
    }
  });
export type TopologySpec = z.input<typeof TopologySpec>;
export type Topology = z.output<typeof TopologySpec>;

/** The interfaces of a link, each with the node that holds it. */
export function linkEnds(link: Topology['links'][number]): { node: string; iface: string }[] {
  if ('segment' in link) return link.members.map((node) => ({ node, iface: ifaceName(node, link.segment) }));
  return [
    { node: link.a, iface: ifaceName(link.a, link.b) },
    { node: link.b, iface: ifaceName(link.b, link.a) },
  ];
}
