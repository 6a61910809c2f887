import { run } from './command.js';

/**
 * Network namespaces, veth pairs and bridges with iproute2. Veth ends are created inside their
 * namespaces, so deleting the namespaces removes every interface and bridge the lab made.
 */
export function addNamespace(namespace: string): void {
  run(['ip', 'netns', 'add', namespace]);
  run(['ip', '-n', namespace, 'link', 'set', 'lo', 'up']);
}

export function addVeth(
  a: { namespace: string; iface: string },
  b: { namespace: string; iface: string },
): void {
  run([
    'ip',
    'link',
    'add',
    a.iface,
    'netns',
    a.namespace,
    'type',
    'veth',
    'peer',
    b.iface,
    'netns',
    b.namespace,
  ]);
}

export function addBridge(namespace: string, bridge: string): void {
  run(['ip', '-n', namespace, 'link', 'add', bridge, 'type', 'bridge']);
  setLink(namespace, bridge, 'up');
}

export function addToBridge(namespace: string, iface: string, bridge: string): void {
  run(['ip', '-n', namespace, 'link', 'set', iface, 'master', bridge]);
}

export function setLink(namespace: string, iface: string, state: 'up' | 'down'): void {
  run(['ip', '-n', namespace, 'link', 'set', iface, state]);
}

/** Pids of the processes running in a namespace. */
export function namespacePids(namespace: string): number[] {
  return run(['ip', 'netns', 'pids', namespace]).split('\n').filter(Boolean).map(Number);
}

/** Removes a namespace; its interfaces go with it. Processes must be gone first, or it lingers. */
export function deleteNamespace(namespace: string): void {
  run(['ip', 'netns', 'del', namespace]);
}
