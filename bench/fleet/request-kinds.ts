/** The request kinds of the fleet tables: the simulator counts lists and gets by resource. */
export const KINDS = ['list', 'get', 'log', 'proxy', 'exec'] as const;

/** The kind of a request as the simulator counted it: diagnose gets the DaemonSet by name and lists the rest. */
export function kindOf(counted: string): string {
  if (counted === 'log' || counted === 'proxy' || counted === 'exec') return counted;
  return counted === 'daemonsets' ? 'get' : 'list';
}
