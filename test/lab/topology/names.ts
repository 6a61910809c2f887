/**
 * Names of what the lab makes on this machine. Every network namespace is `pl<run>-<part>`, `<run>` the
 * owning process' pid in base 36, `x`, and a counter: the prefix tells the lab's namespaces from anyone
 * else's, and the pid tells a live run from one killed before it could clean up (reaper.mjs).
 */
export const LAB_PREFIX = 'pl';

/** Interface names are at most 15 characters (IFNAMSIZ 16 with the NUL). */
export const IFNAME_MAX = 15;

let labs = 0;

/** A new run id for one lab of this process. */
export function newRunId(): string {
  return `${process.pid.toString(36)}x${labs++}`;
}

/** The namespace of a node (or a shared segment's bridge) of a run. */
export function namespaceName(run: string, part: string): string {
  return `${LAB_PREFIX}${run}-${part}`;
}

/** A node's interface on a veth link to `peer`, or on a shared segment named `peer`. */
export function ifaceName(node: string, peer: string): string {
  return `${node}-${peer}`;
}
