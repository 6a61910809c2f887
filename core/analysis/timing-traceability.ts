import { z } from 'zod';
import type { ClockHierarchy } from '../model/clock-hierarchy.js';
import type { NodeStatus } from '../model/node-status.js';
import { CLOCK_CLASSES } from '../rules/data/clock-classes.js';

/** Whether a node's time can be traced to a primary reference (GNSS at a T-GM), and along which chain. */
export const Traceability = z.object({
  node: z.string(),
  /**
   * yes: the chain ends at a T-GM locked to GNSS; holdover: at a clock in holdover within specification
   * (class 7 or 135, still traceable); out-of-spec: in holdover beyond it (140..165, not traceable);
   * freerun: at a clock keeping time alone.
   */
  status: z.enum(['yes', 'holdover', 'out-of-spec', 'freerun', 'unknown']),
  /** The nodes from this one up to the root of its tree. */
  chain: z.array(z.string()),
  /** The root's grandmaster identity and clock class as this node receives them. */
  grandmasterIdentity: z.string().nullable(),
  gmClockClass: z.number().nullable(),
  reason: z.string(),
});
export type Traceability = z.infer<typeof Traceability>;

/** The reference state of a T-GM: its GNSS receiver and DPLL as the daemon reports them. */
function referenceOf(root: NodeStatus): { gnss: string | null; dpll: string | null } {
  const state = (name: string) => root.processes.find((p) => p.name === name)?.state ?? null;
  return { gnss: state('gnss'), dpll: state('dpll') };
}

/** A holdover class whose time is not traceable (ITU-T G.8275.1: 140, 150, 160, 165). */
function outOfSpec(root: NodeStatus): boolean {
  const entry = CLOCK_CLASSES.find((c) => c.clockClass === root.clockClass.current);
  return (
    root.syncState === 'HOLDOVER' && entry !== undefined && !entry.timeTraceable && entry.clockClass < 248
  );
}

/**
 * Follows each node's hierarchy link to the root of its tree and judges the root: a T-GM locked to its
 * GNSS is a primary reference (ITU-T G.8275.1 class 6); a root in holdover or free-run keeps time alone.
 */
export function timingTraceability(nodes: readonly NodeStatus[], hierarchy: ClockHierarchy): Traceability[] {
  const links = new Map(hierarchy.links.map((link) => [link.node, link]));
  const byName = new Map(nodes.map((node) => [node.node, node]));
  return nodes.map((node) => {
    const chain = [node.node];
    let link = links.get(node.node);
    while (link?.parentNode && link.parentNode !== link.node && !chain.includes(link.parentNode)) {
      chain.push(link.parentNode);
      link = links.get(link.parentNode);
    }
    const own = links.get(node.node);
    const rootName = chain.at(-1)!;
    const root = byName.get(rootName);
    const base = {
      node: node.node,
      chain,
      grandmasterIdentity: own?.grandmasterIdentity ?? null,
      gmClockClass: own?.gmClockClass ?? null,
    };
    if (!root?.hasData) return { ...base, status: 'unknown' as const, reason: `no data of ${rootName}` };
    const rootLink = links.get(rootName);
    if (rootLink && !rootLink.ownGrandmaster && rootLink.parentNode === null) {
      return {
        ...base,
        status: 'unknown' as const,
        reason: `${rootName} takes time from ${rootLink.parentPortIdentity ?? 'an upstream'} outside this snapshot`,
      };
    }
    if (root.role === 'T-GM') {
      const reference = referenceOf(root);
      if (root.syncState === 'LOCKED' && reference.gnss !== 'FREERUN' && reference.gnss !== 'HOLDOVER') {
        return {
          ...base,
          status: 'yes' as const,
          reason: `${rootName} (T-GM) is locked${reference.gnss ? ` to GNSS (${reference.gnss})` : ''}`,
        };
      }
      const status = outOfSpec(root)
        ? ('out-of-spec' as const)
        : root.syncState === 'HOLDOVER'
          ? ('holdover' as const)
          : ('freerun' as const);
      return {
        ...base,
        status,
        reason: `${rootName} (T-GM) is ${root.syncState}${status === 'out-of-spec' ? ` at class ${root.clockClass.current}, out of holdover specification: not traceable` : ''}: GNSS ${reference.gnss ?? 'unknown'}, DPLL ${reference.dpll ?? 'unknown'}`,
      };
    }
    const status = outOfSpec(root)
      ? ('out-of-spec' as const)
      : root.syncState === 'HOLDOVER'
        ? ('holdover' as const)
        : root.syncState === 'FREERUN'
          ? ('freerun' as const)
          : ('unknown' as const);
    return {
      ...base,
      status,
      reason: `${rootName} (${root.role}) has no upstream and is ${root.syncState}: ${status === 'unknown' ? 'its reference is unknown' : status === 'out-of-spec' ? `class ${root.clockClass.current}, out of holdover specification: not traceable` : 'it keeps time on its own oscillator'}`,
    };
  });
}
